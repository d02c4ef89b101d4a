"""The graph as the page shows it: nodes, edges with their evidence, articles.

The view reads the statements, not only the direct triples: a planned or denied
fact exists only as a statement, and a direct triple carries no sentence. One
edge stands for every statement of the same (subject, predicate, object,
status), so a fact that ten articles report is one line with ten quotes. A fact
of a symmetric predicate is one edge whichever way the sentence put it.

``neighbourhood`` and ``top`` cut a smaller view out of a big one for
``kg viz --focus`` and ``--top``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SDO, SKOS, OWL
from rdflib.term import Node

from kg.errors import ViewError
from kg.types import CORE_PREDICATES, SYMMETRIC_PREDICATES, Status
from kg import vocab
from kg.vocab import KG

__all__ = ["ViewError", "Article", "Quote", "ViewNode", "ViewEdge", "View", "view_model", "find_nodes", "neighbourhood", "top"]

_GENERIC = "Actor"


@dataclass(frozen=True)
class Article:
    """A source article as the evidence panel names it."""

    headline: str
    source: str
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Quote:
    """One statement's evidence: the sentence and where and when it was said.

    Attributes:
        sentence: The sentence the fact was read from.
        article: Index into ``View.articles``, or -1 when the statement names none.
        date: The fact's own date (``kg:date``), when the text gives one.
        confidence: The extractor's confidence.
        attributed_to: Label of who the article says stated it.
        relation: The open relation phrase the fact was mapped from.
    """

    sentence: str
    article: int = -1
    date: str | None = None
    confidence: float | None = None
    attributed_to: str | None = None
    relation: str | None = None


@dataclass(frozen=True)
class ViewNode:
    """An entity: its IRI, canonical label, class local name and other names."""

    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class ViewEdge:
    """All statements of one (subject, predicate, object, status).

    Attributes:
        source: Index of the subject in ``View.nodes``.
        target: Index of the object.
        predicate: Local name of the property (``negotiatesWith``).
        status: ``occurred``, ``planned``, ``possible`` or ``negated``.
        quotes: The evidence, oldest first; empty for a bare direct triple.
    """

    source: int
    target: int
    predicate: str
    status: str
    quotes: tuple[Quote, ...] = ()

    @property
    def symmetric(self) -> bool:
        """Whether the fact holds both ways, so it is drawn without an arrow."""
        return self.predicate in SYMMETRIC_PREDICATES


@dataclass(frozen=True)
class View:
    """Everything the page draws; edges and quotes point into the tuples by index."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    articles: tuple[Article, ...]

    def degrees(self) -> list[int]:
        """For each node, how many edges touch it (of any status)."""
        counts = [0] * len(self.nodes)
        for edge in self.edges:
            counts[edge.source] += 1
            counts[edge.target] += 1
        return counts


def _local(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(graph: Graph, node: Node, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    return None if value is None else str(value)


def _class_of(graph: Graph, node: Node) -> str:
    """The most specific kg class of ``node``: ``InternationalOrganization`` over ``Organization``."""
    names = {_local(c) for c in graph.objects(node, RDF.type) if str(c).startswith(str(KG._NS))}
    supers = getattr(vocab, "SUPERCLASSES", {})
    specific = sorted(n for n in names if not any(n in supers.get(m, ()) for m in names - {n}) and n != _GENERIC)
    return (specific or [_GENERIC])[0]


def _entities(graph: Graph) -> list[Node]:
    """Nodes that carry a name, or that a statement is about; not articles or statements."""
    found = set(graph.subjects(RDFS.label, None)) | set(graph.subjects(SKOS.prefLabel, None))
    for prop in (RDF.subject, RDF.object):
        found.update(graph.objects(None, prop))
    found -= set(graph.subjects(RDF.subject, None)) | set(graph.subjects(RDF.type, KG.Article))
    return sorted(found, key=str)


def _node(graph: Graph, node: Node) -> ViewNode:
    label = _text(graph, node, RDFS.label) or _text(graph, node, SKOS.prefLabel) or _local(node)
    aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label})
    wikidata = next((_local(o) for o in graph.objects(node, OWL.sameAs) if "wikidata.org" in str(o)), None)
    return ViewNode(str(node), label, _class_of(graph, node), tuple(aliases), wikidata)


def _float(value: Node | None) -> float | None:
    try:
        return None if value is None else float(str(value))
    except ValueError:
        return None


def view_model(graph: Graph) -> View:
    """Read the view of ``graph`` (a merged kg graph, see ``kg.rdf``).

    Examples:
        >>> from kg.rdf import article_graph
        >>> from kg.types import Article as A, Entity, Evidence, ResolvedFact, Status
        >>> ua, us = Entity("country/ua", "Ukraine", "Country"), Entity("country/us", "United States", "Country")
        >>> fact = ResolvedFact(ua, "negotiatesWith", us, Status.PLANNED, Evidence("a1", "Talks are due.", 0, 14), 0.8)
        >>> view = view_model(article_graph(A(id="a1", source="a1.txt", text="", title="Talks"), [fact]))
        >>> [(n.label, n.cls) for n in view.nodes], [(e.predicate, e.status) for e in view.edges]
        ([('Ukraine', 'Country'), ('United States', 'Country')], [('negotiatesWith', 'planned')])
    """
    entities = _entities(graph)
    index = {node: i for i, node in enumerate(entities)}
    article_nodes = sorted(set(graph.subjects(RDF.type, KG.Article)) | set(graph.objects(None, KG.article)), key=str)
    article_index = {node: i for i, node in enumerate(article_nodes)}
    articles = tuple(
        Article(
            headline=_text(graph, a, SDO.headline) or _text(graph, a, KG.source) or _local(a),
            source=_text(graph, a, KG.source) or "",
            published=_text(graph, a, SDO.datePublished),
            url=_text(graph, a, SDO.url),
        )
        for a in article_nodes
    )
    grouped: defaultdict[tuple[int, int, str, str], list[Quote]] = defaultdict(list)
    direction: dict[tuple[int, int, str, str], tuple[int, int]] = {}
    for statement in sorted(set(graph.subjects(RDF.subject, None)), key=lambda st: _place(graph, st)):
        subject, predicate, obj = (graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if subject not in index or obj not in index or predicate is None:
            continue
        status_node = graph.value(statement, KG.status)
        status = _local(status_node) if status_node is not None else Status.OCCURRED.value
        attributed = graph.value(statement, KG.attributedTo)
        key = _key(index[subject], index[obj], _local(predicate), status)
        direction.setdefault(key, (index[subject], index[obj]))
        grouped[key].append(
            Quote(
                sentence=_text(graph, statement, KG.sentence) or "",
                article=_article_number(article_index, graph.value(statement, KG.article)),
                date=_text(graph, statement, KG.date),
                confidence=_float(graph.value(statement, KG.confidence)),
                attributed_to=None if attributed is None else _node(graph, attributed).label,
                relation=_text(graph, statement, KG.relation),
            )
        )
    for name in CORE_PREDICATES:
        for subject, obj in graph.subject_objects(KG[name]):
            if subject in index and obj in index:
                key = _key(index[subject], index[obj], name, Status.OCCURRED.value)
                direction.setdefault(key, (index[subject], index[obj]))
                grouped.setdefault(key, [])
    edges = tuple(
        ViewEdge(*direction[key], key[2], key[3], tuple(sorted(quotes, key=lambda q: (q.date or "", q.article, q.sentence))))
        for key, quotes in sorted(grouped.items())
    )
    return View(tuple(_node(graph, n) for n in entities), edges, articles)


def _article_number(article_index: dict[Node, int], article: Node | None) -> int:
    return -1 if article is None else article_index.get(article, -1)


def _key(subject: int, obj: int, predicate: str, status: str) -> tuple[int, int, str, str]:
    """One key for both directions of a symmetric fact; the first statement read gives the edge its direction."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, obj, predicate, status


def _place(graph: Graph, statement: Node) -> tuple[str, int, str]:
    """Where a statement was read, to take statements in reading order."""
    start = graph.value(statement, KG.startOffset)
    return str(graph.value(statement, KG.article) or ""), int(str(start)) if start is not None else 0, str(statement)


def find_nodes(view: View, name: str) -> list[int]:
    """The nodes whose label or alias is ``name`` (ignoring case), else those containing it.

    Raises:
        ViewError: When no label or alias contains ``name``.
    """
    wanted = name.casefold().strip()
    exact = [i for i, n in enumerate(view.nodes) if wanted in {x.casefold() for x in (n.label, *n.aliases)}]
    if exact:
        return exact
    partial = [i for i, n in enumerate(view.nodes) if any(wanted in x.casefold() for x in (n.label, *n.aliases))]
    if not partial:
        known = ", ".join(sorted(n.label for n in view.nodes)[:10]) or "none: the graph has no entities"
        raise ViewError(f"expected the label or alias of an entity, got {name!r}, which names none; some labels: {known}")
    return partial


def _restricted(view: View, keep: Iterable[int]) -> View:
    """The view of the kept nodes and the edges between them, renumbered."""
    kept = sorted(set(keep))
    number = {old: new for new, old in enumerate(kept)}
    edges = tuple(
        replace(e, source=number[e.source], target=number[e.target])
        for e in view.edges
        if e.source in number and e.target in number
    )
    return View(tuple(view.nodes[i] for i in kept), edges, view.articles)


def neighbourhood(view: View, focus: str, depth: int = 2) -> View:
    """The nodes within ``depth`` links of the node(s) named ``focus``.

    Negated facts count as links here: "X did not meet Y" is about both.

    Raises:
        ViewError: When ``focus`` names no node or ``depth`` is negative.
    """
    if depth < 0:
        raise ViewError(f"expected a depth of 0 or more, got {depth}; use 1 for the direct neighbours")
    links: defaultdict[int, set[int]] = defaultdict(set)
    for edge in view.edges:
        links[edge.source].add(edge.target)
        links[edge.target].add(edge.source)
    seen = set(find_nodes(view, focus))
    frontier = set(seen)
    for _ in range(depth):
        frontier = {m for n in frontier for m in links[n]} - seen
        seen |= frontier
    return _restricted(view, seen)


def top(view: View, count: int) -> View:
    """The ``count`` nodes with the most edges (ties by label) and the edges between them.

    Raises:
        ViewError: When ``count`` is not positive.
    """
    if count < 1:
        raise ViewError(f"expected a positive number of nodes for --top, got {count}")
    degrees = view.degrees()
    order = sorted(range(len(view.nodes)), key=lambda i: (-degrees[i], view.nodes[i].label, i))
    return _restricted(view, order[:count])
