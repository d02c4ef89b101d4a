"""Facts to RDF: one graph per article, statements with provenance.

The output contract (``../shared/eval/README.md``):

* every fact is a statement node ``rdf:subject``/``rdf:predicate``/``rdf:object``
  with ``kg:status`` (occurred, planned, possible, negated), ``kg:confidence``,
  ``kg:date`` when the text gives one, ``kg:attributedTo`` when the article
  attributes it, and its evidence: ``kg:article``, ``kg:sentence``,
  ``kg:startOffset``, ``kg:endOffset``;
* only occurred facts also become direct triples ``s p o``;
* entities carry ``rdfs:label`` (canonical name) and ``skos:altLabel`` (the
  other names met), their class, and ``owl:sameAs`` their Wikidata IRI;
* a statement whose property has an event class (``kg:eventClass`` in kg.ttl)
  also points with ``kg:event`` to an event node in the style of the Simple
  Event Model: its class, ``sem:hasActor`` for the parties, ``kg:concerns`` for
  the agreement or organisation it is about, ``sem:hasPlace`` for an attacked
  place, ``sem:hasTimeStamp`` for the date, ``kg:status`` for each status the
  article reports it with. Added in issue 5; the rest of the contract is as before.

IRIs are derived from content that does not change between runs (article id,
entity key, the fact and its sentence offset), so rebuilding gives the same graph.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.types import SYMMETRIC_PREDICATES, Article, Entity, ResolvedFact, Status
from kg.vocab import ARTICLE, ENTITY, EVENT, EVENT_CLASS, KG, SEM, STATEMENT, SUPERCLASSES, WD

__all__ = [
    "article_iri",
    "entity_iri",
    "statement_iri",
    "event_iri",
    "article_graph",
    "bind_prefixes",
    "date_literal",
]

_STATUS = {
    Status.OCCURRED: KG.occurred,
    Status.PLANNED: KG.planned,
    Status.POSSIBLE: KG.possible,
    Status.NEGATED: KG.negated,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes people read the graph with."""
    for prefix, ns in (
        ("kg", KG._NS),
        ("kge", ENTITY),
        ("kga", ARTICLE),
        ("kgs", STATEMENT),
        ("kgev", EVENT),
        ("sem", SEM._NS),
        ("wd", WD),
        ("skos", SKOS),
        ("schema", SDO),
        ("prov", PROV),
        ("owl", OWL),
    ):
        graph.bind(prefix, ns, override=True)
    return graph


def article_iri(article_id: str) -> URIRef:
    """The article's node, also the name of its graph in the store."""
    return ARTICLE[article_id]


def entity_iri(entity: Entity) -> URIRef:
    """The entity's node, from its stable key ("country/ukraine")."""
    return ENTITY[entity.key]


def statement_iri(fact: ResolvedFact) -> URIRef:
    """A statement's node: the same fact from the same sentence gets the same IRI.

    The date is part of the fact: "talks in March and on April 29" are two
    statements, each with one date and one event.
    """
    key = "\x1f".join(
        (
            fact.evidence.article_id,
            fact.subject.key,
            fact.predicate,
            fact.object.key,
            fact.status.value,
            str(fact.evidence.start),
            fact.date or "",
        )
    )
    return STATEMENT[hashlib.sha1(key.encode()).hexdigest()[:20]]


def event_iri(fact: ResolvedFact) -> URIRef:
    """An event's node: one per article for each property, parties and date.

    The parties of a symmetric property are sorted ("Ukraine negotiates with the
    U.S." and "the U.S. negotiates with Ukraine" report one negotiation); those
    of a directed one keep their order (an attack by A on B is not one by B on A).
    The status is not part of the key: an article that first calls a meeting
    planned and then reports it held tells of one meeting.
    """
    parties = [fact.subject.key, fact.object.key]
    if fact.predicate in SYMMETRIC_PREDICATES:
        parties.sort()
    key = "\x1f".join((fact.evidence.article_id, fact.predicate, *parties, fact.date or ""))
    return EVENT[hashlib.sha1(key.encode()).hexdigest()[:20]]


def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as the matching XSD literal."""
    parts = value.split("-")
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth}.get(len(parts), XSD.date)
    return Literal(value, datatype=datatype)


def _describe_article(graph: Graph, article: Article) -> URIRef:
    node = article_iri(article.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, RDF.type, SDO.NewsArticle))
    graph.add((node, KG.source, Literal(article.source)))
    if article.title:
        graph.add((node, SDO.headline, Literal(article.title)))
    if article.author:
        graph.add((node, SDO.author, Literal(article.author)))
    if article.published:
        graph.add((node, SDO.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url:
        graph.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    return node


def _describe_entity(graph: Graph, entity: Entity) -> URIRef:
    node = entity_iri(entity)
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases - {entity.label}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    return node


def _describe_event(graph: Graph, fact: ResolvedFact, subject: URIRef, obj: URIRef) -> URIRef | None:
    event_class = EVENT_CLASS.get(fact.predicate)
    if event_class is None:
        return None
    node = event_iri(fact)
    graph.add((node, RDF.type, event_class))
    graph.add((node, SEM.hasActor, subject))
    kinds = SUPERCLASSES.get(fact.object.type, frozenset())
    role = SEM.hasActor if "Actor" in kinds else SEM.hasPlace if "Place" in kinds else KG.concerns
    graph.add((node, role, obj))
    graph.add((node, KG.status, _STATUS[fact.status]))
    if fact.date:
        graph.add((node, SEM.hasTimeStamp, date_literal(fact.date)))
    return node


def article_graph(article: Article, facts: Iterable[ResolvedFact]) -> Graph:
    """The graph of one article: its node, its entities, its statements.

    Examples:
        >>> from kg.types import Article
        >>> g = article_graph(Article(id="a1", source="a1.txt", text=""), [])
        >>> len(g)
        3
    """
    graph = bind_prefixes(Graph())
    article_node = _describe_article(graph, article)
    for fact in facts:
        subject = _describe_entity(graph, fact.subject)
        obj = _describe_entity(graph, fact.object)
        # The predicate comes from data (the lexicon), not code: an unknown one is
        # written as is, so the gate quarantines it with the reason instead of
        # the build failing on the closed namespace.
        predicate = KG._NS[fact.predicate]
        statement = statement_iri(fact)
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.type, KG.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, KG.status, _STATUS[fact.status]))
        graph.add((statement, KG.confidence, Literal(Decimal(str(round(fact.confidence, 3))))))
        graph.add((statement, KG.article, article_node))
        graph.add((statement, KG.sentence, Literal(fact.evidence.sentence)))
        graph.add((statement, KG.startOffset, Literal(fact.evidence.start)))
        graph.add((statement, KG.endOffset, Literal(fact.evidence.end)))
        if fact.relation:
            graph.add((statement, KG.relation, Literal(fact.relation)))
        if fact.date:
            graph.add((statement, KG.date, date_literal(fact.date)))
        if fact.attributed_to is not None:
            graph.add((statement, KG.attributedTo, _describe_entity(graph, fact.attributed_to)))
        event = _describe_event(graph, fact, subject, obj)
        if event is not None:
            graph.add((statement, KG.event, event))
        if fact.status is Status.OCCURRED:
            graph.add((subject, predicate, obj))
    return graph
