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
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HTML_DIR = REPO / "_build" / "html"
LATEX_DIR = REPO / "_build" / "latex"
BOOK_FILES = LATEX_DIR / "book-files.json"  # the PDF build's list of its PDFs
CHROMIUM_INSTALL = "sudo apt-get install -y --no-install-recommends chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]

# The notebooks' helper modules (book_data, book_figures…) are unit-tested too.
sys.path.insert(0, str(REPO / "notebooks"))


def is_redirect(page: Path) -> bool:
    """The site's root index.html only forwards the browser to book/index.html."""
    return 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")[:2000].replace("refresh", "Refresh")


def built_pages() -> list[Path]:
    """Every HTML page a reader sees (not redirects, theme assets or page sources)."""
    if not (HTML_DIR / "index.html").exists():
        return []
    skip = {"_static", "_sources", "_images", "reports", "_downloads"}
    return sorted(p for p in HTML_DIR.rglob("*.html")
                  if not skip & set(p.relative_to(HTML_DIR).parts) and not is_redirect(p))


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML site; fails clearly when the book has not been built."""
    if not (HTML_DIR / "index.html").exists():
        pytest.fail("No built site in _build/html: run `bash scripts/build.sh` first "
                    "(scripts/test.sh does this for you).")
    return HTML_DIR


@pytest.fixture(scope="session")
def book_files() -> dict:
    """What the PDF build made: the book PDF's name (set once, in _config.yml) and the handouts."""
    if not BOOK_FILES.exists():
        pytest.fail(f"No {BOOK_FILES}: run `bash scripts/build.sh` first.")
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
    named = os.environ.get("CHROMIUM")
    if named:
        if not (Path(named).is_file() and os.access(named, os.X_OK)):
            pytest.fail(f"CHROMIUM={named} is not an executable file.")
        return named
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("No Chromium found on PATH and CHROMIUM is not set. Install it with:\n"
                f"    {CHROMIUM_INSTALL}\nor set CHROMIUM=/path/to/chromium.")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright (never downloads a browser)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
