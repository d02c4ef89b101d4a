"""Sources to articles: walking folders, reading bytes, decoding text, one failure per bad input.

Articles stream: folders are walked one directory at a time and each file is
read only when its article is asked for, so a folder of 10,000 files or a
large JSONL corpus starts at once and never sits in memory whole. Nothing bad
in one source stops the stream: each yields a :class:`~kg.types.ReadFailure`
that says what was wrong, and reading goes on with the next.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import SourceError
from kg.ingest.formats import SUFFIXES, article_id, read_record, read_text
from kg.types import Article, ReadFailure

__all__ = ["MAX_BYTES", "read_sources", "decode"]

MAX_BYTES = 20 * 2**20
"""Largest article file read (20 MB); a larger one is a ReadFailure, not a memory spike.

News articles are a few kilobytes: a file over this is a dump or a mistake. In
a JSONL corpus the limit applies to each line (each article), not the file.
"""

_MB = 2**20
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | frozenset(range(0x7F, 0xA0))
_MAX_CONTROL_SHARE = 0.05
"""Share of control characters above which undecodable bytes are binary, not Latin-1 text."""


def read_sources(sources: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Yield each article of the given files and folders, or why a source failed.

    Folders are read recursively, in name order, taking ``.txt``, ``.md``,
    ``.html``/``.htm`` and ``.jsonl`` files and skipping other suffixes and
    hidden files silently; a file named explicitly is read whatever its suffix
    (an unknown one as plain text).

    Examples:
        >>> [type(item).__name__ for item in read_sources(["no/such/file.txt"])]
        ['ReadFailure']
    """
    for source in sources:
        path = Path(source)
        try:
            is_dir = stat.S_ISDIR(_stat(path).st_mode)
        except SourceError as exc:
            yield ReadFailure(str(path), str(exc))
            continue
        if is_dir:
            yield from _walk(path)
        else:
            yield from _read_file(path, SUFFIXES.get(path.suffix.lower(), "txt"))


def _stat(path: Path) -> os.stat_result:
    """The file's status, following links; a missing, looping or forbidden path is a SourceError."""
    try:
        return path.stat()
    except OSError as exc:
        raise SourceError(_os_reason(exc, path)) from exc


def _os_reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link points back to itself; remove or fix the link"
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return f"broken symlink: it points to {os.readlink(path)!r}, which does not exist"
        return "no such file or folder; check the path"
    if isinstance(exc, PermissionError):
        return "permission denied; give the user running kg read access"
    return f"cannot be read ({exc.strerror or exc})"


def _walk(root: Path) -> Iterator[Article | ReadFailure]:
    """Articles of a folder tree, depth first in name order, each folder read once."""
    seen: dict[tuple[int, int], Path] = {}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            status = folder.stat()
            with os.scandir(folder) as scan:
                entries = sorted((entry for entry in scan if not entry.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            yield ReadFailure(str(folder), _os_reason(exc, folder))
            continue
        identity = (status.st_dev, status.st_ino)
        if identity in seen:
            yield ReadFailure(str(folder), f"symlink loop: this folder is {seen[identity]} again, already read; skipped")
            continue
        seen[identity] = folder
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:
                yield ReadFailure(str(path), _os_reason(exc, path))
                continue
            if is_dir:
                subfolders.append(path)
            elif entry.is_symlink() and not is_file and path.suffix.lower() in SUFFIXES:
                yield ReadFailure(str(path), _os_reason(_dangling(path), path))
            elif is_file and path.suffix.lower() in SUFFIXES:
                yield from _read_file(path, SUFFIXES[path.suffix.lower()])
        stack.extend(reversed(subfolders))


def _dangling(path: Path) -> OSError:
    """Why a symlink that is neither file nor folder cannot be followed."""
    try:
        path.stat()
    except OSError as exc:
        return exc
    return OSError(errno.EINVAL, "not a regular file")


def _read_file(path: Path, fmt: str) -> Iterator[Article | ReadFailure]:
    if fmt == "jsonl":
        yield from _read_jsonl(path)
        return
    try:
        yield read_text(decode(_read_bytes(path)), str(path), fmt=fmt)
    except SourceError as exc:
        yield ReadFailure(str(path), str(exc))


def _read_bytes(path: Path) -> bytes:
    size = _stat(path).st_size
    _check_size(size)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(_os_reason(exc, path)) from exc
    _check_size(len(data))
    if not data:
        raise SourceError("file is empty; expected the text of an article")
    return data


def _check_size(size: int, what: str = "file") -> None:
    if size > MAX_BYTES:
        measured = f"{size / _MB:.1f} MB" if what == "file" else f"more than {MAX_BYTES // _MB} MB"
        raise SourceError(
            f"{what} is {measured}, over the {MAX_BYTES // _MB} MB limit; "
            "split it into one article per file or per JSONL line, or raise kg.ingest.MAX_BYTES"
        )


def decode(data: bytes) -> str:
    """Text of an article's bytes: UTF-8, UTF-16/32 with a byte-order mark, or Latin-1.

    Latin-1 is read as Windows-1252 where that is defined (curly quotes, dashes),
    since that is what "Latin-1" files from Windows editors are.

    Raises:
        SourceError: The bytes are binary (NUL bytes, mostly control characters) or
            hold no text.

    Examples:
        >>> decode("Kyiv – Kiew".encode("cp1252"))
        'Kyiv – Kiew'
        >>> decode("Київ".encode("utf-16"))
        'Київ'
    """
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"starts with a {encoding.upper()} byte-order mark but is not {encoding}: {exc}") from exc
            break
    if text is None:
        if b"\x00" in data:
            raise SourceError(
                "binary file (NUL bytes): expected text in UTF-8, Latin-1, or UTF-16 with a byte-order mark"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_8bit(data)
    if not text.strip():
        raise SourceError("file holds only white space; expected the text of an article")
    return text


def _decode_8bit(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    control = sum(1 for char in text if ord(char) in _CONTROL)
    if control > _MAX_CONTROL_SHARE * len(text):
        raise SourceError(
            f"binary file: {control} of {len(text)} characters are control codes, in no text encoding; "
            "expected UTF-8, Latin-1, or UTF-16 with a byte-order mark"
        )
    return text


def _read_jsonl(path: Path) -> Iterator[Article | ReadFailure]:
    """One article per line; a broken line is one failure (``path:LINE``) and reading goes on."""
    try:
        if _stat(path).st_size == 0:
            raise SourceError("file is empty; expected one JSON object per line")
        file = path.open("rb")
    except SourceError as exc:
        yield ReadFailure(str(path), str(exc))
        return
    except OSError as exc:
        yield ReadFailure(str(path), _os_reason(exc, path))
        return
    stem = article_id(path)
    with file:
        for number, line in enumerate(iter(lambda: file.readline(MAX_BYTES + 1), b""), 1):
            source = f"{path}:{number}"
            try:
                if len(line) > MAX_BYTES:
                    while line and not line.endswith(b"\n"):  # skip the rest of the long line
                        line = file.readline(MAX_BYTES + 1)
                    _check_size(MAX_BYTES + 1, "line")
                if not line.strip():
                    continue
                yield read_record(_json(line, number == 1), source, f"{stem}-{number}")
            except SourceError as exc:
                yield ReadFailure(source, str(exc))


def _json(line: bytes, first: bool) -> object:
    text = decode(line[len(codecs.BOM_UTF8) :] if first and line.startswith(codecs.BOM_UTF8) else line)
    try:
        return json.loads(text.strip())
    except json.JSONDecodeError as exc:
        raise SourceError(f"not valid JSON ({exc.msg}, column {exc.colno})") from exc
