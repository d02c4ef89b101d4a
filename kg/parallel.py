"""Where the per-article work runs: this process, N local processes, or a Dask cluster.

The build cuts the stream of articles into batches and maps one function over
them; only the executor differs. Batches are submitted as results come back, a
bounded number at a time, so memory stays flat however long the stream is and
results arrive in the order they finish (the store does not care).
"""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from kg.errors import KGError

__all__ = ["batched", "run_local", "run_processes", "run_dask"]

T = TypeVar("T")
R = TypeVar("R")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Cut a stream into lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_local(function: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
    """Run every batch in this process, in order."""
    for batch in batches:
        yield function(batch)


def _bounded(submit: Callable[[T], Any], wait_one: Callable[[set[Any]], tuple[set[Any], set[Any]]],
             result: Callable[[Any], R], batches: Iterable[T], in_flight: int) -> Iterator[R]:
    """Keep at most ``in_flight`` batches submitted; yield results as they finish."""
    pending: set[Any] = set()
    iterator = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < in_flight:
            try:
                pending.add(submit(next(iterator)))
            except StopIteration:
                exhausted = True
        if not pending:
            return
        done, pending = wait_one(pending)
        for future in done:
            yield result(future)


def _exit_with(build_pid: int) -> None:
    """Make this worker process exit as soon as the build process ``build_pid`` ends.

    A build killed with SIGKILL (or by the out-of-memory killer) cannot shut its
    pool down, and its workers would wait forever: each holds both ends of the
    pool's pipes, so none sees the build go, and each keeps its model in memory
    (280 MB). A daemon thread waits on a pidfd of the build (Linux) and ends the
    worker when it becomes readable, that is when the build has exited.
    Elsewhere than on Linux, the workers of a killed build linger until killed.
    """
    if not hasattr(os, "pidfd_open"):
        return
    try:
        pidfd = os.pidfd_open(build_pid)
    except ProcessLookupError:
        os._exit(1)

    def wait_for_exit() -> None:
        select.select([pidfd], [], [])
        os._exit(1)

    threading.Thread(target=wait_for_exit, name="kg-exit-with-build", daemon=True).start()


def run_processes(function: Callable[[T], R], batches: Iterable[T], workers: int) -> Iterator[R]:
    """Run batches on ``workers`` local processes (each loads the model once)."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=partial(_exit_with, os.getpid())) as pool:

        def wait_one(pending: set[Future[R]]) -> tuple[set[Any], set[Any]]:
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return set(done), set(rest)

        yield from _bounded(lambda b: pool.submit(function, b), wait_one, lambda f: f.result(),
                            batches, in_flight=2 * workers)


def run_dask(function: Callable[[T], R], batches: Iterable[T], address: str) -> Iterator[R]:
    """Run batches on a Dask cluster: ``address`` of a scheduler, or ``local`` for a LocalCluster.

    ``local`` starts one single-threaded worker process per core; a scheduler
    address (``tcp://host:8786``) uses that cluster's workers, which need kg
    and the spaCy model installed.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise KGError(
            "expected Dask's distributed scheduler for --dask, but it is not installed; "
            "install it with: pip install 'kg[scale]'"
        ) from exc

    cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None) if address == "local" else None
    try:
        with Client(cluster if cluster is not None else address) as client:
            in_flight = 2 * (len(client.scheduler_info().get("workers", {})) or 1)
            completed = as_completed()

            def submit(batch: T) -> Any:
                future = client.submit(function, batch, pure=False)
                completed.add(future)
                return future

            def wait_one(pending: set[Any]) -> tuple[set[Any], set[Any]]:
                future = next(completed)
                return {future}, pending - {future}

            yield from _bounded(submit, wait_one, lambda f: f.result(), batches, in_flight)
    finally:
        if cluster is not None:
            cluster.close()
