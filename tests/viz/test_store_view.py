"""The view read straight from a store: what the graph's view shows, and a bounded piece of a big store."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from viz_graphs import PRESS, WIRE

from kg.rdf import article_iri
from kg.store import Store, open_store
from kg.viz.model import ViewError, store_view, view_model
from kg.vocab import KG


def _seen(view):
    """What a user sees: each entity's names and class; each edge by labels, with its quotes in order."""
    nodes = sorted((n.label, n.cls, n.aliases, n.wikidata) for n in view.nodes)
    edges = sorted(
        (
            view.nodes[e.source].label, e.predicate, view.nodes[e.target].label, e.status,
            tuple((q.sentence, q.date, q.confidence, q.attributed_to, q.relation,
                   view.articles[q.article].headline if q.article >= 0 else None) for q in e.quotes),
        )
        for e in view.edges
    )
    return nodes, edges


def _quotes(view):
    return [q for e in view.edges for q in e.quotes]


@pytest.fixture(scope="module")
def seed_store(seed_build):
    with Store(seed_build.out / "store", read_only=True) as store:
        yield store


@pytest.fixture()
def news_store(news_graph):
    """The two articles of ``news_graph`` in a store, each its own named graph as a build puts them."""
    with open_store(None, backend="memory") as store:
        for article in (WIRE, PRESS):
            store.replace_article(article_iri(article.id), _article_part(news_graph, article.id), Graph())
        yield store


def _article_part(graph: Graph, article_id: str) -> Graph:
    """The statements of one article with the entities and article they name."""
    part = Graph()
    statements = set(graph.subjects(KG.article, URIRef(str(article_iri(article_id)))))
    for statement in statements:
        part += graph.triples((statement, None, None))
        for end in (graph.value(statement, RDF.subject), graph.value(statement, RDF.object)):
            part += graph.triples((end, None, None))
    part += graph.triples((URIRef(str(article_iri(article_id))), None, None))
    return part


def test_store_view_of_articles_is_the_view_of_their_merged_graph(news_store, news_graph):
    assert _seen(store_view(news_store)) == _seen(view_model(news_graph))


@pytest.mark.model
def test_store_view_of_the_seed_build_is_the_view_of_its_graph(seed_store, seed_build):
    seen = _seen(store_view(seed_store))
    assert seen == _seen(view_model(seed_store.union()))
    assert seen == _seen(view_model(Graph().parse(seed_build.out / "graph.ttl")))  # what `kg viz` reads


@pytest.mark.model
def test_every_statement_of_the_seed_build_is_a_quote_of_its_edge(seed_store):
    view, graph = store_view(seed_store), seed_store.union()
    edges = {}
    for e in view.edges:
        ends = (view.nodes[e.source].iri, view.nodes[e.target].iri)
        for key in {ends, ends[::-1] if e.symmetric else ends}:
            edges[(*key, e.predicate, e.status)] = {q.sentence for q in e.quotes}
    statements = set(graph.subjects(RDF.subject, None))
    for statement in statements:
        s, p, o = (graph.value(statement, prop) for prop in (RDF.subject, RDF.predicate, RDF.object))
        status = graph.value(statement, KG.status)
        key = (str(s), str(o), str(p).rsplit("#", 1)[-1], str(status).rsplit("#", 1)[-1])
        assert str(graph.value(statement, KG.sentence)) in edges[key]
    assert len(_quotes(view)) == len(statements)
    assert {n.label for n in view.nodes} == {str(label) for label in graph.objects(None, RDFS.label)}


@pytest.mark.model
@pytest.mark.parametrize("entities, statements", [(3, 5), (10, 20), (1000, 1000)])
def test_bounded_view_holds_the_most_confident_statements_among_the_busiest(seed_store, entities, statements):
    view = store_view(seed_store, busiest=entities, statements=statements)
    quotes = _quotes(view)
    assert 0 < len(quotes) <= statements and len(view.nodes) <= entities
    graph = seed_store.union()
    assert all(n.label == str(graph.value(URIRef(n.iri), RDFS.label)) for n in view.nodes)
    assert all(view.articles[q.article].headline for q in quotes)
    chosen = {n.iri for n in view.nodes}
    left_out = [  # statements between the chosen entities that the view does not quote
        float(graph.value(st, KG.confidence))
        for st in graph.subjects(RDF.subject, None)
        if {str(graph.value(st, RDF.subject)), str(graph.value(st, RDF.object))} <= chosen
    ]
    left_out = sorted(left_out, reverse=True)[len(quotes):]
    assert max(left_out, default=0.0) <= min(q.confidence for q in quotes)


@pytest.mark.model
def test_bounded_view_with_room_for_everything_draws_every_edge(seed_store):
    whole, bounded = store_view(seed_store), store_view(seed_store, busiest=10_000, statements=100_000)
    assert _seen(bounded)[1] == _seen(whole)[1]


@pytest.mark.parametrize(
    "busiest, statements, nodes, quotes",
    [
        (1, 10, {"Ukraine"}, 0),
        (3, 10, {"Ukraine", "United States", "Russia"}, 5),  # every statement among the three
        (3, 2, {"Ukraine", "United States", "Russia"}, 2),
    ],
)
def test_bounded_view_of_a_small_store(news_store, busiest, statements, nodes, quotes):
    view = store_view(news_store, busiest=busiest, statements=statements)
    assert {n.label for n in view.nodes} == nodes
    assert len(_quotes(view)) == quotes


@pytest.mark.parametrize("busiest, statements", [(0, 10), (10, 0), (-1, -1)])
def test_bounded_view_needs_positive_sizes(news_store, busiest, statements):
    with pytest.raises(ViewError, match="positive number"):
        store_view(news_store, busiest=busiest, statements=statements)
