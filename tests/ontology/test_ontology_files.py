"""kg.ttl is the one source of truth: vocab.py, the README table and the shapes agree with it."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.ontology_doc import generated_files, load_ontology
from kg.rdf import article_graph
from kg.resources import ontology_file
from kg.types import CORE_PREDICATES, SYMMETRIC_PREDICATES, Entity
from kg.validate import violations
from kg.vocab import KG, SUPERCLASSES

from .facts import ARTICLE, fact

ONTOLOGY = load_ontology()
OWN = sorted(
    s for s in set(ONTOLOGY.subjects(RDF.type, None)) if isinstance(s, URIRef) and str(s).startswith(str(KG._NS))
)


@pytest.mark.parametrize("generated", generated_files(ONTOLOGY), ids=lambda g: g.path.name)
def test_generated_file_is_up_to_date(generated):
    assert generated.path.read_text(encoding="utf-8") == generated.text, "run `kg ontology` after editing kg.ttl"


@pytest.mark.parametrize("term", OWN, ids=lambda t: t.fragment)
def test_every_term_has_label_and_comment(term):
    assert ONTOLOGY.value(term, RDFS.label) and ONTOLOGY.value(term, RDFS.comment)


@pytest.mark.parametrize("name", CORE_PREDICATES)
def test_core_property_is_declared(name):
    prop = KG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in ONTOLOGY
    assert ((prop, RDF.type, OWL.SymmetricProperty) in ONTOLOGY) == (name in SYMMETRIC_PREDICATES)
    assert ONTOLOGY.value(prop, RDFS.domain) is not None and ONTOLOGY.value(prop, RDFS.range) is not None


def _members(node) -> set[str]:
    """The kg classes a domain or range names, its union unfolded."""
    union = ONTOLOGY.value(node, OWL.unionOf)
    nodes = Collection(ONTOLOGY, union) if union is not None else [node]
    return {str(n).removeprefix(str(KG._NS)) for n in nodes}


def _allowed(cls: str, bound) -> bool:
    return bool(SUPERCLASSES[cls] & _members(bound))


ENTITY_CLASSES = ("Country", "Person", "Organization", "GovernmentBody", "Agreement", "Legislation", "Place", "Actor")


@pytest.mark.parametrize("name", CORE_PREDICATES)
def test_shapes_enforce_the_domain_and_range_of_kg_ttl(name):
    """For each class, the shapes accept a subject (object) exactly when kg.ttl's domain (range) does."""
    domain, range_ = ONTOLOGY.value(KG[name], RDFS.domain), ONTOLOGY.value(KG[name], RDFS.range)
    good = {"subject": Entity("person/x", "X", "Person"), "object": Entity("country/y", "Y", "Country")}
    if name in ("pledges", "approves", "joins"):
        good["object"] = Entity("agreement/y", "Y", "Agreement")
    for cls in ENTITY_CLASSES:
        entity = Entity(f"{cls.lower()}/z", "Z", cls)
        for role, bound in (("subject", domain), ("object", range_)):
            parties = {**good, role: entity}
            graph = article_graph(ARTICLE, [fact(parties["subject"], name, parties["object"])])
            broken = bool(violations(graph))
            assert broken != _allowed(cls, bound), f"{name} {role} {cls}"


def test_shapes_parse_and_name_every_rule():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    grouping = {RDF.type, SH.name, SH.property, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf}
    for shape in {*shapes.subjects(RDF.type, SH.PropertyShape), *shapes.subjects(RDF.type, SH.NodeShape)}:
        assert isinstance(shape, URIRef), "give every shape an IRI: reports name the rule by it"
        if set(shapes.predicates(shape, None)) - grouping:  # it checks something itself
            assert " rule: " in str(shapes.value(shape, SH.message)), f"{shape} has no message naming its rule"
