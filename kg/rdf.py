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
from rdflib.term import Node

from kg.types import SYMMETRIC_PREDICATES, Article, Entity, ResolvedFact, Status
from kg.vocab import ARTICLE, ENTITY, EVENT, EVENT_CLASS, KG, SEM, STATEMENT, SUPERCLASSES, WD

__all__ = [
    "article_iri",
    "entity_iri",
    "statement_iri",
    "event_iri",
    "Triple",
    "article_triples",
    "article_graph",
    "graph_of",
    "ntriples",
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


Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""One RDF triple of an article graph, as rdflib terms."""


class _Triples:
    """The distinct triples of one article in the order they are written; cheaper than a Graph."""

    def __init__(self) -> None:
        self.found: dict[Triple, None] = {}
        self.entities: dict[Entity, URIRef] = {}

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.found[(subject, predicate, obj)] = None


def _describe_article(triples: _Triples, article: Article) -> URIRef:
    node = article_iri(article.id)
    triples.add(node, RDF.type, KG.Article)
    triples.add(node, RDF.type, SDO.NewsArticle)
    triples.add(node, KG.source, Literal(article.source))
    if article.title:
        triples.add(node, SDO.headline, Literal(article.title))
    if article.author:
        triples.add(node, SDO.author, Literal(article.author))
    if article.published:
        triples.add(node, SDO.datePublished, Literal(article.published.isoformat(), datatype=XSD.date))
    if article.url:
        triples.add(node, SDO.url, Literal(article.url, datatype=XSD.anyURI))
    return node


def _describe_entity(triples: _Triples, entity: Entity) -> URIRef:
    node = triples.entities.get(entity)
    if node is not None:  # an entity is named by many facts and described once
        return node
    node = triples.entities[entity] = entity_iri(entity)
    triples.add(node, RDF.type, KG[entity.type])
    triples.add(node, RDFS.label, Literal(entity.label))
    for alias in sorted(entity.aliases - {entity.label}):
        triples.add(node, SKOS.altLabel, Literal(alias))
    if entity.wikidata:
        triples.add(node, OWL.sameAs, WD[entity.wikidata])
    return node


def _describe_event(triples: _Triples, fact: ResolvedFact, subject: URIRef, obj: URIRef) -> URIRef | None:
    event_class = EVENT_CLASS.get(fact.predicate)
    if event_class is None:
        return None
    node = event_iri(fact)
    triples.add(node, RDF.type, event_class)
    triples.add(node, SEM.hasActor, subject)
    kinds = SUPERCLASSES.get(fact.object.type, frozenset())
    role = SEM.hasActor if "Actor" in kinds else SEM.hasPlace if "Place" in kinds else KG.concerns
    triples.add(node, role, obj)
    triples.add(node, KG.status, _STATUS[fact.status])
    if fact.date:
        triples.add(node, SEM.hasTimeStamp, date_literal(fact.date))
    return node


def _one_per_statement(facts: Iterable[ResolvedFact]) -> dict[URIRef, ResolvedFact]:
    """The most confident fact of each statement, in the order statements first appear.

    Two mentions of one sentence can resolve to the same entities ("the U.K."
    twice in a list, a name and a pronoun): their facts are one statement, which
    holds one confidence, relation and source.
    """
    chosen: dict[URIRef, ResolvedFact] = {}
    for fact in facts:
        node = statement_iri(fact)
        if node not in chosen or fact.confidence > chosen[node].confidence:
            chosen[node] = fact
    return chosen


def article_triples(article: Article, facts: Iterable[ResolvedFact]) -> list[Triple]:
    """The distinct triples of one article: its node, its entities, its statements.

    The build's form of :func:`article_graph`: a list costs a fraction of an
    rdflib Graph, whose indexes the build never reads.

    Examples:
        >>> from kg.types import Article
        >>> len(article_triples(Article(id="a1", source="a1.txt", text=""), []))
        3
    """
    triples = _Triples()
    article_node = _describe_article(triples, article)
    for statement, fact in _one_per_statement(facts).items():
        subject = _describe_entity(triples, fact.subject)
        obj = _describe_entity(triples, fact.object)
        # The predicate comes from data (the lexicon), not code: an unknown one is
        # written as is, so the gate quarantines it with the reason instead of
        # the build failing on the closed namespace.
        predicate = KG._NS[fact.predicate]
        triples.add(statement, RDF.type, RDF.Statement)
        triples.add(statement, RDF.type, KG.Statement)
        triples.add(statement, RDF.subject, subject)
        triples.add(statement, RDF.predicate, predicate)
        triples.add(statement, RDF.object, obj)
        triples.add(statement, KG.status, _STATUS[fact.status])
        triples.add(statement, KG.confidence, Literal(Decimal(str(round(fact.confidence, 3)))))
        triples.add(statement, KG.article, article_node)
        triples.add(statement, KG.sentence, Literal(fact.evidence.sentence))
        triples.add(statement, KG.startOffset, Literal(fact.evidence.start))
        triples.add(statement, KG.endOffset, Literal(fact.evidence.end))
        if fact.relation:
            triples.add(statement, KG.relation, Literal(fact.relation))
        if fact.date:
            triples.add(statement, KG.date, date_literal(fact.date))
        if fact.attributed_to is not None:
            triples.add(statement, KG.attributedTo, _describe_entity(triples, fact.attributed_to))
        event = _describe_event(triples, fact, subject, obj)
        if event is not None:
            triples.add(statement, KG.event, event)
        if fact.status is Status.OCCURRED:
            triples.add(subject, predicate, obj)
    return list(triples.found)


def article_graph(article: Article, facts: Iterable[ResolvedFact]) -> Graph:
    """The graph of one article (:func:`article_triples`) as an rdflib Graph.

    Examples:
        >>> from kg.types import Article
        >>> g = article_graph(Article(id="a1", source="a1.txt", text=""), [])
        >>> len(g)
        3
    """
    return graph_of(article_triples(article, facts))


def graph_of(triples: Iterable[Triple]) -> Graph:
    """An rdflib Graph of ``triples``, with the prefixes people read the graph with."""
    graph = bind_prefixes(Graph())
    graph += triples
    return graph


def _quoted(text: str) -> str:
    """A string as an N-Triples quoted literal: the four characters the grammar forbids raw are escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{_quoted(str(node))}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{_quoted(str(node))}^^<{node.datatype}>"
        return _quoted(str(node))
    raise TypeError(f"expected an IRI or a literal in an article graph, got {node!r}")


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """N-Triples text of ``triples`` (IRIs and literals only, as article graphs hold).

    Examples:
        >>> from rdflib import Literal, URIRef
        >>> print(ntriples([(URIRef("urn:x:a"), URIRef("urn:x:said"), Literal('say "hi"\\n'))]), end="")
        <urn:x:a> <urn:x:said> "say \\"hi\\"\\n" .
    """
    return "".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in triples)
