"""CPU that the store takes to write a build's articles, by how the writes are cut.

A build's main process spends most of its CPU writing to the store, and with
``--workers 2`` on two cores that CPU comes out of the parsers' share. This
script writes the articles of a built store into new stores, as a build hands
them over (in the order and at the pace a two-process build sends them), and
prints the CPU of each way, the background work of RocksDB (flushes,
compactions) and a final compaction included:

* one transaction per batch of 16 articles (how builds wrote before bulk loads);
* one bulk load per batch of 16 articles;
* one bulk load per ``kg.store.LOAD_QUADS`` quads (how a build writes now).

Usage:
    .venv/bin/python benchmarks/load_bench.py [--from OUT] [--articles 1000] [--gap 0.9]

Without ``--from``, it first builds ``--articles`` generated articles
(``benchmarks/corpus.py``) with ``--workers 2``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import kg.store
from kg.pipeline import BATCH_SIZE as BATCH
from kg.store import LOAD_QUADS, QUARANTINE_SUFFIX, Store, gathered_loads, load_size

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

Row = tuple[str, str, str]


def article_rows(out: Path) -> list[Row]:
    """(graph name, main, quarantine N-Triples) of every article in the store of a build folder."""
    lines: dict[str, list[str]] = defaultdict(list)
    with Store(out / "store", read_only=True) as store:
        for quad in store.quads(quarantine=True):
            lines[quad.graph_name.value].append(f"{quad.triple} .\n")
        names = [article.iri for article in store.articles()]
    return [(name, "".join(lines[name]), "".join(lines[name + QUARANTINE_SUFFIX])) for name in names]


def per_batch(rows: list[Row]) -> list[list[Row]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


def per_load_quads(rows: list[Row]) -> list[list[Row]]:
    """The writes of a build: batches gathered until they hold LOAD_QUADS quads."""
    return list(gathered_loads(per_batch(rows)))


def cpu_of_writes(folder: Path, writes: list[list[Row]], gap: float, bulk_min: int) -> float:
    """Process CPU seconds (every thread) to write ``writes`` into a new store and compact it.

    Each write waits for ``gap`` seconds per batch it holds since the previous one,
    as a build waits for its workers, so that RocksDB's background work runs as
    it does in a build.
    """
    kg.store.BULK_LOAD_MIN_QUADS = bulk_min
    started = time.process_time()
    with Store(folder) as store:
        for write in writes:
            time.sleep(gap * len(write) / BATCH)
            store.replace_articles_ntriples(write)
        store.compact()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="a kg build folder (default: build generated articles)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--gap", type=float, default=0.9, help="seconds between two batches of 16 articles")
    args = parser.parse_args()
    bulk_min = kg.store.BULK_LOAD_MIN_QUADS
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source
        if source is None:
            from kg.pipeline import build

            source = Path(tmp) / "built"
            build([write_corpus(args.articles, Path(tmp) / "corpus.jsonl")], source, workers=2)
        rows = article_rows(source)
        quads = sum(load_size(main, quarantine) for _, main, quarantine in rows)
        print(f"{len(rows)} articles, {quads:,} quads, one batch of {BATCH} every {args.gap} s")
        ways: list[tuple[str, Callable[[list[Row]], list[list[Row]]], int]] = [
            (f"one transaction per {BATCH} articles", per_batch, 10**12),
            (f"one bulk load per {BATCH} articles", per_batch, 1),
            (f"one bulk load per {LOAD_QUADS:,} quads", per_load_quads, bulk_min),
        ]
        for n, (name, cut, minimum) in enumerate(ways):
            writes = cut(rows)
            seconds = cpu_of_writes(Path(tmp) / f"store-{n}", writes, args.gap, minimum)
            print(f"{name:<36} {len(writes):>4} writes  {seconds:6.1f} s CPU")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
