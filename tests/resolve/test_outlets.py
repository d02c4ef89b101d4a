"""Other outlets on the same events: wire copy and a press release name the actors their own way."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kg.resolve import Resolver
from kg.resolve.names import norm
from kg.types import Article, Entity, Mention

from .conftest import fact, mention

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent.parent / "data" / "resolve"
WIRE = "wire_security_pact.txt"
RELEASE = "press_release_declaration.txt"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, words, label, nth, key",
    [
        (WIRE, "Zelenskiy", "PERSON", 1, "person/volodymyr-zelensky"),
        (WIRE, "Ukrainian President Volodymyr Zelenskiy", "PERSON", 0, "person/volodymyr-zelensky"),
        (WIRE, "He", "PRON", 0, "person/volodymyr-zelensky"),
        (WIRE, "Washington", "GPE", 0, "country/united-states"),
        (WIRE, "U.S.", "GPE", 0, "country/united-states"),
        (WIRE, "the United States", "GPE", 0, "country/united-states"),
        (WIRE, "Kyiv", "GPE", 1, "country/ukraine"),
        (WIRE, "Britain", "GPE", 0, "country/united-kingdom"),
        (WIRE, "the Group of Seven", "ORG", 0, "organization/g7"),
        (WIRE, "The Czech Republic", "GPE", 0, "country/czechia"),
        (WIRE, "it", "PRON", 0, "country/czechia"),  # "The Czech Republic said it was negotiating"
        (WIRE, "Ukrainian Foreign Minister Dmytro Kuleba", "PERSON", 0, "person/dmytro-kuleba"),
        (WIRE, "the Kremlin", "ORG", 0, "country/russia"),
        (WIRE, "the deal", "DESC", 0, "agreement/security-agreement-ukraine-united-states"),
        (WIRE, "a bilateral security agreement", "AGREEMENT", 0, "agreement/security-agreement-ukraine-united-states"),
        (RELEASE, "The Government of Ukraine", "ORG", 0, "country/ukraine"),
        (RELEASE, "the Government of the United States of America", "ORG", 0, "country/united-states"),
        (RELEASE, "Washington, D.C.", "GPE", 0, "country/united-states"),
        (RELEASE, "President Zelensky", "PERSON", 0, "person/volodymyr-zelensky"),
        (RELEASE, "The President of Ukraine", "DESC", 0, "person/volodymyr-zelensky"),
        (RELEASE, "the U.S. Congress", "ORG", 0, "organization/united-states-congress"),
        (RELEASE, "the Agreement on Security Cooperation", "AGREEMENT", 0, "agreement/security-agreement-ukraine-united-states"),
        (RELEASE, "the G7 Joint Declaration of Support for Ukraine", "AGREEMENT", 0, "agreement/g7-joint-declaration-of-support-for-ukraine"),
        (RELEASE, "the Joint Declaration of Support for Ukraine", "AGREEMENT", 0, "agreement/g7-joint-declaration-of-support-for-ukraine"),
        (RELEASE, "the $61 billion aid package for Ukraine", "AGREEMENT", 0, "agreement/aid-package-ukraine-61"),
        (RELEASE, "Czechia's government", "ORG", 0, "country/czechia"),
        (RELEASE, "The UK", "GPE", 0, "country/united-kingdom"),
        (RELEASE, "the USA", "GPE", 0, "country/united-states"),
    ],
)
def test_outlet_mention_to_key(nlp, name: str, words: str, label: str, nth: int, key: str) -> None:
    text = _text(name)
    other = mention(text, "Vilnius" if name == RELEASE else "Britain" if key == "country/russia" else "Russia", "GPE")
    resolved = Resolver(None).resolve(
        Article(id=name, source=name, text=text), nlp(text), [fact(text, mention(text, words, label, nth), "meetsWith", other)]
    )
    assert [f.subject.key for f in resolved] == [key]


GROUPS = {
    "Ukraine": ["Ukraine", "Kyiv", "Government of Ukraine", "Ukrainian government"],
    "United States": ["United States", "U.S.", "US", "USA", "Washington", "United States of America"],
    "Czechia": ["Czechia", "Czech Republic"],
    "Zelensky": ["Volodymyr Zelensky", "Zelensky", "Zelenskiy", "Volodymyr Zelenskiy"],
    "G7": ["G7", "Group of Seven", "G-7"],
    "United Kingdom": ["United Kingdom", "UK", "U.K.", "Britain"],
}


def test_one_node_per_entity_across_outlets(nlp) -> None:
    """Every named mention of both articles, paired into facts as a build would: one node per entity."""
    resolver = Resolver(None)
    entities: list[Entity] = []
    for name in (WIRE, RELEASE):
        text = _text(name)
        doc = nlp(text)
        names = [e for e in doc.ents if e.label_ in ("GPE", "PERSON", "ORG", "NORP")]
        facts = [
            fact(text, Mention(a.text, a.label_, a.start_char, a.end_char), "meetsWith", Mention(b.text, b.label_, b.start_char, b.end_char))
            for a, b in zip(names, names[1:], strict=False)
        ]
        for resolved in resolver.resolve(Article(id=name, source=name, text=text), doc, facts):
            entities += [resolved.subject, resolved.object]
    nodes: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for group, variants in GROUPS.items():
            if {norm(v) for v in variants} & {norm(n) for n in {entity.label, *entity.aliases}}:
                nodes[group].add(entity.key)
    assert {group: len(keys) for group, keys in nodes.items()} == dict.fromkeys(GROUPS, 1)
