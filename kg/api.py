"""The Python API: a built graph as pandas tables, a networkx graph and an inline view.

Analysts work in Jupyter with pandas and networkx, so a built output folder is
opened as a :class:`KnowledgeGraph` whose answers are the objects they already
use: ``sparql`` and ``facts`` give DataFrames, ``to_networkx`` a
``MultiDiGraph``, ``show`` the interactive page inline. Everything is read from
the folder ``kg build`` wrote: the Oxigraph store in ``store/`` when there is
one (fast at any size), else ``graph.ttl`` loaded into an Oxigraph store in
memory, so that one SPARQL engine answers either way. The folder's store is
opened read-only for each question and closed again, so a notebook holding a
KnowledgeGraph never blocks the next build into the same folder.

Every table is made by a SPARQL query through ``kg.query``; ``facts`` reads
the statement nodes (``kg.rdf``), which carry what a direct triple cannot: the
status, the date and the evidence.

Examples:
    >>> import kg
    >>> graph = kg.open(folder)  # a folder written by `kg build ARTICLES --out FOLDER`
    >>> graph.facts(actor="Ukraine", status="planned")[["subject", "predicate", "object", "attributed_to"]]
             subject      predicate   object       attributed_to
    0  United States  providesAidTo  Ukraine  Volodymyr Zelensky
"""

from __future__ import annotations

import calendar
import html
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.rdf import bind_prefixes
from kg.types import CORE_PREDICATES, ReadFailure, Status
from kg.vocab import KG, SUPERCLASSES

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from IPython.display import HTML

    from kg.pipeline import BuildReport
    from kg.store import Store

__all__ = ["KnowledgeGraph", "build", "open"]

PathLike = str | os.PathLike[str]


def _prologue() -> str:
    """The kg prefixes, declared before every query so that users can write ``kg:status`` bare.

    On the query's first line, so that the parser's line numbers stay those of the user's text.
    """
    from kg.query import PREFIXES

    return "".join(f"PREFIX {prefix}: <{namespace}> " for prefix, namespace in PREFIXES.items())


_ENTITIES = """
SELECT ?iri ?label ?class ?wikidata WHERE {
  ?iri rdfs:label ?label .
  OPTIONAL { ?iri a ?class }
  OPTIONAL { ?iri owl:sameAs ?wikidata }
}"""

_ALIASES = "SELECT ?iri ?alias WHERE { ?iri rdfs:label [] ; skos:altLabel ?alias }"

_FACTS = """
SELECT ?statement ?subject_iri ?subject ?predicate ?object_iri ?object ?status ?date ?confidence
       ?attributed_to ?sentence ?relation ?start ?end ?article ?headline ?source ?published
WHERE {
  ?statement rdf:subject ?subject_iri ; rdf:predicate ?predicate ; rdf:object ?object_iri .
  OPTIONAL { ?subject_iri rdfs:label ?subject }
  OPTIONAL { ?object_iri rdfs:label ?object }
  OPTIONAL { ?statement kg:status ?status }
  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement kg:confidence ?confidence }
  OPTIONAL { ?statement kg:attributedTo/rdfs:label ?attributed_to }
  OPTIONAL { ?statement kg:sentence ?sentence }
  OPTIONAL { ?statement kg:relation ?relation }
  OPTIONAL { ?statement kg:startOffset ?start }
  OPTIONAL { ?statement kg:endOffset ?end }
  OPTIONAL {
    ?statement kg:article ?article .
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article kg:source ?source }
    OPTIONAL { ?article schema:datePublished ?published }
  }
}"""

_COUNTS = """
SELECT ?what ?status (COUNT(DISTINCT ?node) AS ?n) WHERE {
  { ?node a kg:Article . BIND("articles" AS ?what) }
  UNION { ?node rdfs:label [] . BIND("entities" AS ?what) }
  UNION { ?node rdf:subject [] . OPTIONAL { ?node kg:status ?s } BIND("facts" AS ?what)
          BIND(COALESCE(STRAFTER(STR(?s), "#"), "occurred") AS ?status) }
}
GROUP BY ?what ?status"""

FACT_COLUMNS = (
    "subject", "predicate", "object", "status", "date", "confidence", "attributed_to", "sentence",
    "headline", "source", "published", "start", "end", "relation",
    "subject_iri", "object_iri", "article", "statement",
)  # fmt: skip
"""The columns of :meth:`KnowledgeGraph.facts`: labels first, then provenance, then IRIs."""

_STATUSES = tuple(s.value for s in Status)


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _python(term: Node | None) -> Any:
    """A SPARQL value as pandas wants it: IRIs as strings, literals as Python values."""
    if term is None:
        return None
    if not isinstance(term, Literal):
        return str(term)
    value = term.toPython()
    if isinstance(value, Decimal):
        return float(value)
    # rdflib keeps partial dates (xsd:gYear, xsd:gYearMonth) as Literals: their ISO text is the value.
    return str(value) if isinstance(value, Literal) else value


def _from_oxigraph(term: Any) -> Node | None:
    """A pyoxigraph term as the rdflib term of the same value."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))


def _period_end(iso: str) -> date:
    """The last day of an ISO date, year-month ("2024-04") or year ("2024")."""
    parts = [int(p) for p in iso[:10].split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def _as_date(since: date | str) -> date:
    if isinstance(since, datetime):
        return since.date()
    if isinstance(since, date):
        return since
    text = str(since).strip()
    try:
        parts = [int(p) for p in text.split("-")]
        return date(*(parts + [1, 1])[:3])
    except (TypeError, ValueError):
        raise QueryError(
            f"expected since= to be a date or an ISO date string ('2024-04-29', '2024-04', '2024'), got {since!r}"
        ) from None


def _choices(value: str | Iterable[str], known: Iterable[str], name: str) -> set[str]:
    """``value`` (one name or several) checked against the ``known`` names."""
    wanted = {value} if isinstance(value, str) else set(value)
    valid = set(known)
    unknown = sorted(wanted - valid)
    if unknown:
        raise QueryError(f"expected {name} to be one of {', '.join(sorted(valid))}; got {', '.join(unknown)}")
    return wanted


def _most_specific(classes: Iterable[str]) -> str:
    """The class of a node that is not a superclass of another of its classes (``Country`` over ``Actor``)."""
    names = {_local(c) for c in classes if str(c).startswith(str(KG._NS))}
    specific = sorted(n for n in names if not any(n in SUPERCLASSES.get(m, ()) for m in names - {n}))
    return specific[0] if specific else "Actor"


class KnowledgeGraph:
    """A graph built by ``kg build``, read as pandas tables, a networkx graph or a page.

    Get one with :func:`kg.build` or :func:`kg.open` rather than directly.

    Args:
        path: The output folder of ``kg build``: it holds ``graph.ttl``, a
            ``store/`` folder, or both.
        store: The store folder when the build put it elsewhere (``--store``).
        report: What the build did, when this object comes from :func:`kg.build`.

    Attributes:
        path: The output folder.
        report: The :class:`kg.pipeline.BuildReport` of the build, or ``None``
            for a folder opened with :func:`kg.open`.

    Raises:
        StoreError: When ``path`` holds neither graph.ttl nor a store.
    """

    def __init__(self, path: PathLike, *, store: PathLike | None = None, report: BuildReport | None = None) -> None:
        self.path = Path(path)
        self.report = report
        self._store = Path(store) if store is not None else self.path / "store"
        self._turtle = self.path / "graph.ttl"
        if not ((self._store / "CURRENT").is_file() or self._turtle.is_file()):
            raise StoreError(
                f"expected {self.path} to hold graph.ttl or a store written by `kg build`; got {_describe(self.path)}; "
                f"build it with `kg build ARTICLES --out {self.path}` or kg.build(paths, out=...)"
            )

    # -- raw access --------------------------------------------------------------

    @cached_property
    def rdf(self) -> Graph:
        """The merged graph of every article as an rdflib ``Graph`` (read once, then kept).

        It is ``graph.ttl`` when the build wrote one (with what ``--infer``
        added), else the store's union of the articles' main graphs.

        Examples:
            >>> from rdflib import RDFS, Literal
            >>> graph.rdf.value(predicate=RDFS.label, object=Literal("Ukraine"))
            rdflib.term.URIRef('https://w3id.org/kg/entity/country/ukraine')
        """
        if self._turtle.is_file():
            return bind_prefixes(Graph(bind_namespaces="core")).parse(self._turtle, format="turtle")
        from kg.store import open_store

        with open_store(self._store, read_only=True) as store:
            return store.union()

    @cached_property
    def _memory(self) -> Store:
        """graph.ttl in an in-memory store, for a folder without one: the same engine answers."""
        from kg.store import open_store

        store = open_store(None, backend="memory")
        store.replace_article(URIRef(self._turtle.resolve().as_uri()), self.rdf, Graph())
        return store

    @contextmanager
    def _open(self) -> Iterator[Store]:
        """The store to ask: the folder's own, opened read-only for this question only, or graph.ttl's."""
        if not (self._store / "CURRENT").is_file():
            yield self._memory
            return
        from kg.store import open_store

        with open_store(self._store, read_only=True) as store:
            yield store

    def _rows(self, query: str) -> tuple[list[str], list[tuple[Node | None, ...]]]:
        """Run SPARQL text: variable names and rows of rdflib terms."""
        import pyoxigraph as ox

        from kg.query import run_local

        with self._open() as store:
            result = run_local(store, _prologue() + query)
            if isinstance(result, ox.QueryBoolean):
                return ["boolean"], [(Literal(bool(result)),)]
            names = [v.value for v in result.variables]
            return names, [tuple(_from_oxigraph(row[name]) for name in names) for row in result]

    def sparql(self, query: str, **parameters: str) -> pd.DataFrame:
        """Answer a SPARQL query as a DataFrame: one column per variable, one row per answer.

        ``query`` is SPARQL text, a ``.rq`` file, or the name of a saved query
        of ``ontology/queries/`` (``signed-with``, ``about``...), whose
        parameters are given as keywords and bound as escaped literals. IRIs
        come as strings and literals as Python values (``int``, ``float``,
        ``datetime.date``, ``str``; partial dates such as ``2024-04`` as their
        ISO text). The kg prefixes (``kg``, ``kge``, ``kga``, ``rdf``,
        ``rdfs``, ``skos``, ``schema``, ``sem``, ``owl``...) are declared
        already. An ASK query gives one column ``boolean``; CONSTRUCT and
        DESCRIBE give ``subject``, ``predicate``, ``object``.

        Args:
            query: SPARQL 1.1 text, a ``.rq`` file or a saved query's name.
            **parameters: Values of the saved query's parameters (``actor="Ukraine"``).

        Raises:
            QueryError: When the query is malformed (with the parser's message),
                names no saved query, or misses a parameter.

        Examples:
            >>> graph.sparql('''
            ...     SELECT ?label (COUNT(*) AS ?agreements) WHERE {
            ...         ?country a kg:Country ; rdfs:label ?label ; kg:signsAgreementWith [] }
            ...     GROUP BY ?label ORDER BY DESC(?agreements)''')
                 label  agreements
            0  Ukraine           2
            >>> graph.sparql("ASK { ?x kg:attacks ?y }")
               boolean
            0    False
        """
        import pandas as pd

        from kg.query import bind_parameters, resolve_query

        names, rows = self._rows(bind_parameters(resolve_query(query), parameters))
        return pd.DataFrame([[_python(term) for term in row] for row in rows], columns=names)

    # -- tables ------------------------------------------------------------------

    def entities(self) -> pd.DataFrame:
        """The named entities: one row each with its label, class, other names and Wikidata id.

        Columns: ``label``, ``class`` (the most specific kg class: ``Country``,
        ``Person``, ``Agreement``...), ``aliases`` (a tuple of the other names
        met in the articles), ``wikidata`` (``Q212`` or ``None``), ``iri``.

        Examples:
            >>> graph.entities()[["label", "class", "aliases", "wikidata"]]
                            label    class             aliases wikidata
            0              Canada  Country                  ()      Q16
            1             Ukraine  Country             (Kyiv,)     Q212
            2       United States  Country  (U.S., Washington)      Q30
            3  Volodymyr Zelensky   Person         (Zelensky,)      NaN
        """
        import pandas as pd

        classes: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        wikidata: dict[str, str] = {}
        for iri, label, cls, same_as in self._rows(_ENTITIES)[1]:
            labels.setdefault(str(iri), str(label))
            classes.setdefault(str(iri), set()).update([str(cls)] if cls is not None else [])
            if same_as is not None and "wikidata.org" in str(same_as):
                wikidata[str(iri)] = _local(same_as)
        aliases: dict[str, set[str]] = {}
        for iri, alias in self._rows(_ALIASES)[1]:
            aliases.setdefault(str(iri), set()).add(str(alias))
        rows = [
            (labels[iri], _most_specific(classes[iri]), tuple(sorted(aliases.get(iri, ()))), wikidata.get(iri), iri)
            for iri in sorted(labels, key=lambda i: (labels[i].casefold(), i))
            if not {str(KG.Article), str(KG.Statement)} & classes[iri]
        ]
        return pd.DataFrame(rows, columns=["label", "class", "aliases", "wikidata", "iri"])

    def facts(
        self,
        actor: str | None = None,
        predicate: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        since: date | str | None = None,
    ) -> pd.DataFrame:
        """The facts, one row per statement, with the sentence and article each was read from.

        A fact is kept when it passes every filter given. Columns, in order:
        ``subject``, ``predicate`` (``negotiatesWith``...), ``object`` (labels);
        ``status`` (occurred, planned, possible, negated); ``date`` (the fact's
        own ISO date, year-month or year, as text); ``confidence``;
        ``attributed_to`` (who the article says stated it); ``sentence``;
        ``headline``, ``source``, ``published`` (the article); ``start``,
        ``end`` (the sentence's character offsets in the article text);
        ``relation`` (the open relation phrase); ``subject_iri``,
        ``object_iri``, ``article``, ``statement`` (IRIs). Rows are sorted by
        publication date, article and offset.

        Args:
            actor: Keep facts whose subject or object has this label or alias
                (case-insensitive), or this IRI.
            predicate: Keep facts of this core property, or of any of several.
            status: Keep facts of this status, or of any of several.
            since: Keep facts dated on or after this day. A fact without a
                date of its own is dated by its article's publication; one
                dated only by year or month is kept when that period reaches
                ``since``; one with no date at all is left out.

        Raises:
            QueryError: When ``predicate``, ``status`` or ``since`` is not a valid value.

        Examples:
            >>> graph.facts(actor="Kyiv", status="occurred")[["subject", "predicate", "object", "date"]]
                          subject           predicate         object        date
            0             Ukraine  signsAgreementWith         Canada         NaN
            1  Volodymyr Zelensky          officialOf        Ukraine         NaN
            2             Ukraine  signsAgreementWith  United States  2024-06-13
            >>> graph.facts(since="2024-06")[["subject", "predicate", "status", "date", "published"]]
                          subject           predicate    status        date   published
            0  Volodymyr Zelensky          officialOf  occurred         NaN  2024-06-13
            1       United States       providesAidTo   planned     2024-07  2024-06-13
            2             Ukraine  signsAgreementWith  occurred  2024-06-13  2024-06-13
        """
        import pandas as pd

        predicates = _choices(predicate, CORE_PREDICATES, "predicate") if predicate is not None else None
        statuses = _choices(status, _STATUSES, "status") if status is not None else None
        start = _as_date(since) if since is not None else None
        names, rows = self._rows(_FACTS)
        frame = pd.DataFrame([[_fact_value(name, term) for name, term in zip(names, row)] for row in rows], columns=names)
        frame = frame.drop_duplicates("statement").reindex(columns=list(FACT_COLUMNS))
        frame["status"] = frame["status"].fillna(Status.OCCURRED.value)
        keep = pd.Series(True, index=frame.index)
        if actor is not None:
            iris = self._iris_named(actor)
            keep &= frame["subject_iri"].isin(iris) | frame["object_iri"].isin(iris)
        if predicates is not None:
            keep &= frame["predicate"].isin(predicates)
        if statuses is not None:
            keep &= frame["status"].isin(statuses)
        if start is not None:
            when = frame["date"].fillna(frame["published"])
            keep &= when.map(lambda iso: isinstance(iso, str) and _period_end(iso) >= start)
        frame = frame[keep].sort_values(["published", "article", "start", "statement"], na_position="last")
        frame[["start", "end"]] = frame[["start", "end"]].astype("Int64")
        return frame.reset_index(drop=True)

    def _iris_named(self, name: str) -> set[str]:
        """The IRIs of the entities with ``name`` as label, alias or IRI."""
        wanted = name.casefold()
        entities = self.entities()
        return {
            row.iri
            for row in entities.itertuples()
            if row.iri == name or wanted in {row.label.casefold(), *(a.casefold() for a in row.aliases)}
        }

    # -- other shapes ------------------------------------------------------------

    def to_networkx(self, **filters: Any) -> nx.MultiDiGraph:
        """The facts as a networkx ``MultiDiGraph``: entities as nodes, one edge per statement.

        Nodes are the entity IRIs of the facts kept, with ``label``, ``class``,
        ``aliases`` and ``wikidata``. Each edge goes from subject to object,
        keyed by the statement IRI, and carries ``predicate``, ``status``,
        ``date``, ``confidence``, ``attributed_to``, ``evidence`` (the
        sentence), ``headline``, ``source``, ``published``, ``start`` and
        ``end``. A fact of a symmetric property (``negotiatesWith``,
        ``signsAgreementWith``, ``meetsWith``) is one edge in the direction the
        sentence gave; use ``G.to_undirected()`` for measures where direction
        does not matter. Planned, possible and negated facts are edges too:
        filter on ``status`` to keep what happened.

        Args:
            **filters: The filters of :meth:`facts` (``actor``, ``predicate``,
                ``status``, ``since``).

        Examples:
            >>> G = graph.to_networkx(status="occurred")
            >>> sorted((G.nodes[node]["label"], degree) for node, degree in G.degree())
            [('Canada', 1), ('Ukraine', 3), ('United States', 1), ('Volodymyr Zelensky', 1)]
            >>> [(d["predicate"], d["status"], d["date"]) for _, _, d in G.edges(data=True) if d["date"]]
            [('signsAgreementWith', 'occurred', '2024-06-13')]
        """
        import networkx as nx

        facts = self.facts(**filters)
        entities = self.entities().set_index("iri")
        graph = nx.MultiDiGraph()
        for iri in sorted(set(facts["subject_iri"]) | set(facts["object_iri"])):
            known = iri in entities.index
            graph.add_node(
                iri,
                label=entities.at[iri, "label"] if known else _local(iri),
                aliases=list(entities.at[iri, "aliases"]) if known else [],
                wikidata=entities.at[iri, "wikidata"] if known else None,
                **{"class": entities.at[iri, "class"] if known else "Actor"},
            )
        for fact in facts.to_dict("records"):
            graph.add_edge(
                fact["subject_iri"],
                fact["object_iri"],
                key=fact["statement"],
                evidence=fact["sentence"],
                **{k: _plain(fact[k]) for k in _EDGE_KEYS},
            )
        return graph

    def show(self, *, focus: str | None = None, depth: int = 2, top: int | None = None, height: int = 600) -> HTML:
        """The interactive view of the graph, to display inline in Jupyter.

        Without arguments it shows the page the build wrote (``graph.html``);
        ``focus``, ``depth`` and ``top`` cut a smaller view as ``kg viz`` does.
        The page is self-contained, so it is embedded whole in an iframe and the
        notebook works offline and keeps it when saved.

        Args:
            focus: Keep the entities within ``depth`` links of the one with this label or alias.
            depth: How many links away from ``focus`` to keep.
            top: Keep only this many entities, those with the most facts.
            height: Height of the frame in pixels.

        Raises:
            ViewError: When ``focus`` names no entity, or ``depth`` or ``top`` is out of range.

        Examples:
            >>> graph.show(focus="Zelensky", depth=1)  # in a notebook: the page, inline
            <IPython.core.display.HTML object>
        """
        from IPython.display import HTML

        page = self.path / "graph.html"
        if focus is not None or top is not None or not page.is_file():
            from kg.viz import write_html

            with tempfile.TemporaryDirectory() as folder:
                page = Path(folder) / "graph.html"
                write_html(self.rdf, page, focus=focus, depth=depth, top_nodes=top)
                text = page.read_text(encoding="utf-8")
        else:
            text = page.read_text(encoding="utf-8")
        return HTML(
            f'<div><iframe srcdoc="{html.escape(text, quote=True)}" style="width: 100%; height: {int(height)}px; '
            'border: 1px solid #ddd" title="kg graph"></iframe></div>'
        )

    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for what, status, n in self._rows(_COUNTS)[1]:
            key = str(what) if str(what) != "facts" else f"facts:{status}"
            counts[key] = counts.get(key, 0) + int(_python(n))
        return counts

    def __repr__(self) -> str:
        """``KnowledgeGraph('out': 3 articles, 26 entities, 69 facts (62 occurred, 3 planned, 4 possible))``."""
        counts = self._counts()
        by_status = {k.split(":", 1)[1]: n for k, n in counts.items() if k.startswith("facts:")}
        detail = ", ".join(f"{by_status[s]} {s}" for s in _STATUSES if s in by_status)
        return (
            f"KnowledgeGraph({str(self.path)!r}: {counts.get('articles', 0)} articles, "
            f"{counts.get('entities', 0)} entities, {sum(by_status.values())} facts" + (f" ({detail}))" if detail else ")")
        )


_EDGE_KEYS = ("predicate", "status", "date", "confidence", "attributed_to", "headline", "source", "published", "start", "end")


def _plain(value: Any) -> Any:
    """A pandas cell as a plain Python value (``None`` for missing), as networkx users expect."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return int(value) if hasattr(value, "dtype") and "int" in str(value.dtype) else value


def _fact_value(name: str, term: Node | None) -> Any:
    """A cell of the facts table: dates kept as ISO text, status and predicate as local names."""
    if term is None:
        return None
    if name in ("predicate", "status"):
        return _local(term)
    if name in ("date", "published"):
        return str(term)
    return _python(term)


def _describe(path: Path) -> str:
    """What is at ``path``, for the message of a folder that is not a kg output."""
    if not path.exists():
        return "no such folder"
    if not path.is_dir():
        return "a file"
    names = sorted(p.name for p in path.iterdir())
    if not names:
        return "an empty folder"
    return "a folder holding " + ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def build(
    paths: PathLike | Iterable[PathLike],
    out: PathLike,
    *,
    strict: bool = False,
    infer: bool = False,
    store: PathLike | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
) -> KnowledgeGraph:
    """Build the graph of articles into the folder ``out`` and open it.

    The same build as ``kg build PATHS --out OUT``; building into a folder
    again replaces the graphs of the articles read again and keeps the others.

    Args:
        paths: An article file or folder, or several (.txt .md .html .jsonl).
        out: The output folder; created when missing.
        strict: Stop at the first unreadable source or ontology violation.
        infer: Add to graph.ttl what the ontology entails (symmetric facts, super-properties).
        store: Where the store lives; ``out/store`` by default.
        on_failure: Called with each source that cannot be read; by default
            it is reported on stderr and the build goes on.

    Returns:
        The built graph; its ``report`` says what the build did.

    Raises:
        SourceError: In strict mode, on the first unreadable source.
        ValidationError: In strict mode, on the first ontology violation.

    Examples:
        >>> import kg
        >>> graph = kg.build("seeds", out="out")  # doctest: +SKIP
        >>> graph.report.articles  # doctest: +SKIP
        3
    """
    from kg import pipeline

    sources = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
    options: dict[str, Any] = {"strict": strict, "infer": infer, "store_path": store}
    if on_failure is not None:
        options["on_failure"] = on_failure
    report = pipeline.build(sources, Path(out), **options)
    return KnowledgeGraph(out, store=store, report=report)


def open(path: PathLike) -> KnowledgeGraph:  # noqa: A001 - kg.open mirrors the built-in on purpose
    """Open the output folder of an earlier build.

    Args:
        path: A folder written by ``kg build`` or :func:`kg.build`.

    Raises:
        StoreError: When the folder holds neither graph.ttl nor a store.

    Examples:
        >>> import kg
        >>> graph = kg.open(folder)  # the folder of `kg build ... --out FOLDER`
        >>> graph  # doctest: +ELLIPSIS
        KnowledgeGraph('...': 2 articles, 4 entities, 5 facts (3 occurred, 1 planned, 1 negated))
    """
    return KnowledgeGraph(path)
