"""Print the scale-out figures of issue 9, each measured in this one run.

* words per second of bare spaCy parsing (``nlp.pipe``, same model, same texts,
  one process) and of ``kg build`` with one process, and their ratio;
* the speedup of ``kg build --workers 2`` over ``--workers 1``;
* peak memory of the build's whole process tree (the sum of resident sets,
  sampled from /proc; Linux), with ``--workers 2``, at ``--articles`` and at
  ``--big`` articles, and their ratio; the largest single process beside it;
* store size on disk per million triples.

Timings on a shared machine only ever lose time to other work, so the three
timed runs (parse, ``-j1``, ``-j2``) are repeated ``--rounds`` times, in turn,
and each figure is the fastest of its runs (as ``timeit`` advises).

The corpus comes from ``benchmarks/corpus.py`` (seed sentences recombined, with
countries swapped). Builds run as ``kg build`` subprocesses, so each starts cold
and its memory is its own.

Usage:
    .venv/bin/python benchmarks/scale.py [--articles 1000] [--big 10000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

BUILD = """
import sys
from kg.pipeline import build
report = build([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
print(report.articles)
"""


def _rss_mb(pid: int) -> float:
    """Resident set of one process, from /proc (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:")), 0.0)
    except OSError:
        return 0.0


def _tree(pid: int) -> list[int]:
    """The process and every descendant (the forkserver, its workers)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            kids = [int(child) for child in children.read().split()]
    except OSError:
        return [pid]
    return [pid] + [p for kid in kids for p in _tree(kid)]


def timed_build(corpus: Path, out: Path, workers: int) -> tuple[float, int, float, float]:
    """Seconds, articles, and peak memory of one cold ``kg build`` of ``corpus``.

    Memory is sampled from /proc every 0.1 s over the whole process tree: the
    peak of the sum (what the build takes from the machine), and the largest
    single process.
    """
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", BUILD, str(corpus), str(out), str(workers)],
                               stdout=subprocess.PIPE, text=True)
    total = largest = 0.0
    while process.poll() is None:
        sizes = [_rss_mb(pid) for pid in _tree(process.pid)]
        total, largest = max(total, sum(sizes)), max([largest, *sizes])
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"kg build of {corpus} failed with exit status {process.returncode}")
    return seconds, int(output.split()[-1]), total, largest


def bare_parse(corpus: Path) -> tuple[float, int]:
    """Seconds (model load included, as in a build) and words of bare ``nlp.pipe`` on the same texts."""
    code = f"""
import json, time
t = time.perf_counter()
from kg import ingest
from kg.nlp import load_pipeline
texts = [a.text for a in ingest.read_sources([{str(corpus)!r}])]
nlp = load_pipeline()
words = sum(len(d) for d in nlp.pipe(texts, batch_size=16))
print(time.perf_counter() - t, words)
"""
    seconds, words = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True).stdout.split()
    return float(seconds), int(words)


def store_size(out: Path) -> tuple[int, int]:
    """Bytes of the store folder and triples of its union graph."""
    from kg.store import Store

    size = sum(f.stat().st_size for f in (out / "store").rglob("*") if f.is_file())
    with Store(out / "store", read_only=True) as store:
        return size, len(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000, help="articles of the memory comparison (0: skip)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the timed runs; each figure is the fastest")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small = write_corpus(args.articles, Path(tmp) / "small.jsonl")
        rounds = []
        for _ in range(args.rounds):
            for name in ("serial", "parallel"):
                shutil.rmtree(Path(tmp) / name, ignore_errors=True)
            rounds.append((bare_parse(small), timed_build(small, Path(tmp) / "serial", 1),
                           timed_build(small, Path(tmp) / "parallel", 2)))
            (parse_s, _), (serial_s, *_), (parallel_s, *_) = rounds[-1]
            print(f"round {len(rounds)}: bare parse {parse_s:.1f} s, -j1 {serial_s:.1f} s, -j2 {parallel_s:.1f} s", flush=True)
        parse_s, words = min(parse for parse, _, _ in rounds)
        serial_s, n, serial_mb, _ = min(serial for _, serial, _ in rounds)
        parallel_s, _, parallel_mb, parallel_largest = min(parallel for _, _, parallel in rounds)
        size, triples = store_size(Path(tmp) / "serial")
        figures.update({
            "articles": n, "words": words,
            "parse_words_per_s": words / parse_s, "build_words_per_s": words / serial_s,
            "build_over_parse": serial_s / parse_s,
            "speedup_2_workers": serial_s / parallel_s,
            "store_mb_per_million_triples": size / 1e6 / triples * 1e6,
            f"peak_mb_{n}": serial_mb, f"peak_mb_{n}_j2": parallel_mb,
        })
        print(f"{n} articles, {words} words")
        print(f"bare nlp.pipe       {parse_s:8.1f} s  {words / parse_s:8.0f} words/s")
        print(f"kg build -j1        {serial_s:8.1f} s  {words / serial_s:8.0f} words/s  build/parse {serial_s / parse_s:.2f}")
        print(f"kg build -j2        {parallel_s:8.1f} s  speedup {serial_s / parallel_s:.2f}")
        print(f"store               {size / 1e6:.1f} MB for {triples} triples: {size / triples:.0f} MB per million triples")
        print(f"peak memory         {serial_mb:.0f} MB at {n} articles (-j1), {parallel_mb:.0f} MB (-j2; "
              f"largest process {parallel_largest:.0f} MB)")
        if args.big:
            big = write_corpus(args.big, Path(tmp) / "big.jsonl")
            big_s, big_n, big_mb, big_largest = timed_build(big, Path(tmp) / "big", 2)
            figures.update({f"peak_mb_{big_n}_j2": big_mb, "peak_ratio": big_mb / parallel_mb,
                            "largest_process_ratio": big_largest / parallel_largest})
            print(f"peak memory         {big_mb:.0f} MB at {big_n} articles (-j2, {big_s:.0f} s): "
                  f"ratio to {n} articles {big_mb / parallel_mb:.2f} "
                  f"(largest process {big_largest:.0f} MB: ratio {big_largest / parallel_largest:.2f})")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
