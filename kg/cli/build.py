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
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Local processes for parsing and extraction."),
    dask: str | None = typer.Option(None, "--dask", help="Dask scheduler address (tcp://HOST:8786), or 'local'."),
    png: bool = typer.Option(False, "--png", help="Also write OUT/graph.png (needs Chromium)."),
) -> None:
    report = build(sources, out, strict=strict, infer=infer, store_path=store, workers=workers, dask=dask, png=png)
    typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)
