"""Fixtures of the view tests: hand-made graphs and one headless Chromium per session."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph
from viz_graphs import DEAL, HOSTILE_NAMES, NATO, PRESS, PWN, RUSSIA, UKRAINE, US, WIRE, ZELENSKY, fact, graph_of

from kg.types import Article, Entity, Status
from kg.viz.screenshot import chromium, chromium_path


@pytest.fixture(scope="session")
def news_graph() -> Graph:
    """Two articles on the same events: every status, a symmetric fact told both ways."""
    return graph_of(
        (WIRE, [
            fact(UKRAINE, "signsAgreementWith", US, sentence="Ukraine and the U.S. signed the minerals deal.", when="2025-04-30"),
            fact(ZELENSKY, "officialOf", UKRAINE, sentence="President Volodymyr Zelensky welcomed it.", start=50),
            fact(RUSSIA, "attacks", UKRAINE, sentence="Russia attacked Kyiv overnight.", start=90),
            fact(US, "meetsWith", RUSSIA, Status.NEGATED, "Washington did not meet Moscow.", start=130),
        ]),
        (PRESS, [
            fact(US, "signsAgreementWith", UKRAINE, sentence="The U.S. and Ukraine signed it.", article="press-1", when="2025-04-30"),
            fact(UKRAINE, "negotiatesWith", RUSSIA, Status.PLANNED, "Ukraine will hold talks with Russia.", "press-1", "2025-06", 40),
            fact(UKRAINE, "joins", NATO, Status.POSSIBLE, "Ukraine could join NATO.", "press-1", None, 80),
            fact(UKRAINE, "signsAgreementWith", DEAL, sentence="Kyiv signed the minerals deal.", article="press-1", start=120),
        ]),
    )


@pytest.fixture(scope="session")
def hostile_graph() -> Graph:
    """An article whose every string carries a script payload."""
    people = [Entity(f"person/h{i}", name, "Person", frozenset({HOSTILE_NAMES[-1 - i]})) for i, name in enumerate(HOSTILE_NAMES)]
    article = Article(id="evil", source=f"<script>{PWN}</script>.txt", text="", title=f"<img src=x onerror={PWN}>",
                      published=date(2025, 1, 1), url=f"javascript:{PWN}")
    facts = [
        fact(p, "officialOf", UKRAINE, sentence=f"{name} said <b onmouseover={PWN}>so</b>.", article="evil", start=10 * i)
        for i, (p, name) in enumerate(zip(people, HOSTILE_NAMES, strict=True))
    ]
    return graph_of((article, facts))


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, once per session; browser tests skip where it is not installed."""
    if chromium_path() is None:
        pytest.skip("Chromium is not installed at /usr/bin/chromium: run `make chromium` (CI does)")
    with chromium() as running:
        yield running
