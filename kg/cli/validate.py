"""Check a built graph against the ontology's shapes and report what breaks.

Reads DIR/graph.ttl (and DIR/quarantine.trig when present), validates the
main graph with pySHACL against ontology/shapes.ttl, and prints each broken
rule with its node, message and evidence sentence, then why each quarantined
fact was kept out. Exits 1 when the main graph breaks a rule.
"""

from __future__ import annotations

from pathlib import Path

import typer

from kg.validate import ENGINES, Violation, check_dir

NAME = "validate"


def _lines(title: str, found: list[Violation], sentences: dict[str, str]) -> list[str]:
    lines = [f"{title}: {len(found)}"]
    for v in found:
        lines.append(f"  rule {v.rule} ({v.component.removesuffix('ConstraintComponent')}) on {v.focus}")
        lines.append(f"    {v.message}")
        if v.value and v.value != v.focus:
            lines.append(f"    value: {v.value}")
        if v.focus in sentences:
            lines.append(f"    sentence: {sentences[v.focus]}")
    return lines


def command(
    directory: Path = typer.Argument(Path("out"), help="A folder written by kg build (holds graph.ttl)."),
    engine: str = typer.Option("pyshacl", "--engine", help=f"Validator: {', '.join(ENGINES)}."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the counts."),
) -> None:
    check = check_dir(directory, engine=engine)
    if quiet:
        typer.echo(f"violations in main graph: {len(check.violations)}")
        typer.echo(f"quarantined: {len(check.quarantined)}")
    else:
        typer.echo("\n".join(_lines("violations in main graph", check.violations, check.sentences)))
        typer.echo("\n".join(_lines("quarantined", check.quarantined, check.sentences)))
    if check.violations:
        raise typer.Exit(1)
