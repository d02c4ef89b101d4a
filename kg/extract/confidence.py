"""Confidence: how far to trust a fact or an open triple, to rank them.

The score is a product of penalties, each for a known source of error, so that
facts read from an explicit verb with named arguments rank above those that lean
on an implicit party, a pronoun, a bare title or a long distance in the parse.
The figures were set by hand on the seed articles and CaRB dev and are
deliberately coarse: they order facts, they are not probabilities.
"""

from __future__ import annotations

from kg.types import Mention, Status

__all__ = ["fact_confidence", "role_confidence", "triple_confidence"]

_LABEL_TRUST = {"PRON": 0.6, "DESC": 0.65, "IMPLICIT": 0.7, "NORP": 0.85}


def fact_confidence(kind: str, subject: Mention, obj: Mention, status: Status, distance: int) -> float:
    """Confidence of a fact mapped from a clause.

    Args:
        kind: ``"verb"`` or ``"noun"`` (nominal predicates are read less reliably).
        subject: The fact's subject mention.
        obj: The fact's object mention.
        status: Its factuality; non-occurred statuses depend on more cues.
        distance: Tokens between the two mentions in the sentence.
    """
    score = 0.92 if kind == "verb" else 0.85
    score *= _LABEL_TRUST.get(subject.label, 1.0) * _LABEL_TRUST.get(obj.label, 1.0)
    if status is not Status.OCCURRED:
        score *= 0.95
    if distance > 15:
        score *= 0.9
    return round(max(0.05, min(1.0, score)), 3)


def role_confidence(explicit: bool) -> float:
    """Confidence of an ``officialOf`` fact read from a title or apposition."""
    return 0.95 if explicit else 0.7


_CLAUSE_TRUST = {"ROOT": 0.95, "conj": 0.9, "xcomp": 0.9, "csubj": 0.9, "ccomp": 0.8, "advcl": 0.8, "relcl": 0.78, "pcomp": 0.7}
"""How often open triples of a clause type are right (measured on CaRB dev): main clauses most."""


def triple_confidence(kind: str, clause: str, n_arguments: int, length: int, prepositional: bool) -> float:
    """Confidence of an open triple, for ranking CaRB output.

    Args:
        kind: ``"verb"``, ``"copula"`` or ``"appos"``.
        clause: Dependency label of the predicate (``ROOT``, ``conj``, ``relcl``...).
        n_arguments: Arguments beyond the subject.
        length: Words in the arguments (long arguments are often over-attached).
        prepositional: Whether the relation ends in a preposition ("taught at").
    """
    score = 0.55 if kind == "appos" else _CLAUSE_TRUST.get(clause, 0.5)
    if kind == "copula":
        score *= 0.85
    if n_arguments == 0:
        score *= 0.8
    if length > 20:
        score *= 0.88
    if prepositional:
        score = min(1.0, score * 1.05)
    return round(score, 3)
