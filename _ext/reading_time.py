"""The ``reading-time`` directive: "Time to read: about N minutes (W words at R a minute…)".

The count is taken from the chapter itself when it is read and recorded once, in
``env.reading_times``; the page's line and the instructor guide's course map both
show that record. Counted: everything a student reads to study the chapter
(paragraphs, lists, admonitions, tables, figure captions, notebook output).
Not counted: code, the reference list, and the self-check quiz, whose time the
quiz states separately (practice, not reading).

The rate is this book's planning assumption, stated to readers beside the course
map: 120 words a minute, about half the average adult rate for silent reading of
English non-fiction (238 words a minute, Brysbaert 2019), because studying a
chapter full of new terms, effect sizes and tables is slower than reading for
the gist.
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

WORDS_PER_MINUTE = 120
WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF]+(?:[-'’][A-Za-z0-9]+)*")
SKIPPED_CLASSES = {"cell_input", "bibliography", "quiz"}


class reading_time(nodes.General, nodes.Element):
    """Placeholder for the page's reading-time line."""


class ReadingTimeDirective(SphinxDirective):
    has_content = False

    def run(self):
        return [reading_time()]


def is_skipped(node: nodes.Node) -> bool:
    """Code, citations, a bibliography and the quiz are not reading matter."""
    while node is not None:
        if isinstance(node, (nodes.literal_block, nodes.citation, nodes.raw, nodes.comment)):
            return True
        classes = getattr(node, "get", lambda *_: [])("classes", [])
        if SKIPPED_CLASSES & set(classes):
            return True
        node = node.parent
    return False


def count_words(doctree: nodes.document) -> int:
    return sum(len(WORD.findall(text.astext()))
               for text in doctree.findall(nodes.Text) if not is_skipped(text.parent))


def minutes_to_read(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def record_reading_time(app, doctree: nodes.document) -> None:
    """``doctree-read``: count a page that asks for its reading time, record the
    count in the environment and write the page's line from that record."""
    placeholders = list(doctree.findall(reading_time))
    if not placeholders:
        return
    env = app.env
    env.reading_times[env.docname] = words = count_words(doctree)
    for placeholder in placeholders:
        paragraph = nodes.paragraph(classes=["reading-time"])
        paragraph += nodes.strong(text="Time to read: ")
        paragraph += nodes.Text(f"about {minutes_to_read(words)} minutes ({words:,} words at "
                                f"{WORDS_PER_MINUTE} a minute, tables and figure captions "
                                "included).")
        placeholder.replace_self(paragraph)


def init(app) -> None:
    if not hasattr(app.env, "reading_times"):
        app.env.reading_times = {}


def purge(app, env, docname) -> None:
    env.reading_times.pop(docname, None)


def merge(app, env, docnames, other) -> None:
    env.reading_times.update({d: other.reading_times[d] for d in docnames
                              if d in other.reading_times})


def setup(app):
    app.add_node(reading_time)
    app.add_directive("reading-time", ReadingTimeDirective)
    app.connect("builder-inited", init)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-read", record_reading_time)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2",
            "env_version": 2}
