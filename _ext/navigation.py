"""Navigation that works on phones and tablets as well as on a laptop.

* The theme pair this book uses (pydata-sphinx-theme 0.17, sphinx-book-theme 1.3)
  binds its menu and "On this page" handlers to a hidden header button, so the
  visible buttons did nothing below 992 px. ``static/navigation.js`` passes each
  visible button's click to the theme's own and keeps ``aria-expanded`` right; the
  theme's drawer then opens, takes focus, closes on Escape and returns focus.
* ``{chapter-list}`` puts the book's parts and chapters on a page as plain links
  (the start page), so a reader can reach any chapter without the menu. In print
  the contents page does this job, so the list becomes a pointer to it.

Browser tests in ``tests/test_navigation.py`` tap the visible buttons at phone and
tablet widths, so a theme upgrade that breaks this fails the suite.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util.docutils import SphinxDirective


CHAPTER_LIST = "chapter-list"


class chapter_list(nodes.General, nodes.Element):
    """Placeholder, filled in once every page's title is known."""


class ChapterListDirective(SphinxDirective):
    def run(self):
        return [chapter_list()]


def fill_chapter_lists(app, doctree, docname) -> None:
    for placeholder in list(doctree.findall(chapter_list)):
        tree = None
        if app.builder.format == "html":
            tree = global_toctree_for_doc(app.env, docname, app.builder, collapse=False,
                                          includehidden=True, maxdepth=1, titles_only=True)
        if tree is None:
            placeholder.replace_self(nodes.paragraph(
                text="The contents pages at the front of the book list every chapter."))
            continue
        # Part captions come as title nodes, which only a section may hold.
        for caption in list(tree.findall(nodes.title)):
            part = nodes.paragraph(classes=["chapter-list-part"])
            part += nodes.strong(text=caption.astext())
            caption.replace_self(part)
        box = nodes.container(classes=[CHAPTER_LIST])
        box += tree.children
        placeholder.replace_self(box)


def setup(app):
    app.setup_extension("reader_notice")  # puts _ext/static on the static path
    app.add_js_file("navigation.js")
    app.add_node(chapter_list)
    app.add_directive("chapter-list", ChapterListDirective)
    app.connect("doctree-resolved", fill_chapter_lists)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
