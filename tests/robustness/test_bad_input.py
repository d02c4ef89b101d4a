"""Bad input through ``kg build`` as a user runs it: one clear line per bad source, the rest built.

The ingest unit tests (``tests/ingest/test_sources.py``) check that each kind of
bad file becomes one ``ReadFailure``; these tests check what reaches the user:
the line on stderr, the exit status, the good articles' facts in graph.ttl, and
with ``--strict`` the previous outputs left as they were.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from kg.store import open_store

from .helpers import ROOT, read_graph, run_kg, snapshot, sources_with_facts, stderr_lines

pytestmark = pytest.mark.model

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
STORY = (
    "Talks in Warsaw\n\n"
    "Ukraine signed a bilateral security agreement with Poland on Monday, officials said.\n\n"
    "Poland pledged further military aid to Ukraine."
)
LATIN1_STORY = "Talks in Zürich\n\nFrance signed a security agreement with Ukraine in Zürich on Friday, the ministry said."
SCRIPTS = "<script>document.write('Russia attacks Poland');</script><style>p {color: red}</style><iframe src='x'></iframe>"


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _empty(folder: Path) -> list[Path]:
    _write(folder, "empty.txt", b"")
    return []


def _binary(folder: Path) -> list[Path]:
    _write(folder, "photo.txt", bytes(range(256)) * 16)
    return []


def _huge(folder: Path) -> list[Path]:
    with (folder / "huge.txt").open("wb") as file:
        file.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing on disk
    return []


def _scripts_only(folder: Path) -> list[Path]:
    _write(folder, "scripts.html", f"<html><head>{SCRIPTS}</head><body>{SCRIPTS * 40}</body></html>")
    return []


def _broken_json_line(folder: Path) -> list[Path]:
    lines = [json.dumps({"text": STORY, "url": "https://example.org/warsaw"}), '{"text": "unterminated']
    _write(folder, "feed.jsonl", "\n".join(lines) + "\n")
    return []


def _symlink_loop(folder: Path) -> list[Path]:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return []


def _broken_symlink(folder: Path) -> list[Path]:
    (folder / "gone.txt").symlink_to(folder / "nowhere" / "gone.txt")
    return []


def _missing(folder: Path) -> list[Path]:
    return [folder.parent / "missing.txt"]


BAD = [
    (_empty, "empty.txt", "file is empty"),
    (_binary, "photo.txt", "binary file"),
    (_huge, "huge.txt", "file is 50.0 MB, over the 20 MB limit"),
    (_scripts_only, "scripts.html", "no article text found in the HTML"),
    (_broken_json_line, "feed.jsonl:2", "not valid JSON"),
    (_symlink_loop, "loop.txt", "symlink loop"),
    (_broken_symlink, "gone.txt", "broken symlink"),
    (_missing, "missing.txt", "no such file or folder"),
]
"""Each bad source: how to make it, the name its stderr line shows, and the reason given."""

ODD_BUT_GOOD = [
    ("latin1.txt", LATIN1_STORY.encode("latin-1")),
    ("utf16.txt", STORY.encode("utf-16")),  # with its byte-order mark
    ("crlf.txt", STORY.replace("\n", "\r\n").encode()),
    ("page.html", f"<html><head>{SCRIPTS}</head><body>{SCRIPTS}<article><h1>Talks in Warsaw</h1>"
     + "".join(f"<p>{p}</p>{SCRIPTS}" for p in STORY.split("\n\n")[1:]) + "</article></body></html>"),
]
"""Sources that look odd but hold a story: read, never reported."""


def _good_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    for name, data in ODD_BUT_GOOD:
        _write(folder, name, data)
    return folder


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    """One build of a folder of good and bad sources, as ``kg build FOLDER MISSING --out OUT``."""
    root = tmp_path_factory.mktemp("mixed")
    folder = _good_folder(root / "articles")
    extra = [path for make, _, _ in BAD for path in make(folder)]
    out = root / "out"
    return run_kg("build", folder, *extra, "--out", out), out


@pytest.mark.parametrize("make, shown, reason", BAD)
def test_each_bad_source_gets_one_line_naming_it_and_why(mixed_build, make, shown, reason):
    result, _ = mixed_build
    lines = [line for line in stderr_lines(result) if line.endswith(shown) or f"/{shown}:" in line]
    assert len(lines) == 1, result.stderr
    assert reason in lines[0]


def test_nothing_else_reaches_stderr_and_the_exit_status_says_something_failed(mixed_build):
    result, _ = mixed_build
    assert result.returncode == 1, result.stderr
    assert len(stderr_lines(result)) == len(BAD), result.stderr
    assert all(line.startswith("kg: cannot read ") for line in stderr_lines(result))
    assert f"failed     {len(BAD)}" in result.stdout


@pytest.mark.parametrize(
    "source", [seed.name for seed in SEEDS] + [name for name, _ in ODD_BUT_GOOD] + ["feed.jsonl:1"]
)
def test_every_good_source_has_its_facts_in_the_graph(mixed_build, source):
    _, out = mixed_build
    assert source in sources_with_facts(read_graph(out))


def test_script_text_never_reaches_the_graph(mixed_build):
    _, out = mixed_build
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "document.write" not in text and "color: red" not in text


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory):
    """A finished build of one seed: the outputs a strict build must leave as they are."""
    root = tmp_path_factory.mktemp("previous")
    result = run_kg("build", SEEDS[0], "--out", root / "out")
    assert result.returncode == 0, result.stderr
    return root / "out"


def _with_good_story(folder: Path) -> Path:
    """A new folder holding ``good.txt``, a short story with facts."""
    folder.mkdir()
    _write(folder, "good.txt", STORY)
    return folder


def _strict_run(previous: Path, root: Path, make: Callable[[Path], list[Path]]):
    out = root / "out"
    shutil.copytree(previous, out)
    folder = _with_good_story(root / "articles")
    extra = make(folder)
    before = snapshot(out)
    return run_kg("build", folder, *extra, "--out", out, "--strict"), out, before


@pytest.fixture(scope="module")
def strict_runs(previous_build, tmp_path_factory):
    """``kg build --strict`` over a good article and each bad source, two runs at a time."""
    roots = [tmp_path_factory.mktemp(f"strict-{shown.replace(':', '-')}") for _, shown, _ in BAD]
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda case: _strict_run(previous_build, case[0], case[1][0]), zip(roots, BAD))
        return dict(zip((shown for _, shown, _ in BAD), runs))


@pytest.mark.slow
@pytest.mark.parametrize("make, shown, reason", BAD)
def test_strict_stops_at_the_bad_source_with_status_2_and_keeps_the_outputs(strict_runs, make, shown, reason):
    result, out, before = strict_runs[shown]
    assert result.returncode == 2, result.stderr
    assert shown in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before
    with open_store(out, read_only=True) as store:
        assert store.query("ASK { ?s ?p ?o }")
        assert [article.id for article in store.articles()] == [SEEDS[0].stem]


@pytest.mark.slow
def test_strict_reports_the_bad_source_once(strict_runs):
    result, _, _ = strict_runs["empty.txt"]
    assert len(stderr_lines(result)) == 1, result.stderr


def test_two_files_with_one_id_are_reported_not_lost_silently(tmp_path):
    folder = tmp_path / "articles"
    for place, seed in zip(("kyiv/report.txt", "warsaw/report.txt"), SEEDS):
        (folder / place).parent.mkdir(parents=True)
        shutil.copy(seed, folder / place)
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 1
    (line,) = stderr_lines(result)
    assert "warsaw/report.txt" in line and "same article id" in line
    assert sources_with_facts(read_graph(tmp_path / "out")) == {"report.txt"}


def test_files_named_in_other_scripts_get_their_own_ids(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, seed in zip(("статья.txt", "новость.txt"), SEEDS):
        shutil.copy(seed, folder / name)
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert sources_with_facts(read_graph(tmp_path / "out")) == {"статья.txt", "новость.txt"}


def test_an_article_too_long_for_the_parser_is_one_failure_and_the_build_goes_on(tmp_path):
    folder = _with_good_story(tmp_path / "articles")
    rounds = "".join(f"Ukraine and Poland held round {i} of talks, officials said.\n\n" for i in range(20_000))
    _write(folder, "long.txt", "Long report\n\n" + rounds)
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert len(stderr_lines(result)) == 1 and "long.txt" in result.stderr, result.stderr
    assert "good.txt" in sources_with_facts(read_graph(tmp_path / "out"))


@pytest.mark.slow
def test_a_folder_of_ten_thousand_bad_files_is_reported_file_by_file(tmp_path):
    folder = _with_good_story(tmp_path / "articles")
    for i in range(10_000):
        (folder / f"empty-{i:05d}.txt").touch()
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert len(stderr_lines(result)) == 10_000
    assert sources_with_facts(read_graph(tmp_path / "out")) == {"good.txt"}



def test_the_same_wire_story_at_five_outlets_is_read_five_times(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    body = "".join(f"<p>{paragraph}</p>" for paragraph in STORY.split("\n\n")[1:])
    for outlet in ("ap", "bbc", "cnn", "dw", "euronews"):
        _write(folder, f"{outlet}.html", f"<html><body><nav>Home</nav><article><h1>Talks</h1>{body}</article></body></html>")
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert len(sources_with_facts(read_graph(tmp_path / "out"))) == 5


def test_a_file_name_with_a_newline_still_gets_one_line(tmp_path):
    folder = _with_good_story(tmp_path / "articles")
    _write(folder, "bad\nname.txt", b"")
    result = run_kg("build", folder, "--out", tmp_path / "out")
    assert len(stderr_lines(result)) == 1, result.stderr


def test_an_output_path_that_is_a_file_gets_one_clear_line(tmp_path):
    (tmp_path / "out").write_text("not a folder")
    result = run_kg("build", SEEDS[0], "--out", tmp_path / "out")
    assert (result.returncode, len(stderr_lines(result))) == (2, 1), result.stderr
    assert "Traceback" not in result.stderr
