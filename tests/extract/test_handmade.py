"""Rules over parses fixed by hand, so that they hold whatever the model's mood.

Each parse is written as rows of (word, head index, dependency, POS, tag, lemma)
with entities as IOB labels, the way the small English model parses these
constructions on a good day.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract import facts
from kg.types import Article

pytestmark = pytest.mark.model  # needs only the model's vocabulary


def _doc(nlp, rows, ents):
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(
        nlp.vocab,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        tags=list(tags),
        lemmas=list(lemmas),
        ents=ents,
    )


def _facts(doc):
    article = Article(id="h", source="h.txt", text=doc.text)
    return {(f.subject.text, f.predicate, f.object.text, f.status.value, f.subject.label) for f in facts(doc, article)}


# "Ukraine wants allies . Nine were signed with Latvia and Finland ."
PASSIVE = [
    ("Ukraine", 1, "nsubj", "PROPN", "NNP", "Ukraine"),
    ("wants", 1, "ROOT", "VERB", "VBZ", "want"),
    ("allies", 1, "dobj", "NOUN", "NNS", "ally"),
    (".", 1, "punct", "PUNCT", ".", "."),
    ("Nine", 6, "nsubjpass", "NUM", "CD", "nine"),
    ("were", 6, "auxpass", "AUX", "VBD", "be"),
    ("signed", 6, "ROOT", "VERB", "VBN", "sign"),
    ("with", 6, "prep", "ADP", "IN", "with"),
    ("Latvia", 7, "pobj", "PROPN", "NNP", "Latvia"),
    ("and", 8, "cc", "CCONJ", "CC", "and"),
    ("Finland", 8, "conj", "PROPN", "NNP", "Finland"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
PASSIVE_ENTS = ["B-GPE", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"]

# "Zelensky ( L ) and Biden meet ." with the coordination missed: two subjects
TWO_SUBJECTS = [
    ("Zelensky", 6, "nsubj", "PROPN", "NNP", "Zelensky"),
    ("(", 0, "punct", "PUNCT", "-LRB-", "("),
    ("L", 0, "appos", "PROPN", "NNP", "L"),
    (")", 0, "punct", "PUNCT", "-RRB-", ")"),
    ("and", 0, "cc", "CCONJ", "CC", "and"),
    ("Biden", 6, "nsubj", "PROPN", "NNP", "Biden"),
    ("meet", 6, "ROOT", "VERB", "VBP", "meet"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
TWO_SUBJECTS_ENTS = ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"]

# "Kyiv could sign a deal with Oslo ."
MODAL = [
    ("Kyiv", 2, "nsubj", "PROPN", "NNP", "Kyiv"),
    ("could", 2, "aux", "AUX", "MD", "could"),
    ("sign", 2, "ROOT", "VERB", "VB", "sign"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("deal", 2, "dobj", "NOUN", "NN", "deal"),
    ("with", 4, "prep", "ADP", "IN", "with"),
    ("Oslo", 5, "pobj", "PROPN", "NNP", "Oslo"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
MODAL_ENTS = ["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"]

# "Head of the Presidential Office Andriy Yermak spoke ." with "Head" as the subject's head
TITLE = [
    ("Head", 7, "nsubj", "PROPN", "NNP", "Head"),
    ("of", 0, "prep", "ADP", "IN", "of"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("Presidential", 4, "compound", "PROPN", "NNP", "Presidential"),
    ("Office", 6, "compound", "PROPN", "NNP", "Office"),
    ("Andriy", 6, "compound", "PROPN", "NNP", "Andriy"),
    ("Yermak", 1, "pobj", "PROPN", "NNP", "Yermak"),
    ("spoke", 7, "ROOT", "VERB", "VBD", "speak"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
TITLE_ENTS = ["O", "O", "O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O", "O"]


@pytest.mark.parametrize(
    "rows, ents, expected",
    [
        (PASSIVE, PASSIVE_ENTS, {("Ukraine", "signsAgreementWith", "Latvia", "occurred", "IMPLICIT"),
                                 ("Ukraine", "signsAgreementWith", "Finland", "occurred", "IMPLICIT")}),
        (TWO_SUBJECTS, TWO_SUBJECTS_ENTS, {("Zelensky", "meetsWith", "Biden", "occurred", "PERSON")}),
        (MODAL, MODAL_ENTS, {("Kyiv", "signsAgreementWith", "Oslo", "possible", "GPE")}),
        (TITLE, TITLE_ENTS, {("Andriy Yermak", "officialOf", "Presidential Office", "occurred", "PERSON")}),
    ],
    ids=["agentless-passive", "missed-coordination", "modal", "title-misparse"],
)
def test_rule_on_fixed_parse(nlp, rows, ents, expected):
    assert _facts(_doc(nlp, rows, ents)) == expected


def test_extraction_changes_nothing(nlp):
    doc = _doc(nlp, MODAL, MODAL_ENTS)
    before = doc.to_bytes()
    _facts(doc)
    assert doc.to_bytes() == before
