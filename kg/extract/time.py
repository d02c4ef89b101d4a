"""Time: the date a sentence gives a fact, resolved against the publication date.

News dates events relative to the day of publication ("on April 29", "last July",
"in early July last year", "last week"). spaCy marks these as DATE entities; this
module reads the few forms news uses with regular expressions (no dateparser in
the hot loop) and returns an ISO string whose precision is what the text says:
a day ("2024-04-29"), a month ("2023-07") or a year ("2023").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from spacy.tokens import Span, Token

__all__ = ["clause_date", "resolve_date"]

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b")
_MONTH_ONLY = re.compile(r"\b" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b")
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")


def _past_year(month: int, published: date, last: bool) -> int:
    """The year of the latest ``month`` before publication ("last July")."""
    if last:
        return published.year if month < published.month else published.year - 1
    return published.year


def _month_text(match: re.Match[str], low: str, published: date | None) -> str | None:
    month = _MONTHS[match["month"]]
    if match["year"]:
        return f"{match['year']}-{month:02d}"
    if published is None:
        return None
    if "last year" in low:
        return f"{published.year - 1}-{month:02d}"
    if "next year" in low:
        return f"{published.year + 1}-{month:02d}"
    return f"{_past_year(month, published, 'last' in low.split()):04d}-{month:02d}"


def resolve_date(text: str, published: date | None) -> str | None:
    """The ISO date, year-month or year that ``text`` names, or None.

    Args:
        text: The words of a DATE entity ("Dec. 12, 2023", "last July").
        published: The article's publication date, for relative dates; when
            None, only dates that carry their year resolve.

    Examples:
        >>> from datetime import date
        >>> resolve_date("April 29", date(2024, 4, 30))
        '2024-04-29'
        >>> resolve_date("last July", date(2024, 4, 30))
        '2023-07'
        >>> resolve_date("early July last year", date(2024, 5, 15))
        '2023-07'
        >>> resolve_date("2023", None)
        '2023'
        >>> resolve_date("the coming weeks", date(2024, 5, 15)) is None
        True
    """
    low = text.lower().replace("’", "'")
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(low)
        if match and 1 <= int(match["day"]) <= 31:
            month, day = _MONTHS[match["month"]], int(match["day"])
            if match["year"]:
                year = int(match["year"])
            elif published is not None:
                year = published.year
                if date(year, month, min(day, 28)) > published + timedelta(days=183):
                    year -= 1
            else:
                return None
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
    match = _MONTH_ONLY.search(low)
    if match:
        return _month_text(match, low, published)
    match = _YEAR.search(low)
    if match:
        return match["year"]
    if published is None:
        return None
    return _relative(low, published)


def _relative(low: str, published: date) -> str | None:
    if "yesterday" in low:
        return (published - timedelta(days=1)).isoformat()
    if low.strip() in ("today", "this morning", "tonight", "this evening"):
        return published.isoformat()
    for n, name in enumerate(_WEEKDAYS):
        if name in low:
            back = (published.weekday() - n) % 7
            return (published - timedelta(days=back)).isoformat()
    if "last week" in low or "past week" in low:
        return (published - timedelta(days=7)).strftime("%Y-%m")
    if "last month" in low:
        first = published.replace(day=1) - timedelta(days=1)
        return first.strftime("%Y-%m")
    if "this month" in low:
        return published.strftime("%Y-%m")
    if "last year" in low:
        return str(published.year - 1)
    if "this year" in low:
        return str(published.year)
    return None


def _attachment(ent: Span) -> Token:
    """The verb of the clause a DATE entity is in, above any noun it was attached to.

    The small model often attaches a date to the nearest noun ("held talks on
    the agreement on April 29"); the date still dates the clause.
    """
    token = ent.root.head
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _just_before(ent: Span, anchor_ids: set[int]) -> bool:
    """A date right before a verb, whatever the parser attached it to ("..., on April 29 held")."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and doc[i].is_punct:
        i += 1
    return i in anchor_ids and doc[i].pos_ in ("VERB", "AUX")


def clause_date(anchors: Iterable[Token], dates: Iterable[Span], published: date | None) -> str | None:
    """The date of the first of a sentence's DATE entities ``dates`` in the clause of one of ``anchors``.

    The caller collects each sentence's dates once (``Span.ents`` walks the whole
    document at every call).
    """
    anchor_ids = {t.i for t in anchors}
    for ent in dates:
        if ent.label_ == "DATE" and (_attachment(ent).i in anchor_ids or _just_before(ent, anchor_ids)):
            resolved = resolve_date(ent.text, published)
            if resolved is not None:
                return resolved
    return None
