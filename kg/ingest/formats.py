"""One article from the text of one source: plain text, Markdown, HTML or a JSONL record.

Every format ends in the same place: :func:`kg.ingest.chrome.split_story` cuts
the main story out of the page and :mod:`kg.ingest.metadata` reads the byline,
so an article reads the same whichever format it came in. ``Article.text`` is
made here once; every later stage's offsets point into it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import SourceError
from kg.ingest.chrome import Story, split_story
from kg.ingest.metadata import dateline_date, parse_byline, parse_date
from kg.types import Article

__all__ = ["FORMATS", "SUFFIXES", "read_text", "read_record", "article_id", "url_id"]

SUFFIXES: dict[str, str] = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
"""File suffixes read inside folders, and the format each is read as."""

FORMATS = ("txt", "md", "html")
"""Formats of one article in memory; a JSONL file holds one record a line instead."""

_ID_LIMIT = 80
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}(?:=+|-+)\s*$"), ""),  # rules, setext underlines
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # ATX headings
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"), ""),  # list items
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: the alt text is not the caption
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
)
_HTML_DATES = {"original_date": True, "extensive_search": False}
"""Publication dates from the page's markup only: no guesses from copyright lines or loose text."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_MD_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s)")


def read_text(text: str, source: str, *, fmt: str = "txt") -> Article:
    """Read one article from text in memory.

    Args:
        text: The article as text, Markdown or HTML.
        source: Where it came from; the article's id is its file name's stem, slugified.
        fmt: ``"txt"``, ``"md"`` or ``"html"``.

    Raises:
        SourceError: ``fmt`` is unknown, or no story is left once site chrome is removed.

    Examples:
        >>> article = read_text("Talks held\\nby Jane Doe May 6, 2024\\nThe sides met.", "news/Talks 1.txt")
        >>> article.id, article.title, article.author, article.published, article.text
        ('talks-1', 'Talks held', 'Jane Doe', datetime.date(2024, 5, 6), 'Talks held\\n\\nThe sides met.')
    """
    if fmt == "html":
        return _from_html(text, source)
    if fmt == "md":
        fields, text = _front_matter(text)
        return _from_fields(markdown_to_text(text), fields, source, article_id(source))
    if fmt != "txt":
        raise SourceError(
            f"expected a format among {', '.join(FORMATS)}, got {fmt!r}; "
            "JSONL files hold one record a line: read them with kg.ingest.read_sources"
        )
    return _article(split_story(text), source, article_id(source))


def read_record(record: Any, source: str, default_id: str) -> Article:
    """Read one JSONL record: ``text``, optionally ``title``, ``author``, ``url`` and ``date``.

    The id is a slug of the url when there is one, else ``default_id``.

    Raises:
        SourceError: The record is not an object with a non-empty string ``text``.
    """
    if not isinstance(record, Mapping) or not isinstance(record.get("text"), str) or not record["text"].strip():
        got = f"keys {', '.join(map(str, record))}" if isinstance(record, Mapping) else type(record).__name__
        raise SourceError(
            f'no "text" field: expected a JSON object with a non-empty string "text" '
            f"(and optional title, author, url, date), got {got}"
        )
    url = _optional_str(record, "url")
    return _from_fields(record["text"], record, source, url_id(url) if url else default_id)


def _from_fields(text: str, fields: Mapping[str, Any], source: str, identifier: str) -> Article:
    """The article of a text whose source also gives ``title``, ``author``, ``url``, ``date`` fields."""
    title, author, url, when = (_optional_str(fields, key) for key in ("title", "author", "url", "date"))
    story = split_story(text, title=title)
    return _article(story, source, identifier, author=author, url=url, published=parse_date(when or ""))


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _from_html(html: str, source: str) -> Article:
    import trafilatura  # heavy: lxml, justext, htmldate
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_images=False,
        with_metadata=True,
        deduplicate=False,  # True shares one cache among all pages: repeated wire copy lost its text
        date_extraction_params=_HTML_DATES,
    )
    if not isinstance(doc, Document) or not doc.text or not doc.text.strip():
        raise SourceError(
            "no article text found in the HTML: expected paragraphs of text in the page, "
            "got only markup, scripts, styles or frames"
        )
    story = split_story(doc.text, title=doc.title)
    published = parse_date(doc.date or "")
    return _article(story, source, article_id(source), author=doc.author, url=doc.url, published=published)


def _article(
    story: Story,
    source: str,
    identifier: str,
    *,
    author: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> Article:
    """The article of a story; metadata the source gave wins over the byline's."""
    if not story.paragraphs and not story.headline:
        raise SourceError("no story text left once site chrome is removed; expected headline and paragraphs")
    bylines = [parse_byline(line) for line in story.meta]
    author = author or next((b.author for b in bylines if b.author), None)
    published = published or next((b.published for b in bylines if b.published), None)
    if published is None and story.paragraphs:
        published = dateline_date(story.paragraphs[0], story.text)
    return Article(
        id=identifier,
        source=source,
        text=story.text,
        title=story.headline,
        author=author,
        published=published,
        url=url,
    )


def _front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` fields of a Markdown file's front matter (between ``---`` lines), and the rest."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    fields = {}
    for line in match[1].splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, markdown[match.end() :]


def markdown_to_text(markdown: str) -> str:
    """Plain text of Markdown: markup removed, soft-wrapped lines joined into one paragraph a line.

    Examples:
        >>> print(markdown_to_text("# Talks held\\n\\nThe **sides** met\\nin [Kyiv](https://x.org)."))
        Talks held
        <BLANKLINE>
        The sides met in Kyiv.
    """
    lines: list[str] = []
    previous = ""
    for raw in markdown.splitlines():
        line = raw
        for pattern, replacement in _MD_RULES:
            line = pattern.sub(replacement, line)
        block = _MD_BLOCK.match(raw) or _MD_BLOCK.match(previous)
        if lines and lines[-1].strip() and line.strip() and not block:
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line)
        previous = raw
    return "\n".join(lines)


def article_id(source: str | Path) -> str:
    """The id of a file's article: its stem, slugified (stable, readable, IRI-safe).

    Examples:
        >>> article_id("seeds/000_2b34dc051bca71d9.txt")
        '000_2b34dc051bca71d9'
        >>> article_id("Zelensky in Kyiv (draft).md")
        'zelensky-in-kyiv-draft'
    """
    return _slug(Path(str(source)).stem)


def url_id(url: str) -> str:
    """The id of an article from its url: host and path, slugified.

    Examples:
        >>> url_id("https://www.example.com/news/ukraine-us-talks/?page=2#top")
        'example-com-news-ukraine-us-talks-page-2'
    """
    return _slug(re.sub(r"^[a-z][\w+.-]*://(www\.)?|#.*$", "", url.strip(), flags=re.IGNORECASE))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-_")
    if not slug:  # a name in another script ("статья"): its digest keeps names apart
        return "article-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    if len(slug) <= _ID_LIMIT:
        return slug
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug[: _ID_LIMIT - 9].rstrip('-_')}-{digest}"
