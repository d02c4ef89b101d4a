"""Print the open triples of each sentence of FILE (one sentence per line).

Output: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...
"""

from __future__ import annotations

from pathlib import Path

import typer

from kg.extract import open_triples
from kg.nlp import load_pipeline

NAME = "openie"


def command(file: Path = typer.Argument(..., help="Text file, one sentence per line.")) -> None:
    sentences = [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_pipeline()
    for sentence, doc in zip(sentences, nlp.pipe(sentences, batch_size=64)):
        for triple in open_triples(doc):
            typer.echo("\t".join((sentence, f"{triple.confidence:.3f}", triple.relation, *triple.arguments)))
