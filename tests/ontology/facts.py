"""Hand-made facts for the ontology tests, so they do not wait for the extractor."""

from __future__ import annotations

import dataclasses

from kg.rdf import article_graph
from kg.types import Article, Entity, Evidence, ResolvedFact, Status

UKRAINE = Entity("country/ukraine", "Ukraine", "Country", frozenset({"Kyiv"}), "Q212")
USA = Entity("country/united-states", "United States", "Country", frozenset({"U.S.", "Washington"}), "Q30")
ZELENSKY = Entity("person/volodymyr-zelensky", "Volodymyr Zelensky", "Person", wikidata="Q3881980")
G7 = Entity("organization/g7", "G7", "Organization")
NATO = Entity("organization/nato", "NATO", "Organization")
DECLARATION = Entity("agreement/g7-joint-declaration", "G7 Joint Declaration of Support for Ukraine", "Agreement")
KHARKIV = Entity("place/kharkiv", "Kharkiv", "Place")
RUSSIA = Entity("country/russia", "Russia", "Country")

ARTICLE = Article(id="a1", source="a1.txt", text="x" * 400)
TALKS = "Ukraine held the third round of negotiations with the U.S. on April 29."


def fact(subject: Entity, predicate: str, obj: Entity, status: Status = Status.OCCURRED, **changes) -> ResolvedFact:
    """A well-formed fact; ``changes`` replace any field (date, confidence, evidence...)."""
    base = ResolvedFact(
        subject=subject,
        predicate=predicate,
        object=obj,
        status=status,
        evidence=Evidence("a1", TALKS, 0, len(TALKS)),
        confidence=0.9,
    )
    return dataclasses.replace(base, **changes)


GOOD_FACTS = (
    fact(UKRAINE, "negotiatesWith", USA, date="2024-04-29"),
    fact(UKRAINE, "signsAgreementWith", USA, Status.PLANNED),
    fact(ZELENSKY, "officialOf", UKRAINE),
    fact(G7, "pledges", DECLARATION, date="2023-07"),
    fact(UKRAINE, "joins", NATO, Status.POSSIBLE),
    fact(RUSSIA, "attacks", KHARKIV, date="2024"),
    fact(USA, "providesAidTo", UKRAINE, Status.NEGATED),
    fact(ZELENSKY, "meetsWith", USA, attributed_to=ZELENSKY),
)
"""One fact of each kind the seeds produce, each well-formed."""


def good_graph():
    """The article graph of :data:`GOOD_FACTS`: it breaks no rule."""
    return article_graph(ARTICLE, GOOD_FACTS)
