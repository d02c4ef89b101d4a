"""The page of a large graph draws a bounded piece of it: the busiest entities, a capped number of statements."""

from __future__ import annotations

import pytest
from rdflib import RDF
from rdflib.namespace import RDFS

from kg.store import Store


@pytest.mark.model
@pytest.mark.parametrize("entities, statements", [(3, 5), (10, 20), (1000, 1000)])
def test_top_graph_holds_at_most_the_statements_asked_with_their_entities_and_articles(seed_build, entities, statements):
    with Store(seed_build.out / "store", read_only=True) as store:
        graph = store.top_graph(entities, statements=statements)
    kept = set(graph.subjects(RDF.subject, None))
    assert 0 < len(kept) <= statements
    named = {node for st in kept for node in (graph.value(st, RDF.subject), graph.value(st, RDF.object))}
    assert len(named) <= entities
    assert all(graph.value(node, RDFS.label) is not None for node in named)
