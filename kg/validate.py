"""The validation gate: facts that violate the ontology go to quarantine with the reason.

STUB: the ontology stage replaces this with pySHACL over ontology/shapes.ttl.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

__all__ = ["Violation", "GateResult", "gate"]


@dataclass(frozen=True)
class Violation:
    """One broken rule: the node that broke it, the rule, and the message."""

    focus: str
    rule: str
    message: str


@dataclass
class GateResult:
    """The graph split into what conforms and what is quarantined, with the reasons."""

    main: Graph
    quarantine: Graph
    violations: list[Violation] = field(default_factory=list)


def gate(graph: Graph) -> GateResult:
    """Split ``graph`` into the conforming main graph and the quarantine."""
    return GateResult(main=graph, quarantine=Graph())
