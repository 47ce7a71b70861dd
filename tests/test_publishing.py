"""What an instructor or a search engine needs to find, cite, pin and trust the book.

Metadata: CITATION.cff, licence and per-page "last updated" in every footer,
description and Open Graph tags, sitemap.xml and robots.txt. Publishing: the
GitHub Pages workflow parses and runs the README's two commands. The instructor
guide: course map, a section per chapter, the LMS steps, the formative note.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import HTML_DIR, REPO, built_pages
from test_chapters import CHAPTERS

PAGES = built_pages()
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(page) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^(bash scripts/(?:build|test)\.sh)\b", readme, flags=re.M)


# Citing and pinning.

def test_citation_file_describes_the_book():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    for key in ("title", "authors", "license", "version", "date-released",
                "repository-code", "message"):
        assert citation.get(key), key
    assert set(citation["license"]) == {"CC-BY-4.0", "MIT"}


def test_readme_says_how_to_pin_a_release():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "git clone --branch v" in readme and "CITATION.cff" in readme


# Every page.

@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(HTML_DIR).as_posix() for p in PAGES])
def test_page_has_description_licence_and_last_updated(page):
    html = soup(page)
    description = html.find("meta", attrs={"name": "description"})
    assert description and len(description["content"]) >= 40
    for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
        assert html.find("meta", attrs={"property": prop}), prop
    assert html.find("meta", attrs={"property": "og:url"})["content"].startswith("https://")
    footer = html.select_one("footer.bd-footer-content").get_text(" ")
    assert "CC BY 4.0" in footer
    assert re.search(r"Last updated on \d{1,2} \w+ \d{4}", footer)


def test_last_updated_is_the_date_of_the_page_source():
    date = subprocess.run(["git", "log", "-1", "--format=%cd", "--date=format:%d %B %Y",
                           "--", "book/glossary.md"], cwd=REPO, capture_output=True,
                          text=True).stdout.strip().lstrip("0")
    footer = soup(HTML_DIR / "book" / "glossary.html").select_one("footer.bd-footer-content")
    assert f"Last updated on {date}" in footer.get_text(" ")


def test_sitemap_lists_every_page_and_robots_points_to_it():
    tree = ET.parse(HTML_DIR / "sitemap.xml")
    urls = {loc.text for loc in tree.getroot().iter(f"{SITEMAP}loc")}
    start = soup(HTML_DIR / "book" / "index.html")
    base = start.find("meta", attrs={"property": "og:url"})["content"].removesuffix(
        "book/index.html")
    for page in PAGES:
        name = page.relative_to(HTML_DIR).as_posix()
        if name not in ("genindex.html", "search.html"):  # generated, not content
            assert base + name in urls, page
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.text)
               for m in tree.getroot().iter(f"{SITEMAP}lastmod"))
    assert f"Sitemap: {base}sitemap.xml" in (HTML_DIR / "robots.txt").read_text()


# Publishing.

def pages_workflow() -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def test_pages_workflow_builds_once_tests_and_publishes():
    workflow = pages_workflow()
    jobs = workflow["jobs"]
    steps = [step for job in jobs.values() for step in job["steps"]]
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert readme_commands() == ["bash scripts/build.sh", "bash scripts/test.sh"]
    # The test command builds the book itself, so the workflow runs only it: one build.
    assert runs == ["bash scripts/test.sh"]
    for run in runs:
        assert (REPO / run.split()[1]).is_file(), f"the workflow runs a missing file: {run}"
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert any(s.get("with", {}).get("path") == "_build/html" for s in steps)


def test_pages_workflow_suits_ubuntu_runners_and_limits_permissions():
    workflow = pages_workflow()
    build, publish = workflow["jobs"]["build-and-test"], workflow["jobs"]["publish"]
    assert build["runs-on"] == publish["runs-on"] == "ubuntu-24.04"
    # Ubuntu's chromium is a snap wrapper that does not run there; Chrome is preinstalled.
    assert build["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in build
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}


# The instructor guide.

@pytest.fixture(scope="module")
def guide() -> BeautifulSoup:
    return soup(HTML_DIR / "book" / "instructor-guide.html")


def chapter_page_reading_line(chapter: str) -> str:
    return soup(HTML_DIR / f"{chapter}.html").select_one("p.reading-time").get_text()


def test_course_map_has_a_row_per_teaching_chapter(guide):
    rows = guide.select("table.course-map tbody tr")
    assert len(rows) == len(CHAPTERS)
    for row, chapter in zip(rows, CHAPTERS):
        cells = row.find_all("td")
        assert cells[0].find("a")["href"].endswith(f"{chapter.split('/')[-1]}.html")
        assert len(cells[1].find_all("li")) >= 3, "objectives"
        minutes = int(re.search(r"(\d+) min", chapter_page_reading_line(chapter)).group(1))
        # The map shows the chapter's own recorded reading time, and the quiz's time.
        assert re.fullmatch(rf"{minutes} min reading; quiz \d+ min", cells[2].get_text(strip=True))
        assert cells[3].get_text(strip=True), "read-first column"
        assert re.search(r"\d+ questions", cells[4].get_text())


def test_guide_has_an_assignment_and_prompts_for_every_chapter(guide):
    text = guide.get_text(" ")
    assert text.count("Suggested assignment") >= len(CHAPTERS)
    assert text.count("Discussion prompts") >= len(CHAPTERS)
    for phrase in ("formative", "Moodle", "Canvas", "GIFT", "QTI"):
        assert phrase in text, phrase
    links = {a["href"] for a in guide.select("a[href]")}
    assert any(href.startswith("answer-key.html") for href in links)
