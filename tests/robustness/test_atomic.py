"""Atomic outputs: readers see the old file or the new one, and killed writers leave nothing behind."""

from __future__ import annotations

import doctest
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import kg.atomic
from kg.atomic import atomic_path

OLD, SMALL, LARGE = b"old\n" * 1000, b"a" * 300_000, b"b" * 2_000_000

# A writer that dies (SIGKILL from the test) in the middle of writing graph.ttl.
_KILLED_WRITER = """
import sys, time
from pathlib import Path
from kg.atomic import atomic_path
with atomic_path(Path(sys.argv[1])) as tmp:
    tmp.write_bytes(b"half of a gra")
    print("writing", flush=True)
    time.sleep(60)
"""


def test_doctests():
    assert doctest.testmod(kg.atomic).failed == 0


def test_a_reader_never_sees_half_a_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    seen: set[bytes] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(target.read_bytes())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(40):
            with atomic_path(target) as tmp:
                with open(tmp, "wb") as out:
                    for start in range(0, len(data := (SMALL, LARGE)[i % 2]), 65_536):
                        out.write(data[start : start + 65_536])
    finally:
        done.set()
        reader.join()
    assert seen <= {OLD, SMALL, LARGE}
    assert len(seen) >= 2


@pytest.mark.parametrize("failure", [ValueError("serializer failed"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, failure):
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    with pytest.raises(type(failure)):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise failure
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_killed_writer_leaves_the_old_file_and_the_next_write_removes_its_temporary(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD)
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert target.read_bytes() == OLD
    assert len(list(tmp_path.iterdir())) == 2  # graph.ttl and the dead writer's temporary
    with atomic_path(target) as tmp:
        tmp.write_bytes(SMALL)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    assert target.read_bytes() == SMALL


@pytest.mark.parametrize(
    "name, kept",
    [
        (f".graph.ttl.{os.getpid()}.abc123.tmp", True),  # a live writer (this process) is left alone
        (".graph.ttl.abc123.tmp", True),  # no writer id: not ours to judge
        (".graph.html.999999999.abc123.tmp", True),  # another output's temporary
        ("graph.ttl.999999999.abc123.tmp", True),  # not hidden: not a temporary of atomic_path
        (".graph.ttl.999999999.abc123.tmp", False),  # its writer is gone
    ],
)
def test_only_the_temporaries_of_dead_writers_are_removed(tmp_path, name, kept):
    (tmp_path / name).write_bytes(b"x")
    with atomic_path(tmp_path / "graph.ttl") as tmp:
        tmp.write_bytes(SMALL)
    assert (tmp_path / name).exists() is kept


def test_outputs_are_readable_like_any_file(tmp_path):
    target = tmp_path / "graph.ttl"
    with atomic_path(target) as tmp:
        tmp.write_bytes(SMALL)
    mask = os.umask(0)
    os.umask(mask)
    assert Path(target).stat().st_mode & 0o777 == 0o666 & ~mask
