"""The self-check quizzes keep their promises, in every form a reader meets them.

Source: each teaching chapter's bank (book/<chapter>.quiz.yml). Checked here: the
coverage rules, the built web page (every question, no-JS answers), the PDF (questions
lettered, answers only in an "Answer key" section), and the LMS exports, read back by
parsers that are not ours: pygiftparser for GIFT, the XML of text2qti's QTI package.
The interactive quiz is driven by keyboard in tests/test_quiz_browser.py; the build's
checks of bad banks run on the fixture book in tests/test_quiz_validation.py.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest
from bs4 import BeautifulSoup
from pygiftparser import parser as gift_parser
from pygiftparser.utils import htmlRendering as gift_text  # the parser's own unescaping

from conftest import HTML_DIR, REPO
from test_chapters import CHAPTERS, slug, source, squash

from quiz.bank import LETTERS, load_quiz

STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
BANKS = {chapter: load_quiz(REPO / f"{chapter}.quiz.yml") for chapter in CHAPTERS}
GIFT_TYPES = {"single": "SelectSet", "multiple": "MultipleChoicesSet",
              "true-false": "TrueFalseSet"}
QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "true-false": "true_false_question"}


def words(text: str) -> str:
    """Text with whitespace and quotes normalised (Sphinx curls straight quotes)."""
    return " ".join(text.translate(STRAIGHT_QUOTES).split())


# The source: coverage and quality.

@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_ends_with_its_quiz(chapter):
    text = source(chapter)
    assert f"```{{quiz}} {slug(chapter)}.quiz.yml" in text
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


# The exports, read back by independent parsers.

@pytest.fixture(scope="module")
def gift_questions(site):
    by_chapter = {}
    for chapter in CHAPTERS:
        with open(HTML_DIR / "quizzes" / f"{slug(chapter)}.gift", encoding="utf-8") as gift:
            by_chapter[chapter] = gift_parser.parseFile(gift)
    return by_chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_gift_export_matches_the_bank(gift_questions, chapter):
    parsed, bank = gift_questions[chapter], BANKS[chapter].questions
    assert [q.title for q in parsed] == [q.id for q in bank]
    for got, want in zip(parsed, bank):
        assert type(got.answers).__name__ == GIFT_TYPES[want.type], want.id
        assert words(gift_text(got.text)) == words(want.stem)
        if want.type == "true-false":
            right = next(o for o in want.options if o.correct)
            wrong = next(o for o in want.options if not o.correct)
            assert got.answers.answer == (right.text == "True")
            assert words(gift_text(got.answers.feedbackCorrect)) == words(right.feedback)
            assert words(gift_text(got.answers.feedbackWrong)) == words(wrong.feedback)
            continue
        answers = got.answers.answers
        assert [words(gift_text(a.answer)) for a in answers] == [words(o.text) for o in want.options]
        assert [words(gift_text(a.feedback)) for a in answers] == \
            [words(o.feedback) for o in want.options]
        credited = [a.fraction > 0 for a in answers]
        assert credited == [o.correct for o in want.options], want.id
        if want.type == "multiple":
            assert sum(a.fraction for a in answers if a.fraction > 0) == pytest.approx(100, abs=0.01)


@pytest.mark.usefixtures("site")  # reads the built site
def test_all_quizzes_gift_holds_every_question_by_chapter():
    path = HTML_DIR / "quizzes" / "all-quizzes.gift"
    with open(path, encoding="utf-8") as gift:
        parsed = gift_parser.parseFile(gift)
    assert [q.title for q in parsed] == [q.id for b in BANKS.values() for q in b.questions]
    # pygiftparser keeps category names only up to the first space, so count them here.
    categories = re.findall(r"^\$CATEGORY: (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    assert len(set(categories)) == len(CHAPTERS)


def qti_items(chapter: str) -> list[ET.Element]:
    with zipfile.ZipFile(HTML_DIR / "quizzes" / f"{slug(chapter)}-canvas-qti.zip") as package:
        names = package.namelist()
        assert "imsmanifest.xml" in names
        assessment = [n for n in names if n.endswith(".xml") and "/" in n
                      and not n.endswith("assessment_meta.xml")]
        assert len(assessment) == 1, names
        root = ET.fromstring(package.read(assessment[0]))
    return list(root.iter(f"{QTI}item"))


def html_text(mattext: ET.Element) -> str:
    return words(html_lib.unescape(re.sub(r"<[^>]+>", " ", mattext.text or "")))


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_canvas_qti_items_match_the_bank(chapter):
    items, bank = qti_items(chapter), BANKS[chapter].questions
    assert len(items) == len(bank)
    for item, want in zip(items, bank):
        kind = item.find(f".//{QTI}fieldentry").text
        assert kind == QTI_TYPES[want.type], want.id
        stem = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert html_text(stem) == words(want.stem)
        labels = item.findall(f".//{QTI}response_label")
        idents = [label.get("ident") for label in labels]
        assert [html_text(label.find(f".//{QTI}mattext")) for label in labels] == \
            [words(o.text) for o in want.options]
        feedback = {fb.get("ident"): html_text(fb.find(f".//{QTI}mattext"))
                    for fb in item.findall(f"{QTI}itemfeedback")}
        assert [feedback[f"{i}_fb"] for i in idents] == [words(o.feedback) for o in want.options]
        scoring = [c for c in item.iter(f"{QTI}respcondition")
                   if c.find(f"{QTI}setvar") is not None]
        assert len(scoring) == 1, want.id
        condition = scoring[0].find(f"{QTI}conditionvar")
        required = condition.find(f"{QTI}and") if want.type == "multiple" else condition
        credited = {v.text for v in required.findall(f"{QTI}varequal")}
        assert credited == {i for i, o in zip(idents, want.options) if o.correct}, want.id
