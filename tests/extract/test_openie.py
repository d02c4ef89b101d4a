"""Open triples: every clause, CaRB style, as ``kg openie`` prints them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.extract import open_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, relation, arguments",
    [
        ("Ukraine signed a security agreement with France.", "signed", ("Ukraine", "a security agreement with France")),
        ("The agreement was signed by Biden and Zelensky.", "was signed by", ("The agreement", "Biden and Zelensky")),
        ("Jesus is not accepted by Muslims.", "is not accepted by", ("Jesus", "Muslims")),
        ("Gideon Rodan taught at the university from 1970.", "taught at", ("Gideon Rodan", "the university", "from 1970")),
        ("Kuleba said that the talks were useful.", "said that", ("Kuleba", "the talks were useful")),
        ("Tom Bradley, a junior clerk, joined the company in 1941.", "is", ("Tom Bradley", "a junior clerk")),
        ("Portugal, a country that joined the declaration, sent aid.", "joined", ("a country", "the declaration")),
    ],
)
def test_open_triple(nlp, sentence, relation, arguments):
    found = {(t.relation, t.arguments) for t in open_triples(nlp(sentence))}
    assert (relation, arguments) in found


def test_every_triple_has_evidence_and_a_ranked_confidence(nlp):
    triples = open_triples(nlp("Russia attacked Kharkiv. Ukraine asked its allies for air defense."), "a1")
    assert {t.evidence.article_id for t in triples} == {"a1"}
    assert all(0 < t.confidence <= 1 for t in triples)
    assert {t.evidence.sentence for t in triples} == {"Russia attacked Kharkiv.", "Ukraine asked its allies for air defense."}


def test_cli_prints_one_tab_separated_extraction_per_line(tmp_path):
    source = tmp_path / "sentences.txt"
    source.write_text("Ukraine signed a pact with Japan.\n\nRussia attacked Kharkiv.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["openie", str(source)])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert {row[0] for row in rows} == {"Ukraine signed a pact with Japan.", "Russia attacked Kharkiv."}
    assert all(len(row) >= 5 and 0 < float(row[1]) <= 1 for row in rows)
    assert ["Russia attacked Kharkiv.", rows[-1][1], "attacked", "Russia", "Kharkiv"] in rows


def test_cli_missing_file_says_what_to_do(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    kg = Path(sys.executable).with_name("kg")
    result = subprocess.run([str(kg), "openie", str(tmp_path / "absent.txt")], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("kg: expected a UTF-8 text file") and "check the path" in result.stderr


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Ukraine signed a deal with Japan.", "occurred"),
        ("Ukraine could sign a deal with Japan.", "possible"),
        ("Ukraine will sign a deal with Japan.", "planned"),
        ("Ukraine did not sign the deal with Japan.", "negated"),
    ],
)
def test_open_triple_carries_the_clause_status(nlp, sentence, status):
    assert {t.status.value for t in open_triples(nlp(sentence))} == {status}
