"""Navigation as a reader uses it: tap the menu on a phone or a tablet, see the
chapters, follow one; the same with "On this page"; by keyboard, Escape closes the
drawer and gives focus back. The start page lists every chapter as plain links.

The theme binds its handlers to a hidden button (pydata-sphinx-theme #2451), so these
tests tap the button a reader can *see*: a theme upgrade that breaks it fails here.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR
from test_chapters import CHAPTERS

WIDTHS = {"phone": (390, 844), "tablet": (800, 1100)}
PAGE = "book/injection.html"


@pytest.fixture(params=WIDTHS, ids=list(WIDTHS))
def reader(request, browser, server):
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    tab = context.new_page()
    tab.goto(server + PAGE)
    yield tab
    context.close()


def visible_button(tab, selector: str):
    buttons = tab.locator(f"{selector}:visible")
    assert buttons.count() >= 1, f"no visible {selector} button"
    return buttons.first


def test_tapping_the_menu_opens_the_chapter_list_and_a_link_works(reader):
    menu = visible_button(reader, ".primary-toggle")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.tap()
    drawer = reader.locator("#pst-primary-sidebar-modal")
    assert drawer.evaluate("d => d.open"), "the drawer did not open"
    link = drawer.get_by_role("link", name="Safety", exact=False).first
    assert link.is_visible(), "the chapter list is not visible in the drawer"
    assert menu.get_attribute("aria-expanded") == "true"
    assert reader.evaluate("document.activeElement.closest('dialog')?.id") == \
        "pst-primary-sidebar-modal", "focus did not move into the drawer"
    link.tap()
    reader.wait_for_url("**/book/safety.html")


def test_menu_by_keyboard_escape_closes_and_returns_focus(reader):
    menu = visible_button(reader, ".primary-toggle")
    menu.focus()
    reader.keyboard.press("Enter")
    drawer = reader.locator("#pst-primary-sidebar-modal")
    assert drawer.evaluate("d => d.open")
    reader.keyboard.press("Escape")
    assert not drawer.evaluate("d => d.open"), "Escape did not close the drawer"
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.evaluate("b => document.activeElement === b"), "focus did not come back"


def test_on_this_page_opens_the_sections_and_a_link_scrolls_there(reader):
    button = visible_button(reader, ".secondary-toggle")
    button.tap()
    drawer = reader.locator("#pst-secondary-sidebar-modal")
    assert drawer.evaluate("d => d.open"), "the 'On this page' drawer did not open"
    links = drawer.locator("nav.page-toc a")
    assert links.count() >= 3
    assert button.get_attribute("aria-expanded") == "true"
    target = links.nth(1)
    anchor = target.get_attribute("href")
    target.tap()
    reader.wait_for_function("h => location.hash === h", arg=anchor)


def test_wide_screen_menu_button_folds_the_sidebar(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + PAGE)
    menu = visible_button(tab, ".primary-toggle")
    assert menu.get_attribute("aria-expanded") == "true"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "false"
    assert not tab.locator("#pst-primary-sidebar").is_visible() or \
        tab.locator("#pst-primary-sidebar.pst-sidebar-hidden").count() == 1
    context.close()


@pytest.mark.usefixtures("site")  # reads the built site
def test_start_page_lists_every_chapter_as_a_link():
    start = BeautifulSoup((HTML_DIR / "book" / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    box = start.select_one(".chapter-list")
    assert box is not None, "no chapter list on the start page"
    targets = {a["href"].split("#")[0] for a in box.find_all("a", href=True)}
    for chapter in CHAPTERS:
        name = chapter.split("/")[-1] + ".html"
        assert any(t.endswith(name) for t in targets), f"{chapter} missing from the list"
    for notebook in sorted((HTML_DIR / "notebooks").glob("*.html")):
        assert any(t.endswith(notebook.name) for t in targets), notebook.name
