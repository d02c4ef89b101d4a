"""The gazetteer: the names of the domain's actors, with their canonical names and Wikidata ids.

Countries come from pycountry (names, official and common names, alpha-3 codes: two-letter codes
are too often words or acronyms, "AI", "IT") extended by
``ontology/gazetteer/countries_extra.tsv`` (short names, capitals, demonyms, Q-ids);
organisations, people, metonyms, titles, definite descriptions and agreements come from
the other files of ``ontology/gazetteer/``. Everything is data a user can extend; this
module only reads it into lookup tables, once per process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import ModelError
from kg.resolve.names import Title, norm, slug, surname
from kg.resources import ontology_dir

__all__ = ["Entry", "Description", "AgreementKind", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class Entry:
    """A known entity: what a name in the gazetteer resolves to.

    Attributes:
        key: Stable key ("country/united-states").
        label: Canonical name.
        type: Ontology class local name.
        wikidata: Q-id when certain.
        country: Key of the country a person serves or an institution belongs to.
        roles: Role words of a person ("president", "minister").
        heads: For a named agreement, head nouns that may stand for it ("pledge").
        by: For a named agreement, the key of who made it (the G7).
    """

    key: str
    label: str
    type: str
    wikidata: str | None = None
    country: str | None = None
    roles: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    by: str | None = None


@dataclass(frozen=True)
class Description:
    """A definite description and what its antecedent must be."""

    type: str
    role: str
    number: int


@dataclass(frozen=True)
class AgreementKind:
    """A kind of unnamed agreement ("security agreement"), recognised by cue and head nouns."""

    kind: str
    cues: frozenset[str]
    heads: frozenset[str]


@dataclass
class Gazetteer:
    """Lookup tables over the data files; built by :func:`load_gazetteer`."""

    names: dict[str, Entry] = field(default_factory=dict)
    codes: dict[str, Entry] = field(default_factory=dict)
    demonyms: dict[str, Entry] = field(default_factory=dict)
    surnames: dict[str, set[Entry]] = field(default_factory=lambda: defaultdict(set))
    by_key: dict[str, Entry] = field(default_factory=dict)
    government_nouns: frozenset[str] = frozenset()
    titles: tuple[Title, ...] = ()
    descriptions: dict[str, Description] = field(default_factory=dict)
    agreements: dict[str, Entry] = field(default_factory=dict)
    agreement_kinds: tuple[AgreementKind, ...] = ()

    def lookup(self, name: str) -> Entry | None:
        """The entity a name stands for on its own: a country, capital, organisation or person.

        Examples:
            >>> g = load_gazetteer()
            >>> g.lookup("the U.S.").key, g.lookup("Kyiv").key, g.lookup("Zelenskiy").key
            ('country/united-states', 'country/ukraine', 'person/volodymyr-zelensky')
        """
        stripped = name.strip()
        if stripped in self.codes:
            return self.codes[stripped]
        return self.names.get(norm(name))

    def country_of(self, name: str) -> Entry | None:
        """The country a qualifier names: a country name, code or demonym ("Ukrainian")."""
        entry = self.lookup(name)
        if entry is not None and entry.type == "Country":
            return entry
        return self.demonyms.get(norm(name))

    def person_by_surname(self, name: str) -> Entry | None:
        """The one known person with this last name, if only one."""
        entries = self.surnames.get(surname(name), set())
        return next(iter(entries)) if len(entries) == 1 else None

    def _add(self, entry: Entry, names: Iterator[str] | list[str]) -> None:
        self.by_key.setdefault(entry.key, entry)
        for name in [entry.label, *names]:
            if name:
                self.names.setdefault(norm(name), entry)


def _rows(path: Path, columns: int) -> Iterator[list[str]]:
    """The data rows of a TAB-separated file, padded to ``columns`` cells."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"expected the gazetteer file {path}, but it cannot be read ({exc}); restore it from git") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > columns:
            raise ModelError(
                f"{path}:{number}: expected at most {columns} TAB-separated columns, got {len(cells)}: {line!r}; "
                "fix the row as the file's header describes"
            )
        yield [c.strip() for c in cells] + [""] * (columns - len(cells))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _load_countries(g: Gazetteer, folder: Path) -> None:
    import pycountry

    extra = {row[0]: row for row in _rows(folder / "countries_extra.tsv", 6)}
    for country in pycountry.countries:
        code3 = country.alpha_3
        _, label, wikidata, capitals, demonyms, names = extra.get(code3, [code3, "", "", "", "", ""])
        common = getattr(country, "common_name", None)
        label = label or common or country.name
        entry = Entry(key=f"country/{slug(label)}", label=label, type="Country", wikidata=wikidata or None)
        official = getattr(country, "official_name", None)
        g._add(entry, [country.name, common or "", official or "", *_split(names), *_split(capitals)])
        g.codes.setdefault(code3, entry)
        for demonym in _split(demonyms):
            g.demonyms.setdefault(norm(demonym), entry)


def _load_organizations(g: Gazetteer, folder: Path) -> None:
    for label, wikidata, names, country in _rows(folder / "organizations.tsv", 4):
        country_key = g.codes[country].key if country in g.codes else None
        entry = Entry(key=f"organization/{slug(label)}", label=label, type="Organization", wikidata=wikidata or None, country=country_key)
        g._add(entry, _split(names))


def _load_people(g: Gazetteer, folder: Path) -> None:
    for label, wikidata, names, country, roles in _rows(folder / "people.tsv", 5):
        country_key = g.codes[country].key if country in g.codes else None
        entry = Entry(
            key=f"person/{slug(label)}",
            label=label,
            type="Person",
            wikidata=wikidata or None,
            country=country_key,
            roles=frozenset(_split(roles)),
        )
        g._add(entry, _split(names))
        for name in [label, *_split(names)]:
            g.surnames[surname(name)].add(entry)


def _load_metonyms(g: Gazetteer, folder: Path) -> None:
    nouns = set()
    for kind, name, key in _rows(folder / "metonyms.tsv", 3):
        if kind == "noun":
            nouns.add(norm(name))
        elif kind == "place" and key in g.by_key:
            g.names.setdefault(norm(name), g.by_key[key])
        else:
            raise ModelError(
                f"metonyms.tsv: expected 'place <name> <known key>' or 'noun <noun> -', got {kind!r} {name!r} {key!r}; "
                "a place must point to a key the gazetteer defines"
            )
    g.government_nouns = frozenset(nouns)


def _load_titles(g: Gazetteer, folder: Path) -> None:
    titles = [Title(tuple(t.lower().split()), frozenset(_split(roles))) for t, roles in _rows(folder / "titles.tsv", 2)]
    if any(not title.words for title in titles):  # it would match before every name and strip nothing
        raise ModelError(f"{folder / 'titles.tsv'}: expected a title in the first column of every row, got an empty one")
    g.titles = tuple(sorted(titles, key=lambda t: -len(t.words)))


def _load_descriptions(g: Gazetteer, folder: Path) -> None:
    for words, type_, role, number in _rows(folder / "descriptions.tsv", 4):
        g.descriptions[words] = Description(type=type_, role=role, number=int(number or 1))


def _load_agreements(g: Gazetteer, folder: Path) -> None:
    kinds = []
    for kind, label, second, third, fourth, fifth in _rows(folder / "agreements.tsv", 6):
        if kind == "named":
            entry = Entry(
                key=f"agreement/{slug(label)}",
                label=label,
                type="Agreement",
                wikidata=second or None,
                heads=frozenset(_split(fourth)),
                by=fifth or None,
            )
            g.by_key.setdefault(entry.key, entry)
            for name in [label, *_split(third)]:
                g.agreements[norm(name)] = entry
        else:
            kinds.append(AgreementKind(kind=label, cues=frozenset(_split(second)), heads=frozenset(_split(third))))
    g.agreement_kinds = tuple(kinds)


@lru_cache(maxsize=4)
def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Read ``ontology/gazetteer/`` (or ``folder``) into lookup tables, once per folder.

    Raises:
        ModelError: A file is missing or a row does not have the columns its header describes.
    """
    folder = folder or ontology_dir() / "gazetteer"
    g = Gazetteer()
    _load_countries(g, folder)
    _load_organizations(g, folder)
    _load_people(g, folder)
    _load_metonyms(g, folder)
    _load_titles(g, folder)
    _load_descriptions(g, folder)
    _load_agreements(g, folder)
    return g
