"""The LMS exports say what the banks say, read the way Moodle and Canvas read them.

GIFT is read by a small Python port of Moodle's own importer (below), so a category,
an ID number, a format marker or an escape is checked as Moodle will see it. The
Canvas package is read with xml.etree: a practice quiz (ungraded, unlimited attempts),
the text's licence, every item titled with its question id and saying what the bank
says. Checks on the built site cover every file in _build/html/quizzes; the unit tests
feed the exporter texts chosen to trip it. Incremental builds: test_quiz_export_builds.py.
"""

from __future__ import annotations

import html as html_lib
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
import yaml

from conftest import HTML_DIR, REPO
from test_chapters import CHAPTERS, chapter_title, slug

from quiz import bank_beside
from quiz.bank import Option, Question, Quiz, load_quiz
from quiz.exports import canvas_package, gift_file

BANKS = {chapter: load_quiz(bank_beside(REPO / f"{chapter}.md")) for chapter in CHAPTERS}
BOOK_TITLE = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["title"]
QUIZZES = HTML_DIR / "quizzes"


# Moodle's GIFT importer, ported from qformat_gift (question/format/gift/format.php) and
# qformat_default (question/format.php) as read at andrewnicols/moodle
# b70448bd5f99f25ae251a16cb2cea914d12448f7. Only what our files use: the escape
# placeholders, $CATEGORY: lines and split_category_path, question names, the
# [id:] comment, format markers, multichoice and truefalse answers with weights and
# feedback. Other question types are named but not read.

PHP_SPACE = " \t\n\r\0\x0b"  # what PHP's trim() strips
PLACEHOLDERS = {"\\:": ("&&058;", ":"), "\\#": ("&&035;", "#"), "\\=": ("&&061;", "="),
                "\\{": ("&&123;", "{"), "\\}": ("&&125;", "}"), "\\~": ("&&126;", "~"),
                "\\n": ("&&010", "\n")}
FORMATS = {"moodle", "html", "plain", "markdown"}  # format_name_to_const
WEIGHT = re.compile(r"%-*([0-9]{1,2})\.?([0-9]*)%")  # $giftanswerweightregex
ID_NUMBER = re.compile(r"\[id:((?:\\\]|[^\]\[\x00-\x1f\x7f])+)\]")


def escapedchar_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, (placeholder, _) in PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def escapedchar_post(text: str) -> str:
    for placeholder, character in PLACEHOLDERS.values():
        text = text.replace(placeholder, character)
    return text


def parse_text_with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    """(format, text): a leading [format] is read and dropped if Moodle knows it."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")  # PHP: strpos() is false, then false - 1 == -1
        name, rest = (text[1:-1], text[1:]) if end == -1 else (text[1:end], text[end + 1:])
        if name in FORMATS:
            fmt, text = name, rest
    return fmt, escapedchar_post(text).strip(PHP_SPACE)


def commentparser(answer: str, fmt: str) -> tuple[str, str]:
    bits = answer.split("#", 1)
    text = parse_text_with_format(bits[0].strip(PHP_SPACE), fmt)[1]
    feedback = parse_text_with_format(bits[1].strip(PHP_SPACE), fmt)[1] if len(bits) > 1 else ""
    return text, feedback


def split_category_path(path: str) -> list[str]:
    return [raw.replace("//", "/").strip(PHP_SPACE) for raw in re.split(r"(?<!/)/(?!/)", path)]


def readquestion(lines: list[str]) -> dict | None:
    comments = "".join(line + "\n" for line in lines if line.startswith("//"))
    lines = [" " if line.startswith("//") else line for line in lines]
    text = "\n".join(lines).strip(PHP_SPACE)
    if not text:
        return None
    text = escapedchar_pre(text)
    if text.startswith("$CATEGORY:"):
        return {"qtype": "category", "category": text[10:].strip(PHP_SPACE)}
    question = {"name": None}
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end != -1:
            question["name"] = escapedchar_post(text[:end])
            text = text[end + 2:].strip(PHP_SPACE)
    start, finish = text.find("{"), text.find("}")
    if start == -1 or finish == -1:
        return {**question, "qtype": "description or error"}
    answertext = text[start + 1:finish].strip(PHP_SPACE)
    blank = "" if text.endswith("}") else "_____"
    questiontext = text[:start] + blank + text[finish + 1:]
    if "####" in answertext:
        answertext = answertext[:answertext.rindex("####")].strip(PHP_SPACE)
    fmt, question["questiontext"] = parse_text_with_format(questiontext)
    question["format"] = fmt
    found = ID_NUMBER.search(comments)
    question["idnumber"] = found.group(1).strip(PHP_SPACE).replace("\\]", "]") if found else ""
    if answertext == "" or answertext[0] == "#":
        return {**question, "qtype": "essay or numerical"}
    if "~" in answertext:
        return {**question, **multichoice(answertext, fmt)}
    check = answertext
    if answertext.find("#") > 0:
        check = answertext[:answertext.index("#")].strip(PHP_SPACE)
    if "=" in answertext and "->" in answertext:
        return {**question, "qtype": "match"}
    if check not in ("T", "TRUE", "F", "FALSE"):
        return {**question, "qtype": "shortanswer"}
    bits = [parse_text_with_format(bit.strip(PHP_SPACE), fmt)[1]
            for bit in answertext.split("#", 2)] + ["", ""]
    answer, wrong, right = bits[:3]
    true = answer in ("T", "TRUE")
    return {**question, "qtype": "truefalse", "correctanswer": true,
            "feedbacktrue": right if true else wrong, "feedbackfalse": wrong if true else right}


def multichoice(answertext: str, fmt: str) -> dict:
    answers = answertext.replace("=", "~=").split("~")
    answers[0] = answers[0].strip(PHP_SPACE)
    if answers[0] in ("", "0"):  # PHP's empty()
        answers.pop(0)
    read = []
    for answer in answers:
        answer = answer.strip(PHP_SPACE)
        if answer.startswith("="):
            fraction, answer = 1.0, answer[1:]
        elif WEIGHT.match(answer):
            answer = answer[1:]
            end = answer.index("%")
            fraction, answer = float(answer[:end]) / 100, answer[end + 1:]
        else:
            fraction = 0.0
        text, feedback = commentparser(answer, fmt)
        read.append({"text": text, "feedback": feedback, "fraction": fraction})
    return {"qtype": "multichoice", "single": "=" in answertext, "answers": read}


def moodle_import(text: str) -> list[tuple[list[str], dict]]:
    """Every question with the category path it goes in (readquestions: questions are
    separated by blank lines; a $CATEGORY: block sets the category of those after it)."""
    blocks, block = [], []
    for line in text.splitlines() + [""]:
        line = line.strip(PHP_SPACE)
        if line in ("", "0"):  # PHP's empty()
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(line)
    imported, category = [], []
    for question in filter(None, map(readquestion, blocks)):
        if question["qtype"] == "category":
            category = split_category_path(question["category"])
        else:
            imported.append((category, question))
    return imported


def moodle_reads_the_bank(read: dict, want: Question) -> None:
    assert (read["name"], read["idnumber"]) == (want.id, want.id)
    assert (read["format"], read["questiontext"]) == ("plain", want.stem), want.id
    if want.type == "true-false":
        true, false = want.options
        assert read["qtype"] == "truefalse", want.id
        assert read["correctanswer"] == true.correct, want.id
        assert (read["feedbacktrue"], read["feedbackfalse"]) == (true.feedback, false.feedback)
        return
    assert read["qtype"] == "multichoice" and read["single"] == (want.type == "single"), want.id
    answers = read["answers"]
    assert [(a["text"], a["feedback"]) for a in answers] == \
        [(o.text, o.feedback) for o in want.options], want.id
    assert [a["fraction"] > 0 for a in answers] == [o.correct for o in want.options], want.id
    if want.type == "multiple":
        assert sum(a["fraction"] for a in answers if a["fraction"] > 0) == pytest.approx(1, abs=1e-4)
        assert all(a["fraction"] == -1 for a in answers if a["fraction"] <= 0), want.id


def moodle_reads_the_quizzes(text: str, chapters: list[tuple[str, Quiz]], book: str) -> None:
    imported = moodle_import(text)
    expected = [(title, q) for title, quiz in chapters for q in quiz.questions]
    assert len(imported) == len(expected)
    for (category, read), (title, want) in zip(imported, expected):
        assert category == ["$course$", book, title], want.id
        moodle_reads_the_bank(read, want)


# The built GIFT files.

def test_every_chapter_and_no_other_has_exports():
    assert sorted(p.name for p in QUIZZES.iterdir() if not p.name.startswith(".")) == sorted(
        ["all-quizzes.gift"] + [f"{slug(c)}.gift" for c in CHAPTERS]
        + [f"{slug(c)}-canvas-qti.zip" for c in CHAPTERS])


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_moodle_reads_each_chapters_gift_as_the_bank(chapter):
    text = (QUIZZES / f"{slug(chapter)}.gift").read_text(encoding="utf-8")
    moodle_reads_the_quizzes(text, [(chapter_title(chapter), BANKS[chapter])], BOOK_TITLE)


def test_moodle_reads_all_quizzes_gift_chapter_by_chapter():
    text = (QUIZZES / "all-quizzes.gift").read_text(encoding="utf-8")
    moodle_reads_the_quizzes(text, [(chapter_title(c), BANKS[c]) for c in CHAPTERS], BOOK_TITLE)


# The GIFT writer, fed texts that trip Moodle's importer.

def option(text: str, correct: bool, feedback: str) -> Option:
    return Option(text=text, correct=correct, feedback=feedback)


AWKWARD = Quiz(path="awkward.quiz.yml", questions=(
    Question(id="awkward-single", type="single", level="recall", section="s", line=1,
             stem="[html] Which: of {these} = #1 ~ or \\n not? It's \"this\" -- & <b>",
             options=(option("[html]<b>bold</b>", False, "[markdown] *not* emphasis"),
                      option("1. Not a list & &amp; no <i>tag</i>", False,
                             "- not a bullet, [a](link) or `code`... as typed"),
                      option("%50% of cases", True, "[plain] stays, 100% = right"),
                      option("[moodle]", False, "[notaformat] is kept as it is"),
                      option("[html", False, "a back\\slash \\\\ and \\: stay"))),
    Question(id="awkward-multiple", type="multiple", level="apply", section="s", line=2,
             stem="Pick: all", options=(option("%33% first", True, "[html]why"),
                                        option("[plain]second", True, "why: two"),
                                        option("third", False, "%-100% why not"))),
    Question(id="awkward-true-false", type="true-false", level="recall", section="s", line=3,
             stem="True or false?", options=(option("True", False, "[html]wrong: #1"),
                                             option("False", True, "[markdown]right ~ {x}"))),
))
AWKWARD_TITLES = ["Part 1/2: a\\: b // c", "/Slashes at both ends/", "Back\\slash and \\\\"]


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_moodle_reads_awkward_texts_and_titles_exactly(title):
    book = "A book: with/slash"
    moodle_reads_the_quizzes(gift_file([(title, AWKWARD)], book), [(title, AWKWARD)], book)


# The Canvas packages.

CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
IMSCP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
IMSMD = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"
QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "true-false": "true_false_question"}
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def package(chapter: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(QUIZZES / f"{slug(chapter)}-canvas-qti.zip")


def parts(zipped: zipfile.ZipFile) -> dict[str, ET.Element]:
    """The package's manifest, quiz settings and assessment, as Canvas looks them up."""
    manifest = ET.fromstring(zipped.read("imsmanifest.xml"))
    resource = manifest.find(f"{IMSCP}resources/{IMSCP}resource[@type='imsqti_xmlv1p2']")
    assessment = resource.find(f"{IMSCP}file").get("href")
    meta = manifest.find(f"{IMSCP}resources/{IMSCP}resource[@identifier="
                         f"'{resource.find(f'{IMSCP}dependency').get('identifierref')}']")
    return {"manifest": manifest, "assessment": ET.fromstring(zipped.read(assessment)),
            "meta": ET.fromstring(zipped.read(meta.get("href")))}


def html_text(mattext: ET.Element) -> str:
    """What Canvas shows of an HTML field: tags dropped, entities read, spaces collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", mattext.text or "")).split())


def is_practice_quiz(meta: ET.Element, title: str) -> None:
    assert meta.findtext(f"{CANVAS}title") == f"Self-check: {title}"
    assert meta.findtext(f"{CANVAS}quiz_type") == "practice_quiz"
    assert meta.findtext(f"{CANVAS}allowed_attempts") == "-1"
    assert meta.find(f"{CANVAS}assignment") is None, "a graded assignment in the gradebook"
    assert meta.find(f"{CANVAS}assignment_group_identifierref") is None


def is_cc_by(manifest: ET.Element) -> None:
    rights = manifest.find(f"{IMSCP}metadata/{IMSMD}lom/{IMSMD}rights")
    description = rights.findtext(f"{IMSMD}description/{IMSMD}string")
    assert "CC BY 4.0" in description and CC_BY in description, description
    assert rights.findtext(f"{IMSMD}copyrightAndOtherRestrictions/{IMSMD}value") == "yes"
    assert "Private" not in ET.tostring(manifest, encoding="unicode")


def items_are_the_bank(assessment: ET.Element, quiz: Quiz) -> None:
    fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
              for f in assessment.find(f"{QTI}assessment/{QTI}qtimetadata")}
    assert fields["cc_maxattempts"] == "unlimited"
    items = list(assessment.iter(f"{QTI}item"))
    assert [item.get("title") for item in items] == [q.id for q in quiz.questions]
    for item, want in zip(items, quiz.questions):
        assert item.find(f".//{QTI}fieldentry").text == QTI_TYPES[want.type], want.id
        stem = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert html_text(stem) == want.stem, want.id
        labels = item.findall(f".//{QTI}response_label")
        idents = [label.get("ident") for label in labels]
        assert [html_text(label.find(f".//{QTI}mattext")) for label in labels] == \
            [o.text for o in want.options], want.id
        feedback = {fb.get("ident"): html_text(fb.find(f".//{QTI}mattext"))
                    for fb in item.findall(f"{QTI}itemfeedback")}
        assert [feedback[f"{i}_fb"] for i in idents] == [o.feedback for o in want.options]
        scoring = [c for c in item.iter(f"{QTI}respcondition")
                   if c.find(f"{QTI}setvar") is not None]
        assert len(scoring) == 1, want.id
        condition = scoring[0].find(f"{QTI}conditionvar")
        required = condition.find(f"{QTI}and") if want.type == "multiple" else condition
        credited = {v.text for v in required.findall(f"{QTI}varequal")}
        assert credited == {i for i, o in zip(idents, want.options) if o.correct}, want.id


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_canvas_package_is_an_ungraded_practice_quiz(chapter):
    with package(chapter) as zipped:
        is_practice_quiz(parts(zipped)["meta"], chapter_title(chapter))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_canvas_manifest_gives_the_texts_licence(chapter):
    with package(chapter) as zipped:
        is_cc_by(parts(zipped)["manifest"])


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_canvas_items_are_titled_by_id_and_match_the_bank(chapter):
    with package(chapter) as zipped:
        items_are_the_bank(parts(zipped)["assessment"], BANKS[chapter])


def carries_no_build_time(zipped: zipfile.ZipFile) -> None:
    assert {entry.date_time for entry in zipped.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    manifest = zipped.read("imsmanifest.xml").decode("utf-8")
    assert "dateTime" not in manifest and "lifeCycle" not in manifest


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_canvas_package_carries_no_build_time(chapter):
    with package(chapter) as zipped:
        carries_no_build_time(zipped)


def test_canvas_package_of_awkward_texts_reads_as_written_and_is_reproducible():
    first = canvas_package(AWKWARD_TITLES[0], AWKWARD, "Book")
    assert canvas_package(AWKWARD_TITLES[0], AWKWARD, "Book") == first
    with zipfile.ZipFile(io.BytesIO(first)) as zipped:
        carries_no_build_time(zipped)
        got = parts(zipped)
    is_practice_quiz(got["meta"], AWKWARD_TITLES[0])
    is_cc_by(got["manifest"])
    items_are_the_bank(got["assessment"], AWKWARD)
