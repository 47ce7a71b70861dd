"""codespell over the chapters and the notebooks' markdown, with the book's word list."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

WORD_LIST = REPO / "tests" / "codespell-words.txt"


def run_codespell(paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "codespell_lib", "--ignore-words", str(WORD_LIST),
                           *map(str, paths)], capture_output=True, text=True)


def test_chapters_are_spelled_correctly():
    result = run_codespell(sorted((REPO / "book").rglob("*.md")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_notebook_markdown_is_spelled_correctly(tmp_path):
    extracted = []
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        out = tmp_path / f"{notebook.stem}.md"
        out.write_text(text, encoding="utf-8")
        extracted.append(out)
    assert extracted, "no notebooks found"
    result = run_codespell(extracted)
    assert result.returncode == 0, result.stdout + result.stderr


def test_codespell_catches_a_misspelling(tmp_path):
    """Proves the check can fail: a known misspelling is reported."""
    sample = tmp_path / "sample.md"
    sample.write_text("The ligament recieves a small volume.\n", encoding="utf-8")
    assert run_codespell([sample]).returncode != 0
