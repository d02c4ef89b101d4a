"""Reading articles: files and folders of .txt, .md, .html and .jsonl.

STUB: the first line is the headline, the rest the story. The ingest stage
replaces this with metadata parsing and main-story extraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.types import Article, ReadFailure

__all__ = ["read_sources"]


def read_sources(sources: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Yield each article found in the given files and folders, or why it failed."""
    for source in sources:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                yield ReadFailure(str(file), exc.strerror or str(exc))
                continue
            title = next((line.strip() for line in text.splitlines() if line.strip()), None)
            yield Article(id=file.stem, source=str(file), text=text, title=title)
