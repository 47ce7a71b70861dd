"""The whole-book PDF: every character prints, every reference resolves, notice in front."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import LATEX_DIR, REPO

SYMBOLS = {"β": "beta", "→": "arrow", "±": "plus-minus", "µ": "micro sign", "≥": "at least"}


def source_text() -> str:
    """The book's prose and notebook markdown and outputs, as written."""
    parts = [p.read_text(encoding="utf-8") for p in (REPO / "book").glob("*.md")]
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            parts.append("".join(cell["source"]))
            for output in cell.get("outputs", []):
                parts.append("".join(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def pdf_text(pdf_path) -> str:
    try:
        result = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"],
                                capture_output=True, text=True, check=True)
    except FileNotFoundError:
        pytest.fail("pdftotext is missing: sudo apt-get install -y poppler-utils")
    return result.stdout


@pytest.fixture(scope="module")
def latex_log(pdf_path) -> str:
    return (LATEX_DIR / pdf_path.with_suffix(".log").name).read_text(encoding="utf-8", errors="replace")


def test_source_uses_every_checked_symbol():
    """Guards the next test: it only proves something if the source has the symbols."""
    text = source_text()
    assert [s for s in SYMBOLS if s not in text] == []


@pytest.mark.parametrize("symbol", SYMBOLS, ids=SYMBOLS.values())
def test_symbol_prints_in_pdf(symbol, pdf_text):
    assert symbol in pdf_text, f"{SYMBOLS[symbol]} ({symbol}) is in the source but not in the PDF text"


def test_no_unresolved_reference_marks(pdf_text):
    assert "??" not in pdf_text


def test_latex_log_has_no_missing_characters(latex_log):
    missing = re.findall(r"^Missing character:.*$", latex_log, flags=re.MULTILINE)
    assert missing == []


def test_latex_log_has_no_undefined_references(latex_log):
    undefined = re.findall(r"^.*(?:undefined|Undefined).*$", latex_log, flags=re.MULTILINE)
    assert undefined == []


def test_front_matter_has_notice_licence_and_date(pdf_path):
    front = subprocess.run(["pdftotext", "-l", "4", str(pdf_path), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "Educational material, not medical advice." in front
    assert "CC BY 4.0" in front
    assert re.search(r"Edition\. \d{1,2} \w+ \d{4}", front)


def test_every_page_after_the_title_carries_the_notice(pdf_text):
    """Front matter and every printed page (in its footer); only blank pages are exempt."""
    pages = pdf_text.split("\f")[1:]
    printed = [i for i, p in enumerate(pages, start=2) if p.strip()]
    assert len(printed) >= 10
    without = [i for i in printed if "not medical advice" not in pages[i - 2]]
    assert without == [], f"pages without the notice: {without}"


def test_pdf_contains_the_figure_as_vector_graphics(pdf_path):
    """The notebook figure is embedded as PDF (text stays text), not only as a bitmap."""
    fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True,
                           check=True).stdout
    assert "DejaVuSans" in fonts, "matplotlib's figure text is not in the PDF"
