"""Print the open triples of each sentence of FILE (one sentence per line).

Output, one extraction per line: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...
(the CaRB system format; arg3 and later are time, place and other phrases).
"""

from __future__ import annotations

from pathlib import Path

import typer

from kg.errors import SourceError

NAME = "openie"


def command(file: Path = typer.Argument(..., help="Text file, one sentence per line.")) -> None:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(
            f"expected a UTF-8 text file with one sentence per line at {file}, but it cannot be read ({exc}); "
            "check the path"
        ) from exc
    from kg.extract import open_triples  # spaCy: imported by the one command that parses here
    from kg.nlp import load_pipeline

    sentences = [line.strip() for line in lines if line.strip()]
    nlp = load_pipeline()
    for sentence, doc in zip(sentences, nlp.pipe(sentences, batch_size=64)):
        for triple in open_triples(doc):
            typer.echo("\t".join((sentence, f"{triple.confidence:.3f}", triple.relation, *triple.arguments)))
