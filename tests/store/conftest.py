"""Fixtures of the store tests: a build folder of hand-made articles, shared by a module."""

from __future__ import annotations

import pytest
from store_graphs import write_folder


@pytest.fixture(scope="session")
def news_folder(tmp_path_factory):
    """A build folder (store/ and graph.html) holding the three hand-made articles; read only."""
    return write_folder(tmp_path_factory.mktemp("news"))
