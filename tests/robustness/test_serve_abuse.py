"""``kg serve`` as a process under load and abuse, and how it stops.

The endpoint's own tests (``tests/store/test_serve.py``) check each answer of a
server run in a thread. These run the ``kg serve`` command as a user does and
mix abuse into the load: 200 concurrent clients (three queries each, then they
stop) while other clients send updates, a query past the time limit, a 10 MB
query, path-traversal attempts, and hold half-sent requests open. Every client
must get its answer, every abuse its clear HTTP error, and the server must go
on serving. Stopped (Ctrl-C, or SIGTERM as service managers send), it must
leave no worker process and no lock on the store behind.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.query import saved_queries
from kg.store import Store

from .helpers import KG_BIN

pytestmark = [pytest.mark.model, pytest.mark.slow]

CLIENTS, REQUESTS = 200, 3
TIMEOUT = 10
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUERIES = [query.text for query in saved_queries().values() if not query.parameters] + ["ASK { ?s ?p ?o }"]


def _get(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


ABUSE = [
    ("update by form", "POST", "/sparql", "update=DROP%20ALL", {"Content-Type": "application/x-www-form-urlencoded"}, 403, "read-only"),
    ("update by body", "POST", "/sparql", "CLEAR DEFAULT", {"Content-Type": "application/sparql-update"}, 403, "read-only"),
    ("update as query", "GET", _get("DELETE WHERE { ?s ?p ?o }"), None, {}, 400, "malformed"),
    ("past the time limit", "GET", _get(ENDLESS), None, {}, 503, f"time limit of {TIMEOUT} s"),
    ("10 MB query by POST", "POST", "/sparql", "ASK {} #" + "x" * (10 << 20), {"Content-Type": "application/sparql-query"}, 413, "limit"),
    ("10 MB query by GET", "GET", _get("ASK {} #" + "x" * (10 << 20)), None, {}, 414, ""),
    ("traversal", "GET", "/../../../../etc/passwd", None, {}, 404, "no page"),
    ("encoded traversal", "GET", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", None, {}, 404, "no page"),
    ("traversal past the view", "GET", "/graph.html/../../../../etc/passwd", None, {}, 404, "no page"),
    ("traversal to the store", "GET", "/..%2fstore%2fCURRENT", None, {}, 404, "no page"),
]
"""Each abuse: what it is, the request, and the HTTP status and words of its answer."""


def _request(port: int, method: str, path: str, body: str | None = None, headers: dict | None = None) -> tuple[int, str]:
    """One request on a new connection; the status and text of the answer (0 and the error if none came)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in {**(headers or {}), "Content-Length": str(len(body or ""))}.items():
            connection.putheader(name, value)
        with suppress(BrokenPipeError, ConnectionResetError):  # the server may answer before all is sent
            connection.endheaders()
            connection.send((body or "").encode())
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as exc:
        return 0, repr(exc)
    finally:
        connection.close()


def _answered(status: int, text: str) -> bool:
    """A SPARQL answer in JSON: solutions or a boolean."""
    return status == 200 and bool({"results", "boolean"} & set(json.loads(text)))


def _session(pid: int) -> list[str]:
    """The command lines of the processes of session ``pid`` (the server and its workers), the server's excepted."""
    found = subprocess.run(["ps", "-ww", "-s", str(pid), "-o", "pid=,args="], capture_output=True, text=True).stdout
    return [line.split(None, 1)[1] for line in found.splitlines() if line.split()[0] != str(pid)]


@contextmanager
def _kg_serve(folder: Path, *options: str) -> Iterator[tuple[subprocess.Popen, int]]:
    """``kg serve FOLDER`` on a free loopback port, in its own session; killed with its workers at the end."""
    process = subprocess.Popen(
        [str(KG_BIN), "serve", str(folder), "--host", "127.0.0.1", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[3]  # "serving DIR at URL and the view at ..."
        yield process, urllib.parse.urlsplit(url).port or 0
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the server and any worker it left behind
        process.wait(timeout=30)


@pytest.fixture
def folder(seed_build, tmp_path):
    """A copy of the seed build, so that a server left holding its store blocks no other test."""
    return Path(shutil.copytree(seed_build.out, tmp_path / "out"))


@pytest.fixture(scope="module")
def load_under_abuse(seed_build, tmp_path_factory):
    """Run 200 clients with the abusers among them against ``kg serve``; what each got, and the server after."""
    folder = Path(shutil.copytree(seed_build.out, tmp_path_factory.mktemp("serve") / "out"))
    with _kg_serve(folder, "--timeout", str(TIMEOUT), "--workers", "2") as (process, port):
        half_open = []
        for _ in range(100):  # clients that start a request and never finish it
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(b"GET /sparql?query=ASK")
            half_open.append(sock)

        def client(n: int) -> list[tuple[int, str]]:
            return [_request(port, "GET" if n % 2 else "POST", *(
                (_get(QUERIES[(n + i) % len(QUERIES)]),) if n % 2 else
                ("/sparql", QUERIES[(n + i) % len(QUERIES)], {"Content-Type": "application/sparql-query"})
            )) for i in range(REQUESTS)]

        def abuser(case: tuple) -> tuple[int, str]:
            return _request(port, *case[1:5])

        with ThreadPoolExecutor(max_workers=CLIENTS + len(ABUSE)) as pool:
            abused = [pool.submit(abuser, case) for case in ABUSE]
            answers = [answer for answers in pool.map(client, range(CLIENTS)) for answer in answers]
            abuse_answers = {case[0]: future.result() for case, future in zip(ABUSE, abused)}
        for sock in half_open:
            sock.close()
        after = [_request(port, "GET", _get(query)) for query in QUERIES]
        time.sleep(1)  # a worker killed for its time is being replaced
        yield answers, abuse_answers, after, process.poll(), _session(process.pid)


def test_two_hundred_clients_are_all_answered_among_abusers(load_under_abuse):
    answers, _, _, _, _ = load_under_abuse
    assert len(answers) == CLIENTS * REQUESTS
    failed = [f"{status} {text[:200]}" for status, text in answers if not _answered(status, text)]
    assert failed == []


@pytest.mark.parametrize("name, method, path, body, headers, status, words", ABUSE, ids=[case[0] for case in ABUSE])
def test_each_abuse_gets_a_clear_http_error(load_under_abuse, name, method, path, body, headers, status, words):
    _, abuse_answers, _, _, _ = load_under_abuse
    got_status, text = abuse_answers[name]
    assert got_status == status and words in text, text[:300]
    assert "root:" not in text


def test_the_server_goes_on_serving_with_its_workers(load_under_abuse):
    _, _, after, exit_status, processes = load_under_abuse
    assert exit_status is None, "kg serve died"
    assert all(_answered(status, text) for status, text in after)
    assert sum("spawn_main" in line for line in processes) == 2, processes


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stopped_server_leaves_no_process_and_no_lock(folder, stop):
    with _kg_serve(folder, "--workers", "2") as (process, port):
        assert _answered(*_request(port, "GET", _get("ASK { ?s ?p ?o }")))
        process.send_signal(stop)
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _session(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session(process.pid) == []
        Store(folder / "store").close()  # a build may write the store again


def test_a_server_stopped_during_a_long_query_leaves_no_lock(folder):
    with _kg_serve(folder, "--workers", "1", "--timeout", "60") as (process, port):
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(_request, port, "GET", _get(ENDLESS))
            time.sleep(1.5)
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            time.sleep(3)
            Store(folder / "store").close()
