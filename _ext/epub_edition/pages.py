"""Each content document of the EPUB, as an e-reader needs it.

* ``lang`` and ``xml:lang`` on the root element (Sphinx's EPUB template writes neither);
* the reader notice at the top, as the web banner is (``reader_notice`` holds its words);
* the EPUB's own stylesheet (``static/book-epub.css``) instead of the website's;
* no script: the pages' script files and the inline scripts extensions add are
  left out, so the quizzes read as questions with an answer key;
* lettered lists say so in their markup (``type="A"``), not only in a stylesheet: the
  quiz options are A, B, C… and the answer key names them by letter, also for a
  reader who turns the book's styles off;
* a link to a file only the website has (a handout PDF, a quiz export) points at
  the website, since the EPUB does not carry it.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from docutils import nodes

from reader_notice import LICENCE, NOTICE_TEXT, NOTICE_TITLE

EPUB = "epub"  # the builder's name
STATIC = Path(__file__).parent / "static"
STYLESHEET = "book-epub.css"
# Sphinx's code colours and the EPUB's stylesheet (Sphinx adds its theme's epub.css itself).
STYLES = {"_static/pygments.css", f"_static/{STYLESHEET}"}
HTML_TAG = ('<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">')
HREF = re.compile(r'\bhref="(?P<target>[^"#:]+?)(?P<anchor>#[^"]*)?"')
IN_THE_BOOK = (".xhtml",)
# Sphinx marks a list's numbering with a class only; HTML's own attribute says it anywhere.
LIST_TYPES = {"arabic": "1", "loweralpha": "a", "upperalpha": "A", "lowerroman": "i",
              "upperroman": "I"}
LIST = re.compile(r'<ol class="(?P<kind>' + "|".join(LIST_TYPES) + r')\b')


def notice(config) -> str:
    return ('<div class="book-notice" role="note" aria-label="Medical disclaimer">'
            f"<p><strong>{html.escape(NOTICE_TITLE)}</strong> {html.escape(NOTICE_TEXT)}</p>"
            f'<p class="book-notice__meta">{html.escape(LICENCE)} · '
            f"Edition {html.escape(config.book_edition_date)}</p></div>\n")


def on_the_website(body: str, pagename: str, site: str) -> str:
    """Relative links to anything but the book's own documents, made absolute on the site."""
    folder = posixpath.dirname(pagename)

    def absolute(match: re.Match) -> str:
        target = match["target"]
        if target.endswith(IN_THE_BOOK):
            return match[0]
        path = posixpath.normpath(posixpath.join(folder, target))
        return f'href="{site.rstrip("/")}/{path}{match["anchor"] or ""}"'

    return HREF.sub(absolute, body)


def typed_lists(body: str) -> str:
    return LIST.sub(lambda m: f'<ol type="{LIST_TYPES[m["kind"]]}" class="{m["kind"]}', body)


def adapt_page(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name != EPUB:
        return
    lang = html.escape(app.config.epub_language)
    context["html_tag"] = HTML_TAG.format(lang=lang)
    context["script_files"] = []
    context["css_files"] = [css for css in context.get("css_files", []) if css.filename in STYLES]
    body = typed_lists(on_the_website(context.get("body", ""), pagename, app.config.html_baseurl))
    context["body"] = notice(app.config) + body


def drop_inline_scripts(app, doctree, docname) -> None:
    """Extensions such as sphinx-thebe append ``<script>`` elements to the doctree."""
    if app.builder.name != EPUB:
        return
    for raw in list(doctree.findall(nodes.raw)):
        if "html" in raw.get("format", "").split() and "<script" in raw.astext():
            raw.parent.remove(raw)


def add_stylesheet(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    config.epub_css_files = [*config.epub_css_files, STYLESHEET]


def setup(app) -> None:
    app.connect("config-inited", add_stylesheet)
    # After every extension that edits the page (page_speed, the last, runs at 900).
    app.connect("html-page-context", adapt_page, priority=950)
    app.connect("doctree-resolved", drop_inline_scripts, priority=900)
