"""The kg vocabulary as a closed rdflib namespace: a typo in a term fails at once.

Generated from ``ontology/kg.ttl``; the ontology is the source of truth and a
test checks that the two agree.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

__all__ = ["KG", "ENTITY", "ARTICLE", "STATEMENT", "EVENT", "WD", "BASE"]

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Country: URIRef
    Person: URIRef
    Organization: URIRef
    Agreement: URIRef
    Place: URIRef
    Article: URIRef
    Statement: URIRef
    Event: URIRef
    Status: URIRef
    # core properties
    negotiatesWith: URIRef
    signsAgreementWith: URIRef
    meetsWith: URIRef
    attacks: URIRef
    providesAidTo: URIRef
    officialOf: URIRef
    pledges: URIRef
    joins: URIRef
    approves: URIRef
    # statement properties
    status: URIRef
    confidence: URIRef
    date: URIRef
    relation: URIRef
    attributedTo: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    article: URIRef
    # article properties
    source: URIRef
    # status values
    occurred: URIRef
    planned: URIRef
    possible: URIRef
    negated: URIRef


ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
STATEMENT = Namespace(BASE + "statement/")
EVENT = Namespace(BASE + "event/")
WD = Namespace("http://www.wikidata.org/entity/")
