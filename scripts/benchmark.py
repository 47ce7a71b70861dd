"""Print the book's speed and size figures. Measures; asserts nothing.

Works on a temporary copy of the repository, so the checkout is never touched:
    bash scripts/benchmark.sh

Figures: clean HTML build, no-op rebuild, prose-edit rebuild (and how many
notebooks each executed), PDF build, strict nbval, the whole test suite, and
the heaviest page's transfer (raw and gzip bytes, request count) in Chromium,
and, for a chapter page served with gzip on loopback, the bytes transferred and
Lighthouse's mobile scores before and after the page-speed changes ("before" is
the same book built without _ext/page_speed.py and its two theme templates).
Targets: a prose edit executes 0 notebooks and takes <= 25 % of a clean build; a
chapter page transfers <= 400 KB and scores performance >= 95, accessibility and
best practices 100.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import chromium
import measure_page
from built_site import reader_pages
from project_paths import REPO

JUPYTER_BOOK = str(Path(sys.executable).parent / "jupyter-book")


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0,):
        print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"benchmark step failed: {' '.join(command)}")
    return elapsed, result.stdout + result.stderr


def book_build(copy: Path, builder: str) -> tuple[float, int]:
    seconds, log = timed([JUPYTER_BOOK, "build", ".", "--builder", builder, "-n", "-W",
                          "--keep-going"], copy)
    return seconds, log.count("Executed notebook in")


def page_weights(site: Path) -> list[tuple[str, int, int, int]]:
    """(page, raw bytes, gzip bytes, requests) for every page, loaded in Chromium."""
    import functools
    import http.server
    import threading
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.executable(),
                                             args=chromium.FLAGS)
        for page_path in reader_pages(site):
            name = page_path.relative_to(site).as_posix()
            files: list[Path] = []
            tab = browser.new_page()
            tab.on("requestfinished", lambda r: files.append(
                site / r.url.removeprefix(base).split("?")[0].split("#")[0]))
            tab.goto(base + name, wait_until="networkidle")
            tab.close()
            existing = [f for f in files if f.is_file()]
            raw = sum(f.stat().st_size for f in existing)
            packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in existing)
            rows.append((name, raw, packed, len(files)))
        browser.close()
    httpd.shutdown()
    return rows


SPEED_PAGE = "book/injection.html"


def page_speed_figures(site: Path) -> dict:
    with measure_page.gzip_server(site) as base:
        size, requests = measure_page.transfer(base + SPEED_PAGE)
        return {"KiB": size / 1024, "requests": requests, **measure_page.lighthouse(base + SPEED_PAGE)}


def without_page_speed(copy: Path) -> None:
    """Undo the page-speed changes in the copy, for the "before" figures."""
    config = copy / "_config.yml"
    config.write_text("".join(line for line in config.read_text().splitlines(keepends=True)
                              if "page_speed: _ext/" not in line))
    (copy / "_ext" / "templates" / "layout.html").unlink()
    (copy / "_ext" / "templates" / "static" / "webpack-macros.html").unlink()
    shutil.rmtree(copy / "_build" / "html")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "book"
        shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(
            ".venv", "_build", ".git", "__pycache__", ".pytest_cache"))
        clean, clean_runs = book_build(copy, "html")
        noop, noop_runs = book_build(copy, "html")
        about = copy / "book" / "about.md"
        about.write_text(about.read_text() + "\nAn extra sentence of prose.\n")
        prose, prose_runs = book_build(copy, "html")
        pdf, _ = book_build(copy, "pdflatex")
        speed_after = page_speed_figures(copy / "_build" / "html")
        without_page_speed(copy)
        book_build(copy, "html")
        speed_before = page_speed_figures(copy / "_build" / "html")

    nbval, _ = timed([sys.executable, "-m", "pytest", "notebooks", "-q"], REPO)
    suite, _ = timed([sys.executable, "-m", "pytest", "-q"], REPO)
    weights = page_weights(REPO / "_build" / "html")
    chapters = [w for w in weights if w[0].startswith(("book/", "notebooks/"))]
    heaviest = max(chapters, key=lambda w: w[1])

    print("Benchmark (seconds unless stated)")
    print(f"  clean HTML build         {clean:7.1f}   notebooks executed: {clean_runs}")
    print(f"  no-op rebuild            {noop:7.1f}   notebooks executed: {noop_runs}")
    print(f"  prose-edit rebuild       {prose:7.1f}   notebooks executed: {prose_runs}"
          f"   ({100 * prose / clean:.0f} % of clean; target <= 25 %, 0 executed)")
    print(f"  PDF build                {pdf:7.1f}")
    print(f"  nbval (strict)           {nbval:7.1f}")
    print(f"  test suite (pytest)      {suite:7.1f}")
    print(f"  heaviest chapter page    {heaviest[0]}: {heaviest[1] / 1024:.0f} KiB raw, "
          f"{heaviest[2] / 1024:.0f} KiB gzip, {heaviest[3]} requests")
    print(f"  chapter page {SPEED_PAGE}, gzip on loopback, Lighthouse mobile (simulated slow 4G):")
    for label, figures in (("before", speed_before), ("after", speed_after)):
        print(f"    {label:6s} {figures['KiB']:6.0f} KiB transferred, {figures['requests']:2d} requests;"
              f" performance {figures['performance']}, accessibility {figures['accessibility']},"
              f" best practices {figures['best-practices']}, LCP {figures['LCP ms']} ms")
    print("    targets: <= 400 KB, performance >= 95, accessibility 100, best practices 100")
    for name, raw, packed, requests in weights:
        print(f"    {name:45s} {raw / 1024:7.0f} KiB {packed / 1024:6.0f} KiB gz {requests:3d} req")


if __name__ == "__main__":
    main()
