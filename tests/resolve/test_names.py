"""Names to canonical keys: variants, titles, metonyms, demonyms, Wikidata links (no model needed)."""

from __future__ import annotations

import shutil

import pytest

from kg.errors import ModelError
from kg.resolve import ResolveError, Resolver
from kg.resolve.gazetteer import load_gazetteer
from kg.resources import ontology_dir
from kg.types import Mention


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(None)


@pytest.mark.parametrize(
    "text, label, key, wikidata",
    [
        ("U.S.", "GPE", "country/united-states", "Q30"),
        ("the US", "GPE", "country/united-states", "Q30"),
        ("USA", "GPE", "country/united-states", "Q30"),
        ("United States of America", "GPE", "country/united-states", "Q30"),
        ("America", "GPE", "country/united-states", "Q30"),
        ("Washington", "GPE", "country/united-states", "Q30"),
        ("the White House", "ORG", "country/united-states", "Q30"),
        ("the Biden administration", "ORG", "country/united-states", "Q30"),
        ("U.K.", "GPE", "country/united-kingdom", "Q145"),
        ("UK", "GPE", "country/united-kingdom", "Q145"),
        ("Britain", "GPE", "country/united-kingdom", "Q145"),
        ("London", "GPE", "country/united-kingdom", "Q145"),
        ("Czech Republic", "GPE", "country/czechia", "Q213"),
        ("Czechia", "GPE", "country/czechia", "Q213"),
        ("Kyiv", "PERSON", "country/ukraine", "Q212"),  # the small model tags Kyiv as a person
        ("Kiev", "GPE", "country/ukraine", "Q212"),
        ("Ukraine\u2019s", "GPE", "country/ukraine", "Q212"),
        ("the Ukrainian delegation", "NORP", "country/ukraine", "Q212"),
        ("Ukrainian team", "NORP", "country/ukraine", "Q212"),
        ("Government of Ukraine", "ORG", "country/ukraine", "Q212"),
        ("Russian", "NORP", "country/russia", "Q159"),
        ("the Kremlin", "ORG", "country/russia", "Q159"),
        ("Moscow", "GPE", "country/russia", "Q159"),
        ("Russian Federation", "GPE", "country/russia", "Q159"),
        ("the Netherlands", "GPE", "country/netherlands", "Q55"),
        ("Holland", "GPE", "country/netherlands", "Q55"),
        ("Republic of Korea", "GPE", "country/south-korea", "Q884"),
        ("Zambia", "GPE", "country/zambia", None),  # pycountry only: canonical, not linked
        ("Zelensky", "PERSON", "person/volodymyr-zelensky", "Q3881980"),
        ("Zelenskyy", "PERSON", "person/volodymyr-zelensky", "Q3881980"),
        ("Zelenskiy", "PERSON", "person/volodymyr-zelensky", "Q3881980"),
        ("President Volodymyr Zelensky", "PERSON", "person/volodymyr-zelensky", "Q3881980"),
        ("Ukrainian President Volodymyr Zelenskyy", "PERSON", "person/volodymyr-zelensky", "Q3881980"),
        ("U.S. President Joe Biden", "PERSON", "person/joe-biden", "Q6279"),
        ("Biden", "PERSON", "person/joe-biden", "Q6279"),
        ("U.S. Secretary of State Antony Blinken", "PERSON", "person/antony-blinken", "Q1386795"),
        ("Blinken", "GPE", "person/antony-blinken", "Q1386795"),  # mis-tagged surname
        ("Head of the Presidential Office Andriy Yermak", "PERSON", "person/andriy-yermak", None),
        ("Ukraine's Foreign Minister Dmytro Kuleba", "PERSON", "person/dmytro-kuleba", None),
        ("Russian President Vladimir Putin", "PERSON", "person/vladimir-putin", "Q7747"),
        ("Mr. John Smith", "PERSON", "person/john-smith", None),  # unknown: keyed by name, titles stripped
        ("the Group of Seven (G7)", "ORG", "organization/g7", "Q1753"),
        ("G7", "GPE", "organization/g7", "Q1753"),
        ("G-7", "ORG", "organization/g7", "Q1753"),
        ("NATO", "ORG", "organization/nato", "Q7184"),
        ("the EU", "ORG", "organization/european-union", "Q458"),
        ("Congress", "ORG", "organization/united-states-congress", "Q11268"),
        ("the Presidential Office", "ORG", "organization/office-of-the-president-of-ukraine", None),
        ("President's Office", "ORG", "organization/office-of-the-president-of-ukraine", None),
        ("Kyiv Independent", "ORG", "organization/kyiv-independent", None),  # kept apart by ontology/aliases.tsv
        ("AI", "GPE", "place/ai", None),  # two-letter codes are not countries ("AI assistance")
    ],
)
def test_name_to_key(resolver: Resolver, text: str, label: str, key: str, wikidata: str | None) -> None:
    entity = resolver.entity(Mention(text, label, 0, len(text)))
    assert (entity.key, entity.wikidata) == (key, wikidata)


@pytest.mark.parametrize(
    "text, key",
    [
        ("the G7 Joint Declaration of Support for Ukraine", "agreement/g7-joint-declaration-of-support-for-ukraine"),
        ("Joint Declaration of Support for Ukraine", "agreement/g7-joint-declaration-of-support-for-ukraine"),
        ("the Group of Seven (G7) Joint Declaration of Support for Ukraine", "agreement/g7-joint-declaration-of-support-for-ukraine"),
        ("a pledge made by the G7", "agreement/g7-joint-declaration-of-support-for-ukraine"),
        ("the bilateral security agreement between Ukraine and the US", "agreement/security-agreement-ukraine-united-states"),
        ("a security deal between Washington and Kyiv", "agreement/security-agreement-ukraine-united-states"),
        ("a $61 billion aid package for Ukraine", "agreement/aid-package-ukraine-61"),
        ("the $61 billion aid bill for Ukraine", "agreement/aid-package-ukraine-61"),
        ("the Minsk agreements", "agreement/minsk-agreements"),
    ],
)
def test_agreement_phrase_to_key(resolver: Resolver, text: str, key: str) -> None:
    assert resolver.entity(Mention(text, "AGREEMENT", 0, len(text))).key == key


def test_entity_keeps_the_names_seen() -> None:
    resolver = Resolver(None)
    for text in ("U.S.", "Washington", "United States"):
        entity = resolver.entity(Mention(text, "GPE", 0, len(text)))
    assert (entity.label, entity.aliases) == ("United States", frozenset({"U.S.", "Washington"}))


@pytest.mark.parametrize("text, label", [("he", "PRON"), ("the president", "DESC"), ("we", "PRON")])
def test_entity_refuses_what_only_the_article_can_resolve(resolver: Resolver, text: str, label: str) -> None:
    with pytest.raises(ResolveError, match="Resolver.resolve"):
        resolver.entity(Mention(text, label, 0, len(text)))


def test_a_titles_row_without_a_title_is_reported_with_its_file(tmp_path):
    """An empty title would match before every name and strip nothing; the gazetteer refuses it."""
    folder = shutil.copytree(ontology_dir() / "gazetteer", tmp_path / "gazetteer")
    with (folder / "titles.tsv").open("a", encoding="utf-8") as titles:
        titles.write("\tminister\n")
    with pytest.raises(ModelError, match=r"titles\.tsv: expected a title in the first column"):
        load_gazetteer(folder)
