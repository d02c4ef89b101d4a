"""Serve a built graph: a read-only SPARQL 1.1 endpoint at /sparql and the graph view at /.

Results by the Accept header (JSON, XML, CSV, TSV); an update gets 403, a
malformed query 400, a query past --timeout (or a request that waited --wait for
a worker) 503, a body past --max-request-bytes 413; an answer past --max-rows is
cut there and carries X-SPARQL-MaxRows.
"""

from __future__ import annotations

from pathlib import Path

import typer

NAME = "serve"


def command(
    folder: Path = typer.Argument(Path("out"), help="Build folder holding store/ and graph.html."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(7878, "--port", help="Port to listen on (0: any free port)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run."),
    wait: float = typer.Option(60.0, "--wait", help="Seconds a request may wait for a free worker."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Solutions or triples per answer; more are cut off."),
    max_request_bytes: int = typer.Option(1 << 20, "--max-request-bytes", help="Largest request body accepted."),
    workers: int = typer.Option(2, "--workers", help="Queries run at once, each in its own process."),
) -> None:
    from kg.serve import ServerLimits, SparqlServer, serve

    def announce(server: SparqlServer) -> None:
        view = server.url.removesuffix("sparql")
        typer.echo(f"serving {folder} at {server.url} and the view at {view} (Ctrl-C stops)")

    limits = ServerLimits(timeout, wait, max_rows, max_request_bytes, workers)
    serve(folder, host, port, limits, on_start=announce)
