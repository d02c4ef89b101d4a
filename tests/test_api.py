"""The Python API as an analyst uses it: ``import kg``, then tables, graphs and a view.

Most tests read the session's seed build (``seed_build``); the doctests and the
backend comparison read a small graph made by hand, whose answers are known.
"""

from __future__ import annotations

import doctest
import subprocess
import sys
from datetime import date

import networkx as nx
import pandas as pd
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

import kg
from kg import api
from kg.errors import KGError, QueryError, StoreError
from kg.rdf import article_graph, article_iri
from kg.types import CORE_PREDICATES, Article, Entity, Evidence, ResolvedFact, Status

UKRAINE = Entity("country/ukraine", "Ukraine", "Country", frozenset({"Kyiv"}), "Q212")
US = Entity("country/united-states", "United States", "Country", frozenset({"U.S.", "Washington"}), "Q30")
CANADA = Entity("country/canada", "Canada", "Country", wikidata="Q16")
ZELENSKY = Entity("person/volodymyr-zelensky", "Volodymyr Zelensky", "Person", frozenset({"Zelensky"}))
PACT = Article("a1", "wire/pact.txt", "", title="Kyiv and Washington sign security pact", published=date(2024, 6, 13))
TALKS = Article("a2", "gov/talks.txt", "", title="Ukraine and Canada sign accord", published=date(2024, 2, 24))


def _fact(article, subject, predicate, obj, status, sentence, when=None, by=None):
    evidence = Evidence(article.id, sentence, 0, len(sentence))
    return ResolvedFact(subject, predicate, obj, status, evidence, 0.9, when, by)


SMALL = {
    PACT: [
        _fact(PACT, UKRAINE, "signsAgreementWith", US, Status.OCCURRED, "Kyiv and Washington signed a pact.", "2024-06-13"),
        _fact(PACT, US, "providesAidTo", UKRAINE, Status.PLANNED, "The U.S. will send aid.", "2024-07", ZELENSKY),
        _fact(PACT, ZELENSKY, "officialOf", UKRAINE, Status.OCCURRED, "President Volodymyr Zelensky spoke."),
    ],
    TALKS: [
        _fact(TALKS, UKRAINE, "signsAgreementWith", CANADA, Status.OCCURRED, "Ukraine and Canada signed an accord."),
        _fact(TALKS, CANADA, "meetsWith", US, Status.NEGATED, "Canada did not meet the U.S."),
    ],
}


def _small_graph() -> Graph:
    merged = Graph()
    for article, facts in SMALL.items():
        merged += article_graph(article, facts)
    return merged


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small graph in a folder holding graph.ttl only (the rdflib backend)."""
    folder = tmp_path_factory.mktemp("small")
    _small_graph().serialize(folder / "graph.ttl", format="turtle")
    return kg.open(folder)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """The same graph in a folder holding a store only (the Oxigraph backend)."""
    from kg.store import open_store

    folder = tmp_path_factory.mktemp("small-store")
    with open_store(folder / "store") as store:
        for article, facts in SMALL.items():
            store.replace_article(article_iri(article.id), article_graph(article, facts), Graph())
    return kg.open(folder)


@pytest.fixture(scope="module")
def seeds(seed_build):
    return kg.open(seed_build.out)


def test_doctests(small):
    result = doctest.testmod(api, extraglobs={"kg": kg, "graph": small, "folder": small.path}, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 5


def test_import_kg_is_light():
    code = "import kg, sys; print(sorted(m for m in ('pandas', 'networkx', 'rdflib', 'spacy', 'kg.api') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, 5),
        ({"actor": "Ukraine"}, 4),
        ({"actor": "kyiv"}, 4),  # an alias, in any case
        ({"actor": "WASHINGTON"}, 3),
        ({"actor": "https://w3id.org/kg/entity/country/canada"}, 2),
        ({"actor": "Atlantis"}, 0),
        ({"predicate": "signsAgreementWith"}, 2),
        ({"predicate": ["meetsWith", "providesAidTo"]}, 2),
        ({"status": "occurred"}, 3),
        ({"status": ("planned", "negated")}, 2),
        ({"since": "2024-06-13"}, 3),  # dated that day, planned for 2024-07, undated in an article of that day
        ({"since": date(2024, 7, 31)}, 1),  # a year-month reaches its month's end
        ({"since": "2024"}, 5),  # the undated facts take their article's date
        ({"actor": "Ukraine", "status": "occurred", "predicate": "signsAgreementWith"}, 2),
    ],
)
def test_facts_filters(small, filters, expected):
    assert len(small.facts(**filters)) == expected


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"predicate": "signedWith"}, "expected predicate to be one of"),
        ({"status": "done"}, "expected status to be one of negated, occurred, planned, possible; got done"),
        ({"since": "June 2024"}, "expected since= to be a date"),
    ],
)
def test_bad_filter_values(small, filters, message):
    with pytest.raises(QueryError, match=message):
        small.facts(**filters)


def test_both_backends_give_the_same_answers(small, small_store):
    assert isomorphic(small.rdf, small_store.rdf)
    pd.testing.assert_frame_equal(small.facts(), small_store.facts())
    pd.testing.assert_frame_equal(small.entities(), small_store.entities())
    query = "SELECT ?s ?date WHERE { ?s kg:date ?date } ORDER BY ?date"
    pd.testing.assert_frame_equal(small.sparql(query), small_store.sparql(query))
    assert repr(small).split(":", 1)[1] == repr(small_store).split(":", 1)[1]


def test_fact_row_carries_its_provenance(small):
    row = small.facts(predicate="providesAidTo").iloc[0]
    assert (row.subject, row.object, row.status, row.date, row.attributed_to) == (
        "United States", "Ukraine", "planned", "2024-07", "Volodymyr Zelensky"
    )  # fmt: skip
    assert (row.headline, row.source, row.published, row.sentence) == (
        PACT.title, "wire/pact.txt", "2024-06-13", "The U.S. will send aid."
    )  # fmt: skip
    assert row.confidence == pytest.approx(0.9) and (row.start, row.end) == (0, 23)


@pytest.mark.parametrize(
    "query, columns, first",
    [
        ("SELECT ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?label", ["label"], ["Canada"]),
        ("SELECT ?n WHERE { ?s kg:confidence ?n } LIMIT 1", ["n"], [0.9]),
        ("SELECT ?d WHERE { ?a schema:datePublished ?d } ORDER BY ?d LIMIT 1", ["d"], [date(2024, 2, 24)]),
        ("SELECT ?d WHERE { ?s kg:date ?d } ORDER BY ?d LIMIT 1", ["d"], [date(2024, 6, 13)]),
        ("SELECT ?d WHERE { ?s kg:date ?d FILTER(DATATYPE(?d) = xsd:gYearMonth) }", ["d"], ["2024-07"]),
        ("SELECT ?e WHERE { ?e owl:sameAs wd:Q16 }", ["e"], ["https://w3id.org/kg/entity/country/canada"]),
        ("ASK { ?x kg:signsAgreementWith [] }", ["boolean"], [True]),
        ("CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o } ORDER BY ?o LIMIT 1",
         ["subject", "predicate", "object"],
         ["https://w3id.org/kg/entity/country/canada", "http://www.w3.org/2000/01/rdf-schema#label", "Canada"]),
    ],
)  # fmt: skip
@pytest.mark.parametrize("backend", ["small", "small_store"])
def test_sparql_values(request, backend, query, columns, first):
    frame = request.getfixturevalue(backend).sparql(query)
    assert list(frame.columns) == columns and list(frame.iloc[0]) == first


@pytest.mark.parametrize("query", ["SELECT ?x WHERE {", "SELECT ?x WHERE { ?x nope:p ?y }", "no-such-saved-query"])
@pytest.mark.parametrize("backend", ["small", "small_store"])
def test_malformed_query_is_a_query_error(request, backend, query):
    with pytest.raises(QueryError):
        request.getfixturevalue(backend).sparql(query)


@pytest.mark.parametrize("backend", ["small", "small_store"])
def test_saved_query_by_name_with_a_parameter(request, backend):
    graph = request.getfixturevalue(backend)
    assert len(graph.sparql("about", actor="Kyiv")) == len(graph.facts(actor="Ukraine")) == 4
    with pytest.raises(QueryError, match="actor="):
        graph.sparql("about")


def test_networkx_edges_carry_status_date_evidence(small):
    graph = small.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph) and graph.number_of_edges() == 5
    ukraine, us = (f"https://w3id.org/kg/entity/country/{k}" for k in ("ukraine", "united-states"))
    (edge,) = [d for _, target, d in graph.out_edges(us, data=True) if target == ukraine]
    assert (edge["predicate"], edge["status"], edge["date"], edge["evidence"]) == (
        "providesAidTo", "planned", "2024-07", "The U.S. will send aid."
    )  # fmt: skip
    assert graph.nodes[us] | {"aliases": sorted(graph.nodes[us]["aliases"])} == {
        "label": "United States", "class": "Country", "aliases": ["U.S.", "Washington"], "wikidata": "Q30"
    }  # fmt: skip
    assert small.to_networkx(status="occurred").number_of_edges() == 3


@pytest.mark.parametrize(
    "kind, message",
    [
        ("missing", "no such folder"),
        ("empty", "an empty folder"),
        ("file", "a file"),
        ("other", "a folder holding notes.txt"),
    ],
)
def test_open_a_folder_that_is_no_build(tmp_path, kind, message):
    target = {"missing": tmp_path / "nothing", "file": tmp_path / "graph.ttl"}.get(kind, tmp_path)
    if kind == "file":
        target.write_text("")
    if kind == "other":
        (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(StoreError, match="expected .* to hold graph.ttl or a store written by `kg build`") as err:
        kg.open(target)
    assert message in str(err.value) and isinstance(err.value, KGError)


def test_show_embeds_the_whole_page(small):
    page = small.show(height=400)._repr_html_()
    assert page.startswith("<div><iframe srcdoc=") and "height: 400px" in page
    assert "&lt;html" in page.lower() and "&quot;label&quot;:&quot;Canada&quot;" in page
    focused = small.show(focus="Zelensky", depth=1)._repr_html_()
    assert "&quot;label&quot;:&quot;Ukraine&quot;" in focused and "&quot;label&quot;:&quot;Canada&quot;" not in focused


# -- the seed articles, through the public API ------------------------------------


@pytest.mark.model
def test_seed_facts_table(seeds):
    facts = seeds.facts()
    assert list(facts.columns) == list(api.FACT_COLUMNS)
    assert len(facts) > 20 and facts["statement"].is_unique
    assert set(facts["predicate"]) <= set(CORE_PREDICATES) and set(facts["status"]) <= {s.value for s in Status}
    assert facts[["subject", "object", "sentence", "headline", "source"]].notna().all().all()
    assert (facts["start"] < facts["end"]).all()


@pytest.mark.model
@pytest.mark.parametrize(
    "filters, column, allowed",
    [
        ({"status": "occurred"}, "status", {"occurred"}),
        ({"status": ["planned", "possible"]}, "status", {"planned", "possible"}),
        ({"predicate": "signsAgreementWith"}, "predicate", {"signsAgreementWith"}),
    ],
)
def test_seed_filters(seeds, filters, column, allowed):
    kept = seeds.facts(**filters)
    assert len(kept) > 0 and set(kept[column]) == allowed


@pytest.mark.model
def test_seed_actor_by_alias(seeds):
    ukraine = seeds.facts(actor="Ukraine")
    assert len(ukraine) > 10
    assert (ukraine["subject"].eq("Ukraine") | ukraine["object"].eq("Ukraine")).all()
    aliases = seeds.entities().set_index("label").at["Ukraine", "aliases"]
    assert aliases and len(seeds.facts(actor=aliases[0].upper())) == len(ukraine)


@pytest.mark.model
def test_seed_networkx_and_counts(seeds, seed_build):
    graph = seeds.to_networkx()
    assert graph.number_of_edges() == len(seeds.facts())
    assert all({"status", "date", "confidence", "evidence"} <= set(d) for *_, d in graph.edges(data=True))
    assert all(d["class"] in {"Country", "Person", "Organization", "Agreement", "InternationalOrganization", "GovernmentBody", "Place", "Legislation", "Actor"} for _, d in graph.nodes(data=True))
    assert f"{seed_build.articles} articles" in repr(seeds) and f"{len(seeds.facts())} facts" in repr(seeds)


@pytest.mark.model
def test_seed_sparql_is_a_dataframe(seeds):
    frame = seeds.sparql("SELECT ?a ?headline WHERE { ?a a kg:Article ; schema:headline ?headline }")
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["a", "headline"] and len(frame) == 3


@pytest.mark.model
def test_build_returns_an_open_graph(tmp_path, seeds_dir):
    graph = kg.build(sorted(seeds_dir.glob("*.txt"))[0], out=tmp_path / "one")
    assert isinstance(graph, kg.KnowledgeGraph) and graph.report.articles == 1
    assert repr(graph).startswith(f"KnowledgeGraph({str(tmp_path / 'one')!r}: 1 articles")
    assert len(kg.open(tmp_path / "one").facts()) == len(graph.facts()) > 0
