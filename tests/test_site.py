"""The built site: the reader notice everywhere, the PDF downloadable, theme features."""

from __future__ import annotations

import urllib.request
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR, built_pages, is_redirect

PAGES = built_pages()


def soup_of(page):
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_root_redirects_to_the_start_page(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert is_redirect(site / "index.html") and "book/index.html" in html


def test_site_has_pages(site):
    names = {p.relative_to(site).as_posix() for p in PAGES}
    assert {"book/index.html", "book/about.html", "search.html"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(HTML_DIR).as_posix())
def test_every_page_carries_the_notice_licence_and_date(page):
    notice = soup_of(page).select_one("aside.book-notice")
    assert notice is not None, f"{page.name}: no reader notice"
    text = " ".join(notice.get_text(" ").split())
    assert "not medical advice" in text
    assert "CC BY 4.0" in text
    assert "Edition" in text and any(ch.isdigit() for ch in text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(HTML_DIR).as_posix())
def test_every_page_links_to_the_whole_book_pdf(page, server, book_files):
    link = soup_of(page).select_one("a.book-pdf-link")
    assert link is not None, f"{page.name}: no PDF download link"
    page_url = urljoin(server, page.relative_to(HTML_DIR).as_posix())
    assert urljoin(page_url, link["href"]) == urljoin(server, book_files["book_pdf"])


def test_pdf_link_downloads_the_pdf(server):
    """Follow the link from the start page over HTTP and get the PDF itself."""
    start = soup_of(HTML_DIR / "book" / "index.html")
    target = urljoin(urljoin(server, "book/index.html"), start.select_one("a.book-pdf-link")["href"])
    with urllib.request.urlopen(target) as response:
        body = response.read()
        assert response.headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF-") and len(body) > 50_000


def test_theme_features_present():
    page = soup_of(HTML_DIR / "notebooks" / "rabago2013_womac.html")
    html = str(page)
    assert page.select_one("form.bd-search, .search-button-field, button.search-button__button"), "search"
    assert "github.com/open-prolotherapy/prolotherapy-module" in html, "repository button"
    assert "dropdown-download-buttons" in html, "download buttons"
    assert "mybinder.org" in html, "launch button"
    assert (HTML_DIR / "searchindex.js").exists()


def test_about_page_has_the_trust_sections():
    text = soup_of(HTML_DIR / "book" / "about.html").get_text(" ")
    for heading in ("Who wrote it", "How the facts were checked", "Competing interests",
                    "How to report an error", "Errata", "Licence"):
        assert heading in text, heading


def test_site_url_derived_from_repository_setting():
    head = soup_of(HTML_DIR / "book" / "index.html").find("link", rel="canonical")
    assert head is not None
    assert head["href"] == "https://open-prolotherapy.github.io/prolotherapy-module/book/index.html"


def test_missing_chromium_fails_with_the_install_command(monkeypatch):
    """Browser tests never skip: without Chromium they fail and say how to install it."""
    import conftest

    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y --no-install-recommends chromium"):
        conftest.chromium_executable()
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(pytest.fail.Exception, match="not an executable file"):
        conftest.chromium_executable()
