"""The kg vocabulary as closed rdflib namespaces: a typo in a term fails at once.

GENERATED from ``ontology/kg.ttl`` by ``kg ontology``: do not edit; change the
ontology and regenerate. A test checks that the two agree.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

__all__ = [
    "KG", "SEM", "EVENT_CLASS", "SUPERCLASSES",
    "ENTITY", "ARTICLE", "STATEMENT", "EVENT", "VIOLATION", "WD", "BASE",
]

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Accession: URIRef
    Actor: URIRef
    Agreement: URIRef
    AidDelivery: URIRef
    Approval: URIRef
    Article: URIRef
    Attack: URIRef
    Country: URIRef
    Event: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Legislation: URIRef
    Meeting: URIRef
    Negotiation: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Pledge: URIRef
    Signing: URIRef
    Statement: URIRef
    Status: URIRef

    # object properties
    approves: URIRef
    article: URIRef
    attacks: URIRef
    attributedTo: URIRef
    commitsTo: URIRef
    concerns: URIRef
    cooperatesWith: URIRef
    event: URIRef
    interactsWith: URIRef
    joins: URIRef
    meetsWith: URIRef
    negotiatesWith: URIRef
    officialOf: URIRef
    pledges: URIRef
    providesAidTo: URIRef
    signsAgreementWith: URIRef
    status: URIRef
    violation: URIRef

    # datatype properties
    confidence: URIRef
    date: URIRef
    endOffset: URIRef
    relation: URIRef
    sentence: URIRef
    source: URIRef
    startOffset: URIRef

    # annotation properties
    eventClass: URIRef

    # status values
    negated: URIRef
    occurred: URIRef
    planned: URIRef
    possible: URIRef


class SEM(DefinedNamespace):
    """The terms of the Simple Event Model that kg.ttl refers to and the graph uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Actor: URIRef
    Event: URIRef
    Place: URIRef
    eventProperty: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTimeStamp: URIRef


EVENT_CLASS: dict[str, URIRef] = {
    "approves": KG.Approval,
    "attacks": KG.Attack,
    "joins": KG.Accession,
    "meetsWith": KG.Meeting,
    "negotiatesWith": KG.Negotiation,
    "pledges": KG.Pledge,
    "providesAidTo": KG.AidDelivery,
    "signsAgreementWith": KG.Signing,
}
"""The class of the event node written for facts of each core property (``kg:eventClass``)."""

SUPERCLASSES: dict[str, frozenset[str]] = {
    "Accession": frozenset({"Accession", "Event"}),
    "Actor": frozenset({"Actor"}),
    "Agreement": frozenset({"Agreement"}),
    "AidDelivery": frozenset({"AidDelivery", "Event"}),
    "Approval": frozenset({"Approval", "Event"}),
    "Article": frozenset({"Article"}),
    "Attack": frozenset({"Attack", "Event"}),
    "Country": frozenset({"Actor", "Country"}),
    "Event": frozenset({"Event"}),
    "GovernmentBody": frozenset({"Actor", "GovernmentBody", "Organization"}),
    "InternationalOrganization": frozenset({"Actor", "InternationalOrganization", "Organization"}),
    "Legislation": frozenset({"Agreement", "Legislation"}),
    "Meeting": frozenset({"Event", "Meeting"}),
    "Negotiation": frozenset({"Event", "Negotiation"}),
    "Organization": frozenset({"Actor", "Organization"}),
    "Person": frozenset({"Actor", "Person"}),
    "Place": frozenset({"Place"}),
    "Pledge": frozenset({"Event", "Pledge"}),
    "Signing": frozenset({"Event", "Signing"}),
    "Statement": frozenset({"Statement"}),
    "Status": frozenset({"Status"}),
}
"""Each class of kg.ttl with its kg superclasses, itself included: is a ``Country`` an ``Actor``?"""

ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
STATEMENT = Namespace(BASE + "statement/")
EVENT = Namespace(BASE + "event/")
VIOLATION = Namespace(BASE + "violation/")
WD = Namespace("http://www.wikidata.org/entity/")
