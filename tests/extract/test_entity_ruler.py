"""The entity ruler shipped as data fixes the actors the small model gets wrong."""

from __future__ import annotations

import json

import pytest

from kg.resources import ontology_file

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, name, label",
    [
        ("Kyiv said it would respond.", "Kyiv", "GPE"),
        ("The G7 met in Italy.", "G7", "ORG"),
        ("Leaders of the Group of Seven met in Italy.", "Group of Seven", "ORG"),
        ("Czechia and Ukraine signed a memorandum.", "Czechia", "GPE"),
        ("The Presidential Office reported the talks.", "Presidential Office", "ORG"),
        ("NATO allies met in Brussels.", "NATO", "ORG"),
        ("Portugal joined the G7 Joint Declaration of Support for Ukraine.", "G7 Joint Declaration of Support for Ukraine", "AGREEMENT"),
        ("They discussed a bilateral security agreement.", "bilateral security agreement", "AGREEMENT"),
        ("Congress passed a $61 billion aid package.", "$61 billion aid package", "AGREEMENT"),
        ("Blinken said the terms are almost approved.", "Blinken", "PERSON"),
        ("The agreement was signed by Biden and Zelenskiy in Apulia.", "Zelenskiy", "PERSON"),
        ("The Biden administration approved the sale.", "Biden administration", "ORG"),
    ],
)
def test_ruler_labels_actor(nlp, sentence, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(sentence).ents}


def test_patterns_are_json_lines_with_label_and_pattern():
    lines = ontology_file("entity_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert rows and all(set(row) >= {"label", "pattern"} for row in rows)


def test_ruler_runs_before_the_recogniser(nlp):
    names = nlp.pipe_names
    assert names.index("kg_entity_ruler") < names.index("ner")


@pytest.mark.parametrize(
    "name, country",
    [("Kyiv", "Ukraine"), ("Washington", "United States"), ("U.K.", "United Kingdom"), ("Ukrainian", "Ukraine")],
)
def test_names_of_one_country_share_a_pattern_id(nlp, name, country):
    doc = nlp(f"Officials in {name} commented.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [(name, country)]


def test_article_country_counts_a_capital_with_its_country(nlp):
    from kg.extract.mentions import article_country

    doc = nlp("Talks on security pact\n\nKyiv met Washington. Kyiv and Ukraine's allies met. The U.S. agreed.")
    assert article_country(doc).text == "Ukraine"
