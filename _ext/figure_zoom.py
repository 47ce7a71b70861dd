"""Figures readable on a phone: every figure image can be opened full-size.

A schematic drawn for a page 700 px wide prints its labels at about 8 CSS px on a
390 px phone. Under each figure image this module puts an "Enlarge figure N"
link to the image file itself, so it works without JavaScript (the browser shows
the image, which the reader can zoom). ``static/figure-zoom.js``, loaded only on
pages with such a link, opens the image instead in a dialog at least 60rem wide,
which scrolls, closes with Escape, its Close button or a tap outside, and gives
focus back to the link.
"""

from __future__ import annotations

import re

from page_speed import load_only_where
from site_settings import is_website

FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.DOTALL)
IMAGE = re.compile(r'<img\b[^>]*\bsrc="(?P<src>[^"]+)"[^>]*>(\s*</a>)?')
NUMBER = re.compile(r'<span class="caption-number">(?:Fig\.|Figure)\s*([^<]*?)\s*</span>')
MARK = "figure-enlarge"


def enlarge_link(figure: str) -> str:
    image = IMAGE.search(figure)
    if not image or MARK in figure:
        return figure
    number = NUMBER.search(figure)
    words = f"Enlarge figure {number.group(1)}" if number else "Enlarge figure"
    link = f'<a class="{MARK}" href="{image["src"]}">{words}</a>'
    return figure[:image.end()] + link + figure[image.end():]


def add_enlarge_links(app, pagename, templatename, context, doctree) -> None:
    if not is_website(app.builder):  # an e-reader zooms images itself; an EPUB may not link to one
        return
    body = context.get("body")
    if body and "<figure" in body:
        context["body"] = FIGURE.sub(lambda m: enlarge_link(m.group(0)), body)


def setup(app):
    app.setup_extension("reader_notice")  # puts _ext/static on the static path
    app.setup_extension("page_speed")
    app.add_js_file("figure-zoom.js")
    load_only_where("figure-zoom.js", MARK)
    # Before page_speed (priority 900) decides which scripts the page needs.
    app.connect("html-page-context", add_enlarge_links, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
