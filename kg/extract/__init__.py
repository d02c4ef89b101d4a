"""Extraction: open triples from clauses, mapped onto the core vocabulary.

STUB: the extraction stage replaces this.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.types import Article, Fact, Mention, OpenTriple

__all__ = ["Extraction", "extract", "open_triples"]


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its open triples, its facts, its entity mentions."""

    open_triples: tuple[OpenTriple, ...] = ()
    facts: tuple[Fact, ...] = ()
    mentions: tuple[Mention, ...] = field(default_factory=tuple)


def extract(doc: Doc, article: Article) -> Extraction:
    """Extract everything from one parsed article."""
    return Extraction()


def open_triples(doc: Doc, article_id: str = "") -> list[OpenTriple]:
    """The open triples of every sentence of ``doc``."""
    return []
