"""Write an article-like corpus of any size for the benchmarks.

Articles are recombined from the sentences of the seed articles' main
stories, with country names substituted from pycountry, so that the texts
have the grammar, length and entity density of real news on the same events
while each article differs. The output is one JSONL file (``text``, ``title``,
``date``), the format ``kg build`` reads, so 100k articles are one file.

Usage:
    python benchmarks/corpus.py 1000 --out benchmarks/corpus/1k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import pycountry

from kg import ingest
from kg.types import Article

ROOT = Path(__file__).resolve().parent.parent


def seed_sentences(seeds: Path) -> list[str]:
    """The sentences of the seeds' main stories, a paragraph line split at sentence ends."""
    sentences: list[str] = []
    for item in ingest.read_sources([seeds]):
        if isinstance(item, Article):
            for line in item.text.splitlines()[1:]:
                sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line) if len(s.split()) > 5]
    return sentences


def country_names() -> list[str]:
    """Common names of the world's countries, as news writes them."""
    return sorted({getattr(c, "common_name", c.name) for c in pycountry.countries if len(c.name) < 20})


def write_corpus(n: int, out: Path, *, seed: int = 7, seeds: Path = ROOT / "seeds") -> Path:
    """Write ``n`` articles of 8 to 16 sentences to ``out`` (JSONL)."""
    rng = random.Random(seed)
    sentences = seed_sentences(seeds)
    countries = country_names()
    named = re.compile("|".join(sorted((re.escape(c) for c in countries), key=len, reverse=True)))
    out.parent.mkdir(parents=True, exist_ok=True)
    start = date(2024, 1, 1)
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n):
            swap = {c: rng.choice(countries) for c in ("Ukraine", "Portugal", "Czechia", "Estonia", "Latvia")}
            body = [
                named.sub(lambda m: swap.get(m.group(0), m.group(0)), s)
                for s in rng.sample(sentences, k=min(len(sentences), rng.randint(8, 16)))
            ]
            title = body[0].rstrip(".")[:90]
            day = start + timedelta(days=rng.randrange(365))
            record = {"text": "\n".join(body), "title": title, "date": day.isoformat(), "url": f"https://example.org/news/{i}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same corpus)")
    args = parser.parse_args()
    path = write_corpus(args.n, args.out, seed=args.seed)
    print(f"wrote {args.n} articles to {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
