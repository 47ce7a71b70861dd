"""The recovery-timeline notebook as readers get it: web page, table, links, PDF, cache rule."""

from __future__ import annotations

import json
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR, REPO

PAGE = HTML_DIR / "notebooks" / "recovery_timeline.html"
NOTEBOOK = REPO / "notebooks" / "recovery_timeline.ipynb"
MECHANISM_CHAPTERS = ["connective-tissue", "injection", "inflammation", "regeneration"]


@pytest.fixture(scope="module")
def page(site) -> BeautifulSoup:
    return BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser")


def test_figure_is_on_the_page_with_alt_text_and_caption(page):
    figure = page.find(id="fig-recovery-timeline")
    assert figure is not None, "fig-recovery-timeline missing from the page"
    image = figure.find("img")
    assert len(image["alt"].split()) >= 40
    caption = figure.find("figcaption").get_text(" ", strip=True)
    assert "timing, not causation" in caption and "schematic" in caption.lower()


def test_timeline_table_lists_every_window_of_every_session(page):
    rows = [r for table in page.find_all("table") for r in table.find_all("tr")
            if "(proposed)" in r.get_text() or "(reported)" in r.get_text()]
    sessions = {r.find("td").get_text(strip=True) for r in rows if r.find("td")}
    assert {"1 (week 1)", "2 (week 5)", "3 (week 9)"} <= sessions
    assert len([r for r in rows if r.find("td")]) >= 12


def test_every_length_has_a_rendered_citation(page):
    text = page.get_text()
    assert "{cite" not in text, "a citation role was left unrendered"
    sources = [t for t in page.find_all("table") if "Basis and source" in t.get_text()]
    assert sources, "no table of sources"
    cited = sources[0].find_all("a", href=lambda h: h and "#" in h)
    assert len(cited) >= 4


def test_page_links_back_to_the_mechanism_chapters(page):
    targets = {a["href"].split("#")[0].rsplit("/", 1)[-1] for a in page.find_all("a", href=True)}
    assert {"injection.html", "inflammation.html", "regeneration.html"} <= targets


@pytest.mark.parametrize("chapter", MECHANISM_CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_mechanism_chapter_links_to_the_timeline(chapter):
    html = BeautifulSoup((HTML_DIR / "book" / f"{chapter}.html").read_text(encoding="utf-8"),
                         "html.parser")
    links = [a["href"] for a in html.select("article a[href]")]
    assert any("recovery_timeline.html" in href for href in links), f"{chapter} has no link"


def test_notebook_says_it_runs_from_a_clone_or_the_launch_button():
    first = "".join(json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"][0]["source"])
    assert "launch button" in first and "clone" in first


def test_try_it_cell_exposes_both_parameters():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert any(s.startswith("sessions =") and "spacing_weeks =" in s for s in sources)


def test_pdf_has_the_figure_and_its_caption(pdf_path):
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Soreness after sessions (reported)" in text  # drawn text of the vector figure
    assert "timing, not causation" in " ".join(text.split())


def test_cache_rule_watches_the_timeline_data_and_modules():
    """The foundation's rule re-executes notebooks when these change (see _ext/)."""
    from notebook_freshness import dependency_files

    watched = dependency_files(REPO, ["data/**/*", "notebooks/**/*.py"])
    for name in ("data/repair_timescales.csv", "notebooks/recovery_timeline.py",
                 "notebooks/timeline_figure.py", "notebooks/book_data.py"):
        assert REPO / name in watched
