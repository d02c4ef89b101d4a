"""Shared fixtures: the repository's folders and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()
