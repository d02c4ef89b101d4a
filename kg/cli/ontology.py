"""Regenerate kg/vocab.py and the tables of ontology/README.md from ontology/kg.ttl.

Run it after editing kg.ttl. With --check, write nothing and exit 1 when
either file is out of date.
"""

from __future__ import annotations

import typer

from kg.ontology_doc import regenerate

NAME = "ontology"


def command(
    check: bool = typer.Option(False, "--check", help="Only report out-of-date files; exit 1 if any."),
) -> None:
    stale = regenerate(check=check)
    for path in stale:
        typer.echo(f"{'out of date' if check else 'wrote'} {path}")
    if not stale:
        typer.echo("kg/vocab.py and ontology/README.md are up to date with ontology/kg.ttl")
    if check and stale:
        raise typer.Exit(1)
