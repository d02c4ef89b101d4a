"""Inference behind a flag: symmetric closure, super-properties and classes from kg.ttl."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF

from kg.infer import entailed, infer
from kg.rdf import article_graph, entity_iri
from kg.vocab import KG, SEM, WD

from .facts import ARTICLE, DECLARATION, G7, GOOD_FACTS, UKRAINE, USA, fact


@pytest.fixture(scope="module")
def inferred():
    return infer(article_graph(ARTICLE, [*GOOD_FACTS, fact(G7, "pledges", DECLARATION)]))


@pytest.mark.parametrize(
    "subject, predicate, obj",
    [
        # symmetric closure
        (USA, KG.negotiatesWith, UKRAINE),
        # super-properties
        (UKRAINE, KG.cooperatesWith, USA),
        (UKRAINE, KG.interactsWith, USA),
        (USA, KG.interactsWith, UKRAINE),
        (G7, KG.commitsTo, DECLARATION),
    ],
)
def test_entailed_fact(inferred, subject, predicate, obj):
    assert (entity_iri(subject), predicate, entity_iri(obj)) in inferred


@pytest.mark.parametrize(
    "entity, cls",
    [(UKRAINE, KG.Actor), (UKRAINE, SEM.Actor), (G7, KG.Actor), (DECLARATION, KG.Agreement)],
)
def test_entailed_class(inferred, entity, cls):
    assert (entity_iri(entity), RDF.type, cls) in inferred


def test_planned_facts_entail_nothing_direct(inferred):
    # signsAgreementWith is only planned in GOOD_FACTS: no direct triple, so no symmetric one
    assert (entity_iri(USA), KG.signsAgreementWith, entity_iri(UKRAINE)) not in inferred


def test_wikidata_links_are_not_smushed():
    graph = article_graph(ARTICLE, GOOD_FACTS)
    new = entailed(graph)
    assert not any(str(s).startswith(str(WD)) for s in new.subjects())
    assert len(new) > 0 and not set(new) & set(graph)
