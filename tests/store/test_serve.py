"""``kg serve``: a read-only SPARQL 1.1 endpoint that answers clients, refuses abuse clearly and keeps serving."""

from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TSV, URLENCODED, XML, SPARQLWrapper

from kg.query import saved_queries
from kg.serve import ServerLimits, make_server, start_in_thread

SIGNED = saved_queries()["signed-with"].text
COUNTRIES = "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?c WHERE { ?c a kg:Country } ORDER BY ?c"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def server(news_folder):
    server = make_server(news_folder, limits=ServerLimits(timeout=2.0, max_rows=3, workers=2))
    start_in_thread(server)
    yield server
    server.shutdown()
    server.server_close()


def request(server, method, path, body=None, headers=None) -> tuple[int, dict[str, str], str]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _party_json(result):
    return result["results"]["bindings"][0]["other"]["value"]


def _party_xml(document):
    return [n.firstChild.data for n in document.getElementsByTagName("literal")][1]


def _party_text(data):
    return "United States" if b"United States" in data else data


@pytest.mark.parametrize("fmt, party", [(JSON, _party_json), (XML, _party_xml), (CSV, _party_text), (TSV, _party_text)])
@pytest.mark.parametrize("method, request_method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparql_clients_get_every_result_format(server, fmt, party, method, request_method):
    client = SPARQLWrapper(server.url)
    client.setQuery(SIGNED)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    assert party(client.query().convert()) == "United States"


@pytest.mark.parametrize(
    "accept, content_type",
    [
        (None, "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/html;q=0.9, text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml;q=0.5, application/json;q=0.8", "application/sparql-results+json"),
        ("image/png", "application/sparql-results+json"),
    ],
)
def test_accept_header_chooses_the_format(server, accept, content_type):
    headers = {"Accept": accept} if accept else {}
    status, got, _ = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": SIGNED}), headers=headers)
    assert status == 200 and got["Content-Type"].split(";")[0] == content_type


def _form(**fields):
    return urllib.parse.urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize(
    "method, path, body, headers, status, message",
    [
        ("GET", "/sparql?query=SELECT%20%3Fs%20%7B", None, {}, 400, "error at 1:"),
        ("GET", "/sparql?query=" + urllib.parse.quote("INSERT DATA { <a:a> <a:b> <a:c> }"), None, {}, 400, "malformed"),
        ("POST", "/sparql", *_form(update="INSERT DATA { <a:a> <a:b> <a:c> }"), 403, "read-only"),
        ("POST", "/sparql", "DROP ALL", {"Content-Type": "application/sparql-update"}, 403, "read-only"),
        ("PUT", "/sparql", "x", {}, 403, "read-only"),
        ("DELETE", "/sparql", None, {}, 403, "read-only"),
        ("POST", "/sparql", "x" * (10 << 20), {"Content-Type": "application/sparql-query"}, 413, "limit is"),
        ("POST", "/sparql", "SELECT * {}", {"Content-Type": "text/plain"}, 415, "expected application/sparql-query"),
        ("GET", "/sparql", None, {}, 400, "got 0 queries"),
        ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=urn:g", None, {}, 400, "default-graph-uri is not supported"),
        ("GET", "/../../etc/passwd", None, {}, 404, "no page"),
        ("GET", "/%2e%2e/%2e%2e/etc/passwd", None, {}, 404, "no page"),
        ("GET", "/graph.html/../store/CURRENT", None, {}, 404, "no page"),
        ("GET", "/store/CURRENT", None, {}, 404, "no page"),
        ("GET", "/", None, {}, 200, "the graph"),
        ("GET", "/graph.html?x=1", None, {}, 200, "the graph"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)
def test_bad_requests_get_clear_http_errors(server, method, path, body, headers, status, message):
    got_status, _, text = request(server, method, path, body, headers)
    assert (got_status, message in text) == (status, True), text


def test_a_query_past_the_time_limit_is_stopped_and_serving_goes_on(server):
    started = time.monotonic()
    status, _, text = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": ENDLESS}))
    assert status == 503 and "time limit of 2 s" in text
    assert time.monotonic() - started < 10
    for _ in range(3):  # the killed worker is replaced
        status, _, text = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": SIGNED}))
        assert status == 200 and "United States" in text


@pytest.mark.parametrize(
    "query, accept, count",
    [
        (COUNTRIES, "text/tab-separated-values", lambda text: len(text.splitlines()) - 1),
        (COUNTRIES.replace("SELECT ?c WHERE", "CONSTRUCT WHERE").replace(" ORDER BY ?c", ""), "application/n-triples",
         lambda text: len(text.splitlines())),
    ],
    ids=["select", "construct"],
)
def test_answers_are_cut_at_max_rows_with_a_header(server, query, accept, count):
    status, headers, text = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    assert (status, headers.get("X-SPARQL-MaxRows"), count(text)) == (200, "3", 3)


@pytest.mark.slow
def test_two_hundred_concurrent_clients_all_answered(news_folder):
    server = make_server(news_folder, limits=ServerLimits(timeout=30.0, workers=2))
    start_in_thread(server)
    queries = [q.text for q in saved_queries().values() if not q.parameters]
    failures: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        for i in range(3):
            sparql = SPARQLWrapper(server.url)
            sparql.setQuery(queries[(n + i) % len(queries)])
            sparql.setReturnFormat(JSON)
            sparql.setMethod(POST if n % 2 else GET)
            try:
                sparql.query().convert()
            except Exception as exc:  # noqa: BLE001 - every failure is counted
                with lock:
                    failures.append(repr(exc))

    try:
        with ThreadPoolExecutor(max_workers=200) as pool:
            list(pool.map(client, range(200)))
    finally:
        server.shutdown()
        server.server_close()
    assert failures == []


def test_kg_serve_command_announces_its_url_and_answers(news_folder, tmp_path):
    kg = Path(sys.executable).with_name("kg")
    server = subprocess.Popen([str(kg), "serve", str(news_folder), "--port", "0", "--workers", "1"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split()[3]
        client = SPARQLWrapper(url)
        client.setQuery(SIGNED)
        client.setReturnFormat(JSON)
        assert _party_json(client.query().convert()) == "United States"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_request_that_waits_too_long_for_a_worker_gets_503(news_folder):
    server = make_server(news_folder, limits=ServerLimits(timeout=3.0, wait=0.5, workers=1))
    start_in_thread(server)
    try:
        endless = threading.Thread(target=request, args=(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": ENDLESS})))
        endless.start()
        time.sleep(0.5)
        status, _, text = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": SIGNED}))
        assert status == 503 and "busy for 0.5 s" in text
        endless.join()
        status, _, _ = request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": SIGNED}))
        assert status == 200
    finally:
        server.shutdown()
        server.server_close()
