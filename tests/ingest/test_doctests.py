"""The Examples in the ingest modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["kg.ingest.metadata", "kg.ingest.chrome", "kg.ingest.formats", "kg.ingest.sources"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
