"""Every table fits a phone: it scrolls sideways inside the page, never the page.

The theme wraps each table of the body (authored, generated at build time or
printed by a notebook: all are docutils tables) in
``<div class="pst-scrollable-table-container">``. This module makes that wrapper
a named, keyboard-focusable scroll region (``table-scroll``): ``role="region"``,
``tabindex="0"`` and a name, the table's caption when it has one. ``book.css``
gives ``.table-scroll`` its phone layout: columns no narrower than their words
need and a sticky first column; ``static/tables.js`` (loaded only on pages with
a table) adds the visible cue, "Scroll sideways for more columns", above a table
that is wider than the screen.

A future generated table needs nothing more than to be an ordinary table.
``tests/test_phone_reading.py`` checks every table of every page is in one.
"""

from __future__ import annotations

import html
import re

from page_speed import load_only_where

WRAPPER = re.compile(r'<div class="pst-scrollable-table-container">(\s*<table\b[^>]*>)'
                     r'(\s*<caption>(?P<caption>.*?)</caption>)?', re.DOTALL)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", HEADERLINK.sub("", fragment))).split())


def label_tables(body: str) -> str:
    seen: dict[str, int] = {}
    numbers = iter(range(1, 10_000))

    def region(match: re.Match) -> str:
        number = next(numbers)
        caption = match.group("caption")
        if caption:
            cap_id = f"table-caption-{number}"
            opening = match.group(1)
            named = f'aria-labelledby="{cap_id}"'
            rest = match.group(2).replace("<caption>", f'<caption id="{cap_id}">', 1)
        else:
            after = body[match.end():match.end() + 3000]
            heads = [text_of(h) for h in HEADER_CELL.findall(after.split("</tr>", 1)[0])]
            label = "Table: " + ", ".join(h for h in heads[:3] if h) if heads else "Table"
            count = seen.get(label, 0)
            seen[label] = count + 1
            if count:
                label += f" ({count + 1})"
            opening, rest = match.group(1), ""
            named = f'aria-label="{html.escape(label, quote=True)}"'
        return (f'<div class="pst-scrollable-table-container table-scroll" role="region" '
                f'tabindex="0" {named}>{opening}{rest}')

    return WRAPPER.sub(region, body)


def make_table_regions(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "pst-scrollable-table-container" in body:
        context["body"] = label_tables(body)


def setup(app):
    app.setup_extension("reader_notice")  # puts _ext/static on the static path
    app.setup_extension("page_speed")
    app.add_js_file("tables.js")
    load_only_where("tables.js", "table-scroll")
    # Before page_speed (priority 900) decides which scripts the page needs.
    app.connect("html-page-context", make_table_regions, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
