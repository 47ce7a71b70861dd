"""Write the quizzes for learning management systems: Moodle GIFT and Canvas QTI.

GIFT is plain text written here. The Canvas package is made by ``text2qti``
through its Python API (its command line asks for a configuration on first run):
we write text2qti's plain-text quiz format, and text2qti writes the QTI XML and
the ``.zip`` with its manifest.
"""

from __future__ import annotations

import re
from pathlib import Path

from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz as Text2qtiQuiz

from .bank import Question, Quiz

# Moodle accepts only these partial-credit percentages; one per number of right options.
MOODLE_WEIGHTS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}
GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def gift_escape(text: str) -> str:
    return GIFT_SPECIAL.sub(r"\\\1", text)


def gift_question(question: Question) -> str:
    head = f"::{gift_escape(question.id)}::[plain]{gift_escape(question.stem)}"
    if question.type == "true-false":
        true, false = question.options
        answer = "TRUE" if true.correct else "FALSE"
        right, wrong = (true, false) if true.correct else (false, true)
        # GIFT: {TRUE#feedback for a wrong answer#feedback for a right answer}
        return (f"{head} {{{answer}#{gift_escape(wrong.feedback)}"
                f"#{gift_escape(right.feedback)}}}")
    lines = [head + " {"]
    if question.type == "single":
        for option in question.options:
            mark = "=" if option.correct else "~"
            lines.append(f"{mark}{gift_escape(option.text)} #{gift_escape(option.feedback)}")
    else:
        weight = MOODLE_WEIGHTS[sum(o.correct for o in question.options)]
        for option in question.options:
            share = weight if option.correct else "-100"
            lines.append(f"~%{share}%{gift_escape(option.text)} #{gift_escape(option.feedback)}")
    lines.append("}")
    return "\n".join(lines)


def gift_file(quizzes: list[tuple[str, Quiz]], book_title: str) -> str:
    """One GIFT file; each chapter's questions in a category named after the chapter."""
    parts = [f"// Self-check quizzes from “{book_title}” (text CC BY 4.0).",
             "// Import in Moodle: Question bank > Import > GIFT format.", ""]
    for title, quiz in quizzes:
        category = gift_escape(title.replace("/", "-"))
        parts += [f"$CATEGORY: $course$/{gift_escape(book_title)}/{category}", ""]
        for question in quiz.questions:
            parts += [gift_question(question), ""]
    return "\n".join(parts)


def markdown_escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def text2qti_source(title: str, quiz: Quiz, book_title: str) -> str:
    """The quiz in text2qti's plain-text format."""
    lines = [f"Quiz title: {markdown_escape('Self-check: ' + title)}",
             f"Quiz description: Formative self-check from {markdown_escape(book_title)} "
             "(text CC BY 4.0).", ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines.append(f"{number}.  {markdown_escape(question.stem)}")
        for letter, option in zip("abcdefgh", question.options):
            if question.type == "multiple":
                marker = "[*]" if option.correct else "[ ]"
            else:
                marker = ("*" if option.correct else "") + f"{letter})"
            lines.append(f"{marker} {markdown_escape(option.text)}")
            lines.append(f"... {markdown_escape(option.feedback)}")
        lines.append("")
    return "\n".join(lines)


def canvas_package(title: str, quiz: Quiz, book_title: str) -> bytes:
    source = text2qti_source(title, quiz, book_title)
    parsed = Text2qtiQuiz(source, config=Config(), source_name=Path(quiz.path).name)
    return QTI(parsed).zip_bytes()
