"""Reader gates in a real browser: offline, and accessible in light and dark themes.

Every built page is loaded in headless Chromium from a loopback server.
* Offline: no request may leave loopback. This catches CDN scripts, web fonts
  pulled in by CSS and loads injected later by scripts.
* Accessibility: axe-core (4.14 or newer, from npm: see tests/axe_core.py) finds
  zero violations, in the light theme and in the dark theme.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

import axe_core
from conftest import HTML_DIR, built_pages

PAGES = built_pages()
PAGE_IDS = [p.relative_to(HTML_DIR).as_posix() for p in PAGES]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.hostname in LOOPBACK


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_page_makes_no_request_off_loopback(built, page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + built.relative_to(HTML_DIR).as_posix(), wait_until="networkidle")
    page.wait_for_timeout(300)  # late, script-injected loads
    offsite = [url for url in requested if not is_local(url)]
    assert offsite == [], f"requests off loopback: {offsite}"
    assert len(requested) > 1, "the page loaded no assets at all: is the server serving it?"


def test_axe_is_4_14_or_newer_and_checks_that_names_match_labels(page, server):
    """Older axe (such as the copy inside axe-playwright-python 0.1.8) leaves out
    label-content-name-mismatch (WCAG 2.5.3), which the theme's search button failed."""
    installed = axe_core.version()
    assert tuple(int(part) for part in installed.split(".")[:2]) >= (4, 14), installed
    page.goto(server + "book/injection.html", wait_until="networkidle")
    result = axe_core.run(page)
    assert page.evaluate("axe.version") == installed  # the page ran the installed copy
    ran = {rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable")
           for rule in result[kind]}
    assert "label-content-name-mismatch" in ran


def test_search_button_is_named_by_the_text_it_shows(page, server):
    """WCAG 2.5.3: the theme named "Search Ctrl+K" aria-label="Search"; the book's copy
    of the template (_ext/templates/search-button-field.html) names it by its text."""
    page.goto(server + "book/injection.html", wait_until="networkidle")
    button = page.locator(".search-button-field:visible").first
    shown = " ".join(button.inner_text().split())
    assert shown.startswith("Search")
    assert button.aria_snapshot() == f'- button "{shown}"'


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_page_has_no_accessibility_violations(built, theme, page, server):
    page.add_init_script(f"localStorage.setItem('theme', '{theme}'); "
                         f"localStorage.setItem('mode', '{theme}');")
    page.goto(server + built.relative_to(HTML_DIR).as_posix(), wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    violations = axe_core.violations(page)
    assert violations == [], "\n".join(violations)
