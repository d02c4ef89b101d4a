"""Inference behind a flag: what the ontology entails about a graph, added to it.

The build writes only what the articles say. With ``kg build --infer`` the
graph also gets what ``ontology/kg.ttl`` entails, by the OWL 2 RL rules of
owlrl: the other direction of symmetric facts (``Ukraine negotiatesWith U.S.``
gives ``U.S. negotiatesWith Ukraine``), the super-properties of each fact
(``negotiatesWith`` is ``cooperatesWith`` is ``interactsWith``), and the classes
an entity belongs to (a ``kg:Country`` is a ``kg:Actor``, a ``sem:Actor`` and a
``prov:Agent``; the subject of ``pledges`` is a ``kg:Actor``).

Notes:
    The closure runs on the graph without its ``owl:sameAs`` links to Wikidata:
    OWL 2 RL would otherwise copy every triple of an entity onto its Wikidata
    IRI. And it keeps only entailments about the graph's own nodes in the
    ontology's terms, not the many trivial ones (``owl:Thing``, reflexive
    ``owl:sameAs``, facts about the ontology itself) that the rules also make.

Examples:
    >>> from rdflib import Graph
    >>> from kg.vocab import ENTITY, KG
    >>> g = Graph()
    >>> _ = g.add((ENTITY["country/ukraine"], KG.negotiatesWith, ENTITY["country/united-states"]))
    >>> (ENTITY["country/united-states"], KG.negotiatesWith, ENTITY["country/ukraine"]) in infer(g)
    True
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.ontology_doc import load_ontology

__all__ = ["entailed", "infer"]

_TBOX = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)


@cache
def _schema() -> tuple[Graph, frozenset[URIRef], frozenset[URIRef]]:
    """The axioms the rules use, and the classes and properties worth entailing."""
    ontology = load_ontology()
    axioms = Graph()
    for predicate in _TBOX:
        for s, o in ontology.subject_objects(predicate):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                axioms.add((s, predicate, o))
    for prop in ontology.subjects(RDF.type, OWL.SymmetricProperty):
        axioms.add((prop, RDF.type, OWL.SymmetricProperty))
    classes = frozenset(
        c
        for c in {*ontology.subjects(RDF.type, OWL.Class), *ontology.objects(None, RDFS.subClassOf)}
        if isinstance(c, URIRef)
    )
    properties = frozenset(
        p
        for p in {
            *ontology.subjects(RDF.type, OWL.ObjectProperty),
            *ontology.objects(None, RDFS.subPropertyOf),
        }
        if isinstance(p, URIRef)
    )
    return axioms, classes, properties


def entailed(graph: Graph) -> Graph:
    """The triples kg.ttl entails about ``graph``'s nodes that ``graph`` does not hold."""
    import owlrl

    axioms, classes, properties = _schema()
    work = Graph()
    work += axioms
    for triple in graph:
        if triple[1] != OWL.sameAs:
            work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    nodes = ({*graph.subjects(), *graph.objects()} - classes) - properties
    new = Graph()
    for s, p, o in work:
        if s not in nodes or (s, p, o) in graph:
            continue
        if (p == RDF.type and o in classes) or (p in properties and isinstance(o, URIRef)):
            new.add((s, p, o))
    return new


def infer(graph: Graph) -> Graph:
    """``graph`` with what kg.ttl entails about it: symmetry, super-properties, classes."""
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    out += graph
    out += entailed(graph)
    return out
