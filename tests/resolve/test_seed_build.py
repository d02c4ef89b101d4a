"""The three seed articles built together: one node per real-world entity, linked to Wikidata."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDFS, SKOS

from kg.resolve.names import norm

pytestmark = [pytest.mark.model, pytest.mark.slow]

ENTITIES = {
    "Ukraine": (["Ukraine", "Kyiv", "Ukrainian delegation"], "Q212"),
    "United States": (["United States", "U.S.", "US", "Washington"], "Q30"),
    "Czechia": (["Czechia", "Czech Republic"], "Q213"),
    "Volodymyr Zelensky": (["Volodymyr Zelensky", "Zelensky"], "Q3881980"),
    "G7": (["G7", "Group of Seven"], "Q1753"),
}


@pytest.fixture(scope="module")
def graph(seed_build) -> Graph:
    return Graph().parse(seed_build.out / "graph.ttl")


@pytest.mark.parametrize("name", list(ENTITIES))
def test_one_node_each(graph: Graph, name: str) -> None:
    variants, wikidata = ENTITIES[name]
    wanted = {norm(v) for v in variants}
    nodes = {
        node
        for predicate in (RDFS.label, SKOS.altLabel)
        for node, label in graph.subject_objects(predicate)
        if isinstance(label, Literal) and norm(str(label)) in wanted
    }
    assert len(nodes) == 1, f"{name}: {sorted(nodes)}"
    assert str(graph.value(nodes.pop(), OWL.sameAs)).endswith("/" + wikidata)


def test_alias_table_written(seed_build) -> None:
    rows = (seed_build.out / "aliases.tsv").read_text().splitlines()
    assert "Kyiv\tcountry/ukraine\tCountry\tUkraine" in rows
