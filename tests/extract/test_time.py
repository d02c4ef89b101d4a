"""Time: dates of facts resolved against the publication date, with the precision the text gives."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.time import resolve_date

PUBLISHED = date(2024, 4, 30)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("April 29", PUBLISHED, "2024-04-29"),
        ("on April 29, 2024", None, "2024-04-29"),
        ("Dec. 12, 2023", PUBLISHED, "2023-12-12"),
        ("12 December 2023", None, "2023-12-12"),
        ("Dec. 3", PUBLISHED, "2023-12-03"),  # over half a year ahead of publication: last year's
        ("last July", PUBLISHED, "2023-07"),
        ("last March", PUBLISHED, "2024-03"),
        ("early July last year", PUBLISHED, "2023-07"),
        ("May", PUBLISHED, "2024-05"),
        ("May 2023", None, "2023-05"),
        ("2023", None, "2023"),
        ("last week", PUBLISHED, "2024-04"),
        ("yesterday", PUBLISHED, "2024-04-29"),
        ("Monday", PUBLISHED, "2024-04-29"),
        ("last year", PUBLISHED, "2023"),
        ("April 29", None, None),  # no year and no publication date: unknown
        ("the coming weeks", PUBLISHED, None),
        ("decades", PUBLISHED, None),
    ],
)
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ukraine held talks with Japan on April 29.", "2024-04-29"),
        ("The pact was signed by Ukraine and Italy last July.", "2023-07"),
        ("Portugal joined the declaration in 2023.", "2023"),
        ("The G7 made a pledge in early July last year.", None),  # pledges has no object entity here
        ("Ukraine signed a pact with Japan.", None),
    ],
)
def test_fact_date(read, sentence, expected):
    found = read(sentence, published=PUBLISHED, detail=True)
    assert {f.date for f in found} <= {expected}


@pytest.mark.model
def test_date_of_a_caption(read):
    found = read("Zelensky (L) and U.S. President Joe Biden meet in the Oval Office on Dec. 12, 2023.", detail=True)
    assert {f.date for f in found if f.predicate == "meetsWith"} == {"2023-12-12"}
