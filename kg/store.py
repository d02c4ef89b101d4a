"""The Oxigraph store on disk: one named graph per article, kept in step with their union.

Layout of the dataset:

* each article's conforming graph is the named graph of its IRI
  (``https://w3id.org/kg/article/{id}``);
* its quarantine (what the validation gate rejected) is the named graph
  ``{article IRI}/quarantine``;
* the default graph is the union of every article's main graph (never of the
  quarantines). It is kept up to date in the same transaction (or load) that
  puts an article in, so that queries read one graph instead of asking Oxigraph for the
  union of every named graph, which costs a de-duplication over all of them
  (a two-pattern join over 1,500 article graphs of 1.3M quads: 4.2 s on the
  union, 0.04 s on the kept default graph, measured while designing this
  module; naming the 1,500 graphs as the default graph did not finish in a
  minute). Any SPARQL client, including
  ``oxigraph serve-read-only`` on this folder, sees the merged graph as the
  default graph and the articles as named graphs.

Replacing an article is one SPARQL Update (delete from the union what no other
article states; drop the article's two graphs; insert the new ones), which
Oxigraph applies as one transaction: a build killed at any moment leaves the
previous store readable, and building again completes it.

Articles the store does not hold yet go in through Oxigraph's bulk loader,
which sorts their quads into one file per index and hands the files to RocksDB
in a single ``IngestExternalFiles`` call. RocksDB records such an ingestion in
its manifest at once, so after a crash all of its files are in the store or
none is. The bulk loader cuts its input into ingestions of a million quads, so
each load is kept under :data:`BULK_LOAD_QUADS`; a larger article, and a write
of fewer than :data:`BULK_LOAD_MIN_QUADS` quads, go in as a transaction. A bulk
load skips what a transaction does for every quad (a locked read of the
quad and of each of its strings, then nine index writes into the memtables),
but each load leaves files that RocksDB compacts in the background, so loads
pay off only when they are large: the build gathers :data:`LOAD_QUADS` quads
of new articles before it writes them. The quads of 1,000 generated articles,
written as a build writes them, took 22 s of CPU in one transaction per 16
articles, 27 s in one bulk load per 16 articles and 12 s in one bulk load per
128 (``benchmarks/load_bench.py``).

Only one process may write a store; readers (``kg query``, ``kg serve``) take a
shared lock on ``kg.lock`` in the store folder so that a build and a server do
not run on the same store at once (Oxigraph calls a read-only open beside a
writer undefined behaviour).

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> store = open_store(None, backend="memory")
    >>> g = Graph().add((URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("1")))
    >>> store.replace_article(URIRef("https://w3id.org/kg/article/a1"), g, Graph())
    >>> len(store.union())
    1
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf import bind_prefixes
from kg.vocab import ARTICLE, ENTITY, KG

__all__ = [
    "BACKENDS", "LOAD_QUADS", "QUARANTINE_SUFFIX", "StoredArticle", "Store",
    "gathered_loads", "load_size", "open_store", "quarantine_iri",
]

BACKENDS = ("oxigraph", "memory")
"""Store backends by name: Oxigraph on disk, or Oxigraph in memory (tests, notebooks)."""

QUARANTINE_SUFFIX = "/quarantine"
"""Appended to an article's IRI to name the graph of its quarantined statements."""

_LOCK_NAME = "kg.lock"
FLUSH_QUADS = 50_000
"""Quads written by transactions between two flushes: RocksDB holds them in memory until
flushed, so without it a rebuild's memory grows with the corpus (0.6 MB per article)."""
BULK_LOAD_QUADS = 500_000
"""Most quads in one bulk load: half of what Oxigraph's bulk loader ingests at once
(a million), so that each load is one atomic ingestion."""
BULK_LOAD_MIN_QUADS = 20_000
"""Fewest quads worth a bulk load: a smaller write goes in as one transaction, since
every bulk load leaves a file per index for RocksDB to compact."""
LOAD_QUADS = 100_000
"""Quads of new articles worth one bulk load (about 128 articles): smaller loads leave
more files for RocksDB to compact, larger ones hold more memory while they load
(+126 MB at 100,000 quads)."""
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters SPARQL's IRIREF excludes: a graph name with one would end the IRI inside the update."""

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@dataclass(frozen=True)
class StoredArticle:
    """An article held in the store: its graph name, id and where it was read from."""

    iri: str
    id: str
    source: str


def quarantine_iri(article: str) -> URIRef:
    """The name of the graph that holds an article's quarantined statements."""
    return URIRef(str(article) + QUARANTINE_SUFFIX)


def _graph_name(name: str) -> str:
    """``name`` checked to be an IRI that can stand between angle brackets in an update."""
    if _NOT_IN_IRI.search(name):
        raise StoreError(f"graph name {name!r} is not an IRI (it has a space, quote or bracket); expected an article IRI")
    return name


def _replace_update(name: str, main: str | None, quarantine: str | None, *, held: bool = True) -> str:
    """The one SPARQL Update that takes out (and, given graphs, puts back) an article.

    The DELETE keeps in the union every triple another article's main graph
    still states: the entities' labels are shared by many articles. It is left
    out when the store does not hold the article (``held``): most of the cost
    of adding a new article.
    """
    parts = [
        f"DROP SILENT GRAPH <{name}>",
        f"DROP SILENT GRAPH <{quarantine_iri(name)}>",
    ]
    if held:
        parts.insert(
            0,
            f"""DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{name}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{
    GRAPH ?other {{ ?s ?p ?o }}
    FILTER(?other != <{name}> && !STRENDS(STR(?other), "{QUARANTINE_SUFFIX}"))
  }}
}}""",
        )
    if main is not None:
        parts.append(
            f"INSERT DATA {{\n{main}\nGRAPH <{name}> {{\n{main}\n}}\n"
            f"GRAPH <{quarantine_iri(name)}> {{\n{quarantine or ''}\n}}\n}}"
        )
    return " ;\n".join(parts)


class Store:
    """The graph store of a kg output folder; building an article again replaces its graph.

    Args:
        path: The store folder; ``None`` keeps the store in memory.
        read_only: Open for queries only: several readers may share a store,
            and none may while a build writes it.

    Raises:
        StoreError: The store is in use by another kg process, or (read-only)
            there is no store at ``path``.
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock: IO[bytes] | None = None
        self._unflushed = 0
        if self.path is None:
            self._store = ox.Store()
            return
        if read_only and not (self.path / "CURRENT").is_file():
            raise StoreError(
                f"no kg store at {self.path} (expected a folder written by `kg build`); "
                "build one with `kg build ARTICLES --out DIR` or give the right folder"
            )
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = self._take_lock(self.path / _LOCK_NAME, shared=read_only)
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            self._release_lock()
            if "lock" in str(exc).lower():
                raise StoreError(self._in_use_message()) from exc
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    def _in_use_message(self) -> str:
        if self.read_only:
            return (
                f"store {self.path} is being written by another kg process (a build or a removal); "
                "query it again when that has finished"
            )
        return (
            f"store {self.path} is in use by another kg process (a build, `kg serve` or `kg query`); "
            "wait for it to finish or stop it, or give this build another --store"
        )

    def _take_lock(self, lock: Path, *, shared: bool) -> IO[bytes]:
        handle = open(lock, "ab")
        try:
            fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StoreError(self._in_use_message()) from None
        return handle

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # writing

    def replace_article(self, name: URIRef, main: Graph, quarantine: Graph) -> None:
        """Put an article's graphs in the store in place of what it held before, atomically."""
        self.replace_article_ntriples(str(name), main.serialize(format="nt"), quarantine.serialize(format="nt"))

    def replace_article_ntriples(self, name: str, main: str, quarantine: str) -> None:
        """The same from N-Triples text, the form build workers send (no rdflib on the way)."""
        self.replace_articles_ntriples([(name, main, quarantine)])

    def replace_articles_ntriples(self, articles: Iterable[tuple[str, str, str]]) -> None:
        """Put several articles (graph name, main and quarantine N-Triples) in the store.

        The articles the store does not hold yet go in together as N-Quads
        (their graphs, their quarantines, and their triples added to the union):
        as one transaction when they are fewer than :data:`BULK_LOAD_MIN_QUADS`
        quads, else bulk-loaded up to :data:`BULK_LOAD_QUADS` quads at a time;
        each write is all or nothing, and an article larger than that is a
        transaction of its own. An article the store holds is replaced by its
        own SPARQL Update, which is one transaction too.
        """
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only; open it with read_only=False to change it")
        new: list[tuple[str, str, str]] = []
        for name, main, quarantine in articles:
            graph = _graph_name(name)
            if self._store.contains_named_graph(ox.NamedNode(graph)):
                self._update(_replace_update(graph, main, quarantine, held=True))
            else:
                new.append((graph, main, quarantine))
        for group, quads in _load_groups(new):
            data = "".join(
                part for graph, main, quarantine in group
                for part in (main, _in_graph(main, graph), _in_graph(quarantine, str(quarantine_iri(graph))))
            ).encode()
            if BULK_LOAD_MIN_QUADS <= quads <= BULK_LOAD_QUADS:
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            else:
                self._store.load(data, format=ox.RdfFormat.N_QUADS)
                self._written(quads)

    def remove_article(self, name: str) -> None:
        """Take an article's graphs out of the store and its statements out of the union."""
        self._update(_replace_update(_graph_name(str(name)), None, None))

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only; open it with read_only=False to change it")
        self._store.update(update)
        self._written(update.count("\n"))

    def _written(self, lines: int) -> None:
        """Flush the memtables once transactions have put about FLUSH_QUADS quads in them."""
        self._unflushed += lines
        if self._unflushed > FLUSH_QUADS:
            self._store.flush()
            self._unflushed = 0

    # reading

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None) -> Results:
        """Run a SPARQL query; the default graph is the union of the articles' main graphs.

        Args:
            sparql: SPARQL 1.1 query text.
            prefixes: Prefixes the query may use without declaring them.

        Raises:
            QueryError: The query is malformed (with the parser's message).
        """
        try:
            return self._store.query(sparql, prefixes=prefixes)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL query: {exc}; expected a SPARQL 1.1 query") from exc

    def select(self, sparql: str) -> ox.QuerySolutions:
        """Run a SELECT query: its solutions.

        Raises:
            QueryError: The query is malformed or not a SELECT.
        """
        results = self.query(sparql)
        if not isinstance(results, ox.QuerySolutions):
            raise QueryError(f"expected a SELECT query, got {type(results).__name__}: {sparql[:80]!r}")
        return results

    def articles(self) -> list[StoredArticle]:
        """Every article in the store, sorted by id."""
        found = {}
        for graph in self._store.named_graphs():
            if isinstance(graph, ox.NamedNode) and not _is_quarantine(graph):
                iri = graph.value
                sources = self._store.quads_for_pattern(graph, ox.NamedNode(str(KG.source)), None, graph)
                source = next((q.object.value for q in sources if isinstance(q.object, ox.Literal)), "")
                found[iri] = StoredArticle(iri, iri.removeprefix(str(ARTICLE)), source)
        return sorted(found.values(), key=lambda article: article.id)

    def find_article(self, ref: str) -> StoredArticle:
        """The article named by its id, IRI, source path or file name.

        Raises:
            StoreError: No article or more than one matches ``ref``.
        """
        articles = self.articles()
        for key in (_by_id, _by_source, _by_file_name):
            matches = [article for article in articles if key(article, ref)]
            if len(matches) == 1:
                return matches[0]
            if matches:
                names = ", ".join(article.source for article in matches)
                raise StoreError(f"{ref!r} names {len(matches)} articles ({names}); give the article id or full path")
        known = ", ".join(article.id for article in articles[:10]) or "none"
        raise StoreError(
            f"no article {ref!r} in store {self.path or '(memory)'}; expected an article id, "
            f"source path or file name; articles held: {known}{' ...' if len(articles) > 10 else ''}"
        )

    def union(self) -> Graph:
        """The merged main graph of every article (quarantine excluded), as an rdflib Graph."""
        merged = bind_prefixes(Graph())
        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        merged.parse(data=data, format="nt")
        return merged

    def entity_counts(self) -> dict[str, int]:
        """Entities of the union by class (local name): the summary's "entities" line."""
        rows = self.select(
            f"""SELECT ?class (COUNT(DISTINCT ?entity) AS ?n) WHERE {{
  ?entity a ?class ; <http://www.w3.org/2000/01/rdf-schema#label> ?label .
  FILTER(STRSTARTS(STR(?entity), "{ENTITY}") && STRSTARTS(STR(?class), "{KG._NS}"))
}} GROUP BY ?class"""
        )
        return {row["class"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in rows}

    def compact(self) -> None:
        """Merge the store's many small transaction files into a compact database.

        A build commits once per batch; without compaction a store takes several
        times the disk its triples need.
        """
        if not self.read_only:
            self._store.optimize()
            self._compacted = True

    def dump_union(self, path: Path, *, prefixes: dict[str, str] | None = None) -> None:
        """Write the union graph as Turtle, streamed by Oxigraph (no copy in Python)."""
        self._store.dump(str(path), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def quads(self, *, quarantine: bool = False) -> Iterator[ox.Quad]:
        """The quads of every article's named graphs (the quarantines too if asked)."""
        for graph in self._store.named_graphs():
            if quarantine or not _is_quarantine(graph):
                yield from self._store.quads_for_pattern(None, None, None, graph)

    def triples(self) -> Iterator[ox.Quad]:
        """The quads of the union (default) graph."""
        return self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def __len__(self) -> int:
        """The number of triples in the union graph."""
        count = next(iter(self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
        return int(count["n"].value)

    # lifetime

    def close(self) -> None:
        """Flush and release the store; the object is unusable afterwards."""
        if not self.read_only and hasattr(self, "_store"):
            self._store.flush()
        self.__dict__.pop("_store", None)
        if getattr(self, "_compacted", False) and self.path is not None:
            ox.Store(str(self.path))  # RocksDB drops its spent write-ahead log when the store is opened again
        self._release_lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def load_size(main: str, quarantine: str) -> int:
    """Quads an article's N-Triples put in the store: its graph, its union copy, its quarantine."""
    return 2 * main.count("\n") + quarantine.count("\n")


def gathered_loads(batches: Iterable[list[tuple[str, str, str]]]) -> Iterator[list[tuple[str, str, str]]]:
    """Batches of articles (graph name, main and quarantine N-Triples) joined into writes of
    at least :data:`LOAD_QUADS` quads, in order; the last write holds what is left.

    How a build cuts its writes for :meth:`Store.replace_articles_ntriples`: the
    store writes a few large bulk loads for far less than many small ones.
    """
    load: list[tuple[str, str, str]] = []
    quads = 0
    for batch in batches:
        load += batch
        quads += sum(load_size(main, quarantine) for _, main, quarantine in batch)
        if quads >= LOAD_QUADS:
            yield load
            load, quads = [], 0
    if load:
        yield load


def _load_groups(articles: list[tuple[str, str, str]]) -> Iterator[tuple[list[tuple[str, str, str]], int]]:
    """The articles in order, cut into groups of at most BULK_LOAD_QUADS quads, with their quads.

    An article larger than that is a group of its own.
    """
    group: list[tuple[str, str, str]] = []
    quads = 0
    for article in articles:
        size = load_size(article[1], article[2])
        if group and quads + size > BULK_LOAD_QUADS:
            yield group, quads
            group, quads = [], 0
        group.append(article)
        quads += size
    if group:
        yield group, quads


def _in_graph(ntriples: str, graph: str) -> str:
    """N-Triples lines as N-Quads lines of ``graph`` (each line ends in " .")."""
    return "".join(f"{line[:-1]}<{graph}> .\n" for line in ntriples.split("\n") if line.endswith(" ."))


def _is_quarantine(graph: ox.NamedNode | ox.BlankNode) -> bool:
    return isinstance(graph, ox.NamedNode) and graph.value.endswith(QUARANTINE_SUFFIX)


def _by_id(article: StoredArticle, ref: str) -> bool:
    return ref in (article.id, article.iri)


def _by_source(article: StoredArticle, ref: str) -> bool:
    return bool(article.source) and (
        ref == article.source or os.path.realpath(ref) == os.path.realpath(article.source)
    )


def _by_file_name(article: StoredArticle, ref: str) -> bool:
    return bool(article.source) and Path(article.source).name == Path(ref).name


def open_store(path: str | Path | None, *, backend: str = "oxigraph", read_only: bool = False) -> Store:
    """Open a store by backend name: ``oxigraph`` on disk at ``path``, or ``memory``.

    A kg output folder (holding ``store/``) is accepted in place of the store folder.

    Raises:
        StoreError: Unknown backend, no store to read, or the store is in use.
    """
    if backend not in BACKENDS:
        raise StoreError(f"unknown store backend {backend!r}; expected one of: {', '.join(BACKENDS)}")
    if backend == "memory":
        return Store(None)
    if path is None:
        raise StoreError("the oxigraph backend needs a folder; got none (use backend='memory' for no folder)")
    path = Path(path)
    if (path / "store" / "CURRENT").is_file():
        path = path / "store"
    return Store(path, read_only=read_only)
