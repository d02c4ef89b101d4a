"""Mentions: the span of an argument that names an actor, agreement or place.

A fact's subject and object are :class:`~kg.types.Mention` records: the words as
written, labelled so that the resolve stage knows how to read them. This module
chooses, for the head token of an argument, the narrowest span that names the
entity, and finds the implicit party of an article (its main country).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.nlp import entities, sentences
from kg.types import Mention

__all__ = [
    "ACTOR_LABELS",
    "ENTITY_LABELS",
    "TITLE_WORDS",
    "article_country",
    "entity_mentions",
    "mention_for",
    "mentions_for",
    "span_mention",
]

ENTITY_LABELS = frozenset({"GPE", "PERSON", "ORG", "NORP", "AGREEMENT", "LOC", "FAC", "EVENT", "LAW"})
"""spaCy and entity-ruler labels that name something a fact can be about."""

ACTOR_LABELS = frozenset({"GPE", "PERSON", "ORG", "NORP", "PRON", "DESC", "IMPLICIT"})
"""Labels of mentions that can act: sign, meet, attack, pledge."""

TITLE_WORDS = frozenset(
    """president vice prime minister secretary head chief leader chancellor premier king queen
    spokesperson spokesman spokeswoman ambassador envoy commander governor mayor speaker
    chairman chairwoman chair director general deputy foreign defense defence state
    senator representative adviser advisor aide official lawmaker ombudsman
    minister's prosecutor commissioner press first""".split()
)
"""Words of a title before a name ("U.S. Secretary of State Antony Blinken")."""

_GROUP_NOUNS = frozenset(
    """team delegation government side authorities officials leaders leadership forces troops
    army military administration parliament lawmakers diplomats negotiators officials
    cabinet ministry missile missiles drone drones bomb bombs jets warplanes artillery""".split()
)
"""Nouns that, modified by a country or nationality, name that country acting (its forces and weapons too)."""

_TERRITORY_NOUNS = frozenset(
    """city cities town towns village villages infrastructure grid plant plants port ports facility
    facilities territory region regions airfield airfields capital""".split()
)
"""Nouns that, owned by a country, stand for it as a target ("Ukraine's energy infrastructure")."""

_AGREEMENT_NOUNS = frozenset(
    "agreement accord pact treaty deal memorandum declaration bill package pledge guarantee".split()
)
"""Nouns that name an agreement, a law or a pledge when no entity covers them."""

_PRONOUNS = frozenset("he she it they we him her them us its their his".split())
"""Pronouns that can stand for an actor of a fact; "I" and "you" rarely do in news."""
_DEFINITE_DESCRIPTIONS = frozenset(
    """minister president parties country countries side sides leader leaders official
    officials government delegation secretary chancellor premier office bloc alliance""".split()
)


def span_mention(span: Span, label: str) -> Mention:
    """A mention of ``span`` with ``label`` and its character offsets."""
    return Mention(text=span.text, label=label, start=span.start_char, end=span.end_char)


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_ or token.ent_type_ not in ENTITY_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _title_person(token: Token) -> Span | None:
    """The PERSON a title governs in a misparsed title ("Head of the Office Andriy Yermak")."""
    if token.lower_ not in TITLE_WORDS:
        return None
    for right in token.subtree:
        if right.text == "," and right.i > token.i:
            return None  # "the Prime Minister and the President, Volodymyr Zelenskyy": a list, not one title
        if right.i > token.i and right.ent_type_ == "PERSON":
            return _entity_of(right)
    return None


def _modifier_span(token: Token, owner: bool = False) -> Span:
    """The head noun with its left modifiers, without determiners ("$61 billion aid bill").

    With ``owner``, a possessive stays ("Lithuania's parliament").
    """
    dropped = ("det", "predet", "punct", "advmod") + (() if owner else ("poss", "case"))
    lefts = [t for t in token.lefts if t.dep_ not in dropped]
    start = min((t.left_edge.i for t in lefts), default=token.i)
    while start < token.i and token.doc[start].dep_ in ("det", "predet", "punct"):
        start += 1
    return token.doc[start : token.i + 1]


_AID_NOUNS = frozenset("aid assistance funding support".split())


def _aid_amount(token: Token) -> Mention | None:
    """An amount of aid as what a legislature approves ("$61 billion in aid for Ukraine"), label AMOUNT."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            if any(p.dep_ == "pobj" and p.lemma_.lower() in _AID_NOUNS for p in prep.children):
                sub = list(token.subtree)
                return span_mention(token.doc[sub[0].i : sub[-1].i + 1], "AMOUNT")
    return None


def mention_for(token: Token) -> Mention | None:
    """The mention an argument headed by ``token`` makes, or None when it names nothing.

    Notes:
        In order: an amount of aid ("$61 billion in aid for Ukraine", AMOUNT:
        what a vote approves); a named entity covering the token; a person named after a title
        the parser made the head ("Head of the Presidential Office Andriy Yermak");
        a group noun modified by a country or nationality ("the Ukrainian
        delegation", label of the modifier); the country that owns a place or
        infrastructure noun, which stands for it ("Ukraine's power plants",
        "Ukrainian cities"); an agreement noun with its modifiers
        ("a draft security pact", AGREEMENT); a personal pronoun (PRON); a definite
        description of an actor ("the minister", DESC). Determiners are dropped
        only where a common noun is kept, so names stay as written.
    """
    if token.ent_type_ == "MONEY":
        return _aid_amount(token)
    entity = _entity_of(token)
    if entity is not None:
        if token.ent_type_ in ("LOC", "FAC", "EVENT", "LAW"):
            return None
        return span_mention(entity, token.ent_type_)
    person = _title_person(token)
    if person is not None:
        return span_mention(person, "PERSON")
    lemma = token.lemma_.lower()
    if token.pos_ in ("NOUN", "PROPN"):
        if lemma in _GROUP_NOUNS or token.lower_ in _GROUP_NOUNS:
            for child in token.lefts:
                if child.ent_type_ in ("GPE", "NORP", "ORG") and child.dep_ in ("amod", "compound", "poss", "nmod"):
                    if any(c.dep_ == "conj" for c in child.children):
                        return None  # "Ukrainian and American delegations": two actors, not one
                    return span_mention(_modifier_span(token, owner=child.dep_ == "poss"), child.ent_type_)
        if lemma in _TERRITORY_NOUNS or token.lower_ in _TERRITORY_NOUNS:
            for child in token.lefts:
                owner = _entity_of(child) if child.dep_ in ("poss", "amod", "compound", "nmod") else None
                if owner is not None and child.ent_type_ in ("GPE", "NORP") and child.ent_id_:
                    return span_mention(owner, child.ent_type_)
        if lemma in _AGREEMENT_NOUNS:
            return span_mention(_modifier_span(token), "AGREEMENT")
        if (lemma in _DEFINITE_DESCRIPTIONS or token.lower_ in _DEFINITE_DESCRIPTIONS) and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these", "both") for c in token.lefts
        ):
            return span_mention(_modifier_span(token), "DESC")
    if token.pos_ == "PRON" and token.lower_ in _PRONOUNS:
        return span_mention(token.doc[token.i : token.i + 1], "PRON")
    return None


def mentions_for(token: Token) -> tuple[Mention, ...]:
    """The mentions of an argument: one, or one per nationality of a coordinated modifier.

    Notes:
        "the Portuguese and Ukrainian governments", "Ukrainian and U.S.
        officials" name two actors; each coordinated nationality or country
        becomes a mention of its own.
    """
    if token.pos_ in ("NOUN", "PROPN") and not token.ent_type_ and {token.lemma_.lower(), token.lower_} & _GROUP_NOUNS:
        for child in token.lefts:
            if child.ent_type_ in ("NORP", "GPE") and child.dep_ in ("amod", "compound", "nmod"):
                members = [child, *(c for c in child.children if c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE"))]
                spans = [_entity_of(m) for m in members]
                if len(members) > 1:
                    return tuple(span_mention(s, m.ent_type_) for s, m in zip(spans, members) if s is not None)
    mention = mention_for(token)
    return (mention,) if mention is not None else ()


def entity_mentions(doc: Doc) -> Iterator[Mention]:
    """Every named entity of ``doc`` that can be the subject or object of a fact."""
    for ent in entities(doc):
        if ent.label_ in ENTITY_LABELS:
            yield span_mention(ent, ent.label_)


_HEADLINE_BONUS = 4.0
"""Salience added to the first country a headline names ("Ukraine, U.S. hold talks")."""

_ROLE_WEIGHT = {"nsubj": 2.0, "nsubjpass": 2.0, "compound": 0.5, "nmod": 0.5}
"""How much a country name counts towards salience by its role: subjects most, modifiers least."""


def _acting_dep(ent: Span) -> str:
    """The role a country name plays, read through a title it qualifies.

    "the President of Ukraine emphasized", "Ukrainian President Volodymyr
    Zelensky said": the country acts through its office holder, so it takes the
    role of the title (or of the titled person), not of "of" or a modifier.
    """
    token = ent.root
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in TITLE_WORDS:
            token = head.head
        elif token.dep_ in ("compound", "amod", "poss") and (head.lower_ in TITLE_WORDS or (token.lower_ in TITLE_WORDS and head.ent_type_ == "PERSON")):
            token = head
        else:
            break
    return token.dep_


def _counterparty(ent: Span) -> bool:
    """Whether a country is named only as the other side of a one-sided agreement ("the agreement with Spain").

    "The security agreement with Spain" leaves its first party implicit: the
    article's country, which Spain therefore is not.
    """
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "with":
        return False
    noun = prep.head
    if noun.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in noun.head.children):
        return False  # "the EU signed an agreement with Ukraine": both sides named
    return noun.lemma_.lower() in _AGREEMENT_NOUNS and not any(
        c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("GPE", "NORP") for c in noun.children
    )


def article_country(doc: Doc, lead_sentences: int = 3) -> Mention | None:
    """The country an article is about: the implicit party of its agentless facts.

    Notes:
        News leaves the home party of a story implicit once the headline and lead
        have named it ("So far, nine have been signed with Latvia, ..." in a story
        about Ukraine's agreements). The country is the GPE named most often in
        the whole text, weighted by role (a subject counts twice, a modifier as
        in "U.S. President" half) and doubled in the first ``lead_sentences``
        sentences (headline and lead); a country that qualifies a title counts
        in the role of the title ("the President of Ukraine said" is a
        subject); the first country of the headline gets
        a bonus of ``_HEADLINE_BONUS``. Names count together when the entity
        ruler gives them one pattern id ("Kyiv" and "Ukraine"), and a nationality
        with an id counts half for its country ("Ukrainian"). Ties go to the
        earlier name. The mention returned is the first occurrence of the
        country's own name (else of any of its names), labelled ``IMPLICIT``.
    """
    counts: dict[str, float] = {}
    names: dict[str, list[Span]] = {}
    lead_end = len(doc)
    for n, sent in enumerate(sentences(doc)):
        if n == lead_sentences:
            lead_end = sent.start
            break
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "NORP") or (ent.label_ == "NORP" and not ent.ent_id_):
            continue
        key = ent.ent_id_ or ent.text.removeprefix("the ")
        weight = _ROLE_WEIGHT.get(_acting_dep(ent), 1.0) * (2 if ent.start < lead_end else 1)
        counts[key] = counts.get(key, 0.0) + (weight / 2 if ent.label_ == "NORP" else weight)
        if ent.label_ == "GPE":
            if not names and ent.sent.start == 0:
                counts[key] += _HEADLINE_BONUS  # a headline leads with its protagonist
            names.setdefault(key, []).append(ent)
    candidates = [key for key in counts if key in names]
    if not candidates:
        return None
    home_side = [key for key in candidates if not any(_counterparty(ent) for ent in names[key])]
    candidates = home_side or candidates
    best = max(candidates, key=lambda k: (counts[k], -names[k][0].start))
    own = [ent for ent in names[best] if ent.text.removeprefix("the ") == best]
    return span_mention((own or names[best])[0], "IMPLICIT")
