"""The ``reading-time`` directive: "Time to read: about N minutes (M words)".

The count is taken from the chapter itself at build time, so it stays true when
the text changes. Counted: the words a student reads (paragraphs, lists,
admonitions, tables, captions). Not counted: code, the reference list and the
directive's own line, and the
self-check quiz (practice, not reading). The rate, 200 words a minute, is a common planning figure
for study reading of technical text (slower than leisure reading).
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

WORDS_PER_MINUTE = 200
WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF]+(?:[-'’][A-Za-z0-9]+)*")


class reading_time(nodes.General, nodes.Element):
    """Placeholder filled in once the whole chapter has been read."""


class ReadingTimeDirective(SphinxDirective):
    has_content = False

    def run(self):
        return [reading_time()]


def is_skipped(node: nodes.Node) -> bool:
    """Text inside code, citations or a bibliography is not reading matter."""
    while node is not None:
        if isinstance(node, (nodes.literal_block, nodes.citation, nodes.raw, nodes.comment)):
            return True
        classes = getattr(node, "get", lambda *_: [])("classes", [])
        if {"cell", "bibliography", "quiz"} & set(classes):
            return True
        node = node.parent
    return False


def count_words(doctree: nodes.document) -> int:
    return sum(len(WORD.findall(text.astext()))
               for text in doctree.findall(nodes.Text) if not is_skipped(text.parent))


def fill_reading_time(app, doctree: nodes.document) -> None:
    """Sphinx ``doctree-read`` handler: replace placeholders with the estimate."""
    placeholders = list(doctree.findall(reading_time))
    if not placeholders:
        return
    words = count_words(doctree)
    minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
    for placeholder in placeholders:
        paragraph = nodes.paragraph(classes=["reading-time"])
        paragraph += nodes.strong(text="Time to read: ")
        paragraph += nodes.Text(f"about {minutes} minutes ({words:,} words).")
        placeholder.replace_self(paragraph)


def setup(app):
    app.add_node(reading_time)
    app.add_directive("reading-time", ReadingTimeDirective)
    app.connect("doctree-read", fill_reading_time)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
