"""Names as news writes them, reduced to the forms the gazetteer is looked up by.

News writes the same actor many ways: "the U.S.", "US", "Ukraine's", "President
Volodymyr Zelensky", "U.S. Secretary of State Antony Blinken", "the Group of Seven (G7)".
These helpers only handle the text: ``clean`` keeps a printable name (the form an alias
is stored with), ``norm`` makes the lookup key, ``slug`` makes the key part of an IRI,
and ``strip_titles`` separates a person's name from the titles and qualifiers in front
of it. What a name means is the gazetteer's business (``kg.resolve.gazetteer``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["clean", "norm", "slug", "surname", "Title", "Stripped", "strip_titles", "split_coordination"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those|such an?|its|their|his|her)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|')$")
_ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z0-9.\-]{0,9}\)")
_EDGE = re.compile(r"^[\s\"'(\[,;:.]+|[\s\"')\],;:]+$")


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """The name as written, without what is not part of it.

    Drops surrounding quotes and punctuation, a leading determiner, a trailing
    possessive and a parenthesised abbreviation ("the Group of Seven (G7)"), so that
    what is stored as an alias reads like a name.

    Examples:
        >>> clean("the Group of Seven (G7)")
        'Group of Seven'
        >>> clean("Ukraine\u2019s")
        'Ukraine'
        >>> clean('"the U.S.,"')
        'U.S.'
    """
    text = " ".join(text.translate(_QUOTES).split())
    text = _ABBREVIATION.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _EDGE.sub("", text)
        if text.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St)\.$", text):
            text = text[:-1]
        text = _DETERMINER.sub("", text)
        text = _POSSESSIVE.sub("", text)
    return text


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The lookup form of a name: case, accents, dots and determiners do not count.

    Examples:
        >>> norm("the U.S.")
        'us'
        >>> norm("Zelenskyy\u2019s")
        'zelenskyy'
        >>> norm("Türkiye")
        'turkiye'
    """
    text = _ascii(clean(text)).lower().replace(".", "")
    return " ".join(re.sub(r"[^\w\s$&'-]", " ", text).split())


def slug(text: str) -> str:
    """The part of an entity key made from a name: lower-case ASCII words joined by hyphens.

    Examples:
        >>> slug("Volodymyr Zelensky")
        'volodymyr-zelensky'
        >>> slug("$61 billion")
        '61-billion'
    """
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower().replace(".", "")).strip("-")


def surname(name: str) -> str:
    """The lookup form of a person's last name ("Volodymyr Zelensky" -> "zelensky")."""
    words = norm(name).split()
    return words[-1] if words else ""


@dataclass(frozen=True)
class Title:
    """A title or honorific that may stand before a name, with the role words it gives."""

    words: tuple[str, ...]
    roles: frozenset[str]

    @property
    def takes_object(self) -> bool:
        """Whether an organisation follows it ("Head of the Presidential Office ...")."""
        return self.words[-1] == "of"


@dataclass(frozen=True)
class Stripped:
    """A name with what stood before it: the role words and any country qualifier."""

    name: str
    roles: frozenset[str] = frozenset()
    qualifiers: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return clean(text).split()


def _match_title(words: Sequence[str], titles: Sequence[Title]) -> Title | None:
    """The longest title that ``words`` start with and that leaves a word after it."""
    lowered = [w.lower().rstrip(",") for w in words]
    for title in titles:  # longest first; the first word rules most out before a slice is made
        n = len(title.words)
        if n < len(words) and title.words[0] == lowered[0] and tuple(lowered[:n]) == title.words:
            return title
    return None


def strip_titles(
    text: str,
    titles: Sequence[Title],
    is_qualifier: Callable[[str], bool],
    is_person: Callable[[str], bool] = lambda name: False,
) -> Stripped:
    """Separate a person's name from the titles and qualifiers written before it.

    Qualifiers are country names, demonyms and possessives ("U.S.", "Ukrainian",
    "Ukraine's") that say whose office it is; titles come from ``ontology/gazetteer/titles.tsv``.
    A title ending in "of" ("Head of") is followed by an organisation: the name is then
    the longest known person at the end of the text, or its last two words.

    Args:
        text: The mention as written.
        titles: Known titles, longest first.
        is_qualifier: Whether a word group names a country or demonym.
        is_person: Whether a name is a person the caller knows.

    Examples:
        >>> titles = [Title(("secretary", "of", "state"), frozenset({"secretary"}))]
        >>> strip_titles("U.S. Secretary of State Antony Blinken", titles, lambda w: w == "U.S.")
        Stripped(name='Antony Blinken', roles=frozenset({'secretary'}), qualifiers=('U.S.',))
    """
    words = _words(text)
    roles: set[str] = set()
    qualifiers: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (3, 2, 1):
            head = " ".join(words[:size])
            possessive = head.endswith(("'s", "'")) and size < len(words)
            if size < len(words) and is_qualifier(_POSSESSIVE.sub("", head) if possessive else head):
                qualifiers.append(_POSSESSIVE.sub("", head))
                words = words[size:]
                changed = True
                break
        title = _match_title(words, titles)
        if title is not None:
            roles |= title.roles
            words = words[len(title.words) :]
            changed = True
            if title.takes_object:
                words = _name_after_organisation(words, is_person)
                break
    return Stripped(" ".join(words), frozenset(roles), tuple(qualifiers))


def _name_after_organisation(words: list[str], is_person: Callable[[str], bool]) -> list[str]:
    for start in range(len(words)):
        if is_person(" ".join(words[start:])):
            return words[start:]
    return words[-2:]


def split_coordination(text: str) -> list[str]:
    """The members of a coordinated name ("the Portuguese and Ukrainian governments").

    A shared head noun is given back to each member ("Portuguese governments",
    "Ukrainian governments"); a name that is not coordinated is returned alone.

    Examples:
        >>> split_coordination("the Portuguese and Ukrainian governments")
        ['Portuguese governments', 'Ukrainian governments']
        >>> split_coordination("Ukraine and Czechia")
        ['Ukraine', 'Czechia']
    """
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", clean(text)) if p]
    if len(parts) < 2:
        return [clean(text)]
    last = parts[-1].split()
    if len(last) > 1 and all(len(p.split()) == 1 for p in parts[:-1]) and last[-1][:1].islower():
        return [f"{p} {last[-1]}" for p in parts[:-1]] + [parts[-1]]
    return parts
