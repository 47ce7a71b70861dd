"""Search results that show the sentence that matched.

Sphinx's search page shows, under each result, 240 characters around the last
search word's first occurrence in the page's main element. In this theme that
element also holds the "On this page" list and the chapter navigation, so a
snippet was often table-of-contents text. ``static/search-snippets.js`` (on the
search page only) reads the article alone, without its navigation, hidden code
or figure links, and shows the first whole sentence that contains a search word.
"""

from __future__ import annotations

from page_speed import load_only_on_search_page


def setup(app):
    app.setup_extension("reader_notice")  # puts _ext/static on the static path
    app.setup_extension("page_speed")
    app.add_js_file("search-snippets.js")
    load_only_on_search_page("search-snippets.js")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
