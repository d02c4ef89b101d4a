"""Exports of the store: RDF in every common syntax, and GraphML for graph tools.

* ``turtle``, ``ntriples``, ``jsonld``: the merged main graph (what ``graph.ttl`` holds);
* ``nquads``, ``trig``: every article's named graph, so that another store
  (Oxigraph, Fuseki, GraphDB) can hold the same dataset and replace an article
  as kg does; the quarantine graphs when asked;
* ``graphml`` (through networkx, for Gephi, Cytoscape, yEd): entities as nodes with
  their label and class; facts as edges with their predicate and, from their
  statements, status, first date, highest confidence and number of articles.
  A fact reported planned and elsewhere occurred is two edges.

Files are written atomically: a reader sees the previous file or the new one.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import RDF

from kg.atomic import atomic_path
from kg.errors import StoreError
from kg.query import PREFIXES
from kg.store import Store
from kg.vocab import KG

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EXPORT_FORMATS", "export", "to_networkx", "write_build_outputs", "write_page"]

_RDF = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
EXPORT_FORMATS = (*_RDF, "jsonld", "graphml")
"""The formats of ``kg export``."""

_PREFIX_LINES = "\n".join(f"PREFIX {prefix}: <{ns}>" for prefix, ns in PREFIXES.items())

_ENTITIES = f"""{_PREFIX_LINES}
SELECT ?node ?label ?class ?wikidata WHERE {{
  ?node rdfs:label ?label ; a ?class .
  FILTER(STRSTARTS(STR(?class), STR(kg:)) && ?class NOT IN (kg:Article, kg:Statement))
  OPTIONAL {{ ?node owl:sameAs ?wikidata }}
}}"""

_FACTS = f"""{_PREFIX_LINES}
SELECT ?s ?p ?o ?status (MIN(STR(?date)) AS ?first) (MAX(?confidence) AS ?best)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
  ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:status ?status .
  OPTIONAL {{ ?statement kg:article ?article }}
  OPTIONAL {{ ?statement kg:date ?date }}
  OPTIONAL {{ ?statement kg:confidence ?confidence }}
}} GROUP BY ?s ?p ?o ?status"""

_DIRECT = f"""{_PREFIX_LINES}
SELECT ?s ?p ?o WHERE {{
  ?s ?p ?o .
  FILTER(STRSTARTS(STR(?p), STR(kg:)) && isIRI(?o))
  FILTER EXISTS {{ ?s rdfs:label ?a }} FILTER EXISTS {{ ?o rdfs:label ?b }}
}}"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The graph of entities and facts as a networkx multigraph, keyed by ``predicate/status``."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for row in store.select(_ENTITIES):
        node = row["node"].value
        attributes = graph.nodes[node] if node in graph else {"label": row["label"].value, "class": ""}
        kind = _local(row["class"].value)
        attributes["class"] = ",".join(sorted(set(filter(None, attributes["class"].split(","))) | {kind}))
        if row["wikidata"] is not None:
            attributes["wikidata"] = row["wikidata"].value
        graph.add_node(node, **attributes)
    for row in store.select(_FACTS):
        s, o = row["s"].value, row["o"].value
        if s in graph and o in graph:
            predicate, status = _local(row["p"].value), _local(row["status"].value)
            attributes = {"predicate": predicate, "status": status, "articles": int(row["articles"].value)}
            if row["first"] is not None:
                attributes["date"] = row["first"].value
            if row["best"] is not None:
                attributes["confidence"] = float(row["best"].value)
            graph.add_edge(s, o, key=f"{predicate}/{status}", **attributes)
    for row in store.select(_DIRECT):
        s, o, predicate = row["s"].value, row["o"].value, _local(row["p"].value)
        key = f"{predicate}/{_local(str(KG.occurred))}"
        if s in graph and o in graph and not graph.has_edge(s, o, key):
            graph.add_edge(s, o, key=key, predicate=predicate, status="occurred", articles=0)
    return graph


@contextmanager
def _destination(output: Path | None) -> Iterator[IO[bytes] | Path]:
    """A temporary path renamed over ``output`` on success, or a buffer for stdout."""
    if output is None:
        yield io.BytesIO()
        return
    with atomic_path(output) as tmp:
        yield tmp


def export(store: Store, fmt: str, output: Path | None = None, *, quarantine: bool = False) -> bytes | None:
    """Write the store in ``fmt`` to ``output`` atomically, or return the bytes when no output is given.

    Raises:
        StoreError: ``fmt`` is not one of ``EXPORT_FORMATS``, or ``quarantine`` with a
            format that has no named graphs.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; expected one of: {', '.join(EXPORT_FORMATS)}")
    named = fmt in ("nquads", "trig")
    if quarantine and not named:
        raise StoreError(f"--quarantine needs a format with named graphs (nquads, trig); got {fmt}")
    with _destination(output) as target:
        if fmt == "graphml":
            import networkx as nx

            nx.write_graphml(to_networkx(store), target)
        elif fmt == "jsonld":
            context = {prefix: ns for prefix, ns in PREFIXES.items()}
            data = store.union().serialize(format="json-ld", context=context, auto_compact=True)
            _write(target, data.encode("utf-8"))
        elif named:
            ox.serialize(store.quads(quarantine=quarantine), target, _RDF[fmt], prefixes=PREFIXES)
        else:
            ox.serialize((quad.triple for quad in store.triples()), target, _RDF[fmt], prefixes=PREFIXES)
        return target.getvalue() if isinstance(target, io.BytesIO) else None


def _write(target: IO[bytes] | Path, data: bytes) -> None:
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)


VIEW_STATEMENTS = 18_000
"""Above this many statements in the union, graph.html shows the most connected entities only.

A statement is a quote on the page and most of the time of reading it; 18,000 is about
300,000 triples of news (900 articles).
"""

VIEW_TOP = 500
"""How many entities the page of a large graph shows (by degree; ``kg viz --top`` for others)."""


def write_build_outputs(store: Store, out: Path, *, infer: bool = False, png: bool = False) -> None:
    """Write ``graph.ttl`` and ``graph.html`` of ``out`` from the store, as a build does.

    ``graph.ttl`` is streamed by Oxigraph (with ``infer``, rdflib and owlrl
    compute the entailments first). The page is read from the store with
    SPARQL, never through an rdflib Graph (300 articles: 3.3 s through a Graph,
    0.5 s straight); see :func:`write_page`. ``graph.png`` is drawn when asked,
    or redrawn when there was one.
    """
    from kg.viz import screenshot

    # Oxigraph releases the GIL while it dumps and queries: the Turtle and the page are read at once.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-turtle") as pool:
        turtle = pool.submit(_write_turtle, store, out / "graph.ttl", infer)
        with atomic_path(out / "graph.html") as tmp:
            write_page(store, tmp)
        turtle.result()
    if png or (out / "graph.png").is_file():
        screenshot(out / "graph.html", out / "graph.png")


def _write_turtle(store: Store, path: Path, infer: bool) -> None:
    from kg.infer import infer as entail

    with atomic_path(path) as tmp:
        if infer:
            entail(store.union()).serialize(destination=tmp, format="turtle")
        else:
            store.dump_union(tmp, prefixes=PREFIXES)


def write_page(store: Store, path: Path) -> None:
    """Write the build's page of ``store``: the whole graph, or its busiest part past :data:`VIEW_STATEMENTS`.

    Past that size the page draws the statements among the :data:`VIEW_TOP`
    entities of highest degree (a capped number, the most confident first), so
    that neither the page nor the build's memory grows with the corpus.
    """
    from kg.viz import write_store_html

    if _holds_more_statements_than(store, VIEW_STATEMENTS):
        write_store_html(store, path, busiest=VIEW_TOP, title=f"kg graph: the {VIEW_TOP} most connected entities")
    else:
        write_store_html(store, path)


def _holds_more_statements_than(store: Store, count: int) -> bool:
    """Whether the union holds more than ``count`` statements, counting no further than that.

    ``len(store)`` counts every triple, 0.07 s at 1,000 articles and growing with
    the corpus; this takes 0.004 s.
    """
    rows = store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT * WHERE {{ ?st <{RDF.subject}> ?s }} LIMIT {int(count) + 1} }} }}"
    )
    return int(next(iter(rows))["n"].value) > count
