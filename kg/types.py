"""The records that pass between the stages of the pipeline.

Data flows one way: ``ingest`` makes :class:`Article`; ``extract`` reads a spaCy
``Doc`` of the article and makes :class:`OpenTriple` and :class:`Fact`;
``resolve`` turns the mentions of facts into :class:`Entity` and makes
:class:`ResolvedFact`; ``rdf`` writes those as statements. Every record is
frozen so that no stage can change what an earlier one produced.

Character offsets are always into ``Article.text``: the text that was parsed,
so that a statement's evidence can be cut out of the article again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

__all__ = [
    "Article",
    "ReadFailure",
    "Status",
    "Evidence",
    "Mention",
    "OpenTriple",
    "Fact",
    "Entity",
    "ResolvedFact",
    "CORE_PREDICATES",
    "SYMMETRIC_PREDICATES",
]


@dataclass(frozen=True)
class Article:
    """One news article, reduced to its main story.

    Attributes:
        id: Stable identifier, used in IRIs and as the article's named graph; the
            same source read again gives the same id.
        source: Where it came from: a file path, or ``path:LINE`` for JSONL.
        text: The main story as parsed: headline, then dateline, lead, body and
            photo captions, one paragraph per line. Site chrome is not in it.
        title: The headline, when the source gives one.
        author: The byline's author, when given.
        published: The publication date, when given; relative dates ("last week")
            are resolved against it.
        url: The canonical URL, when given.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A source that could not be read: reported with its name and reason, never fatal."""

    source: str
    reason: str


class Status(str, Enum):
    """Factuality of a fact as the article reports it.

    Only ``OCCURRED`` facts are asserted as direct triples; the others exist only
    as statements ("could sign" is not "signed").
    """

    OCCURRED = "occurred"
    PLANNED = "planned"
    POSSIBLE = "possible"
    NEGATED = "negated"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence and its character span."""

    article_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A span of the article naming an actor, agreement, event or place.

    Attributes:
        text: The words as written ("the U.S.").
        label: The spaCy or entity-ruler label (GPE, PERSON, ORG, NORP, AGREEMENT, ...).
        start: Character offset in ``Article.text``.
        end: Character offset in ``Article.text`` (exclusive).
    """

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class OpenTriple:
    """An open (not ontology-mapped) relation read from one clause.

    ``relation`` and ``arguments`` are surface strings as ``kg openie`` prints
    them; ``lemma`` and ``prepositions`` keep what the lexicon needs to map the
    triple onto the core vocabulary without parsing strings again.

    Attributes:
        relation: The relation phrase ("held the third round of negotiations with").
        arguments: arg1 (the subject), arg2 and any further arguments, as text.
        confidence: In [0, 1]; higher ranks first.
        evidence: The sentence it came from.
        lemma: Lemma of the predicate's head ("hold", "negotiation", "sign").
        argument_mentions: For each argument, the entity mentions inside it.
        status: Factuality of the clause.
        negated: Whether the clause is negated.
    """

    relation: str
    arguments: tuple[str, ...]
    confidence: float
    evidence: Evidence
    lemma: str = ""
    argument_mentions: tuple[tuple[Mention, ...], ...] = ()
    status: Status = Status.OCCURRED


@dataclass(frozen=True)
class Fact:
    """A fact in the core vocabulary, with its evidence, as one article states it.

    Attributes:
        subject: Who or what the fact is about.
        predicate: Local name of a core property (``negotiatesWith``, ...).
        object: The other party, the agreement, or the organisation.
        status: occurred, planned, possible or negated.
        evidence: The sentence it was read from.
        confidence: In [0, 1], good enough to rank facts.
        date: ISO date ("2024-04-29") or year-month ("2023-07") or year ("2023")
            the sentence gives the fact, resolved against the publication date.
        attributed_to: Who the article says stated it ("Blinken said ...").
        relation: The open relation phrase the fact was mapped from.
    """

    subject: Mention
    predicate: str
    object: Mention
    status: Status
    evidence: Evidence
    confidence: float
    date: str | None = None
    attributed_to: Mention | None = None
    relation: str = ""


@dataclass(frozen=True)
class Entity:
    """A canonical real-world entity: one node in the graph.

    Attributes:
        key: Stable key derived from type and canonical name ("country/ukraine");
            the entity's IRI is made from it, so rebuilding gives the same IRI.
        label: Canonical name ("United States").
        type: Ontology class local name (Country, Person, Organization, Agreement,
            Place, Event, Actor).
        aliases: Other names met in the text ("U.S.", "Washington").
        wikidata: Wikidata id ("Q30") when linked.
    """

    key: str
    label: str
    type: str
    aliases: frozenset[str] = field(default_factory=frozenset)
    wikidata: str | None = None


@dataclass(frozen=True)
class ResolvedFact:
    """A fact whose mentions are resolved to canonical entities."""

    subject: Entity
    predicate: str
    object: Entity
    status: Status
    evidence: Evidence
    confidence: float
    date: str | None = None
    attributed_to: Entity | None = None
    relation: str = ""


CORE_PREDICATES: tuple[str, ...] = (
    "negotiatesWith",
    "signsAgreementWith",
    "meetsWith",
    "attacks",
    "providesAidTo",
    "officialOf",
    "pledges",
    "joins",
    "approves",
)
"""The core vocabulary: every fact's predicate is one of these."""

SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"negotiatesWith", "signsAgreementWith", "meetsWith"})
"""Predicates whose facts hold in both directions."""
