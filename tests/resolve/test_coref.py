"""Pronouns, definite descriptions and agreements resolved within an article, over real parses."""

from __future__ import annotations

import pytest

from kg.resolve import Resolver
from kg.types import Article

pytestmark = pytest.mark.model


def _resolve(nlp, text: str, facts: list) -> tuple[Resolver, list[tuple[str, str]]]:
    resolver = Resolver(None)
    resolved = resolver.resolve(Article(id="t", source="t.txt", text=text), nlp(text), facts)
    return resolver, [(f.subject.key, f.object.key) for f in resolved]


@pytest.mark.parametrize(
    "text, subject, predicate, obj, expected",
    [
        (  # "it" -> the subject of its sentence, not the nearer object
            "Ukraine is seeking to sign agreements with Latvia as it fights Russia's invasion.",
            ("Russia", "GPE"), "attacks", ("it", "PRON"),
            [("country/russia", "country/ukraine")],
        ),
        (  # "its" -> the country of the previous sentence
            "Poland signed the deal on Monday. Its prime minister met Joe Biden.",
            ("Its", "PRON"), "meetsWith", ("Joe Biden", "PERSON"),
            [("country/poland", "person/joe-biden")],
        ),
        (  # "he" -> a person, never a country
            "Ukrainian President Volodymyr Zelensky arrived in Washington. He met U.S. President Joe Biden.",
            ("He", "PRON"), "meetsWith", ("Joe Biden", "PERSON"),
            [("person/volodymyr-zelensky", "person/joe-biden")],
        ),
        (  # "the president" -> the last person titled president
            "U.S. Secretary of State Antony Blinken met President Volodymyr Zelensky. The president thanked Germany.",
            ("The president", "DESC"), "meetsWith", ("Germany", "GPE"),
            [("person/volodymyr-zelensky", "country/germany")],
        ),
        (  # "the minister" -> the last minister, not the secretary named after him
            "Ukraine's Foreign Minister Dmytro Kuleba spoke to Antony Blinken. The minister later met Annalena Baerbock.",
            ("The minister", "DESC"), "meetsWith", ("Annalena Baerbock", "PERSON"),
            [("person/dmytro-kuleba", "person/annalena-baerbock")],
        ),
        (  # "the parties" -> both members of the last pair: one fact each
            "Kuleba praised the dialogue between Zelensky and Biden. The parties will meet Denmark.",
            ("The parties", "DESC"), "meetsWith", ("Denmark", "GPE"),
            [("person/volodymyr-zelensky", "country/denmark"), ("person/joe-biden", "country/denmark")],
        ),
        (  # "the two countries" -> a coordinated pair of countries
            "Ukraine and Czechia began talks in April. The two countries will sign an accord with Poland.",
            ("The two countries", "DESC"), "signsAgreementWith", ("Poland", "GPE"),
            [("country/ukraine", "country/poland"), ("country/czechia", "country/poland")],
        ),
        (  # a coordination of demonyms before a government noun: one fact per country
            "Kyiv said that the Portuguese and Ukrainian governments had assigned teams.",
            ("Portuguese and Ukrainian governments", "NORP"), "meetsWith", ("Kyiv", "GPE"),
            [("country/portugal", "country/ukraine")],  # Ukraine with itself is dropped
        ),
        (  # "we" in a quote -> the country of the quoted person
            '"We will sign the agreement with the U.S.," Zelensky said.',
            ("We", "PRON"), "signsAgreementWith", ("U.S.", "GPE"),
            [("country/ukraine", "country/united-states")],
        ),
    ],
)
def test_anaphor_to_antecedent(nlp, make_fact, text, subject, predicate, obj, expected) -> None:
    attribution = ("Zelensky", "PERSON", text.count("Zelensky") - 1) if text.startswith('"') else None
    _, pairs = _resolve(nlp, text, [make_fact(text, subject, predicate, obj, attribution)])
    assert pairs == expected


@pytest.mark.parametrize(
    "text, subject, obj, reason",
    [
        ("It was raining when Latvia signed.", ("It", "PRON"), ("Latvia", "GPE"), "pronoun"),  # no antecedent before
        ("Spain signed. The chancellor met Latvia.", ("The chancellor", "DESC"), ("Latvia", "GPE"), "description"),
        ("He met Joe Biden.", ("He", "PRON"), ("Joe Biden", "PERSON"), "pronoun"),
    ],
)
def test_unresolvable_anaphor_drops_the_fact_and_counts_it(nlp, make_fact, text, subject, obj, reason) -> None:
    resolver, pairs = _resolve(nlp, text, [make_fact(text, subject, "meetsWith", obj)])
    assert (pairs, resolver.unresolved[reason]) == ([], 1)


AGREEMENTS = (
    "Ukraine held talks with the U.S. on a bilateral security agreement. "
    "Zelensky said the agreement could be signed after Congress passes a $61 billion aid bill for Ukraine. "
    "The bilateral security agreement between Kyiv and Washington would help Ukraine. "
    "Portugal joined the G7 Joint Declaration of Support for Ukraine, a pledge made by the Group of Seven."
)


@pytest.mark.parametrize(
    "words, label, nth, key",
    [
        ("bilateral security agreement", "AGREEMENT", 0, "agreement/security-agreement-ukraine-united-states"),
        ("the agreement", "DESC", 0, "agreement/security-agreement-ukraine-united-states"),
        ("bilateral security agreement between Kyiv and Washington", "AGREEMENT", 0, "agreement/security-agreement-ukraine-united-states"),
        ("a $61 billion aid bill", "AGREEMENT", 0, "agreement/aid-package-ukraine-61"),
        ("G7 Joint Declaration of Support for Ukraine", "AGREEMENT", 0, "agreement/g7-joint-declaration-of-support-for-ukraine"),
        ("a pledge", "AGREEMENT", 0, "agreement/g7-joint-declaration-of-support-for-ukraine"),
    ],
)
def test_agreement_mentions_are_one_node(nlp, make_fact, words, label, nth, key) -> None:
    _, pairs = _resolve(nlp, AGREEMENTS, [make_fact(AGREEMENTS, ("Portugal", "GPE"), "joins", (words, label, nth))])
    assert pairs == [("country/portugal", key)]


def test_agreement_parties_are_kept(nlp, make_fact) -> None:
    resolver, _ = _resolve(nlp, AGREEMENTS, [make_fact(AGREEMENTS, ("Portugal", "GPE"), "joins", ("the agreement", "DESC"))])
    assert resolver.parties["agreement/security-agreement-ukraine-united-states"] == ("country/ukraine", "country/united-states")


GOVERNMENTS = "The Government of Ukraine and the Government of the United States of America concluded talks on Monday."


@pytest.mark.parametrize(
    "subject, obj, expected",
    [
        # the extractor's bare head and the model's cut-off name, completed from the parse
        (("Government", "DESC"), ("the Government of the", "ORG"), [("country/ukraine", "country/united-states")]),
        (("Government", "DESC"), ("Monday", "DATE"), []),  # a date is no actor: the fact is dropped
    ],
)
def test_cut_names_are_completed_from_the_parse(nlp, make_fact, subject, obj, expected) -> None:
    _, pairs = _resolve(nlp, GOVERNMENTS, [make_fact(GOVERNMENTS, subject, "negotiatesWith", obj)])
    assert pairs == expected
