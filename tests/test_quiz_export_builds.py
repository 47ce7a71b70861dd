"""The quiz exports follow incremental builds of the fixture book (tests/fixture_book/).

The build skips writing the exports when nothing they are made from has changed. That
includes the export code: an edit to _ext/quiz/exports.py re-reads no page, yet must
rewrite every file. A chapter whose quiz is removed loses its files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_fixture_builds import build, make_book

QUIZ = "```{quiz}\n```\n"  # the bank is the one beside the page: quiz2.quiz.yml


def add_second_quiz_chapter(book: Path) -> None:
    """book/quiz2: a copy of the fixture's quiz chapter with its own labels and ids."""
    chapter = (book / "book" / "quiz.md").read_text()
    (book / "book" / "quiz2.md").write_text(
        chapter.replace("(fixture-quiz)=", "(fixture-quiz-two)=")
        .replace("(sec-fixture-topic)=", "(sec-fixture-topic-two)=")
        .replace("# Fixture quiz chapter", "# Second quiz: the other one"))
    bank = (book / "book" / "quiz.quiz.yml").read_text()
    (book / "book" / "quiz2.quiz.yml").write_text(
        bank.replace("id: fixture-", "id: second-").replace("sec-fixture-topic", "sec-fixture-topic-two"))
    toc = book / "_toc.yml"
    toc.write_text(toc.read_text() + "  - file: book/quiz2\n")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    book = make_book(tmp_path_factory.mktemp("exports"))
    add_second_quiz_chapter(book)
    code, log = build(book)
    assert code == 0, log
    return book


def exports(book: Path) -> Path:
    return book / "_build" / "html" / "quizzes"


def test_a_change_to_the_export_code_rewrites_every_export(book):
    assert "$CATEGORY: $course$/" in (exports(book) / "quiz2.gift").read_text()
    code_file = book / "_ext" / "quiz" / "exports.py"
    code_file.write_text(code_file.read_text().replace('"$CATEGORY: "', '"$CATEGORY:  "'))
    code, log = build(book)
    assert code == 0, log
    for name in ("quiz.gift", "quiz2.gift", "all-quizzes.gift"):
        assert "$CATEGORY:  $course$/" in (exports(book) / name).read_text(), name


def test_removing_a_chapters_quiz_deletes_its_exports(book):
    assert (exports(book) / "quiz2-canvas-qti.zip").is_file()
    chapter = book / "book" / "quiz2.md"
    chapter.write_text(chapter.read_text().replace(QUIZ, ""))
    code, log = build(book)
    assert code == 0, log
    assert sorted(p.name for p in exports(book).iterdir() if not p.name.startswith(".")) == \
        ["all-quizzes.gift", "quiz-canvas-qti.zip", "quiz.gift"]
    assert "second-" not in (exports(book) / "all-quizzes.gift").read_text()
