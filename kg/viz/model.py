"""The graph as the page shows it: nodes, edges with their evidence, articles.

The view reads the statements, not only the direct triples: a planned or denied
fact exists only as a statement, and a direct triple carries no sentence. One
edge stands for every statement of the same (subject, predicate, object,
status), so a fact that ten articles report is one line with ten quotes. A fact
of a symmetric predicate is one edge whichever way the sentence put it.

The view is read from a store with a few SPARQL SELECTs (``rows``), not
through an rdflib Graph. ``view_model`` of a Graph or a Turtle file loads it
into an in-memory store and reads it the same way, so the rules live in one
place. A store too big to draw whole gives a bounded view
(``store_view(store, busiest=...)``): the most confident statements among its
busiest entities, chosen by the store, so that Python holds no more than the
page shows.

``neighbourhood`` and ``top`` cut a smaller view out of a big one for
``kg viz --focus`` and ``--top``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph

from kg import vocab
from kg.errors import ViewError
from kg.store import Store
from kg.types import SYMMETRIC_PREDICATES, Status
from kg.viz import rows
from kg.vocab import KG

__all__ = [
    "ViewError", "Article", "Quote", "ViewNode", "ViewEdge", "View",
    "MOST_STATEMENTS", "view_model", "store_view", "find_nodes", "neighbourhood", "top",
]

_GENERIC = "Actor"

MOST_STATEMENTS = 5000
"""How many statements a bounded view holds at most, unless told otherwise."""


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



def store_view(store: Store, *, busiest: int | None = None, statements: int = MOST_STATEMENTS) -> View:
    """Read the view of the union graph of ``store`` (see ``kg.rdf`` for what it holds).

    Args:
        store: The store to read; only read, never changed.
        busiest: Draw only the statements among this many entities, those that
            most statements name; ``None`` draws the whole graph.
        statements: With ``busiest``, at most this many statements, the most
            confident first (ties as the store orders them). What the view holds
            then does not grow with the store.

    Raises:
        ViewError: When ``busiest`` or ``statements`` is not positive.

    Examples:
        >>> from kg.store import open_store
        >>> with open_store(None, backend="memory") as store:
        ...     view = store_view(store, busiest=10)
        >>> (view.nodes, view.edges)
        ((), ())
    """
    if busiest is None:
        said, articles, candidates, direct = rows.together(
            lambda: rows.statements(store, ""),
            lambda: rows.nodes(store, rows.ALL_ARTICLES),
            lambda: rows.nodes(store, rows.ALL_ENTITIES),
            lambda: rows.direct(store),
        )
        nodes = candidates - {st.node for st in said} - articles
    else:
        if busiest < 1 or statements < 1:
            raise ViewError(
                f"expected a positive number of entities and of statements, got {busiest} and {statements}; "
                "give busiest=None for the whole graph"
            )
        nodes = set(rows.busiest(store, busiest))
        chosen = rows.most_confident(store, nodes, statements)
        first, second, direct = rows.together(  # the statements in two halves, one per core
            lambda: rows.statements(store, rows.values("st", chosen[::2])),
            lambda: rows.statements(store, rows.values("st", chosen[1::2])),
            lambda: rows.direct(store, nodes),
        )
        said = first + second
        articles = {st.article for st in said if st.article}
    described, articles_described = rows.together(
        lambda: rows.described(store, nodes | {st.by for st in said if st.by}, rows.ENTITY_FIELDS),
        lambda: rows.described(store, articles, rows.ARTICLE_FIELDS),
    )
    return _view(said, nodes, described, articles_described, direct)


def view_model(graph: Graph | Path) -> View:
    """Read the view of ``graph`` (a merged kg graph, see ``kg.rdf``): ``store_view`` of it in memory.

    Args:
        graph: The graph, or the path of a Turtle file that holds it (read by
            Oxigraph: 0.1 s for 300 articles, where rdflib takes 2.5 s).

    Examples:
        >>> from kg.rdf import article_graph
        >>> from kg.types import Article as A, Entity, Evidence, ResolvedFact, Status
        >>> ua, us = Entity("country/ua", "Ukraine", "Country"), Entity("country/us", "United States", "Country")
        >>> fact = ResolvedFact(ua, "negotiatesWith", us, Status.PLANNED, Evidence("a1", "Talks are due.", 0, 14), 0.8)
        >>> view = view_model(article_graph(A(id="a1", source="a1.txt", text="", title="Talks"), [fact]))
        >>> [(n.label, n.cls) for n in view.nodes], [(e.predicate, e.status) for e in view.edges]
        ([('Ukraine', 'Country'), ('United States', 'Country')], [('negotiatesWith', 'planned')])
    """
    text = rows.turtle_ntriples(graph) if isinstance(graph, Path) else graph.serialize(format="nt")
    with rows.memory_store(text) as store:
        return store_view(store)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _first(values: dict[str, list[str]], field: str) -> str | None:
    """The least of a node's values of ``field``: one answer however the store orders them."""
    return min(values.get(field, ()), default=None)


def _node(iri: str, values: dict[str, list[str]]) -> ViewNode:
    label = _first(values, "label") or _first(values, "pref") or _local(iri)
    wikidata = min((v for v in values.get("same", ()) if "wikidata.org" in v), default=None)
    return ViewNode(
        iri,
        label,
        _class_of(values.get("class", ())),
        tuple(sorted(set(values.get("alias", ())) - {label})),
        None if wikidata is None else _local(wikidata),
    )


def _class_of(classes: Iterable[str]) -> str:
    """The most specific kg class: ``InternationalOrganization`` over ``Organization``."""
    names = {_local(c) for c in classes if c.startswith(str(KG._NS))}
    supers = vocab.SUPERCLASSES
    specific = sorted(n for n in names if not any(n in supers.get(m, ()) for m in names - {n}) and n != _GENERIC)
    return (specific or [_GENERIC])[0]


def _float(value: str | None) -> float | None:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None


def _place(statement: rows.Said) -> tuple[str, int, str]:
    """Where a statement was read, to take statements in reading order."""
    return statement.article or "", int(statement.start) if statement.start is not None else 0, statement.node


def _key(subject: int, obj: int, predicate: str, status: str) -> tuple[int, int, str, str]:
    """One key for both directions of a symmetric fact; the first statement read gives the edge its direction."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, obj, predicate, status


def _view(
    said: Sequence[rows.Said],
    nodes: Iterable[str],
    described: dict[str, dict[str, list[str]]],
    articles: dict[str, dict[str, list[str]]],
    direct: Iterable[tuple[str, str, str]],
) -> View:
    """The view rules: one edge per (subject, predicate, object, status), quotes in order."""
    entities = sorted(nodes)
    index = {node: i for i, node in enumerate(entities)}
    article_nodes = sorted(articles)
    article_index = {node: i for i, node in enumerate(article_nodes)}
    labels = {node: _node(node, values).label for node, values in described.items()}
    grouped: defaultdict[tuple[int, int, str, str], list[Quote]] = defaultdict(list)
    direction: dict[tuple[int, int, str, str], tuple[int, int]] = {}
    for st in sorted(said, key=_place):
        if st.subject not in index or st.obj not in index:
            continue
        status = _local(st.status) if st.status is not None else Status.OCCURRED.value
        key = _key(index[st.subject], index[st.obj], _local(st.predicate), status)
        direction.setdefault(key, (index[st.subject], index[st.obj]))
        grouped[key].append(
            Quote(
                sentence=st.sentence or "",
                article=-1 if st.article is None else article_index.get(st.article, -1),
                date=st.date,
                confidence=_float(st.confidence),
                attributed_to=None if st.by is None else labels.get(st.by) or _local(st.by),
                relation=st.relation,
            )
        )
    for subject, predicate, obj in direct:
        if subject in index and obj in index:
            key = _key(index[subject], index[obj], _local(predicate), Status.OCCURRED.value)
            direction.setdefault(key, (index[subject], index[obj]))
            grouped.setdefault(key, [])
    edges = tuple(
        ViewEdge(*direction[key], key[2], key[3], tuple(sorted(quotes, key=lambda q: (q.date or "", q.article, q.sentence))))
        for key, quotes in sorted(grouped.items())
    )
    return View(
        tuple(_node(node, described.get(node, {})) for node in entities),
        edges,
        tuple(_article(node, articles[node]) for node in article_nodes),
    )


def _article(iri: str, values: dict[str, list[str]]) -> Article:
    source = _first(values, "source")
    return Article(
        headline=_first(values, "headline") or source or _local(iri),
        source=source or "",
        published=_first(values, "published"),
        url=_first(values, "url"),
    )



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
