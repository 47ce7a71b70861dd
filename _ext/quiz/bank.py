"""Read a chapter's question bank (``<chapter>.quiz.yml``) and check every rule.

The bank is the one source of each question: the web quiz, the printed quiz and
answer key, the instructor key and the LMS exports are all made from what this
module returns. Every problem is reported as a ``QuizError`` naming the file,
the question id and the line, so the build can stop with a readable message.
The structure (keys, types, allowed words) is ``bank.schema.json``, which
editors can also use to check a bank as it is typed; the rules that span fields
are here. The format is described in ``_ext/quiz/README.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

SCHEMA = json.loads(Path(__file__).with_name("bank.schema.json").read_text(encoding="utf-8"))
Draft202012Validator.check_schema(SCHEMA)  # a broken schema stops the build at once
_QUESTION = SCHEMA["$defs"]["question"]["properties"]
# The allowed types and levels are spelled once, in the schema.
TYPES = {choice["const"]: choice["description"] for choice in _QUESTION["type"]["oneOf"]}
LEVELS = tuple(choice["const"] for choice in _QUESTION["level"]["oneOf"])
ID_PATTERN = re.compile(_QUESTION["id"]["pattern"])
OPTION_COUNT = {"single": (3, 6), "multiple": (3, 6), "true-false": (2, 2)}
MINIMUM_FEEDBACK_WORDS = 12
# A planning assumption, stated where the course map gives quiz times: reading a
# question, choosing, then reading the explanation of every option.
MINUTES_PER_QUESTION = 2
LETTERS = "ABCDEFGH"
JSON_TYPE_NAMES = {"array": "a list", "object": "a mapping", "string": "text",
                   "boolean": "true or false", "number": "a number"}


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

    @property
    def minutes(self) -> int:
        return len(self.questions) * MINUTES_PER_QUESTION


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key, line: int, first_line: int):
        super().__init__(f"duplicate key {key!r} (first on line {first_line}); "
                         "a key may appear once in a mapping")
        self.line = line


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses duplicate keys (PyYAML keeps the last one
    silently) and remembers the line of every mapping and of every key."""

    def __init__(self, stream):
        super().__init__(stream)
        self.lines: dict[int, int] = {}  # id(mapping) -> line
        self.key_lines: dict[tuple[int, object], int] = {}  # (id(mapping), key) -> line

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key, line = self.construct_object(key_node, deep=True), key_node.start_mark.line + 1
            if key in seen:
                raise _DuplicateKey(key, line, seen[key])
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_line_map(self, node):
        """PyYAML's own map constructor, keeping lines for the dict it returns."""
        data: dict = {}
        self.lines[id(data)] = node.start_mark.line + 1
        yield data
        data.update(self.construct_mapping(node))
        self.key_lines.update({(id(data), key_node.value): key_node.start_mark.line + 1
                               for key_node, _ in node.value})


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)


def load_quiz(path: Path) -> Quiz:
    """Parse and check one bank; raise QuizError on the first problem found."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuizError(path, "question bank not found") from None
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except _DuplicateKey as error:
        raise QuizError(path, str(error), line=error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise QuizError(path, f"not valid YAML: {getattr(error, 'problem', error)}",
                        line=mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
    _check_against_schema(path, data, loader)
    questions, seen = [], {}
    for raw in data["questions"]:
        question = _question(path, raw, loader)
        if question.id in seen:
            raise QuizError(path, f"duplicate id (first used on line {seen[question.id]})",
                            question.id, question.line)
        seen[question.id] = question.line
        questions.append(question)
    return Quiz(path=str(path), questions=tuple(questions))


def _check_against_schema(path: Path, data, loader: _LineLoader) -> None:
    """The structure rules of bank.schema.json, reported at the first line that breaks one."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) \
            or not data["questions"]:
        raise QuizError(path, "the bank must be a mapping with a non-empty 'questions' list")
    errors = [_schema_problem(path, data, error, loader)
              for error in Draft202012Validator(SCHEMA).iter_errors(data)]
    if errors:
        raise min(errors, key=lambda error: error.line or 0)


def _schema_problem(path: Path, data, error, loader: _LineLoader) -> QuizError:
    """A schema error in the words of this book's bank format."""
    where = list(error.absolute_path)
    question = data["questions"][where[1]] if where[:1] == ["questions"] and len(where) > 1 \
        else None
    question_id = question.get("id") if isinstance(question, dict) else None
    if not (isinstance(question_id, str) and ID_PATTERN.match(question_id)):
        question_id = None
    if error.validator in ("required", "additionalProperties"):
        owner, field = error.instance, None
        what = ("question" if len(where) == 2 else
                f"option {LETTERS[where[3]]}" if len(where) == 4 else "the bank")
    else:
        owner = _at(data, where[:-1])
        field = where[-1]
        what = f"option {LETTERS[where[3]]}" if len(where) >= 4 and field != "options" else None
    line = loader.lines.get(id(owner))
    if field is not None:
        line = loader.key_lines.get((id(owner), field), line)
    value = error.instance
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in owner]
        problem = f"{what} is missing {', '.join(repr(key) for key in missing)}"
    elif error.validator == "additionalProperties":
        unknown = sorted(set(owner) - set(error.schema["properties"]))
        line = loader.key_lines.get((id(owner), unknown[0]), line)
        problem = f"{what} has unknown key(s) {', '.join(repr(key) for key in unknown)}"
    elif field == "id":
        problem = (f"missing or malformed 'id' {value!r} (use lowercase letters, digits "
                   "and hyphens)")
    elif field in ("type", "level") and error.validator == "oneOf":
        choices = [choice["const"] for choice in _QUESTION[field]["oneOf"]]
        problem = f"unknown {field} {value!r} (use one of: {', '.join(choices)})"
    elif what and field == "text":
        problem = f"{what} has no text"
    elif error.validator == "type":
        expected = JSON_TYPE_NAMES.get(error.validator_value, error.validator_value)
        problem = f"{what + ': ' if what else ''}'{field}' must be {expected}"
    elif error.validator in ("pattern", "minLength"):
        problem = f"{what + ': ' if what else ''}'{field}' must be non-empty text"
    elif error.validator == "maxItems":
        problem = f"'{field}' has {len(value)} entries; at most {error.validator_value}"
    else:
        problem = f"{what + ': ' if what else ''}'{field}': {error.message}"
    return QuizError(path, problem, question_id, line)


def _at(data, where: list):
    for step in where:
        data = data[step]
    return data


def _question(path: Path, raw: dict, loader: _LineLoader) -> Question:
    """The rules that span fields, on a question the schema has accepted."""
    question_id, line = raw["id"], loader.lines[id(raw)]

    def fail(problem: str, at: int | None = None):
        raise QuizError(path, problem, question_id, at or line)

    kind = raw["type"]
    options = tuple(_option(raw_option, LETTERS[i], fail, loader.lines[id(raw_option)])
                    for i, raw_option in enumerate(raw["options"]))
    _check_options(kind, options, fail)
    return Question(id=question_id, type=kind, level=raw["level"],
                    section=raw["section"].strip(), stem=_clean(raw["stem"]),
                    options=options, line=line)


def _option(raw: dict, letter: str, fail, at: int) -> Option:
    text, feedback = raw["text"], raw["feedback"]
    if isinstance(text, bool):  # YAML reads an unquoted True/False as a boolean
        text = "True" if text else "False"
    words = len(feedback.split())
    if words < MINIMUM_FEEDBACK_WORDS:
        fail(f"option {letter}: feedback has {words} words; write at least "
             f"{MINIMUM_FEEDBACK_WORDS} that explain why", at)
    return Option(text=_clean(str(text)), correct=raw.get("correct", False),
                  feedback=_clean(feedback))


def _check_options(kind: str, options: tuple[Option, ...], fail) -> None:
    low, high = OPTION_COUNT[kind]
    if not low <= len(options) <= high:
        fail(f"a {TYPES[kind]} question needs {low}–{high} options, not {len(options)}")
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


def _clean(text: str) -> str:
    """One paragraph of plain text: YAML folding leaves stray newlines and spaces."""
    return " ".join(text.split())
