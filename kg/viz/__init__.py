"""The interactive HTML view of the graph: one self-contained, safe page.

``write_store_html`` reads the statements of a store into a view (``model``),
places the nodes in Python (``layout``) so the browser draws at once with
physics off, and writes one HTML file with everything inline (``page``);
``write_html`` does the same for an rdflib Graph or a Turtle file.
``screenshot`` renders such a page to PNG in headless Chromium.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from rdflib import Graph
    >>> path = Path(tempfile.mkdtemp()) / "graph.html"
    >>> write_html(Graph(), path)
    >>> "https://" in path.read_text() and "cdn" in path.read_text()
    False
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.store import Store
from kg.viz.layout import force_layout
from kg.viz.model import MOST_STATEMENTS, View, ViewError, neighbourhood, store_view, top, view_model
from kg.viz.page import render
from kg.viz.screenshot import screenshot

__all__ = ["write_html", "write_store_html", "render_view", "screenshot", "ViewError"]


def render_view(view: View, title: str = "kg graph") -> str:
    """The HTML page of ``view``, laid out."""
    positions = force_layout(len(view.nodes), [(e.source, e.target) for e in view.edges])
    return render(view, positions, title)


def write_html(
    graph: Graph | Path,
    path: Path,
    *,
    focus: str | None = None,
    depth: int = 2,
    top_nodes: int | None = None,
    title: str | None = None,
) -> None:
    """Write the interactive view of ``graph`` to ``path``.

    Args:
        graph: A kg graph (statements with provenance and the entities they
            name), or the path of a Turtle file that holds one.
        path: The HTML file to write.
        focus: Keep only the entities within ``depth`` links of the one whose
            label or alias this is.
        depth: How many links away from ``focus`` to keep.
        top_nodes: Keep only this many entities, those with the most facts.
        title: The page's heading; says what was cut when not given.

    Raises:
        ViewError: When ``focus`` names no entity, ``depth`` is negative or
            ``top_nodes`` is not positive.
    """
    view = view_model(graph)
    parts = []
    if focus is not None:
        view = neighbourhood(view, focus, depth)
        parts.append(f"{depth} links around {focus}")
    if top_nodes is not None:
        view = top(view, top_nodes)
        parts.append(f"top {top_nodes} entities")
    heading = title or "kg graph" + (f" ({', '.join(parts)})" if parts else "")
    Path(path).write_text(render_view(view, heading), encoding="utf-8")


def write_store_html(
    store: Store,
    path: Path,
    *,
    busiest: int | None = None,
    statements: int = MOST_STATEMENTS,
    title: str | None = None,
) -> None:
    """Write the interactive view of the union graph of ``store`` to ``path``, as a build does.

    The page is read from the store with SPARQL (no rdflib Graph on the way),
    so it costs a fraction of ``write_html(store.union(), path)``.

    Args:
        store: The store to draw; only read.
        path: The HTML file to write.
        busiest: Draw only the statements among this many entities, those most
            statements name (for a store too big to draw whole).
        statements: With ``busiest``, at most this many statements, the most confident first.
        title: The page's heading.

    Raises:
        ViewError: When ``busiest`` or ``statements`` is not positive.
    """
    view = store_view(store, busiest=busiest, statements=statements)
    Path(path).write_text(render_view(view, title or "kg graph"), encoding="utf-8")

