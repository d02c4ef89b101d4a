"""Figures of the validation gate: seed graph, and a graph 100 times its size.

Run: .venv/bin/python benchmarks/validate_bench.py [--copies 100] [--skip-pyshacl-big]

The seed article graphs are made by the build's own stages (ingest, parse,
extract, resolve, rdf) without the gate; the big graph repeats each of them
``--copies`` times with fresh IRIs for every article, statement, event and
entity, so that it has the shape of a real corpus rather than one graph read
many times. Printed: the spaCy parse time of the seeds (the build's yardstick:
the whole build must stay within 1.3 times of it), the gate with the fast
engine per article (on an rdflib Graph, and as the build runs it: on the
article's triples, writing N-Triples), pySHACL (the judge) per article and on
the merged graph.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rdflib import Graph, URIRef

from kg import ingest
from kg.extract import extract
from kg.nlp import load_pipeline
from kg.rdf import article_graph
from kg.resolve import Resolver
from kg.types import Article
from kg.validate import gate, gate_triples, load_shapes, violations
from kg.vocab import BASE

ROOT = Path(__file__).resolve().parent.parent


def seed_graphs(seeds: Path) -> tuple[list[Graph], float]:
    """The seeds' article graphs, ungated, and the seconds spaCy took to parse them."""
    nlp = load_pipeline()
    articles = [a for a in ingest.read_sources([seeds]) if isinstance(a, Article)]
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles]))
    parse = time.perf_counter() - started
    resolver = Resolver(None)
    graphs = []
    for doc, article in zip(docs, articles, strict=True):
        facts = resolver.resolve(article, doc, extract(doc, article).facts)
        graphs.append(article_graph(article, facts))
    return graphs, parse


def copy_with_fresh_iris(graph: Graph, n: int) -> Graph:
    """``graph`` with every kg IRI (article, statement, event, entity) suffixed by ``n``."""

    def fresh(node):
        if isinstance(node, URIRef) and str(node).startswith(BASE) and "/ontology#" not in str(node):
            return URIRef(f"{node}-{n}")
        return node

    out = Graph()
    for s, p, o in graph:
        out.add((fresh(s), p, fresh(o)))
    return out


def timed(label: str, work, *, count: int = 1) -> float:
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    per = f"  ({seconds / count * 1000:.1f} ms each of {count})" if count > 1 else ""
    print(f"{label:<48} {seconds:8.3f} s{per}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--skip-pyshacl-big", action="store_true", help="Do not run pySHACL on the big graph.")
    args = parser.parse_args()

    graphs, parse = seed_graphs(ROOT / "seeds")
    merged = Graph()
    for g in graphs:
        merged += g
    statements = len(set(merged.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"), None)))
    print(f"seed graph: {len(graphs)} articles, {len(merged)} triples, {statements} statements")
    print(f"{'spaCy parse of the seeds':<48} {parse:8.3f} s  ({parse / len(graphs) * 1000:.1f} ms each of {len(graphs)})")
    timed("load shapes + class hierarchy (once)", load_shapes)
    gate(graphs[0])  # compile the fast engine once
    timed("gate, fast engine, per article", lambda: [gate(g) for g in graphs], count=len(graphs))
    triples = [list(g) for g in graphs]
    timed("gate as the build runs it (triples in, N-Triples out)", lambda: [gate_triples(t) for t in triples], count=len(graphs))
    violations(graphs[0], engine="pyshacl")  # pySHACL's own first-call cost
    timed("pySHACL, per article", lambda: [violations(g, engine="pyshacl") for g in graphs], count=len(graphs))
    timed("pySHACL, merged seed graph", lambda: violations(merged, engine="pyshacl"))

    copies = [copy_with_fresh_iris(g, n) for n in range(args.copies) for g in graphs]
    big = Graph()
    for g in copies:
        big += g
    print(f"\n{args.copies}x graph: {len(copies)} articles, {len(big)} triples")
    timed("gate, fast engine, per article", lambda: [gate(g) for g in copies], count=len(copies))
    timed("fast engine, whole graph at once", lambda: violations(big, engine="fast"))
    if not args.skip_pyshacl_big:
        timed("pySHACL, whole graph at once", lambda: violations(big, engine="pyshacl"))


if __name__ == "__main__":
    main()
