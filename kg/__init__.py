"""kg: a knowledge-graph builder for news.

The public API is re-exported here and imported on first use, so that
``import kg`` is fast and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["build"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.pipeline import build


def __getattr__(name: str) -> Any:
    if name == "build":
        from kg.pipeline import build

        return build
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
