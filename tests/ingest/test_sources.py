"""Reading sources: formats, ids, streaming, and one ReadFailure per bad input (issue 10)."""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.ingest import MAX_BYTES, read_sources, read_text
from kg.types import Article, ReadFailure

STORY = "Talks held in Kyiv\n\nUkraine and Poland held talks on a security agreement on Monday.\n"
STORY_LEAD = "Ukraine and Poland held talks on a security agreement on Monday."


def _items(*sources):
    items = list(read_sources(sources))
    articles = [item for item in items if isinstance(item, Article)]
    failures = [item for item in items if isinstance(item, ReadFailure)]
    return articles, failures


def test_folder_reads_known_suffixes_recursively_and_skips_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.md").write_text("# Talks held in Kyiv\n\n" + STORY_LEAD)
    (tmp_path / "c.htm").write_text(f"<html><body><article><h1>Talks held in Kyiv</h1><p>{STORY_LEAD}</p></article></body></html>")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "d.html").write_text(f"<html><body><p>{STORY_LEAD}</p></body></html>")
    (tmp_path / "sub" / "e.jsonl").write_text(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    articles, failures = _items(tmp_path)
    assert failures == []
    assert [a.id for a in articles] == ["a", "b", "c", "e-1", "d"]
    assert all(STORY_LEAD in a.text for a in articles)


def test_explicit_file_with_unknown_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "story.article"
    path.write_text(STORY)
    (article,) = read_sources([path])
    assert (article.id, article.title, article.source) == ("story", "Talks held in Kyiv", str(path))


def test_same_source_read_again_gives_same_article(seeds_dir):
    assert list(read_sources([seeds_dir])) == list(read_sources([seeds_dir]))
    assert [a.id for a in read_sources([seeds_dir])] == [p.stem for p in sorted(seeds_dir.glob("*.txt"))]


@pytest.mark.parametrize(
    "record, expected_id, title, url, published",
    [
        ({"text": STORY}, "corpus-1", "Talks held in Kyiv", None, None),
        ({"text": STORY_LEAD, "title": "Kyiv talks", "url": "https://www.example.com/news/kyiv-talks?id=7",
          "date": "2024-05-06T10:00:00Z"}, "example-com-news-kyiv-talks-id-7", "Kyiv talks",
         "https://www.example.com/news/kyiv-talks?id=7", "2024-05-06"),
        ({"text": STORY, "date": "May 6, 2024", "title": 7}, "corpus-1", "Talks held in Kyiv", None, "2024-05-06"),
    ],
)
def test_jsonl_records(tmp_path, record, expected_id, title, url, published):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(record) + "\n\n")
    (article,) = read_sources([path])
    assert (article.id, article.source, article.title, article.url) == (expected_id, f"{path}:1", title, url)
    assert str(article.published) == str(published)
    assert article.text.startswith(title + "\n\n") and STORY_LEAD in article.text


def test_markdown_front_matter_gives_metadata(tmp_path):
    path = tmp_path / "talks.md"
    path.write_text(
        '---\ntitle: "Talks held in Kyiv"\nauthor: Jane Doe\ndate: 2024-05-06\nurl: https://example.com/t\n---\n'
        f"# Talks held in Kyiv\n\n{STORY_LEAD}\n"
    )
    (article,) = read_sources([path])
    assert (article.id, article.title, article.author, str(article.published), article.url) == (
        "talks", "Talks held in Kyiv", "Jane Doe", "2024-05-06", "https://example.com/t")
    assert article.text == f"Talks held in Kyiv\n\n{STORY_LEAD}"


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _missing(tmp: Path) -> list[Path]:
    return [tmp / "nowhere.txt"]


def _empty(tmp: Path) -> list[Path]:
    return [_write(tmp / "empty.txt", b"")]


def _blank(tmp: Path) -> list[Path]:
    return [_write(tmp / "blank.txt", "  \n\n\t\n")]


def _binary(tmp: Path) -> list[Path]:
    return [_write(tmp / "photo.txt", bytes(range(256)) * 4)]


def _undecodable(tmp: Path) -> list[Path]:
    return [_write(tmp / "noise.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03] * 64))]


def _chrome_only(tmp: Path) -> list[Path]:
    return [_write(tmp / "menu.txt", "Skip to content\nSubscribe\n* indicates required\n")]


def _huge(tmp: Path) -> list[Path]:
    path = tmp / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50 * 2**20)
    return [path]


def _scripts_only(tmp: Path) -> list[Path]:
    page = "<html><head><script>var a = 1;</script><style>p {}</style></head><body>"
    page += "<script>document.write('Ukraine signs');</script>" * 50 + "<iframe src='x'></iframe>" * 20 + "</body></html>"
    return [_write(tmp / "scripts.html", page)]


def _symlink_loop(tmp: Path) -> list[Path]:
    (tmp / "corpus" / "inner").mkdir(parents=True)
    _write(tmp / "corpus" / "inner" / "a.txt", STORY)
    (tmp / "corpus" / "inner" / "back").symlink_to(tmp / "corpus")
    return [tmp / "corpus"]


def _self_link(tmp: Path) -> list[Path]:
    (tmp / "self.txt").symlink_to(tmp / "self.txt")
    return [tmp / "self.txt"]


def _broken_link(tmp: Path) -> list[Path]:
    (tmp / "folder").mkdir()
    (tmp / "folder" / "gone.txt").symlink_to(tmp / "nowhere.txt")
    return [tmp / "folder"]


@pytest.mark.parametrize(
    "make, failed, reason",
    [
        (_missing, "nowhere.txt", "no such file or folder"),
        (_empty, "empty.txt", "file is empty"),
        (_blank, "blank.txt", "only white space"),
        (_binary, "photo.txt", "binary file (NUL bytes)"),
        (_undecodable, "noise.txt", "binary file"),
        (_chrome_only, "menu.txt", "no story text left once site chrome is removed"),
        (_huge, "huge.txt", "file is 50.0 MB, over the 20 MB limit"),
        (_scripts_only, "scripts.html", "no article text found in the HTML"),
        (_symlink_loop, "back", "symlink loop"),
        (_self_link, "self.txt", "symlink loop"),
        (_broken_link, "gone.txt", "broken symlink"),
    ],
)
def test_bad_input_is_one_failure_and_the_stream_goes_on(tmp_path, make, failed, reason):
    good = _write(tmp_path / "good.txt", STORY)
    articles, failures = _items(*make(tmp_path), good)
    assert [Path(f.source).name for f in failures] == [failed]
    assert reason in failures[0].reason
    assert articles[-1].source == str(good)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("latin-1", "Talks held in Zürich\n\nThe ministers met in Zürich on Monday, officials said."),
        ("cp1252", "Talks held in Kyiv\n\n“We are close,” Yermak said – officials agreed."),
        ("utf-16", "Talks held in Київ\n\nThe ministers met in Київ on Monday, officials said."),
        ("utf-8-sig", "Talks held in Київ\n\nThe ministers met in Київ on Monday, officials said."),
        ("utf-32", "Talks held in Київ\n\nThe ministers met in Київ on Monday, officials said."),
    ],
)
def test_text_encodings_are_decoded(tmp_path, encoding, text):
    path = _write(tmp_path / "story.txt", text.encode(encoding))
    (article,) = read_sources([path])
    assert article.text == text


def test_jsonl_broken_lines_fail_one_by_one(tmp_path):
    lines = [
        json.dumps({"text": STORY}),
        '{"text": "unterminated',
        json.dumps({"title": "No text here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": STORY_LEAD, "url": "https://example.com/b"}),
    ]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, failures = _items(path)
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:6"]
    assert [f.source for f in failures] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert failures[0].reason.startswith("not valid JSON (Unterminated string")
    assert all(f.reason.startswith('no "text" field') for f in failures[1:])


def test_ten_thousand_files_stream_quickly(tmp_path):
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"Talks number {n} held\n\n{STORY_LEAD}\n")
    started = time.perf_counter()
    stream = read_sources([tmp_path])
    first = next(stream)
    first_seconds = time.perf_counter() - started
    count = 1 + sum(1 for item in stream if isinstance(item, Article))
    assert (first.id, count) == ("00000", 10_000)
    assert first_seconds < 0.5
    assert time.perf_counter() - started < 10


@contextlib.contextmanager
def _unprivileged():
    """Run as user ``nobody`` when the tests run as root, for whom every file is readable."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_permission_denied_is_one_failure(tmp_path):
    tmp_path.chmod(0o755)
    secret = _write(tmp_path / "secret.txt", STORY)
    secret.chmod(0o000)
    locked = tmp_path / "locked"
    locked.mkdir()
    _write(locked / "a.txt", STORY)
    locked.chmod(0o000)
    try:
        with _unprivileged():
            articles, failures = _items(secret, locked)
    finally:
        locked.chmod(0o755)
    assert articles == []
    assert [(Path(f.source).name, "permission denied" in f.reason) for f in failures] == [
        ("secret.txt", True),
        ("locked", True),
    ]


@pytest.mark.parametrize("fmt", ["pdf", "jsonl", ""])
def test_read_text_rejects_unknown_formats(fmt):
    with pytest.raises(SourceError, match="expected a format among txt, md, html"):
        read_text(STORY, "x.txt", fmt=fmt)


def test_html_metadata_and_no_markup_in_text(tmp_path):
    page = (tmp_path.parent / "x").as_posix()  # any source name works; only its stem is used
    article = read_text(
        "<html><head><title>Talks held in Kyiv | Example</title><meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2024-05-06'><style>.a{}</style></head>"
        f"<body><article><h1>Talks held in Kyiv</h1><p>{STORY_LEAD}</p><script>alert('x')</script>"
        "<p>Poland pledged further military aid to Ukraine, officials said.</p></article></body></html>",
        page,
        fmt="html",
    )
    assert (article.id, article.title, article.author, str(article.published)) == (
        "x", "Talks held in Kyiv", "Jane Doe", "2024-05-06")
    assert article.text == f"Talks held in Kyiv\n\n{STORY_LEAD}\n\nPoland pledged further military aid to Ukraine, officials said."


def test_max_bytes_is_twenty_megabytes():
    assert MAX_BYTES == 20 * 2**20


@pytest.mark.parametrize(
    "dated, published",
    [
        ("<meta property='article:published_time' content='2024-05-06T09:00:00Z'>", "2024-05-06"),
        ("<meta name='date' content='2024-05-07'>", "2024-05-07"),
        ("", "None"),
    ],
)
def test_html_date_comes_from_markup_not_from_the_copyright_line(dated, published):
    article = read_text(
        f"<html><head><title>Talks held in Kyiv</title>{dated}</head><body><article><p>{STORY_LEAD}</p>"
        "</article><footer>Copyright 2023 Example News</footer></body></html>",
        "x.html",
        fmt="html",
    )
    assert str(article.published) == published
