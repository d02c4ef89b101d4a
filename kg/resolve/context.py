"""What one article says about who is who: its named mentions, pairs, agreements and salient countries.

Built once per article from the parse and the extractor's facts, before any fact is
resolved, so that a surname ("Biden") finds the full name written anywhere in the article
(headlines name people by surname before the lead names them in full), and so that
pronouns and descriptions can look back at every named mention, not only at the facts.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.nlp import entities, sentences
from kg.resolve.agreements import context_parties, is_agreement_head
from kg.resolve.coref import Antecedents, Candidate, Pair
from kg.resolve.gazetteer import Entry, Gazetteer
from kg.resolve.names import clean, strip_titles, surname
from kg.types import SYMMETRIC_PREDICATES, Fact

__all__ = [
    "NAME_LABELS",
    "ArticleContext",
    "article_context",
    "title_before", "head_of", "agreement_heads", "parties_of",
    "noun_phrase", "complete",
]

NAME_LABELS = frozenset({"GPE", "PERSON", "ORG", "NORP", "LOC", "FAC"})
"""Entity labels of the doc whose spans name actors an anaphor can refer to."""

_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_NOUN_PHRASE_INNER = frozenset({"compound", "amod", "poss", "appos", "nmod", "flat", "conj", "case"})
_OUTSIDE_PHRASE = frozenset({"conj", "cc", "relcl", "advcl", "acl", "appos", "punct"})
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to"})

NameResolver = Callable[[str, str, dict[str, Entry]], list[Entry]]
"""Resolves (text, label, article people by surname) to entries; empty when nothing fits."""


@dataclass
class ArticleContext:
    """The article-wide facts about names that resolving one mention needs.

    Attributes:
        people: Surname (lookup form) -> the person named in full in this article.
        spans: (start, end) of each named mention -> what it names.
        antecedents: Candidates, pairs and agreements for coreference.
        agreements: Head token index -> agreement found there (filled by the resolver).
        salient: The article's countries, most mentioned first.
    """

    people: dict[str, Entry] = field(default_factory=dict)
    spans: dict[tuple[int, int], list[Entry]] = field(default_factory=dict)
    antecedents: Antecedents | None = None
    agreements: dict[int, Entry] = field(default_factory=dict)
    salient: list[Entry] = field(default_factory=list)


def title_before(span: Span, gazetteer: Gazetteer, sentence_start: int) -> tuple[frozenset[str], tuple[str, ...]]:
    """Roles and country qualifiers written just before a person's name in its sentence.

    "U.S. Secretary of State Antony Blinken" gives ({"secretary", "secretary of state"}, ("U.S.",)).

    Args:
        span: The person's name.
        gazetteer: Titles and country names.
        sentence_start: Index of the first token of the name's sentence (``span.sent`` walks the doc).
    """
    best: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
    name = clean(span.text)
    for width in range(1, 7):
        start = span.start - width
        if start < sentence_start:
            break
        stripped = strip_titles(span.doc[start : span.end].text, gazetteer.titles, lambda w: gazetteer.country_of(w) is not None)
        if stripped.name == name and (stripped.roles or stripped.qualifiers):
            best = (stripped.roles, stripped.qualifiers)
    return best


def _is_subject(token: Token) -> bool:
    while token.dep_ in _NOUN_PHRASE_INNER and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECT


def _governing_noun(token: Token) -> Token:
    """The noun a demonym modifies, through coordination ("Portuguese and Ukrainian governments")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head


def _norp_country(span: Span, gazetteer: Gazetteer) -> Entry | None:
    """The country a demonym stands for, when it modifies a government noun ("Ukrainian delegation")."""
    noun = _governing_noun(span.root)
    if noun.lemma_.lower() in gazetteer.government_nouns or noun.lower_ in gazetteer.government_nouns:
        return gazetteer.country_of(span.text)
    return None


def noun_phrase(span: Span) -> Span:
    """The noun phrase around a span's head, without coordination and clauses.

    Repairs names the model cut short ("the Government of the" | "United States") and
    bare heads the extractor chose ("Government" of "The Government of Ukraine").
    """
    root = span.root
    tokens = [root] + [t for c in root.children if c.dep_ not in _OUTSIDE_PHRASE for t in c.subtree]
    return span.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def complete(span: Span) -> str:
    """The text of a named span, completed to its noun phrase when it ends in a function word."""
    last = span[-1].lower_ if len(span) else ""
    return noun_phrase(span).text if last in _FUNCTION_WORDS else span.text


def _with_country(entry: Entry, qualifiers: Sequence[str], gazetteer: Gazetteer) -> Entry:
    if entry.type != "Person" or entry.country or not qualifiers:
        return entry
    country = gazetteer.country_of(qualifiers[-1])
    return replace(entry, country=country.key) if country else entry


def _named_spans(doc: Doc, facts: Sequence[Fact]) -> list[tuple[Span, str]]:
    spans = [(ent, ent.label_) for ent in entities(doc) if ent.label_ in NAME_LABELS]
    covered = {(s.start_char, s.end_char) for s, _ in spans}
    for fact in facts:
        for mention in (fact.subject, fact.object, fact.attributed_to):
            if mention is None or mention.label not in NAME_LABELS or (mention.start, mention.end) in covered:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span, mention.label))
                covered.add((mention.start, mention.end))
    return sorted(spans, key=lambda item: item[0].start)


def article_context(doc: Doc, facts: Sequence[Fact], gazetteer: Gazetteer, names: NameResolver) -> ArticleContext:
    """Scan an article's named mentions: people by surname, candidates, pairs, salient countries.

    Args:
        doc: The parsed article.
        facts: The extractor's facts (their mentions complete the doc's entities).
        gazetteer: The data.
        names: The resolver's name resolution (overrides, alias table, gazetteer).
    """
    context = ArticleContext()
    sents = sentences(doc)
    token_starts = [sent.start for sent in sents]
    spans = _named_spans(doc, facts)
    for span, label in spans:  # full names first: a surname anywhere may need them
        stripped = strip_titles(span.text, gazetteer.titles, lambda w: gazetteer.country_of(w) is not None)
        if label == "PERSON" and len(stripped.name.split()) > 1:
            found = names(stripped.name, label, {})
            if len(found) == 1 and found[0].type == "Person":
                context.people.setdefault(surname(stripped.name), found[0])
    candidates: list[Candidate] = []
    by_token: dict[int, Candidate] = {}
    counts: Counter[str] = Counter()
    first_seen: dict[str, Entry] = {}
    for span, label in spans:
        if label == "NORP":
            country = _norp_country(span, gazetteer)
            entries = [country] if country else []
        else:
            entries = names(complete(span), label, context.people)
        if len(entries) != 1:
            continue
        if entries[0].type == "Person":
            sentence_start = token_starts[bisect.bisect_right(token_starts, span.start) - 1]
            roles, qualifiers = title_before(span, gazetteer, sentence_start)
        else:
            roles, qualifiers = frozenset(), ()
        entry = _with_country(entries[0], qualifiers, gazetteer)
        context.spans[(span.start_char, span.end_char)] = [entry]
        candidate = Candidate(
            start=span.start_char,
            end=span.end_char,
            sentence=0,
            entry=entry,
            subject=_is_subject(span.root),
            roles=roles | entry.roles,
        )
        candidates.append(candidate)
        for i in range(span.start, span.end):
            by_token[i] = candidate
        if entry.type == "Country":
            counts[entry.key] += 1
            first_seen.setdefault(entry.key, entry)
    starts = [sent.start_char for sent in sents]
    antecedents = Antecedents([], [], [], starts, gazetteer)
    candidates = [replace(c, sentence=antecedents.sentence_of(c.start)) for c in candidates]
    pairs = _pairs(doc, candidates, by_token, antecedents, facts, context)
    order = list(first_seen)
    context.salient = [first_seen[k] for k in sorted(counts, key=lambda k: (-counts[k], order.index(k)))]
    context.antecedents = Antecedents(candidates, pairs, [], starts, gazetteer)
    return context


def _pairs(
    doc: Doc,
    candidates: Sequence[Candidate],
    by_token: dict[int, Candidate],
    antecedents: Antecedents,
    facts: Sequence[Fact],
    context: ArticleContext,
) -> list[Pair]:
    """Bilateral mentions: coordinated names, and the two sides of symmetric facts."""
    pairs = []
    for token in (doc[i] for i in sorted(by_token)):
        if token.dep_ == "conj":
            continue
        members = [t for t in token.subtree if t.dep_ == "conj" and t.head.i in {token.i, *(c.i for c in token.conjuncts)}]
        if len(members) != 1 or members[0].i not in by_token:
            continue  # a pair only: a list of three or more is not "the two countries"
        first, second = by_token[token.i], by_token[members[0].i]
        if first.entry.key != second.entry.key:
            pairs.append(Pair(second.end, antecedents.sentence_of(second.start), (first.entry, second.entry)))
    for fact in facts:
        if fact.predicate not in SYMMETRIC_PREDICATES:
            continue
        sides = [context.spans.get((m.start, m.end), []) for m in (fact.subject, fact.object)]
        if all(len(s) == 1 for s in sides) and sides[0][0].key != sides[1][0].key:
            end = max(fact.subject.end, fact.object.end)
            pairs.append(Pair(end, antecedents.sentence_of(end), (sides[0][0], sides[1][0])))
    return pairs


def head_of(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the text between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def agreement_heads(doc: Doc, facts: Sequence[Fact], gazetteer: Gazetteer) -> list[Token]:
    """Heads of the agreement phrases of an article, in order: entity-ruler spans, noun phrases, fact objects."""
    found: list[Token | None] = [ent.root for ent in entities(doc) if ent.label_ == "AGREEMENT"]
    found += [chunk.root for chunk in doc.noun_chunks]
    for fact in facts:
        for mention in (fact.subject, fact.object):
            if mention.label == "AGREEMENT":
                found.append(head_of(doc, mention.start, mention.end))
    heads = {t.i: t for t in found if t is not None and is_agreement_head(t, gazetteer)}
    return [heads[i] for i in sorted(heads)]


def parties_of(head: Token, context: ArticleContext, gazetteer: Gazetteer) -> list[Entry]:
    """The parties an agreement's context names, people standing for their countries."""

    def entities_of(span: Span) -> list[Entry]:
        found = context.spans.get((span.start_char, span.end_char), [])
        out = []
        for entry in found:
            if entry.type == "Person" and entry.country in gazetteer.by_key:
                out.append(gazetteer.by_key[entry.country])
            else:
                out.append(entry)
        return out

    return context_parties(head, entities_of)
