"""The Examples in the resolve modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    ["kg.resolve.names", "kg.resolve.gazetteer", "kg.resolve.agreements", "kg.resolve.coref", "kg.resolve.resolver"],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
