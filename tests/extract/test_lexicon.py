"""The lexicon in ontology/: data that maps open predicates onto the core vocabulary."""

from __future__ import annotations

import pytest

from kg.errors import ModelError
from kg.extract.mapping import load_lexicon
from kg.types import CORE_PREDICATES

HEADER = "# lemma\tpos\tsubject\tobject\tpredicate\timplicit\tlabels\trequires\n"


def test_shipped_lexicon_covers_every_core_predicate_but_roles():
    lexicon = load_lexicon()
    covered = {f.predicate for frames in lexicon.frames.values() for f in frames}
    assert covered == set(CORE_PREDICATES) - {"officialOf"}
    assert {"negotiation", "talk", "invasion", "approval", "pledge"} <= lexicon.nouns


@pytest.mark.parametrize(
    "row, expected",
    [
        ("sign\tverb\tsubj\twith\tsignsWith\t-\tactor\t-", "expected a core predicate"),
        ("sign\tverb\tsubj\twith\tsignsAgreementWith\t-\tactor", "expected 8 TAB-separated columns"),
        ("sign\tadverb\tsubj\twith\tsignsAgreementWith\t-\tactor\t-", "expected pos verb|noun"),
    ],
)
def test_malformed_row_says_what_to_fix(tmp_path, row, expected):
    path = tmp_path / "predicates.tsv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ModelError, match=expected) as info:
        load_lexicon(path)
    assert "line 2" in str(info.value)


def test_missing_lexicon_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="predicate lexicon"):
        load_lexicon(tmp_path / "absent.tsv")


@pytest.mark.model
def test_a_new_row_extends_coverage_without_code(nlp, tmp_path):
    from kg.extract.clauses import clauses
    from kg.extract.mapping import pairings

    path = tmp_path / "predicates.tsv"
    path.write_text(HEADER + "shake\tverb\tsubj\twith\tmeetsWith\t-\tactor\t-\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    doc = nlp("Joe Biden shook hands with Olaf Scholz in Berlin.")
    found = [
        (p.subject.text, p.frame.predicate, p.object.text)
        for sent in doc.sents
        for clause in clauses(sent, lexicon.nouns)
        for p in pairings(clause, lexicon, None)
    ]
    assert found == [("Joe Biden", "meetsWith", "Olaf Scholz")]
