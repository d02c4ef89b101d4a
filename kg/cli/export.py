"""Export a built graph: Turtle, N-Triples, JSON-LD (the merged graph), N-Quads, TriG (one graph per article), GraphML."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

NAME = "export"


def command(
    folder: Path = typer.Argument(Path("out"), help="Build folder (or store folder) to export."),
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle, ntriples, nquads, trig, jsonld or graphml."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (atomically); default stdout."),
    quarantine: bool = typer.Option(False, "--quarantine", help="Also the quarantine graphs (nquads, trig)."),
) -> None:
    from kg.export import export
    from kg.store import open_store

    with open_store(folder, read_only=True) as store:
        data = export(store, fmt, output, quarantine=quarantine)
    if data is not None:
        sys.stdout.buffer.write(data)
    else:
        typer.echo(f"wrote {output}", err=True)
