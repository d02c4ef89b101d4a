"""Atomic file output: a reader sees the old file or the new one, never half of one.

A writer killed mid-write (SIGKILL, out of memory) cannot clean up after
itself, so each temporary file carries its writer's process id, and the next
write to the same file removes the temporaries of writers that are gone.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path"]


def _umask() -> int:
    """The process umask (mkstemp creates files 0600; outputs should be readable like any file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (one of another user counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_orphans(target: Path) -> None:
    """Remove the temporaries of ``target`` whose writer is dead; a live writer's are left alone."""
    temporary = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp")
    with os.scandir(target.parent) as entries:
        for entry in entries:
            found = temporary.fullmatch(entry.name)
            if found and not _alive(int(found.group(1))):
                Path(entry.path).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable: without it, a power cut can bring the old file back."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    The temporary file is in the same folder, so the rename is atomic on POSIX;
    on an exception it is removed and ``target`` is left as it was.

    Examples:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "graph.ttl"
        >>> with atomic_path(target) as tmp:
        ...     _ = tmp.write_text("new")
        >>> target.read_text(), [p.name for p in target.parent.iterdir()]
        ('new', ['graph.ttl'])
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)
