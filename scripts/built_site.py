"""Where ``scripts/build.sh`` puts the book, and which of its pages a reader sees."""

from __future__ import annotations

from pathlib import Path

from project_paths import REPO

HTML_DIR = REPO / "_build" / "html"
LATEX_DIR = REPO / "_build" / "latex"
BOOK_FILES = LATEX_DIR / "book-files.json"  # written by the PDF build: its PDF and handouts
NOT_PAGES = {"_static", "_sources", "_images", "reports", "_downloads"}


def has_site(html_dir: Path = HTML_DIR) -> bool:
    return (html_dir / "index.html").exists()


def is_redirect(page: Path) -> bool:
    """The site's root index.html only forwards the browser to book/index.html."""
    return 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")[:2000].replace("refresh", "Refresh")


def reader_pages(html_dir: Path = HTML_DIR) -> list[Path]:
    """Every HTML page a reader sees (not redirects, theme assets or page sources)."""
    return sorted(p for p in html_dir.rglob("*.html")
                  if not NOT_PAGES & set(p.relative_to(html_dir).parts) and not is_redirect(p))
