"""Helpers of the resolve tests: facts made by hand over real parsed texts."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kg.types import Evidence, Fact, Mention, Status


def mention(text: str, words: str, label: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``words`` (as whole words) in ``text`` as a mention."""
    found = list(re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text))[nth]
    return Mention(words, label, found.start(), found.end())


def fact(text: str, subject: Mention, predicate: str, obj: Mention, attributed_to: Mention | None = None) -> Fact:
    """A fact between two mentions, with the whole text as evidence."""
    return Fact(
        subject=subject,
        predicate=predicate,
        object=obj,
        status=Status.OCCURRED,
        evidence=Evidence("test", text, 0, len(text)),
        confidence=0.9,
        attributed_to=attributed_to,
    )


@pytest.fixture
def make_fact() -> Callable[..., Fact]:
    """``make_fact(text, (words, label[, nth]), predicate, (words, label[, nth]))``."""

    def make(text: str, subject: tuple, predicate: str, obj: tuple, attributed_to: tuple | None = None) -> Fact:
        return fact(
            text,
            mention(text, *subject),
            predicate,
            mention(text, *obj),
            mention(text, *attributed_to) if attributed_to else None,
        )

    return make
