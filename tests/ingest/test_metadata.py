"""Byline, date stamp and dateline variants of several outlets, read into author and date."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.metadata import Byline, dateline_date, is_byline, parse_byline, parse_date


@pytest.mark.parametrize(
    "line, author, published",
    [
        ("by Kateryna Hodunova April 30, 2024 9:12 AM 2 min read", "Kateryna Hodunova", date(2024, 4, 30)),
        ("By Jane Doe, Reuters", "Jane Doe", None),
        ("By Tom Balmforth and Olena Harmash", "Tom Balmforth and Olena Harmash", None),
        ("By JANE DOE and JOHN ROE Associated Press", "Jane Doe and John Roe", None),
        ("BY JANE DOE", "Jane Doe", None),
        ("By Jane Doe | Published May 6, 2024", "Jane Doe", date(2024, 5, 6)),
        ("By Ursula von der Leyen, 6 May 2024", "Ursula von der Leyen", date(2024, 5, 6)),
        ("Published 12 May 2024", None, date(2024, 5, 12)),
        ("Published on 27/05/2024 - 18:40 GMT+2", None, date(2024, 5, 27)),
        ("Updated: May 7, 2024 10:00 GMT", None, date(2024, 5, 7)),
        ("May 6, 2024 10:32 PM GMT+3 Updated 2 hours ago", None, date(2024, 5, 6)),
        ("2024-05-06", None, date(2024, 5, 6)),
        ("6 May 2024 - 18:30", None, date(2024, 5, 6)),
        ("Sept. 3, 2024", None, date(2024, 9, 3)),
    ],
)
def test_byline_lines_give_author_and_date(line, author, published):
    assert is_byline(line)
    assert parse_byline(line) == Byline(author, published)


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine holds 3rd round of negotiations with US on bilateral security agreement",
        "Ukraine, US hold talks on May 6",
        "By Monday, the deal could be signed",
        "Ukraine Weekly By Olga Rudenko",
        "by signing the deal, Kyiv gains",
        "Zelensky: Ukraine preparing 7 more bilateral security agreements",
        "Updated 2 hours ago",
    ],
)
def test_headlines_and_story_lines_are_not_bylines(line):
    assert not is_byline(line)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-05-06T10:00:00Z", date(2024, 5, 6)),
        ("April 30, 2024", date(2024, 4, 30)),
        ("30 April 2024", date(2024, 4, 30)),
        ("05.06.2024", date(2024, 6, 5)),
        ("13/05/2024", date(2024, 5, 13)),
        ("05/13/2024", date(2024, 5, 13)),
        ("February 30, 2024", None),
        ("last week", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "lead, story, expected",
    [
        ("KYIV, May 6 (Reuters) - Ukraine and the U.S. held talks.", "talks in 2023 and 2024", date(2024, 5, 6)),
        ("KYIV, May 6, 2024 (Reuters) - Ukraine and the U.S. held talks.", "", date(2024, 5, 6)),
        ("WASHINGTON, D.C., June 13 (AP) — The U.S. signed.", "in June 2024", date(2024, 6, 13)),
        ("KYIV, May 6 (Reuters) - Ukraine and the U.S. held talks.", "no year anywhere", None),
        ("KYIV, Ukraine (AP) — Estonia and Ukraine signed a deal.", "2024", None),
        ("Ukraine and the U.S. held talks on May 6, 2024.", "2024", None),
    ],
)
def test_dateline_date(lead, story, expected):
    assert dateline_date(lead, story) == expected
