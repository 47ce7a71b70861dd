"""Measure a built page as a phone on a slow link would get it. Used by benchmark.py.

* ``gzip_server(site)``: serve a built site on loopback with gzip, as a web host
  (GitHub Pages included) would;
* ``transfer(url)``: bytes on the wire (compressed bodies plus headers) and the
  number of requests, loading the page in headless Chromium;
* ``lighthouse(url)``: Lighthouse's mobile scores (performance, accessibility,
  best practices) with its default simulated slow-4G phone. Lighthouse comes from
  npm into ``_build/.tools`` on first use; Chromium is Debian's.

    python scripts/measure_page.py [PAGE]   (default: a chapter page of _build/html)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import chromium
from built_site import HTML_DIR
from project_paths import REPO

TOOLS = REPO / "_build" / ".tools"
LIGHTHOUSE_VERSION = "12.8.2"
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def gzip_server(site: Path):
    handler = functools.partial(GzipHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def transfer(url: str) -> tuple[int, int]:
    """(bytes transferred, requests) for one page load."""
    from playwright.sync_api import sync_playwright

    sizes: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.executable(),
                                             args=chromium.FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.on("requestfinished", lambda request: sizes.append(
            request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    return sum(sizes), len(sizes)


def lighthouse_command() -> list[str]:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            raise SystemExit("Lighthouse needs Node.js and npm: sudo apt-get install -y npm")
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                        "--silent", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return [str(binary)]


def lighthouse(url: str) -> dict[str, int]:
    """Mobile scores (0-100) for performance, accessibility and best practices."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        profile = Path(tmp) / "profile"
        flags = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                 "--disable-component-update --disable-sync --no-first-run "
                 f"--user-data-dir={profile}")
        subprocess.run([*lighthouse_command(), url, "--quiet", "--output=json",
                        f"--output-path={report}", f"--chrome-flags={flags}",
                        "--only-categories=performance,accessibility,best-practices"],
                       check=True, env={**os.environ, "CHROME_PATH": chromium.executable()})
        result = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100)
              for name, category in result["categories"].items()}
    scores["LCP ms"] = round(result["audits"]["largest-contentful-paint"]["numericValue"])
    return scores


def main() -> None:
    page = sys.argv[1] if len(sys.argv) > 1 else "book/injection.html"
    with gzip_server(HTML_DIR) as base:
        size, requests = transfer(base + page)
        print(f"{page}: {size / 1024:.0f} KiB transferred (gzip), {requests} requests")
        print(f"Lighthouse (mobile): {lighthouse(base + page)}")


if __name__ == "__main__":
    main()
