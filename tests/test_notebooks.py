"""The notebooks run from top to bottom in the venv's kernel and show what they promise.

Each notebook builds the seed articles into a temporary folder named by
``KG_NOTEBOOK_OUT`` (the kernel inherits the environment), so nothing is
written into the repository.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _shown(notebook) -> str:
    """Everything the cells printed or displayed, as text, HTML and the media types of pictures."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/html", ""), " ".join(data)]
    return "\n".join(parts)


def _run(name: str, out: Path, seeds: Path, monkeypatch) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    monkeypatch.setenv("KG_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("KG_NOTEBOOK_ARTICLES", str(seeds))
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    # The kernelspec says "python"; jupyter_client runs it with this interpreter (the venv's).
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


@pytest.mark.parametrize("name", ["quickstart.ipynb", "analysis.ipynb"])
def test_committed_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    imports = {line.split()[1] for cell in code for line in cell.source.splitlines() if line.startswith(("import ", "from "))}
    assert not {name for name in imports if name.startswith("kg.")}, "notebooks use only the public API (import kg)"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "quickstart.ipynb",
            [
                "3 articles",  # the graph's repr after the build
                "Country",  # entities by class
                "signsAgreementWith",  # facts by property and status
                "Germany",  # question 1: who signed with Ukraine
                "Volodymyr Zelensky",  # question 3: who holds office
                "<iframe srcdoc=",  # the drawn graph
            ],
        ),
        (
            "analysis.ipynb",
            [
                "betweenness",
                "Ukraine",
                "image/png",  # the timeline and the bar charts
                "Germany",  # agreements per country
                "not yet",  # plans not reported done
            ],
        ),
    ],
)
def test_notebook_runs(name, expected, tmp_path, seeds_dir, monkeypatch):
    notebook = _run(name, tmp_path / "out", seeds_dir, monkeypatch)
    shown = _shown(notebook)
    assert (tmp_path / "out" / "graph.ttl").is_file(), "the notebook builds into the folder it is given"
    missing = [text for text in expected if text not in shown]
    assert not missing, f"{name} did not show {missing}"
