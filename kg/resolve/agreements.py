"""Agreements as entities: one node per real agreement, whatever the sentence calls it.

An unnamed agreement is known by its kind and its parties: "the bilateral security
agreement between Kyiv and Washington", "a bilateral security agreement with the U.S."
(in an article about Ukraine) and "the security agreement" that follows are one node,
``agreement/security-agreement-ukraine-united-states``. An aid package is known by its
recipient and amount ("$61 billion aid bill for Ukraine" = "$61 billion aid package for
Ukraine"). A named agreement (``named`` rows of ``ontology/gazetteer/agreements.tsv``) is
known by its names, or by its head noun and its maker ("the pledge made by the G7").

Notes:
    Parties are read from the dependency parse around the agreement's head noun: inside
    its phrase ("between X and Y", "with X", "for X", "made by X", "X's"), then up to the
    clause that governs it (its subject and a "with" object: "Ukraine has begun negotiations
    on an agreement with Portugal"), through purpose and control clauses ("Zelensky could
    meet with Biden to sign an agreement"). People stand for the country they serve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.resolve.gazetteer import AgreementKind, Entry, Gazetteer
from kg.resolve.names import clean, norm, slug

__all__ = ["Agreement", "context_parties", "identify", "is_agreement_head", "phrase", "phrase_tokens"]

_AMOUNT = re.compile(r"\$\s?(\d[\d.,]*)(?:\s*(trillion|billion|million|bn|m)\b)?", re.I)
_MAGNITUDE = {"bn": "billion", "m": "million"}
_DEFINITE = re.compile(r"^(?:the|this|that|such an?)\b", re.I)
_SKIP = frozenset({"relcl", "advcl", "ccomp", "parataxis", "appos"})
_CLIMB = frozenset({"pobj", "dobj", "prep", "pcomp", "acomp", "nsubjpass", "attr", "xcomp", "advcl", "acl", "conj", "compound", "appos"})


@dataclass(frozen=True)
class Agreement:
    """An agreement identified from its words and context, and its parties' keys."""

    entry: Entry
    parties: tuple[str, ...]
    heads: frozenset[str] = frozenset()


def is_agreement_head(token: Token, gazetteer: Gazetteer) -> bool:
    """Whether a noun can head an agreement phrase (a singular "agreement", "deal", "bill", ...).

    Plurals ("bilateral security agreements with its allies") speak of several agreements
    at once: none of them is an entity.
    """
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number", []):
        return False
    lemma = token.lemma_.lower()
    return any(lemma in kind.heads for kind in gazetteer.agreement_kinds) or any(
        lemma in entry.heads for entry in gazetteer.agreements.values()
    )


def _actors(tokens: Sequence[Token], entities_of: Callable[[Span], list[Entry]]) -> list[Entry]:
    found: list[Entry] = []
    seen: set[int] = set()
    for token in tokens:
        if token.ent_type_ and token.i not in seen:
            span = _entity_span(token)
            seen.update(range(span.start, span.end))
            found += entities_of(span)
    return found


def _entity_span(token: Token) -> Span:
    """The named-entity span a token is in, from its IOB tags (``doc.ents`` is rebuilt at each access)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def phrase_tokens(head: Token) -> list[Token]:
    """The head's phrase without the clauses and appositions attached anywhere inside it."""
    out = [head]
    for child in head.children:
        if child.dep_ not in _SKIP:
            out += phrase_tokens(child)
    return out


def phrase(head: Token) -> str:
    """The words of an agreement phrase ("a $61 billion aid bill for Ukraine"), clauses left out."""
    tokens = sorted(phrase_tokens(head), key=lambda t: t.i)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


def context_parties(head: Token, entities_of: Callable[[Span], list[Entry]]) -> list[Entry]:
    """The actors an agreement phrase names as its parties or makers, from the parse.

    Args:
        head: The agreement's head noun.
        entities_of: Resolves a named-entity span of the doc to entries (empty if none).
    """
    parties = _actors(phrase_tokens(head), entities_of)
    node = head
    for _ in range(6):
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            break
        node = node.head
        with_objects = [t for c in node.children if c.dep_ == "prep" and c.lower_ in ("with", "between") for t in phrase_tokens(c)]
        parties += _actors(with_objects, entities_of)
        subjects = [t for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in phrase_tokens(c)]
        parties += _actors(subjects, entities_of)
        if subjects and node.pos_ in ("VERB", "AUX"):
            break
    unique: dict[str, Entry] = {}
    for party in parties:
        unique.setdefault(party.key, party)
    return list(unique.values())


def _kind(words: set[str], head: str, gazetteer: Gazetteer) -> AgreementKind | None:
    for kind in gazetteer.agreement_kinds:
        if head in kind.heads and (not kind.cues or kind.cues & words):
            return kind
    return None


def _named(text: str, head: str, parties: Sequence[Entry], gazetteer: Gazetteer) -> Entry | None:
    key = norm(text)
    if key in gazetteer.agreements:
        return gazetteer.agreements[key]
    for name, entry in gazetteer.agreements.items():
        if len(name.split()) >= 3 and re.search(rf"\b{re.escape(name)}\b", key):
            return entry
    party_keys = {p.key for p in parties}
    for entry in gazetteer.agreements.values():
        if head in entry.heads and entry.by in party_keys:
            return entry
    return None


def _aid_package(text: str, parties: Sequence[Entry], salient: Sequence[Entry]) -> Entry:
    countries = [p for p in parties if p.type == "Country"]
    recipient = next((c for c in countries if re.search(rf"\b(?:for|to)\s+(?:the\s+)?{re.escape(c.label)}", text)), None)
    recipient = recipient or next(iter(salient), None) or next(iter(countries), None)
    amount = _AMOUNT.search(text)
    label, key = "aid package", "aid-package"
    if amount:
        digits = amount.group(1).rstrip(".,")
        magnitude = _MAGNITUDE.get((amount.group(2) or "").lower(), (amount.group(2) or "").lower())
        label = f"${digits} {magnitude} aid package".replace("  ", " ")
        key = f"aid-package-{slug(digits)}"
    if recipient is not None:
        label += f" for {recipient.label}"
        key = key.replace("aid-package", f"aid-package-{slug(recipient.label)}", 1)
    return Entry(key=f"agreement/{key}", label=label, type="Agreement")


def identify(
    text: str,
    head: str,
    parties: Sequence[Entry],
    gazetteer: Gazetteer,
    salient: Sequence[Entry] = (),
) -> Agreement | None:
    """The agreement an agreement phrase names, or ``None`` when its words and context do not say.

    ``None`` means the phrase needs its antecedent ("the agreement" with no party in sight).

    Args:
        text: The phrase as written ("the bilateral security agreement between Kyiv and Washington").
        head: Lemma of its head noun ("agreement").
        parties: Actors its context names (:func:`context_parties`), people already mapped to countries.
        gazetteer: Names, kinds and named agreements.
        salient: The article's most mentioned countries, first first: the implicit party of
            "the security agreement with the U.S." in an article about Ukraine.

    Examples:
        >>> from kg.resolve.gazetteer import load_gazetteer
        >>> g = load_gazetteer()
        >>> us, ua = g.lookup("US"), g.lookup("Ukraine")
        >>> identify("the security agreement with the U.S.", "agreement", [us], g, [ua]).entry.key
        'agreement/security-agreement-ukraine-united-states'
        >>> identify("a $61 billion aid bill for Ukraine", "bill", [ua], g).entry.label
        '$61 billion aid package for Ukraine'
    """
    text = clean(text)
    named = _named(text, head, parties, gazetteer)
    if named is not None:
        return Agreement(named, tuple(p.key for p in parties), named.heads | {head})
    words = set(norm(text).split())
    kind = _kind(words, head, gazetteer)
    if kind is None:
        return None
    known = [p for p in parties if p.type == "Country" or p.key in gazetteer.by_key]  # not a misparsed "Government of the"
    countries = sorted({p.key: p for p in known if p.type in ("Country", "Organization")}.values(), key=lambda p: p.key)
    if kind.kind == "aid package":
        entry = _aid_package(text, countries, salient)
        return Agreement(entry, tuple(p.key for p in countries), kind.heads)
    if len(countries) > 2:  # a list of countries: several bilateral agreements, not one
        return None
    if len(countries) == 1 and salient and salient[0].key != countries[0].key:
        countries = sorted([countries[0], salient[0]], key=lambda p: p.key)
    if len(countries) < 2:  # "an agreement with one of the Baltic states": no second party in sight
        return None
    names = " ".join(slug(c.label) for c in countries)
    label = f"{kind.kind} between {countries[0].label} and {countries[1].label}"
    entry = Entry(key=f"agreement/{slug(kind.kind + ' ' + names)}", label=label[:1].upper() + label[1:], type="Agreement")
    return Agreement(entry, tuple(c.key for c in countries), kind.heads)
