"""Give the PDF the same shape as the website: parts, an introduction, numbering.

Plain Sphinx LaTeX drops the start page's title (it becomes the book title) and
promotes every section of the start page to a chapter of its own; it also
ignores the parts of ``_toc.yml``. This extension, for the LaTeX builder only:

* wraps the start page's content in one chapter, "Introduction";
* starts each part of ``_toc.yml`` with ``\\part{caption}``;
* numbers chapters only in parts that ``_toc.yml`` numbers, so "Chapter 1" in
  the PDF is the same chapter as "1." on the website;
* keeps each chapter's reference list where the chapter puts it. (Sphinx moves
  every citation of a LaTeX document into one bibliography at the very end; a
  chapter read or printed on its own would then lose its sources.)
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from latex_text import append_to_preamble, latex_escape

INTRODUCTION_TITLE = "Introduction"
NUMBERED_DEPTH = 2  # LaTeX secnumdepth: chapters and sections numbered
UNNUMBERED_DEPTH = -1


class RecordTocParts(SphinxTransform):
    """On the start page, remember each toctree's caption and numbering.

    The LaTeX builder replaces toctrees by the documents they list, so this is
    recorded on their wrapper before that happens.
    """

    default_priority = 500

    def apply(self, **kwargs) -> None:
        if self.env.docname != self.config.root_doc:
            return
        for wrapper in self.document.findall(nodes.compound):
            if "toctree-wrapper" in wrapper["classes"] and wrapper.children \
                    and isinstance(wrapper[0], addnodes.toctree):
                wrapper["book_part"] = wrapper[0].get("caption") or ""
                wrapper["book_part_numbered"] = bool(wrapper[0].get("numbered"))


class BookPartsForLatex(SphinxPostTransform):
    """Rearrange the assembled single-document tree of the PDF."""

    builders = ("latex",)
    default_priority = 100

    def run(self, **kwargs) -> None:
        parts = [w for w in self.document.findall(nodes.compound) if "book_part" in w]
        if not parts:
            return
        self._wrap_introduction(parts[0])
        for wrapper in parts:
            depth = NUMBERED_DEPTH if wrapper["book_part_numbered"] else UNNUMBERED_DEPTH
            latex = rf"\setcounter{{secnumdepth}}{{{depth}}}" + "\n"
            if wrapper["book_part"]:
                latex = rf"\part{{{latex_escape(wrapper['book_part'])}}}" + "\n" + latex
            wrapper.insert(0, nodes.raw("", latex, format="latex"))

    def _wrap_introduction(self, first_part: nodes.compound) -> None:
        """Move the start page's own content into an "Introduction" chapter."""
        container = first_part.parent
        start = 1 if container.children and isinstance(container[0], nodes.title) else 0
        body = container.children[start:container.index(first_part)]
        if not body:
            return
        introduction = nodes.section(ids=["book-introduction"])
        introduction += nodes.title(text=INTRODUCTION_TITLE)
        for node in body:
            container.remove(node)
            introduction += node
        first_part.insert(0, introduction)


class local_references(nodes.General, nodes.Element):
    """A chapter's own reference list, rendered in place in LaTeX."""


class local_reference(nodes.General, nodes.Element):
    """One entry of a chapter's reference list."""


class KeepReferenceListsInPlace(SphinxPostTransform):
    """Turn each group of citations into a local list before Sphinx gathers them.

    Runs just before Sphinx's own BibliographyTransform (priority 750), which
    only collects ``nodes.citation``: converted entries stay where they are.
    """

    builders = ("latex",)
    default_priority = 740

    def run(self, **kwargs) -> None:
        groups: dict[int, list[nodes.citation]] = {}
        for citation in self.document.findall(nodes.citation):
            groups.setdefault(id(citation.parent), []).append(citation)
        for citations in groups.values():
            parent = citations[0].parent
            references = local_references()
            parent.insert(parent.index(citations[0]), references)
            for citation in citations:
                parent.remove(citation)
                entry = local_reference(**citation.attributes)
                entry.extend(citation.children)
                references += entry


def visit_local_references(self, node) -> None:
    self.body.append("\n\\begin{bookreferences}\n")


def depart_local_references(self, node) -> None:
    self.body.append("\\end{bookreferences}\n")


def visit_local_reference(self, node) -> None:
    # Same anchor name as Sphinx's \bibitem, so citations in the text link here.
    self.body.append(f"\\item\\hypertarget{{cite.{node['docname']}:{node['ids'][0]}}}{{}}")


def depart_local_reference(self, node) -> None:
    self.body.append("\n")


def _skip(self, node) -> None:
    raise nodes.SkipNode


# A hanging-indent list for reference entries (no numeric labels: the book cites
# author-year, and the entries are sorted by author).
REFERENCES_ENVIRONMENT = r"""
\newenvironment{bookreferences}{%
  \begin{list}{}{\setlength{\leftmargin}{1.5em}\setlength{\itemindent}{-1.5em}%
    \setlength{\itemsep}{0.4ex}\small}}{\end{list}}
"""


# Tall figures (phone-shaped, stacked panels) are scaled to at most this share of the
# page height, so their caption still fits above the footer that carries the notice.
FIGURE_HEIGHT_LIMIT = r"""
\makeatletter
\AtBeginDocument{\spx@image@maxheight=0.72\textheight}
\makeatother
"""


def add_references_environment(app, config) -> None:
    append_to_preamble(config, REFERENCES_ENVIRONMENT + FIGURE_HEIGHT_LIMIT)


def setup(app):
    app.add_transform(RecordTocParts)
    app.add_post_transform(BookPartsForLatex)
    app.add_post_transform(KeepReferenceListsInPlace)
    app.add_node(local_references, latex=(visit_local_references, depart_local_references),
                 html=(_skip, None), text=(_skip, None))
    app.add_node(local_reference, latex=(visit_local_reference, depart_local_reference),
                 html=(_skip, None), text=(_skip, None))
    app.connect("config-inited", add_references_environment)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
