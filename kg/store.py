"""The Oxigraph store on disk: one named graph per article.

STUB: the store stage replaces this.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

__all__ = ["Store"]


class Store:
    """A graph store; building an article again replaces its graph."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._graphs: dict[URIRef, Graph] = {}

    def replace_article(self, name: URIRef, main: Graph, quarantine: Graph) -> None:
        self._graphs[name] = main

    def union(self) -> Graph:
        """The merged main graph of every article (quarantine excluded)."""
        merged = Graph()
        for graph in self._graphs.values():
            merged += graph
            for prefix, ns in graph.namespaces():
                merged.bind(prefix, ns, override=True)
        return merged

    def close(self) -> None:
        """Flush and release the store."""
