"""Read a chapter's question bank (``<chapter>.quiz.yml``) and check every rule.

The bank is the one source of each question: the web quiz, the printed quiz and
answer key, the instructor key and the LMS exports are all made from what this
module returns. Every problem is reported as a ``QuizError`` naming the file,
the question id and the line, so the build can stop with a readable message.
The format is described in ``_ext/quiz/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

TYPES = {
    "single": "single choice (exactly one correct option)",
    "multiple": "multiple choice (select all that apply)",
    "true-false": "true/false",
}
LEVELS = ("recall", "apply", "analyse")
QUESTION_KEYS = {"id", "type", "level", "section", "stem", "options"}
OPTION_KEYS = {"text", "correct", "feedback"}
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
OPTION_COUNT = {"single": (3, 6), "multiple": (3, 6), "true-false": (2, 2)}
MINIMUM_FEEDBACK_WORDS = 12
LETTERS = "ABCDEFGH"
LINE = "__line__"  # key the loader adds to every mapping: its line in the file


class QuizError(Exception):
    """A problem in a question bank, with where it is."""

    def __init__(self, path: Path, problem: str, question_id: str | None = None,
                 line: int | None = None):
        self.path, self.problem, self.question_id, self.line = path, problem, question_id, line
        where = f"question '{question_id}': " if question_id else ""
        super().__init__(f"{where}{problem}")

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    level: str
    section: str
    stem: str
    options: tuple[Option, ...]
    line: int

    @property
    def correct_letters(self) -> list[str]:
        return [LETTERS[i] for i, option in enumerate(self.options) if option.correct]


@dataclass(frozen=True)
class Quiz:
    path: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records the line of every mapping."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_quiz(path: Path) -> Quiz:
    """Parse and check one bank; raise QuizError on the first problem found."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise QuizError(path, "question bank not found") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise QuizError(path, f"not valid YAML: {getattr(error, 'problem', error)}",
                        line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) \
            or not data["questions"]:
        raise QuizError(path, "the bank must be a mapping with a non-empty 'questions' list")
    questions, seen = [], {}
    for raw in data["questions"]:
        question = _question(path, raw)
        if question.id in seen:
            raise QuizError(path, f"duplicate id (first used on line {seen[question.id]})",
                            question.id, question.line)
        seen[question.id] = question.line
        questions.append(question)
    return Quiz(path=str(path), questions=tuple(questions))


def _question(path: Path, raw) -> Question:
    if not isinstance(raw, dict):
        raise QuizError(path, "each entry of 'questions' must be a mapping")
    line = raw.get(LINE)
    question_id = raw.get("id")
    if not isinstance(question_id, str) or not ID_PATTERN.match(question_id):
        raise QuizError(path, f"missing or malformed 'id' {question_id!r} (use lowercase "
                        "letters, digits and hyphens)", line=line)

    def fail(problem: str, at: int | None = None):
        raise QuizError(path, problem, question_id, at or line)

    _require_keys(raw, QUESTION_KEYS, "question", fail)
    kind, level = raw["type"], raw["level"]
    if kind not in TYPES:
        fail(f"unknown type {kind!r} (use one of: {', '.join(TYPES)})")
    if level not in LEVELS:
        fail(f"unknown level {level!r} (use one of: {', '.join(LEVELS)})")
    for key in ("section", "stem"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(f"'{key}' must be non-empty text")
    if not isinstance(raw["options"], list):
        fail("'options' must be a list")
    options = tuple(_option(raw_option, LETTERS[i], fail)
                    for i, raw_option in enumerate(raw["options"][:len(LETTERS)]))
    _check_options(kind, options, raw["options"], fail)
    return Question(id=question_id, type=kind, level=level, section=raw["section"].strip(),
                    stem=_clean(raw["stem"]), options=options, line=line)


def _option(raw, letter: str, fail) -> Option:
    if not isinstance(raw, dict):
        fail(f"option {letter} must be a mapping with 'text' and 'feedback'")
    at = raw.get(LINE)
    _require_keys(raw, OPTION_KEYS - {"correct"}, f"option {letter}", fail, at, OPTION_KEYS)
    text = raw["text"]
    if isinstance(text, bool):  # YAML reads an unquoted True/False as a boolean
        text = "True" if text else "False"
    if not isinstance(text, (str, int, float)) or not str(text).strip():
        fail(f"option {letter} has no text", at)
    feedback = raw["feedback"]
    if not isinstance(feedback, str) or not feedback.strip():
        fail(f"option {letter} has no feedback", at)
    correct = raw.get("correct", False)
    if not isinstance(correct, bool):
        fail(f"option {letter}: 'correct' must be true or false", at)
    words = len(feedback.split())
    if words < MINIMUM_FEEDBACK_WORDS:
        fail(f"option {letter}: feedback has {words} words; write at least "
             f"{MINIMUM_FEEDBACK_WORDS} that explain why", at)
    return Option(text=_clean(str(text)), correct=correct, feedback=_clean(feedback))


def _check_options(kind: str, options: tuple[Option, ...], raw_options: list, fail) -> None:
    low, high = OPTION_COUNT[kind]
    if not low <= len(raw_options) <= high:
        fail(f"a {TYPES[kind]} question needs {low}–{high} options, not {len(raw_options)}")
    if kind == "true-false" and [o.text for o in options] != ["True", "False"]:
        fail("a true/false question has exactly the options 'True' then 'False'")
    correct = sum(o.correct for o in options)
    if correct == 0:
        fail("no option is marked correct (add 'correct: true')")
    if kind != "multiple" and correct > 1:
        fail(f"{correct} options are marked correct; a {TYPES[kind]} question has exactly one")
    if kind == "multiple" and correct == len(options):
        fail("every option is marked correct; a multiple-choice question needs a wrong option")
    for field in ("text", "feedback"):
        values = [getattr(o, field).casefold() for o in options]
        if len(set(values)) != len(values):
            fail(f"two options have the same {field}; each option needs its own")


def _require_keys(raw: dict, required: set[str], what: str, fail, at=None,
                  allowed: set[str] | None = None) -> None:
    keys = set(raw) - {LINE}
    if missing := sorted(required - keys):
        fail(f"{what} is missing {', '.join(repr(k) for k in missing)}", at)
    if unknown := sorted(keys - (allowed or required)):
        fail(f"{what} has unknown key(s) {', '.join(repr(k) for k in unknown)}", at)


def _clean(text: str) -> str:
    """One paragraph of plain text: YAML folding leaves stray newlines and spaces."""
    return " ".join(text.split())
