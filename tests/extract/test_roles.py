"""Roles: titles and appositions that state who holds office where (officialOf)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _roles(read, text):
    return {(s, o) for s, p, o, _ in read(text) if p == "officialOf"}


@pytest.mark.parametrize(
    "sentence, person, office",
    [
        ("Head of the Presidential Office Andriy Yermak arrived in Washington.", "Andriy Yermak", "Presidential Office"),
        ("Ukraine's Foreign Minister Dmytro Kuleba spoke to reporters.", "Dmytro Kuleba", "Ukraine"),
        ("U.S. President Joe Biden spoke to reporters.", "Joe Biden", "U.S."),
        ("U.S. Secretary of State Antony Blinken arrived in Kyiv.", "Antony Blinken", "U.S."),
        ("Ukrainian President Volodymyr Zelensky arrived in Berlin.", "Volodymyr Zelensky", "Ukrainian"),
        ("NATO Secretary General Jens Stoltenberg arrived in Vilnius.", "Jens Stoltenberg", "NATO"),
        ("Dmytro Kuleba, Ukraine's foreign minister, met his Chinese counterpart.", "Dmytro Kuleba", "Ukraine"),
    ],
)
def test_title_or_apposition_gives_office(read, sentence, person, office):
    assert (person, office) in _roles(read, sentence)


@pytest.mark.parametrize(
    "text, person, office",
    [
        # a bare title takes the country another mention of the person names
        (
            "Ukrainian President Volodymyr Zelensky arrived. Later, President Volodymyr Zelensky spoke.",
            "Volodymyr Zelensky",
            "Ukrainian",
        ),
        # or the article's country, when the person reports what that country does
        (
            "Ukraine wants peace. President Volodymyr Zelensky said that Ukraine is ready to sign.",
            "Volodymyr Zelensky",
            "Ukraine",
        ),
    ],
)
def test_bare_title_when_the_text_makes_the_country_clear(read, text, person, office):
    assert (person, office) in _roles(read, text)


@pytest.mark.parametrize(
    "text",
    [
        # the person speaks about another country's acts: no office guessed
        "Ukraine needs help. Poland will not send troops to Ukraine, Prime Minister Donald Tusk said.",
        # a title without a country or head-of-state rank
        "Defense Minister Rustem Umerov visited the front.",
    ],
)
def test_no_guessed_office(read, text):
    assert _roles(read, text) == set()
