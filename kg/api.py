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

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

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

_ENTITIES = """
SELECT ?iri ?label ?class ?wikidata WHERE {
  ?iri rdfs:label ?label .
  OPTIONAL { ?iri a ?class }
  OPTIONAL { ?iri owl:sameAs ?same FILTER(STRSTARTS(STR(?same), STR(wd:))) BIND(STRAFTER(STR(?same), STR(wd:)) AS ?wikidata) }
}"""

_ALIASES = "SELECT ?iri ?alias WHERE { ?iri rdfs:label [] ; skos:altLabel ?alias }"

_FACTS = """
SELECT * WHERE {
  ?statement rdf:subject ?subject_iri ; rdf:predicate ?predicate ; rdf:object ?object_iri .
  OPTIONAL { ?subject_iri rdfs:label ?subject }  OPTIONAL { ?object_iri rdfs:label ?object }
  OPTIONAL { ?statement kg:status ?status }  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement kg:confidence ?confidence }  OPTIONAL { ?statement kg:attributedTo/rdfs:label ?attributed_to }
  OPTIONAL { ?statement kg:sentence ?sentence }  OPTIONAL { ?statement kg:relation ?relation }
  OPTIONAL { ?statement kg:startOffset ?start }  OPTIONAL { ?statement kg:endOffset ?end }
  OPTIONAL {
    ?statement kg:article ?article .
    OPTIONAL { ?article schema:headline ?headline }  OPTIONAL { ?article kg:source ?source }
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

_EDGE_KEYS = ("predicate", "status", "date", "confidence", "attributed_to", "headline", "source", "published", "start", "end")
_STATUSES = tuple(s.value for s in Status)


def _prologue() -> str:
    """The kg prefixes, declared before every query so that users can write ``kg:status`` bare.

    On the query's first line, so that the parser's line numbers stay those of the user's text.
    """
    from kg.query import PREFIXES

    return "".join(f"PREFIX {prefix}: <{namespace}> " for prefix, namespace in PREFIXES.items())


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Any:
    """A SPARQL term as pandas wants it: IRIs as strings, literals as Python values.

    rdflib's mapping of XSD types is used; the partial dates it keeps as
    Literals (``xsd:gYear``, ``xsd:gYearMonth``) become their ISO text.
    """
    if not isinstance(term, ox.Literal):
        return None if term is None else term.value
    if term.language:
        return term.value
    value = Literal(term.value, datatype=URIRef(term.datatype.value)).toPython()
    return float(value) if isinstance(value, Decimal) else str(value) if isinstance(value, Literal) else value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts of plain Python values, ``None`` for missing ones."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")  # type: ignore[no-any-return]


def _period_end(iso: str) -> date:
    """The last day of an ISO date, year-month ("2024-04") or year ("2024")."""
    parts = [int(p) for p in iso[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _as_date(since: date | str) -> date:
    """``since`` as the first day it names: a date, or ISO text of a day, month or year."""
    if isinstance(since, date):
        return since.date() if isinstance(since, datetime) else since
    try:
        parts = [int(p) for p in str(since).strip().split("-")]
        return date(*(parts + [1, 1])[:3])
    except (TypeError, ValueError):
        raise QueryError(
            f"expected since= to be a date or an ISO date string ('2024-04-29', '2024-04', '2024'), got {since!r}"
        ) from None


def _choices(value: str | Iterable[str], known: Iterable[str], name: str) -> set[str]:
    """``value`` (one name or several) checked against the ``known`` names."""
    wanted, valid = ({value} if isinstance(value, str) else set(value)), set(known)
    if unknown := sorted(wanted - valid):
        raise QueryError(f"expected {name} to be one of {', '.join(sorted(valid))}; got {', '.join(unknown)}")
    return wanted


def _most_specific(classes: Iterable[Any]) -> str:
    """The class of a node that is not a superclass of another of its classes (``Country`` over ``Actor``)."""
    names = {_local(c) for c in classes if isinstance(c, str) and c.startswith(str(KG._NS))}
    specific = sorted(n for n in names if not any(n in SUPERCLASSES.get(m, ()) for m in names - {n}))
    return specific[0] if specific else "Actor"


class KnowledgeGraph:
    """A graph built by ``kg build``, read as pandas tables, a networkx graph or a page.

    Get one with :func:`kg.build` or :func:`kg.open`.

    Args:
        path: The output folder of ``kg build``: it holds ``graph.ttl``, a ``store/`` folder, or both.
        store: The store folder when the build put it elsewhere (``--store``).
        report: What the build did, when this object comes from :func:`kg.build`.

    Attributes:
        path: The output folder.
        report: The build's :class:`kg.pipeline.BuildReport`; ``None`` after :func:`kg.open`.

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
        with self._open() as store:
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

    def _table(self, query: str) -> pd.DataFrame:
        """The answers to SPARQL text, one column per variable."""
        import pandas as pd

        from kg.query import run_local

        with self._open() as store:
            result = run_local(store, _prologue() + query)
            if isinstance(result, ox.QueryBoolean):
                return pd.DataFrame({"boolean": [bool(result)]})
            names = [v.value for v in result.variables]
            return pd.DataFrame([[_value(row[name]) for name in names] for row in result], columns=names)

    def sparql(self, query: str, **parameters: str) -> pd.DataFrame:
        """Answer a SPARQL query as a DataFrame: one column per variable, one row per answer.

        ``query`` is SPARQL text, a ``.rq`` file, or the name of a saved query
        of ``ontology/queries/`` (``signed-with``, ``about``...), whose
        parameters are keywords, bound as escaped literals. IRIs come as
        strings, literals as Python values (``int``, ``float``,
        ``datetime.date``, ``str``; a partial date such as ``2024-04`` as its
        ISO text). The kg prefixes (``kg``, ``kge``, ``rdfs``, ``skos``,
        ``schema``, ``sem``...) are declared already. ASK gives one column
        ``boolean``; CONSTRUCT and DESCRIBE give ``subject``, ``predicate``, ``object``.

        Args:
            query: SPARQL 1.1 text, a ``.rq`` file or a saved query's name.
            **parameters: Values of the saved query's parameters (``actor="Ukraine"``).

        Raises:
            QueryError: When the query is malformed (with the parser's message),
                names no saved query, or misses a parameter.

        Examples:
            >>> graph.sparql(\'\'\'
            ...     SELECT ?label (COUNT(*) AS ?agreements) WHERE {
            ...         ?country a kg:Country ; rdfs:label ?label ; kg:signsAgreementWith [] }
            ...     GROUP BY ?label ORDER BY DESC(?agreements)\'\'\')
                 label  agreements
            0  Ukraine           2
            >>> graph.sparql("ASK { ?x kg:attacks ?y }")
               boolean
            0    False
        """
        from kg.query import bind_parameters, resolve_query

        return self._table(bind_parameters(resolve_query(query), parameters))

    def entities(self) -> pd.DataFrame:
        """The named entities: one row each, sorted by label.

        Columns: ``label``, ``class`` (the most specific kg class: ``Country``,
        ``Person``, ``Agreement``...), ``aliases`` (a tuple of the other names
        met in the articles), ``wikidata`` (``Q212`` or missing), ``iri``.

        Examples:
            >>> graph.entities()[["label", "class", "aliases", "wikidata"]]
                            label    class             aliases wikidata
            0              Canada  Country                  ()      Q16
            1             Ukraine  Country             (Kyiv,)     Q212
            2       United States  Country  (U.S., Washington)      Q30
            3  Volodymyr Zelensky   Person         (Zelensky,)      NaN
        """
        import pandas as pd

        by_iri = self._table(_ENTITIES).groupby("iri")
        aliases = self._table(_ALIASES).groupby("iri")["alias"].agg(lambda names: tuple(sorted(names)))
        table = pd.DataFrame(
            {"label": by_iri["label"].first(), "class": by_iri["class"].agg(_most_specific), "aliases": aliases}
        ).assign(wikidata=by_iri["wikidata"].first())
        table["aliases"] = table["aliases"].map(lambda names: names if isinstance(names, tuple) else ())
        table = table.rename_axis("iri").reset_index()[["label", "class", "aliases", "wikidata", "iri"]]
        return table.sort_values("label", key=lambda labels: labels.str.casefold(), ignore_index=True)

    def facts(
        self,
        actor: str | None = None,
        predicate: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        since: date | str | None = None,
    ) -> pd.DataFrame:
        """The facts, one row per statement, with the sentence and article each was read from.

        Columns, in order: ``subject``, ``predicate`` (``negotiatesWith``...),
        ``object`` (labels); ``status`` (occurred, planned, possible, negated);
        ``date`` (the fact's own ISO date, year-month or year, as text);
        ``confidence``; ``attributed_to`` (who the article says stated it);
        ``sentence``; ``headline``, ``source``, ``published`` (the article);
        ``start``, ``end`` (the sentence's character offsets in the article
        text); ``relation`` (the open relation phrase); ``subject_iri``,
        ``object_iri``, ``article``, ``statement`` (IRIs). Rows are sorted by
        publication date, article and offset. A fact is kept when it passes
        every filter given.

        Args:
            actor: Its subject or object has this label or alias (any case), or this IRI.
            predicate: It is of this core property, or of any of several.
            status: It has this status, or any of several.
            since: It is dated on or after this day: by its own date, else by
                its article's publication. A year or month counts when it
                reaches ``since``; an undated fact does not.

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
        predicates = _choices(predicate, CORE_PREDICATES, "predicate") if predicate is not None else None
        statuses = _choices(status, _STATUSES, "status") if status is not None else None
        start = _as_date(since) if since is not None else None
        frame = self._table(_FACTS).drop_duplicates("statement").reindex(columns=list(FACT_COLUMNS))
        frame["predicate"] = frame["predicate"].map(_local)
        frame["status"] = frame["status"].map(_local, na_action="ignore").fillna(Status.OCCURRED.value)
        for column in ("date", "published"):
            frame[column] = frame[column].map(str, na_action="ignore")
        keep = frame["statement"].notna()
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
        return frame.astype({"start": "Int64", "end": "Int64"}).reset_index(drop=True)

    def _iris_named(self, name: str) -> set[str]:
        """The IRIs of the entities with ``name`` as label, alias or IRI."""
        wanted = name.casefold()
        return {
            row["iri"]
            for row in _records(self.entities())
            if name == row["iri"] or wanted in {n.casefold() for n in (row["label"], *row["aliases"])}
        }

    def to_networkx(self, **filters: Any) -> nx.MultiDiGraph:
        """The facts as a networkx ``MultiDiGraph``: entities as nodes, one edge per statement.

        Nodes are the entity IRIs of the facts kept, with ``label``,
        ``class``, ``aliases`` and ``wikidata``. Each edge goes from subject to
        object, keyed by the statement IRI, with ``predicate``, ``status``,
        ``date``, ``confidence``, ``attributed_to``, ``evidence`` (the
        sentence), ``headline``, ``source``, ``published``, ``start`` and
        ``end``. A symmetric fact (``negotiatesWith``, ``signsAgreementWith``,
        ``meetsWith``) is one edge the way the sentence put it: use
        ``G.to_undirected()`` where direction does not matter. Planned,
        possible and negated facts are edges too: filter on ``status``.

        Args:
            **filters: The filters of :meth:`facts` (``actor``, ``predicate``, ``status``, ``since``).

        Examples:
            >>> G = graph.to_networkx(status="occurred")
            >>> sorted((G.nodes[node]["label"], degree) for node, degree in G.degree())
            [('Canada', 1), ('Ukraine', 3), ('United States', 1), ('Volodymyr Zelensky', 1)]
            >>> [(d["predicate"], d["status"], d["date"]) for _, _, d in G.edges(data=True) if d["date"]]
            [('signsAgreementWith', 'occurred', '2024-06-13')]
        """
        import networkx as nx

        facts = _records(self.facts(**filters))
        iris = sorted({fact["subject_iri"] for fact in facts} | {fact["object_iri"] for fact in facts})
        nodes = self.entities().set_index("iri").reindex(iris).rename_axis("iri").reset_index()
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node.pop("iri"), node) for node in _records(nodes))
        graph.add_edges_from(
            (fact["subject_iri"], fact["object_iri"], fact["statement"], {"evidence": fact["sentence"]} | {k: fact[k] for k in _EDGE_KEYS})
            for fact in facts
        )
        return graph

    def show(self, *, focus: str | None = None, depth: int = 2, top: int | None = None, height: int = 600) -> HTML:
        """The interactive view of the graph, to display inline in Jupyter.

        Without arguments it is the page the build wrote (``graph.html``);
        ``focus``, ``depth`` and ``top`` cut a smaller view as ``kg viz`` does.
        The page is self-contained, so it is embedded whole in an iframe: the
        notebook works offline and keeps the view when saved.

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
                source = self._turtle if self._turtle.is_file() else self.rdf  # Oxigraph reads the file faster
                write_html(source, Path(folder) / "graph.html", focus=focus, depth=depth, top_nodes=top)
                text = (Path(folder) / "graph.html").read_text(encoding="utf-8")
        else:
            text = page.read_text(encoding="utf-8")
        return HTML(
            f'<div><iframe srcdoc="{html.escape(text, quote=True)}" style="width: 100%; height: {int(height)}px; '
            'border: 1px solid #ddd" title="kg graph"></iframe></div>'
        )

    def __repr__(self) -> str:
        """``KnowledgeGraph('out': 3 articles, 26 entities, 69 facts (62 occurred, 3 planned, 4 possible))``."""
        counts = self._table(_COUNTS)
        totals = counts.groupby("what")["n"].sum()
        by_status = counts[counts["what"] == "facts"].set_index("status")["n"]
        detail = ", ".join(f"{by_status[s]} {s}" for s in _STATUSES if s in by_status)
        return (
            f"KnowledgeGraph({str(self.path)!r}: {totals.get('articles', 0)} articles, "
            f"{totals.get('entities', 0)} entities, {by_status.sum()} facts" + (f" ({detail}))" if detail else ")")
        )


def _describe(path: Path) -> str:
    """What is at ``path``, for the message of a folder that is not a kg output."""
    if not path.is_dir():
        return "a file" if path.exists() else "no such folder"
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

    The same build as ``kg build PATHS --out OUT``: building into a folder
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
    options: dict[str, Any] = {"on_failure": on_failure} if on_failure is not None else {}
    report = pipeline.build(
        sources, Path(out), strict=strict, infer=infer, store_path=Path(store) if store else None, **options
    )
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
