"""Roles: titles and appositions that say who holds office where (``officialOf``).

News names officials with their office: a title before the name ("U.S.
Secretary of State Antony Blinken", "Head of the Presidential Office Andriy
Yermak", "Ukraine's Foreign Minister Dmytro Kuleba") or an apposition after it
("Dmytro Kuleba, Ukraine's foreign minister,"). The parse of such titles is often
wrong (the small model makes "Head" the head of the whole phrase), so titles are
read from the token sequence before the name, and appositions from the parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.factuality import SPEECH_VERBS
from kg.extract.mentions import TITLE_WORDS, span_mention
from kg.nlp import entities
from kg.types import Mention

__all__ = ["Role", "roles"]

_OFFICE_LABELS = frozenset({"GPE", "NORP", "ORG"})
_GLUE = frozenset({"of", "the", "'s", "’s", "for", "and", "-", "affairs"})
_PAST = frozenset({"former", "ex", "late", "then"})
_HEAD_OF_STATE = frozenset({"president", "premier", "chancellor", "prime"})


@dataclass(frozen=True)
class Role:
    """A person's office as the text states it.

    Attributes:
        person: The person named.
        office: The country or organisation of the office; for a bare title
            ("President Volodymyr Zelensky") an ``IMPLICIT`` mention of the
            article's country.
        title: The title words ("Foreign Minister").
        explicit: Whether the text names the office's country or organisation.
    """

    person: Mention
    office: Mention
    title: str
    explicit: bool


def _entity_at(doc: Doc, i: int) -> Span | None:
    token = doc[i]
    if token.ent_type_ not in _OFFICE_LABELS or (token.ent_type_ == "NORP" and not token.ent_id_):
        return None  # a party ("the Republican speaker") holds no office; a nationality names its country
    for ent in entities(doc):
        if ent.start <= i < ent.end:
            return ent
    return None


def _title_before(person: Span, end: int | None = None, lower: bool = False) -> tuple[list[Token], list[Span]]:
    """The title words before ``person`` (or before token ``end``) and the offices named among them, nearest first.

    With ``lower``, lower-case titles count ("Poland's prime minister, Donald Tusk"):
    a title set off by a comma needs no capital to be one.
    """
    doc = person.doc
    words: list[Token] = []
    offices: list[Span] = []
    i = (person.start if end is None else end) - 1
    while i >= person.sent.start:
        token = doc[i]
        ent = _entity_at(doc, i)
        if ent is not None and len(ent) == 1 and ent[0].lower_ in TITLE_WORDS:
            ent = None  # "Secretary of State": a department word is part of the title
        if ent is not None:
            offices.append(ent)
            i = ent.start - 1
            continue
        low = token.lower_
        if low in TITLE_WORDS and (lower or token.is_title or token.is_upper or low in ("of", "state")):
            words.append(token)
        elif not (low in _GLUE or _hyphenated(token)) or token.ent_type_ == "PERSON":
            break
        i -= 1
    while offices and not words:
        offices.pop()
    return words, offices


def _former(words: list[Token]) -> bool:
    """Whether the title is one the person no longer holds ("Former President Donald Trump")."""
    first = min(words, key=lambda t: t.i)
    return first.i > 0 and first.doc[first.i - 1].lower_ in _PAST


def _hyphenated(token: Token) -> bool:
    """A word inside a hyphenated title ("in" of "commander-in-chief")."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "-" and doc[token.i + 1].text == "-"


def _title_set_off(person: Span) -> tuple[list[Token], list[Span]]:
    """A title set off by a comma before the name ("the German chancellor, Olaf Scholz")."""
    comma = person.start - 1
    if comma <= person.sent.start or person.doc[comma].text != ",":
        return [], []
    return _title_before(person, comma, lower=True)


def _names_next(span_end: int, doc: Doc) -> bool:
    """Whether a comma and a name follow position ``span_end``: the title is the next person's."""
    return span_end + 1 < len(doc) and doc[span_end].text == "," and doc[span_end + 1].ent_type_ == "PERSON"


def _apposition(person: Span) -> tuple[list[Token], list[Span]]:
    """Title and offices of an apposition ("Dmytro Kuleba, Ukraine's foreign minister")."""
    for child in person.root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_WORDS:
            sub = list(child.subtree)
            if _names_next(sub[-1].i + 1, person.doc):
                continue  # "Meloni, the Prime Minister of Belgium, Alexander De Croo": De Croo's title
            offices = [e for e in entities(person.doc) if e.label_ in _OFFICE_LABELS and e.start >= sub[0].i and e.end <= sub[-1].i + 1]
            return [t for t in sub if t.lower_ in TITLE_WORDS], offices
    return [], []


def _speaks_for(person: Span, home: Mention) -> bool:
    """Whether ``person`` reports what the article's country does ("Zelensky said Ukraine ...")."""
    verb = person.root.head
    if person.root.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    name = home.text.lower().removeprefix("the ")
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "parataxis"):
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubjpass") and subject.ent_type_ == "GPE":
                    if subject.text.lower() in name.split() or name.endswith(subject.text.lower()):
                        return True
    return False


_DESCRIBED = frozenset({"president", "chancellor", "premier", "minister", "secretary", "king", "queen"})
"""Head nouns of a definite description that names an office ("the French president")."""


def _described_roles(doc: Doc) -> Iterator[Role]:
    """Offices of definite descriptions: "the French president", "the president of Ukraine".

    The description is the person (coreference finds who, by the role and the
    country it names); the country is the office. A description set off before a
    name ("the German chancellor, Olaf Scholz") is that name's title instead.
    """
    for token in doc:
        if token.lower_ not in _DESCRIBED or token.ent_type_ or token.dep_ in ("compound", "appos"):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if _names_next(token.i + 1, doc) or any(t.ent_type_ == "PERSON" for t in token.subtree):
            continue
        office = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
                country = child if child.dep_ != "prep" else next((p for p in child.children if p.dep_ == "pobj"), None)
                ent = _entity_at(doc, country.i) if country is not None else None
                if ent is not None and ent.label_ in ("GPE", "NORP"):
                    office = ent
        if office is None:
            continue
        sub = list(token.subtree)
        phrase = doc[sub[0].i : max(token.i, office.end - 1) + 1]
        yield Role(span_mention(phrase, "DESC"), span_mention(office, office.label_), token.text, True)


def roles(doc: Doc, home: Mention | None) -> Iterator[Role]:
    """Every office the text gives a person, by title or apposition.

    Args:
        doc: The parsed article.
        home: The article's country (see ``mentions.article_country``), the office
            of a bare head-of-state title when the text makes it clear.

    Notes:
        A bare title ("President Volodymyr Zelensky") names no country. The
        office is then the country another mention of the same person names
        ("Ukrainian President Volodymyr Zelensky" elsewhere in the article), or
        else the article's country when the title is a head of state's or
        government's and the person reports what that country does ("President
        Volodymyr Zelensky said that Ukraine is moving towards ..."; not
        "Poland will not send troops to Ukraine, Prime Minister Donald Tusk
        said"). Otherwise the role's office is the title itself, an ``OFFICE``
        mention that the resolver reads from what it knows of the person
        ("Prime Minister Rishi Sunak" is Britain's if the gazetteer says so),
        and drops when it knows nothing. A definite description with a country
        ("the French president") is an office whose holder coreference finds.
    """
    explicit: dict[str, Mention] = {}
    bare: list[tuple[Span, list[Token]]] = []
    found: list[Role] = []
    for ent in entities(doc):
        if ent.label_ != "PERSON":
            continue
        words, offices = _title_before(ent)
        if not words:
            words, offices = _title_set_off(ent)
        if not words:
            words, offices = _apposition(ent)
        if not words or _former(words):
            continue
        title = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        person = span_mention(ent, "PERSON")
        if offices:
            of_office = [o for o in offices if o.start > min(t.i for t in words)]
            office = (of_office or offices)[0]
            mention = span_mention(office, office.label_)
            explicit.setdefault(ent[-1].lower_, mention)
            found.append(Role(person, mention, title, True))
        else:
            bare.append((ent, words))
    yield from found
    yield from _described_roles(doc)
    for ent, words in bare:
        person = span_mention(ent, "PERSON")
        ordered = sorted(words, key=lambda t: t.i)
        title = " ".join(t.text for t in ordered)
        known = explicit.get(ent[-1].lower_)
        if known is not None:
            yield Role(person, known, title, False)
        elif home is not None and {t.lower_ for t in words} & _HEAD_OF_STATE and _speaks_for(ent, home):
            yield Role(person, home, title, False)
        else:
            yield Role(person, span_mention(ent.doc[ordered[0].i : ordered[-1].i + 1], "OFFICE"), title, False)
