"""Sentences without a verb (datelines, captions, headlines) must not hang date attachment."""

from __future__ import annotations

import datetime

import pytest

from kg.extract import extract
from kg.types import Article


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "April 29, 2024.",
        "Ukraine and Poland, May 2023.",
        "Talks with France on May 6.",
        "KYIV, June 13.",
    ],
)
def test_a_date_in_a_verbless_sentence_is_read_and_returns(nlp, text):
    article = Article(id="x", source="x", text=text, published=datetime.date(2024, 5, 1))
    extract(nlp(text), article)  # returns: the climb to a verb stops at the sentence root
