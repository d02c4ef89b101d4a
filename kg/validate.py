"""The validation gate: facts that break the ontology go to quarantine with the reason.

Every article graph is checked against ``ontology/shapes.ttl`` before it is
stored. A statement that breaks a shape is moved, with its direct triple, its
event (when no other statement reports it) and the entities only it uses, into
the article's quarantine graph, linked by ``kg:violation`` to a
``sh:ValidationResult`` that names the rule and says what was wrong. Nothing is
dropped: the main graph and the quarantine together hold every triple the
article produced.

Two engines check the same shapes file. ``pyshacl`` is the judge: the reference
implementation of SHACL, used by ``kg validate`` and by the tests. ``fast``
interprets the SHACL Core subset that shapes.ttl uses directly on rdflib lookups
and refuses to load a shape it does not understand; the build uses it because
pySHACL costs more per article than parsing the article does. The tests check
that both engines report the same violations, rule by rule.

Examples:
    >>> from kg.rdf import article_graph
    >>> from kg.types import Article
    >>> result = gate(article_graph(Article(id="a1", source="a1.txt", text=""), []))
    >>> result.violations
    []
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from decimal import Decimal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import BNode, Node

from kg.errors import ModelError, StoreError
from kg.rdf import Triple, graph_of, ntriples
from kg.resources import ontology_file
from kg.vocab import KG, VIOLATION

__all__ = ["ENGINES", "KGSH", "Violation", "GateResult", "GatedText", "Shapes", "load_shapes", "violations", "split", "gate", "gate_triples", "DirectoryCheck", "check_dir"]

KGSH = Namespace("https://w3id.org/kg/shapes#")
"""The namespace of the rules in shapes.ttl."""

ENGINES = ("fast", "pyshacl")
"""The validators by name: ``fast`` for the build, ``pyshacl`` the judge."""

_STATEMENT_LINKS = (RDF.subject, RDF.object, KG.attributedTo)


@dataclass(frozen=True)
class Violation:
    """One broken rule: the node that broke it, the rule, and the message.

    Attributes:
        focus: The node that breaks the rule (a statement, entity, event, article).
        rule: The rule's name: the local name of its shape in shapes.ttl.
        message: What the rule expects (the shape's ``sh:message``).
        component: The SHACL constraint that failed (``MinCountConstraintComponent``).
        path: The property the rule checks, when it checks one.
        value: The offending value, when there is one.
    """

    focus: str
    rule: str
    message: str
    component: str = ""
    path: str = ""
    value: str = ""

    def key(self) -> tuple[str, str, str]:
        """What two engines must agree on: node, rule and failed constraint."""
        return (self.focus, self.rule, self.component)


@dataclass
class GateResult:
    """The graph split into what conforms and what is quarantined, with the reasons."""

    main: Graph
    quarantine: Graph
    violations: list[Violation] = field(default_factory=list)


# ---------------------------------------------------------------- the shapes


@dataclass(frozen=True)
class Shapes:
    """shapes.ttl parsed once, with kg.ttl's class hierarchy that ``sh:class`` needs.

    Attributes:
        graph: The shapes graph.
        hierarchy: The ``rdfs:subClassOf`` triples of kg.ttl, added to each data
            graph so that a ``kg:Country`` is a ``kg:Actor`` without inference.
        superclasses: Each class of kg.ttl with its superclasses, itself included.
    """

    graph: Graph
    hierarchy: Graph
    superclasses: dict[Node, frozenset[Node]]


def _parse(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ModelError(
            f"expected Turtle at {path}, got an error reading it ({exc}); restore the file from git or fix it"
        ) from exc


@cache
def load_shapes() -> Shapes:
    """The shapes and the class hierarchy, read once per process."""
    graph = _parse(ontology_file("shapes.ttl"))
    ontology = _parse(ontology_file("kg.ttl"))
    hierarchy = Graph()
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            hierarchy.add((sub, RDFS.subClassOf, sup))
    superclasses = {
        cls: frozenset(c for c in hierarchy.transitive_objects(cls, RDFS.subClassOf) if c is not None)
        for cls in set(hierarchy.subjects(RDFS.subClassOf, None))
    }
    return Shapes(graph, hierarchy, superclasses)


def _local(node: Node | None) -> str:
    text = str(node or "")
    return re.split(r"[#/]", text)[-1]


# ---------------------------------------------------------------- the fast engine

_Check = Callable[["_Data", Node], bool]
_Rule = Callable[["_Data", Node], Iterator[tuple[str, Node | None]]]
"""A compiled constraint: the (failed component, value) pairs for one focus node."""

_KNOWN = {
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.property, SH.path,
    SH.name, SH.message, SH.description, SH.severity, RDF.type, RDFS.comment, RDFS.label,
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH["in"], SH.hasValue,
    SH.minInclusive, SH.maxInclusive, SH.minLength, SH.pattern, SH.lessThan, SH["or"], SH["not"], SH.node,
}  # fmt: skip


class _Data:
    """One pass over the data graph into dictionaries: rdflib lookups cost more than the checks.

    Attributes:
        out: Each subject's objects by property.
        subjects_of: The subjects of each property.
        objects_of: The objects of each property.
        types: Each typed node's classes with their superclasses in kg.ttl.
        instances: The nodes of each class, by the same reckoning.
    """

    def __init__(self, graph: Graph | Sequence[Triple], superclasses: dict[Node, frozenset[Node]]) -> None:
        self.out: dict[Node, dict[Node, list[Node]]] = {}
        self.subjects_of: dict[Node, set[Node]] = {}
        self.objects_of: dict[Node, set[Node]] = {}
        for s, p, o in graph:
            self.out.setdefault(s, {}).setdefault(p, []).append(o)
            self.subjects_of.setdefault(p, set()).add(s)
            self.objects_of.setdefault(p, set()).add(o)
        self.types: dict[Node, frozenset[Node]] = {
            node: frozenset({c for t in classes for c in (t, *superclasses.get(t, ()))})
            for node, props in self.out.items()
            if (classes := props.get(RDF.type))
        }
        self.instances: dict[Node, set[Node]] = {}
        for node, types in self.types.items():
            for cls in types:
                self.instances.setdefault(cls, set()).add(node)

    def objects(self, node: Node, prop: Node) -> list[Node]:
        return self.out.get(node, {}).get(prop, [])

    def is_instance(self, node: Node, cls: Node) -> bool:
        return cls in self.types.get(node, ())


class _Compiler:
    """Turns shapes into Python closures over a :class:`_Data` index of the graph."""

    def __init__(self, shapes: Shapes) -> None:
        self.shapes = shapes
        self.g = shapes.graph
        self._conforms: dict[Node, _Check] = {}

    def values(self, shape: Node) -> Callable[[_Data, Node], list[Node]]:
        path = self.g.value(shape, SH.path)
        if path is None:
            return lambda data, focus: [focus]
        if not isinstance(path, URIRef):
            raise ModelError(f"expected a path of one property in shape {shape}, got {path}; the fast engine reads no other")
        return lambda data, focus: data.objects(focus, path)

    def components(self, shape: Node) -> list[_Rule]:
        """Every constraint of ``shape`` itself (not of its sh:property shapes)."""
        for predicate in set(self.g.predicates(shape, None)):
            if predicate not in _KNOWN:
                raise ModelError(
                    f"expected SHACL Core terms the fast engine knows in {shape}, got {predicate}; "
                    "extend kg.validate's fast engine or drop the term from shapes.ttl"
                )
        values = self.values(shape)
        rules: list[_Rule] = []
        for predicate, obj in self.g.predicate_objects(shape):
            rule = self._component(predicate, obj, values)
            if rule is not None:
                rules.append(rule)
        return rules

    def _component(self, predicate: Node, obj: Node, values: Callable[[_Data, Node], list[Node]]) -> _Rule | None:
        each: _Check | None = None
        name = ""
        if predicate == SH.minCount:
            low = int(obj)  # type: ignore[call-overload]
            return _count_rule("MinCountConstraintComponent", values, lambda n: n >= low)
        if predicate == SH.maxCount:
            high = int(obj)  # type: ignore[call-overload]
            return _count_rule("MaxCountConstraintComponent", values, lambda n: n <= high)
        if predicate == SH.hasValue:
            return _count_rule("HasValueConstraintComponent", values, None, obj)
        if predicate == SH.lessThan:
            return _less_than_rule(values, obj)
        if predicate == SH["class"]:
            name, each = "ClassConstraintComponent", lambda data, v: data.is_instance(v, obj)
        elif predicate == SH.datatype:
            name, each = "DatatypeConstraintComponent", lambda data, v: _has_datatype(v, obj)
        elif predicate == SH.nodeKind:
            kind = {SH.IRI: URIRef, SH.Literal: Literal, SH.BlankNode: BNode}[obj]  # type: ignore[index]
            name, each = "NodeKindConstraintComponent", lambda data, v: isinstance(v, kind)
        elif predicate == SH["in"]:
            allowed = frozenset(Collection(self.g, obj))  # type: ignore[arg-type]
            name, each = "InConstraintComponent", lambda data, v: v in allowed
        elif predicate in (SH.minInclusive, SH.maxInclusive):
            sign = 1 if predicate == SH.minInclusive else -1
            name = "MinInclusiveConstraintComponent" if sign == 1 else "MaxInclusiveConstraintComponent"
            each = lambda data, v: _compare(v, obj, sign)  # noqa: E731
        elif predicate == SH.minLength:
            length = int(obj)  # type: ignore[call-overload]
            name, each = "MinLengthConstraintComponent", lambda data, v: not isinstance(v, BNode) and len(str(v)) >= length
        elif predicate == SH.pattern:
            regex = re.compile(str(obj))
            name, each = "PatternConstraintComponent", lambda data, v: not isinstance(v, BNode) and bool(regex.search(str(v)))
        elif predicate == SH["or"]:
            members = [self.conforms(m) for m in Collection(self.g, obj)]  # type: ignore[arg-type]
            name, each = "OrConstraintComponent", lambda data, v: any(m(data, v) for m in members)
        elif predicate == SH["not"]:
            inner = self.conforms(obj)
            name, each = "NotConstraintComponent", lambda data, v: not inner(data, v)
        elif predicate == SH.node:
            inner = self.conforms(obj)
            name, each = "NodeConstraintComponent", lambda data, v: inner(data, v)
        if each is None:
            return None
        check, component = each, name

        def rule(data: _Data, focus: Node) -> Iterator[tuple[str, Node | None]]:
            for value in values(data, focus):
                if not check(data, value):
                    yield component, value

        return rule

    def conforms(self, shape: Node) -> _Check:
        """Whether a node conforms to ``shape`` and all its sh:property shapes."""
        if shape not in self._conforms:
            rules: list[_Rule] = []
            self._conforms[shape] = lambda data, node: not any(any(r(data, node)) for r in rules)
            rules += self.components(shape)
            for prop in self.g.objects(shape, SH.property):
                rules += self.components(prop)
        return self._conforms[shape]

    def targets(self, shape: Node) -> Callable[[_Data], set[Node]]:
        classes = list(self.g.objects(shape, SH.targetClass))
        subjects_of = list(self.g.objects(shape, SH.targetSubjectsOf))
        objects_of = list(self.g.objects(shape, SH.targetObjectsOf))
        nodes = set(self.g.objects(shape, SH.targetNode))

        def focus_nodes(data: _Data) -> set[Node]:
            found = set(nodes)
            for p in subjects_of:
                found.update(data.subjects_of.get(p, ()))
            for p in objects_of:
                found.update(data.objects_of.get(p, ()))
            for cls in classes:
                found.update(data.instances.get(cls, ()))
            return found

        return focus_nodes


def _count_rule(
    component: str, values: Callable[[_Data, Node], list[Node]], ok: Callable[[int], bool] | None, wanted: Node | None = None
) -> _Rule:
    def rule(data: _Data, focus: Node) -> Iterator[tuple[str, Node | None]]:
        found = values(data, focus)
        if (ok is not None and not ok(len(found))) or (ok is None and wanted not in found):
            yield component, None

    return rule


def _less_than_rule(values: Callable[[_Data, Node], list[Node]], other: Node) -> _Rule:
    def rule(data: _Data, focus: Node) -> Iterator[tuple[str, Node | None]]:
        for value in values(data, focus):
            for bound in data.objects(focus, other):
                if not _compare(bound, value, 1, strict=True):
                    yield "LessThanConstraintComponent", value

    return rule


_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    XSD.integer: int,
    XSD.decimal: Decimal,
    XSD.date: date,
}
"""The Python value a literal of these datatypes must hold, as pySHACL checks it: a
float given the datatype xsd:decimal in memory is not a decimal."""


def _has_datatype(value: Node, datatype: Node) -> bool:
    if not isinstance(value, Literal) or value.ill_typed:
        return False
    if value.datatype is None:
        matches = datatype == XSD.string and not value.language
    else:
        matches = value.datatype == datatype
    return matches and isinstance(value.value, _PYTHON_TYPES.get(datatype, object))


def _compare(value: Node, bound: Node, sign: int, *, strict: bool = False) -> bool:
    """``value >= bound`` (sign 1) or ``value <= bound`` (sign -1); False when not comparable."""
    if not isinstance(value, Literal) or not isinstance(bound, Literal) or value.ill_typed:
        return False
    try:
        a, b = (value.toPython(), bound.toPython()) if sign == 1 else (bound.toPython(), value.toPython())
        return bool(a > b) if strict else bool(a >= b)
    except TypeError:
        return False


_Member = tuple[str, str, Node | None, list[_Rule]]
"""A shape or one of its sh:property shapes, compiled: (rule name, message, path, constraints)."""


@cache
def _fast_rules() -> list[tuple[Callable[[_Data], set[Node]], list[_Member]]]:
    """Every top-level shape compiled: its targets, and its members that check them."""
    shapes = load_shapes()
    compiler = _Compiler(shapes)
    g = shapes.graph
    compiled = []
    for shape in sorted(set(g.subjects(RDF.type, SH.NodeShape)), key=str):
        members = [
            (_local(member) if isinstance(member, URIRef) else _local(shape), str(g.value(member, SH.message) or ""),
             g.value(member, SH.path), compiler.components(member))
            for member in [shape, *g.objects(shape, SH.property)]
        ]
        compiled.append((compiler.targets(shape), members))
    return compiled


def _fast_violations(graph: Graph | Sequence[Triple]) -> list[Violation]:
    data = _Data(graph, load_shapes().superclasses)
    found = []
    for targets, members in _fast_rules():
        focus_nodes = targets(data)
        for name, message, path, rules in members:
            for focus in focus_nodes:
                for rule in rules:
                    for component, value in rule(data, focus):
                        found.append(Violation(str(focus), name, message, component, str(path or ""), str(value or "")))
    return found


# ---------------------------------------------------------------- pySHACL, the judge


def _pyshacl_violations(data: Graph | Sequence[Triple]) -> list[Violation]:
    from pyshacl import validate

    shapes = load_shapes()
    graph = data if isinstance(data, Graph) else graph_of(data)
    _, report, _ = validate(graph, shacl_graph=shapes.graph, ont_graph=shapes.hierarchy, inference="none")
    found = []
    for result in report.objects(None, SH.result):  # top-level results, not their sh:detail
        shape = report.value(result, SH.sourceShape)
        if isinstance(shape, BNode):  # an unnamed sh:property: report the node shape that holds it
            shape = shapes.graph.value(None, SH.property, shape) or shape
        value = report.value(result, SH.value)
        found.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                rule=_local(shape),
                message=str(report.value(result, SH.resultMessage) or ""),
                component=_local(report.value(result, SH.sourceConstraintComponent)),
                path=str(report.value(result, SH.resultPath) or ""),
                value=str(value) if value is not None else "",
            )
        )
    return found


def violations(graph: Graph | Sequence[Triple], *, engine: str = "fast") -> list[Violation]:
    """Every rule of shapes.ttl that ``graph`` (a Graph or its triples) breaks, by the named engine.

    Raises:
        ModelError: When ``engine`` is not one of :data:`ENGINES`, or the shapes
            cannot be read.
    """
    engines = {"fast": _fast_violations, "pyshacl": _pyshacl_violations}
    if engine not in engines:
        raise ModelError(f"expected a validation engine among {', '.join(ENGINES)}, got {engine!r}")
    return sorted(set(engines[engine](graph)), key=lambda v: (v.focus, v.rule, v.component, v.value))


# ---------------------------------------------------------------- the quarantine


def _statements_of(graph: Graph, node: Node) -> set[Node]:
    """The statements a broken node takes into quarantine with it."""
    if (node, RDF.subject, None) in graph or (node, RDF.type, RDF.Statement) in graph or (node, KG.article, None) in graph:
        return {node}
    found: set[Node] = set()
    for link in (*_STATEMENT_LINKS, KG.event, KG.article):
        found.update(graph.subjects(link, node))
    return found


def _move(main: Graph, quarantine: Graph, triples: Iterable[tuple[Node, Node, Node]]) -> None:
    for triple in list(triples):
        quarantine.add(triple)  # type: ignore[arg-type]
        main.remove(triple)  # type: ignore[arg-type]


def _node(text: str) -> Node:
    """A node of a violation back from its text: IRIs are the nodes kg writes."""
    return URIRef(text) if text.startswith(("http://", "https://")) else Literal(text)


def _result_node(quarantine: Graph, violation: Violation) -> URIRef:
    key = "\x1f".join((violation.focus, violation.rule, violation.component, violation.value))
    node = VIOLATION[hashlib.sha1(key.encode()).hexdigest()[:20]]
    quarantine.add((node, RDF.type, SH.ValidationResult))
    quarantine.add((node, SH.resultSeverity, SH.Violation))
    quarantine.add((node, SH.focusNode, _node(violation.focus)))
    quarantine.add((node, SH.sourceShape, KGSH[violation.rule]))
    quarantine.add((node, SH.sourceConstraintComponent, SH[violation.component]))
    quarantine.add((node, SH.resultMessage, Literal(violation.message)))
    if violation.path:
        quarantine.add((node, SH.resultPath, URIRef(violation.path)))
    if violation.value:
        quarantine.add((node, SH.value, _node(violation.value)))
    return node


def split(graph: Graph, found: list[Violation]) -> GateResult:
    """Move what ``found`` condemns from ``graph`` into a quarantine graph, with the reasons.

    A broken statement takes along its direct triple (unless another good
    statement asserts it), its event (unless another good statement reports
    it) and the entities no good statement uses; a broken entity, event or
    article takes along every statement that uses it. The reasons are
    ``sh:ValidationResult`` nodes, linked from each quarantined statement by
    ``kg:violation``. When nothing is broken, ``graph`` itself is the main graph.
    """
    if not found:  # the common case: no copy
        return GateResult(graph, Graph(), [])
    main, quarantine = Graph(), Graph()
    for prefix, ns in graph.namespaces():
        main.bind(prefix, ns, override=True)
        quarantine.bind(prefix, ns, override=True)
    main += graph
    quarantine.bind("sh", SH)
    quarantine.bind("kgsh", KGSH)
    condemned: dict[Node, list[URIRef]] = {}
    for violation in found:
        node = _node(violation.focus)
        result = _result_node(quarantine, violation)
        for statement in _statements_of(graph, node):
            condemned.setdefault(statement, []).append(result)
        if isinstance(node, URIRef) and (node, RDF.subject, None) not in graph:
            _move(main, quarantine, graph.triples((node, None, None)))
    touched: set[Node] = set()
    for statement, results in condemned.items():
        for result in results:
            quarantine.add((statement, KG.violation, result))
        parts = [graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        touched.update(n for p in (*_STATEMENT_LINKS, KG.event) for n in graph.objects(statement, p))
        _move(main, quarantine, graph.triples((statement, None, None)))
        if None not in parts and (parts[0], parts[1], parts[2]) in graph:
            direct = (parts[0], parts[1], parts[2])
            if not any(
                (s, KG.status, KG.occurred) in main
                for s in main.subjects(RDF.subject, parts[0])
                if (s, RDF.predicate, parts[1]) in main and (s, RDF.object, parts[2]) in main
            ):
                _move(main, quarantine, [direct])  # type: ignore[list-item]
    for node in touched:
        if not isinstance(node, URIRef):
            continue
        description = list(graph.triples((node, None, None)))
        quarantine += description
        if not any((None, p, node) in main for p in (*_STATEMENT_LINKS, KG.event)):
            _move(main, quarantine, description)
    return GateResult(main, quarantine, found)


def gate(graph: Graph, *, engine: str = "fast") -> GateResult:
    """Split ``graph`` into the conforming main graph and the quarantine.

    Args:
        graph: One article's graph, as :func:`kg.rdf.article_graph` writes it.
        engine: Which validator judges it (:data:`ENGINES`).
    """
    return split(graph, violations(graph, engine=engine))


@dataclass(frozen=True)
class GatedText:
    """An article through the gate, as the build stores it: N-Triples of each part."""

    main: str
    quarantine: str
    violations: list[Violation]


def gate_triples(triples: Sequence[Triple]) -> GatedText:
    """The gate as the build runs it, on :func:`kg.rdf.article_triples`, with the fast engine.

    Checking and writing the triples directly costs a fraction of going through
    an rdflib Graph; only an article that breaks a rule is put in one, to be split.
    """
    found = violations(triples)
    if not found:
        return GatedText(ntriples(triples), "", found)
    result = split(graph_of(triples), found)
    return GatedText(ntriples(result.main), ntriples(result.quarantine), found)


# ---------------------------------------------------------------- a built folder


@dataclass(frozen=True)
class DirectoryCheck:
    """What ``kg validate`` finds in a built folder.

    Attributes:
        violations: What the main graph breaks; should be empty.
        quarantined: Why each quarantined node was kept out of the main graph.
        sentences: The evidence sentence of each statement named above, by IRI.
    """

    violations: list[Violation]
    quarantined: list[Violation]
    sentences: dict[str, str]


def _quarantined(quarantine: Graph) -> list[Violation]:
    found = []
    for result in quarantine.subjects(RDF.type, SH.ValidationResult):
        field_of = {p: str(quarantine.value(result, p) or "") for p in (SH.focusNode, SH.resultPath, SH.value)}
        found.append(
            Violation(
                focus=field_of[SH.focusNode],
                rule=_local(quarantine.value(result, SH.sourceShape)),
                message=str(quarantine.value(result, SH.resultMessage) or ""),
                component=_local(quarantine.value(result, SH.sourceConstraintComponent)),
                path=field_of[SH.resultPath],
                value=field_of[SH.value],
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.rule, v.component, v.value))


def _sentences(graph: Graph, found: list[Violation]) -> dict[str, str]:
    sentences: dict[str, str] = {}
    for violation in found:
        node = _node(violation.focus)
        for statement in _statements_of(graph, node):
            sentence = graph.value(statement, KG.sentence)
            if sentence is not None:
                sentences.setdefault(violation.focus, str(sentence))
    return sentences


def _read_quarantine(folder: Path) -> Dataset:
    quarantine = Dataset(default_union=True)
    trig = folder / "quarantine.trig"
    if trig.exists():
        quarantine.parse(trig, format="trig")
    if (folder / "store").is_dir():
        import pyoxigraph as ox

        from kg.store import QUARANTINE_SUFFIX, open_store

        store = open_store(folder, read_only=True)
        try:
            quads = [q for q in store.quads(quarantine=True) if str(q.graph_name).endswith(QUARANTINE_SUFFIX + ">")]
        finally:
            store.close()
        if quads:
            quarantine.parse(data=bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""), format="nquads")
    return quarantine


def check_dir(folder: Path, *, engine: str = "pyshacl") -> DirectoryCheck:
    """Check ``folder/graph.ttl`` against the shapes and read why facts were quarantined.

    The quarantine is read from the store's ``{article}/quarantine`` graphs
    (``folder/store``) and from ``folder/quarantine.trig``, when they exist.

    Raises:
        StoreError: When the folder holds no readable graph.ttl.
    """
    path = Path(folder) / "graph.ttl"
    try:
        main = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(
            f"expected a built graph at {path}, got an error reading it ({exc}); run `kg build SOURCES --out {folder}` first"
        ) from exc
    quarantine = _read_quarantine(Path(folder))
    found, kept_out = violations(main, engine=engine), _quarantined(quarantine)
    sentences = _sentences(main, found) | _sentences(quarantine, kept_out)
    return DirectoryCheck(found, kept_out, sentences)
