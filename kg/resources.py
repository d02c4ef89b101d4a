"""Where kg finds the data it applies: the ``ontology/`` folder.

Knowledge lives in data files that users read and extend (lexicon, entity
patterns, gazetteer, shapes, saved queries); code only applies them. The folder
is the repository's ``ontology/``; ``KG_ONTOLOGY`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ontology_dir", "ontology_file"]


def ontology_dir() -> Path:
    """The folder of ontology and data files."""
    override = os.environ.get("KG_ONTOLOGY")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, by name (``"kg.ttl"``, ``"queries/timeline.rq"``)."""
    return ontology_dir() / name
