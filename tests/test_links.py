"""Every internal link and anchor of the built site resolves."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR, built_pages

PAGES = built_pages()


@lru_cache(maxsize=None)
def anchors_in(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(tag["id"] for tag in soup.find_all(id=True)) | frozenset(
        tag["name"] for tag in soup.find_all("a", attrs={"name": True}))


def internal_links(page: Path):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
        for element in soup.find_all(tag):
            url = element.get(attr)
            if not url or urlparse(url).scheme or url.startswith(("//", "mailto:")):
                continue
            yield url


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(HTML_DIR).as_posix())
def test_internal_links_resolve(page):
    broken = []
    for url in internal_links(page):
        path_part, fragment = urldefrag(url)
        path_part = path_part.split("?", 1)[0]  # cache-busting ?v=… is not part of the file
        target = (page.parent / unquote(path_part)).resolve() if path_part else page
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"{url} (no file)")
        elif fragment and target.suffix == ".html" and unquote(fragment) not in anchors_in(target):
            broken.append(f"{url} (no anchor #{fragment})")
    assert broken == [], f"{page.relative_to(HTML_DIR)}: broken links: {broken}"


def test_link_checker_sees_pages():
    assert len(PAGES) >= 4
