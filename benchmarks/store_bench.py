"""Figures of the store at 1,000,000 triples: load, reopen, replace, and the saved queries on Oxigraph versus rdflib.

Run: .venv/bin/python benchmarks/store_bench.py [--triples 1000000] [--dir DIR] [--runs 5]

The synthetic graph has kg's shape because kg writes it: articles of 50 facts
made with ``kg.rdf.article_graph`` (statement nodes with provenance, events,
direct triples for occurred facts, labelled entities), over 2,000 entities
with hub countries, every core predicate and status, dates across two years.
It is loaded the way ``kg build`` loads it, one ``Store.replace_article``
transaction per article. The store is kept in DIR (default: a folder in the
system's temporary folder) for ``serve_bench.py``.

rdflib runs each saved query in a forked child that is stopped after
``--rdflib-limit`` seconds, so that one slow query cannot stall the benchmark.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from kg.query import bind_parameters, run_local, saved_queries
from kg.rdf import article_graph, article_iri
from kg.store import Store, open_store
from kg.types import CORE_PREDICATES, Article, Entity, Evidence, ResolvedFact, Status

DEFAULT_DIR = Path(tempfile.gettempdir()) / "kg-store-bench"
FACTS_PER_ARTICLE = 50
ACTOR = "Country 3"
_KINDS = {"joins": "Organization", "pledges": "Agreement", "approves": "Agreement", "officialOf": "Country"}
_STATUSES = (Status.OCCURRED,) * 5 + (Status.PLANNED, Status.POSSIBLE, Status.NEGATED)


def entities(seed: int = 0) -> dict[str, list[Entity]]:
    """2,000 entities by class; the first countries are hubs, as in news."""
    return {
        "Country": [Entity(f"country/c{i}", f"Country {i}", "Country", frozenset({f"C{i}"})) for i in range(200)],
        "Person": [Entity(f"person/p{i}", f"Person {i}", "Person") for i in range(1200)],
        "Organization": [Entity(f"organization/o{i}", f"Organization {i}", "Organization") for i in range(300)],
        "Agreement": [Entity(f"agreement/a{i}", f"Agreement {i}", "Agreement") for i in range(300)],
    }


def synthetic_article(number: int, pool: dict[str, list[Entity]], rng: random.Random) -> tuple[Article, Graph]:
    """One article's graph, as a build writes it."""
    article = Article(id=f"synthetic-{number:06d}", source=f"synthetic/{number:06d}.txt", text="", title=f"Story {number}")
    countries = pool["Country"]
    facts = []
    for k in range(FACTS_PER_ARTICLE):
        predicate = rng.choice(CORE_PREDICATES)
        subject = rng.choice(pool["Person"]) if predicate == "officialOf" else countries[int(rng.paretovariate(1.2)) % 200]
        obj = rng.choice(pool[_KINDS.get(predicate, "Country")])
        if obj == subject:
            continue
        sentence = f"{subject.label} {predicate} {obj.label}, sentence {k} of story {number}."
        when = rng.choice((None, f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                           f"2025-{rng.randint(1, 12):02d}"))
        facts.append(ResolvedFact(subject, predicate, obj, rng.choice(_STATUSES),
                                  Evidence(article.id, sentence, 100 * k, 100 * k + len(sentence)),
                                  round(rng.uniform(0.5, 1.0), 3), when))
    return article, article_graph(article, facts)


def load(path: Path, triples: int, seed: int = 0) -> tuple[int, float, float]:
    """Build the store at ``path`` until its union holds ``triples``; (articles, generate s, load s)."""
    rng = random.Random(seed)
    pool = entities(seed)
    generating = loading = 0.0
    number = 0
    with Store(path) as store:
        while True:
            started = time.perf_counter()
            batch = [synthetic_article(number + i, pool, rng) for i in range(100)]
            generating += time.perf_counter() - started
            started = time.perf_counter()
            for article, graph in batch:
                store.replace_article(article_iri(article.id), graph, Graph())
            loading += time.perf_counter() - started
            number += len(batch)
            if len(store) >= triples:
                return number, generating, loading


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def query_texts() -> dict[str, str]:
    """The saved queries with their parameters bound (about: a hub country)."""
    return {
        name: bind_parameters(query, {p: ACTOR for p, _ in query.parameters})
        for name, query in saved_queries().items()
    }


def _rdflib_child(graph: Graph, text: str, runs: int, connection) -> None:
    rows: list[int] = []
    try:
        median = _median_ms(lambda: rows.append(len(list(graph.query(text)))), runs)
    except Exception as exc:  # noqa: BLE001 - reported in the table: rdflib cannot run this query
        connection.send((None, f"rdflib fails: {type(exc).__name__}: {exc}"))
        return
    connection.send((median, rows[0]))


def rdflib_median_ms(graph: Graph, text: str, runs: int, limit: float) -> tuple[float | None, int | str | None]:
    """Median ms and rows of a query on rdflib in a forked child; ``None`` past ``limit`` seconds or on failure."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_rdflib_child, args=(graph, text, runs, child))
    process.start()
    answer = parent.recv() if parent.poll(limit) else (None, None)
    process.kill()
    process.join()
    return answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--rdflib-limit", type=float, default=15.0)
    args = parser.parse_args()
    path = args.dir / "store"
    if not (path / "CURRENT").is_file():
        articles, generating, loading = load(path, args.triples)
        print(f"articles          {articles} ({FACTS_PER_ARTICLE} facts each); generated in {generating:.1f} s")
        print(f"load (kg build)   {loading:.1f} s, {1000 * loading / articles:.1f} ms per article transaction")
    else:
        print(f"reusing {path} (delete it to measure the load)")
    started = time.perf_counter()
    store = open_store(path)
    opened = time.perf_counter() - started
    size = len(store)
    print(f"union triples     {size:,}")
    print(f"reopen store      {1000 * opened:.0f} ms")
    rng = random.Random(1)
    pool = entities()
    article, graph = synthetic_article(0, pool, rng)
    replace = _median_ms(lambda: store.replace_article(article_iri(article.id), graph, Graph()), args.runs)
    print(f"replace 1 article {replace:.0f} ms (median of {args.runs}, store at {size:,} triples)")
    store.close()

    union_file = args.dir / "union.nt"
    with open_store(path, read_only=True) as store:
        union_file.write_bytes(b"".join(f"{q.triple} .\n".encode() for q in store.triples()))
        started = time.perf_counter()
        rdf = Graph().parse(union_file, format="nt")
        parsed = time.perf_counter() - started
        print(f"rdflib parse      {parsed:.1f} s  ({parsed / opened:,.0f}x the store's reopen)")
        print()
        print(f"{'query':<14}{'oxigraph ms':>12}{'rows':>8}{'rdflib ms':>12}{'rdflib/oxigraph':>17}")
        for name, text in query_texts().items():
            counts: list[int] = []
            oxigraph = _median_ms(lambda: counts.append(sum(1 for _ in run_local(store, text))), args.runs)
            rows = counts[0]
            slow, slow_rows = rdflib_median_ms(rdf, text, args.rdflib_runs, args.rdflib_limit)
            if isinstance(slow_rows, str):
                print(f"{name:<14}{oxigraph:>12.1f}{rows:>8}  {slow_rows[:60]}")
            elif slow is None:
                print(f"{name:<14}{oxigraph:>12.1f}{rows:>8}{'> ' + str(int(args.rdflib_limit * 1000)):>12}"
                      f"{'> ' + format(args.rdflib_limit * 1000 / oxigraph, ',.0f') + 'x':>17}")
            else:
                check = "" if slow_rows == rows else f"  (rdflib rows {slow_rows})"
                print(f"{name:<14}{oxigraph:>12.1f}{rows:>8}{slow:>12.1f}{slow / oxigraph:>16.1f}x{check}")


if __name__ == "__main__":
    main()
