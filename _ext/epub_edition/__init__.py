"""The EPUB 3 edition of the whole book.

``scripts/build.sh`` builds it after the website with the same configuration:
``jupyter-book build . --builder custom --custom-builder epub``. Sphinx's EPUB
builder reuses the HTML machinery, so every extension written for the website runs
here too; this package makes the result an e-book:

* the file is named after the book PDF (``latex.latex_documents.targetname`` in
  ``_config.yml``, the one place the name is set), ``prolotherapy-module.epub``;
* the package document carries the book's accessibility metadata, and the tables of
  contents what EPUBCheck and Ace ask of them (``package.py``);
* every content document declares its language, opens with the reader notice, has
  no script, and links to the website for the files only the website has
  (``pages.py``);
* sphinx-book-theme's launch-button hook, which reads settings only its own theme
  has and stops the build, is given no launch buttons: an e-book cannot launch
  Binder.

The quiz answers move to an answer key at the end of each chapter, as in print
(``quiz.writers.MoveAnswersToAnswerKey``); notebook code is left out, as in print
(``notebook_cells``).
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder

from navigation import CHAPTER_LIST
from site_settings import book_epub_name

from . import package, pages
from .pages import EPUB


class BookEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with the book's file name and metadata, and a table of
    contents that holds when the start page is in a folder (``book/index``)."""

    name = EPUB  # replaces Sphinx's own, so `--custom-builder epub` builds this one

    def handle_finish(self) -> None:
        # Jupyter Book sets latex_documents only after start-up: read the name now.
        self.config.epub_basename = PurePosixPath(book_epub_name(self.config)).stem
        super().handle_finish()

    def get_toc(self) -> None:
        """Sphinx gives the contents' links relative to the start page's folder, then
        puts that folder in front ("book/../notebooks/x.xhtml"): normalise them, or
        they lead out of the book and the spine lists pages twice."""
        super().get_toc()
        for item in self.refnodes:
            path, hash_mark, fragment = item["refuri"].partition("#")
            item["refuri"] = posixpath.normpath(path) + hash_mark + fragment

    def get_refnodes(self, doctree, result):
        """The start page's list of chapters (``navigation``) is not the contents."""
        if isinstance(doctree, nodes.Element) and CHAPTER_LIST in doctree["classes"]:
            return result
        return super().get_refnodes(doctree, result)

    def build_content(self) -> None:
        super().build_content()
        package.add_accessibility_metadata(Path(self.outdir) / "content.opf")

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        package.give_the_toc_its_role(Path(self.outdir) / "nav.xhtml")

    def build_toc(self) -> None:
        super().build_toc()
        package.set_ncx_identifier(Path(self.outdir) / "toc.ncx", self.config.epub_identifier)


def without_launch_buttons(app) -> None:
    if app.builder.name == EPUB:
        options = dict(app.config.html_theme_options)
        options["launch_buttons"] = {}
        app.config.html_theme_options = options


def identify_the_book(app, config) -> None:
    """The EPUB's title (Jupyter Book passes the book's ``title`` as ``html_title``),
    version (the edition) and identifier (the website's address)."""
    config.epub_title = config.html_title or config.project
    if not config.version:
        config.version = config.book_edition_date
    if config.epub_identifier == "unknown":
        config.epub_identifier = config.html_baseurl
        config.epub_scheme = "URL"


def setup(app):
    app.setup_extension("site_settings")  # the edition date and the site's address
    app.setup_extension("navigation")
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("config-inited", identify_the_book, priority=450)
    app.connect("builder-inited", without_launch_buttons)
    pages.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
