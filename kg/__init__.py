"""kg: a knowledge-graph builder for news.

The public API is re-exported here and imported on first use, so that
``import kg`` is fast and changes nothing.

Examples:
    >>> import kg
    >>> graph = kg.build("seeds", out="out")  # doctest: +SKIP
    >>> graph.facts(actor="Ukraine", status="planned")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["KnowledgeGraph", "build", "open"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph, build, open  # noqa: A004


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
