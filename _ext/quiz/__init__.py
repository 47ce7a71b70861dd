"""Self-check quizzes: one YAML bank beside each chapter, rendered for every reader.

* ``{quiz} <chapter>.quiz.yml`` places a chapter's quiz (interactive on the web,
  lettered with an end-of-chapter answer key in print);
* ``{quiz-answer-key}`` places every key on the instructors' page;
* the HTML build also writes ``quizzes/*.gift`` (Moodle) and ``quizzes/*.zip``
  (Canvas QTI).

A bad bank (unknown type, no or too many correct options, missing feedback, a
duplicate id anywhere in the book, a section label that does not exist...) is a
build warning naming the file, line, question id and problem; the strict build
(-W) then fails. Format and rules: ``_ext/quiz/README.md``.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .bank import Quiz, QuizError, load_quiz
from .doctree import (answer_nodes, page_link, question_nodes, quiz_answer_key, quiz_block,
                      quiz_nodes)
from .exports import ALL_QUIZZES_GIFT, EXPORT_DIR, export_names, write_all
from .writers import (WEB_ONLY_KEY, MoveAnswersToAnswerKey, PrintNoteInsteadOfKeyPage,
                      register_nodes)

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
BANK_SUFFIX = ".quiz.yml"


def report(error: QuizError) -> None:
    logger.warning(f"{error}", location=error.location, type="quiz", subtype="invalid")


def quiz_id_of(docname: str) -> str:
    return docname.rsplit("/", 1)[-1]


def bank_path(env, docname: str) -> Path:
    """Where a page's question bank lives: beside it, ``<page>.quiz.yml``."""
    return Path(env.doc2path(docname)).with_suffix(BANK_SUFFIX)


def site_relative(target: str, fromdoc: str) -> str:
    """The URL of a file given from the site's root (e.g. quizzes/x.gift), from a page."""
    return posixpath.relpath(target, posixpath.dirname(fromdoc) or ".")


class QuizDirective(SphinxDirective):
    """``{quiz} chapter.quiz.yml``: the chapter's quiz from its bank (path relative to the page)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.doc2path(self.env.docname)).parent / self.arguments[0]
        self.env.note_dependency(str(path))
        try:
            quiz = load_quiz(path)
            self._claim_ids(quiz)
        except QuizError as error:
            report(error)
            return []
        self.env.quiz_banks[self.env.docname] = quiz
        return [quiz_nodes(quiz, quiz_id_of(self.env.docname), self.env.docname)]

    def _claim_ids(self, quiz: Quiz) -> None:
        """Ids are unique in the whole book, also across incremental rebuilds: the
        registry keeps the ids of pages not re-read in this build."""
        owners = self.env.quiz_ids
        for question in quiz.questions:
            owner = owners.get(question.id)
            if owner and owner != self.env.docname:
                raise QuizError(Path(quiz.path), "duplicate id: already used by the quiz of "
                                f"{self.env.doc2path(owner)}", question.id, question.line)
        for question in quiz.questions:
            owners[question.id] = self.env.docname


class AnswerKeyDirective(SphinxDirective):
    """``{quiz-answer-key}``: every chapter's key, in book order, with its downloads."""

    def run(self) -> list[nodes.Node]:
        key = quiz_answer_key(classes=["quiz-answer-key"])
        chapters: list[nodes.section] = []
        everything = nodes.paragraph(text="Every quiz in one file: ")
        everything += nodes.reference(
            text=f"{ALL_QUIZZES_GIFT} (Moodle GIFT)",
            refuri=site_relative(f"{EXPORT_DIR}/{ALL_QUIZZES_GIFT}", self.env.docname))
        key += everything
        for docname in book_order(self.env):
            path = bank_path(self.env, docname)
            if not path.exists():
                continue
            self.env.note_dependency(str(path))
            try:
                quiz = load_quiz(path)
            except QuizError:
                continue  # reported by the chapter's own {quiz}
            chapters.append(self._chapter_key(docname, quiz))
        self.env.quiz_answer_key_pages.add(self.env.docname)
        return [key, *chapters]

    def _chapter_key(self, docname: str, quiz: Quiz) -> nodes.section:
        quiz_id = quiz_id_of(docname)
        section = nodes.section(ids=[f"key-{quiz_id}"], names=[f"key {quiz_id}"],
                                classes=[WEB_ONLY_KEY, "quiz-answer-key"])
        section += nodes.title(text=chapter_title(self.env.doc2path(docname)))
        about = nodes.paragraph()
        about += nodes.Text(f"{len(quiz.questions)} questions on ")
        about += page_link(docname, self.env.docname)
        about += nodes.Text(". Download: ")
        for i, (label, target) in enumerate(export_names(quiz_id).items()):
            about += nodes.Text(" · " if i else "")
            about += nodes.reference(text=label, refuri=site_relative(target, self.env.docname))
        section += about
        for number, question in enumerate(quiz.questions, start=1):
            section += question_nodes(question, number)
            section += answer_nodes(question, number, self.env.docname, collapsed=False)
        return section


def chapter_title(path: str) -> str:
    """The chapter's first-level heading, read from its source."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return Path(path).stem


def book_order(env) -> list[str]:
    """Every page in the order of ``_toc.yml``."""
    site_map = getattr(env, "external_site_map", None) or env.config.external_site_map
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order or docname not in site_map:
            return
        order.append(docname)
        for tree in site_map[docname].subtrees:
            for item in tree.items:
                if isinstance(item, str):
                    walk(str(item))

    walk(site_map.root.docname)
    return order


# Keeping the registries right across incremental builds.

def init_registries(app, env, docnames) -> None:
    for name, empty in (("quiz_banks", dict), ("quiz_ids", dict),
                        ("quiz_answer_key_pages", set)):
        if not hasattr(env, name):
            setattr(env, name, empty())


def purge(app, env, docname: str) -> None:
    env.quiz_banks.pop(docname, None)
    env.quiz_answer_key_pages.discard(docname)
    for question_id in [q for q, owner in env.quiz_ids.items() if owner == docname]:
        del env.quiz_ids[question_id]


def purge_before_reading(app, env, docnames) -> None:
    """Forget the ids of every page about to be read, before any is read: a
    question moved from one page to another in the same edit is no duplicate."""
    for docname in docnames:
        purge(app, env, docname)


def merge(app, env, docnames, other) -> None:
    for docname in docnames:
        if docname in other.quiz_banks:
            env.quiz_banks[docname] = other.quiz_banks[docname]
    env.quiz_ids.update({q: d for q, d in other.quiz_ids.items() if d in docnames})
    env.quiz_answer_key_pages |= other.quiz_answer_key_pages & set(docnames)


def reread_answer_key(app, env, added, changed, removed) -> list[str]:
    """A quiz added, edited or removed anywhere changes the instructors' key page."""
    touched = set(added) | set(changed) | set(removed)
    with_quiz = {d for d in touched if d in env.quiz_banks or bank_path(env, d).exists()}
    return sorted(env.quiz_answer_key_pages - touched) if with_quiz else []


def check_section_labels(app, env) -> None:
    """Runs after every page is read: each question's section label must exist,
    and be in the chapter the quiz belongs to."""
    labels = env.domaindata["std"]["labels"]
    for docname, quiz in sorted(env.quiz_banks.items()):
        for question in quiz.questions:
            target = labels.get(question.section)
            if target is None:
                report(QuizError(Path(quiz.path), f"section label '{question.section}' does "
                                 "not exist (put '(label)=' above the heading it tests)",
                                 question.id, question.line))
            elif target[0] != docname:
                report(QuizError(Path(quiz.path), f"section label '{question.section}' is in "
                                 f"{env.doc2path(target[0])}, not in this quiz's chapter",
                                 question.id, question.line))


# Web page assets and downloads.

def add_quiz_assets(app, pagename, templatename, context, doctree) -> None:
    """Only pages with a quiz load its script; the key page needs the styles only."""
    if doctree is None:
        return
    if doctree.next_node(quiz_block) is not None:
        app.add_js_file("quiz.js", defer="defer")
        app.add_css_file("quiz.css")
    elif doctree.next_node(quiz_answer_key) is not None:  # the key page: styles only
        app.add_css_file("quiz.css")


def write_exports(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    chapters = [(quiz_id_of(d), app.env.titles[d].astext(), app.env.quiz_banks[d])
                for d in book_order(app.env) if d in app.env.quiz_banks]
    write_all(Path(app.outdir), chapters, app.config.html_title or app.config.project)


def add_static_path(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def setup(app):
    register_nodes(app)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-answer-key", AnswerKeyDirective)
    app.add_post_transform(MoveAnswersToAnswerKey)
    app.add_post_transform(PrintNoteInsteadOfKeyPage)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", lambda app: init_registries(app, app.env, []))
    app.connect("env-purge-doc", purge)
    app.connect("env-before-read-docs", purge_before_reading)
    app.connect("env-merge-info", merge)
    app.connect("env-get-outdated", reread_answer_key)
    app.connect("env-check-consistency", check_section_labels)
    app.connect("html-page-context", add_quiz_assets)
    app.connect("build-finished", write_exports)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1",
            "env_version": 1}
