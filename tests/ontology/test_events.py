"""Events as nodes: one per article for each property, parties and date, queryable by date."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF

from kg.rdf import article_graph, entity_iri, event_iri, statement_iri
from kg.types import Status
from kg.vocab import KG, SEM

from .facts import ARTICLE, DECLARATION, G7, KHARKIV, RUSSIA, UKRAINE, USA, ZELENSKY, fact


@pytest.mark.parametrize(
    "facts, events",
    [
        ([fact(UKRAINE, "negotiatesWith", USA, date="2024-04-29")], 1),
        # the same talks told from either side are one negotiation
        ([fact(UKRAINE, "negotiatesWith", USA), fact(USA, "negotiatesWith", UKRAINE)], 1),
        # an attack by A on B is not one by B on A
        ([fact(RUSSIA, "attacks", UKRAINE), fact(UKRAINE, "attacks", RUSSIA)], 2),
        # two dates, two rounds of talks
        ([fact(UKRAINE, "negotiatesWith", USA, date="2024-03"), fact(UKRAINE, "negotiatesWith", USA, date="2024-04-29")], 2),
        # planned, then held: one meeting with both statuses
        ([fact(ZELENSKY, "meetsWith", USA, Status.PLANNED), fact(ZELENSKY, "meetsWith", USA)], 1),
        # holding an office is a state, not an event
        ([fact(ZELENSKY, "officialOf", UKRAINE)], 0),
    ],
)
def test_event_count(facts, events):
    graph = article_graph(ARTICLE, facts)
    assert len(set(graph.objects(None, KG.event))) == events


@pytest.mark.parametrize(
    "record, cls, role",
    [
        (fact(UKRAINE, "negotiatesWith", USA), KG.Negotiation, SEM.hasActor),
        (fact(UKRAINE, "signsAgreementWith", USA), KG.Signing, SEM.hasActor),
        (fact(ZELENSKY, "meetsWith", USA), KG.Meeting, SEM.hasActor),
        (fact(RUSSIA, "attacks", KHARKIV), KG.Attack, SEM.hasPlace),
        (fact(USA, "providesAidTo", UKRAINE), KG.AidDelivery, SEM.hasActor),
        (fact(G7, "pledges", DECLARATION), KG.Pledge, KG.concerns),
        (fact(UKRAINE, "joins", G7), KG.Accession, SEM.hasActor),
        (fact(USA, "approves", DECLARATION), KG.Approval, KG.concerns),
    ],
)
def test_event_class_and_roles(record, cls, role):
    graph = article_graph(ARTICLE, [record])
    event = event_iri(record)
    assert (statement_iri(record), KG.event, event) in graph
    assert (event, RDF.type, cls) in graph
    assert (event, SEM.hasActor, entity_iri(record.subject)) in graph
    assert (event, role, entity_iri(record.object)) in graph
    assert (event, KG.status, KG.occurred) in graph


def test_negotiations_on_a_date_are_found_by_sparql():
    facts = [
        fact(UKRAINE, "negotiatesWith", USA, date="2024-04-29"),
        fact(UKRAINE, "negotiatesWith", USA, Status.PLANNED, date="2024-05"),
        fact(UKRAINE, "signsAgreementWith", USA, date="2024-04-29"),
    ]
    rows = article_graph(ARTICLE, facts).query(
        """
        SELECT ?event ?actor WHERE {
          ?event a kg:Negotiation ; sem:hasTimeStamp ?t ; kg:status kg:occurred ; sem:hasActor ?actor .
          FILTER (str(?t) = "2024-04-29")
        }""",
        initNs={"kg": KG._NS, "sem": SEM._NS},
    )
    assert {row.actor for row in rows} == {entity_iri(UKRAINE), entity_iri(USA)}
    assert len({row.event for row in rows}) == 1


@pytest.mark.parametrize("status", [Status.PLANNED, Status.POSSIBLE, Status.NEGATED])
def test_unreal_facts_are_never_direct_triples(status):
    record = fact(UKRAINE, "signsAgreementWith", USA, status)
    graph = article_graph(ARTICLE, [record])
    assert (entity_iri(UKRAINE), KG.signsAgreementWith, entity_iri(USA)) not in graph
    assert (statement_iri(record), KG.status, KG[status.value]) in graph
