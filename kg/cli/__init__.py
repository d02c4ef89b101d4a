"""The ``kg`` command: a Typer app, one module per command.

Each command only parses its arguments and calls the same API a notebook
calls; errors of kg become one line on stderr and exit status 2.
"""

from __future__ import annotations

import sys

import typer

from kg.cli import build, ontology, openie, validate, viz, export, query, remove, serve
from kg.errors import KGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of actors, agreements and events from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for module in (build, openie, viz, validate, ontology, query, serve, export, remove):
    app.command(name=module.NAME, help=module.__doc__)(module.command)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KGError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        sys.exit(2)
