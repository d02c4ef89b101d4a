"""The page in headless Chromium: loads offline, draws every node, shows evidence, runs no payload."""

from __future__ import annotations

import pytest

from kg.viz import write_html
from kg.viz.screenshot import open_page

pytestmark = pytest.mark.browser


@pytest.fixture()
def load(browser, tmp_path):
    """Write a graph's page and open it, recording console errors and requests."""
    pages = []

    def _load(graph, **options):
        path = tmp_path / f"graph-{len(pages)}.html"
        write_html(graph, path, **options)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, requests = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=30_000)
        pages.append(page)
        return page, errors, [u for u in requests if u != path.as_uri() and not u.startswith("data:")]

    yield _load
    for page in pages:
        page.close()


def test_offline_clean_and_complete(load, news_graph):
    page, errors, requests = load(news_graph)
    assert (errors, requests) == ([], [])
    # six entities; seven edges of which the negated one is not drawn
    assert page.evaluate("[kg.network.body.data.nodes.length, kg.network.body.data.edges.length]") == [6, 6]


def test_click_on_a_node_shows_its_evidence(load, news_graph):
    page, _, _ = load(news_graph)
    box = page.evaluate(
        """() => { const i = kg.find('NATO'); const p = kg.network.canvasToDOM(kg.network.getPositions([i])[i]);
                   const r = document.getElementById('graph').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""
    )
    page.mouse.click(*box)
    panel = page.inner_text("#panel")
    assert "Ukraine could join NATO." in panel and "Talks with Moscow planned" in panel and "POSSIBLE" in panel.upper()


@pytest.mark.parametrize(
    "query, heading, evidence",
    [
        ("kyiv", "Ukraine", "Ukraine will hold talks with Russia."),
        ("U.S.", "United States", "Washington did not meet Moscow."),  # the negated fact is in the panel
    ],
)
def test_search_by_alias_focuses_and_shows(load, news_graph, query, heading, evidence):
    page, _, _ = load(news_graph)
    page.fill("#search", query)
    page.press("#search", "Enter")
    assert page.inner_text("#panel-title") == heading
    assert evidence in page.inner_text("#panel-body")
    assert page.evaluate("kg.network.getSelectedNodes().map(i => kg.data.nodes[i].label)") == [heading]


@pytest.mark.parametrize(
    "action, edges",
    [
        ("#filter-status input[value=planned]", 5),
        ("#filter-predicate input[value=signsAgreementWith]", 4),
        ("#filter-class input[value=Person]", 5),
    ],
)
def test_filters_hide_edges(load, news_graph, action, edges):
    page, _, _ = load(news_graph)
    page.uncheck(action)
    assert page.evaluate("kg.network.body.data.edges.length") == edges


@pytest.mark.parametrize("start, end, edges", [("2025-06-01", "", 1), ("", "2025-05-31", 5), ("2025-05-01", "2025-05-31", 2), ("2026-01-01", "", 0)])
def test_date_filter(load, news_graph, start, end, edges):
    """A fact's date is its own when the text gives one, else its article's publication date."""
    page, _, _ = load(news_graph)
    for selector, value in (("#date-from", start), ("#date-to", end)):
        if value:
            page.fill(selector, value)
            page.dispatch_event(selector, "change")
    assert page.evaluate("kg.network.body.data.edges.length") == edges


def test_hostile_strings_run_nothing(load, hostile_graph):
    page, errors, requests = load(hostile_graph)
    page.evaluate("kg.data.nodes.forEach((n, i) => kg.showNode(i)); kg.data.edges.forEach((e, i) => kg.showEdge(i))")
    page.evaluate("kg.showNode(0)")
    page.hover("#panel-body")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg:not(.vis-network svg), iframe, a[href^=javascript]').length") == 0
    assert (errors, requests) == ([], [])


def test_focus_view(load, news_graph):
    page, errors, _ = load(news_graph, focus="NATO", depth=1)
    assert page.evaluate("kg.data.nodes.map(n => n.label).sort()") == ["NATO", "Ukraine"]
    assert errors == []
