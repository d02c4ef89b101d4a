"""Main story versus site chrome in the plain text of a web page.

A text dump of a news page holds the story (headline, byline, lead, body,
photo captions) between navigation, newsletter prompts, news-feed blocks,
teasers of other stories and the author's bio. The phrases of chrome are data
(``ontology/ingest/chrome.tsv``); this module applies them with a few
structural heuristics that do not depend on one outlet:

* **Prose versus headings.** A story paragraph ends like a sentence (``.``,
  ``?``, a closing quote) or with a photo credit in parentheses; headlines,
  bylines and menu items do not.
* **The header.** Everything before the first paragraph is the header: the
  headline is the heading nearest above the byline (else the first heading of
  four words or more); menu lines above it are dropped, byline lines become
  metadata, a repeated headline is dropped.
* **The end of the story.** An ``end`` phrase ("News Feed", "MORE NEWS", a
  bare "9:25 PM" time stamp, "Avatar", "Author: ...") closes the story once it
  has begun. So does a teaser: a heading followed by exactly one paragraph and
  then no more story (chrome, another heading, or the end of the page). When
  the page separates paragraphs by blank lines, a teaser's paragraph sits right
  under its heading, and a heading with a blank line under it is the story's
  own subheading.

Notes:
    A newsletter prompt may stand inside the story (the Kyiv Independent puts
    "Sign up for our newsletter" / "Ukraine Weekly By ..." between paragraphs):
    it removes itself and the short lines under it, and the story goes on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import ModelError
from kg.ingest.metadata import is_byline
from kg.resources import ontology_file

__all__ = ["KINDS", "Rule", "Story", "load_rules", "split_story", "normalize_lines"]

KINDS = ("drop", "end", "newsletter", "label")
"""What a chrome rule does with a matching line (see ``ontology/ingest/chrome.tsv``)."""

_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$|\([^()]{2,120}\)$""")
_LONG_LINE = 30
"""Words above which a line without final punctuation is still a paragraph."""
_QUESTION_WORDS = 20
"""Words up to which a question that opens a page is its headline rather than its lead."""
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Rule:
    """One line of the chrome file: what to do with lines matching ``pattern``."""

    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Story:
    """The main story of a page, split from its chrome.

    Attributes:
        headline: The headline, when the page has one.
        paragraphs: Standfirst, dateline and lead, body and captions, in order.
        meta: The byline and date lines of the header, for metadata parsing.
    """

    headline: str | None
    paragraphs: tuple[str, ...]
    meta: tuple[str, ...]

    @property
    def text(self) -> str:
        """Headline first, then one paragraph per line, a blank line between paragraphs."""
        return "\n\n".join(([self.headline] if self.headline else []) + list(self.paragraphs))


@dataclass(frozen=True)
class _Line:
    text: str
    kind: str  # a chrome kind, or "prose", "heading", "blank"
    blank_before: bool


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """Read the chrome rules, ``KIND<TAB>PATTERN`` a line, ``#`` for comments.

    Raises:
        ModelError: A line has an unknown kind or a pattern that does not compile.
    """
    path = path or ontology_file("ingest/chrome.tsv")
    rules = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        kind, _, pattern = raw.partition("\t")
        if kind not in KINDS or not pattern:
            raise ModelError(
                f"{path}:{number}: expected KIND<TAB>PATTERN with KIND one of {', '.join(KINDS)}, "
                f"got {raw!r}; fix the line or remove it"
            )
        try:
            rules.append(Rule(kind, re.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise ModelError(f"{path}:{number}: pattern {pattern!r} is not a valid regular expression ({exc})") from exc
    return tuple(rules)


def normalize_lines(text: str) -> list[str]:
    """Lines of ``text`` in NFC, without invisible characters, with single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return [_SPACES.sub(" ", line).strip() for line in text.splitlines()]


def split_story(text: str, title: str | None = None, rules: tuple[Rule, ...] | None = None) -> Story:
    """Split the plain text of a page into its main story and metadata lines.

    Args:
        text: The page as text, one paragraph or page element a line.
        title: The headline when the source gives it (HTML ``<title>``, a JSONL
            field); otherwise it is found in the text.
        rules: Chrome rules; those of ``ontology/ingest/chrome.tsv`` by default.

    Examples:
        >>> story = split_story("Skip to content\\nTalks held\\nBy Jane Doe\\nThe sides met on Monday.\\nMORE NEWS\\nOther.")
        >>> story.headline, story.paragraphs, story.meta
        ('Talks held', ('The sides met on Monday.',), ('By Jane Doe',))
    """
    lines = _classify(normalize_lines(text), load_rules() if rules is None else rules)
    content = _content(lines)
    first = next((n for n, i in enumerate(content) if lines[i].kind == "prose"), len(content))
    second = next((n for n, i in enumerate(content) if n > first and lines[i].kind == "prose"), len(content))
    meta = {i for i in content[:second] if lines[i].kind == "heading" and is_byline(lines[i].text)}
    header = [i for i in content[:first] if i not in meta and lines[i].kind == "heading"]
    headline, after = _headline(lines, header, sorted(meta), title)
    if headline is None and title is None and second < len(content) and _is_question_headline(lines[content[first]].text):
        headline = lines[content[first]].text
    same = (headline or "").casefold()
    kept = [lines[i].text for i in header if after is not None and i > after and lines[i].text.casefold() != same]
    body = [i for i in content[first:] if i not in meta and lines[i].text.casefold() != same]
    kept += _story_body(lines, body)
    return Story(headline, tuple(kept), tuple(lines[i].text for i in sorted(meta)))


def _classify(texts: list[str], rules: tuple[Rule, ...]) -> list[_Line]:
    lines: list[_Line] = []
    blank = False
    for text in texts:
        kind = "blank" if not text else ""
        labelled = False
        for rule in rules if text else ():
            match = rule.pattern.search(text)
            if match and rule.kind == "label":
                text, labelled = text[match.end() :].strip(), True
            elif match:
                kind = rule.kind
                break
        if not kind:
            prose = _SENTENCE_END.search(text) or len(text.split()) > _LONG_LINE
            kind = "prose" if prose else "drop" if labelled else "heading" if text else "blank"
        lines.append(_Line(text, kind, blank))
        blank = kind == "blank"
    return lines


def _content(lines: list[_Line]) -> list[int]:
    """Indices of lines that may be story or end it: no blanks, drops, newsletter prompts."""
    kept = []
    in_prompt = False
    for i, line in enumerate(lines):
        if line.kind == "newsletter":
            in_prompt = True
        elif line.kind in ("prose", "end"):
            in_prompt = False
        if line.kind in ("prose", "end") or line.kind == "heading" and not in_prompt:
            kept.append(i)
    return kept


def _headline(lines: list[_Line], header: list[int], meta: list[int], title: str | None) -> tuple[str | None, int | None]:
    """The headline and the index of its line; the index is None when the headline is not in the text.

    Header lines above the headline, or all of them when it is not in the text, are menus.
    """
    if title:
        title = " ".join(normalize_lines(title)).strip()
        found = [i for i in header if lines[i].text.casefold() == title.casefold()]
        return title or None, found[0] if found else None
    candidates = [i for i in header if len(lines[i].text.split()) >= 2]
    above_byline = [i for i in candidates if meta and i < meta[0]]
    long_enough = [i for i in candidates if len(lines[i].text.split()) >= 4]
    chosen = above_byline[-1:] or long_enough[:1] or candidates[-1:]
    return (lines[chosen[0]].text, chosen[0]) if chosen else (None, None)


def _is_question_headline(text: str) -> bool:
    """A short question opening the page with no headline above it ("Will Kyiv sign?") is the headline."""
    return text.endswith("?") and len(text.split()) <= _QUESTION_WORDS and text[0] not in "\"'“‘«"


def _story_body(lines: list[_Line], body: list[int]) -> list[str]:
    """Paragraphs from the lead on, up to the end of the story."""
    blank_separated = _blank_separated(lines, body)
    kept: list[int] = []
    for n, i in enumerate(body):
        line = lines[i]
        if line.kind == "end" and kept:
            break
        if line.kind == "heading" and kept and _is_teaser(lines, body[n:], blank_separated):
            break
        if line.kind != "end":
            kept.append(i)
    while kept and lines[kept[-1]].kind == "heading" and any(lines[i].kind == "prose" for i in kept):
        kept.pop()
    return [lines[i].text for i in kept]


def _is_teaser(lines: list[_Line], rest: list[int], blank_separated: bool) -> bool:
    """Whether the heading ``rest[0]`` and the one paragraph under it are another story."""
    if len(rest) < 2 or lines[rest[1]].kind != "prose":
        return False
    if blank_separated and (rest[1] != rest[0] + 1):
        return False
    return len(rest) == 2 or lines[rest[2]].kind != "prose"


def _blank_separated(lines: list[_Line], body: list[int]) -> bool:
    """Whether the page puts a blank line between consecutive paragraphs, mostly."""
    pairs = [(a, b) for a, b in zip(body, body[1:]) if lines[a].kind == lines[b].kind == "prose"]
    return bool(pairs) and 2 * sum(lines[b].blank_before for _, b in pairs) >= len(pairs)
