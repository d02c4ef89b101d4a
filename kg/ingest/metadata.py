"""Metadata of an article read from its text: byline author, publication date.

News pages put the author and the date on one short line under the headline
(the byline), or on a line of its own ("Published 12 May 2024"); wire copy puts
the date in the dateline that opens the lead ("KYIV, May 6 (Reuters) - ...").
The byline line is metadata, not story, so ingest removes it from the text;
the dateline stays, as it is part of the lead.

Dates are read with regexes over these lines only (English month names, ISO
dates), never over the whole story: a date in the body is when something
happened, not when the article was published.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Byline", "is_byline", "parse_byline", "parse_date", "dateline_date"]

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\b")
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")

_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT[+-]?\d*|UTC[+-]?\d*|[A-Z]{2,4}))?"
_READING_TIME = r"\d+\s+min(?:ute)?s?\s+read|\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago"
_STAMP_WORDS = r"published|updated|posted|last updated|date"
# What a date-only line may hold besides dates: times, reading time, separators.
_STAMP_FILLER = re.compile(rf"{_TIME}|{_READING_TIME}|\b(?:{_STAMP_WORDS}|on|at)\b:?|[|,•·–—/-]", re.IGNORECASE)

_WEEKDAY = r"(?i:" + "|".join(calendar.day_name) + r")"
_NAME_WORD = rf"(?!{_MONTH}\s+\d|{_WEEKDAY}\b)(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|al|bin|ibn)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD})*"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s+{_NAME})*"
_BY = re.compile(rf"^\s*(?i:by)\s+(?P<names>{_NAMES})")
_STAMP = re.compile(rf"^\s*(?:{_STAMP_WORDS})\b", re.IGNORECASE)
# Outlets that follow the author after a comma or in capitals ("By Jane Doe, Reuters").
_OUTLET = re.compile(r"\s*(?:,|\||-)\s*.*$|\s+(?:Reuters|Associated Press|AP|AFP|Bloomberg|Ukrinform)\b.*$")

_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?,\s+(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    r"(?:\s*\([\w .&-]+\))?\s*[-–—]"
)


@dataclass(frozen=True)
class Byline:
    """What a byline line says: the author and the publication date, each when given."""

    author: str | None = None
    published: date | None = None


def parse_date(text: str) -> date | None:
    """The first full calendar date written in ``text``, or None.

    Examples:
        >>> parse_date("by Kateryna Hodunova April 30, 2024 9:12 AM 2 min read")
        datetime.date(2024, 4, 30)
        >>> parse_date("Published 12 May 2024")
        datetime.date(2024, 5, 12)
        >>> parse_date("2024-05-06T10:00:00Z")
        datetime.date(2024, 5, 6)
        >>> parse_date("Published on 27/05/2024 - 18:40")
        datetime.date(2024, 5, 27)
        >>> parse_date("last week") is None
        True
    """
    found: list[tuple[int, date]] = []
    for match in _ISO.finditer(text):
        found += _dated(match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in _MONTH_DAY_YEAR.finditer(text):
        found += _dated(match.start(), int(match[3]), _month(match[1]), int(match[2]))
    for match in _DAY_MONTH_YEAR.finditer(text):
        found += _dated(match.start(), int(match[3]), _month(match[2]), int(match[1]))
    for match in _NUMERIC.finditer(text):
        first, second = int(match[1]), int(match[3])
        day, month = (second, first) if second > 12 else (first, second)  # day first, as outside the US
        found += _dated(match.start(), int(match[4]), month, day)
    return min(found)[1] if found else None


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _dated(position: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(position, date(year, month, day))]
    except ValueError:
        return []


def is_byline(line: str) -> bool:
    """Whether a header line is metadata: "By ..." with a name, a date stamp, or a bare date.

    Examples:
        >>> is_byline("By Jane Doe, Reuters")
        True
        >>> is_byline("Updated: May 7, 2024 10:00 GMT")
        True
        >>> is_byline("Ukraine holds 3rd round of negotiations with US")
        False
    """
    if _BY.match(line):
        return True
    if _STAMP.match(line) and parse_date(line):
        return True
    return bool(parse_date(line)) and not _MONTH_DAY.sub("", _STAMP_FILLER.sub("", _strip_dates(line))).strip()


def _strip_dates(line: str) -> str:
    for pattern in (_ISO, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _NUMERIC):
        line = pattern.sub("", line)
    return line


def parse_byline(line: str) -> Byline:
    """Author and date of a byline line.

    Examples:
        >>> parse_byline("by Kateryna Hodunova April 30, 2024 9:12 AM 2 min read")
        Byline(author='Kateryna Hodunova', published=datetime.date(2024, 4, 30))
        >>> parse_byline("By JANE DOE and JOHN ROE, Associated Press")
        Byline(author='Jane Doe and John Roe', published=None)
    """
    match = _BY.match(line)
    author = None
    if match:
        names = _OUTLET.sub("", match["names"]).strip(" ,")
        author = " ".join(word.title() if len(word) > 1 and word.isupper() else word for word in names.split())
    return Byline(author=author or None, published=parse_date(line))


def dateline_date(lead: str, story: str) -> date | None:
    """The date of a wire dateline ("KYIV, May 6 (Reuters) -") opening ``lead``.

    A dateline gives the month and day only; the year is the latest year the story
    mentions (news is about the present), and with no year in the story the date
    stays unknown rather than guessed.

    Examples:
        >>> dateline_date("KYIV, May 6 (Reuters) - Ukraine and the U.S. held talks.", "... since 2022 ... in 2024 ...")
        datetime.date(2024, 5, 6)
        >>> dateline_date("KYIV, Ukraine (AP) — Ukraine said on Monday ...", "2024") is None
        True
    """
    match = _DATELINE.match(lead)
    if not match:
        return None
    written = parse_date(match["date"])
    if written:
        return written
    years = [int(year) for year in _YEAR.findall(story)]
    month_day = _MONTH_DAY.match(match["date"])
    if not years or not month_day:
        return None
    found = _dated(0, max(years), _month(month_day[1]), int(month_day[2]))
    return found[0][1] if found else None
