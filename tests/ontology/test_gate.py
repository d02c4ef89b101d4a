"""The validation gate: each kind of bad fact lands in quarantine, named by its rule.

pySHACL is the judge: every case checks that the fast engine the build uses
reports exactly what pySHACL reports.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace
from rdflib.namespace import RDF, RDFS, SH

from kg.rdf import article_graph, entity_iri, ntriples, statement_iri
from kg.types import Evidence, Status
from kg.validate import ENGINES, KGSH, gate, gate_triples, violations
from kg.vocab import KG
from kg.errors import ModelError

from .facts import ARTICLE, DECLARATION, G7, GOOD_FACTS, KHARKIV, NATO, RUSSIA, UKRAINE, USA, ZELENSKY, fact, good_graph

TALKS = fact(UKRAINE, "negotiatesWith", USA)
TALKS_NODE = statement_iri(TALKS)


def _edit(change: Callable[[Graph], None]) -> Graph:
    """The graph of TALKS plus the good facts, with ``change`` applied to it."""
    graph = article_graph(ARTICLE, [*GOOD_FACTS, TALKS])
    change(graph)
    return graph


def _set(prop: URIRef, value) -> Callable[[Graph], None]:
    return lambda g: g.set((TALKS_NODE, prop, value))


# A bad fact is either a fact rdf.py writes from a bad record, or a good graph edited by hand.
BAD = [
    ("wrong domain", [fact(DECLARATION, "negotiatesWith", USA)], None, "ActorDomain"),
    ("wrong domain of officialOf", [fact(UKRAINE, "officialOf", G7)], None, "OfficialOfDomain"),
    ("wrong range", [fact(UKRAINE, "pledges", USA)], None, "AgreementRange"),
    ("wrong range of officialOf", [fact(ZELENSKY, "officialOf", DECLARATION)], None, "OfficialOfRange"),
    ("wrong range of joins", [fact(UKRAINE, "joins", RUSSIA)], None, "JoinsRange"),
    ("wrong range of attacks", [fact(RUSSIA, "attacks", DECLARATION)], None, "AttacksRange"),
    ("actor range", [fact(UKRAINE, "negotiatesWith", KHARKIV)], None, "ActorRange"),
    ("unknown predicate", [fact(UKRAINE, "admires", USA)], None, "StatementPredicate"),
    ("malformed date", [fact(UKRAINE, "negotiatesWith", USA, date="2024-02-30")], None, "StatementDate"),
    ("date that is no ISO date", [fact(UKRAINE, "negotiatesWith", USA, date="April 29")], None, "StatementDate"),
    ("confidence above 1", [fact(UKRAINE, "negotiatesWith", USA, confidence=1.7)], None, "StatementConfidence"),
    ("confidence below 0", [fact(UKRAINE, "negotiatesWith", USA, confidence=-0.2)], None, "StatementConfidence"),
    ("offsets reversed", [fact(UKRAINE, "negotiatesWith", USA, evidence=Evidence("a1", "s", 50, 10))], None, "StatementStart"),
    ("empty sentence", [fact(UKRAINE, "negotiatesWith", USA, evidence=Evidence("a1", "", 0, 10))], None, "StatementSentence"),
    ("attributed to an agreement", [fact(UKRAINE, "negotiatesWith", USA, attributed_to=DECLARATION)], None, "StatementAttribution"),
    ("unknown status", None, _set(KG.status, KG._NS["rumoured"]), "StatementStatus"),
    ("status as a string", None, _set(KG.status, Literal("occurred")), "StatementStatus"),
    ("two statuses", None, lambda g: g.add((TALKS_NODE, KG.status, KG.planned)), "StatementStatus"),
    ("no status", None, lambda g: g.remove((TALKS_NODE, KG.status, None)), "StatementStatus"),
    ("no article", None, lambda g: g.remove((TALKS_NODE, KG.article, None)), "StatementArticle"),
    ("no sentence", None, lambda g: g.remove((TALKS_NODE, KG.sentence, None)), "StatementSentence"),
    ("no offsets", None, lambda g: g.remove((TALKS_NODE, KG.startOffset, None)), "StatementStart"),
    ("offset not an integer", None, _set(KG.endOffset, Literal("end")), "StatementEnd"),
    ("two subjects", None, lambda g: g.add((TALKS_NODE, RDF.subject, entity_iri(ZELENSKY))), "StatementSubject"),
    ("no object", None, lambda g: g.remove((TALKS_NODE, RDF.object, None)), "StatementObject"),
    ("literal object", None, _set(RDF.object, Literal("the U.S.")), "StatementObject"),
    ("date typed as a year", None, _set(KG.date, Literal("2024-04-29", datatype=namespace.XSD.gYear)), "StatementDate"),
    ("missing label", None, lambda g: g.remove((entity_iri(USA), RDFS.label, None)), "EntityLabel"),
    ("two labels", None, lambda g: g.add((entity_iri(USA), RDFS.label, Literal("U.S."))), "EntityLabel"),
    ("entity without class", None, lambda g: g.remove((entity_iri(USA), RDF.type, None)), "Entity"),
    ("article without source", None, lambda g: g.remove((None, KG.source, None)), "ArticleSource"),
]


def _bad_graph(facts, change) -> Graph:
    return article_graph(ARTICLE, [*GOOD_FACTS, *facts]) if facts else _edit(change)


def test_good_facts_pass_both_engines():
    graph = good_graph()
    for engine in ENGINES:
        assert violations(graph, engine=engine) == []
    result = gate(graph)
    assert len(result.quarantine) == 0 and len(result.main) == len(graph)


@pytest.mark.parametrize("kind, facts, change, rule", BAD, ids=[row[0] for row in BAD])
def test_bad_fact_is_quarantined_with_its_rule(kind, facts, change, rule):
    graph = _bad_graph(facts, change)
    judged = violations(graph, engine="pyshacl")
    fast = violations(graph, engine="fast")
    assert {v.key() for v in fast} == {v.key() for v in judged}
    assert rule in {v.rule for v in judged}

    result = gate(graph)
    q = result.quarantine
    reasons = set(q.subjects(SH.sourceShape, KGSH[rule]))
    assert reasons, f"no {rule} reason in quarantine"
    assert all(str(q.value(r, SH.resultMessage)).split(" rule: ")[1] for r in reasons)
    condemned = set(q.subjects(RDF.type, RDF.Statement))
    assert condemned and all((s, KG.violation, None) in q for s in condemned)
    assert not any((s, None, None) in result.main for s in condemned)
    assert violations(result.main, engine="pyshacl") == []
    assert set(graph) <= set(result.main) | set(q)  # nothing dropped


@pytest.mark.parametrize("kind, facts, change, rule", BAD, ids=[row[0] for row in BAD])
def test_the_builds_gate_splits_as_the_graph_gate_does(kind, facts, change, rule):
    """The build checks and writes an article's triples without an rdflib Graph; the split is the same."""
    graph = _bad_graph(facts, change)
    by_graph, by_triples = gate(graph), gate_triples(list(graph))
    assert by_triples.violations == by_graph.violations
    for text, part in ((by_triples.main, by_graph.main), (by_triples.quarantine, by_graph.quarantine)):
        assert set(Graph().parse(data=text, format="nt")) == set(part)


def test_literals_survive_n_triples_with_quotes_backslashes_and_line_breaks():
    sentence = Literal('He said "no"\\nthen C:\\temp\r\nand left\ttoo.')
    triple = (URIRef("urn:x:s"), KG.sentence, sentence)
    assert set(Graph().parse(data=ntriples([triple]), format="nt")) == {triple}


def test_occurred_direct_triple_goes_with_its_statement():
    bad = fact(UKRAINE, "negotiatesWith", USA, confidence=3.0)
    result = gate(article_graph(ARTICLE, [bad]))
    direct = (entity_iri(UKRAINE), KG.negotiatesWith, entity_iri(USA))
    assert direct in result.quarantine and direct not in result.main


def test_direct_triple_stays_when_a_good_statement_asserts_it():
    good, bad = fact(UKRAINE, "negotiatesWith", USA), fact(UKRAINE, "negotiatesWith", USA, confidence=3.0, evidence=Evidence("a1", "s", 5, 9))
    result = gate(article_graph(ARTICLE, [good, bad]))
    assert (entity_iri(UKRAINE), KG.negotiatesWith, entity_iri(USA)) in result.main
    assert (statement_iri(good), RDF.type, RDF.Statement) in result.main


def test_entity_only_a_bad_statement_uses_goes_too():
    bad = fact(NATO, "negotiatesWith", DECLARATION)
    result = gate(article_graph(ARTICLE, [fact(UKRAINE, "negotiatesWith", USA), bad]))
    assert (entity_iri(DECLARATION), RDFS.label, None) in result.quarantine
    assert (entity_iri(DECLARATION), None, None) not in result.main
    assert (entity_iri(USA), RDFS.label, None) in result.main


def test_unknown_engine_names_the_known_ones():
    with pytest.raises(ModelError, match="fast, pyshacl"):
        violations(good_graph(), engine="fastest")


@pytest.mark.parametrize("status", list(Status))
def test_every_status_value_passes(status):
    assert violations(article_graph(ARTICLE, [fact(UKRAINE, "meetsWith", USA, status)])) == []


def test_two_facts_of_one_statement_make_one_statement_with_the_higher_confidence():
    """Two mentions of a sentence resolved to the same entities ("the U.K." twice in a list) are one statement."""
    weaker, stronger = fact(UKRAINE, "negotiatesWith", USA, confidence=0.6), fact(UKRAINE, "negotiatesWith", USA, confidence=0.8)
    graph = article_graph(ARTICLE, [weaker, stronger])
    assert list(graph.objects(statement_iri(weaker), KG.confidence)) == [Literal(Decimal("0.8"))]
    assert violations(graph) == []
