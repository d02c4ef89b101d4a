"""Build the graph of articles (files or folders) into an output folder."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.pipeline import build

NAME = "build"


def command(
    sources: list[Path] = typer.Argument(..., help="Article files or folders (.txt .md .html .jsonl)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default: OUT/store)."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable file or violation."),
    infer: bool = typer.Option(False, "--infer", help="Add entailed triples (symmetry, super-properties, classes)."),
) -> None:
    report = build(sources, out, strict=strict, infer=infer, store_path=store)
    typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)
