"""Print the time of ``kg build`` over the time of bare ``nlp.pipe`` on the same texts.

The corpus is generated: a few hundred articles recombined from the sentences of
the seed articles' main stories, with the countries they name swapped, so the
texts have the grammar and entity density of the news kg is built for. Both
timings use the same spaCy pipeline (``kg.nlp.load_pipeline``, entity ruler
included) on the same texts, in one process, after one warm-up; the build is
the whole of ``kg.pipeline.build`` (ingest, parse, extract, resolve, RDF,
validation, store, outputs). The extraction's own share is printed too.

Usage:
    .venv/bin/python benchmarks/build_vs_parse.py [--articles 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWAPS = ["Latvia", "Finland", "Germany", "France", "Denmark", "Canada", "Italy", "Spain", "Estonia", "Portugal",
         "Sweden", "Norway", "Japan", "Poland", "Lithuania", "Belgium", "Czechia", "Greece", "Iceland", "Romania"]


def seed_sentences() -> tuple[list[str], list[str]]:
    """Headlines and body sentences of the seed articles, as ingest reads them."""
    from kg import ingest
    from kg.types import Article

    headlines, sentences = [], []
    for item in ingest.read_sources([ROOT / "seeds"]):
        if isinstance(item, Article):
            lines = [line for line in item.text.splitlines() if line.strip()]
            headlines.append(item.title or lines[0])
            for line in lines[1:]:
                sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line) if len(s.split()) > 5]
    return headlines, sentences


def corpus(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` articles of 8 to 16 seed sentences each, with countries swapped."""
    headlines, sentences = seed_sentences()
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        swap = dict(zip(SWAPS, rng.sample(SWAPS, len(SWAPS))))
        body = rng.sample(sentences, min(len(sentences), rng.randint(8, 16)))
        text = "\n\n".join([rng.choice(headlines), *body])
        text = re.sub(r"\b(" + "|".join(SWAPS) + r")\b", lambda m: swap[m.group(1)], text)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append({"text": text, "title": text.split("\n", 1)[0], "date": day, "url": f"https://example.org/{i}"})
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from kg import ingest
    from kg.extract import extract
    from kg.nlp import load_pipeline
    from kg.pipeline import build
    from kg.types import Article

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for row in corpus(args.articles, args.seed):
                out.write(json.dumps(row) + "\n")
        articles = [a for a in ingest.read_sources([source]) if isinstance(a, Article)]
        texts = [a.text for a in articles]
        nlp = load_pipeline()
        list(nlp.pipe(texts[:8]))  # warm-up

        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        parse = time.perf_counter() - started

        started = time.perf_counter()
        for doc, article in zip(docs, articles):
            extract(doc, article)
        extraction = time.perf_counter() - started

        started = time.perf_counter()
        report = build([source], Path(tmp) / "out")
        whole = time.perf_counter() - started

    words = sum(len(t.split()) for t in texts)
    print(f"corpus      {len(texts)} articles, {words} words (generated from seeds/, seed {args.seed})")
    print(f"nlp.pipe    {parse:.2f} s")
    print(f"extract     {extraction:.2f} s  ({extraction / parse:.2f} of parse)")
    print(f"kg build    {whole:.2f} s  ({report.articles} articles, {sum(report.facts_by_predicate_status.values())} facts)")
    print(f"build/parse {whole / parse:.2f}")


if __name__ == "__main__":
    main()
