"""Reader gates in a real browser: offline, and accessible in light and dark themes.

Every built page is loaded in headless Chromium from a loopback server.
* Offline: no request may leave loopback. This catches CDN scripts, web fonts
  pulled in by CSS and loads injected later by scripts.
* Accessibility: axe-core (shipped inside the axe-playwright-python wheel) finds
  zero violations, in the light theme and in the dark theme.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import axe_playwright_python
import pytest

from conftest import HTML_DIR, built_pages

PAGES = built_pages()
PAGE_IDS = [p.relative_to(HTML_DIR).as_posix() for p in PAGES]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


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


def axe_violations(page) -> list[str]:
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"]]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_page_has_no_accessibility_violations(built, theme, page, server):
    page.add_init_script(f"localStorage.setItem('theme', '{theme}'); "
                         f"localStorage.setItem('mode', '{theme}');")
    page.goto(server + built.relative_to(HTML_DIR).as_posix(), wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
