"""`kg validate DIR` and `kg ontology --check`, run as a user runs them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf import article_graph
from kg.validate import gate

from .facts import ARTICLE, GOOD_FACTS, UKRAINE, USA, fact

runner = CliRunner()


@pytest.mark.model
@pytest.mark.slow
def test_seed_build_conforms(seed_build):
    result = runner.invoke(app, ["validate", str(seed_build.out)])
    assert result.exit_code == 0, result.output
    assert "violations in main graph: 0" in result.output


@pytest.mark.model
@pytest.mark.slow
def test_seed_build_agrees_with_both_engines(seed_build):
    from kg.validate import check_dir

    assert check_dir(seed_build.out, engine="fast").violations == check_dir(seed_build.out).violations == []


def test_violations_in_main_graph_fail_with_a_readable_report(tmp_path):
    bad = fact(UKRAINE, "pledges", USA)
    article_graph(ARTICLE, [*GOOD_FACTS, bad]).serialize(tmp_path / "graph.ttl", format="turtle")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "rule AgreementRange" in result.output
    assert "range rule: the object of pledges and approves is a kg:Agreement" in result.output
    assert f"sentence: {bad.evidence.sentence}" in result.output


def test_quarantine_is_reported_but_does_not_fail(tmp_path):
    from rdflib import Dataset, URIRef

    result = gate(article_graph(ARTICLE, [*GOOD_FACTS, fact(UKRAINE, "pledges", USA)]))
    result.main.serialize(tmp_path / "graph.ttl", format="turtle")
    dataset = Dataset()
    named = dataset.graph(URIRef("https://w3id.org/kg/article/a1/quarantine"))
    named += result.quarantine
    dataset.serialize(tmp_path / "quarantine.trig", format="trig")
    out = runner.invoke(app, ["validate", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "quarantined: 1" in out.output and "rule AgreementRange" in out.output


def test_missing_graph_says_what_to_do(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="kg build"):
        runner.invoke(app, ["validate", str(tmp_path)], catch_exceptions=False)


def test_generated_files_check():
    result = runner.invoke(app, ["ontology", "--check"])
    assert result.exit_code == 0, result.output


def test_quarantine_is_read_from_the_store(tmp_path):
    from kg.rdf import article_iri
    from kg.store import open_store

    result = gate(article_graph(ARTICLE, [*GOOD_FACTS, fact(UKRAINE, "pledges", USA)]))
    store = open_store(tmp_path / "store")
    store.replace_article(article_iri(ARTICLE.id), result.main, result.quarantine)
    store.close()
    result.main.serialize(tmp_path / "graph.ttl", format="turtle")
    out = runner.invoke(app, ["validate", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "quarantined: 1" in out.output and "rule AgreementRange" in out.output
