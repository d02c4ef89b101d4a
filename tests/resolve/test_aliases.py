"""The alias table: persisted across builds, overridden by ontology/aliases.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.resolve import Resolver
from kg.resolve.aliases import AliasTable
from kg.types import Mention


def _key(resolver: Resolver, text: str, label: str = "PERSON") -> str:
    return resolver.entity(Mention(text, label, 0, len(text))).key


def _write(path: Path, rows: str) -> Path:
    path.write_text("# test overrides\n" + rows, encoding="utf-8")
    return path


def test_round_trip_keeps_keys_and_labels(tmp_path: Path) -> None:
    table = tmp_path / "aliases.tsv"
    first = Resolver(table)
    assert _key(first, "Olena Kovalenko") == "person/olena-kovalenko"
    assert _key(first, "U.S.", "GPE") == "country/united-states"
    first.save()
    second = Resolver(table)
    # the surname alone finds the person of the earlier build, with the label she was given
    entity = second.entity(Mention("Kovalenko", "PERSON", 0, 9))
    assert (entity.key, entity.label) == ("person/olena-kovalenko", "Olena Kovalenko")
    saved = AliasTable.load(table)
    assert (saved.key("the US"), saved.key("America")) == ("country/united-states", None)  # names met, in lookup form


def test_save_is_atomic_and_readable(tmp_path: Path) -> None:
    table = tmp_path / "out" / "aliases.tsv"
    resolver = Resolver(table)
    _key(resolver, "Zelenskiy")
    resolver.save()
    rows = [line.split("\t") for line in table.read_text().splitlines() if not line.startswith("#")]
    assert ["Zelenskiy", "person/volodymyr-zelensky", "Person", "Volodymyr Zelensky"] in rows
    assert [p.name for p in table.parent.iterdir()] == ["aliases.tsv"]  # no temporary file left


@pytest.mark.parametrize(
    "rows, text, label, key",
    [
        ("Washington\t-\n", "Washington", "GPE", "place/washington"),  # undo a merge: kept apart
        ("Zelensky\t-\n", "Zelensky", "PERSON", "person/zelensky"),
        ("Kiev\tcountry/ukraine\n", "Kiev", "GPE", "country/ukraine"),
        ("Bankova Street\torganization/office-of-the-president-of-ukraine\n", "Bankova Street", "LOC", "organization/office-of-the-president-of-ukraine"),
        ("the Alliance\torganization/nato\n", "Alliance", "ORG", "organization/nato"),  # case, "the" do not count
    ],
)
def test_override_wins(tmp_path: Path, rows: str, text: str, label: str, key: str) -> None:
    resolver = Resolver(None, overrides=_write(tmp_path / "aliases.tsv", rows))
    assert _key(resolver, text, label) == key


def test_override_beats_an_earlier_build(tmp_path: Path) -> None:
    table = tmp_path / "built.tsv"
    before = Resolver(table)
    _key(before, "Washington", "GPE")
    before.save()
    after = Resolver(table, overrides=_write(tmp_path / "over.tsv", "Washington\t-\n"))
    assert _key(after, "Washington", "GPE") == "place/washington"


@pytest.mark.parametrize("rows", ["Kiev country/ukraine\n", "Kiev\tukraine\n", "Kiev\tcountry/ukraine\textra\n"])
def test_malformed_override_says_what_to_write(tmp_path: Path, rows: str) -> None:
    with pytest.raises(ModelError, match="expected 'alias<TAB>type/name'"):
        Resolver(None, overrides=_write(tmp_path / "aliases.tsv", rows))


@pytest.mark.model
def test_incremental_build_keeps_agreement_nodes_and_labels(nlp, make_fact, tmp_path: Path) -> None:
    """A later build reuses the agreement nodes of an earlier one, with the labels first given."""
    from kg.types import Article

    table = tmp_path / "aliases.tsv"
    first_text = "Ukraine began talks with the U.S. on a bilateral security agreement. Congress passed a $61 billion aid bill for Ukraine."
    later_text = "Kyiv expects an important agreement with the U.S. after Congress passes a $61 aid bill for Ukraine."
    keys = []
    for text, agreements in ((first_text, ("bilateral security agreement", "a $61 billion aid bill")), (later_text, ("an important agreement", "a $61 aid bill"))):
        resolver = Resolver(table)
        facts = [make_fact(text, ("Congress", "ORG"), "approves", (words, "AGREEMENT")) for words in agreements]
        resolved = resolver.resolve(Article(id="a", source="a.txt", text=text), nlp(text), facts)
        keys.append([(f.object.key, f.object.label) for f in resolved])
        resolver.save()
    assert keys[1] == keys[0] == [
        ("agreement/security-agreement-ukraine-united-states", "Security agreement between Ukraine and United States"),
        ("agreement/aid-package-ukraine-61", "$61 billion aid package for Ukraine"),
    ]
