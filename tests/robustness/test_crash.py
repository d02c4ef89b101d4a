"""Crash safety: ``kg build`` killed with SIGKILL at random moments loses nothing.

A folder holds the build of a first corpus (v1). Builds of a second corpus (v2:
new versions of v1's articles and new ones) into the same folder are killed,
with their whole process group (the parser, the browser that draws graph.png),
at seeded random delays. After each kill the previous outputs must still be
whole: graph.ttl parses and is the previous graph or the new one, never half;
the store opens and answers; no lock is left behind. Then a build that is let
finish must give the graph of a folder where nothing was ever killed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.store import QUARANTINE_SUFFIX, open_store

from .helpers import KG_BIN, ROOT, corpus_module, read_graph, run_kg

pytestmark = [pytest.mark.model, pytest.mark.slow]

KILLS = 5
SEED = 10


def _built(out: Path, corpus: Path) -> float:
    """Build ``corpus`` into ``out`` to the end; the seconds it took."""
    started = time.perf_counter()
    result = run_kg("build", corpus, "--out", out)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def _killed_build(out: Path, corpus: Path, delay: float) -> int | None:
    """Start ``kg build`` and SIGKILL its process group after ``delay`` s; its exit status if it finished first."""
    process = subprocess.Popen(
        [str(KG_BIN), "build", str(corpus), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        return process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


@dataclass(frozen=True)
class _Stored:
    """What a store holds, read through a read-only open (which fails on a stale lock)."""

    graphs: dict[str, frozenset[str]]
    """Each named graph (an article's, or its quarantine) as a set of N-Triples lines."""
    default: frozenset[str]
    """The default graph (the merged main graphs) as N-Triples lines."""
    union: Graph
    """The default graph as ``store.union()`` gives it."""

    def union_is_its_articles(self) -> bool:
        """Whether the default graph is exactly the union of the articles' main graphs."""
        merged = {line for name, lines in self.graphs.items() if not name.endswith(QUARANTINE_SUFFIX) for line in lines}
        return self.default == merged


def _store(out: Path) -> _Stored:
    with open_store(out, read_only=True) as store:
        graphs: dict[str, set[str]] = defaultdict(set)
        for quad in store.quads(quarantine=True):
            graphs[quad.graph_name.value].add(_line(quad))
        default = frozenset(_line(quad) for quad in store.triples())
        return _Stored({name: frozenset(lines) for name, lines in graphs.items()}, default, store.union())


def _line(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object}"


def _same(one: Graph, other: Graph) -> bool:
    """Whether two graphs hold the same triples (kg writes no blank nodes, so this is isomorphism)."""
    return set(one) == set(other)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    corpus = corpus_module()
    return corpus.write_corpus(20, root / "v1.jsonl", seed=1), corpus.write_corpus(30, root / "v2.jsonl", seed=2)


def test_a_build_killed_at_random_moments_leaves_whole_outputs_and_the_next_build_completes(tmp_path, corpora):
    v1, v2 = corpora
    before, clean, crashed = tmp_path / "before", tmp_path / "clean", tmp_path / "crashed"
    _built(before, v1)
    shutil.copytree(before, clean)
    shutil.copytree(before, crashed)
    previous = read_graph(before)
    previous_html = (before / "graph.html").read_bytes()
    duration = _built(clean, v2)
    new = read_graph(clean)
    assert not _same(previous, new)
    old, fresh = _store(before), _store(clean)

    rng = random.Random(SEED)
    delays = sorted(rng.uniform(0.2, duration) for _ in range(KILLS))
    for delay in delays:
        status = _killed_build(crashed, v2, delay)
        assert status in (None, 0), f"the build failed on its own after {delay:.1f} s"
        stored = _store(crashed)
        assert stored.union_is_its_articles(), f"the union graph is out of step after {delay:.1f} s"
        if (crashed / "aliases.tsv").read_bytes() == (before / "aliases.tsv").read_bytes():
            for name, lines in stored.graphs.items():  # each article is its old graph or its new one
                assert lines in (old.graphs.get(name), fresh.graphs.get(name)), f"{name} is half built after {delay:.1f} s"
        # graph.ttl is written last, from the store: either the killed build got there or not
        if (crashed / "graph.ttl").read_bytes() != (before / "graph.ttl").read_bytes():
            assert _same(read_graph(crashed), stored.union), f"graph.ttl is half of a graph after {delay:.1f} s"
        html = (crashed / "graph.html").read_bytes()
        assert html == previous_html or html.rstrip().endswith(b"</html>"), f"graph.html is cut short after {delay:.1f} s"

    # A killed build that got past saving the alias table changes how the next one resolves
    # names (see test_rebuilding_gives_the_same_graph); compare with a clean build from that table.
    if (crashed / "aliases.tsv").read_bytes() != (before / "aliases.tsv").read_bytes():
        shutil.rmtree(clean)
        shutil.copytree(before, clean)
        shutil.copy(crashed / "aliases.tsv", clean / "aliases.tsv")
        _built(clean, v2)
        new = read_graph(clean)
    _built(crashed, v2)
    assert _same(read_graph(crashed), new)
    assert _store(crashed).graphs == _store(clean).graphs
    assert [path.name for path in crashed.iterdir() if path.suffix == ".tmp"] == []


def test_the_same_input_in_a_new_folder_gives_the_same_graph(seed_build, tmp_path):
    _built(tmp_path / "out", ROOT / "seeds")
    assert _same(read_graph(tmp_path / "out"), read_graph(seed_build.out))


def test_rebuilding_the_same_input_gives_the_same_graph(tmp_path, corpora):
    _, v2 = corpora
    _built(tmp_path / "out", v2)
    first = read_graph(tmp_path / "out")
    _built(tmp_path / "out", v2)
    assert _same(read_graph(tmp_path / "out"), first)


def _session(sid: int) -> list[int]:
    """Processes of the session ``sid`` still alive (zombies excepted), from /proc."""
    alive = []
    for entry in Path("/proc").iterdir():
        try:
            state, _, _, session = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:4]
        except (OSError, ValueError):
            continue
        if int(session) == sid and state != "Z":
            alive.append(int(entry.name))
    return alive


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="workers watch the build through a Linux pidfd")
def test_the_workers_of_a_killed_build_exit_with_it(tmp_path, corpora):
    """SIGKILL to the build alone (the OOM killer picks one process): its workers do not linger with their models."""
    process = subprocess.Popen(
        [str(KG_BIN), "build", str(corpora[1]), "--out", str(tmp_path / "out"), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while len(_session(process.pid)) < 4 and time.monotonic() < deadline:  # build, forkserver, 2 workers
            time.sleep(0.2)
        assert len(_session(process.pid)) >= 4, "the build never started its workers"
        time.sleep(1.0)
        process.kill()
        process.wait()
        deadline = time.monotonic() + 30
        while _session(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session(process.pid) == [], "processes of the killed build are still running"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
