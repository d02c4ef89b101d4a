"""Figures of the graph view: page write time from a store; layout, page and time until interactive.

Run:
    .venv/bin/python benchmarks/viz_bench.py --stores OUT [OUT ...]
    .venv/bin/python benchmarks/viz_bench.py [--nodes 5000] [--seeds-out out]

``--stores`` times what the end of a build pays for ``graph.html``
(``kg.export.write_page``) on built stores (a build folder or its ``store/``),
each in a fresh process as a build meets it: imports, reading the view,
layout and page. Copies of the stores are read, never written.

Without it: Python layout time, page write time and time until interactive
in Chromium for the seed graph and a synthetic one. "Interactive" is
``window.kgReady``, set on vis-network's first ``afterDrawing`` with every
node placed and physics off. The seed graph is read from ``SEEDS_OUT/graph.ttl``
(built with ``kg build seeds`` when missing); the synthetic graph has hub
countries, as news graphs do.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from kg.rdf import article_graph
from kg.types import CORE_PREDICATES, Article, Entity, Evidence, ResolvedFact, Status


def synthetic(nodes: int, seed: int = 0) -> Graph:
    """``nodes`` entities, 1.5 facts per entity, preferential attachment to hubs."""
    rng = random.Random(seed)
    kinds = ("Country", "Person", "Organization", "Agreement")
    entities = [Entity(f"e/{i}", f"Entity {i}", kinds[min(i % 7, 3)]) for i in range(nodes)]
    ends: list[int] = [0, 1]
    facts = []
    for i in range(2, nodes):
        for _ in range(1 if i % 2 else 2):
            j = rng.choice(ends)
            status = rng.choice((Status.OCCURRED, Status.OCCURRED, Status.PLANNED, Status.POSSIBLE, Status.NEGATED))
            text = f"Entity {i} and Entity {j} did something on day {i}."
            facts.append(ResolvedFact(entities[i], rng.choice(CORE_PREDICATES), entities[j], status,
                                      Evidence("synthetic", text, i, i + len(text)), 0.7, f"2025-{1 + i % 12:02d}"))
            ends += [i, j]
    return article_graph(Article(id="synthetic", source="synthetic", text="", title="Synthetic"), facts)


def measure(name: str, graph: Graph, browser) -> None:
    from kg.viz import write_html
    from kg.viz.layout import force_layout
    from kg.viz.model import view_model
    from kg.viz.screenshot import open_page

    started = time.perf_counter()
    view = view_model(graph)
    read = time.perf_counter() - started
    started = time.perf_counter()
    force_layout(len(view.nodes), [(e.source, e.target) for e in view.edges])
    layout = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        started = time.perf_counter()
        write_html(graph, path)
        written = time.perf_counter() - started
        started = time.perf_counter()
        page = open_page(browser, path)
        interactive = time.perf_counter() - started
        drawn = page.evaluate("kg.network.body.data.nodes.length")
        size = path.stat().st_size / 1e6
    print(f"{name:<10} nodes {len(view.nodes):>5}  edges {len(view.edges):>5}  read {read:5.2f} s  "
          f"layout {layout:5.2f} s  write_html {written:5.2f} s  page {size:4.1f} MB  "
          f"interactive {interactive:5.2f} s  drawn {drawn}")


def store_page(folder: Path) -> None:
    """Time ``write_page`` on a copy of the store in ``folder``, as the end of a build runs it."""
    import kg.pipeline  # noqa: F401  # what a build has imported (spaCy, numpy, jinja2) when it writes its page
    from kg.export import write_page
    from kg.store import open_store

    with tempfile.TemporaryDirectory() as scratch:
        source = folder / "store" if (folder / "store").is_dir() else folder
        copy = Path(scratch) / "store"
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("kg.lock"))
        with open_store(copy) as store:
            articles, triples = len(store.articles()), len(store)
            times = []
            for _ in range(2):  # cold, as a build meets it, then warm
                started, cpu = time.perf_counter(), time.process_time()
                write_page(store, Path(scratch) / "graph.html")
                times += [time.perf_counter() - started, time.process_time() - cpu]
        size = (Path(scratch) / "graph.html").stat().st_size / 1e6
    print(f"{str(folder):<24} articles {articles:>5}  triples {triples:>7}  write_page {times[0]:5.2f} s "
          f"(cpu {times[1]:5.2f} s; warm {times[2]:5.2f} s)  page {size:4.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--seeds-out", type=Path, default=Path("out"))
    parser.add_argument("--stores", type=Path, nargs="+", help="built stores (or build folders) to time the page of")
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)  # one store, in this process
    args = parser.parse_args()
    if args.store:
        store_page(args.store)
        return
    if args.stores:
        for folder in args.stores:
            subprocess.run([sys.executable, __file__, "--store", str(folder)], check=True)
        return
    ttl = args.seeds_out / "graph.ttl"
    if not ttl.is_file():
        from kg.pipeline import build

        build([Path(__file__).resolve().parent.parent / "seeds"], args.seeds_out)
    from kg.viz.screenshot import chromium

    with chromium() as browser:
        measure("seeds", Graph().parse(ttl, format="turtle"), browser)
        measure("synthetic", synthetic(args.nodes), browser)


if __name__ == "__main__":
    main()
