"""Resolution: mentions to canonical entities.

STUB: the resolution stage replaces this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from kg.types import Article, Entity, Fact, Mention, ResolvedFact

__all__ = ["Resolver"]

_TYPES = {"GPE": "Country", "PERSON": "Person", "ORG": "Organization", "NORP": "Country"}


class Resolver:
    """Maps mentions to entities; keeps an alias table across builds."""

    def __init__(self, alias_table: Path | None = None) -> None:
        self.alias_table = alias_table

    def entity(self, mention: Mention) -> Entity:
        type_ = _TYPES.get(mention.label, "Agreement" if mention.label == "AGREEMENT" else "Actor")
        slug = re.sub(r"[^a-z0-9]+", "-", mention.text.lower()).strip("-")
        return Entity(key=f"{type_.lower()}/{slug}", label=mention.text, type=type_)

    def resolve(self, article: Article, doc: Doc, facts: Sequence[Fact]) -> list[ResolvedFact]:
        return [
            ResolvedFact(
                subject=self.entity(f.subject),
                predicate=f.predicate,
                object=self.entity(f.object),
                status=f.status,
                evidence=f.evidence,
                confidence=f.confidence,
                date=f.date,
                attributed_to=self.entity(f.attributed_to) if f.attributed_to else None,
                relation=f.relation,
            )
            for f in facts
        ]

    def save(self) -> None:
        """Persist the alias table."""
