"""The instructor guide's course map, made from the chapters themselves.

``{course-map}`` becomes a table with one row per teaching chapter (a chapter
with a self-check quiz), in book order: its objectives (read from its "Learning
objectives" box), its time to read (``env.reading_times``, recorded by
``reading_time``) and its quiz's time, the chapters to read first
(``prerequisites:`` in the chapter's front matter, as chapter labels), its quiz
and its handout PDF. Because every cell comes from what the build recorded of the
chapter, the map cannot drift from the book. Chapter pages also get a link to
their handout, and the PDF build lists the handouts to cut
(``book-files.json``, read by ``scripts/make_handouts.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from quiz import (chapter_title, digest, quiz_id_of, site_relative,
                  teaching_chapters)
from quiz.doctree import page_link, section_link
from reading_time import minutes_to_read
from site_settings import book_pdf_name

HANDOUT_DIR = "handouts"
BOOK_FILES = "book-files.json"  # in the LaTeX output folder: the PDF and its handouts
COLUMNS = (("Chapter", 22), ("Objectives: by the end students can…", 44),
           ("Time", 10), ("Read first", 14), ("Quiz and handout", 10))


class course_map(nodes.General, nodes.Element):
    """Placeholder, filled once every chapter has been read."""


class CourseMapDirective(SphinxDirective):
    def run(self):
        self.env.course_map_pages.add(self.env.docname)
        return [course_map()]


def handout_uri(docname: str, fromdoc: str) -> str:
    return site_relative(f"{HANDOUT_DIR}/{quiz_id_of(docname)}.pdf", fromdoc)


def reading_time_line(doctree) -> nodes.paragraph | None:
    """The "Time to read" paragraph that ``reading_time`` wrote, if the page has one."""
    return next((p for p in doctree.findall(nodes.paragraph)
                 if "reading-time" in p["classes"]), None)


def record_chapter(app, doctree) -> None:
    """Remember what the map needs from each page that has objectives."""
    env = app.env
    box = next((a for a in doctree.findall(nodes.admonition)
                if "learning-objectives" in a["classes"]), None)
    if box is None:
        return
    objectives = [item.astext().strip() for item in box.findall(nodes.list_item)]
    prerequisites = [label.strip() for label in
                     env.metadata[env.docname].get("prerequisites", "").split(",")
                     if label.strip()]
    env.course_chapters[env.docname] = {"objectives": objectives,
                                        "prerequisites": prerequisites}


def add_handout_link(app, doctree) -> None:
    """Under a teaching chapter's reading time: its handout (web only)."""
    docname = app.env.docname
    timing = reading_time_line(doctree)
    if timing is None or docname not in app.env.quiz_banks:
        return
    uri = handout_uri(docname, docname)
    link = nodes.raw("", f'<p class="handout-link"><strong>Handout:</strong> '
                         f'<a href="{uri}">this chapter as a printable PDF</a>, with its '
                         'references and the answer key to its quiz.</p>', format="html")
    timing.parent.insert(timing.parent.index(timing) + 1, link)


class FillCourseMap(SphinxPostTransform):
    default_priority = 5  # before references are resolved (10): the map holds some

    def run(self, **kwargs) -> None:
        for placeholder in list(self.document.findall(course_map)):
            placeholder.replace_self(self.table())

    def table(self) -> nodes.table:
        env, here = self.env, self.env.docname
        # colwidths-given: print uses the widths below; longtable: it breaks across pages.
        table = nodes.table(classes=["course-map", "colwidths-given", "longtable"],
                            ids=["course-map-table"])
        table += nodes.title(text="Course map: the teaching chapters in reading order")
        group = nodes.tgroup(cols=len(COLUMNS))
        table += group
        for _, width in COLUMNS:
            group += nodes.colspec(colwidth=width)
        head = nodes.row()
        for name, _ in COLUMNS:
            head += nodes.entry("", nodes.paragraph(text=name))
        group += nodes.thead("", head)
        body = nodes.tbody()
        group += body
        for docname in mapped_chapters(env):
            body += self.row(docname, env.course_chapters[docname], here)
        return table

    def row(self, docname: str, chapter: dict, here: str) -> nodes.row:
        row = nodes.row()
        title = nodes.paragraph()
        title += page_link(docname, here)
        row += nodes.entry("", title)
        objectives = nodes.bullet_list()
        for text in chapter["objectives"]:
            objectives += nodes.list_item("", nodes.paragraph(text=text))
        row += nodes.entry("", objectives)
        words = self.env.reading_times.get(docname)
        reading = f"{minutes_to_read(words)} min reading" if words else "—"
        quiz_minutes = self.env.quiz_banks[docname].minutes
        row += nodes.entry("", nodes.paragraph(text=f"{reading}; quiz {quiz_minutes} min"))
        first = nodes.paragraph()
        for i, label in enumerate(chapter["prerequisites"]):
            first += nodes.Text("; " if i else "")
            first += section_link(label, here)
        if not chapter["prerequisites"]:
            first += nodes.Text("None")
        row += nodes.entry("", first)
        count = len(self.env.quiz_banks[docname].questions)
        extras = nodes.paragraph(text=f"{count} questions")
        extras += nodes.raw("", f'; <a href="{handout_uri(docname, here)}">handout PDF</a>',
                            format="html")
        row += nodes.entry("", extras)
        return row


def init(app) -> None:
    if not hasattr(app.env, "course_chapters"):
        app.env.course_chapters = {}
        app.env.course_map_pages = set()
        app.env.course_map_source = ""


def purge(app, env, docname) -> None:
    env.course_chapters.pop(docname, None)
    env.course_map_pages.discard(docname)


def merge(app, env, docnames, other) -> None:
    env.course_chapters.update({d: other.course_chapters[d] for d in docnames
                                if d in other.course_chapters})
    env.course_map_pages |= other.course_map_pages & set(docnames)


def mapped_chapters(env) -> list[str]:
    return [d for d in teaching_chapters(env) if d in env.course_chapters]


def rewrite_course_map(app, env) -> list[str]:
    """The page holding the map is not re-read when a chapter changes, only written
    again, and only when what the map shows has changed."""
    source = digest([(d, chapter_title(env, d), env.course_chapters[d],
                      env.reading_times.get(d), env.quiz_banks[d].minutes,
                      len(env.quiz_banks[d].questions)) for d in mapped_chapters(env)])
    if source == env.course_map_source:
        return []
    env.course_map_source = source
    return sorted(env.course_map_pages)


def write_book_files(app, exception) -> None:
    """For the PDF build: the book PDF's name and the handouts to cut from it, each
    with the chapter title that the PDF's outline shows."""
    if exception is not None or app.builder.format != "latex":
        return
    env = app.env
    listing = {"book_pdf": book_pdf_name(app.config),
               "handout_dir": HANDOUT_DIR,
               "handouts": [{"file": f"{quiz_id_of(d)}.pdf", "title": chapter_title(env, d)}
                            for d in teaching_chapters(env)]}
    (Path(app.outdir) / BOOK_FILES).write_text(json.dumps(listing, indent=1) + "\n",
                                               encoding="utf-8")


def setup(app):
    app.setup_extension("reading_time")
    app.setup_extension("quiz")
    app.add_node(course_map)
    app.add_directive("course-map", CourseMapDirective)
    app.add_post_transform(FillCourseMap)
    app.connect("builder-inited", init)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-updated", rewrite_course_map)
    app.connect("build-finished", write_book_files)
    app.connect("doctree-read", record_chapter, priority=600)  # after reading_time fills in
    app.connect("doctree-read", add_handout_link, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2",
            "env_version": 3}
