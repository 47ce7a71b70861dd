"""A bad question bank stops the build with the file, line, question id and problem.

Each case breaks one rule in the fixture book's valid bank (tests/fixture_book/book/
quiz.quiz.yml), builds it with the real configuration and extensions, and expects a
clear message and no traceback. The duplicate-id case also checks incremental builds:
only the edited page is re-read, yet the id of the unchanged page still counts.
"""

from __future__ import annotations

import re

import pytest

from test_fixture_builds import build, build_tool_tracebacks, make_book

BANK = "book/quiz.quiz.yml"


def without_line(containing: str):
    return lambda text: "".join(line for line in text.splitlines(keepends=True)
                                if containing not in line)


BROKEN_BANKS = {
    "unknown type": (
        lambda text: text.replace("type: single", "type: essay"),
        r"question 'fixture-single': unknown type 'essay' \(use one of: single, multiple, "
        r"true-false\)"),
    "no correct answer": (
        lambda text: text.replace("        correct: true\n", "", 1),
        r"question 'fixture-single': no option is marked correct"),
    "too many correct answers": (
        lambda text: text.replace("      - text: The first option\n",
                                  "      - text: The first option\n        correct: true\n"),
        r"question 'fixture-single': 2 options are marked correct; a single choice"),
    "missing feedback": (
        without_line("feedback: No. The third option"),
        r"question 'fixture-single': option C is missing 'feedback'"),
    "duplicate id": (
        lambda text: text.replace("id: fixture-true-false", "id: fixture-single"),
        r"question 'fixture-single': duplicate id \(first used on line \d+\)"),
    "duplicate key (PyYAML would keep the last silently)": (
        lambda text: text.replace("    stem:", "    stem: A first stem that would be lost.\n    stem:", 1),
        r"duplicate key 'stem' \(first on line \d+\); a key may appear once in a mapping"),
    "unknown key": (
        lambda text: text.replace("        correct: true\n", "        correct: true\n        hint: x\n", 1),
        r"question 'fixture-single': option [A-D] has unknown key\(s\) 'hint'"),
    "section label that does not exist": (
        lambda text: text.replace("section: sec-fixture-topic", "section: sec-no-such-section", 1),
        r"question 'fixture-single': section label 'sec-no-such-section' does not exist"),
}


@pytest.mark.parametrize("problem", BROKEN_BANKS)
def test_broken_bank_stops_the_build_naming_file_question_and_problem(tmp_path, problem):
    edit, expected = BROKEN_BANKS[problem]
    book = make_book(tmp_path)
    bank = book / BANK
    bank.write_text(edit(bank.read_text()))
    code, log = build(book)
    assert code != 0, "the build passed with a broken bank"
    assert re.search(r"book/quiz\.quiz\.yml:\d+: WARNING: " + expected, log), log
    assert build_tool_tracebacks(log) == []


def test_duplicate_id_across_pages_is_caught_by_an_incremental_build(tmp_path):
    book = make_book(tmp_path)
    second = book / "book" / "quiz2.md"
    second.write_text((book / "book" / "quiz.md").read_text()
                      .replace("(fixture-quiz)=", "(fixture-quiz-two)=")
                      .replace("(sec-fixture-topic)=", "(sec-fixture-topic-two)="))
    own_ids = ((book / BANK).read_text().replace("id: fixture-", "id: second-")
               .replace("sec-fixture-topic", "sec-fixture-topic-two"))
    (book / "book" / "quiz2.quiz.yml").write_text(own_ids)
    toc = book / "_toc.yml"
    toc.write_text(toc.read_text() + "  - file: book/quiz2\n")
    code, log = build(book)
    assert code == 0, log

    # Only quiz2's bank changes, so only quiz2.md is re-read.
    (book / "book" / "quiz2.quiz.yml").write_text(
        own_ids.replace("id: second-single", "id: fixture-single"))
    code, log = build(book)
    assert code != 0
    assert re.search(r"book/quiz2\.quiz\.yml:\d+: WARNING: question 'fixture-single': "
                     r"duplicate id: already used by the quiz of \S*book/quiz\.md", log), log

    # Fixed again: no stale id is left behind.
    (book / "book" / "quiz2.quiz.yml").write_text(own_ids)
    code, log = build(book)
    assert code == 0, log
