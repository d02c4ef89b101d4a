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
    "text, person, title",
    [
        # the person speaks about another country's acts: the article's country is not guessed
        ("Ukraine needs help. Poland will not send troops to Ukraine, Prime Minister Donald Tusk said.", "Donald Tusk", "Prime Minister"),
        # a title without a country or head-of-state rank
        ("Defense Minister Rustem Umerov visited the front.", "Rustem Umerov", "Defense Minister"),
        ("Speaker Mike Johnson refused to hold a vote.", "Mike Johnson", "Speaker"),
    ],
)
def test_bare_title_is_left_to_the_resolver(read, text, person, title):
    """No country is guessed: the office is the title, which the resolver reads from what it knows."""
    found = {(f.subject.text, f.object.text, f.object.label) for f in read(text, detail=True) if f.predicate == "officialOf"}
    assert found == {(person, title, "OFFICE")}


@pytest.mark.parametrize(
    "sentence, person, office",
    [
        ("In Berlin, Zelenskyy and the German chancellor, Olaf Scholz, signed a pact.", "Olaf Scholz", "German"),
        ("Poland's prime minister, Donald Tusk, and Zelenskiy signed an agreement.", "Donald Tusk", "Poland"),
        ("Nato's secretary general, Jens Stoltenberg, said allies would help.", "Jens Stoltenberg", "Nato"),
        ("He is expected to meet the US vice-president, Kamala Harris, on Saturday.", "Kamala Harris", "US"),
        ("Ukraine's commander-in-chief, Oleksandr Syrskyi, ordered a withdrawal.", "Oleksandr Syrskyi", "Ukraine"),
        ("The talks were led by the Foreign Minister of Estonia, Margus Tsahkna.", "Margus Tsahkna", "Estonia"),
    ],
)
def test_title_set_off_before_the_name(read, sentence, person, office):
    assert (person, office) in _roles(read, sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "He was joined by the Prime Minister of Italy, Giorgia Meloni, the Prime Minister of Belgium, "
            "Alexander De Croo, and the President of the European Commission, Ursula von der Leyen.",
            {("Giorgia Meloni", "Italy"), ("Alexander De Croo", "Belgium"), ("Ursula von der Leyen", "European Commission")},
        ),
    ],
)
def test_list_of_titled_names_gives_each_its_own_office(read, sentence, expected):
    assert _roles(read, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Former President Donald Trump has not said whether he would honor it.",
        "The bill is stuck in the House, where the Republican speaker, Mike Johnson, refused a vote.",
    ],
)
def test_no_office_from_a_past_title_or_a_party(read, sentence):
    assert {o for _, o in _roles(read, sentence)} <= {"speaker"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prime Minister Rishi Sunak arrived in Kyiv.", {("Rishi Sunak", "United Kingdom")}),
        ("President Joe Biden signed the bill.", {("Joe Biden", "United States")}),
        ("Speaker Mike Johnson refused to hold a vote.", {("Mike Johnson", "United States")}),
        # the gazetteer knows no such person: nothing is guessed
        ("Prime Minister Jan Kowalczyk arrived in Kyiv.", set()),
        # known, but not in that role
        ("Chancellor Joe Biden arrived in Kyiv.", set()),
    ],
)
def test_resolver_reads_a_bare_title_from_the_gazetteer(resolve, text, expected):
    assert {(s, o) for s, p, o in resolve(text) if p == "officialOf"} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a definite description with a country names an office; coreference finds the holder
        (
            "Emmanuel Macron greeted Zelenskyy in Paris. The French president promised more aid.",
            {("Emmanuel Macron", "France")},
        ),
        (
            "Joe Biden announced new air defence systems. \"Kyiv will win,\" the US president said.",
            {("Joe Biden", "United States")},
        ),
        ("Olaf Scholz met Zelenskyy. The president of Ukraine thanked him.", {("Volodymyr Zelensky", "Ukraine")}),
    ],
)
def test_described_office_is_the_antecedent_s(resolve, text, expected):
    assert expected <= {(s, o) for s, p, o in resolve(text) if p == "officialOf"}
