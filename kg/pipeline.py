"""The build: articles in, graph out, through every stage in order.

ingest -> nlp -> extract -> resolve -> rdf -> validate -> store -> outputs.
Articles stream through ``nlp.pipe``; a source that cannot be read is
reported and the build goes on with the rest.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import RDFS

from kg import ingest
from kg.atomic import atomic_path
from kg.errors import SourceError, ValidationError
from kg.extract import extract
from kg.infer import infer as entail
from kg.nlp import load_pipeline
from kg.rdf import article_graph, article_iri
from kg.resolve import Resolver
from kg.store import Store
from kg.types import Article, ReadFailure
from kg.validate import gate
from kg.viz import screenshot, write_html
from kg.vocab import KG

__all__ = ["BuildReport", "build"]


@dataclass
class BuildReport:
    """What a build did: the figures of its summary and what failed."""

    out: Path
    articles: int = 0
    sentences: int = 0
    entities_by_type: Counter[str] = field(default_factory=Counter)
    facts_by_predicate_status: Counter[tuple[str, str]] = field(default_factory=Counter)
    violations: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """The summary printed at the end of ``kg build``."""
        lines = [
            f"articles   {self.articles}",
            f"sentences  {self.sentences}",
            "entities   "
            + (", ".join(f"{t} {n}" for t, n in sorted(self.entities_by_type.items())) or "none"),
            f"facts      {sum(self.facts_by_predicate_status.values())}",
        ]
        by_predicate: dict[str, Counter[str]] = {}
        for (predicate, status), n in self.facts_by_predicate_status.items():
            by_predicate.setdefault(predicate, Counter())[status] = n
        for predicate in sorted(by_predicate):
            counts = by_predicate[predicate]
            detail = ", ".join(f"{s} {n}" for s, n in sorted(counts.items()))
            lines.append(f"  {predicate:<20} {sum(counts.values()):>4}  ({detail})")
        lines += [
            f"violations {self.violations}",
            f"failed     {len(self.failures)}",
            f"seconds    {self.seconds:.1f}",
            f"wrote      {self.out / 'graph.ttl'}, {self.out / 'graph.html'}",
        ]
        return "\n".join(lines)


def _report_failure(failure: ReadFailure) -> None:
    print(f"kg: cannot read {failure.source}: {failure.reason}", file=sys.stderr)


def build(
    sources: Iterable[str | Path],
    out: str | Path,
    *,
    strict: bool = False,
    infer: bool = False,
    store_path: str | Path | None = None,
    on_failure: Callable[[ReadFailure], None] = _report_failure,
) -> BuildReport:
    """Build the graph of ``sources`` into the folder ``out``.

    Writes ``out/graph.ttl`` (the merged graph of every article in the store)
    and ``out/graph.html`` (the interactive view), each atomically.

    Args:
        sources: Files and folders of articles.
        out: Output folder; created when missing.
        strict: Stop at the first unreadable source or ontology violation.
        infer: Add to graph.ttl what ontology/kg.ttl entails (symmetric facts,
            super-properties, classes); the store keeps only what articles say.
        store_path: Where the store lives; ``out/store`` by default.
        on_failure: Called with each source that cannot be read.

    Raises:
        SourceError: In strict mode, on the first unreadable source.
        ValidationError: In strict mode, on the first ontology violation.
    """
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(out=out)
    nlp = load_pipeline()
    resolver = Resolver(out / "aliases.tsv")
    store = Store(Path(store_path) if store_path else out / "store")

    def articles() -> Iterator[tuple[str, Article]]:
        for item in ingest.read_sources(sources):
            if isinstance(item, ReadFailure):
                report.failures.append(item)
                on_failure(item)
                if strict:
                    raise SourceError(f"cannot read {item.source}: {item.reason}")
                continue
            yield item.text, item

    try:
        for doc, article in nlp.pipe(articles(), as_tuples=True, batch_size=16):
            extraction = extract(doc, article)
            facts = resolver.resolve(article, doc, extraction.facts)
            result = gate(article_graph(article, facts))
            if strict and result.violations:
                first = result.violations[0]
                raise ValidationError(f"{article.source}: {first.message} (rule {first.rule}, node {first.focus})")
            store.replace_article(article_iri(article.id), result.main, result.quarantine)
            report.articles += 1
            report.sentences += sum(1 for _ in doc.sents)
            report.violations += len(result.violations)
            for fact in facts:
                report.facts_by_predicate_status[(fact.predicate, fact.status.value)] += 1
        resolver.save()
        merged = store.union()
        _count_entities(merged, report)
        with atomic_path(out / "graph.ttl") as tmp:
            (entail(merged) if infer else merged).serialize(destination=tmp, format="turtle")
        with atomic_path(out / "graph.html") as tmp:
            write_html(merged, tmp)
        screenshot(out / "graph.html", out / "graph.png")
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def _count_entities(graph: Graph, report: BuildReport) -> None:
    for node in set(graph.subjects(RDFS.label, None)):
        for cls in graph.objects(node, RDF.type):
            if cls != KG.Article and str(cls).startswith(str(KG._NS)):
                report.entities_by_type[str(cls).rsplit("#", 1)[-1]] += 1
