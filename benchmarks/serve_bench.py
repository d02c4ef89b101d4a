"""Latency of the saved queries through ``kg serve``: one client alone, then 50 clients at once.

Run: .venv/bin/python benchmarks/serve_bench.py [--clients 50] [--requests 10] [--dir DIR]

Serves the store ``store_bench.py`` built in DIR (building it first when
missing) with ``kg serve`` in its own process, on loopback. Each client sends
a fixed number of requests (a bounded loop that stops by itself), cycling
through the saved queries from its own starting point; answers are SPARQL JSON.
Queries past ``--max-rows`` are cut there (the server's default), which the
table shows as ``cut``.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from store_bench import DEFAULT_DIR, load, query_texts

KG = Path(sys.executable).with_name("kg")


def ask(port: int, text: str) -> tuple[float, int, bool]:
    """One POST of a query: (seconds, HTTP status, whether the answer was cut)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    try:
        connection.request("POST", "/sparql", urllib.parse.urlencode({"query": text}),
                           {"Content-Type": "application/x-www-form-urlencoded",
                            "Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        response.read()
        return time.perf_counter() - started, response.status, response.getheader("X-SPARQL-MaxRows") is not None
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1, help="Requests per client.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    if not (args.dir / "store" / "CURRENT").is_file():
        load(args.dir / "store", args.triples)
    server = subprocess.Popen(
        [str(KG), "serve", str(args.dir), "--port", "0", "--workers", str(args.workers),
         "--timeout", str(args.timeout), "--wait", str(10 * args.timeout)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        port = int(banner.split("/sparql")[0].rsplit(":", 1)[1])
        queries = query_texts()
        names = list(queries)
        alone = {}
        cut = {}
        for name in names:
            runs = [ask(port, queries[name]) for _ in range(3)]
            alone[name] = 1000 * statistics.median(r[0] for r in runs)
            cut[name] = runs[-1][2]

        def client(number: int) -> list[tuple[str, float, int]]:
            done = []
            for i in range(args.requests):
                name = names[(number + i) % len(names)]
                seconds, status, _ = ask(port, queries[name])
                done.append((name, seconds, status))
            return done

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            results = [r for batch in pool.map(client, range(args.clients)) for r in batch]
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    latencies: dict[str, list[float]] = defaultdict(list)
    for name, seconds, status in results:
        if status == 200:
            latencies[name].append(1000 * seconds)
    failed = sum(1 for _, _, status in results if status != 200)
    print(f"kg serve, {args.workers} query workers; {args.clients} clients x {args.requests} requests "
          f"= {len(results)} in {wall:.1f} s ({len(results) / wall:.1f} requests/s), {failed} failed")
    print(f"{'query':<14}{'1 client ms':>12}{f'{args.clients} clients ms':>16}{'ratio':>8}  answer")
    for name in names:
        many = statistics.median(latencies[name]) if latencies[name] else float("nan")
        print(f"{name:<14}{alone[name]:>12.1f}{many:>16.1f}{many / alone[name]:>7.1f}x  {'cut' if cut[name] else 'whole'}")


if __name__ == "__main__":
    main()
