"""The SPARQL 1.1 Protocol server: a read-only endpoint on the store, and the HTML view.

``kg serve DIR`` answers:

* ``/sparql``: queries by GET (``?query=``), by form-encoded POST and by POST of
  ``application/sparql-query``; results as SPARQL JSON, XML, CSV or TSV (a
  CONSTRUCT's triples as N-Triples, Turtle, RDF/XML or JSON-LD), chosen by the
  ``Accept`` header, JSON and N-Triples by default;
* ``/`` and ``/graph.html``: the interactive view ``DIR/graph.html``; every other
  path is 404, so no path leads out of the folder.

Limits, each answered with a clear status and message and never fatal:

* updates (the ``update`` form field, ``application/sparql-update``, PUT,
  DELETE): 403, the endpoint is read-only; a malformed query: 400 with the
  parser's message;
* ``timeout`` seconds per query, and ``wait`` seconds for a free worker: 503. Queries run in worker processes, each with
  the store open read-only; a worker past its time is killed and replaced, so a
  runaway query costs no CPU after its answer (a thread could not be stopped);
* ``max_rows`` solutions (or triples) per answer: the answer is truncated and
  carries the header ``X-SPARQL-MaxRows: N``, as Virtuoso does;
* ``max_request_bytes`` per request body: 413, the body read and dropped (up to
  64 MiB, so that a client that sends it all still reads the answer) and never
  parsed; a GET line past 64 KiB is refused by ``http.server`` with 414.

The store is read as it was when the server started; a build waits for the
server to stop (it reports the store in use).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.query import limit_rows
from kg.store import Store, open_store

__all__ = ["ServerLimits", "SparqlServer", "make_server", "serve", "start_in_thread"]

_DEFAULT_RESULTS = ox.QueryResultsFormat.JSON
_DEFAULT_RDF = ox.RdfFormat.N_TRIPLES
_RDF_FORMATS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD)
_DRAIN_BYTES = 64 << 20
_HTML_ROUTES = {"/": "graph.html", "/graph.html": "graph.html"}


@dataclass(frozen=True)
class ServerLimits:
    """What one request may cost.

    Attributes:
        timeout: Seconds a query may run before the answer is 503.
        wait: Seconds a request may wait for a free worker before the answer is 503.
        max_rows: Solutions or triples per answer; more are cut off.
        max_request_bytes: Size of a request body; more is 413.
        workers: Processes that run queries at once.
    """

    timeout: float = 30.0
    wait: float = 60.0
    max_rows: int = 10_000
    max_request_bytes: int = 1 << 20
    workers: int = 2


@dataclass(frozen=True)
class _Answer:
    status: int
    content_type: str
    body: bytes
    truncated: bool = False


def _text(status: HTTPStatus, message: str) -> _Answer:
    return _Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def _negotiate(accept: str | None) -> tuple[ox.QueryResultsFormat, ox.RdfFormat]:
    """The results format and the RDF format the ``Accept`` header prefers."""
    ranked = []
    for position, item in enumerate((accept or "").split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = next((p.split("=", 1)[1] for p in params if p.startswith("q=")), "1")
        try:
            ranked.append((-float(quality), position, media.lower()))
        except ValueError:
            continue
    results, rdf = None, None
    for _, _, media in sorted(ranked):
        results = results or ox.QueryResultsFormat.from_media_type(media)
        found = ox.RdfFormat.from_media_type(media)
        rdf = rdf or (found if found in _RDF_FORMATS else None)
    return results or _DEFAULT_RESULTS, rdf or _DEFAULT_RDF


def _evaluate(store: Store, query: str, accept: str | None, max_rows: int) -> _Answer:
    """Run one query and serialize its answer (in a worker process)."""
    results_format, rdf_format = _negotiate(accept)
    try:
        results = store.query(query)
        if isinstance(results, ox.QueryBoolean):
            return _Answer(200, results_format.media_type, results.serialize(format=results_format) or b"")
        if isinstance(results, ox.QueryTriples):
            triples: list[ox.Triple] = []
            cut = False
            for triple in results:
                cut = len(triples) == max_rows
                if cut:
                    break
                triples.append(triple)
            return _Answer(200, rdf_format.media_type, ox.serialize(triples, format=rdf_format) or b"", cut)
        solutions, truncated = limit_rows(results, max_rows)
        return _Answer(200, results_format.media_type, solutions.serialize(format=results_format) or b"", truncated)
    except QueryError as exc:
        return _text(HTTPStatus.BAD_REQUEST, str(exc))
    except (OSError, RuntimeError, ValueError) as exc:
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {exc}")


def _exit_with_parent() -> None:
    """End this worker the moment the server process is gone, even in the middle of a query.

    Otherwise a server killed by SIGKILL leaves a busy worker running, holding the
    store's shared lock until its query ends.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)


def _worker_main(store_path: str, connection: Connection) -> None:
    """A worker process: answer queries from the connection until it closes."""
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    store = Store(Path(store_path), read_only=True)
    while True:
        try:
            query, accept, max_rows = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(_evaluate(store, query, accept, max_rows))


class _Worker:
    def __init__(self, store_path: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(str(store_path), child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class _Pool:
    """Worker processes, each taken by one request at a time."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.store_path = store_path
        self.idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(max(1, size)):
            self.idle.put(_Worker(store_path))

    def run(self, query: str, accept: str | None, limits: ServerLimits) -> _Answer:
        try:
            worker = self.idle.get(timeout=limits.wait)
        except queue.Empty:
            return _text(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"every query worker was busy for {limits.wait:g} s; try again shortly, or start with more --workers",
            )
        try:
            worker.connection.send((query, accept, limits.max_rows))
            if worker.connection.poll(limits.timeout):
                answer: _Answer = worker.connection.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError):
            pass
        worker.stop()
        self.idle.put(_Worker(self.store_path))
        return _text(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the query ran past the time limit of {limits.timeout:g} s (or its worker failed) and was stopped; "
            "narrow it (LIMIT, more specific patterns) or ask for a longer --timeout",
        )

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().stop()
            except queue.Empty:
                return


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-serve"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: one line per request would drown the terminal under load."""

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sparql":
            self._sparql(urllib.parse.parse_qs(url.query, keep_blank_values=True))
        elif url.path in _HTML_ROUTES:
            self._html(self.server.folder / _HTML_ROUTES[url.path])
        else:
            self._send(_text(HTTPStatus.NOT_FOUND, f"no page {url.path}; try / (the graph) or /sparql"))

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._send(_text(HTTPStatus.NOT_FOUND, f"no endpoint {url.path}; the SPARQL endpoint is /sparql"))
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self._send(_text(HTTPStatus.BAD_REQUEST, "expected a numeric Content-Length"))
            return
        if length > self.server.limits.max_request_bytes:
            self.close_connection = True
            self._discard(length)
            self._send(
                _text(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    f"request of {length} bytes; the limit is {self.server.limits.max_request_bytes} bytes",
                )
            )
            return
        body = self.rfile.read(length)
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type == "application/x-www-form-urlencoded":
            self._sparql(urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif media_type == "application/sparql-query":
            self._sparql({"query": [body.decode("utf-8", "replace")]})
        elif media_type == "application/sparql-update":
            self._send(_text(HTTPStatus.FORBIDDEN, "this SPARQL endpoint is read-only; updates are refused"))
        else:
            self._send(
                _text(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"body of type {media_type or 'none'}; expected application/sparql-query "
                    "or application/x-www-form-urlencoded",
                )
            )

    def _discard(self, length: int) -> None:
        """Read and drop an oversized body (up to 64 MiB) so that the client, still sending, reads the 413."""
        left = min(length, _DRAIN_BYTES)
        self.connection.settimeout(10)
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    return
                left -= len(chunk)
        except OSError:
            return

    def _refuse_write(self) -> None:
        self._send(_text(HTTPStatus.FORBIDDEN, "this SPARQL endpoint is read-only; updates are refused"))

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._refuse_write()
            return
        unsupported = sorted({"default-graph-uri", "named-graph-uri"} & set(params))
        queries = params.get("query", [])
        if unsupported or len(queries) != 1:
            problem = f"{', '.join(unsupported)} is not supported" if unsupported else f"got {len(queries)} queries"
            self._send(_text(HTTPStatus.BAD_REQUEST, f"expected exactly one query parameter; {problem}"))
            return
        self._send(self.server.pool.run(queries[0], self.headers.get("Accept"), self.server.limits))

    def _html(self, path: Path) -> None:
        if not path.is_file():
            self._send(_text(HTTPStatus.NOT_FOUND, f"no {path.name} in {path.parent}; run `kg build` first"))
            return
        self._send(_Answer(200, "text/html; charset=utf-8", path.read_bytes()))

    def _send(self, answer: _Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        if answer.truncated:
            self.send_header("X-SPARQL-MaxRows", str(self.server.limits.max_rows))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server of ``kg serve``: a thread per connection, a process per running query."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], folder: Path, store: Store, limits: ServerLimits) -> None:
        self.folder = folder
        self.store = store
        self.limits = limits
        if store.path is None:
            raise StoreError("kg serve needs a store on disk; got an in-memory store")
        self.pool = _Pool(store.path, limits.workers)
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The endpoint's URL."""
        host, port = self.server_address[:2]
        return f"http://{host if isinstance(host, str) else host.decode()}:{port}/sparql"

    def server_close(self) -> None:
        """Stop the workers and release the store."""
        super().server_close()
        self.pool.close()
        self.store.close()


def make_server(folder: str | Path, host: str = "127.0.0.1", port: int = 0, limits: ServerLimits | None = None) -> SparqlServer:
    """A server on the kg output folder ``folder``, bound but not yet serving (port 0: any free port).

    Raises:
        StoreError: No store in ``folder``, or a build is writing it.
    """
    folder = Path(folder)
    store = open_store(folder, read_only=True)
    try:
        return SparqlServer((host, port), folder, store, limits or ServerLimits())
    except BaseException:
        store.close()
        raise


def serve(
    folder: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    limits: ServerLimits | None = None,
    on_start: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve ``folder`` until interrupted; ``on_start`` is told the bound server (its port, with port 0)."""
    server = make_server(folder, host, port, limits)
    if on_start is not None:
        on_start(server)
    signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl-C: close the pool and release the store
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def start_in_thread(server: SparqlServer) -> threading.Thread:
    """Serve in a daemon thread (tests, notebooks); ``server.shutdown()`` stops it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
