"""Property-based tests (hypothesis): no text crashes reading or extraction, and every fact holds together.

Reading any text gives an article or a ``SourceError`` with a reason, never
another exception. Through the per-article pipeline (nlp, extract, resolve,
rdf, validation gate, store), any text, and the seed sentences shuffled and
mutated, give a graph where each statement names entities that exist (label and
class), carries its provenance (article, sentence, offsets that cut that
sentence out of the article text) and where only occurred facts are direct
triples; the store gives back the same graph, and the same text the same graph.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.errors import SourceError
from kg.extract import extract
from kg.ingest import read_text
from kg.rdf import article_graph, article_iri
from kg.resolve import Resolver
from kg.store import Store
from kg.types import CORE_PREDICATES, Article
from kg.validate import gate
from kg.vocab import KG

from .helpers import ROOT, corpus_module

SEED_SENTENCES: list[str] = corpus_module().seed_sentences(ROOT / "seeds")
STATUSES = {KG.occurred, KG.planned, KG.possible, KG.negated}
CORE = {KG._NS[name] for name in CORE_PREDICATES}
ID = re.compile(r"[a-z0-9_-]+")
TIME_LIMIT = 15.0
"""Seconds one generated article may take through the pipeline (well under one on an idle machine)."""
NOMINAL_CAPTION = "Talks\n\nThe signing of the agreement between Ukraine and Poland on April 29."
"""A sentence with no verb and a date, as photo captions are written."""

HOSTILE_PIECES = [chr(c) for c in range(0x20)] + [
    "\x7f", "\x85", "\xa0", "\u200b", "\u200e", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe", "\U0001f600",
    "<", ">", "&", '"', "'", "\\", "{", "}", "#", "%", "`", " ", ".", "U.S.", "Ukraine", "said",
]
MARKUP = [
    "<script>", "</script>", "<style>p{}</style>", "<iframe src='x'>", "</iframe>", "<p>", "</p>", "<h1>", "</h1>",
    "<article>", "</article>", "<div", ">", "<br/>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;",
    "<meta charset='utf-16'>", "<title>", "</title>", "<body>", "</html>",
]

any_text = st.text(max_size=400)  # any code point but lone surrogates, which no decoder yields
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), max_size=200).map("".join)
markup_junk = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.sampled_from(SEED_SENTENCES), st.text(max_size=20)), max_size=30
).map("".join)


def _huge_line(max_repeat: int) -> st.SearchStrategy[str]:
    units = st.sampled_from(["Ukraine signed. ", "a", "  ", "\t", "by ", ".", "Read more ", "1,", "<p>", "U.S. "])
    return st.builds(lambda unit, n: unit * n, units, st.integers(1, max_repeat))


def _replace_word(words: list[str], draw: Callable, value: str) -> list[str]:
    i = draw(st.integers(0, len(words) - 1))
    return words[:i] + [value] + words[i + 1 :]


MUTATIONS: list[Callable[[list[str], Callable], list[str]]] = [
    lambda words, draw: words,
    lambda words, draw: [w.upper() for w in words],
    lambda words, draw: [w.lower() for w in words],
    lambda words, draw: _replace_word(words, draw, ""),
    lambda words, draw: _replace_word(words, draw, draw(st.sampled_from(["Freedonia", "Russia", "NATO", "he", "not"]))),
    lambda words, draw: _replace_word(words, draw, draw(hostile_text)),
    lambda words, draw: words[: draw(st.integers(1, len(words)))],
    lambda words, draw: list(reversed(words)),
    lambda words, draw: [w.strip(".,;:\"'“”") for w in words],
]
"""Changes of one sentence's words: case, a word dropped or replaced (by a name, a negation, junk), cut, reversed."""


@st.composite
def mutated_story(draw: Callable) -> str:
    """A headline and story from seed sentences, shuffled, each possibly mutated."""
    sentences = draw(st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=8))
    mutated = [" ".join(draw(st.sampled_from(MUTATIONS))(s.split(), draw)) for s in sentences]
    return draw(st.sampled_from([" ", "\n", "\n\n", "\r\n", " \t "])).join(mutated)


# ------------------------------------------------------------------ reading


@settings(max_examples=150, deadline=None, database=None)
@given(text=st.one_of(any_text, hostile_text, markup_junk, _huge_line(20_000)), fmt=st.sampled_from(["txt", "md", "html"]))
def test_reading_any_text_gives_an_article_or_a_reason(text, fmt):
    try:
        article = read_text(text, f"hostile.{fmt}", fmt=fmt)
    except SourceError as exc:
        assert str(exc)
        return
    assert article.text.strip()
    assert ID.fullmatch(article.id)
    assert read_text(text, f"hostile.{fmt}", fmt=fmt) == article, "the same text must give the same article"


# ------------------------------------------------------------------ the per-article pipeline


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure: raise TimeoutError in the test after ``seconds`` (main thread only)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the pipeline took more than {seconds} s on one short article")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _build(nlp, text: str, limit: float = TIME_LIMIT) -> tuple[Article, Graph] | None:
    """The gated main graph of ``text`` read as an article, as ``kg build`` makes it; None if unreadable."""
    try:
        article = read_text(text, "hostile.txt")
    except SourceError:
        return None
    with _time_limit(limit):
        doc = nlp(article.text)
        facts = Resolver(None).resolve(article, doc, extract(doc, article).facts)
        return article, gate(article_graph(article, facts)).main


def _has_name_and_class(graph: Graph, node: object) -> bool:
    return isinstance(node, URIRef) and (node, RDFS.label, None) in graph and (node, RDF.type, None) in graph


def _check(graph: Graph, article: Article) -> None:
    """What a reader of the graph relies on: whole statements, real entities, provenance into the text."""
    article_node = article_iri(article.id)
    assert (article_node, RDF.type, KG.Article) in graph
    occurred = set()
    for statement in graph.subjects(RDF.type, RDF.Statement):
        subject, predicate, obj = (graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        assert _has_name_and_class(graph, subject) and _has_name_and_class(graph, obj), statement
        assert predicate in CORE, predicate
        status = graph.value(statement, KG.status)
        assert status in STATUSES
        assert graph.value(statement, KG.article) == article_node
        start, end, sentence = (graph.value(statement, p) for p in (KG.startOffset, KG.endOffset, KG.sentence))
        assert isinstance(start, Literal) and isinstance(end, Literal) and isinstance(sentence, Literal)
        assert 0 <= start.toPython() < end.toPython() <= len(article.text)
        assert article.text[start.toPython() : end.toPython()].strip() == str(sentence)
        speaker = graph.value(statement, KG.attributedTo)
        assert speaker is None or _has_name_and_class(graph, speaker)
        if status == KG.occurred:
            occurred.add((subject, predicate, obj))
    direct = {(s, p, o) for s, p, o in graph if p in CORE}
    assert direct == occurred, "a direct triple must be exactly an occurred statement"


def _check_pipeline(nlp, text: str) -> None:
    built = _build(nlp, text)
    event("unreadable" if built is None else "no statements" if (None, RDF.type, RDF.Statement) not in built[1] else "statements")
    if built is None:
        return
    article, graph = built
    _check(graph, article)
    store = Store(None)
    store.replace_article(article_iri(article.id), graph, Graph())
    assert set(store.union()) == set(graph), "the store must give back the graph it was given"
    assert set(_build(nlp, text)[1]) == set(graph), "the same text must give the same graph"


PIPELINE = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.model
@PIPELINE
@given(text=st.one_of(any_text, hostile_text, markup_junk, _huge_line(2_000)))
def test_any_text_goes_through_the_pipeline_into_a_sound_graph(nlp, text):
    _check_pipeline(nlp, text)


@pytest.mark.model
@PIPELINE
@given(text=mutated_story())
def test_shuffled_and_mutated_seed_sentences_give_a_sound_graph(nlp, text):
    _check_pipeline(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda path: path.stem)
def test_the_seed_articles_give_a_sound_graph(nlp, seed):
    article, graph = _build(nlp, seed.read_text(encoding="utf-8"))
    assert len(list(graph.subjects(RDF.type, RDF.Statement))) > 10
    _check(graph, article)


@pytest.mark.model
def test_a_verbless_sentence_with_a_date_does_not_hang_the_build(nlp):
    assert _build(nlp, NOMINAL_CAPTION, limit=3.0) is not None
