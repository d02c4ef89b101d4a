"""Factuality: modality, negation, conditions and attribution set a fact's status and source."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, predicate, status",
    [
        ("Ukraine signed an agreement with Japan.", "signsAgreementWith", "occurred"),
        # modal auxiliaries
        ("Ukraine could sign an agreement with Japan.", "signsAgreementWith", "possible"),
        ("Ukraine may sign an agreement with Japan.", "signsAgreementWith", "possible"),
        ("Ukraine might sign an agreement with Japan.", "signsAgreementWith", "possible"),
        ("Ukraine will sign an agreement with Japan.", "signsAgreementWith", "planned"),
        # verbs and phrases of intention
        ("Kyiv expects to sign an agreement with Japan.", "signsAgreementWith", "planned"),
        ("Ukraine is seeking to sign an agreement with Japan.", "signsAgreementWith", "planned"),
        ("Ukraine is set to sign an agreement with Japan.", "signsAgreementWith", "planned"),
        ("Moldova hopes to join the European Union by 2030.", "joins", "planned"),
        ("Finland plans to join NATO.", "joins", "planned"),
        ("Ukraine is moving towards an agreement with Japan.", "signsAgreementWith", "planned"),
        ("Canada is expected to sign a pact with Ukraine.", "signsAgreementWith", "planned"),
        ("The European Council decided to open accession negotiations with Moldova.", "negotiatesWith", "planned"),
        ("Poland will be able to sign a deal with Ukraine in the near future.", "signsAgreementWith", "planned"),
        ("Ukraine signs a deal with Japan in the coming weeks.", "signsAgreementWith", "planned"),
        # negation
        ("Ukraine did not sign the agreement with Hungary.", "signsAgreementWith", "negated"),
        ("Hungary has never joined NATO.", "joins", "negated"),
        ("Kyiv will not sign a deal with Moscow.", "signsAgreementWith", "negated"),
        # conditions
        ("The agreement will happen after Congress passes the aid bill.", "approves", "planned"),
        ("If Congress approves the funding, the Pentagon could send weapons to Ukraine.", "providesAidTo", "possible"),
        ("The deal could happen after Congress passes the aid bill, which happened last week.", "approves", "occurred"),
        # a future time inside a relative clause is that clause's, not the main verb's
        (
            "Latvia and Ukraine signed a pact during a visit by Evika Silina, who announced aid for the coming year.",
            "signsAgreementWith",
            "occurred",
        ),
        # presupposed events keep their status under a modal
        ("Allies would help Kyiv repel Russia's invasion.", "attacks", "occurred"),
    ],
)
def test_status(read, sentence, predicate, status):
    statuses = {s for _, p, _, s in read(sentence) if p == predicate}
    assert statuses == {status}


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Ukraine signed a pact with Japan, Prime Minister Fumio Kishida said.", "Fumio Kishida"),
        ("Blinken said that Zelensky could meet with Joe Biden.", "Blinken"),
        ("The Presidential Office announced that Ukraine and Czechia had begun negotiations.", "Presidential Office"),
        ("According to the Kremlin, Russia attacked Odesa overnight.", "Kremlin"),
        ("Ukraine signed a pact with Japan.", None),
    ],
)
def test_attribution(read, sentence, source):
    found = [f for f in read(sentence, detail=True) if f.predicate != "officialOf"]
    assert found
    assert {f.attributed_to.text if f.attributed_to else None for f in found} == {source}


def test_attribution_keeps_the_status(read):
    found = read("Blinken said Zelensky could meet with Joe Biden.", detail=True)
    assert [(f.predicate, f.status.value, f.attributed_to.text) for f in found if f.predicate == "meetsWith"] == [
        ("meetsWith", "possible", "Blinken")
    ]
