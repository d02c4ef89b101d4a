"""What a user sees of ingest in the built graph of the seeds: metadata, and no chrome names."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib import namespace
from rdflib.namespace import RDFS, SKOS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    return Graph().parse(seed_build.out / "graph.ttl")


def test_seed_articles_carry_headline_author_and_date(seed_build, seed_graph):
    assert seed_build.failures == []
    published = sorted(str(d) for d in seed_graph.objects(None, namespace.SDO.datePublished))
    assert published == ["2024-04-20", "2024-04-30"]
    assert {str(a) for a in seed_graph.objects(None, namespace.SDO.author)} == {"Kateryna Hodunova"}
    headlines = {str(h) for h in seed_graph.objects(None, namespace.SDO.headline)}
    assert "Blinken: Zelensky, Biden may meet to sign security agreement in 'coming weeks'" in headlines
    assert len(headlines) == 3


@pytest.mark.parametrize(
    "chrome_name",
    ["Putin", "Trump", "Jean-Pierre", "Umerov", "Geoana", "Schumer", "Mrochko", "Kherson", "Tsurkan", "Rudenko"],
)
def test_no_entity_is_named_from_site_chrome(seed_graph, chrome_name):
    names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in seed_graph.objects(None, p)}
    assert not [name for name in names if chrome_name in name]
