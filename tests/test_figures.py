"""Schematic figures: drawn from code, current, and labelled as schematic."""

from __future__ import annotations

import html

import pytest

import draw_figures
from conftest import REPO

SCRIPTS = draw_figures.figure_scripts()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_committed_figure_files_are_current(script):
    fresh = draw_figures.render(script)
    for fmt, data in fresh.items():
        committed = script.with_suffix(f".{fmt}")
        assert committed.exists(), f"{committed.name} missing: run bash scripts/draw-figures.sh"
        assert committed.read_bytes() == data, (
            f"{committed.name} is out of date with {script.name}: run bash scripts/draw-figures.sh")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_figure_says_what_it_is(script):
    """A schematic says so on the figure; a figure drawn from data says that. Read from the
    drawn SVG (its text stays text), which the test above keeps equal to the script's."""
    drawn = html.unescape(script.with_suffix(".svg").read_text(encoding="utf-8"))
    assert "Schematic: not data" in drawn or "Drawn from the book's data" in drawn


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_figure_is_used_by_a_chapter(script):
    chapters = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "book").glob("*.md"))
    assert f"figures/{script.stem}.*" in chapters
