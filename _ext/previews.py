"""Glossary and citation previews that do not leave the page.

A glossary link (``{term}``) or a citation shows, in a small box beside it, the
term's definition or the full reference; the reader stays where they were.
``static/previews.js`` builds each preview from what the site already has: a
citation's entry in the page's own reference list, a term's definition from the
glossary page fetched from the same site (once per page). The box appears on
hover, keyboard focus and a first tap (a second tap follows the link); it stays
while the pointer is over it, and Escape dismisses it (WCAG 1.4.13). Without
JavaScript the links work as before.

The script loads only on pages with a glossary link or a citation.
"""

from __future__ import annotations

from page_speed import load_only_where


def setup(app):
    app.setup_extension("reader_notice")  # puts _ext/static on the static path
    app.setup_extension("page_speed")
    app.add_js_file("previews.js")
    load_only_where("previews.js", "std-term", 'class="bibtex-citation"')
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
