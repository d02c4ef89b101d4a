"""The build: articles in, graph out, through every stage in order.

ingest -> nlp -> extract -> resolve -> rdf -> validate -> store -> outputs.

Articles stream from ``ingest`` in batches to :func:`process_batch`, which
parses, extracts, resolves, writes RDF and validates them and hands back
N-Triples text: the same function runs in this process, in N local processes
(``workers``) or on a Dask cluster (``dask``), and only the store, in this
process, writes. A source that cannot be read is reported and the build goes
on with the rest.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from kg import ingest
from kg.errors import OutputError, SourceError, ValidationError
from kg.export import write_build_outputs
from kg.parallel import batched, run_dask, run_local, run_processes
from kg.rdf import article_iri, article_triples
from kg.resolve.aliases import AliasTable
from kg.store import Store, gathered_loads
from kg.types import Article, ReadFailure
from kg.validate import Violation, gate_triples

if TYPE_CHECKING:
    from kg.resolve import Resolver

__all__ = ["ArticleOutput", "BuildReport", "build", "process_batch"]

MAX_CHARS = 1_000_000
"""Longest article the parser takes (spaCy's ``nlp.max_length``); a longer one is reported."""

BATCH_SIZE = 16
"""Articles per batch: large enough for ``nlp.pipe``, small enough to keep memory flat."""


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


@dataclass(frozen=True)
class ArticleOutput:
    """One article's result, in a form that crosses process boundaries cheaply.

    Attributes:
        id: The article's id.
        source: Where it was read from.
        main: N-Triples of the graph that passed the gate.
        quarantine: N-Triples of what the gate rejected, with the reasons.
        sentences: Sentences parsed.
        facts: (predicate, status) of each fact.
        violations: What the gate found.
        aliases: (alias, key, type, label) rows the resolver learned on this article.
    """

    id: str
    source: str
    main: str
    quarantine: str
    sentences: int
    facts: tuple[tuple[str, str], ...]
    violations: tuple[Violation, ...]
    aliases: tuple[tuple[str, str, str, str], ...]


@lru_cache(maxsize=4)
def _cached_resolver(alias_table: str | None, stamp: int | None) -> Resolver:
    from kg.resolve import Resolver

    return Resolver(Path(alias_table) if alias_table else None)


def _resolver(alias_table: str | None) -> Resolver:
    """One resolver per process and state of the alias table on disk.

    It learns names across the batches of a build; a later build (which saved
    the table, or removed it with its output folder) gets a fresh resolver that
    reads the table as that build left it, as a new process would.
    """
    path = Path(alias_table) if alias_table else None
    stamp = path.stat().st_mtime_ns if path is not None and path.exists() else None
    return _cached_resolver(alias_table, stamp)


def process_batch(articles: list[Article], *, alias_table: str | None = None, strict: bool = False) -> list[ArticleOutput]:
    """Parse, extract, resolve, write and validate a batch of articles.

    A pure function of its inputs and the ontology data, so it can run in any
    process; it writes nothing.

    Raises:
        ValidationError: In strict mode, on the first ontology violation.
    """
    # spaCy is imported here, where articles are parsed: a build's main process that only
    # stores what --workers or --dask processes send back never loads it (66 MB, 0.5 s).
    from kg.extract import facts as extract_facts
    from kg.nlp import load_pipeline, sentences

    nlp = load_pipeline()
    resolver = _resolver(alias_table)
    outputs = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=BATCH_SIZE):
        facts = resolver.resolve(article, doc, extract_facts(doc, article))  # open triples are for `kg openie`
        learned = resolver.record()
        result = gate_triples(article_triples(article, facts))
        if strict and result.violations:
            first = result.violations[0]
            raise ValidationError(f"{article.source}: {first.message} (rule {first.rule}, node {first.focus})")
        outputs.append(
            ArticleOutput(
                id=article.id,
                source=article.source,
                main=result.main,
                quarantine=result.quarantine,
                sentences=len(sentences(doc)),
                facts=tuple((fact.predicate, fact.status.value) for fact in facts),
                violations=tuple(result.violations),
                aliases=tuple(learned),
            )
        )
    return outputs


_CONTROL = {c: f"\\x{c:02x}" for c in range(32)}


def _report_failure(failure: ReadFailure) -> None:
    """One line on stderr: control characters in a file name are escaped, not printed."""
    print(f"kg: cannot read {failure.source.translate(_CONTROL)}: {failure.reason}", file=sys.stderr)


def build(
    sources: Iterable[str | Path],
    out: str | Path,
    *,
    strict: bool = False,
    infer: bool = False,
    store_path: str | Path | None = None,
    workers: int = 1,
    dask: str | None = None,
    png: bool = False,
    on_failure: Callable[[ReadFailure], None] = _report_failure,
) -> BuildReport:
    """Build the graph of ``sources`` into the folder ``out``.

    Writes ``out/graph.ttl`` (the merged graph of every article in the store)
    and ``out/graph.html`` (the interactive view), each atomically, and keeps
    the store in ``out/store``.

    Args:
        sources: Files and folders of articles.
        out: Output folder; created when missing.
        strict: Stop at the first unreadable source or ontology violation.
        infer: Add to graph.ttl what ontology/kg.ttl entails (symmetric facts,
            super-properties, classes); the store keeps only what articles say.
        store_path: Where the store lives; ``out/store`` by default.
        workers: Local processes for the per-article work (1: this process).
        dask: A Dask scheduler address, or ``local`` for a local cluster;
            overrides ``workers``.
        png: Also write ``out/graph.png`` (a screenshot, when Chromium is here).
        on_failure: Called with each source that cannot be read.

    Raises:
        SourceError: In strict mode, on the first unreadable source.
        ValidationError: In strict mode, on the first ontology violation.
    """
    started = time.perf_counter()
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot use {out} as the output folder ({exc.strerror or exc}); expected a folder or a new path") from exc
    report = BuildReport(out=out)
    aliases = AliasTable.load(out / "aliases.tsv")
    seen: dict[str, str] = {}

    def fail(failure: ReadFailure) -> None:
        if strict:  # reported once, by whoever catches the error
            raise SourceError(f"cannot read {failure.source.translate(_CONTROL)}: {failure.reason}")
        report.failures.append(failure)
        on_failure(failure)

    def articles() -> Iterator[Article]:
        for item in ingest.read_sources(sources):
            if isinstance(item, ReadFailure):
                fail(item)
            elif len(item.text) > MAX_CHARS:
                fail(ReadFailure(item.source, f"article is {len(item.text):,} characters, over the parser's "
                                 f"limit of {MAX_CHARS:,}; split it into articles"))
            elif item.id in seen:
                fail(ReadFailure(item.source, f"same article id {item.id!r} as {seen[item.id]}; rename one of them"))
            else:
                seen[item.id] = item.source
                yield item

    work = partial(process_batch, alias_table=str(out / "aliases.tsv"), strict=strict)
    batches = batched(articles(), BATCH_SIZE)
    if dask:
        results = run_dask(work, batches, dask)
    elif workers > 1:
        results = run_processes(work, batches, workers)
    else:
        results = run_local(work, batches)
    def rows() -> Iterator[list[tuple[str, str, str]]]:
        """Each batch's articles as the store takes them, once the report has counted them."""
        for outputs in results:
            for output in outputs:
                _count(report, output)
                for row in output.aliases:
                    aliases.add(*row)
            yield [(str(article_iri(o.id)), o.main, o.quarantine) for o in outputs]

    with Store(Path(store_path) if store_path else out / "store") as store:
        # One writer thread keeps the store's writes in order; Oxigraph releases the GIL
        # while it loads, so writing overlaps the parsing of the next batches. One load
        # waits at most while the next is gathered.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store") as writer:
            pending: deque[Future[None]] = deque()
            for load in gathered_loads(rows()):
                pending.append(writer.submit(store.replace_articles_ntriples, load))
                while len(pending) > 1:
                    pending.popleft().result()
            for future in pending:
                future.result()
            aliases.save()
            compacting = writer.submit(store.compact)  # RocksDB merges the batches' files while the outputs are read
            write_build_outputs(store, out, infer=infer, png=png)
            report.entities_by_type.update(store.entity_counts())
            compacting.result()
    report.seconds = time.perf_counter() - started
    return report


def _count(report: BuildReport, output: ArticleOutput) -> None:
    report.articles += 1
    report.sentences += output.sentences
    report.violations += len(output.violations)
    report.facts_by_predicate_status.update(output.facts)
