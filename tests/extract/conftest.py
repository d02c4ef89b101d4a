"""Helpers for the extraction tests: articles from sentences, facts as plain tuples."""

from __future__ import annotations

from datetime import date

import pytest

from kg.types import Article

PUBLISHED = date(2024, 5, 15)


@pytest.fixture(scope="module")
def read(nlp):
    """Extract the facts of a text as (subject, predicate, object, status) tuples (plus date, source)."""
    from kg.extract import facts

    def _read(text: str, published: date | None = PUBLISHED, detail: bool = False):
        article = Article(id="t", source="t.txt", text=text, published=published)
        found = facts(nlp(text), article)
        if detail:
            return found
        return {(f.subject.text, f.predicate, f.object.text, f.status.value) for f in found}

    return _read


@pytest.fixture(scope="module")
def resolve(nlp):
    """Extract and resolve a text: (subject label, predicate, object label) of each resolved fact."""
    from kg.extract import extract
    from kg.resolve import Resolver

    def _resolve(text: str) -> set[tuple[str, str, str]]:
        article = Article(id="t", source="t.txt", text=text)
        doc = nlp(text)
        resolved = Resolver(None).resolve(article, doc, extract(doc, article).facts)
        return {(f.subject.label, f.predicate, f.object.label) for f in resolved}

    return _resolve
