"""The page file itself: self-contained, and no article string can leave its JSON element."""

from __future__ import annotations

import html
import json
import re
import time
from html.parser import HTMLParser

import networkx as nx
import numpy as np
import pytest
from viz_graphs import HOSTILE_NAMES

from kg.viz import write_html
from kg.viz.layout import force_layout
from kg.viz.page import script_json


class _Elements(HTMLParser):
    """The page's elements with their attributes, and the text of its style elements."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "style":
            self.styles.append(data)


@pytest.fixture(scope="module")
def hostile_html(hostile_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_html(hostile_graph, path)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028break\u2029", 'quote " and \\ backslash'],
)
def test_script_json_escapes_and_round_trips(value):
    text = script_json({"s": value})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"s": value}


def test_page_links_nothing(hostile_html):
    page = _Elements(hostile_html)
    assert [t for t, a in page.tags if t in {"link", "img", "iframe", "object", "embed", "base"}] == []
    assert [a for t, a in page.tags if t == "script" and "src" in a] == []
    style = "".join(page.styles)
    assert re.findall(r"url\((?!\"?data:)", style) == [] and "@import" not in style
    assert not re.search(r"sourceMappingURL|cdn\.|bootstrap", hostile_html, re.IGNORECASE)


def test_page_has_a_strict_policy(hostile_html):
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_html).group(1))
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("payload", HOSTILE_NAMES)
def test_hostile_strings_stay_inside_the_json(hostile_html, payload):
    markup = re.findall(r"<\w+|</\w+|\u2028", payload)  # a javascript: string is harmless as text
    assert not any(m in hostile_html.split('id="kg-data">')[1].split("</script>")[0] for m in markup)
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', hostile_html, re.S).group(1)
    assert payload in {n["label"] for n in json.loads(data)["nodes"]}


def test_exactly_three_scripts(hostile_html):
    assert [a.get("type") for t, a in _Elements(hostile_html).tags if t == "script"] == ["application/json", None, None]


@pytest.mark.parametrize("n", [0, 1, 2, 50])
def test_layout_small_graphs(n):
    pos = force_layout(n, [(i, i + 1) for i in range(n - 1)])
    assert pos.shape == (n, 2) and np.isfinite(pos).all()


def test_layout_is_repeatable_and_pulls_neighbours_close():
    graph = nx.barabasi_albert_graph(300, 2, seed=3)
    first = force_layout(300, list(graph.edges()))
    assert np.array_equal(first, force_layout(300, list(graph.edges())))
    linked = np.mean([np.linalg.norm(first[a] - first[b]) for a, b in graph.edges()])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 300, size=(2000, 2))
    anywhere = np.mean(np.linalg.norm(first[pairs[:, 0]] - first[pairs[:, 1]], axis=1))
    assert linked < anywhere / 2


@pytest.mark.slow
def test_layout_of_5000_nodes_within_budget():
    graph = nx.barabasi_albert_graph(5000, 1, seed=1)
    started = time.perf_counter()
    pos = force_layout(5000, list(graph.edges()))
    assert time.perf_counter() - started < 6.0  # about 2 s alone; room for a shared machine
    assert np.isfinite(pos).all()
