"""Coreference for the common cases of news copy, by rule over the parsed article.

Pronouns and definite descriptions are resolved to the entities named earlier in the
same article; what cannot be resolved is left unresolved (the caller drops the fact and
counts it: precision first).

Notes:
    The rules are those of salience-based resolvers (Lappin and Leass 1994, simplified):
    a pronoun takes the nearest compatible antecedent, looking back sentence by sentence
    and preferring grammatical subjects within a sentence ("Ukraine is seeking ... as it
    fights" -> Ukraine); "he"/"she" need a person, "it"/"its" a country or organisation,
    "they" the two members of a coordination ("Zelensky and Biden ... they"). A definite
    description ("the president", "the minister") takes the last person whose title or
    gazetteer row carries the role; "the agreement" the last agreement; "the parties",
    "the two countries" the two members of the last bilateral mention: a coordination
    ("between Kyiv and Washington"), or a fact of a symmetric predicate.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from kg.resolve.gazetteer import Description, Entry, Gazetteer
from kg.resolve.names import norm

__all__ = ["Candidate", "Pair", "Antecedents", "PRONOUNS"]

PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("Person",),
    "him": ("Person",),
    "his": ("Person",),
    "she": ("Person",),
    "her": ("Person",),
    "it": ("Country", "Organization"),
    "its": ("Country", "Organization"),
    "they": (),
    "them": (),
    "their": (),
}
"""Pronouns kg resolves and the classes their antecedent may have; () means a plural: a pair."""

_DETERMINERS = ("the ", "this ", "that ", "these ", "those ")
_LOOKBACK_SENTENCES = 2


@dataclass(frozen=True)
class Candidate:
    """A named mention an anaphor may refer back to.

    Attributes:
        start: Character offset of the mention.
        end: Character offset after it.
        sentence: Index of its sentence in the doc.
        entry: The entity it names.
        subject: Whether it is (the head of) a grammatical subject.
        roles: Role words from its title in the text and its gazetteer row.
    """

    start: int
    end: int
    sentence: int
    entry: Entry
    subject: bool = False
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pair:
    """Two parties named together ("Ukraine and Czechia", a meeting of two leaders)."""

    end: int
    sentence: int
    members: tuple[Entry, Entry]


class Antecedents:
    """The named mentions of one article, in order, and the rules that pick from them."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        pairs: Sequence[Pair],
        agreements: Sequence[tuple[int, Entry, frozenset[str]]],
        sentence_starts: Sequence[int],
        gazetteer: Gazetteer,
    ) -> None:
        self.candidates = sorted(candidates, key=lambda c: (c.start, c.end))
        self.pairs = sorted(pairs, key=lambda p: p.end)
        self.agreements = sorted(agreements, key=lambda a: a[0])
        self.sentence_starts = list(sentence_starts)
        self.gazetteer = gazetteer

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds a character offset."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def _before(self, offset: int) -> list[Candidate]:
        return [c for c in self.candidates if c.end <= offset]

    def _last_pair(self, offset: int, types: tuple[str, ...], max_back: int | None) -> tuple[Entry, ...]:
        sentence = self.sentence_of(offset)
        for pair in reversed(self.pairs):
            if pair.end > offset:
                continue
            if max_back is not None and sentence - pair.sentence > max_back:
                break
            if not types or all(m.type in types for m in pair.members):
                return pair.members
        return ()

    def pronoun(self, text: str, start: int) -> tuple[Entry, ...]:
        """The antecedent(s) of a pronoun at ``start``; empty when none fits.

        Examples:
            >>> from kg.resolve.gazetteer import load_gazetteer
            >>> g = load_gazetteer()
            >>> ua = Candidate(0, 7, 0, g.lookup("Ukraine"), subject=True)
            >>> Antecedents([ua], [], [], [0], g).pronoun("it", 40)[0].label
            'Ukraine'
        """
        word = norm(text)
        if word not in PRONOUNS:
            return ()
        types = PRONOUNS[word]
        if not types:
            return self._last_pair(start, (), _LOOKBACK_SENTENCES - 1)
        sentence = self.sentence_of(start)
        compatible = [c for c in self._before(start) if c.entry.type in types]
        for back in range(_LOOKBACK_SENTENCES + 1):
            here = [c for c in compatible if c.sentence == sentence - back]
            if here:
                subjects = [c for c in here if c.subject]
                return ((subjects or here)[-1].entry,)
        return ()

    def description(self, text: str, start: int) -> tuple[Entry, ...]:
        """The antecedent(s) of a definite description at ``start``; empty when none fits.

        An agreement is referred to by a head noun of its kind: "the agreement" is the last
        security agreement, "the declaration" the last declaration.
        """
        words = norm(text)
        for determiner in _DETERMINERS:
            if words.startswith(determiner):
                words = words[len(determiner) :]
        country = None
        description = self.gazetteer.descriptions.get(words)
        if description is None and " " in words:
            qualifier, rest = words.split(" ", 1)
            if " of " in words:  # "the president of Ukraine"
                rest, qualifier = words.split(" of ", 1)
            qualifier_entry = self.gazetteer.country_of(qualifier)
            description = self.gazetteer.descriptions.get(rest) if qualifier_entry else None
            country = qualifier_entry.key if qualifier_entry else None
        if description is None:
            return ()
        return self._antecedent(description, start, country, words.split()[-1])

    def _antecedent(self, description: Description, start: int, country: str | None, head: str) -> tuple[Entry, ...]:
        types = () if description.type == "*" else (description.type,)
        if description.number == 2:
            members = self._last_pair(start, types, None)
            if description.role != "*" and not all(description.role in m.roles for m in members):
                return ()
            return members
        if description.type == "Agreement":
            before = [entry for offset, entry, heads in self.agreements if offset < start and head in heads]
            return (before[-1],) if before else ()
        for candidate in reversed(self._before(start)):
            if candidate.entry.type not in types:
                continue
            if description.role != "*" and description.role not in candidate.roles:
                continue
            if country and candidate.entry.country not in (None, country):
                continue
            return (candidate.entry,)
        return ()
