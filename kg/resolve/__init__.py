"""Resolution: mentions to canonical entities, one node per real-world entity.

Names are made canonical with the gazetteer of ``ontology/gazetteer/`` (countries from
pycountry with capitals and demonyms, organisations, people, metonyms), pronouns and
definite descriptions are resolved within their article, agreements become entities
keyed by kind and parties, and an alias table keeps every name's key across builds.
The naming policy is in the README ("Naming policy").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Resolver", "ResolveError", "LABEL_TYPES"]

if TYPE_CHECKING:
    from kg.resolve.resolver import LABEL_TYPES, ResolveError, Resolver


def __getattr__(name: str) -> Any:
    """The resolver on first use: it imports spaCy (66 MB, 0.5 s), which the alias table,
    read by a build's main process, does not need."""
    if name in __all__:
        from kg.resolve import resolver

        return getattr(resolver, name)
    raise AttributeError(f"module 'kg.resolve' has no attribute {name!r}")
