"""Shared fixtures: where the built book is, a loopback web server, a browser.

The tests check the book that ``scripts/build.sh`` produced; ``scripts/test.sh``
builds it first. Browser tests drive Debian's Chromium through Playwright: no
browser is ever downloaded, and a missing Chromium fails the test with the
command that installs it (never a skip).
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

import chromium
from built_site import BOOK_FILES, HTML_DIR, LATEX_DIR, REPO, has_site, is_redirect, reader_pages

__all__ = ["HTML_DIR", "LATEX_DIR", "REPO", "built_pages", "is_redirect"]
MISSING_SITE = ("No built site in _build/html: run `bash scripts/build.sh` first "
                "(scripts/test.sh does this for you).")


def built_pages() -> list[Path]:
    """Every HTML page a reader sees. Without a build this fails (never an empty list,
    which would leave the tests parametrized over it skipped): called at import, the
    module fails to collect with the message."""
    if not has_site():
        pytest.fail(MISSING_SITE, pytrace=False)
    return reader_pages()


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML site; fails clearly when the book has not been built."""
    if not has_site():
        pytest.fail(MISSING_SITE, pytrace=False)
    return HTML_DIR


@pytest.fixture(scope="session")
def book_files() -> dict:
    """What the PDF build made: the book PDF's name (set once, in _config.yml) and the handouts."""
    if not BOOK_FILES.exists():
        pytest.fail(f"No {BOOK_FILES}: run `bash scripts/build.sh` first.", pytrace=False)
    return json.loads(BOOK_FILES.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pdf_path(book_files) -> Path:
    path = LATEX_DIR / book_files["book_pdf"]
    if not path.exists():
        pytest.fail(f"No PDF at {path}: run `bash scripts/build.sh` first.")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> str:
    """Serve the built site on a free loopback port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def chromium_executable() -> str:
    try:
        return chromium.executable()
    except chromium.ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright (never downloads a browser)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=chromium.FLAGS)
        yield launched
        launched.close()
