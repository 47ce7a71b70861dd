"""Self-check quizzes: one YAML bank beside each chapter, rendered for every reader.

* ``{quiz}`` places a chapter's quiz from its bank, ``<chapter>.quiz.yml`` beside
  it (interactive on the web, lettered with an end-of-chapter answer key in print);
* ``{quiz-answer-key}`` places every key on the instructors' page;
* the HTML build also writes ``quizzes/*.gift`` (Moodle) and ``quizzes/*.zip``
  (Canvas QTI).

Each bank is read once, by its chapter's ``{quiz}``, and kept in the build
environment (``env.quiz_banks``); the key page, the exports and the course map
are made from there. Book-wide rules (unique ids, section labels) are checked
once every page is read, so they hold in parallel builds too.

A bad bank (unknown type, no or too many correct options, missing feedback, a
duplicate id anywhere in the book, a section label that does not exist...) is a
build warning naming the file, line, question id and problem; the strict build
(-W) then fails. Format and rules: ``_ext/quiz/README.md``.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from site_settings import is_website

from .bank import Quiz, QuizError, load_quiz
from .doctree import (answer_nodes, page_link, question_nodes, quiz_answer_key, quiz_block,
                      quiz_nodes, quiz_question)
from .exports import ALL_QUIZZES_GIFT, EXPORT_DIR, export_names, write_all
from .writers import KEY_AT_CHAPTER_END, MoveAnswersToAnswerKey, register_nodes

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
BANK_SUFFIX = ".quiz.yml"


def report(error: QuizError) -> None:
    logger.warning(f"{error}", location=error.location, type="quiz", subtype="invalid")


def quiz_id_of(docname: str) -> str:
    return docname.rsplit("/", 1)[-1]


def bank_beside(page: str | Path) -> Path:
    """Where a page's question bank lives: beside it, ``<page>.quiz.yml``."""
    return Path(page).with_suffix(BANK_SUFFIX)


def bank_path(env, docname: str) -> Path:
    return bank_beside(env.doc2path(docname))


def chapter_title(env, docname: str) -> str:
    """A chapter's title as Sphinx read it (its first heading)."""
    return env.titles[docname].astext()


def teaching_chapters(env) -> list[str]:
    """The pages with a quiz, in book order."""
    return [docname for docname in book_order(env) if docname in env.quiz_banks]


def book_order(env) -> list[str]:
    """Every page in reading order: the toctrees walked depth-first from the root page
    (Jupyter Book writes ``_toc.yml`` into them; plain Sphinx projects have their own)."""
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order or docname not in env.all_docs:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def site_relative(target: str, fromdoc: str) -> str:
    """The URL of a file given from the site's root (e.g. quizzes/x.gift), from a page."""
    return posixpath.relpath(target, posixpath.dirname(fromdoc) or ".")


def digest(*parts) -> str:
    """A short fingerprint of what a generated page or file is made from."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


class QuizDirective(SphinxDirective):
    """``{quiz}``: the chapter's quiz, from the bank beside the page."""

    def run(self) -> list[nodes.Node]:
        path = bank_path(self.env, self.env.docname)
        self.env.note_dependency(str(path))
        try:
            quiz = load_quiz(path)
        except QuizError as error:
            report(error)
            return []
        self.env.quiz_banks[self.env.docname] = quiz
        return [quiz_nodes(quiz, quiz_id_of(self.env.docname), self.env.docname)]


class AnswerKeyDirective(SphinxDirective):
    """``{quiz-answer-key}``: a placeholder, filled by ``FillAnswerKey`` once every
    chapter has been read."""

    def run(self) -> list[nodes.Node]:
        self.env.quiz_answer_key_pages.add(self.env.docname)
        return [quiz_answer_key()]


class FillAnswerKey(SphinxPostTransform):
    """The instructors' key page: every chapter's key, in book order, with its
    downloads (web). In print and in the EPUB each chapter already ends with its own
    key, so the page keeps only a note saying so."""

    default_priority = 5  # before references are resolved (10): the key holds some

    def run(self, **kwargs) -> None:
        for placeholder in list(self.document.findall(quiz_answer_key)):
            note = KEY_AT_CHAPTER_END.get(self.app.builder.name)
            if note:
                placeholder.replace_self(nodes.paragraph(text=note))
            else:
                placeholder.replace_self(self.web_key())

    def web_key(self) -> list[nodes.Node]:
        env, here = self.env, self.env.docname
        everything = nodes.paragraph(text="Every quiz in one file: ")
        everything += nodes.reference(
            text=f"{ALL_QUIZZES_GIFT} (Moodle GIFT)",
            refuri=site_relative(f"{EXPORT_DIR}/{ALL_QUIZZES_GIFT}", here))
        chapters = teaching_chapters(env)
        contents = nodes.bullet_list(classes=["quiz-key-contents"])
        for docname in chapters:
            item = nodes.paragraph()
            item += nodes.reference(text=chapter_title(env, docname),
                                    refid=f"key-{quiz_id_of(docname)}")
            contents += nodes.list_item("", item)
        return [everything, contents, *(self.chapter_key(docname) for docname in chapters)]

    def chapter_key(self, docname: str) -> nodes.section:
        env, here = self.env, self.env.docname
        quiz, quiz_id = env.quiz_banks[docname], quiz_id_of(docname)
        section = nodes.section(ids=[f"key-{quiz_id}"], names=[f"key {quiz_id}"],
                                classes=["quiz-answer-key"])
        section += nodes.title(text=chapter_title(env, docname))
        about = nodes.paragraph()
        about += nodes.Text(f"{len(quiz.questions)} questions on ")
        about += page_link(docname, here)
        about += nodes.Text(". Download: ")
        for i, (label, target) in enumerate(export_names(quiz_id).items()):
            about += nodes.Text(" · " if i else "")
            about += nodes.reference(text=label, refuri=site_relative(target, here))
        section += about
        for number, question in enumerate(quiz.questions, start=1):
            section += question_nodes(question, number)
            section += answer_nodes(question, number, here, collapsed=False)
        return section


# Keeping the registries right across incremental and parallel builds.

def init_registries(app) -> None:
    env = app.env
    for name, empty in (("quiz_banks", dict), ("quiz_answer_key_pages", set),
                        ("quiz_answer_key_source", str)):
        if not hasattr(env, name):
            setattr(env, name, empty())


def purge(app, env, docname: str) -> None:
    env.quiz_banks.pop(docname, None)
    env.quiz_answer_key_pages.discard(docname)


def merge(app, env, docnames, other) -> None:
    for docname in docnames:
        if docname in other.quiz_banks:
            env.quiz_banks[docname] = other.quiz_banks[docname]
    env.quiz_answer_key_pages |= other.quiz_answer_key_pages & set(docnames)


def rewrite_answer_key(app, env) -> list[str]:
    """The key page is not re-read when a chapter changes, only written again, and
    only when what it shows (titles and banks) has changed."""
    source = digest([(d, chapter_title(env, d), env.quiz_banks[d])
                     for d in teaching_chapters(env)])
    if source == env.quiz_answer_key_source:
        return []
    env.quiz_answer_key_source = source
    return sorted(env.quiz_answer_key_pages)


def check_book_wide_rules(app, env) -> None:
    """Runs once every page is read (also after a parallel read): ids are unique in
    the book, and each question's section label exists in its own chapter."""
    owners: dict[str, str] = {}
    labels = env.domaindata["std"]["labels"]
    for docname, quiz in sorted(env.quiz_banks.items()):
        for question in quiz.questions:
            where = (Path(quiz.path), question.id, question.line)
            if question.id in owners:
                report(QuizError(where[0], "duplicate id: already used by the quiz of "
                                 f"{env.doc2path(owners[question.id])}", *where[1:]))
            owners.setdefault(question.id, docname)
            target = labels.get(question.section)
            if target is None:
                report(QuizError(where[0], f"section label '{question.section}' does not "
                                 "exist (put '(label)=' above the heading it tests)", *where[1:]))
            elif target[0] != docname:
                report(QuizError(where[0], f"section label '{question.section}' is in "
                                 f"{env.doc2path(target[0])}, not in this quiz's chapter",
                                 *where[1:]))


# Web page assets and downloads.

def add_quiz_assets(app, pagename, templatename, context, doctree) -> None:
    """Only pages with a quiz load its script; the key page needs the styles only."""
    if doctree is None:
        return
    if doctree.next_node(quiz_block) is not None:
        app.add_js_file("quiz.js", defer="defer")
        app.add_css_file("quiz.css")
    elif doctree.next_node(quiz_question) is not None:  # the key page: styles only
        app.add_css_file("quiz.css")


def write_exports(app, exception) -> None:
    if exception is not None or not is_website(app.builder):
        return
    chapters = [(quiz_id_of(d), chapter_title(app.env, d), app.env.quiz_banks[d])
                for d in teaching_chapters(app.env)]
    write_all(Path(app.outdir), chapters, app.config.html_title or app.config.project)


def add_static_path(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def setup(app):
    register_nodes(app)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-answer-key", AnswerKeyDirective)
    app.add_post_transform(FillAnswerKey)
    app.add_post_transform(MoveAnswersToAnswerKey)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", init_registries)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-updated", rewrite_answer_key)
    app.connect("env-check-consistency", check_book_wide_rules)
    app.connect("html-page-context", add_quiz_assets)
    app.connect("build-finished", write_exports)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2",
            "env_version": 2}
