"""Notebook chapters read as chapters: code out of the way on the web, out of print.

Every code cell of ``notebooks/*.ipynb`` carries the myst-nb tag ``hide-input``:
on the web its code sits behind a "Show code" control (the wording is set by
``nb_code_prompt_show`` in ``_config.yml``), while outputs, figures and tables
show as usual. This module

* gives that control its visible words as its accessible name: myst-nb labels
  every one "Toggle hidden content", which does not say what it shows and differs
  from what a reader sees (WCAG 2.5.3);
* leaves code cell sources out of the LaTeX/PDF and EPUB builds entirely (a printed
  page cannot be clicked open, and the EPUB reads like print), keeping their outputs.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

GENERIC_LABEL = ' aria-label="Toggle hidden content"'


class DropCodeInPrint(SphinxPostTransform):
    """Remove code cell sources (not their outputs) from the printed book and the EPUB."""

    # Before myst-nb wraps the code in its "Show code" control (HideInputCells, 199),
    # which would otherwise be left behind, empty, in the EPUB.
    default_priority = 198
    builders = ("latex", "epub")

    def run(self, **kwargs) -> None:
        for source in list(self.document.findall(nodes.container)):
            if source.get("nb_element") == "cell_code_source":
                source.parent.remove(source)


def name_the_code_toggles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and GENERIC_LABEL in body:
        context["body"] = body.replace(GENERIC_LABEL, "")


def setup(app):
    app.add_post_transform(DropCodeInPrint)
    app.connect("html-page-context", name_the_code_toggles)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
