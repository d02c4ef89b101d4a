"""Errors of kg: one class per kind of failure, each message a sentence.

Every message says what was expected, what came instead, and what to do.
"""

__all__ = [
    "KGError",
    "SourceError",
    "ModelError",
    "ResolveError",
    "ValidationError",
    "StoreError",
    "OutputError",
    "QueryError",
    "ViewError",
]


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class SourceError(KGError):
    """An article source cannot be read (missing, unreadable, not an article)."""


class ModelError(KGError):
    """The spaCy pipeline or a data file in ontology/ cannot be loaded."""


class ResolveError(KGError):
    """A mention that only its article can resolve was given without its article."""


class ValidationError(KGError):
    """A fact violates the ontology and the build was asked to be strict."""


class StoreError(KGError):
    """The graph store cannot be opened, read or written."""


class OutputError(KGError):
    """The output folder cannot be made or written."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown by name, or failed at the endpoint."""


class ViewError(KGError):
    """A view cannot be cut as asked (unknown focus name, bad depth or size)."""
