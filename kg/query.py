"""SPARQL on the store or on a remote endpoint, saved queries, and their results.

A query is given as SPARQL text, as a ``.rq`` file, or as the name of a saved
query in ``ontology/queries/`` (``signed-with``). Saved queries start with a
comment header that says what they ask and what they return::

    # Who signed an agreement with whom, and when.
    # Columns: party, other, date, articles
    # Parameter actor: the actor's name or alias, as the graph labels it (Ukraine)

A parameter is bound by ``VALUES``, with the value written as an escaped SPARQL
string literal, so that no value can change what the query does and the same
text runs on Oxigraph, Fuseki or rdflib. Where the query marks the place with
``VALUES ?actor { UNDEF }`` (as written, it matches every actor), the value
goes there, at the start of the pattern, where the engine uses it to look up
the few matching nodes first; otherwise a ``VALUES`` clause is appended to the
query, which is correct but, joined after the whole pattern, slow on a large
graph (Oxigraph: 0.08 s versus 0.5 s at 175k triples).

Every result becomes a table of solutions (a CONSTRUCT's triples are the rows of
``?subject ?predicate ?object``), printed aligned for people or serialized as
SPARQL 1.1 JSON, XML, CSV or TSV for machines.

Examples:
    >>> sparql_string('He said "yes"\\n')
    '"He said \\\\"yes\\\\"\\\\n"'
    >>> shorten("https://w3id.org/kg/ontology#signsAgreementWith")
    'kg:signsAgreementWith'
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import QueryError
from kg.rdf import bind_prefixes
from kg.resources import ontology_dir
from kg.store import Store

__all__ = [
    "FORMATS",
    "PREFIXES",
    "SavedQuery",
    "saved_queries",
    "resolve_query",
    "sparql_string",
    "bind_parameters",
    "with_prefixes",
    "run_local",
    "run_endpoint",
    "as_solutions",
    "limit_rows",
    "write_results",
    "shorten",
]

FORMATS = ("table", "csv", "tsv", "json", "xml")
"""Output formats of ``kg query``: a table for people, SPARQL 1.1 result formats for machines."""

_MACHINE_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}


def _prefixes() -> dict[str, str]:
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    found = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    found.update({"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)})
    return found


PREFIXES: dict[str, str] = _prefixes()
"""The prefixes kg binds in its graphs; usable in ad-hoc queries without declaring them."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER = re.compile(r"#\s*(Columns|Parameter\s+(\w+))\s*:\s*(.*)", re.IGNORECASE)
_GRAPH_VARIABLES = ("subject", "predicate", "object")


@dataclass(frozen=True)
class SavedQuery:
    """A query of ``ontology/queries/``: its name, text and header.

    Attributes:
        name: The file name without ``.rq``: what ``kg query NAME`` runs.
        text: The SPARQL text.
        description: What it asks (the header's first line).
        columns: The columns it returns, as the header lists them.
        parameters: Each parameter's name and description.
    """

    name: str
    text: str
    description: str = ""
    columns: tuple[str, ...] = ()
    parameters: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_text(cls, name: str, text: str) -> SavedQuery:
        """Read the header comment of a query's text."""
        description, columns, parameters = "", tuple[str, ...](), []
        for line in text.splitlines():
            line = line.strip()
            if not line.startswith("#"):
                break
            match = _HEADER.match(line)
            if match and match.group(2):
                parameters.append((match.group(2), match.group(3).strip()))
            elif match:
                columns = tuple(c.strip() for c in match.group(3).split(",") if c.strip())
            elif not description and line.lstrip("# "):
                description = line.lstrip("# ")
        return cls(name, text, description, columns, tuple(parameters))


def saved_queries(folder: Path | None = None) -> dict[str, SavedQuery]:
    """The saved queries of ``ontology/queries/`` (or ``folder``), by name."""
    folder = folder or ontology_dir() / "queries"
    return {
        path.stem: SavedQuery.from_text(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    }


def resolve_query(query: str) -> SavedQuery:
    """The query named, filed or written in ``query``.

    Raises:
        QueryError: ``query`` looks like a name but no saved query has it.
    """
    saved = saved_queries()
    if query in saved:
        return saved[query]
    path = Path(query)
    if query.endswith(".rq") and "\n" not in query:
        if not path.is_file():
            raise QueryError(f"no query file {query}; expected a readable .rq file")
        return SavedQuery.from_text(path.stem, path.read_text(encoding="utf-8"))
    if re.fullmatch(r"[\w-]+", query):
        raise QueryError(
            f"no saved query named {query!r}; expected SPARQL text, a .rq file or one of: {', '.join(saved)}"
        )
    return SavedQuery("", query)


def sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal: quotes, backslashes and line breaks escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind_parameters(query: SavedQuery, values: Mapping[str, str]) -> str:
    """The query's text with each parameter bound to a string by ``VALUES``: at its marker, or at the end.

    Raises:
        QueryError: A declared parameter is missing, or a given one is unknown.
    """
    declared = [name for name, _ in query.parameters]
    unknown = sorted(set(values) - set(declared))
    missing = [name for name in declared if name not in values]
    if unknown or missing:
        expected = ", ".join(f"{name}=..." for name in declared) or "no parameters"
        got = ", ".join(f"{name}=..." for name in values) or "none"
        raise QueryError(
            f"query {query.name or '(text)'} takes {expected}; got {got}; give each with --param NAME=VALUE"
        )
    text, trailing = query.text, []
    for name in declared:
        marker = f"VALUES ?{name} {{ UNDEF }}"
        if marker in text:
            text = text.replace(marker, f"VALUES ?{name} {{ {sparql_string(values[name])} }}", 1)
        else:
            trailing.append(name)
    if not trailing:
        return text
    names = " ".join(f"?{name}" for name in trailing)
    row = " ".join(sparql_string(values[name]) for name in trailing)
    return f"{text.rstrip()}\nVALUES ({names}) {{ ({row}) }}\n"


def with_prefixes(query: str) -> str:
    """``query`` with kg's prefixes declared on its first line, so that ``kg:status`` works bare.

    On the first line so that the parser's line numbers stay those of the user's
    text; a prefix the query declares itself overrides kg's.
    """
    return " ".join(f"PREFIX {prefix}: <{ns}>" for prefix, ns in PREFIXES.items()) + " " + query


Results = ox.QuerySolutions | ox.QueryBoolean


def as_solutions(variables: Sequence[str], rows: Iterable[Sequence[object | None]]) -> ox.QuerySolutions:
    """A table of terms as pyoxigraph solutions, by way of SPARQL TSV (which keeps every term exact)."""
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    solutions = ox.parse_query_results(("\n".join(lines) + "\n").encode(), format=ox.QueryResultsFormat.TSV)
    if not isinstance(solutions, ox.QuerySolutions):  # a TSV with a header is always solutions
        raise QueryError("internal: expected solutions from a TSV table")
    return solutions


def _graph_solutions(triples: Iterable[ox.Triple]) -> ox.QuerySolutions:
    return as_solutions(_GRAPH_VARIABLES, ((t.subject, t.predicate, t.object) for t in triples))


def run_local(store: Store, query: str) -> Results:
    """Run ``query`` on the store; a CONSTRUCT or DESCRIBE gives its triples as rows.

    The kg prefixes need no declaration (``kg:status``), and the parser's line and
    column numbers are those of ``query``.
    """
    results = store.query(query, prefixes=PREFIXES)
    if isinstance(results, ox.QueryTriples):
        return _graph_solutions(results)
    return results


def run_endpoint(url: str, query: str, *, timeout: float = 60.0) -> Results:
    """Run ``query`` on a remote SPARQL 1.1 endpoint (Oxigraph, Fuseki, ``kg serve``).

    The query goes as a form-encoded POST, which every SPARQL 1.1 server accepts.

    Raises:
        QueryError: The endpoint refuses the query (with its message) or cannot be reached.
    """
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as exc:
        message = exc.read().decode("utf-8", "replace").strip()
        raise QueryError(f"endpoint {url} refused the query: HTTP {exc.code}: {message}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"cannot reach the SPARQL endpoint {url}: {exc}; expected a running SPARQL 1.1 server") from exc
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    if results_format is not None:
        return ox.parse_query_results(body, format=results_format)
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        raise QueryError(f"endpoint {url} answered {media_type}; expected SPARQL results or RDF")
    return _graph_solutions(quad.triple for quad in ox.parse(body, format=rdf_format))


def limit_rows(solutions: ox.QuerySolutions, max_rows: int | None) -> tuple[ox.QuerySolutions, bool]:
    """The first ``max_rows`` solutions, and whether there were more."""
    if max_rows is None:
        return solutions, False
    names = [variable.value for variable in solutions.variables]
    rows: list[list[object | None]] = []
    for solution in solutions:
        if len(rows) == max_rows:
            return as_solutions(names, rows), True
        rows.append([solution[name] for name in names])
    return as_solutions(names, rows), False


def shorten(iri: str) -> str:
    """An IRI written with the longest kg prefix that fits, or in angle brackets."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(name for name, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


_MAX_CELL = 80
"""Characters of a table cell; a longer value (a sentence) is cut with an ellipsis."""


def _cell(term: object | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = shorten(term.value)
    elif isinstance(term, ox.Literal):
        text = " ".join(term.value.split())
    else:
        text = str(term)
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def write_results(results: Results, stream: TextIO, fmt: str = "table") -> None:
    """Write ``results`` to ``stream`` in ``fmt``: an aligned table, or a SPARQL 1.1 results format.

    Raises:
        QueryError: ``fmt`` is not one of ``FORMATS``.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if fmt != "table":
        stream.write((results.serialize(format=_MACHINE_FORMATS[fmt]) or b"").decode("utf-8"))
        return
    if isinstance(results, ox.QueryBoolean):
        stream.write(f"{str(bool(results)).lower()}\n")
        return
    names = [variable.value for variable in results.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in results]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]
    for row in [names, ["-" * w for w in widths], *rows]:
        stream.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
    stream.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
