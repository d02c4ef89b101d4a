"""Take an article (by id, file name or source path) out of a built graph, and rewrite graph.ttl and graph.html."""

from __future__ import annotations

from pathlib import Path

import typer

NAME = "remove"


def command(
    article: str = typer.Argument(..., help="The article's id, file name or source path."),
    graph: Path = typer.Option(Path("out"), "--graph", "-g", help="Build folder whose graph.ttl to rewrite."),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default: GRAPH/store)."),
    infer: bool = typer.Option(False, "--infer", help="Write entailments into graph.ttl, as `kg build --infer`."),
) -> None:
    from kg.export import write_build_outputs
    from kg.store import open_store

    with open_store(store or graph / "store") as opened:
        found = opened.find_article(article)
        opened.remove_article(found.iri)
        write_build_outputs(opened, graph, infer=infer)
    typer.echo(f"removed {found.id} ({found.source}); rewrote {graph / 'graph.ttl'}")
