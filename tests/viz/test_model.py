"""The view model: one edge per (subject, predicate, object, status), with all its evidence."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.viz.model import ViewError, find_nodes, neighbourhood, top, view_model
from kg.vocab import ENTITY, KG

from viz_graphs import UKRAINE, US, WIRE, fact, graph_of


def _edges(view):
    """Edges by labels; a symmetric fact's parties in alphabetical order, as it has no direction."""
    found = {}
    for e in view.edges:
        ends = [view.nodes[e.source].label, view.nodes[e.target].label]
        first, second = sorted(ends) if e.symmetric else ends
        found[(first, e.predicate, second, e.status)] = len(e.quotes)
    return found


@pytest.mark.parametrize(
    "edge, quotes",
    [
        (("Ukraine", "signsAgreementWith", "United States", "occurred"), 2),  # told both ways, in two articles
        (("Volodymyr Zelensky", "officialOf", "Ukraine", "occurred"), 1),
        (("Russia", "attacks", "Ukraine", "occurred"), 1),
        (("Russia", "meetsWith", "United States", "negated"), 1),  # kept for the panel, not drawn
        (("Russia", "negotiatesWith", "Ukraine", "planned"), 1),
        (("Ukraine", "joins", "NATO", "possible"), 1),
        (("Ukraine", "signsAgreementWith", "minerals deal", "occurred"), 1),
    ],
)
def test_edges_from_statements(news_graph, edge, quotes):
    assert _edges(view_model(news_graph))[edge] == quotes


def test_no_other_edges_and_every_entity(news_graph):
    view = view_model(news_graph)
    assert len(view.edges) == 7
    assert sorted(n.label for n in view.nodes) == ["NATO", "Russia", "Ukraine", "United States", "Volodymyr Zelensky", "minerals deal"]


def test_evidence_names_article_and_date(news_graph):
    view = view_model(news_graph)
    edge = next(e for e in view.edges if e.predicate == "signsAgreementWith" and len(e.quotes) == 2)
    headlines = sorted(view.articles[q.article].headline for q in edge.quotes)
    assert headlines == ["Kyiv and Washington sign minerals deal", "Talks with Moscow planned"]
    assert {q.date for q in edge.quotes} == {"2025-04-30"}
    assert edge.symmetric


def test_direct_triple_without_statement_is_an_edge():
    graph = graph_of((WIRE, [fact(UKRAINE, "officialOf", US)]))
    graph.add((ENTITY["country/ukraine"], KG.attacks, ENTITY["country/united-states"]))
    assert _edges(view_model(graph))[("Ukraine", "attacks", "United States", "occurred")] == 0


def test_empty_graph():
    view = view_model(Graph())
    assert (view.nodes, view.edges) == ((), ())


@pytest.mark.parametrize(
    "name, labels",
    [
        ("Ukraine", ["Ukraine"]),
        ("kyiv", ["Ukraine"]),  # alias, any case
        ("U.S.", ["United States"]),
        ("zelensky", ["Volodymyr Zelensky"]),
        ("Russ", ["Russia"]),  # no exact name: part of one
    ],
)
def test_find_nodes(news_graph, name, labels):
    view = view_model(news_graph)
    assert [view.nodes[i].label for i in find_nodes(view, name)] == labels


@pytest.mark.parametrize(
    "focus, depth, labels",
    [
        ("NATO", 0, {"NATO"}),
        ("NATO", 1, {"NATO", "Ukraine"}),
        ("Zelensky", 2, {"Volodymyr Zelensky", "Ukraine", "United States", "Russia", "NATO", "minerals deal"}),
        ("minerals deal", 1, {"minerals deal", "Ukraine"}),
    ],
)
def test_neighbourhood(news_graph, focus, depth, labels):
    view = neighbourhood(view_model(news_graph), focus, depth)
    assert {n.label for n in view.nodes} == labels
    assert all(e.source < len(view.nodes) and e.target < len(view.nodes) for e in view.edges)


def test_top_keeps_the_busiest(news_graph):
    view = top(view_model(news_graph), 3)
    assert {n.label for n in view.nodes} == {"Ukraine", "Russia", "United States"}
    assert {e.predicate for e in view.edges} == {"signsAgreementWith", "attacks", "meetsWith", "negotiatesWith"}


@pytest.mark.parametrize(
    "cut, message",
    [
        (lambda v: neighbourhood(v, "Atlantis"), "names none"),
        (lambda v: neighbourhood(v, "Ukraine", -1), "depth"),
        (lambda v: top(v, 0), "--top"),
    ],
)
def test_bad_cuts_say_what_to_do(news_graph, cut, message):
    with pytest.raises(ViewError, match=message):
        cut(view_model(news_graph))
