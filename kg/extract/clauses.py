"""Clauses: predicates and their arguments, read from spaCy's dependency parse.

A :class:`Clause` is one predicate (a verb, or an event noun such as
"negotiations" or "invasion") with its arguments by role. Roles are logical, not
surface: in a passive the ``by`` agent is ``subj`` and the surface subject is
``obj``; a controlled infinitive ("is seeking to sign") takes its controller's
subject; a list gives one argument per member. The mapping onto the core
vocabulary (``mapping.py``) and the open triples (``triples.py``) both read
clauses, so the grammar lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

__all__ = [
    "LIGHT_VERBS",
    "RELATIVE_PRONOUNS",
    "Clause",
    "clauses",
    "conjuncts",
    "noun_clause",
    "relation_phrase",
    "verb_clause",
]

LIGHT_VERBS = frozenset(
    """hold begin start conduct launch continue have resume open complete make pursue enter
    finish conclude host join wrap kick take schedule plan reach seal strike finalize finalise work
    move approach discuss prepare press mount""".split()
)
"""Verbs that carry an event noun's tense and subject ("held negotiations with")."""

_CONTAINERS = frozenset("round series process start part course stage resumption launch phase".split())
"""Nouns whose ``of`` phrase is the real event ("the third round of negotiations")."""

_SUBJECTS = ("nsubj", "csubj", "expl")
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})


@dataclass(frozen=True)
class Clause:
    """One predicate and its arguments by role.

    Attributes:
        predicate: The verb or event noun.
        kind: ``"verb"`` or ``"noun"``.
        roles: Role name to argument head tokens, one per conjunct. Roles are
            ``subj``, ``obj``, ``poss``, ``amod`` and ``compound`` (nominal
            agents), ``light`` (the subject of a light verb that governs an event
            noun) and one role per preposition (``with``, ``for``, ``between``...).
        anchor: The verb that carries the clause's tense, modality and negation:
            the predicate itself for a verb, the governing verb for a noun.
    """

    predicate: Token
    kind: str
    roles: Mapping[str, tuple[Token, ...]] = field(default_factory=dict)
    anchor: Token | None = None


_EXAMPLE_PREPS = frozenset({"including", "like"})
"""Prepositions that list members of a plural noun ("countries, including Britain and France")."""


def conjuncts(token: Token) -> tuple[Token, ...]:
    """``token`` and every member coordinated with it ("Latvia, Finland, and Italy").

    The members a plural noun lists with "including" count as its conjuncts.
    """
    out = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
                out.append(child)
                stack.append(child)
            elif child.dep_ == "appos" and child.ent_type_ and not current.ent_type_:
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in _EXAMPLE_PREPS and current.pos_ == "NOUN" and current.tag_ == "NNS":
                # "several European countries, including Britain, Germany and France"
                for member in child.children:
                    if member.dep_ == "pobj":
                        out.append(member)
                        stack.append(member)
    return tuple(sorted(set(out), key=lambda t: t.i))


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _relative_head(verb: Token, subject: Token) -> Token:
    """The noun a relative pronoun stands for ("a country that joined" -> country).

    The pronoun may be the object of a verb the relative clause embeds: "NATO,
    which Ukraine hopes to join": "which" is the object of "join", the clause's
    verb is "hopes".
    """
    if subject.lower_ not in RELATIVE_PRONOUNS:
        return subject
    hops = 0
    while verb.dep_ in ("xcomp", "ccomp") and hops < 3:
        verb, hops = verb.head, hops + 1
    if verb.dep_ == "relcl":
        head = verb.head
        # "Portugal, another country that joined ...": the apposition's anchor
        return head.head if head.dep_ == "appos" and head.head.ent_type_ else head
    return subject


def _headline_list(verb: Token, subjects: list[Token]) -> list[Token]:
    """Names listed before the subject with a comma for "and" ("Ukraine, U.S. hold talks")."""
    first = min(s.i for s in subjects)
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
        and c.i < first
        and all(t.is_punct and t.text == "," for t in verb.doc[c.i + 1 : first] if not t.ent_type_)
    ]


def _comma_listed(first: Token, second: Token) -> bool:
    """Two names with only a comma between them: a headline's "and" ("Ukraine, Britain sign pact")."""
    lo, hi = sorted((first, second), key=lambda t: t.i)
    between = [t for t in lo.doc[lo.i + 1 : hi.i] if not (t.ent_iob_ == "I")]
    return bool(lo.ent_type_ and hi.ent_type_) and [t.text for t in between] == [","]


def _surface_subject(verb: Token, seen: int = 0) -> tuple[Token, ...]:
    """The subject of ``verb``, inherited through control, coordination and relatives."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS or (seen and c.dep_ == "nsubjpass")]
    if subjects:
        subjects += _headline_list(verb, subjects)
        # two subjects joined by "and" are a coordination the parser missed ("A (L) and B meet")
        # ("KYIV, June 13 (Reuters) - Ukraine signed": a dateline is no subject)
        doc = verb.doc
        nearest = min(subjects, key=lambda s: (s.i > verb.i, abs(verb.i - s.i)))
        kept = [nearest] + [
            s
            for s in subjects
            if s is not nearest
            and s.i < verb.i
            and (
                s.dep_ == "npadvmod"
                or any(t.lower_ in ("and", "&") for t in doc[min(s.i, nearest.i) : max(s.i, nearest.i)])
                or _comma_listed(s, nearest)
            )
            and not any(t.text in ("-", "—", "–", ":") for t in doc[min(s.i, nearest.i) : max(s.i, nearest.i)])
        ]
        return tuple(t for s in sorted(kept, key=lambda t: t.i) for t in conjuncts(_relative_head(verb, s)))
    if seen > 4:
        return ()
    head = verb.head
    if head.i == verb.i:
        return ()
    if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            return ()
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "advcl" and head.i < verb.i:
            if any(c.dep_ == "mark" for c in head.children) and verb.doc[verb.i - 1].text == ",":
                # "Britain backed Kyiv since Russia invaded, supplying missiles": the participle
                # after a comma is the main clause's, not the subordinate clause's
                return _surface_subject(head.head, seen + 1)
        if verb.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and head.lemma_ in ("help", "allow", "enable", "ask", "urge", "invite", "encourage"):
                return conjuncts(objects[0])
        if head.pos_ == "ADJ":  # "will be able to sign": able -> be -> subject
            return _surface_subject(head.head, seen + 1) if head.dep_ in ("acomp", "xcomp") else ()
        return _surface_subject(head, seen + 1)
    if verb.dep_ == "relcl":
        return conjuncts(head)
    return ()


def _preps(token: Token, roles: dict[str, list[Token]]) -> None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP"):
            key = child.lower_
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    roles.setdefault(key, []).extend(conjuncts(pobj))


def _roles(pairs: dict[str, list[Token]]) -> dict[str, tuple[Token, ...]]:
    return {k: tuple(dict.fromkeys(v)) for k, v in pairs.items() if v}


def verb_clause(verb: Token) -> Clause:
    """The clause of a verb: logical subject and object, prepositional arguments.

    Notes:
        Passive voice ("nine have been signed with Latvia"): the surface subject
        is the object and the ``by`` agent the subject. A participle modifying a
        noun ("a pledge made by the G7") is passive with that noun as object.
        Prepositions attached to the direct object count as the verb's
        ("signed agreements with Kyiv").
    """
    passive = _is_passive(verb)
    pairs: dict[str, list[Token]] = {}
    _preps(verb, pairs)
    objects: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            objects.extend(conjuncts(_relative_head(verb, child)))
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            pairs.setdefault("to", []).extend(conjuncts(child))
    for obj in objects:
        _preps(obj, pairs)
    if "with" not in pairs and verb.dep_ in ("advcl", "xcomp") and not any(c.dep_ == "mark" for c in verb.children):
        governor: dict[str, list[Token]] = {}
        _preps(verb.head, governor)
        if governor.get("with"):
            pairs["with"] = governor["with"]  # purpose clause: "meet with Biden to sign"
    agents = pairs.pop("by", []) if passive else []
    if passive:
        surface = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
        if surface:
            pairs["obj"] = list(conjuncts(_relative_head(verb, surface[0])))
        elif verb.dep_ in ("acl", "relcl"):
            pairs["obj"] = list(conjuncts(verb.head))
        if agents:
            pairs["subj"] = agents
        pairs.setdefault("obj", []).extend(objects)
    else:
        subject = _surface_subject(verb)
        if subject:
            pairs["subj"] = list(subject)
        if objects:
            pairs["obj"] = objects
    return Clause(verb, "verb", _roles(pairs), anchor=verb)


def _noun_anchor(noun: Token) -> tuple[Token, Token, bool]:
    """The verb that governs an event noun, the noun phrase it governs, and whether
    the noun is embedded in another noun phrase on the way.

    Climbs through containers ("the third round of negotiations") and
    prepositions ("moving towards an agreement") to the first verb.
    """
    phrase = noun
    current = noun
    embedded = False
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return current, phrase, embedded
        if current.dep_ == "pobj" and head.dep_ == "prep":
            grand = head.head
            if grand.pos_ in ("NOUN", "PROPN") and grand.lemma_.lower() in _CONTAINERS and head.lower_ == "of":
                phrase = grand
                current = grand
                continue
            current = grand
            if grand.pos_ in ("VERB", "AUX"):
                return grand, phrase, embedded
            embedded = True
            continue
        if current.dep_ == "conj":
            current = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            return head, phrase, embedded
        embedded = embedded or head.pos_ in ("NOUN", "PROPN")
        current = head
    return current, phrase, embedded


def noun_clause(noun: Token) -> Clause:
    """The clause of an event noun: its agents, prepositional arguments, governing verb.

    Notes:
        Nominal predicates name events by their noun: "Russia's invasion" and
        "the Russian invasion" (possessive and nationality adjective as agent),
        "a pledge made by the G7" (agent of the participle), "the approval by the
        United States of a package" (``by`` and ``of``), "negotiations with
        Estonia are underway" (``with``). When a light verb governs the noun
        ("Ukraine held the third round of negotiations with the U.S."), the light
        verb's subject fills the role ``light``, and its ``with``/``between``
        phrases count as the noun's ("held talks with the U.S.").
    """
    pairs: dict[str, list[Token]] = {}
    _preps(noun, pairs)
    if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        _preps(noun.head, pairs)  # "an aid package for Ukraine": the package's phrases are the aid's
    for child in noun.children:
        if child.dep_ == "poss":
            pairs.setdefault("poss", []).extend(conjuncts(child))
        elif child.dep_ == "amod" and child.ent_type_ == "NORP":
            pairs.setdefault("amod", []).append(child)
        elif child.dep_ in ("compound", "nmod") and child.ent_type_ in ("GPE", "ORG", "NORP"):
            pairs.setdefault("compound", []).append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            for grand in child.children:
                if grand.dep_ == "agent":
                    pairs.setdefault("by", []).extend(
                        p for g in grand.children if g.dep_ == "pobj" for p in conjuncts(g)
                    )
    for name in [t for role in list(pairs.values()) for t in role if t.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")]:
        # a name takes no complement: "the approval by Germany of a package" is the noun's "of"
        for prep in name.children:
            if prep.dep_ == "prep" and not prep.ent_type_:
                pairs.setdefault(prep.lower_, []).extend(
                    p for g in prep.children if g.dep_ == "pobj" for p in conjuncts(g)
                )
    for key in ("on", "over", "about", "for", "of"):
        for inner in list(pairs.get(key, ())):
            nested: dict[str, list[Token]] = {}
            _preps(inner, nested)
            for role in ("with", "between"):
                pairs.setdefault(role, []).extend(nested.get(role, ()))
    anchor, phrase, embedded = _noun_anchor(noun.head if noun.dep_ == "compound" else noun)
    if phrase is not noun:
        _preps(phrase, pairs)
        pairs.pop("of", None)
    if not embedded and anchor.pos_ in ("VERB", "AUX") and anchor.lemma_.lower() in LIGHT_VERBS:
        if phrase.dep_ in ("dobj", "nsubjpass", "pobj"):
            light = verb_clause(anchor)
            pairs["light"] = list(light.roles.get("subj", ()))
            extra: dict[str, list[Token]] = {}
            _preps(anchor, extra)
            for role in ("with", "between"):
                pairs.setdefault(role, []).extend(extra.get(role, ()))
    return Clause(noun, "noun", _roles(pairs), anchor=anchor)


def relation_phrase(clause: Clause, role: str) -> str:
    """The open relation phrase of a clause read through ``role`` ("have been signed with").

    Auxiliaries, negation and particles of the verb (for a noun: the light verb
    and the noun), then the preposition of the role when it is one.
    """
    head = clause.predicate
    if clause.kind == "verb":
        words = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [head]
    else:
        words = [head]
        if clause.anchor is not None and "light" in clause.roles:
            words.insert(0, clause.anchor)
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    last = role.split(">")[-1]
    return f"{text} {last}" if last.isalpha() and last not in ("subj", "obj", "self", "poss", "amod", "compound", "light") else text


def clauses(sent: Span, nouns: frozenset[str] = frozenset()) -> Iterator[Clause]:
    """Every verb clause of ``sent``, and a clause for each event noun in ``nouns``."""
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            yield verb_clause(token)
        elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in nouns:
            yield noun_clause(token)
