"""Saved queries, safe parameters, result formats, and the same answers from a remote Oxigraph server."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.query import bind_parameters, resolve_query, run_local, saved_queries, sparql_string
from kg.store import open_store

KG = Path(sys.executable).with_name("kg")


def rows(folder: Path, name: str, columns: tuple[str, ...], **params: str) -> list[tuple[str | None, ...]]:
    """The answer of a saved query on a store, as tuples of plain values of ``columns``."""
    with open_store(folder, read_only=True) as store:
        results = run_local(store, bind_parameters(saved_queries()[name], params))
        return [tuple(None if s[c] is None else s[c].value for c in columns) for s in results]


@pytest.mark.parametrize(
    "value, literal",
    [
        ("Ukraine", '"Ukraine"'),
        ('say "no"', '"say \\"no\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines\r", '"two\\nlines\\r"'),
        ('" } } ; DROP ALL ; #', '"\\" } } ; DROP ALL ; #"'),
    ],
)
def test_values_become_escaped_sparql_strings(value, literal):
    assert sparql_string(value) == literal


def test_every_saved_query_documents_its_columns(news_folder):
    queries = saved_queries()
    assert {"signed-with", "negotiations", "planned", "about", "timeline"} <= set(queries)
    for query in queries.values():
        params = {name: "Ukraine" for name, _ in query.parameters}
        with open_store(news_folder, read_only=True) as store:
            results = run_local(store, bind_parameters(query, params))
        assert query.description and tuple(v.value for v in results.variables) == query.columns, query.name


@pytest.mark.parametrize(
    "name, params, columns, expected",
    [
        ("signed-with", {}, ("party", "other", "date", "articles"), [("Ukraine", "United States", "2024-06-13", "2")]),
        ("negotiations", {}, ("party", "other", "latest", "articles", "signed"), [("Poland", "Ukraine", "2024-08", "2", "false")]),
        (
            "planned",
            {},
            ("subject", "predicate", "object", "status", "date"),
            [("Ukraine", "joins", "NATO", "possible", None), ("Ukraine", "signsAgreementWith", "Poland", "planned", "2024-07")],
        ),
        (
            "about",
            {"actor": "Poland"},
            ("subject", "predicate", "object", "status", "date"),
            [
                ("Poland", "providesAidTo", "Ukraine", "occurred", "2024-01"),
                ("Ukraine", "negotiatesWith", "Poland", "occurred", "2024-05"),
                ("Ukraine", "signsAgreementWith", "Poland", "planned", "2024-07"),
                ("Ukraine", "negotiatesWith", "Poland", "planned", "2024-08"),
            ],
        ),
        (
            "timeline",
            {},
            ("date", "event", "status", "actor", "other", "articles"),
            [
                ("2024-01", "AidDelivery", "occurred", "Poland", "Ukraine", "1"),
                ("2024-05", "Negotiation", "occurred", "Poland", "Ukraine", "1"),
                ("2024-06-12", "Attack", "occurred", "Russia", "Ukraine", "1"),
                ("2024-06-13", "Signing", "occurred", "Ukraine", "United States", "2"),
                ("2024-07", "Signing", "planned", "Poland", "Ukraine", "1"),
                ("2024-08", "Negotiation", "planned", "Poland", "Ukraine", "1"),
            ],
        ),
    ],
)
def test_saved_queries_answer_their_question(news_folder, name, params, columns, expected):
    assert rows(news_folder, name, columns, **params) == expected


@pytest.mark.parametrize(
    "actor, subjects",
    [
        ("Kyiv", {"Ukraine", "Russia", "United States", "Poland", "The \"Quoted\" \\ Council"}),
        ('The "Quoted" \\ Council', {"The \"Quoted\" \\ Council"}),
        ('Ukraine" } UNION { ?statement ?x ?y } #', set()),
        ("Ukraine\n", set()),
        ("", set()),
    ],
    ids=["alias", "quotes-and-backslash", "injection", "newline", "empty"],
)
def test_parameters_are_values_never_query_text(news_folder, actor, subjects):
    assert {row[0] for row in rows(news_folder, "about", ("subject",), actor=actor)} == subjects


@pytest.mark.parametrize("placement", ["marker", "appended"])
@pytest.mark.parametrize("actor", ["Poland", 'Ukraine" } UNION { ?statement ?x ?y } #'])
def test_a_parameter_binds_the_same_at_its_marker_or_appended(news_folder, placement, actor):
    about = saved_queries()["about"]
    if placement == "appended":
        about = dataclasses.replace(about, text=about.text.replace("VALUES ?actor { UNDEF }", ""))
    text = bind_parameters(about, {"actor": actor})
    assert ("{ UNDEF }" in text, text.count("VALUES ")) == (False, 1)
    with open_store(news_folder, read_only=True) as store:
        got = [s["subject"].value for s in run_local(store, text)]
    assert got == [row[0] for row in rows(news_folder, "about", ("subject",), actor=actor)]


@pytest.mark.parametrize(
    "params, message",
    [({}, "takes actor=...; got none"), ({"actor": "x", "who": "y"}, "got actor=..., who=...")],
)
def test_parameters_must_match_the_header(params, message):
    with pytest.raises(QueryError, match=message):
        bind_parameters(saved_queries()["about"], params)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("timeline", "timeline"),
        ("{queries}/planned.rq", "planned"),
        ("SELECT * WHERE { ?s ?p ?o }", ""),
        ("signed_with", QueryError),
        ("missing.rq", QueryError),
    ],
)
def test_a_query_is_text_a_file_or_a_name(query, expected):
    from kg.resources import ontology_dir

    query = query.replace("{queries}", str(ontology_dir() / "queries"))
    if expected is QueryError:
        with pytest.raises(QueryError):
            resolve_query(query)
    else:
        assert resolve_query(query).name == expected


def _check_table(out: str) -> None:
    header, rule, row, count = out.splitlines()
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    assert starts == [m.start() for m in re.finditer(r"\S+", header)]
    assert [row[i:].split("  ")[0] for i in starts] == ["Ukraine", "United States", "2024-06-13", "", "2"]
    assert count == "(1 row)"


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("table", _check_table),
        ("csv", lambda out: list(csv.reader(io.StringIO(out)))[:2] == [["party", "other", "date", "agreement", "articles"], ["Ukraine", "United States", "2024-06-13", "", "2"]] or pytest.fail(out)),
        ("tsv", lambda out: out.splitlines()[0] == "?party\t?other\t?date\t?agreement\t?articles" or pytest.fail(out)),
        ("json", lambda out: json.loads(out)["results"]["bindings"][0]["other"]["value"] == "United States" or pytest.fail(out)),
        ("xml", lambda out: "<sparql" in out and "United States" in out or pytest.fail(out)),
    ],
)
def test_query_command_formats(news_folder, fmt, check):
    result = CliRunner().invoke(app, ["query", "signed-with", "--graph", str(news_folder), "--format", fmt])
    assert result.exit_code == 0, result.output
    check(result.stdout)


@pytest.mark.parametrize(
    "args, message",
    [
        (["SELECT ?s WHERE { ?s kg:status }"], "malformed SPARQL query: error at 1:"),
        (["signed-wiht"], "no saved query named 'signed-wiht'"),
        (["about", "--param", "actor"], "expected --param NAME=VALUE"),
        (["timeline", "--format", "yaml"], "unknown output format 'yaml'"),
    ],
)
def test_bad_queries_are_query_errors_with_the_reason(news_folder, args, message):
    result = CliRunner().invoke(app, ["query", *args, "--graph", str(news_folder)])
    assert isinstance(result.exception, QueryError) and message in str(result.exception)


def test_kg_query_exits_2_with_the_parser_message(news_folder):
    done = subprocess.run([str(KG), "query", "SELECT ?s {", "--graph", str(news_folder)], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.startswith("kg: malformed SPARQL query: error at 1:"), done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_endpoint(news_folder, tmp_path_factory):
    """A real Oxigraph server on a copy of the store, on loopback."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server (pip package oxigraph) is not installed")
    location = tmp_path_factory.mktemp("oxigraph") / "store"
    shutil.copytree(news_folder / "store", location)
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/query"
    server.terminate()
    server.wait()


@pytest.mark.parametrize("name, params", [(n, ["--param", "actor=Ukraine"] if n == "about" else []) for n in ("about", "negotiations", "planned", "signed-with", "timeline")])
def test_remote_oxigraph_answers_as_the_local_store(news_folder, oxigraph_endpoint, name, params):
    local = CliRunner().invoke(app, ["query", name, *params, "--graph", str(news_folder), "--format", "json"])
    remote = CliRunner().invoke(app, ["query", name, *params, "--endpoint", oxigraph_endpoint, "--format", "json"])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout) and json.loads(local.stdout)["results"]["bindings"]


@pytest.mark.parametrize(
    "query, message",
    [("SELECT ?s WHERE { ?s kg:x", "refused the query: HTTP 400"), ("CONSTRUCT WHERE { ?s a kg:Country }", None)],
)
def test_remote_endpoint_errors_and_graphs(oxigraph_endpoint, query, message):
    result = CliRunner().invoke(app, ["query", query, "--endpoint", oxigraph_endpoint])
    if message:
        assert isinstance(result.exception, QueryError) and message in str(result.exception)
    else:
        assert result.exit_code == 0 and "kge:country/ukraine" in result.stdout and "(4 rows)" in result.stdout


def test_unreachable_endpoint_is_a_query_error():
    result = CliRunner().invoke(app, ["query", "timeline", "--endpoint", f"http://127.0.0.1:{_free_port()}/sparql"])
    assert isinstance(result.exception, QueryError) and "cannot reach the SPARQL endpoint" in str(result.exception)
