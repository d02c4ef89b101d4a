"""Grammar, not templates: each construction of news that gives a core fact.

Sentences of our own, written as wire copy and press releases about the same
events as the seeds would phrase them; each row is one construction.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, fact",
    [
        # active voice, verbal predicate
        ("Ukraine signed a security agreement with France.", ("Ukraine", "signsAgreementWith", "France", "occurred")),
        ("Sweden formally joined NATO in March.", ("Sweden", "joins", "NATO", "occurred")),
        ("The Senate approved the $95 billion aid package.", ("Senate", "approves", "$95 billion aid package", "occurred")),
        ("Russia invaded Ukraine in February 2022.", ("Russia", "attacks", "Ukraine", "occurred")),
        ("Dmytro Kuleba met with Antony Blinken in Brussels.", ("Dmytro Kuleba", "meetsWith", "Antony Blinken", "occurred")),
        # passive voice with an agent
        ("The pact was signed by Poland and Ukraine in Warsaw.", ("Poland", "signsAgreementWith", "Ukraine", "occurred")),
        ("The bill was passed by Congress on Saturday.", ("Congress", "approves", "bill", "occurred")),
        # nominal predicates
        ("Ukraine held a second round of talks with Japan.", ("Ukraine", "negotiatesWith", "Japan", "occurred")),
        ("Ukraine wants allies. Negotiations with Spain are underway, Kyiv said.", ("Ukraine", "negotiatesWith", "Spain", "occurred")),
        ("The approval by Germany of a new aid package for Ukraine came on Friday.", ("Germany", "providesAidTo", "Ukraine", "occurred")),
        ("The talks were based on a pledge made by the European Union in June.", ("European Union", "pledges", "pledge", "occurred")),
        ("Moldova condemned Russia's invasion of Ukraine.", ("Russia", "attacks", "Ukraine", "occurred")),
        ("Russia launched a missile attack on Kharkiv overnight.", ("Russia", "attacks", "Kharkiv", "occurred")),
        ("The Netherlands pledged 2 billion euros in military aid to Ukraine.", ("Netherlands", "providesAidTo", "Ukraine", "occurred")),
        ("Denmark provided Ukraine with F-16 fighter jets.", ("Denmark", "providesAidTo", "Ukraine", "occurred")),
        ("Canada announced a new $300 million aid package for Ukraine.", ("Canada", "providesAidTo", "Ukraine", "occurred")),
        ("Lithuania's parliament ratified the treaty.", ("Lithuania's parliament", "approves", "treaty", "occurred")),
        # relative clause on an apposition
        ("Kyiv thanked Norway, a country that joined the Ukraine Compact in 2024.", ("Norway", "joins", "Ukraine Compact", "occurred")),
        # a relative pronoun as the object, also of a verb the relative clause embeds
        ("Moldova is seeking membership of the EU, which Moldova hopes to join by 2030.", ("Moldova", "joins", "EU", "planned")),
        ("Troops left Vuhledar, the town that Russian forces had been assaulting for months.", ("Russian forces", "attacks", "Vuhledar", "occurred")),
        # attack verbs, with forces and weapons of a nationality as the attacker
        ("Russia pummeled Kharkiv with glide bombs on Sunday.", ("Russia", "attacks", "Kharkiv", "occurred")),
        ("A Russian drone struck Odesa overnight, officials said.", ("Russian drone", "attacks", "Odesa", "occurred")),
        ("Russia pounded Zaporizhzhia with missiles.", ("Russia", "attacks", "Zaporizhzhia", "occurred")),
        # a country's places and infrastructure stand for the country as a target
        ("Russian forces attacked Ukraine's energy infrastructure overnight.", ("Russian forces", "attacks", "Ukraine", "occurred")),
        ("Russia has been shelling Ukrainian cities for weeks.", ("Russia", "attacks", "Ukrainian", "occurred")),
        # a participle after a comma and a subordinate clause is the main clause's
        (
            "Ukraine thanked its allies. Poland has backed Kyiv since Russian troops invaded in 2022, supplying tanks and jets.",
            ("Poland", "providesAidTo", "Ukraine", "occurred"),
        ),
        # aid with its recipient left out goes to the article's country, unless another phrase names it
        ("Ukraine needs arms. Germany will keep supplying air defence systems.", ("Germany", "providesAidTo", "Ukraine", "planned")),
        ("Japan pledged $4.5 billion in support for Ukraine this year.", ("Japan", "providesAidTo", "Ukraine", "occurred")),
        ("The G7 leaders agreed to a $50 billion loan for Ukraine.", ("G7 leaders", "providesAidTo", "Ukraine", "planned")),
        ("Under the deal, a Group of Seven pledge made last July, Britain will help.", ("Group of Seven", "pledges", "Group of Seven pledge", "occurred")),
        # a call and talks between people are meetings
        ("Zelensky held a phone call with Joe Biden on Monday.", ("Zelensky", "meetsWith", "Joe Biden", "occurred")),
        ("Rishi Sunak held talks with President Volodymyr Zelenskiy in Kyiv.", ("Rishi Sunak", "meetsWith", "Volodymyr Zelenskiy", "occurred")),
        # a plural description alone in a symmetric event: the pair it stands for
        ("Zelensky and Sanchez signed a pact. The leaders held a tête-à-tête meeting.", ("leaders", "meetsWith", "leaders", "occurred")),
        ("Poland and Ukraine signed a pact. The parties also held talks.", ("parties", "negotiatesWith", "parties", "occurred")),
        # greeting a visitor is meeting them
        ("Emmanuel Macron greeted Zelenskyy at the Elysee Palace.", ("Emmanuel Macron", "meetsWith", "Zelenskyy", "occurred")),
        # an amount of aid is what a vote approves
        ("The House voted to approve $61 billion in aid for Ukraine.", ("House", "approves", "$61 billion in aid for Ukraine", "occurred")),
        ("The Bundestag approved €7 billion in military assistance.", ("Bundestag", "approves", "€7 billion in military assistance", "occurred")),
        # an intransitive invasion: the victim is the article's country
        ("Ukraine marked the anniversary. Ukraine has fought on since Russian troops invaded in 2022.", ("Russian troops", "attacks", "Ukraine", "occurred")),
    ],
)
def test_construction_gives_fact(read, sentence, fact):
    assert fact in read(sentence)


@pytest.mark.parametrize(
    "sentence, subjects, predicate, objects",
    [
        # coordination: a list gives one fact per member, in either slot
        (
            "Ukraine has signed security agreements with Latvia, Finland, and Denmark.",
            {"Ukraine"},
            "signsAgreementWith",
            {"Latvia", "Finland", "Denmark"},
        ),
        (
            "Italy, Canada and the Netherlands have already signed bilateral agreements with Kyiv.",
            {"Italy", "Canada", "the Netherlands"},
            "signsAgreementWith",
            {"Kyiv"},
        ),
        # a symmetric predicate with two coordinated subjects pairs them
        ("Ukraine and Czechia began negotiations on a draft agreement.", {"Ukraine"}, "negotiatesWith", {"Czechia"}),
        ("Talks between Ukraine and Hungary have stalled.", {"Ukraine"}, "negotiatesWith", {"Hungary"}),
        ("The talks between Ukrainian and American delegations took place in Jeddah.", {"Ukrainian"}, "negotiatesWith", {"American"}),
        # a headline lists with a comma for "and"
        ("Ukraine, U.S. hold new round of talks on security pact", {"Ukraine"}, "negotiatesWith", {"U.S."}),
        ("Ukraine, Britain sign 10-year security pact as Sunak visits Kyiv", {"Ukraine"}, "signsAgreementWith", {"Britain"}),
        # members a plural noun lists with "including"
        (
            "Ukraine has signed pacts with several European countries, including Britain, Germany and France.",
            {"Ukraine"},
            "signsAgreementWith",
            {"Britain", "Germany", "France"},
        ),
        # a list of titles, one of them named by an apposition
        (
            "The Prime Minister and the President of Ukraine, Volodymyr Zelenskyy, today signed a security agreement.",
            {"Prime Minister"},
            "signsAgreementWith",
            {"Volodymyr Zelenskyy"},
        ),
        # coordinated nationalities on one group noun are two actors
        (
            "The Polish and Ukrainian governments began the preparation of a security pact.",
            {"Polish"},
            "negotiatesWith",
            {"Ukrainian"},
        ),
    ],
)
def test_coordination_gives_one_fact_per_member(read, sentence, subjects, predicate, objects):
    found = {(s, o) for s, p, o, _ in read(sentence) if p == predicate}
    assert {(s, o) for s in subjects for o in objects} <= found | {(o, s) for s, o in found}


@pytest.mark.parametrize(
    "text, fact",
    [
        # an agentless passive in a story about one country: that country is the other party
        (
            "Ukraine is seeking security pacts with its allies. So far, seven have been signed with Sweden, Spain and Japan.",
            ("Ukraine", "signsAgreementWith", "Japan", "occurred"),
        ),
        # an agentless nominal predicate likewise
        (
            "Ukraine wants more allies. Negotiations with Estonia are reportedly underway.",
            ("Ukraine", "negotiatesWith", "Estonia", "occurred"),
        ),
        # an invasion whose victim the text leaves out
        (
            "Ukraine asked for air defense. It is resisting the Russian invasion.",
            ("Russian", "attacks", "Ukraine", "occurred"),
        ),
    ],
)
def test_implicit_party_is_the_article_country(read, text, fact):
    assert fact in read(text)


@pytest.mark.parametrize(
    "text, home",
    [
        # the counterparty of a one-sided agreement is not the article's country, however often named
        (
            "Zelenskyy and Sanchez signed a security agreement between Ukraine and Spain. Spain will provide "
            "Ukraine with aid. Spain is with Ukraine, Sanchez said. Spain confirmed its participation. "
            "The agreement with Spain is the tenth. Earlier, similar agreements were signed with Italy and Latvia.",
            "Ukraine",
        ),
        # a country acts through the title it qualifies ("the President of Ukraine emphasized")
        (
            "Talks were held in Madrid. The President of Ukraine emphasized the value of the talks. "
            "The President of Ukraine thanked the hosts.",
            "Ukraine",
        ),
        # a wire dateline is not the protagonist
        ("KYIV, Jan 12 (Reuters) - Britain and Ukraine signed a pact. Britain will send aid.", "Britain"),
    ],
)
def test_article_country(nlp, text, home):
    from kg.extract.mentions import article_country

    found = article_country(nlp(text))
    assert found is not None and found.text == home


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("SAVELLETRI, Italy (AP) — President Joe Biden and President Volodymyr Zelenskyy signed a pact.", {"Joe Biden", "Volodymyr Zelenskyy"}),
        ("KYIV, June 13 (Reuters) - Ukraine and Japan signed a security agreement.", {"Ukraine", "Japan"}),
        ("WASHINGTON — Congress and the White House agreed on the bill.", set()),
    ],
)
def test_dateline_place_is_no_party(read, text, subjects):
    found = {(s, o) for s, p, o, _ in read(text) if p == "signsAgreementWith"}
    assert {x for pair in found for x in pair} == subjects


def test_implicit_mention_points_at_the_antecedent(read):
    text = "Ukraine wants allies. So far, nine have been signed with Latvia and Finland."
    fact = next(f for f in read(text, detail=True) if f.object.text == "Latvia")
    assert fact.subject.label == "IMPLICIT"
    assert text[fact.subject.start : fact.subject.end] == "Ukraine"


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # the object of the negotiation is not itself signed
        ("Ukraine has begun negotiations on a draft security agreement with Portugal.", "signsAgreementWith"),
        # preparing something else than an agreement is no negotiation
        ("The army is preparing a counteroffensive with Poland's help.", "negotiatesWith"),
        # troops are not aid
        ("Poland sent troops to Lithuania.", "providesAidTo"),
        # a country that is only a modifier of a title does not attack
        ("U.S. President Joe Biden called the attack barbaric.", "attacks"),
        # an explicit recipient leaves no room for the article's country
        ("Ukraine needs arms. Spain will send weapons to Moldova.", "providesAidTo Ukraine"),
        # talks between countries are negotiations, not meetings
        ("Ukraine held talks with the U.S. on Monday.", "meetsWith"),
        ("Poland and Ukraine signed a pact. The parties also held talks.", "meetsWith"),
        # joining a person is company, not membership
        ("The Prime Minister was joined by the Prime Minister of Italy, Giorgia Meloni.", "joins"),
        ("Japan joined the United States in condemning the strike.", "joins"),
    ],
)
def test_no_fact_without_its_grammar(read, sentence, absent):
    assert absent not in {p for _, p, _, _ in read(sentence)} | {f"{p} {o}" for _, p, o, _ in read(sentence)}


def test_headline_and_caption_lines_are_sentences(read):
    text = (
        "Zelensky: Ukraine could sign security agreements with US, Nordic states\n\n"
        "Ukrainian President Volodymyr Zelensky (L) and U.S. President Joe Biden meet in Washington on Dec. 12, 2023.\n"
        "Ukraine is preparing more agreements."
    )
    found = read(text)
    assert ("Ukraine", "signsAgreementWith", "US", "possible") in found
    meetings = {frozenset((s, o)) for s, p, o, status in found if p == "meetsWith" and status == "occurred"}
    assert frozenset(("Volodymyr Zelensky", "Joe Biden")) in meetings


@pytest.mark.parametrize(
    "sentence, relation",
    [
        ("So far, nine have been signed with Latvia and Finland in Ukraine's campaign.", "have been signed with"),
        ("Ukraine held the third round of negotiations with Japan.", "held negotiations with"),
        ("Georgia did not join NATO.", "did not join"),
    ],
)
def test_fact_keeps_the_open_relation_phrase(read, sentence, relation):
    assert relation in {f.relation for f in read(sentence, detail=True)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the declaration" is the G7 pledge named before, not a new agreement of its joiner
        (
            "The pact is the first such deal under a Group of Seven pledge made last July. "
            "Japan may join the declaration later this year.",
            {("Japan", "joins", "G7 Joint Declaration of Support for Ukraine")},
        ),
        # a national institution grants aid in its country's name; the amount is an aid package
        (
            "Congress approved $61 billion in aid for Ukraine on Saturday.",
            {
                ("United States Congress", "approves", "$61 billion aid package for Ukraine"),
                ("United States", "providesAidTo", "Ukraine"),
            },
        ),
        ("The House passed $61 billion in aid for Ukraine.", {("United States House of Representatives", "approves", "$61 billion aid package for Ukraine"), ("United States", "providesAidTo", "Ukraine")}),
        # a country gives in its own name
        ("Germany approved €500 million in aid for Ukraine.", {("Germany", "providesAidTo", "Ukraine")}),
    ],
)
def test_resolved_facts(resolve, text, expected):
    assert expected <= resolve(text)
