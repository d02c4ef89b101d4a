"""Factuality: whether a clause reports what happened, what may happen, or a denial.

News mixes facts with plans, possibilities, conditions and denials in one
sentence ("the agreement could happen after Congress passes a $61 billion aid
bill"). A fact is ``occurred`` only when nothing on the path from its predicate
to the sentence root makes it less than that: a modal, a verb of intention, a
condition, a future time, or a negation. Attribution ("Blinken said ...") does
not change the status; it names the source.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clauses import Clause
from kg.types import Status

__all__ = ["SPEECH_VERBS", "attribution", "status"]

_POSSIBLE_MODALS = frozenset({"could", "may", "might", "would", "can"})
_PLANNED_MODALS = frozenset({"will", "shall", "'ll", "wo", "should", "must", "going", "gonna"})
_INTENTION = frozenset(
    """seek expect plan hope aim intend want wish prepare move push propose agree promise vow
    try attempt offer await consider set ready able eager willing likely poised due
    schedule discuss call urge ask invite negotiate work decide""".split()
)
"""Verbs and adjectives that put their complement in the future ("is seeking to sign")."""

_POSSIBILITY = frozenset({"possible", "likely", "think", "believe", "suggest", "may", "chance", "opportunity"})
_CONDITIONS_POSSIBLE = frozenset({"if", "unless", "provided", "assuming", "whether"})
_CONDITIONS_TEMPORAL = frozenset({"after", "when", "once", "before", "until", "as soon as"})
_FUTURE_NOUN_MODIFIERS = frozenset(
    {"future", "planned", "potential", "possible", "upcoming", "proposed", "prospective", "expected", "likely", "new"}
)
_OCCURRED_EVENT_VERBS = frozenset({"happen", "occur", "take"})
_NEGATIVE_DETERMINERS = frozenset({"no", "neither", "never"})

SPEECH_VERBS = frozenset(
    """say announce report add stress tell state claim note write confirm insist warn declare argue
    explain emphasize emphasise reiterate assert acknowledge reveal disclose deny admit
    tweet post mention""".split()
)
"""Verbs of saying whose subject is the source of the clause they govern."""

_CLIMB = ("xcomp", "conj", "acomp", "ccomp", "advcl", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr")


def _chain(start: Token) -> Iterator[tuple[Token, Token | None]]:
    """Each governor from ``start`` up to the sentence root, with the child it came from."""
    current, child = start, None
    for _ in range(12):
        yield current, child
        if current.head.i == current.i or current.dep_ not in _CLIMB:
            return
        if child is not None and current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_VERBS:
            yield current.head, current
            return
        current, child = current.head, current


def _phrase_words(head: Token) -> set[str]:
    """The words of ``head``'s phrase without the clauses inside it.

    "during a visit by Sunak, who announced funding for the coming year": the
    relative clause's time is its own, not the visit's.
    """
    words: set[str] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        words.add(token.lower_)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp"))
    return words


def _future_time(verb: Token) -> bool:
    """A future time adjunct on ``verb``: "soon", "in the coming weeks", "in the near future", "next month"."""
    for child in verb.children:
        if child.lower_ == "soon" and child.dep_ == "advmod":
            return True
        words = _phrase_words(child) if child.dep_ in ("prep", "npadvmod", "advmod") else set()
        if {"coming", "near", "next", "upcoming"} & words and (
            {"future", "weeks", "days", "months", "week", "month", "year", "years"} & words
        ):
            return True
    return False


def _forms(token: Token) -> set[str]:
    """The lemma and the word stripped of inflection: the small model lemmatises "hopes" as "hop"."""
    low = token.lower_
    forms = {token.lemma_.lower(), low}
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("es", "e"), ("s", ""), ("d", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return forms


def _verb_status(verb: Token, is_predicate: bool) -> Status | None:
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in _NEGATIVE_DETERMINERS):
            return Status.NEGATED
    for child in verb.children:
        if child.dep_ == "aux":
            if child.lower_ in _POSSIBLE_MODALS:
                return Status.POSSIBLE
            if child.lower_ in _PLANNED_MODALS or (child.lower_ == "'d"):
                return Status.PLANNED
    forms = _forms(verb)
    if not is_predicate and forms & _POSSIBILITY:
        return Status.POSSIBLE
    if not is_predicate and forms & _INTENTION:
        return Status.PLANNED
    if verb.pos_ in ("VERB", "AUX") and _future_time(verb):
        return Status.PLANNED
    return None


def _occurred_by_relative(token: Token) -> bool:
    """A relative clause that says the event took place ("..., which happened last week")."""
    for node in token.subtree:
        if node.dep_ == "relcl" and node.lemma_.lower() in _OCCURRED_EVENT_VERBS and node.tag_ in ("VBD", "VBN"):
            return True
    return False


def _condition(verb: Token) -> Status | None:
    if verb.dep_ != "advcl":
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & _CONDITIONS_POSSIBLE:
        return Status.POSSIBLE
    if marks & _CONDITIONS_TEMPORAL and verb.tag_ in ("VBZ", "VBP", "VB"):
        return None if _occurred_by_relative(verb) else Status.PLANNED
    return None


def _ends_clause(verb: Token) -> bool:
    """An adverbial clause whose modality is its own ("as it fights ...", "..., which happened")."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if not marks:
        return False
    conditional = marks & (_CONDITIONS_POSSIBLE | _CONDITIONS_TEMPORAL)
    return not conditional or _occurred_by_relative(verb)


def _noun_status(noun: Token) -> Status | None:
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _NEGATIVE_DETERMINERS:
            return Status.NEGATED
        if child.dep_ == "amod" and child.lower_ in _FUTURE_NOUN_MODIFIERS:
            return Status.PLANNED
    return None


def _presupposed(clause: Clause) -> bool:
    """An event noun with its agent inside the noun phrase refers to an event that took place.

    Notes:
        "Russia's full-scale invasion", "the approval by the United States of ...",
        "a pledge made by the G7": a definite event description with its agent is a
        presupposition of the sentence, true whatever the main verb's modality
        ("to help Kyiv repel the ongoing Russian invasion"). A bare event noun
        ("an agreement with the U.S.", "negotiations with Estonia") takes the
        status of the clause that governs it ("is moving towards", "are underway").
    """
    return clause.kind == "noun" and any(role in clause.roles for role in ("poss", "amod", "by", "compound"))


def status(clause: Clause) -> Status:
    """The factuality of ``clause``, from the predicate up to the sentence root.

    Notes:
        Negation wins over modality, and modality over ``occurred``. Modals:
        could/may/might/would (possible), will/shall/should (planned). Verbs of
        intention govern their complement ("expects to sign", "is seeking to",
        "is set to", "moving towards"). A present-tense clause after
        "after/when/once/until" under a future main clause is a condition
        ("after Congress passes ...": planned) unless a relative clause says it
        took place ("..., which happened last week"); "if/unless" give possible.
    """
    found: set[Status] = set()
    if clause.kind == "noun":
        own = _noun_status(clause.predicate)
        if own is not None:
            return own
        if _presupposed(clause):
            return Status.OCCURRED
    start = clause.anchor if clause.anchor is not None else clause.predicate
    for token, child in _chain(start):
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if child is not None and token.lemma_.lower() in SPEECH_VERBS:
            break
        verdict = _verb_status(token, is_predicate=(child is None and clause.kind == "verb"))
        if verdict is not None:
            found.add(verdict)
        condition = _condition(token)
        if condition is not None:
            found.add(condition)
        if token.dep_ == "advcl" and _ends_clause(token):
            break
    for verdict in (Status.NEGATED, Status.POSSIBLE, Status.PLANNED):
        if verdict in found:
            return verdict
    return Status.OCCURRED


def attribution(clause: Clause) -> Token | None:
    """The head token of who the sentence says stated ``clause``, or None.

    Notes:
        Reported speech: the clause is the complement of a verb of saying
        ("Blinken said the terms are almost approved", "..., the Presidential
        Office reported"), or the sentence carries "according to X".
    """
    start = clause.anchor if clause.anchor is not None else clause.predicate
    for token, child in _chain(start):
        if child is not None and token.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "according":
                for to in prep.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None
