"""``kg export``: every RDF syntax reads back as the store holds it; GraphML carries labels, classes and statuses."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from store_graphs import ARTICLES, main_graph, quarantine_graph
from typer.testing import CliRunner

import kg.export
from kg.cli import app
from kg.errors import StoreError
from kg.export import export
from kg.rdf import article_iri
from kg.store import open_store, quarantine_iri


def union() -> Graph:
    merged = Graph()
    for article_id in ARTICLES:
        merged += main_graph(article_id)
    return merged


@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_graph_formats_read_back_as_the_union(news_folder, tmp_path, fmt, syntax):
    target = tmp_path / f"graph.{fmt}"
    with open_store(news_folder, read_only=True) as store:
        export(store, fmt, target)
    assert isomorphic(Graph().parse(target, format=syntax), union())


@pytest.mark.parametrize(
    "fmt, syntax, quarantine",
    [("nquads", "nquads", False), ("trig", "trig", False), ("nquads", "nquads", True), ("trig", "trig", True)],
)
def test_dataset_formats_keep_one_graph_per_article(news_folder, tmp_path, fmt, syntax, quarantine):
    target = tmp_path / f"graph.{fmt}"
    with open_store(news_folder, read_only=True) as store:
        export(store, fmt, target, quarantine=quarantine)
    dataset = Dataset().parse(target, format=syntax)
    expected = {article_iri(a): main_graph(a) for a in ARTICLES}
    if quarantine:
        expected |= {quarantine_iri(article_iri(a)): quarantine_graph(a) for a in ARTICLES}
    graphs = {g.identifier: g for g in dataset.graphs() if len(g)}
    assert set(graphs) == set(expected)
    assert all(isomorphic(graphs[name], expected[name]) for name in expected)


@pytest.mark.parametrize(
    "source, target, predicate, status, date, articles",
    [
        ("Ukraine", "United States", "signsAgreementWith", "occurred", "2024-06-13", 1),
        ("United States", "Ukraine", "signsAgreementWith", "occurred", "2024-06-13", 1),
        ("Ukraine", "Poland", "negotiatesWith", "occurred", "2024-05", 1),
        ("Ukraine", "Poland", "negotiatesWith", "planned", "2024-08", 1),
        ("Ukraine", "NATO", "joins", "possible", None, 1),
        ('The "Quoted" \\ Council', "Ukraine", "meetsWith", "negated", None, 1),
    ],
)
def test_graphml_edges_carry_predicate_status_date(news_folder, tmp_path, source, target, predicate, status, date, articles):
    path = tmp_path / "graph.graphml"
    with open_store(news_folder, read_only=True) as store:
        export(store, "graphml", path)
    graph = nx.read_graphml(path, force_multigraph=True)
    by_label = {data["label"]: node for node, data in graph.nodes(data=True)}
    edge = graph.edges[by_label[source], by_label[target], f"{predicate}/{status}"]
    assert (edge["predicate"], edge["status"], edge.get("date"), edge["articles"]) == (predicate, status, date, articles)
    assert edge["confidence"] == pytest.approx(0.8)
    assert graph.nodes[by_label["NATO"]]["class"] == "Organization"
    assert graph.nodes[by_label["United States"]]["wikidata"] == "http://www.wikidata.org/entity/Q30"


@pytest.mark.parametrize(
    "fmt, quarantine, message",
    [("yaml", False, "expected one of: turtle, ntriples"), ("turtle", True, "needs a format with named graphs")],
)
def test_bad_export_leaves_the_previous_file(news_folder, tmp_path, fmt, quarantine, message):
    target = tmp_path / "graph.out"
    target.write_text("previous", encoding="utf-8")
    with open_store(news_folder, read_only=True) as store, pytest.raises(StoreError, match=message):
        export(store, fmt, target, quarantine=quarantine)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.out"]


def test_export_command_writes_stdout_or_a_file(news_folder, tmp_path):
    result = CliRunner().invoke(app, ["export", str(news_folder), "--format", "ntriples"])
    assert result.exit_code == 0 and isomorphic(Graph().parse(data=result.stdout, format="nt"), union())
    result = CliRunner().invoke(app, ["export", str(news_folder), "-f", "trig", "-o", str(tmp_path / "g.trig")])
    assert result.exit_code == 0 and URIRef(article_iri("press-1")) in {
        g.identifier for g in Dataset().parse(tmp_path / "g.trig", format="trig").graphs()
    }


@pytest.mark.parametrize(
    "view_statements, title, labels",
    [
        (18_000, "kg graph", ["NATO", "Poland", "Russia", 'The "Quoted" \\ Council', "Ukraine", "United States"]),
        (2, "kg graph: the 500 most connected entities", ["NATO", "Poland", "Russia", 'The "Quoted" \\ Council', "Ukraine", "United States"]),
    ],
)
def test_page_of_a_store_whole_or_bounded(news_folder, tmp_path, monkeypatch, view_statements, title, labels):
    """Past ``VIEW_STATEMENTS`` the page draws the busiest entities; this store's six all fit."""
    monkeypatch.setattr(kg.export, "VIEW_STATEMENTS", view_statements)
    with open_store(news_folder, read_only=True) as store:
        kg.export.write_page(store, tmp_path / "graph.html")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', (tmp_path / "graph.html").read_text(encoding="utf-8"), re.S).group(1))
    assert data["title"] == title
    assert sorted(n["label"] for n in data["nodes"]) == labels
    assert len(data["edges"]) == 8 and sum(len(e["q"]) for e in data["edges"]) == 9
