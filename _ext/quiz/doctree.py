"""Turn a checked question bank into document nodes, the same for every output.

A quiz is a ``quiz_block`` holding one ``quiz_question`` per question (stem and
lettered options) followed by that question's ``quiz_answer`` (the key, the
feedback on every option and a link back to the section tested). The writers in
``writers.py`` decide how each node looks on the web and in print; in print the
answers are moved to an "Answer key" section at the end of the chapter.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from .bank import LETTERS, Question, Quiz

WEB_INTRO = ("{count} questions on this chapter (about {minutes} minutes). Each answer, "
             "with an explanation of every option, is under “Show the answer”.")
PRINT_INTRO = ("{count} questions on this chapter (about {minutes} minutes). The answers, "
               "with an explanation of every option, are in the Answer key at the end of "
               "the chapter.")


class quiz_block(nodes.General, nodes.Element):
    """One chapter's quiz. Attributes: quiz_id, count, minutes."""


class quiz_intro(nodes.General, nodes.Element):
    """The sentence above a quiz; its words differ on the web and in print."""


class quiz_question(nodes.General, nodes.Element):
    """Stem and options. Attributes: question_id, qtype, level, correct, number."""


class quiz_answer(nodes.General, nodes.Element):
    """The key and feedback for one question. Attributes: question_id, number."""


class quiz_answer_key(nodes.General, nodes.Element):
    """Placeholder for the instructors' page of every key, filled once every chapter is read."""


def quiz_nodes(quiz: Quiz, quiz_id: str, docname: str) -> quiz_block:
    block = quiz_block(quiz_id=quiz_id, count=len(quiz.questions), minutes=quiz.minutes,
                       ids=[f"quiz-{quiz_id}"], classes=["quiz"])
    facts = {"count": len(quiz.questions), "minutes": quiz.minutes}
    block += quiz_intro(web=WEB_INTRO.format(**facts), print=PRINT_INTRO.format(**facts))
    for number, question in enumerate(quiz.questions, start=1):
        block += question_nodes(question, number)
        block += answer_nodes(question, number, docname)
    return block


def question_nodes(question: Question, number: int) -> quiz_question:
    node = quiz_question(question_id=question.id, qtype=question.type, level=question.level,
                         correct=[i for i, o in enumerate(question.options) if o.correct],
                         number=number, ids=[f"question-{question.id}"], classes=["quiz-question"])
    hint = {"single": "Choose one answer.", "multiple": "Choose all that apply.",
            "true-false": "True or false?"}[question.type]
    stem = nodes.paragraph(classes=["quiz-stem"])
    stem += nodes.strong(text=f"Question {number}. ")
    stem += nodes.Text(question.stem + " ")
    stem += nodes.emphasis(text=hint, classes=["quiz-hint"])
    node += stem
    options = nodes.enumerated_list(enumtype="upperalpha", prefix="", suffix=".",
                                    classes=["quiz-options"])
    for option in question.options:
        options += nodes.list_item("", nodes.paragraph(text=option.text))
    node += options
    return node


def answer_nodes(question: Question, number: int, docname: str,
                 collapsed: bool = True) -> quiz_answer:
    """On the web a chapter's answers are collapsed under "Show the answer";
    the instructors' key shows them open."""
    node = quiz_answer(question_id=question.id, number=number, collapsed=collapsed,
                       classes=["quiz-answer"])
    letters = question.correct_letters
    key = nodes.paragraph(classes=["quiz-key"])
    key += nodes.strong(text=f"Question {number}. ")
    label = "Answers" if len(letters) > 1 else "Answer"
    key += nodes.Text(f"{label}: {_and_list(letters)}.")
    node += key
    explanations = nodes.bullet_list(classes=["quiz-explanations"])
    for letter, option in zip(LETTERS, question.options):
        item = nodes.paragraph()
        item += nodes.strong(text=f"{letter}. ")
        item += nodes.Text(option.feedback)
        explanations += nodes.list_item("", item, classes=["quiz-option-feedback"])
    node += explanations
    review = nodes.paragraph(classes=["quiz-review"])
    review += nodes.Text("Review: ")
    review += section_link(question.section, docname)
    review += nodes.Text(f" (level: {question.level})")
    node += review
    return node


def section_link(label: str, docname: str) -> addnodes.pending_xref:
    """A reference Sphinx resolves to the section's title (checked in __init__)."""
    xref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label,
                                 refexplicit=False, refwarn=True, refdoc=docname)
    xref += nodes.inline(text=label)
    return xref


def page_link(target_docname: str, docname: str) -> addnodes.pending_xref:
    """A reference Sphinx resolves to the page's title."""
    xref = addnodes.pending_xref("", refdomain="std", reftype="doc",
                                 reftarget="/" + target_docname, refexplicit=False,
                                 refwarn=True, refdoc=docname)
    xref += nodes.inline(text=target_docname)
    return xref


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
