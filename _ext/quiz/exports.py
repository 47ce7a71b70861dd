"""Write the quizzes for learning management systems: Moodle GIFT and Canvas QTI.

GIFT is plain text written here, the way Moodle's importer reads it
(``question/format/gift/format.php``): escapes in question text, none in
``$CATEGORY:`` lines (Moodle never decodes them there), a ``// [id:...]`` line
that fills each question's ID number.

The Canvas package is made by ``text2qti`` through its Python API (its command
line asks for a configuration on first run): we write text2qti's plain-text quiz
format, text2qti writes the QTI XML and the ``.zip``. text2qti has no options for
the rest, so its XML is then edited: a practice quiz (ungraded, unlimited
attempts) instead of a graded assignment, the text's licence (CC BY 4.0) in the
manifest, and no build date or file times, so the same questions give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from xml.dom import minidom
from xml.dom.minidom import Document, Element

import text2qti
from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz as Text2qtiQuiz

from .bank import Question, Quiz

EXPORT_DIR = "quizzes"
ALL_QUIZZES_GIFT = "all-quizzes.gift"
GIFT_LABEL, CANVAS_LABEL = "Moodle (GIFT)", "Canvas (QTI .zip)"
STAMP = ".source"  # what the files in EXPORT_DIR were made from
CODE = [Path(__file__), Path(__file__).with_name("bank.py")]

# Moodle accepts only these partial-credit percentages; one per number of right options.
MOODLE_WEIGHTS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}
GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
# Every character text2qti's Markdown (Python-Markdown, its smarty and tables extensions)
# lets a backslash escape: escaped, none starts a list, a link, emphasis or a curly quote.
MARKDOWN_SPECIAL = re.compile(r"""([\\`*_{}\[\]()>#+\-.!|'"])""")

LICENCE = "CC Attribution 4.0 (CC BY 4.0) - https://creativecommons.org/licenses/by/4.0/"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry


def export_names(quiz_id: str) -> dict[str, str]:
    """A chapter's export files, from the site's root."""
    return {GIFT_LABEL: f"{EXPORT_DIR}/{quiz_id}.gift",
            CANVAS_LABEL: f"{EXPORT_DIR}/{quiz_id}-canvas-qti.zip"}


# Moodle GIFT.

def gift_escape(text: str) -> str:
    return GIFT_SPECIAL.sub(r"\\\1", text)


def gift_text(text: str) -> str:
    """An option or feedback. Moodle reads a leading ``[html]``, ``[plain]``, ``[moodle]``
    or ``[markdown]`` as the text's format and drops it, and a leading ``%50%`` as an
    option's weight; GIFT has no escape for either. A ``[plain]`` of our own in front is
    read and dropped instead, so such a text arrives whole."""
    escaped = gift_escape(text)
    return f"[plain]{escaped}" if text.startswith(("[", "%")) else escaped


def gift_question(question: Question) -> str:
    head = (f"// [id:{question.id}]\n"
            f"::{gift_escape(question.id)}::[plain]{gift_escape(question.stem)}")
    if question.type == "true-false":
        true, false = question.options
        answer = "TRUE" if true.correct else "FALSE"
        right, wrong = (true, false) if true.correct else (false, true)
        # GIFT: {TRUE#feedback for a wrong answer#feedback for a right answer}
        return f"{head} {{{answer}#{gift_text(wrong.feedback)}#{gift_text(right.feedback)}}}"
    lines = [head + " {"]
    weight = MOODLE_WEIGHTS[sum(o.correct for o in question.options)]
    for option in question.options:
        if question.type == "single":
            mark = "=" if option.correct else "~"
        else:
            mark = f"~%{weight}%" if option.correct else "~%-100%"
        lines.append(f"{mark}{gift_text(option.text)} #{gift_text(option.feedback)}")
    lines.append("}")
    return "\n".join(lines)


def gift_category(*names: str) -> str:
    """A category path as Moodle's own exporter writes it (assemble_category_path in
    question/format.php): names not GIFT-escaped, '/' in a name doubled. Only a
    backslash needs doubling: the importer reads ``\\\\`` as one and would turn
    ``\\:`` into a placeholder it never decodes."""
    parts = []
    for name in names:
        part = name.replace("\\", "\\\\").replace("/", "//")
        parts.append(f"{' ' if part.startswith('/') else ''}{part}"
                     f"{' ' if part.endswith('/') else ''}")
    return "$CATEGORY: " + "/".join(["$course$", *parts])


def gift_file(quizzes: list[tuple[str, Quiz]], book_title: str) -> str:
    """One GIFT file; each chapter's questions in a category named after the chapter."""
    parts = [f"// Self-check quizzes from “{book_title}” (text CC BY 4.0).",
             "// Import in Moodle: Question bank > Import > GIFT format.", ""]
    for title, quiz in quizzes:
        parts += [gift_category(book_title, title), ""]
        for question in quiz.questions:
            parts += [gift_question(question), ""]
    return "\n".join(parts)


# Canvas QTI.

def markdown_escape(text: str) -> str:
    """Plain text that text2qti shows as written. A backslash does not escape '&' or '<'
    in Markdown: they are written as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def text2qti_source(title: str, quiz: Quiz, book_title: str) -> str:
    """The quiz in text2qti's plain-text format; each item titled with its question id."""
    lines = [f"Quiz title: Self-check: {title}",  # shown as written, not Markdown
             f"Quiz description: Formative self-check from {markdown_escape(book_title)} "
             "(text CC BY 4.0).", ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines.append(f"Title: {question.id}")
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


def practice_quiz(meta: Document) -> None:
    """assessment_meta.xml: a practice quiz with unlimited attempts and no assignment,
    so nothing reaches the gradebook (as Canvas exports an ungraded practice quiz)."""
    set_text(the(meta, CANVAS, "quiz_type"), "practice_quiz")
    set_text(the(meta, CANVAS, "allowed_attempts"), "-1")
    for tag in ("assignment", "assignment_group_identifierref"):
        for element in meta.getElementsByTagNameNS(CANVAS, tag):
            remove(element)


def unlimited_attempts(assessment: Document) -> None:
    """The assessment's own cc_maxattempts, written as Canvas writes it for -1."""
    for field in assessment.getElementsByTagNameNS(QTI_NS, "qtimetadatafield"):
        if text_of(the(field, QTI_NS, "fieldlabel")) == "cc_maxattempts":
            set_text(the(field, QTI_NS, "fieldentry"), "unlimited")


def open_licence(manifest: Document) -> None:
    """The manifest's rights: the text's licence, not text2qti's "Private (Copyrighted)";
    and no date of the day it was built."""
    for life_cycle in manifest.getElementsByTagNameNS(IMSMD, "lifeCycle"):
        remove(life_cycle)
    rights = the(manifest, IMSMD, "rights")
    set_text(the(the(rights, IMSMD, "description"), IMSMD, "string"), LICENCE)


def the(node, namespace: str, tag: str) -> Element:
    """The one element of that name under node."""
    found = node.getElementsByTagNameNS(namespace, tag)
    if len(found) != 1:
        raise ValueError(f"text2qti wrote {len(found)} <{tag}>, expected one")
    return found[0]


def text_of(element: Element) -> str:
    return "".join(child.data for child in element.childNodes if child.nodeType == child.TEXT_NODE)


def set_text(element: Element, text: str) -> None:
    while element.firstChild:
        element.removeChild(element.firstChild)
    element.appendChild(element.ownerDocument.createTextNode(text))


def remove(element: Element) -> None:
    """Remove an element and the indentation before it."""
    before = element.previousSibling
    if before is not None and before.nodeType == before.TEXT_NODE and not before.data.strip():
        element.parentNode.removeChild(before)
    element.parentNode.removeChild(element)


def canvas_edit(name: str):
    if name == "imsmanifest.xml":
        return open_licence
    if name.endswith("/assessment_meta.xml"):
        return practice_quiz
    if name.endswith(".xml"):
        return unlimited_attempts
    return None


def edit_xml(data: bytes, edit) -> bytes:
    """Parsed and written back by xml.dom.minidom, which keeps text2qti's namespace
    prefixes and declarations as they are."""
    document = minidom.parseString(data)
    edit(document)
    return document.toxml(encoding="UTF-8")


def canvas_package(title: str, quiz: Quiz, book_title: str) -> bytes:
    source = text2qti_source(title, quiz, book_title)
    parsed = Text2qtiQuiz(source, config=Config(), source_name=Path(quiz.path).name)
    made = zipfile.ZipFile(io.BytesIO(QTI(parsed).zip_bytes()))
    stream = io.BytesIO()
    with made, zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for entry in made.infolist():
            data, edit = made.read(entry), canvas_edit(entry.filename)
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            fixed.compress_type, fixed.external_attr = entry.compress_type, entry.external_attr
            package.writestr(fixed, edit_xml(data, edit) if edit else data)
    return stream.getvalue()


# The files.

def stamp(chapters: list[tuple[str, str, Quiz]], book_title: str) -> str:
    """What the exports are made from: the questions, the titles and this code."""
    digest = hashlib.sha256(f"text2qti {text2qti.__version__}".encode())
    for path in CODE:
        digest.update(path.read_bytes())
    digest.update(repr((chapters, book_title)).encode("utf-8"))
    return digest.hexdigest()


def write_all(outdir: Path, chapters: list[tuple[str, str, Quiz]], book_title: str) -> None:
    """Write each chapter's GIFT and Canvas files (chapters: quiz id, title, bank) and
    the whole book's GIFT under ``outdir/quizzes``, and delete any file there this
    build did not make (a removed chapter's). Nothing is written when the questions,
    titles and export code are those the files were made from."""
    folder = outdir / EXPORT_DIR
    folder.mkdir(exist_ok=True)
    source, stamp_file = stamp(chapters, book_title), folder / STAMP
    if stamp_file.exists() and stamp_file.read_text(encoding="utf-8") == source:
        return
    files = {f"{EXPORT_DIR}/{ALL_QUIZZES_GIFT}":
             gift_file([(title, quiz) for _, title, quiz in chapters], book_title).encode()}
    for quiz_id, title, quiz in chapters:
        names = export_names(quiz_id)
        files[names[GIFT_LABEL]] = gift_file([(title, quiz)], book_title).encode()
        files[names[CANVAS_LABEL]] = canvas_package(title, quiz, book_title)
    for name, data in files.items():
        (outdir / name).write_bytes(data)
    for old in folder.iterdir():
        if old != stamp_file and f"{EXPORT_DIR}/{old.name}" not in files:
            old.unlink()
    stamp_file.write_text(source, encoding="utf-8")
