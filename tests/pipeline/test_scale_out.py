"""The build gives the same graph on one process, on two, and on a real Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline import build


def _graph(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl")


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("options", [{"workers": 2}, {"dask": "local"}], ids=["two-processes", "dask-local-cluster"])
def test_parallel_build_gives_the_serial_graph(seed_build, seeds_dir, tmp_path, options):
    report = build([seeds_dir], tmp_path, **options)
    assert report.articles == seed_build.articles == 3
    assert report.facts_by_predicate_status == seed_build.facts_by_predicate_status
    assert isomorphic(_graph(tmp_path), _graph(seed_build.out))


@pytest.mark.model
def test_two_sources_with_one_id_are_both_reported_not_overwritten(seeds_dir, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "story.txt").write_text((seeds_dir / "000_2b34dc051bca71d9.txt").read_text(encoding="utf-8"))
    failures = []
    report = build([first, second], tmp_path / "out", on_failure=failures.append)
    assert report.articles == 1
    assert [f.source for f in failures] == [str(second / "story.txt")]
    assert "same article id 'story'" in failures[0].reason
