"""The alias table: which key each name was given, kept across builds so an entity keeps its IRI.

Two files, one format at heart (``alias<TAB>key``):

* ``out/aliases.tsv``, written by every build: each name met, the key it resolved to,
  and that key's class and label, so the next (incremental) build gives the same name
  the same key, and an entity with no gazetteer row keeps the label it was first given.
* ``ontology/aliases.tsv``, edited by people: overrides that win over everything else.
  ``alias<TAB>key`` forces a merge; ``alias<TAB>-`` keeps the name apart (it becomes an
  entity of its own, named as written) to undo a wrong merge.

Aliases are matched in their lookup form (``kg.resolve.names.norm``): case, dots and a
leading "the" do not count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.atomic import atomic_path
from kg.errors import ModelError
from kg.resolve.names import norm

__all__ = ["KEEP_APART", "Known", "AliasTable", "read_overrides"]

KEEP_APART = "-"
"""The key of an override row that keeps a name apart from every other entity."""

_HEADER = """\
# kg alias table, written by `kg build`: every name met, the key it resolved to, and that key's
# class and label. The next build reads it back so that a name keeps its key (and its IRI).
# Columns (TAB-separated): alias  key  type  label
# Do not edit: put corrections in ontology/aliases.tsv (alias<TAB>key, or alias<TAB>- to keep apart).
"""


@dataclass(frozen=True)
class Known:
    """What the table knows of a key: its class and the label it was first given."""

    type: str
    label: str


@dataclass
class AliasTable:
    """Names to keys, read from and written to one TSV file.

    Attributes:
        path: Where the table lives; ``None`` for a table kept in memory only.
        keys: Lookup form of each alias -> key.
        known: Key -> class and label.
        written: Alias as written -> key (what ``save`` writes).
        agreements_ending: The agreement keys that end in each hyphenated tail
            ("-czechia-ukraine"), in the order they were met: the resolver asks for
            the agreements between given parties at every generic one it meets.
    """

    path: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    known: dict[str, Known] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    agreements_ending: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> AliasTable:
        """Read the table at ``path``; a missing file is an empty table (the first build)."""
        table = cls(path=path)
        if path is None or not path.exists():
            return table
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 4:
                raise ModelError(
                    f"{path}:{number}: expected 4 TAB-separated columns (alias, key, type, label), got {len(cells)}: "
                    f"{line!r}; delete the file to start a fresh table"
                )
            table.add(*cells)
        return table

    def add(self, alias: str, key: str, type_: str, label: str) -> bool:
        """Record that ``alias`` names ``key``; a name keeps the first key it was given.

        Returns:
            Whether ``alias`` is new to the table: a row that :meth:`save` will write.
        """
        self.keys.setdefault(norm(alias), key)
        if key not in self.known:
            self.known[key] = Known(type_, label)
            if type_ == "Agreement":
                for start in (i for i, char in enumerate(key) if char == "-"):
                    self.agreements_ending.setdefault(key[start:], []).append(key)
        if alias in self.written:
            return False
        self.written[alias] = key
        return True

    def key(self, alias: str) -> str | None:
        """The key ``alias`` was given before, if any."""
        return self.keys.get(norm(alias))

    def save(self) -> None:
        """Write the table atomically: a reader sees the old table or the new one."""
        if self.path is None:
            return
        with atomic_path(self.path) as tmp:
            with open(tmp, "w", encoding="utf-8") as out:
                out.write(_HEADER)
                for alias, key in sorted(self.written.items(), key=lambda item: (item[1], item[0])):
                    known = self.known[key]
                    out.write(f"{alias}\t{key}\t{known.type}\t{known.label}\n")


def read_overrides(path: Path) -> dict[str, str]:
    """The user's overrides: lookup form of an alias -> key, or :data:`KEEP_APART`.

    Raises:
        ModelError: A row is not ``alias<TAB>key`` or a key is not ``type/name`` nor ``-``.
    """
    overrides: dict[str, str] = {}
    if not path.exists():
        return overrides
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 2 or not (cells[1] == KEEP_APART or "/" in cells[1]):
            raise ModelError(
                f"{path}:{number}: expected 'alias<TAB>type/name' or 'alias<TAB>-', got {line!r}; "
                "for example 'Washington\tcountry/united-states'"
            )
        overrides[norm(cells[0])] = cells[1]
    return overrides
