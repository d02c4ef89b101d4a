"""Mapping: open clauses onto the core vocabulary, by the lexicon in ``ontology/``.

The lexicon (``ontology/predicates.tsv``, described in its header) says, for a
predicate lemma and part of speech, which roles of its clause give the fact's
subject and object and which core property it is. This module only applies it:
adding a row extends coverage without touching Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from spacy.tokens import Token

from kg.errors import ModelError
from kg.extract.clauses import Clause, verb_clause
from kg.extract.mentions import ACTOR_LABELS, mentions_for
from kg.resources import ontology_file
from kg.types import CORE_PREDICATES, SYMMETRIC_PREDICATES, Mention

__all__ = ["LEXICON", "Frame", "Lexicon", "Pairing", "load_lexicon", "pairings"]

LEXICON = "predicates.tsv"
"""The predicate lexicon, a file of ``ontology/``."""

_LABELS: dict[str, frozenset[str]] = {
    "actor": ACTOR_LABELS,
    "person": frozenset({"PERSON", "PRON", "DESC"}),
    "named": frozenset({"PERSON"}),
    "agreement": frozenset({"AGREEMENT"}),
    "party": ACTOR_LABELS | {"AGREEMENT"},
    "body": frozenset({"ORG", "AGREEMENT", "PRON"}),
    "law": frozenset({"AGREEMENT", "AMOUNT"}),
}
_COLUMNS = ("lemma", "pos", "subject", "object", "predicate", "implicit", "labels", "requires")


@dataclass(frozen=True)
class Frame:
    """One lexicon row: how a predicate's roles map onto a core property."""

    lemma: str
    pos: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    predicate: str
    implicit: str
    labels: frozenset[str]
    requires: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """The lexicon's frames by (lemma, pos), and the event nouns it knows."""

    frames: dict[tuple[str, str], tuple[Frame, ...]]
    nouns: frozenset[str]


@dataclass(frozen=True)
class Pairing:
    """A subject and object that a frame pairs in one clause."""

    frame: Frame
    subject: Mention
    object: Mention
    implicit: bool
    role: str = ""


def _frame(fields: list[str], where: str) -> Frame:
    if len(fields) != len(_COLUMNS):
        raise ModelError(
            f"expected {len(_COLUMNS)} TAB-separated columns ({', '.join(_COLUMNS)}) at {where}, "
            f"got {len(fields)}; fix the row"
        )
    row = dict(zip(_COLUMNS, (f.strip() for f in fields)))
    if row["predicate"] not in CORE_PREDICATES:
        raise ModelError(
            f"expected a core predicate at {where}, got {row['predicate']!r}; use one of {', '.join(CORE_PREDICATES)}"
        )
    if row["pos"] not in ("verb", "noun") or row["labels"] not in _LABELS or row["implicit"] not in ("subject", "object", "-"):
        raise ModelError(
            f"expected pos verb|noun, implicit subject|object|-, labels {'|'.join(_LABELS)} at {where}, "
            f"got {row['pos']!r}, {row['implicit']!r}, {row['labels']!r}; fix the row"
        )
    return Frame(
        lemma=row["lemma"].lower(),
        pos=row["pos"],
        subject=tuple(r for r in row["subject"].split(",") if r),
        object=tuple(r for r in row["object"].split(",") if r),
        predicate=row["predicate"],
        implicit=row["implicit"],
        labels=_LABELS[row["labels"]],
        requires=frozenset(row["requires"].split()) - {"-"},
    )


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon (by default ``ontology/predicates.tsv``) once per process.

    Raises:
        ModelError: The file is missing or a row is malformed.
    """
    path = path or ontology_file(LEXICON)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"expected the predicate lexicon at {path}, but it cannot be read ({exc}); restore it") from exc
    frames: dict[tuple[str, str], list[Frame]] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        frame = _frame(line.split("\t"), f"{path.name} line {n}")
        frames.setdefault((frame.lemma, frame.pos), []).append(frame)
    nouns = frozenset(lemma for lemma, pos in frames if pos == "noun")
    return Lexicon({k: tuple(v) for k, v in frames.items()}, nouns)


def _mentions_word(tokens: tuple[Token, ...] | list[Token], words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words or t.lower_ in words for head in tokens for t in head.subtree)


def _role_tokens(clause: Clause, role: str, requires: frozenset[str]) -> list[Token]:
    if role == "self":
        return [clause.predicate]
    if role.startswith("gov="):
        anchor = clause.anchor
        if anchor is None or anchor is clause.predicate or anchor.lemma_.lower() not in role[4:].split("|"):
            return []
        return list(verb_clause(anchor).roles.get("subj", ()))
    if ">" not in role:
        if requires and role not in ("subj",):
            # the verb's theme ("send weapons to", "provide Ukraine with jets"), the noun's "of" phrase
            theme = clause.roles.get("obj", ()) + clause.roles.get("with", ()) + clause.roles.get("of", ())
            if not _mentions_word(theme, requires):
                return []
        return list(clause.roles.get(role, ()))
    outer, inner = role.split(">", 1)
    found: list[Token] = []
    for head in clause.roles.get(outer, ()):
        if requires and not _mentions_word([head], requires):
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == inner:
                found.extend(p for p in prep.children if p.dep_ == "pobj")
    return found


def _mentions(
    clause: Clause, roles: tuple[str, ...], labels: frozenset[str], requires: frozenset[str]
) -> tuple[str, list[Mention]]:
    """The first role that yields mentions of the allowed labels, and those mentions."""
    for role in roles:
        found: list[Mention] = []
        for token in _role_tokens(clause, role, requires):
            mentions = list(mentions_for(token))
            if role == "self" and not any(m.label == "AGREEMENT" for m in mentions):
                span = token.doc[token.i : token.i + 1]
                mentions = [Mention(span.text, "AGREEMENT", span.start_char, span.end_char)]
            found.extend(m for m in mentions if m.label in labels)
        if found:
            return role, list(dict.fromkeys(found))
    return "", []


def _same(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end) or a.text.lower().removeprefix("the ") == b.text.lower().removeprefix(
        "the "
    )


def _read_by_verb(clause: Clause, lexicon: Lexicon) -> bool:
    """An event noun that is the theme of a verb with the same property ("signed agreements with Kyiv").

    The verb's frame reads the parties; the noun would only repeat them with a
    weaker subject. A noun that is the verb's argument ("fights Russia's
    invasion") is read on its own.
    """
    head = clause.predicate.head
    if clause.kind != "noun" or clause.predicate.dep_ != "dobj":
        return False
    own = {f.predicate for f in lexicon.frames.get((clause.predicate.lemma_.lower(), "noun"), ())}
    return any(
        f.predicate in own and "obj" not in f.object for f in lexicon.frames.get((head.lemma_.lower(), "verb"), ())
    )


def _reciprocal(clause: Clause, mention: Mention) -> bool:
    """A plural description as the only party of a symmetric event ("the two leaders met")."""
    span = clause.predicate.doc.char_span(mention.start, mention.end) if mention.label == "DESC" else None
    return span is not None and span.root.tag_ in ("NNS", "NNPS")


def pairings(clause: Clause, lexicon: Lexicon, home: Mention | None) -> Iterator[Pairing]:
    """Every (subject, object) the lexicon's frames for ``clause`` pair.

    Notes:
        Coordination gives one pairing per member ("signed with Latvia, Finland
        and Italy"). A symmetric predicate with two or more subjects and no object
        pairs the subjects ("Ukraine and Czechia began negotiations"; "the
        agreement between Kyiv and Washington"). A role the frame marks
        ``implicit`` falls back on the article's country, unless another frame
        of the same property finds it in the text.
    """
    lemma = clause.predicate.lemma_.lower()
    if _read_by_verb(clause, lexicon):
        return
    found = list(_frame_pairings(clause, lexicon.frames.get((lemma, clause.kind), ()), home))
    explicit = {p.frame.predicate for p in found if not p.implicit}
    # an implicit party only where no frame of the same property names one ("send aid to Moldova")
    yield from (p for p in found if not p.implicit or p.frame.predicate not in explicit)


def _frame_pairings(clause: Clause, frames: tuple[Frame, ...], home: Mention | None) -> Iterator[Pairing]:
    for frame in frames:
        _, subjects = _mentions(clause, frame.subject, ACTOR_LABELS, frame.requires)
        object_role, objects = _mentions(clause, frame.object, frame.labels, frame.requires)
        if object_role == "between" and len(objects) < 2:
            continue  # "talks between" names both parties or none
        implicit = False
        if frame.predicate in SYMMETRIC_PREDICATES:
            group = subjects if not objects else objects if object_role == "between" and not subjects else []
            if len(group) >= 2:
                for a, b in combinations(group, 2):
                    yield Pairing(frame, a, b, False, object_role)
                continue
            if not objects and len(subjects) == 1 and subjects[0].label in frame.labels and _reciprocal(clause, subjects[0]):
                # "the leaders held a meeting": the pair the description stands for, with each other
                yield Pairing(frame, subjects[0], subjects[0], False, object_role)
                continue
        if not subjects and frame.implicit == "subject" and home is not None and objects:
            subjects, implicit = [home], True
        if not objects and frame.implicit == "object" and home is not None and subjects:
            objects, implicit = [home], True
        for subject in subjects:
            for obj in objects:
                if not _same(subject, obj):
                    yield Pairing(frame, subject, obj, implicit, object_role)
