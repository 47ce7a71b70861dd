"""Reading on a phone (390 x 844, touch): nothing slides sideways, the opening text
is on the first screen, notebook code is out of the way, tables scroll inside their
own named region, figures can be enlarged, search fits, previews open and close.

Each test fails when the style or script it guards is removed (see the issue 13
report: every one was run once against a build without it and failed).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import HTML_DIR, built_pages

PHONE = {"width": 390, "height": 844}
PAGES = built_pages()
PAGE_IDS = [p.relative_to(HTML_DIR).as_posix() for p in PAGES]
CHAPTERS = [p for p in PAGES if p.parent.name in {"book", "notebooks"}]
NOTEBOOK_PAGES = [p for p in PAGES if p.parent.name == "notebooks"]


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


def url(server, page) -> str:
    return server + page.relative_to(HTML_DIR).as_posix()


@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_no_page_scrolls_sideways_on_a_phone(built, phone, server):
    phone.goto(url(server, built))
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide in a {PHONE['width']} px screen"


@pytest.mark.parametrize("built", CHAPTERS, ids=[p.relative_to(HTML_DIR).as_posix() for p in CHAPTERS])
def test_opening_text_is_on_the_first_screen(built, phone, server):
    phone.goto(url(server, built))
    top = phone.evaluate("""() => {
        const p = [...document.querySelectorAll('article.bd-article p')]
          .find((e) => e.offsetParent !== null && e.textContent.trim());
        return p ? p.getBoundingClientRect().top : null; }""")
    # In the top half of the first screen: at least half a screen of opening text shows.
    assert top is not None and top < PHONE["height"] / 2, f"first paragraph starts at {top} px"
    notice = phone.locator(".book-notice")
    assert "Educational material, not medical advice" in notice.inner_text()


@pytest.mark.parametrize("page", ["search.html", "book/injection.html"])
def test_search_input_fits_the_screen_and_its_icon_clears_the_text(page, phone, server):
    phone.goto(server + page)
    if page != "search.html":
        phone.locator(".search-button:visible").first.tap()
    box = phone.locator("input[name=q]:visible").first
    box.fill("saline")
    geometry = box.evaluate("""(i) => {
        const r = i.getBoundingClientRect();
        const icon = i.parentElement.querySelector('.fa-magnifying-glass').getBoundingClientRect();
        return {left: r.left, right: r.right, textStart: r.left + parseFloat(getComputedStyle(i).paddingLeft),
                iconRight: icon.right}; }""")
    assert geometry["left"] >= 0 and geometry["right"] <= PHONE["width"], geometry
    assert geometry["iconRight"] <= geometry["textStart"], f"the icon covers the text: {geometry}"


def test_search_results_show_the_matching_sentence(phone, server):
    phone.goto(server + "search.html?q=hypertonic")
    phone.wait_for_selector("ul.search li p.context", timeout=15000)
    snippets = phone.locator("ul.search li p.context").all_inner_texts()
    assert snippets and all("hypertonic" in s.lower() for s in snippets), snippets
    toc_like = re.compile(r"\b\d+\.\d+\. [A-Z]")  # "2.5. Chronic tendinopathy 2.6. Why..."
    assert not [s for s in snippets if toc_like.search(s)], snippets


@pytest.mark.parametrize("built", NOTEBOOK_PAGES, ids=[p.name for p in NOTEBOOK_PAGES])
def test_notebook_code_is_hidden_behind_a_show_code_control(built, phone, server):
    phone.goto(url(server, built))
    sources = phone.locator("div.cell_input")
    assert sources.count() >= 1
    for i in range(sources.count()):
        assert not sources.nth(i).is_visible(), "notebook code shows by default"
    toggle = phone.locator("details.hide > summary").first
    assert toggle.is_visible() and toggle.inner_text().strip() == "Show code"
    assert toggle.get_attribute("aria-label") is None, "the control's name must be its words"
    toggle.focus()
    phone.keyboard.press("Enter")
    assert sources.first.is_visible(), "Show code did not show the code"
    assert phone.locator("div.cell_output img, div.cell_output table").first.is_visible()


def test_notebook_code_is_not_in_the_pdf(pdf_path):
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for code in ("use_book_style()", "load_results(", "plot_recovery_timeline(",
                 "from book_data import", "womac_table(results)"):
        assert code not in text, f"notebook code {code!r} printed in the PDF"
    assert "Show code" not in text


@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_every_table_is_in_a_named_focusable_scroll_region(built, phone, server):
    phone.goto(url(server, built))
    # Sphinx's general index lays its columns out with tables: layout, not content.
    # The theme sets tabindex -1 on a region with nothing to scroll (one tab stop less).
    problems = phone.evaluate("""() => [...document.querySelectorAll('article table:not(.indextable)')].map((t) => {
        const r = t.closest('.table-scroll');
        if (!r) return 'a table outside a scroll region';
        const name = r.getAttribute('aria-label') ||
          document.getElementById(r.getAttribute('aria-labelledby') || '')?.textContent;
        if (r.getAttribute('role') !== 'region' || !name?.trim())
          return 'a scroll region without role or name';
        if (r.scrollWidth > r.clientWidth && r.tabIndex !== 0)
          return 'a region that scrolls but cannot be reached by keyboard';
        if (getComputedStyle(r).overflowX !== 'auto') return 'a region that does not scroll';
        return null; }).filter(Boolean)""")
    assert problems == []


def test_a_wide_table_scrolls_with_a_cue_and_a_sticky_first_column(phone, server):
    phone.goto(server + "book/conditions-evidence.html")
    region = phone.locator(".table-scroll", has=phone.locator("table.evidence-summary"))
    region.scroll_into_view_if_needed()
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the table should scroll here"
    hint = region.locator("xpath=preceding-sibling::p[1]")
    assert "Scroll sideways" in hint.inner_text() and hint.is_visible()
    first = region.locator("tbody td").first
    before = first.bounding_box()["x"]
    region.evaluate("r => { r.scrollLeft = 200; }")
    phone.wait_for_timeout(100)
    assert abs(first.bounding_box()["x"] - before) < 2, "the first column did not stay put"


@pytest.mark.parametrize("built", PAGES, ids=PAGE_IDS)
def test_figure_labels_are_12px_or_the_figure_can_be_enlarged(built, phone, server):
    phone.goto(url(server, built))
    figures = phone.evaluate("""() => [...document.querySelectorAll('article figure img')].map((img) => {
        const link = img.closest('figure').querySelector('a.figure-enlarge');
        return {src: img.getAttribute('src'), enlarge: !!link && link.offsetParent !== null,
                href: link && link.getAttribute('href')}; })""")
    for figure in figures:
        assert figure["enlarge"] and figure["href"] == figure["src"], figure


def test_enlarged_figure_opens_by_tap_and_closes_with_escape(phone, server):
    phone.goto(server + "book/injection.html")
    link = phone.locator("a.figure-enlarge").first
    link.scroll_into_view_if_needed()
    link.tap()
    dialog = phone.locator("dialog.figure-zoom")
    assert dialog.evaluate("d => d.open")
    width = dialog.locator("img").evaluate("i => i.getBoundingClientRect().width")
    assert width >= 2 * PHONE["width"], "the enlarged figure is no larger than the page's"
    phone.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert link.evaluate("a => document.activeElement === a"), "focus did not return to the link"


@pytest.mark.parametrize("kind", ["term", "citation"])
def test_preview_opens_on_focus_is_hoverable_and_closes_on_escape(kind, phone, server):
    phone.goto(server + "book/injection.html")
    selector = ("a.reference[href*='glossary.html#term-']" if kind == "term"
                else ".bibtex-citation a.reference")
    link = phone.locator(selector).first
    link.scroll_into_view_if_needed()
    link.focus()
    preview = phone.locator("#book-preview")
    preview.wait_for(state="visible", timeout=5000)
    assert len(preview.inner_text().split()) >= 5
    assert link.get_attribute("aria-describedby") == "book-preview"
    assert phone.url.endswith("book/injection.html"), "the preview left the page"
    phone.keyboard.press("Escape")
    assert not preview.is_visible(), "Escape did not dismiss the preview"
    assert link.evaluate("a => document.activeElement === a")


def test_preview_stays_while_the_pointer_moves_onto_it(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + "book/injection.html")
    link = tab.locator("a.reference[href*='glossary.html#term-']").first
    link.scroll_into_view_if_needed()
    link.hover()
    preview = tab.locator("#book-preview")
    preview.wait_for(state="visible", timeout=5000)
    preview.hover()
    tab.wait_for_timeout(600)
    assert preview.is_visible(), "the preview vanished when the pointer moved onto it"
    context.close()


def test_first_tap_previews_a_citation_second_tap_follows_it(phone, server):
    phone.goto(server + "book/injection.html")
    link = phone.locator(".bibtex-citation a.reference").first
    link.scroll_into_view_if_needed()
    link.tap()
    phone.locator("#book-preview").wait_for(state="visible", timeout=5000)
    assert "#" not in phone.url, "the first tap left for the reference list"
    link.tap()
    phone.wait_for_function("() => location.hash.length > 1")


def test_corporate_authors_are_cited_by_their_short_form():
    html = (HTML_DIR / "book" / "safety.html").read_text(encoding="utf-8")
    assert "IHS, 2018" in html
    assert "Headache Classification Committee of the International Headache Society (IHS)" in html
    text = re.sub(r"<[^>]+>", "", html)
    assert text.count("Headache Classification Committee") == 1, "the long name repeats"
