"""The interactive HTML view of the graph.

STUB: the viz stage replaces this with a self-contained pyvis page.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

__all__ = ["write_html"]


def write_html(graph: Graph, path: Path) -> None:
    """Write the interactive view of ``graph`` to ``path``."""
    path.write_text("<!doctype html><title>kg</title><p>graph view not built yet</p>", encoding="utf-8")
