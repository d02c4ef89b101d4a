"""Hand-made graphs for the view tests, built with ``kg.rdf.article_graph`` as the pipeline builds them."""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from kg.rdf import article_graph
from kg.types import Article, Entity, Evidence, ResolvedFact, Status

UKRAINE = Entity("country/ukraine", "Ukraine", "Country", frozenset({"Kyiv"}), "Q212")
US = Entity("country/united-states", "United States", "Country", frozenset({"U.S.", "Washington"}), "Q30")
RUSSIA = Entity("country/russia", "Russia", "Country", frozenset({"Moscow"}))
ZELENSKY = Entity("person/volodymyr-zelensky", "Volodymyr Zelensky", "Person", frozenset({"Zelensky"}))
NATO = Entity("organization/nato", "NATO", "Organization")
DEAL = Entity("agreement/minerals-deal", "minerals deal", "Agreement")


def fact(subject, predicate, obj, status=Status.OCCURRED, sentence="", article="wire-1", when=None, start=0):
    """One resolved fact; the sentence defaults to a plain statement of it."""
    text = sentence or f"{subject.label} {predicate} {obj.label}."
    return ResolvedFact(subject, predicate, obj, status, Evidence(article, text, start, start + len(text)), 0.8, when)


def graph_of(*articles: tuple[Article, list[ResolvedFact]]) -> Graph:
    """The merged graph of several articles, as the store's union gives it."""
    merged = Graph()
    for article, facts in articles:
        merged += article_graph(article, facts)
    return merged


WIRE = Article(id="wire-1", source="wire-1.txt", text="", title="Kyiv and Washington sign minerals deal",
               published=date(2025, 4, 30), url="https://example.org/wire-1")
PRESS = Article(id="press-1", source="press-1.txt", text="", title="Talks with Moscow planned", published=date(2025, 5, 2))


PWN = "window.__pwned=1"
HOSTILE_NAMES = (
    f'<img src=x onerror="{PWN}">',
    f"<script>{PWN}</script>",
    f"javascript:{PWN}",
    f"</script><script>{PWN}</script>",
    f'"><svg onload="{PWN}">',
    f"line\u2028separator <!-- {PWN}",
)
