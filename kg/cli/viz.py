"""Write a smaller interactive view of a built graph: around one entity, or its busiest entities."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.errors import SourceError

NAME = "viz"


def command(
    folder: Path = typer.Argument(..., help="A build folder (holding graph.ttl) or a Turtle file."),
    focus: str | None = typer.Option(None, "--focus", help="Label or alias of the entity to centre on."),
    depth: int = typer.Option(2, "--depth", help="How many links away from --focus to keep."),
    top: int | None = typer.Option(None, "--top", help="Keep only the N entities with the most facts."),
    output: Path | None = typer.Option(None, "--output", "-o", help="HTML file (default: DIR/graph-focus.html)."),
) -> None:
    from kg.viz import write_html

    source = folder / "graph.ttl" if folder.is_dir() else folder
    if not source.is_file():
        raise SourceError(f"expected a build folder with graph.ttl or a .ttl file, got {folder}; run `kg build` first")
    target = output or (source.parent / "graph-focus.html")
    write_html(source, target, focus=focus, depth=depth, top_nodes=top)
    typer.echo(f"wrote {target}")
