"""What the robustness tests share: running ``kg`` as a user does, and reading what it wrote."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from rdflib import Graph
from rdflib.namespace import RDF

from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[2]
KG_BIN = Path(sys.executable).with_name("kg")
OUTPUTS = ("graph.ttl", "graph.html", "aliases.tsv")
"""The files of a build folder that a reader opens; each is written atomically."""


def run_kg(*args: str | Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run the ``kg`` console script in a subprocess, as a user would, and wait for it."""
    return subprocess.run(
        [str(KG_BIN), *map(str, args)], capture_output=True, text=True, timeout=timeout, check=False
    )


def read_graph(out: Path) -> Graph:
    """``out/graph.ttl`` parsed; a half-written file fails here."""
    return Graph().parse(out / "graph.ttl", format="turtle")


def sources_with_facts(graph: Graph) -> set[str]:
    """File names of the articles that at least one statement of ``graph`` cites as evidence."""
    articles = {graph.value(statement, KG.article) for statement in graph.subjects(RDF.type, RDF.Statement)}
    return {Path(str(graph.value(article, KG.source))).name for article in articles if article is not None}


def snapshot(out: Path) -> dict[str, bytes]:
    """The bytes of the build folder's output files that exist."""
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The non-empty lines kg wrote to stderr."""
    return [line for line in result.stderr.splitlines() if line.strip()]


def corpus_module() -> ModuleType:
    """``benchmarks/corpus.py`` (the corpus generator), imported from its file."""
    spec = importlib.util.spec_from_file_location("kg_benchmarks_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
