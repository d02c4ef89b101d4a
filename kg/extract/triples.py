"""Open triples: every clause of a sentence as relation, subject and arguments.

This is the open layer (what ``kg openie`` prints), in the CaRB style: the
relation phrase keeps auxiliaries, negation and the preposition of its first
argument ("is not accepted by"); arguments are whole noun phrases; further
prepositional and temporal phrases become arg3, arg4... Relative clauses and
appositions give triples of their own ("X, an Australian footballer" -> X is an
Australian footballer).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.clauses import RELATIVE_PRONOUNS
from kg.extract.confidence import triple_confidence

__all__ = ["RawTriple", "sentence_triples"]

_REL_DEPS = ("aux", "auxpass", "neg", "prt")
_CUT = frozenset({"relcl", "appos", "punct", "cc", "conj", "acl", "advcl", "parataxis"})
_ARGUMENT_DEPS = ("dobj", "attr", "oprd", "acomp", "dative", "ccomp", "xcomp")
_PREPOSITIONS = frozenset("of in to for with on at by from as into about over under after before against".split())
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


@dataclass(frozen=True)
class RawTriple:
    """An open triple before it is tied to an article: tokens and their texts."""

    relation: str
    arguments: tuple[str, ...]
    confidence: float
    head: Token
    argument_heads: tuple[Token | None, ...]
    kind: str


def _text(tokens: list[Token]) -> str:
    tokens = sorted(set(tokens), key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (")", "''", '"'):
        tokens = tokens[:-1]
    # original spacing inside a run of tokens ("``" stays one word), one space between runs
    return "".join(
        t.text + (t.whitespace_ if n + 1 < len(tokens) and tokens[n + 1].i == t.i + 1 else " ")
        for n, t in enumerate(tokens)
    ).strip()


def phrase(token: Token, keep_conj: bool = True) -> str:
    """The noun phrase of ``token``: its subtree without relative clauses and appositions."""
    out: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        out.append(current)
        for child in current.children:
            if child.dep_ in ("relcl", "appos", "advcl", "parataxis") and current.i == token.i:
                continue
            if child.dep_ in ("conj", "cc") and not keep_conj and current.i == token.i:
                continue
            if child.dep_ == "punct" and current.i == token.i and child.i > token.i and child.text == ",":
                continue
            stack.append(child)
    return _text(out)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if verb.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                return verb.head
            return child
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return verb.head
    if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _relation_words(verb: Token) -> list[Token]:
    """Auxiliaries, negation, particles and the adverbs between them and the verb ("also suggests")."""
    words = [c for c in verb.children if c.dep_ in _REL_DEPS and c.lower_ != "to"]
    first = min((w.i for w in words), default=verb.i)
    words += [
        c for c in verb.children if c.dep_ == "advmod" and (first <= c.i < verb.i or c.i == verb.i - 1) and c.pos_ == "ADV"
    ]
    if verb.dep_ == "xcomp":
        words += [c for c in verb.children if c.lower_ == "to" and c.dep_ == "aux"]
        if verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "dobj" for c in verb.head.children):
            words += _relation_words(verb.head)  # "wants to buy": the controlling verb joins the relation
    return sorted(set([*words, verb]), key=lambda t: t.i)


def _prep_arguments(verb: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs of ``verb``, and bare temporal noun phrases."""
    found = []
    for child in sorted(verb.children, key=lambda c: (c.i < verb.i, c.i)):  # fronted phrases last
        if child.dep_ in ("prep", "agent"):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                found.append((child, objects[0]))
        elif child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            found.append((child, child))
    return found


def _verb_triple(verb: Token) -> RawTriple | None:
    subject = _subject(verb)
    if subject is None:
        return None
    rel = _relation_words(verb)
    args: list[str] = [phrase(subject)]
    heads: list[Token | None] = [subject]
    objects = [c for c in verb.children if c.dep_ in _ARGUMENT_DEPS and c is not subject]
    if not objects:  # "buy and sell large amounts": coordinated verbs share the object
        objects = [
            c for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB" for c in v.children if c.dep_ == "dobj"
        ][:1]
    preps = _prep_arguments(verb)
    rel_text = " ".join(t.text for t in rel)
    if objects:
        obj = objects[0]
        if obj.dep_ in ("ccomp", "xcomp"):
            mark = [c for c in obj.children if c.dep_ == "mark" and c.lower_ == "that"]
            if mark:
                rel_text += " that"
        args.append(phrase(obj))
        heads.append(obj)
    elif preps:
        prep, pobj = preps.pop(0)
        if prep is not pobj:
            rel_text += " " + prep.text
        args.append(phrase(pobj))
        heads.append(pobj)
    for prep, pobj in preps:
        args.append(phrase(prep))
        heads.append(pobj)
    kind = "copula" if verb.lemma_ == "be" else "verb"
    length = sum(len(a.split()) for a in args)
    prepositional = rel_text.split()[-1] in _PREPOSITIONS
    confidence = triple_confidence(kind, verb.dep_, len(args) - 1, length, prepositional)
    return RawTriple(rel_text, tuple(args), confidence, verb, tuple(heads), kind)


def _appos_triples(sent: Span) -> Iterator[RawTriple]:
    for token in sent:
        if token.dep_ == "appos" and token.head.pos_ in ("PROPN", "NOUN"):
            head = token.head
            args = (phrase(head, keep_conj=False), phrase(token))
            confidence = triple_confidence("appos", "appos", 1, sum(len(a.split()) for a in args), False)
            yield RawTriple("is", args, confidence, token, (head, token), "appos")


def sentence_triples(sent: Span) -> Iterator[RawTriple]:
    """The open triples of one sentence: one per verb clause, plus appositions."""
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")):
            triple = _verb_triple(token)
            if triple is not None and len(triple.arguments) >= 2:
                yield triple
    yield from _appos_triples(sent)

