"""Notebooks are committed executed, and their figures are described for every reader.

nbval silently skips a code cell with no execution_count, so an unexecuted
notebook would pass strict nbval without checking anything: this test closes
that gap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
IDS = [n.name for n in NOTEBOOKS]


def code_cells(notebook: Path) -> list[dict]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ has no .ipynb files"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_code_cell_was_executed_in_order(notebook):
    counts = [c.get("execution_count") for c in code_cells(notebook)]
    assert counts and None not in counts, f"{notebook.name}: unexecuted cells (counts {counts})"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{notebook.name}: run it top to bottom on a fresh kernel (counts {counts}); "
        "scripts/execute-notebooks.sh does this")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_cell_output_is_an_error(notebook):
    for cell in code_cells(notebook):
        kinds = [o["output_type"] for o in cell.get("outputs", [])]
        assert "error" not in kinds, f"{notebook.name}: a cell's stored output is an error"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_figure_has_alt_text_and_caption(notebook):
    figures = [c for c in code_cells(notebook)
               if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    for cell in figures:
        meta = cell.get("metadata", {}).get("mystnb", {})
        alt = meta.get("image", {}).get("alt", "")
        caption = meta.get("figure", {}).get("caption", "")
        assert len(alt.split()) >= 15, f"{notebook.name}: figure alt text under 15 words"
        assert caption and alt != caption, f"{notebook.name}: caption missing or same as alt text"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_figures_are_stored_for_web_and_print(notebook):
    """PNG for the site, PDF (vector) for the printed book."""
    for cell in code_cells(notebook):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                assert "application/pdf" in data, f"{notebook.name}: figure has no PDF version"
