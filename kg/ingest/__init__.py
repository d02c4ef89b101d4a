"""Reading articles: files and folders of .txt, .md, .html and .jsonl, to their main story.

``read_sources`` streams :class:`~kg.types.Article` records (or a
:class:`~kg.types.ReadFailure` per bad source) for the build; ``read_text``
reads one article held in memory. Each article's text is its main story only
(headline, dateline, lead, body, photo captions), with the byline read into
``author`` and ``published`` and the site chrome left out.

Modules: :mod:`~kg.ingest.sources` (folders, bytes, encodings, failures),
:mod:`~kg.ingest.formats` (txt, md, html, jsonl, ids), :mod:`~kg.ingest.chrome`
(main story versus site chrome, rules in ``ontology/ingest/chrome.tsv``) and
:mod:`~kg.ingest.metadata` (byline, dates).
"""

from __future__ import annotations

from kg.ingest.formats import read_text
from kg.ingest.sources import MAX_BYTES, read_sources

__all__ = ["MAX_BYTES", "read_sources", "read_text"]
