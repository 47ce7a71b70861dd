"""The EPUB's package files, completed after Sphinx writes them and before it zips them.

* ``content.opf``: Sphinx's ``epub_*`` settings cover the bibliographic metadata
  only. This module adds the schema.org accessibility properties of EPUB
  Accessibility 1.1, each stating only what is true of this book, and drops the
  Dublin Core elements Sphinx writes empty or as "unknown" for settings the book
  does not use.
* ``toc.ncx`` (the EPUB 2 table of contents): the book's identifier, where Sphinx
  writes an element id (EPUBCheck NCX-001).
* ``nav.xhtml``: the table of contents gets the ARIA role matching its
  ``epub:type`` (DAISY Ace, epub-type-has-matching-role).

Every file is edited with an XML parser.
"""

from __future__ import annotations

from pathlib import Path
from xml.dom import minidom

DC = "http://purl.org/dc/elements/1.1/"
OPS = "http://www.idpf.org/2007/ops"
# How the book can be read (schema.org accessibility vocabulary, EPUB Accessibility 1.1).
ACCESSIBILITY = [
    # The text, and figures and plots (visual) that each have a text alternative.
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    # Text alone suffices: every figure has alternative text and a caption saying
    # what it shows, and the numbers behind each plot are in a table or the prose.
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessModeSufficient", "textual,visual"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    # Reflowable text styled by CSS only: a reader's own font, size and colours apply.
    ("schema:accessibilityFeature", "displayTransformability"),
    # Nothing flashes, no motion simulation, no sound.
    ("schema:accessibilityHazard", "none"),
]
SUMMARY = (
    "A reflowable EPUB 3 book of text, figures and tables. Every figure has "
    "alternative text and a caption; headings are nested in order and the table of "
    "contents links every chapter and section; the reading order is the order of the "
    "text. The self-check questions are printed as text, with their answers in an "
    "answer key at the end of each chapter. Nothing flashes, moves or plays sound. "
    "No claim of conformance to WCAG is made: the book passes EPUBCheck and DAISY "
    "Ace, but has not had a manual accessibility evaluation."
)
PLACEHOLDERS = {"", "unknown"}  # what Sphinx writes for an epub_* setting left unset


def add_accessibility_metadata(opf: Path) -> None:
    document = minidom.parse(str(opf))
    metadata = document.getElementsByTagName("metadata")[0]
    for element in list(metadata.childNodes):
        if element.nodeType == element.ELEMENT_NODE and element.namespaceURI == DC \
                and _text(element) in PLACEHOLDERS:
            metadata.removeChild(element)
    for prop, value in [*ACCESSIBILITY, ("schema:accessibilitySummary", SUMMARY)]:
        meta = document.createElement("meta")
        meta.setAttribute("property", prop)
        meta.appendChild(document.createTextNode(value))
        metadata.appendChild(meta)
    _write(document, opf)


def set_ncx_identifier(ncx: Path, identifier: str) -> None:
    """The NCX's ``dtb:uid`` must equal the package's identifier (EPUBCheck NCX-001)."""
    document = minidom.parse(str(ncx))
    for meta in document.getElementsByTagName("meta"):
        if meta.getAttribute("name") == "dtb:uid":
            meta.setAttribute("content", identifier)
    _write(document, ncx)


def give_the_toc_its_role(nav: Path) -> None:
    document = minidom.parse(str(nav))
    for element in document.getElementsByTagName("nav"):
        if element.getAttributeNS(OPS, "type") == "toc":
            element.setAttribute("role", "doc-toc")
    _write(document, nav)


def _text(element) -> str:
    return "".join(n.data for n in element.childNodes if n.nodeType == n.TEXT_NODE).strip()


def _write(document, path: Path) -> None:
    path.write_text(document.toxml(encoding="utf-8").decode("utf-8"), encoding="utf-8")
