"""``kg viz DIR``: smaller views of a built graph, through the same API a notebook calls."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.viz import ViewError


def _labels(html: str) -> list[str]:
    data = re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    return sorted(n["label"] for n in json.loads(data)["nodes"])


@pytest.fixture()
def build_dir(news_graph, tmp_path):
    news_graph.serialize(tmp_path / "graph.ttl", format="turtle")
    return tmp_path


@pytest.mark.parametrize(
    "args, output, labels",
    [
        (["--focus", "NATO", "--depth", "1"], "graph-focus.html", ["NATO", "Ukraine"]),
        (["--focus", "Washington", "--depth", "1"], "graph-focus.html", ["Russia", "Ukraine", "United States"]),
        (["--top", "2", "--output", "{dir}/top.html"], "top.html", ["Russia", "Ukraine"]),
    ],
)
def test_viz_writes_smaller_views(build_dir, args, output, labels):
    result = CliRunner().invoke(app, ["viz", str(build_dir), *(a.format(dir=build_dir) for a in args)])
    assert result.exit_code == 0, result.output
    assert _labels((build_dir / output).read_text(encoding="utf-8")) == labels


def test_unknown_focus_is_a_kg_error(build_dir):
    result = CliRunner().invoke(app, ["viz", str(build_dir), "--focus", "Atlantis"])
    assert isinstance(result.exception, ViewError) and "Atlantis" in str(result.exception)
