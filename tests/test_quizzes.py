"""The self-check quizzes keep their promises, in every form a reader meets them.

Source: each teaching chapter's bank (book/<chapter>.quiz.yml). Checked here: the
coverage rules, the built web page (every question, no-JS answers) and the PDF
(questions lettered, answers only in an "Answer key" section). The LMS exports are
read back in tests/test_quiz_exports.py; the interactive quiz is driven by keyboard in
tests/test_quiz_browser.py; the build's checks of bad banks run on the fixture book in
tests/test_quiz_validation.py.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import HTML_DIR, REPO
from test_chapters import CHAPTERS, slug, source, squash

from quiz import bank_beside
from quiz.bank import LETTERS, load_quiz

STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
BANKS = {chapter: load_quiz(bank_beside(REPO / f"{chapter}.md")) for chapter in CHAPTERS}


def words(text: str) -> str:
    """Text with whitespace and quotes normalised (Sphinx curls straight quotes)."""
    return " ".join(text.translate(STRAIGHT_QUOTES).split())


# The source: coverage and quality.

@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_ends_with_its_quiz(chapter):
    text = source(chapter)
    assert "\n```{quiz}\n" in text, "no {quiz} directive (it takes no argument: the bank is beside the page)"
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[-3:] == ["Summary", "Self-check", "References"], headings[-3:]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_quiz_has_enough_questions_at_higher_levels(chapter):
    questions = BANKS[chapter].questions
    assert len(questions) >= 5
    assert sum(q.level in ("apply", "analyse") for q in questions) >= 2


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_option_has_its_own_explanation(chapter):
    for question in BANKS[chapter].questions:
        feedback = [o.feedback for o in question.options]
        assert all(len(f.split()) >= 12 for f in feedback), question.id
        assert len(set(feedback)) == len(feedback), question.id


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_quiz_tests_sections_of_its_own_chapter(chapter):
    text = source(chapter)
    for question in BANKS[chapter].questions:
        assert f"({question.section})=" in text, question.id


def test_question_ids_are_unique_in_the_book():
    ids = [q.id for bank in BANKS.values() for q in bank.questions]
    assert len(ids) == len(set(ids))


def test_the_right_answer_is_not_always_in_the_same_place():
    positions = {q.correct_letters[0] for bank in BANKS.values() for q in bank.questions
                 if q.type == "single"}
    assert len(positions) >= 3, positions


# The web page.

def page(chapter: str) -> BeautifulSoup:
    return BeautifulSoup((HTML_DIR / f"{chapter}.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_web_page_has_every_question_with_its_options(chapter):
    soup = page(chapter)
    for question in BANKS[chapter].questions:
        block = soup.find(id=f"question-{question.id}")
        assert block is not None, question.id
        assert words(question.stem) in words(block.select_one(".quiz-stem").get_text())
        options = [words(li.get_text()) for li in block.select("ol.quiz-options > li")]
        assert options == [words(o.text) for o in question.options]
        assert block["data-quiz-correct"].split() == [
            str(LETTERS.index(letter)) for letter in question.correct_letters]


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_without_javascript_each_answer_is_one_click_away(chapter):
    soup = page(chapter)
    for question in BANKS[chapter].questions:
        details = soup.find(id=f"question-{question.id}").find_next_sibling("details")
        assert details is not None and "quiz-answer" in details["class"]
        text = words(details.get_text(" "))
        assert f": {question.correct_letters[0]}" in text
        for option in question.options:
            assert words(option.feedback) in text
        review = details.select_one(".quiz-review a")
        assert review is not None and review["href"].endswith(f"#{question.section}"), \
            question.id


@pytest.mark.usefixtures("site")  # reads the built site
def test_quiz_script_loads_only_on_pages_with_a_quiz():
    for built in HTML_DIR.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        has_quiz = 'class="quiz"' in text
        assert ("_static/quiz.js" in text) == has_quiz, built


@pytest.mark.usefixtures("site")  # reads the built site
def test_answer_key_page_lists_every_question_and_download():
    soup = BeautifulSoup((HTML_DIR / "book" / "answer-key.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = words(soup.get_text(" "))
    assert "formative" in text
    links = {a["href"] for a in soup.select("a[href]")}
    for chapter, bank in BANKS.items():
        for question in bank.questions:
            assert words(question.stem) in text, question.id
        for name in (f"{slug(chapter)}.gift", f"{slug(chapter)}-canvas-qti.zip"):
            assert f"../quizzes/{name}" in links
            assert (HTML_DIR / "quizzes" / name).is_file()
    assert "../quizzes/all-quizzes.gift" in links


# The PDF.

@pytest.fixture(scope="module")
def pdf_text(pdf_path) -> str:
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return squash(text)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_pdf_prints_questions_then_an_answer_key(pdf_text, chapter):
    questions = BANKS[chapter].questions
    start = pdf_text.index(squash(f"Question 1. {questions[0].stem}"))
    key_at = pdf_text.index(squash("Answer key"), start)
    asked, key = pdf_text[start:key_at], pdf_text[key_at:]
    for number, question in enumerate(questions, start=1):
        assert squash(f"Question {number}. {question.stem}") in asked, question.id
        for letter, option in zip(LETTERS, question.options):
            assert squash(f"{letter}. {option.text}") in asked, (question.id, letter)
        assert squash(f"Question {number}. Answer") not in asked, "an answer beside its question"
        label = "Answers" if len(question.correct_letters) > 1 else "Answer"
        answer = squash(f"Question {number}. {label}: {question.correct_letters[0]}")
        assert answer in key, question.id
        assert squash(question.options[-1].feedback) in key, question.id
