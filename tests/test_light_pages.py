"""Pages stay light without losing what the theme offers.

The size and Lighthouse figures are measured, not asserted, by scripts/benchmark.sh.
Asserted here: what _ext/page_speed.py promises. No icon script; the cut icon
fonts still hold every icon the site shows; no script blocks the first paint;
assets a page does not use are not loaded; and, in Chromium, the theme's search,
dark-mode switch, download menu and sidebar toggle still work.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

import page_speed
from conftest import HTML_DIR, built_pages

FONTS = HTML_DIR / "_static" / "vendor" / "fontawesome" / "webfonts"
CHAPTER = "book/injection.html"
pytestmark = pytest.mark.usefixtures("site")  # every test reads the built site


def head_of(page) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head


def test_no_page_loads_the_icon_script():
    for page in built_pages():
        assert "fontawesome.js" not in page.read_text(encoding="utf-8"), page


def test_icon_fonts_are_cut_down():
    for name in ("fa-solid-900.woff2", "fa-regular-400.woff2", "fa-brands-400.woff2"):
        assert (FONTS / name).stat().st_size < 20_000, f"{name} was not cut down"


# Every icon the page's styles draw (::before/::after in a Font Awesome font, on any
# element, shown or not yet), as [font family, weight, code point].
ICONS_DRAWN = """() => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
        for (const pseudo of ['::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            const text = /^"(.*)"$/s.exec(style.content);
            if (!text || !style.fontFamily.includes('Font Awesome')) continue;
            for (const character of text[1]) {
                found.push([style.fontFamily, style.fontWeight, character.codePointAt(0)]);
            }
        }
    }
    return found; }"""


def font_file(family: str, weight: str) -> str:
    """The theme's font that draws a Font Awesome icon in this family and weight."""
    if "Brands" in family:
        return "fa-brands-400.woff2"
    return "fa-solid-900.woff2" if int(weight) >= 900 else "fa-regular-400.woff2"


@pytest.mark.parametrize("page", [CHAPTER, "notebooks/recovery_timeline.html", "book/index.html",
                                  "book/answer-key.html", "search.html"])
def test_every_icon_a_page_draws_is_in_the_cut_font(page, browser, server):
    """The browser, not the build's own glyph list, says which icons a page draws."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + page, wait_until="networkidle")
    drawn = tab.evaluate(ICONS_DRAWN)
    context.close()
    assert len({code for _, _, code in drawn}) >= 5, drawn  # menu, search, theme, download...
    cmaps = {}
    missing = set()
    for family, weight, code in drawn:
        name = font_file(family, weight)
        if name not in cmaps:
            cmaps[name] = set(TTFont(FONTS / name).getBestCmap())
        if code not in cmaps[name]:
            missing.add(f"U+{code:04X} in {name}")
    assert not missing, sorted(missing)


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
