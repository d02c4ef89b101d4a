"""What the view reads from a store: statements, entities, articles and direct triples, by SPARQL.

Each read is one SELECT whose solutions come back as text; ``kg.viz.model``
applies the view's rules to them. Nothing here builds an rdflib Graph: for 300
articles (98k triples) turning the store into a Graph took 2.3 s, the SELECTs
of the same page 0.3 s.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS

from kg.store import Store, open_store
from kg.types import CORE_PREDICATES
from kg.vocab import KG

__all__ = [
    "Said", "STATEMENT_FIELDS", "ENTITY_FIELDS", "ARTICLE_FIELDS", "ALL_ENTITIES", "ALL_ARTICLES",
    "select", "values", "together", "statements", "nodes", "described", "direct", "busiest", "most_confident",
    "turtle_ntriples", "memory_store",
]


class Said(NamedTuple):
    """One statement as the store holds it: each value as text, None when absent."""

    node: str
    subject: str
    predicate: str
    obj: str
    status: str | None
    sentence: str | None
    article: str | None
    start: str | None
    date: str | None
    confidence: str | None
    by: str | None
    relation: str | None


STATEMENT_FIELDS: dict[str, URIRef] = {
    "status": KG.status,
    "sentence": KG.sentence,
    "article": KG.article,
    "start": KG.startOffset,
    "date": KG.date,
    "confidence": KG.confidence,
    "by": KG.attributedTo,
    "relation": KG.relation,
}
"""The optional values of a statement, in the order of ``Said``."""

ENTITY_FIELDS: dict[str, URIRef] = {
    "label": RDFS.label,
    "pref": SKOS.prefLabel,
    "alias": SKOS.altLabel,
    "same": OWL.sameAs,
    "class": RDF.type,
}
ARTICLE_FIELDS: dict[str, URIRef] = {
    "headline": SDO.headline,
    "source": KG.source,
    "published": SDO.datePublished,
    "url": SDO.url,
}

ALL_ENTITIES = f"""{{ ?n <{RDFS.label}> ?x }} UNION {{ ?n <{SKOS.prefLabel}> ?x }}
  UNION {{ ?x <{RDF.subject}> ?n }} UNION {{ ?x <{RDF.object}> ?n }}"""
"""Binds ?n to every node that carries a name or that a statement is about."""

ALL_ARTICLES = f"{{ ?n a <{KG.Article}> }} UNION {{ ?x <{KG.article}> ?n }}"
"""Binds ?n to every article: typed as one, or named by a statement."""


def select(store: Store, sparql: str) -> list[tuple[str | None, ...]]:
    """The solutions of a SELECT, each term as its text, None where unbound.

    The text of an IRI is the IRI, of a literal its lexical form, of a blank
    node ``_:`` and its id.
    """
    return [tuple(None if term is None else _text(term) for term in row) for row in store.select(sparql)]


def _text(term: Any) -> str:
    return "_:" + term.value if isinstance(term, ox.BlankNode) else str(term.value)


def values(variable: str, iris: Iterable[str]) -> str:
    """A VALUES block binding ``variable`` to each IRI (sorted, so a query reads the same each time).

    Blank nodes are left out: a query cannot name one (kg's entities and
    statements are IRIs).
    """
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in sorted(iris) if not iri.startswith('_:'))} }}"


def together(*reads: Callable[[], Any]) -> list[Any]:
    """The results of ``reads``, run two at a time: Oxigraph lets go of the GIL while it evaluates a query."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return [future.result() for future in [pool.submit(read) for read in reads]]


def statements(store: Store, scope: str) -> list[Said]:
    """The statements that ``scope`` binds to ?st (all of them when empty), one per node.

    Each value is one lookup in the store's indexes; together they are most of
    the time of a page (5,000 statements: 0.25 s).
    """
    optional = "\n".join(f"  OPTIONAL {{ ?st <{iri}> ?{name} }}" for name, iri in STATEMENT_FIELDS.items())
    rows = select(
        store,
        f"""SELECT ?st ?s ?p ?o {" ".join(f"?{name}" for name in STATEMENT_FIELDS)} WHERE {{
  {scope}
  ?st <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o .
{optional}
}}""",
    )
    found: dict[str, Said] = {}
    for row in rows:
        found.setdefault(str(row[0]), Said(*row))  # type: ignore[arg-type]  # the pattern binds the first four
    return list(found.values())


def nodes(store: Store, pattern: str) -> set[str]:
    """The nodes ``pattern`` binds to ?n."""
    return {str(row[0]) for row in select(store, f"SELECT DISTINCT ?n WHERE {{ {pattern} }}")}


def described(store: Store, which: set[str], fields: dict[str, URIRef]) -> dict[str, dict[str, list[str]]]:
    """Each node of ``which`` with its values of ``fields`` (by field name), read in one query."""
    found: dict[str, dict[str, list[str]]] = {node: {} for node in which}
    branches = " UNION ".join(f'{{ ?n <{iri}> ?v BIND("{name}" AS ?k) }}' for name, iri in fields.items())
    for node, key, value in select(store, f"SELECT ?n ?k ?v WHERE {{ {values('n', which)} {branches} }}"):
        found[str(node)].setdefault(str(key), []).append(str(value))
    return found


def direct(store: Store, among: set[str] | None = None) -> list[tuple[str, str, str]]:
    """The direct triples of the core predicates (between ``among`` when given), sorted.

    One scan of each predicate, keeping the triples between ``among`` as they
    stream by: a lookup per entity and predicate took three times as long, and
    only the kept ones are held.
    """
    predicates = " ".join(f"<{KG[name]}>" for name in CORE_PREDICATES)
    found = []
    for row in store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"):
        subject, predicate, obj = (_text(term) for term in row)
        if among is None or (subject in among and obj in among):
            found.append((subject, predicate, obj))
    return sorted(found)


def busiest(store: Store, count: int) -> list[str]:
    """The ``count`` entities most statements name (as subject or object)."""
    rows = select(
        store,
        f"""SELECT ?n (COUNT(?st) AS ?count) WHERE {{
  {{ ?st <{RDF.subject}> ?n }} UNION {{ ?st <{RDF.object}> ?n }} FILTER(isIRI(?n))
}} GROUP BY ?n ORDER BY DESC(?count) LIMIT {int(count)}""",
    )
    return [str(row[0]) for row in rows]


def most_confident(store: Store, entities: Iterable[str], count: int) -> list[str]:
    """At most ``count`` statements between ``entities``, the most confident first.

    The statements stream by once and a heap keeps the best ``count``, so the
    memory this takes does not grow with the store: a GROUP BY and ORDER BY in
    SPARQL ran faster (0.35 s against 1.0 s at 4,000 articles) but held every
    statement, 44 MB at 4,000 articles. One without a confidence comes last;
    among equal confidences the first met stay, and the result is sorted by
    confidence, then IRI.
    """
    among = set(entities)
    best: list[tuple[float, str]] = []
    for statement, obj, confidence in store.select(
        f"""SELECT ?st ?o ?c WHERE {{ {values("s", among)}
  ?st <{RDF.subject}> ?s ; <{RDF.object}> ?o . OPTIONAL {{ ?st <{KG.confidence}> ?c }}
}}"""
    ):
        if obj.value not in among:
            continue
        item = (float(confidence.value) if confidence is not None else -1.0, statement.value)
        if len(best) < count:
            heapq.heappush(best, item)
        elif item[0] > best[0][0]:
            heapq.heapreplace(best, item)
    return [node for _, node in sorted(best, key=lambda item: (-item[0], item[1]))]


def turtle_ntriples(path: Path) -> str:
    """The triples of a Turtle file as N-Triples, read by Oxigraph."""
    data = ox.serialize(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    return (data or b"").decode()


def memory_store(ntriples: str) -> Store:
    """An in-memory store whose union graph holds ``ntriples``."""
    store = open_store(None, backend="memory")
    store.replace_article_ntriples("urn:kg:view", ntriples.translate(_LINE_BREAKS), "")
    return store


_LINE_BREAKS = {ord(c): f"\\u{ord(c):04X}" for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
"""Characters ``str.splitlines`` breaks at and N-Triples keeps in a literal: escaped, so that
the store, which reads N-Triples line by line, gets whole lines."""
