"""Pages stay light without losing what the theme offers.

The size and Lighthouse figures are measured, not asserted, by scripts/benchmark.sh.
Asserted here: what _ext/page_speed.py promises. No icon script; the cut icon
fonts still hold every icon the site shows; no script blocks the first paint;
assets a page does not use are not loaded; and, in Chromium, the theme's search,
dark-mode switch, download menu and sidebar toggle still work.
"""

from __future__ import annotations

import re
import sys

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

from conftest import HTML_DIR, REPO, built_pages

sys.path.insert(0, str(REPO / "_ext"))
import page_speed  # noqa: E402

FONTS = HTML_DIR / "_static" / "vendor" / "fontawesome" / "webfonts"
CHAPTER = "book/injection.html"


def head_of(page) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head


def test_no_page_loads_the_icon_script():
    for page in built_pages():
        assert "fontawesome.js" not in page.read_text(encoding="utf-8"), page


def test_cut_icon_fonts_hold_every_icon_the_site_uses():
    needed = page_speed.glyphs_in_use(HTML_DIR)
    assert len(needed) >= 10
    available = set()
    for name in page_speed.FONTS:
        font = TTFont(FONTS / name)
        available |= set(font.getBestCmap())
        assert (FONTS / name).stat().st_size < 20_000, f"{name} was not cut down"
    assert needed <= available, [hex(c) for c in needed - available]


def test_every_icon_class_on_a_page_has_a_glyph():
    css = (HTML_DIR / page_speed.THEME_CSS).read_text(encoding="utf-8")
    classes = {name for selectors, _ in page_speed.CLASS_RULE.findall(css)
               for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors)}
    used = {c for page in built_pages() for c in
            page_speed.ICON_CLASS.findall(page.read_text(encoding="utf-8"))} - {
        "fa-solid", "fa-regular", "fa-brands", "fa-lg"}
    assert used <= classes, used - classes


@pytest.mark.parametrize("page", [CHAPTER, "notebooks/recovery_timeline.html",
                                  "book/index.html"])
def test_only_documentation_options_blocks_the_first_paint(page):
    blocking = [s["src"] for s in head_of(HTML_DIR / page).find_all("script", src=True)
                if not (s.has_attr("defer") or s.has_attr("async"))]
    assert [src.split("?")[0].rsplit("/", 1)[-1] for src in blocking] == \
        ["documentation_options.js"]


def test_chapter_page_loads_no_unused_assets():
    head = str(head_of(HTML_DIR / CHAPTER))
    for unused in ("searchindex.js", "searchtools.js", "copybutton", "clipboard",
                   "sphinx-thebe", "design-tabs", "sphinx-design", "mystnb", "unpkg.com"):
        assert unused not in head, unused


def test_pages_that_need_them_still_load_them():
    assert "searchindex.js" in (HTML_DIR / "search.html").read_text(encoding="utf-8")
    notebook = str(head_of(HTML_DIR / "notebooks" / "recovery_timeline.html"))
    assert "copybutton" in notebook and "mystnb" in notebook


def test_later_images_load_lazily_and_the_first_does_not():
    soup = BeautifulSoup((HTML_DIR / "notebooks" / "recovery_timeline.html")
                         .read_text(encoding="utf-8"), "html.parser")
    images = soup.select("article img[src*='_images/']")
    assert len(images) >= 2
    assert images[0].get("loading") != "lazy"
    assert all(image.get("loading") == "lazy" for image in images[1:])


@pytest.fixture()
def tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + CHAPTER, wait_until="networkidle")
    yield page
    context.close()


def test_search_still_finds_pages(tab):
    tab.keyboard.press("Control+k")
    field = tab.locator("input[name=q]:visible").first
    field.fill("dextrose")
    field.press("Enter")
    tab.wait_for_url("**/search.html?q=dextrose*")
    tab.wait_for_selector("#search-results li", timeout=15_000)
    assert tab.locator("#search-results li").count() >= 5


def test_dark_mode_switch_still_works(tab):
    before = tab.evaluate("document.documentElement.dataset.theme")
    tab.locator("button.theme-switch-button:visible").first.click()
    after = tab.evaluate("document.documentElement.dataset.theme")
    assert after != before and after in ("light", "dark")


def test_download_menu_still_offers_the_pdf(tab):
    tab.locator("button[aria-label='Download this page']").first.click()
    assert tab.locator(".dropdown-download-buttons a:visible").count() >= 1


def test_icons_are_drawn_from_the_cut_font(tab):
    icon = tab.locator(".fa-bars:visible").first
    assert icon.bounding_box()["width"] > 5
    assert "Font Awesome" in icon.evaluate("e => getComputedStyle(e, '::before').fontFamily")
    tab.evaluate("document.fonts.ready")
    loaded = tab.evaluate("""() => [...document.fonts].filter(f => f.status === 'loaded')
        .map(f => f.family)""")
    assert any("Font Awesome" in family for family in loaded), loaded
