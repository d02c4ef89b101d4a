"""Hand-made articles for the store tests, written with ``kg.rdf.article_graph`` as a build writes them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.rdf import article_graph, article_iri, article_triples, ntriples
from kg.store import Store
from kg.types import Article, Entity, Evidence, ResolvedFact, Status
from kg.vocab import KG

UKRAINE = Entity("country/ukraine", "Ukraine", "Country", frozenset({"Kyiv"}), "Q212")
US = Entity("country/united-states", "United States", "Country", frozenset({"U.S.", "Washington"}), "Q30")
RUSSIA = Entity("country/russia", "Russia", "Country", frozenset({"Moscow"}))
POLAND = Entity("country/poland", "Poland", "Country")
NATO = Entity("organization/nato", "NATO", "Organization")
QUOTED = Entity("organization/quoted", 'The "Quoted" \\ Council', "Organization")


def fact(subject, predicate, obj, status=Status.OCCURRED, article="wire-1", when=None, start=0) -> ResolvedFact:
    """One resolved fact, its sentence a plain statement of it."""
    text = f"{subject.label} {predicate} {obj.label} ({status.value})."
    return ResolvedFact(subject, predicate, obj, status, Evidence(article, text, start, start + len(text)), 0.8, when)


WIRE = Article(id="wire-1", source="corpus/wire/wire-1.txt", text="", title="Ukraine and US sign deal")
PRESS = Article(id="press-1", source="corpus/press/press-1.txt", text="", title="Government press release")
BLOG = Article(id="blog-1", source="corpus/blog/wire-1.txt", text="", title="Same file name, other folder")

ARTICLES: dict[str, tuple[Article, list[ResolvedFact]]] = {
    "wire-1": (WIRE, [
        fact(UKRAINE, "signsAgreementWith", US, when="2024-06-13"),
        fact(UKRAINE, "negotiatesWith", POLAND, when="2024-05", start=40),
        fact(RUSSIA, "attacks", UKRAINE, when="2024-06-12", start=80),
        fact(UKRAINE, "joins", NATO, Status.POSSIBLE, start=120),
    ]),
    "press-1": (PRESS, [
        fact(US, "signsAgreementWith", UKRAINE, article="press-1", when="2024-06-13"),
        fact(UKRAINE, "signsAgreementWith", POLAND, Status.PLANNED, "press-1", "2024-07", 40),
        fact(QUOTED, "meetsWith", UKRAINE, Status.NEGATED, "press-1", None, 80),
    ]),
    "blog-1": (BLOG, [
        fact(POLAND, "providesAidTo", UKRAINE, article="blog-1", when="2024-01"),
        fact(UKRAINE, "negotiatesWith", POLAND, Status.PLANNED, "blog-1", "2024-08", 40),
    ]),
}


def main_graph(article_id: str, variant: int = 0) -> Graph:
    """The article's graph; ``variant`` 1 drops its last fact (the article as first written)."""
    article, facts = ARTICLES[article_id]
    return article_graph(article, facts[: len(facts) - variant])


def copy_row(article_id: str, copy: str) -> tuple[str, str, str]:
    """The article under the id ``copy``, as the (graph name, main, quarantine N-Triples) a build hands the store."""
    article, facts = ARTICLES[article_id]
    moved = [replace(f, evidence=replace(f.evidence, article_id=copy)) for f in facts]
    main = ntriples(article_triples(replace(article, id=copy), moved))
    return str(article_iri(copy)), main, ntriples(quarantine_graph(copy))


def quarantine_graph(article_id: str) -> Graph:
    """One rejected triple, as the gate would put aside."""
    graph = Graph()
    graph.add((URIRef(f"https://w3id.org/kg/entity/bad/{article_id}"), KG.status, Literal("not a status")))
    return graph


def put(store: Store, article_id: str, variant: int = 0) -> None:
    """Replace the article in the store, as a build does."""
    store.replace_article(article_iri(article_id), main_graph(article_id, variant), quarantine_graph(article_id))


def write_folder(folder: Path, article_ids=tuple(ARTICLES)) -> Path:
    """A build folder: the store of the given articles and a graph.html."""
    with Store(folder / "store") as store:
        for article_id in article_ids:
            put(store, article_id)
    (folder / "graph.html").write_text("<!doctype html><title>kg view</title><p>the graph</p>", encoding="utf-8")
    return folder
