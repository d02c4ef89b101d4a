"""Ask a built graph (or any SPARQL endpoint) a question: SPARQL text, a .rq file or a saved query's name.

Without QUERY, list the saved queries of ontology/queries/. The kg prefixes
(kg:, kge:, kga:, rdfs:, skos: ...) need no PREFIX line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.errors import QueryError

NAME = "query"


def command(
    query: str | None = typer.Argument(None, help="SPARQL text, a .rq file, or a saved query's name (signed-with)."),
    graph: Path = typer.Option(Path("out"), "--graph", "-g", help="Build folder (or store folder) to query."),
    endpoint: str | None = typer.Option(None, "--endpoint", "-e", help="URL of a SPARQL 1.1 endpoint to query instead."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv, json or xml (SPARQL 1.1 results)."),
    param: list[str] = typer.Option([], "--param", "-p", help="A saved query's parameter, NAME=VALUE (repeatable)."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds to wait for a remote endpoint."),
) -> None:
    from kg.query import bind_parameters, resolve_query, run_endpoint, run_local, saved_queries, with_prefixes
    from kg.query import write_results

    if query is None:
        for saved in saved_queries().values():
            parameters = "".join(f" --param {name}=..." for name, _ in saved.parameters)
            typer.echo(f"{saved.name + parameters:<32} {saved.description}")
        return
    values = {}
    for item in param:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise QueryError(f"expected --param NAME=VALUE, got {item!r}")
        values[name.strip()] = value
    text = bind_parameters(resolve_query(query), values)
    if endpoint:
        results = run_endpoint(endpoint, with_prefixes(text), timeout=timeout)
        write_results(results, sys.stdout, fmt)
        return
    from kg.store import open_store

    with open_store(graph, read_only=True) as store:
        write_results(run_local(store, text), sys.stdout, fmt)
