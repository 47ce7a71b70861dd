"""Every teaching chapter can be handed out on its own, as a PDF that stands alone.

A handout (scripts/make_handouts.py) is the book's notice page plus the chapter's
own pages of the whole-book PDF. Checked here: it exists; the chapter page and the
instructor guide link to it; its text has the chapter title, the notice, the
licence, the edition date, a reference list and the quiz's answer key, and no
unresolved reference ("??"); it holds no page of another chapter.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR, REPO
from test_chapters import CHAPTERS, chapter_title as title, slug, squash

HANDOUTS = HTML_DIR / "handouts"
pytestmark = pytest.mark.usefixtures("site")  # every test reads the built site


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def links(page: str) -> set[str]:
    soup = BeautifulSoup((HTML_DIR / page).read_text(encoding="utf-8"), "html.parser")
    return {a["href"] for a in soup.select("a[href]")}


def edition_date() -> str:
    notice = (HTML_DIR / "book" / "index.html").read_text(encoding="utf-8")
    return re.search(r"Edition (\d{1,2} \w+ \d{4})", notice).group(1)


def test_only_teaching_chapters_have_handouts():
    assert sorted(p.stem for p in HANDOUTS.glob("*.pdf")) == sorted(map(slug, CHAPTERS))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_handout_is_linked_from_its_chapter_and_the_guide(chapter):
    assert f"../handouts/{slug(chapter)}.pdf" in links(f"{chapter}.html")
    assert f"../handouts/{slug(chapter)}.pdf" in links("book/instructor-guide.html")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_handout_stands_alone(chapter):
    text = pdf_text(HANDOUTS / f"{slug(chapter)}.pdf")
    flat = squash(text)
    assert squash(title(chapter)) in flat
    assert "Educational material, not medical advice" in text
    assert "CC BY 4.0" in text
    assert squash(f"Edition {edition_date()}") in flat
    assert re.search(r"^\d+\.\d+ References$", text, flags=re.M), "no reference list"
    assert re.search(r"^\d+\.\d+ Answer key$", text, flags=re.M), "no answer key"
    assert "??" not in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_handout_holds_no_other_chapter(chapter):
    """Running heads name the chapter ("Chapter 3. Stage 1 of ..."): only its own."""
    text = " ".join(pdf_text(HANDOUTS / f"{slug(chapter)}.pdf").split())
    heads = set(re.findall(r"Chapter \d+\. (.{20})", text))
    assert heads and all(head in " ".join(title(chapter).split()) for head in heads), heads


def test_every_handout_page_carries_the_notice():
    for handout in HANDOUTS.glob("*.pdf"):
        pages = pdf_text(handout).split("\f")[:-1]
        missing = [i + 1 for i, page in enumerate(pages)
                   if "Educational material, not medical advice" not in page]
        assert missing == [], f"{handout.name}: pages without the notice {missing}"
