"""Main story versus site chrome: the seeds, other outlets, and each construction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.ingest import read_sources
from kg.ingest.chrome import load_rules, split_story

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def _article(path: Path):
    (article,) = read_sources([path])
    return article


@pytest.mark.parametrize(
    "name, kept, removed",
    [
        (
            "000_2b34dc051bca71d9.txt",
            [
                "Ukraine holds 3rd round of negotiations with US on bilateral security agreement\n\n",
                "on April 29, 2024 held the third round of negotiations with the U.S. on the future bilateral "
                "security agreement. (The Presidential Office)",
                "A Ukrainian team led by Head of the Presidential Office Andriy Yermak held the third round",
                "So far, nine have been signed with Latvia, Finland, the U.K., Germany",
                "Kyiv expects to sign more bilateral security agreements \"soon\" with some Nordic and Baltic countries.",
            ],
            [
                "Skip to content",
                "Edit post",
                "by Kateryna Hodunova",
                "min read",
                "This audio is created with AI assistance",
                "White House can’t comment",
                "Karine Jean-Pierre",
                "News Feed",
                "Rustem Umerov",
                "Putin congratulates Trump",
                "MORE NEWS",
                "Editors' Picks",
                "Enter your email",
                "Subscribe",
                "indicates required",
                "Kate Tsurkan",
                "Thank you for signing up",
                "PM",
            ],
        ),
        (
            "002_019664b3ecf92183.txt",
            [
                "Zelensky: Ukraine could sign bilateral security agreements with US, Nordic, Baltic states in near future",
                "President Volodymyr Zelensky during his evening address on March 10, 2024. (President's Office)",
                "Ukraine may sign bilateral agreements with several states in the near future",
                "\"This is also about humanitarian aid, reconstruction, the financial and energy sectors' support.\"",
                "Earlier, Kyiv said that the Portuguese and Ukrainian governments had \"assigned teams\"",
            ],
            [
                "by Kateryna Hodunova",
                "NATO Deputy Secretary General",
                "Mircea Geoana",
                "Sonya Bandouil",
                "Author:",
                "Support independent journalism",
                "Freedom can be costly",
                "Senate Democrats",
                "Schumer",
                "Kherson",
                "10:26 PM",
            ],
        ),
        (
            "003_8e9df75e8cec080b.txt",
            [
                "Blinken: Zelensky, Biden may meet to sign security agreement in 'coming weeks'\n\n",
                "Ukrainian President Volodymyr Zelensky (L) and U.S. President Joe Biden meet in the Oval Office",
                "(Yuri Gripas/Abaca/Bloomberg via Getty Images)",
                "President Volodymyr Zelensky could meet with U.S. President Joe Biden",
                "Kuleba did not yet reveal the potential date of the presidents' meeting.",
                "Head of the Presidential Office Andriy Yermak said earlier that Ukraine expected to finalize",
                "The guarantees would also cover sanctions, financial aid, and post-war reconstruction.",
            ],
            [
                "News Feed",
                "2 min read",
                "Illustrative image",
                "Sign up for our newsletter",
                "Ukraine Weekly",
                "Olga Rudenko",
                "Ukraine preparing 7 more bilateral security agreements",
                "seven more countries",
                "Article image",
                "Avatar",
                "News Editor",
                "sports journalist",
                "Read more",
                "Updated",
                "Donald Trump",
                "Show More",
            ],
        ),
    ],
)
def test_seed_story_is_kept_and_chrome_removed(seeds_dir, name, kept, removed):
    article = _article(seeds_dir / name)
    assert article.text.startswith(article.title)
    for sentence in kept:
        assert sentence in article.text
    for chrome in removed:
        assert chrome not in article.text
    assert article.text.count(article.title) == 1


@pytest.mark.parametrize(
    "name, title, author, published, kept, removed",
    [
        (
            "wire_reuters.txt",
            "Ukraine, US hold fourth round of talks on security pact, Kyiv says",
            "Tom Balmforth and Olena Harmash",
            date(2024, 5, 6),
            ["KYIV, May 6 (Reuters) - Ukraine and the United States held", "with Britain, Germany and France."],
            ["Skip to", "analytics", "World", "Updated", "Reporting by", "Our Standards", "Kharkiv", "Read Next"],
        ),
        (
            "wire_ap.md",
            "Estonia and Ukraine sign 10-year security deal",
            "Jane Doe and John Roe",
            date(2024, 5, 27),
            [
                "Estonia and Ukraine signed a 10-year security agreement on Monday, the two governments said",
                "Volodymyr Zelenskyy signed the document in Kyiv.",
                '"This agreement is about our common security," Kallas said.',
                "Estonia pledged to spend 0.25% of its GDP on military aid",
            ],
            ["#", "**", "](", "Photo of the signing", "JANE DOE", "Published", "___", "Follow AP"],
        ),
        (
            "webdump_euronews.txt",
            "Spain signs security pact with Ukraine as Zelenskyy visits Madrid",
            None,
            date(2024, 5, 27),
            [
                "Spain pledged €1 billion in military aid to Ukraine",
                "Sánchez said the aid package would include Patriot missiles",
                "Ukraine was negotiating similar agreements with Portugal and Belgium.",
            ],
            ["Menu", "Europe\n", "Published", "Listen", "Share", "Read also", "Portugal to sign", "newsletter",
             "Europe Today", "Enter your email", "Related", "F-16", "Most read"],
        ),
        (
            "press_release_mfa.html",
            "Dmytro Kuleba and Antony Blinken discussed the bilateral security agreement",
            None,
            date(2024, 5, 15),
            [
                "Dmytro Kuleba met with U.S. Secretary of State Antony Blinken in Kyiv on May 15.",
                "The ministers also coordinated preparations for the Peace Summit in Switzerland.",
            ],
            ["Mars", "Narnia", "Atlantis", "dataLayer", "color", "Home", "Contacts", "Share", "©", "Ministry of Foreign"],
        ),
        (
            "press_release_president.txt",
            "Ukraine and Latvia signed an agreement on security cooperation",
            None,
            date(2024, 1, 11),
            [
                "In Riga, President of Ukraine Volodymyr Zelenskyy and President of Latvia Edgars Rinkēvičs signed",
                '"Latvia was one of the first countries to join the Joint Declaration of Support for Ukraine,"',
            ],
            ["Official website", "Menu", "19:30", "Photo", "Office of the President", "Tags", "Share", "All news",
             "Japan"],
        ),
        (
            "webdump_ukrinform.txt",
            "Ukraine, Sweden start talks on security guarantees",
            None,
            date(2024, 4, 17),
            [
                "Ukraine and Sweden have started negotiations on a bilateral security agreement.",
                "“We have started negotiations with Sweden,” the statement reads.",
            ],
            ["Politics", "15:20", "Read also", "Kristersson", "hyperlink", "Photo", "OP", "Telegram", "Popular",
             "Odesa"],
        ),
    ],
)
def test_other_outlets(name, title, author, published, kept, removed):
    article = _article(DATA / name)
    assert (article.title, article.author, article.published) == (title, author, published)
    assert article.text.startswith(title + "\n\n")
    for sentence in kept:
        assert sentence in article.text
    for chrome in removed:
        assert chrome not in article.text


def _page(*lines: str) -> str:
    return "\n".join(lines)


LEAD = "Ukraine and Poland held talks on a security agreement on Monday."
BODY = "The sides discussed the text of the agreement, officials said."
MORE = "Poland pledged further military aid to Ukraine."


@pytest.mark.parametrize(
    "construction, page, headline, paragraphs",
    [
        ("headline then paragraphs", _page("Talks held", "", LEAD, "", BODY), "Talks held", [LEAD, BODY]),
        ("no headline", _page(LEAD, BODY), None, [LEAD, BODY]),
        ("one-word menu and no headline", _page("Home", "World", LEAD, BODY), None, [LEAD, BODY]),
        ("question headline", _page("Will Poland sign a pact with Ukraine?", "", LEAD, "", BODY),
         "Will Poland sign a pact with Ukraine?", [LEAD, BODY]),
        ("quoted question is a lead", _page('"Will you sign?" Tusk was asked.', LEAD), None,
         ['"Will you sign?" Tusk was asked.', LEAD]),
        ("menu above headline", _page("Home", "World", "Poland, Ukraine hold talks", "By Jan Kowalski", LEAD),
         "Poland, Ukraine hold talks", [LEAD]),
        ("end phrase above headline only drops it", _page("News Feed", "Poland, Ukraine hold talks", LEAD),
         "Poland, Ukraine hold talks", [LEAD]),
        ("repeated headline", _page("Talks held in Warsaw", "3 min read", "Talks held in Warsaw", LEAD),
         "Talks held in Warsaw", [LEAD]),
        ("standfirst under headline", _page("Talks held in Warsaw", "A deal is close, officials say.", "By Jan Kowalski",
                                            LEAD), "Talks held in Warsaw", ["A deal is close, officials say.", LEAD]),
        ("newsletter prompt inside story", _page("Talks held", "", LEAD, "", "Sign up for our newsletter",
                                                  "Europe Weekly By Anna Nowak", "", BODY, "", MORE),
         "Talks held", [LEAD, BODY, MORE]),
        ("teaser after story", _page("Talks held", "", LEAD, "", BODY, "", "Russia strikes Kharkiv overnight",
                                     "Russia launched missiles at Kharkiv, officials said.", ""),
         "Talks held", [LEAD, BODY]),
        ("teaser before chrome", _page("Talks held", "", LEAD, "", BODY, "", "Russia strikes Kharkiv overnight",
                                       "Russia launched missiles at Kharkiv, officials said.", "Article image"),
         "Talks held", [LEAD, BODY]),
        ("subheading inside story", _page("Talks held", "", LEAD, "", "What comes next", "", BODY, "", MORE),
         "Talks held", [LEAD, "What comes next", BODY, MORE]),
        ("time stamp starts a news feed", _page("Talks held", LEAD, BODY, "9:25 PM", "Other news.", MORE),
         "Talks held", [LEAD, BODY]),
        ("inline read-also teaser", _page("Talks held", LEAD, "Read also: Poland buys tanks", BODY),
         "Talks held", [LEAD, BODY]),
        ("image label keeps caption", _page("Talks held", "Illustrative image: Leaders meet in Warsaw. (AFP)", LEAD),
         "Talks held", ["Leaders meet in Warsaw. (AFP)", LEAD]),
        ("photo credit is dropped", _page("Talks held", LEAD, "Photo: Office of the President", BODY),
         "Talks held", [LEAD, BODY]),
        ("author bio ends story", _page("Talks held", LEAD, BODY,
                                        "Jan Kowalski is a reporter at the Warsaw Daily. He covers defense."),
         "Talks held", [LEAD, BODY]),
        ("support appeal ends story", _page("Talks held", LEAD, "Support independent journalism today.", MORE),
         "Talks held", [LEAD]),
        ("trailing junk heading", _page("Talks held", LEAD, BODY, "The Daily PostJan Kowalski"),
         "Talks held", [LEAD, BODY]),
    ],
)
def test_constructions(construction, page, headline, paragraphs):
    story = split_story(page)
    assert (story.headline, list(story.paragraphs)) == (headline, paragraphs)


@pytest.mark.parametrize(
    "page",
    [
        _page("Poland, Ukraine hold talks", LEAD),
        _page("Home", "World", "Poland, Ukraine hold talks", LEAD),
        _page("Poland and Ukraine talk", LEAD),
        _page(LEAD),
    ],
)
def test_given_title_is_the_headline_and_not_repeated(page):
    story = split_story(page, title="Poland, Ukraine hold talks")
    assert story.text == f"Poland, Ukraine hold talks\n\n{LEAD}"


@pytest.mark.parametrize(
    "line, message",
    [("shout\t^hello$", "KIND<TAB>PATTERN"), ("drop\t(unclosed", "not a valid regular expression"), ("drop", "KIND")],
)
def test_bad_chrome_rules_are_reported_with_the_line(tmp_path, line, message):
    path = tmp_path / "chrome.tsv"
    path.write_text(f"# comment\n{line}\n", encoding="utf-8")
    with pytest.raises(ModelError, match=message) as info:
        load_rules(path)
    assert f"{path}:2" in str(info.value)


@pytest.mark.parametrize(
    "line, paragraphs",
    [
        # drop: the line goes, the story goes on
        ("Skip to main content", [LEAD, BODY]),
        ("Share on Facebook", [LEAD, BODY]),
        ("5 min read", [LEAD, BODY]),
        ("This audio is created with AI assistance", [LEAD, BODY]),
        ("Advertisement", [LEAD, BODY]),
        ("Listen to this article", [LEAD, BODY]),
        ("Follow us on Telegram", [LEAD, BODY]),
        ("Credit: Getty Images", [LEAD, BODY]),
        ("Tags: Ukraine, Poland, security", [LEAD, BODY]),
        ("Read more: Poland to buy Patriot systems", [LEAD, BODY]),
        ("Updated 3 hours ago", [LEAD, BODY]),
        # newsletter: the prompt goes, the story goes on
        ("Subscribe to our daily newsletter", [LEAD, BODY]),
        ("Enter your email address", [LEAD, BODY]),
        ("* indicates required", [LEAD, BODY]),
        # end: the story is over
        ("MORE NEWS", [LEAD]),
        ("Editors' Picks", [LEAD]),
        ("Most read", [LEAD]),
        ("Read more", [LEAD]),
        ("Show More", [LEAD]),
        ("11:05 AM", [LEAD]),
        ("Avatar", [LEAD]),
        ("Author: Jan Kowalski", [LEAD]),
        ("Reporting by Pawel Florkiewicz; Editing by Ros Russell", [LEAD]),
        ("Associated Press writer Jan Kowalski in Warsaw contributed to this report.", [LEAD]),
        ("© 2024 Warsaw Daily", [LEAD]),
        ("Support us for as little as $1, and it only takes a minute.", [LEAD]),
    ],
)
def test_chrome_phrases(line, paragraphs):
    assert list(split_story(_page("Talks held", LEAD, line, BODY)).paragraphs) == paragraphs
