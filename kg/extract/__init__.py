"""Extraction: open triples from clauses, mapped onto the core vocabulary.

Two layers, both pure functions over a parsed ``Doc`` that change nothing:

* open triples (``triples.py``): every clause of every sentence, CaRB style,
  what ``kg openie`` prints;
* facts (``mapping.py`` over ``clauses.py``, plus ``roles.py``): clauses whose
  predicate the lexicon in ``ontology/predicates.tsv`` knows, as core-vocabulary
  facts with status (``factuality.py``), date (``time.py``), source and
  confidence (``confidence.py``).

Examples:
    >>> from kg.nlp import load_pipeline
    >>> from kg.types import Article
    >>> text = "Ukraine signed a security agreement with France on Feb. 16, 2024."
    >>> article = Article(id="a", source="a.txt", text=text)
    >>> [(f.subject.text, f.predicate, f.object.text, f.status.value, f.date)
    ...  for f in extract(load_pipeline()(text), article).facts]
    [('Ukraine', 'signsAgreementWith', 'France', 'occurred', '2024-02-16')]
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract.clauses import Clause, clauses, relation_phrase, verb_clause
from kg.extract.confidence import fact_confidence, role_confidence
from kg.extract.factuality import attribution, status
from kg.extract.mapping import Lexicon, load_lexicon, pairings
from kg.extract.mentions import article_country, entity_mentions, mention_for
from kg.extract.roles import roles
from kg.extract.time import clause_date
from kg.extract.triples import sentence_triples
from kg.nlp import entities, sentences
from kg.types import Article, Evidence, Fact, Mention, OpenTriple, Status

__all__ = ["Extraction", "extract", "facts", "open_triples"]


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its open triples, its facts, its entity mentions."""

    open_triples: tuple[OpenTriple, ...] = ()
    facts: tuple[Fact, ...] = ()
    mentions: tuple[Mention, ...] = field(default_factory=tuple)


def _evidence(sent: Span, article_id: str) -> Evidence:
    return Evidence(article_id=article_id, sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char)


def _clause_facts(
    clause: Clause, sent: Span, dates: list[Span], article: Article, lexicon: Lexicon, home: Mention | None
) -> list[Fact]:
    found = []
    clause_status: Status | None = None
    for pairing in pairings(clause, lexicon, home):
        if clause_status is None:
            clause_status = status(clause)
        source = attribution(clause)
        anchors = [clause.predicate, *( [clause.anchor] if clause.anchor is not None else [])]
        anchors += [c for c in clause.predicate.children if c.dep_ == "acl"]
        distance = abs(pairing.subject.start - pairing.object.start) // 6
        found.append(
            Fact(
                subject=pairing.subject,
                predicate=pairing.frame.predicate,
                object=pairing.object,
                status=clause_status,
                evidence=_evidence(sent, article.id),
                confidence=fact_confidence(clause.kind, pairing.subject, pairing.object, clause_status, distance),
                date=clause_date(anchors, dates, article.published),
                attributed_to=mention_for(source) if source is not None else None,
                relation=relation_phrase(clause, pairing.role),
            )
        )
    return found


def facts(doc: Doc, article: Article) -> list[Fact]:
    """The core-vocabulary facts of one parsed article, in text order."""
    lexicon = load_lexicon()
    home = article_country(doc)
    found: list[Fact] = []
    sents = sentences(doc)
    dates: list[list[Span]] = [[] for _ in sents]
    starts = [sent.start for sent in sents]
    for ent in entities(doc):
        if ent.label_ == "DATE":
            dates[bisect_right(starts, ent.start) - 1].append(ent)
    for sent, sent_dates in zip(sents, dates):
        for clause in clauses(sent, lexicon.nouns):
            found.extend(_clause_facts(clause, sent, sent_dates, article, lexicon, home))
    for role in roles(doc, home):
        span = doc.char_span(role.person.start, role.person.end, alignment_mode="expand")
        evidence_sent = span.sent if span is not None else doc[:]
        found.append(
            Fact(
                subject=role.person,
                predicate="officialOf",
                object=role.office,
                status=Status.OCCURRED,
                evidence=_evidence(evidence_sent, article.id),
                confidence=role_confidence(role.explicit),
                relation=role.title,
            )
        )
    return _unique(found)


def _unique(found: list[Fact]) -> list[Fact]:
    """One fact per (subject, predicate, object, status, sentence): the most confident."""
    best: dict[tuple[object, ...], Fact] = {}
    for fact in found:
        key = (fact.subject, fact.predicate, fact.object, fact.status, fact.evidence.start)
        if key not in best or fact.confidence > best[key].confidence:
            best[key] = fact
    return sorted(best.values(), key=lambda f: (f.evidence.start, f.subject.start, f.object.start))


def open_triples(doc: Doc, article_id: str = "") -> list[OpenTriple]:
    """The open triples of every sentence of ``doc``."""
    found = []
    for sent in sentences(doc):
        evidence = _evidence(sent, article_id)
        for raw in sentence_triples(sent):
            found.append(
                OpenTriple(
                    relation=raw.relation,
                    arguments=raw.arguments,
                    confidence=raw.confidence,
                    evidence=evidence,
                    lemma=raw.head.lemma_,
                    status=status(verb_clause(raw.head)) if raw.kind != "appos" else Status.OCCURRED,
                    argument_mentions=tuple(
                        (m,) if h is not None and (m := mention_for(h)) is not None else () for h in raw.argument_heads
                    ),
                )
            )
    return found


def extract(doc: Doc, article: Article) -> Extraction:
    """Extract everything from one parsed article: open triples, facts, mentions."""
    return Extraction(
        open_triples=tuple(open_triples(doc, article.id)),
        facts=tuple(facts(doc, article)),
        mentions=tuple(entity_mentions(doc)),
    )
