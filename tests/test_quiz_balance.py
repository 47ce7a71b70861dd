"""The answer keys give students no pattern to guess from.

Over every bank in the book (``book/*.quiz.yml``, read with the build's own loader):

- single-answer questions: each answer position (A, B, C, D…) holds 15–35 % of the
  keys. The positions checked are those that at least half the single-answer questions
  offer (A–D while most have four options), so that one question with a fifth option
  does not oblige E to hold 15 %; no position, offered by few or many, may hold more
  than 35 %;
- true/false questions: True and False each hold 35–65 % of the keys.

To fix a failure, move a correct option to another position (its feedback moves with
it), or rewrite a false statement as a true one that the chapter supports; see
``_ext/quiz/README.md``. The checks themselves are tested on made-up keys below, so
they can be seen to fail.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import REPO

from quiz import BANK_SUFFIX
from quiz.bank import LETTERS, Option, Question, load_quiz

BANK_PATHS = sorted((REPO / "book").glob(f"*{BANK_SUFFIX}"))
QUESTIONS = [q for path in BANK_PATHS for q in load_quiz(path).questions]
POSITION_SHARE = (0.15, 0.35)
TRUE_FALSE_SHARE = (0.35, 0.65)


def percent(share: float) -> str:
    return f"{100 * share:.1f} %"


def position_problems(questions) -> list[str]:
    """What is wrong with where the single-answer keys sit (empty when balanced)."""
    singles = [q for q in questions if q.type == "single"]
    if not singles:
        return []
    keys = Counter(q.correct_letters[0] for q in singles)
    offered = Counter(letter for q in singles for letter in LETTERS[:len(q.options)])
    low, high = POSITION_SHARE
    problems = []
    for letter in LETTERS[:max(len(q.options) for q in singles)]:
        share = keys[letter] / len(singles)
        checked_low = low if offered[letter] >= len(singles) / 2 else 0
        if not checked_low <= share <= high:
            ids = sorted(q.id for q in singles if q.correct_letters[0] == letter)
            problems.append(
                f"position {letter} holds {keys[letter]} of {len(singles)} single-answer keys "
                f"({percent(share)}; allowed {percent(checked_low)}–{percent(high)}): "
                f"{', '.join(ids) or 'none'}")
    return problems


def true_false_problems(questions) -> list[str]:
    """What is wrong with the split of true/false keys (empty when balanced)."""
    items = [q for q in questions if q.type == "true-false"]
    if not items:
        return []
    key = {q.id: next(o.text for o in q.options if o.correct) for q in items}
    keys = Counter(key.values())
    low, high = TRUE_FALSE_SHARE
    problems = []
    for answer in ("True", "False"):
        share = keys[answer] / len(items)
        if not low <= share <= high:
            ids = sorted(i for i, k in key.items() if k == answer)
            problems.append(
                f"{answer} is the key of {keys[answer]} of {len(items)} true/false questions "
                f"({percent(share)}; allowed {percent(low)}–{percent(high)}): "
                f"{', '.join(ids) or 'none'}")
    return problems


def test_the_book_has_questions_of_both_kinds():
    assert len(BANK_PATHS) >= 9, BANK_PATHS
    assert sum(q.type == "single" for q in QUESTIONS) >= 20
    assert sum(q.type == "true-false" for q in QUESTIONS) >= 5


def test_each_answer_position_holds_15_to_35_percent_of_single_answer_keys():
    problems = position_problems(QUESTIONS)
    assert problems == [], "\n".join(problems)


def test_true_and_false_each_hold_35_to_65_percent_of_true_false_keys():
    problems = true_false_problems(QUESTIONS)
    assert problems == [], "\n".join(problems)


# The checks on made-up keys: they pass a balanced key and catch a skewed one.

def made_up(kind: str, correct: int, options: int = 4, number: int = 0) -> Question:
    texts = ["True", "False"] if kind == "true-false" else [f"Option {i}" for i in range(options)]
    return Question(
        id=f"made-up-{number}", type=kind, level="recall", section="sec-x", stem="Stem?",
        options=tuple(Option(text=t, correct=i == correct, feedback=f"Feedback {i}.")
                      for i, t in enumerate(texts)),
        line=1)


def singles(*positions: int, options: int = 4) -> list[Question]:
    return [made_up("single", p, options, n) for n, p in enumerate(positions)]


def true_false(*answers: bool) -> list[Question]:
    return [made_up("true-false", 0 if a else 1, number=n) for n, a in enumerate(answers)]


def test_position_check_passes_an_even_key():
    assert position_problems(singles(0, 1, 2, 3, 0, 1, 2, 3)) == []


@pytest.mark.parametrize("positions, flagged", [
    ((1, 1, 1, 1, 1, 0, 0, 2, 2, 3), ["B", "D"]),        # B 50 %, D 10 %
    ((0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2), ["D"]),      # A–C 33 % each, D never
])
def test_position_check_catches_a_skewed_key(positions, flagged):
    problems = position_problems(singles(*positions))
    assert [p.split()[1] for p in problems] == flagged, problems


def test_a_rare_fifth_option_is_not_required_to_hold_15_percent():
    questions = singles(0, 1, 2, 3, 0, 1, 2, 3) + [made_up("single", 3, options=5, number=9)]
    assert position_problems(questions) == []


def test_true_false_check_passes_an_even_split():
    assert true_false_problems(true_false(True, False, True, False, True)) == []


def test_true_false_check_catches_mostly_false():
    problems = true_false_problems(true_false(False, False, False, False, True))
    assert [p.split()[0] for p in problems] == ["True", "False"], problems
