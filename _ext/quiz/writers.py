"""How quiz nodes look on the web and in print.

Web: each question is a plain lettered list with its answer in a ``<details>``
element, so without JavaScript the quiz reads as a list and every answer is one
click away. ``static/quiz.js`` then adds the answer controls, feedback and score.

Print and EPUB: questions with lettered options; ``MoveAnswersToAnswerKey`` lifts
every answer out of the chapter's quiz into an "Answer key" section at the end of
the chapter, so no answer is printed beside its question (the EPUB has no script
and no "Show the answer" control: it reads like print).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from latex_text import latex_escape

from .doctree import quiz_answer, quiz_answer_key, quiz_block, quiz_intro, quiz_question

ANSWER_KEY_TITLE = "Answer key"
PRINTED_KEY_NOTE = ("In print, the answer key of each chapter's quiz is printed at the end "
                    "of that chapter. The website version of this page lists every key and "
                    "offers the Moodle (GIFT) and Canvas (QTI) files.")
EPUB_KEY_NOTE = ("In this EPUB edition, the answer key of each chapter’s quiz is at the end "
                 "of that chapter. The website version of this page lists every key and "
                 "offers the Moodle (GIFT) and Canvas (QTI) files.")
# The builders whose chapters end with their quiz's answer key, and what the
# instructors' key page says instead of repeating every key.
KEY_AT_CHAPTER_END = {"latex": PRINTED_KEY_NOTE, "epub": EPUB_KEY_NOTE}


def _html_attributes(node: nodes.Element) -> dict[str, str]:
    return {"data-quiz-type": node["qtype"], "data-quiz-level": node["level"],
            "data-quiz-correct": " ".join(str(i) for i in node["correct"])}


def visit_block_html(self, node: quiz_block) -> None:
    self.body.append(self.starttag(node, "div", **{"data-quiz-count": str(node["count"]),
                                                   "data-quiz-minutes": str(node["minutes"])}))


def visit_intro_html(self, node: quiz_intro) -> None:
    words = node["print"] if node.get("key_at_chapter_end") else node["web"]
    self.body.append(f'<p class="quiz-intro">{self.encode(words)}</p>\n')
    raise nodes.SkipNode


def visit_question_html(self, node: quiz_question) -> None:
    self.body.append(self.starttag(node, "div", **_html_attributes(node)))


def visit_answer_html(self, node: quiz_answer) -> None:
    if not node["collapsed"]:
        self.body.append(self.starttag(node, "div"))
        return
    self.body.append(self.starttag(node, "details"))
    self.body.append('<summary>Show the answer to question '
                     f'{node["number"]}</summary>\n')


def depart_answer_html(self, node: quiz_answer) -> None:
    self.body.append("</details>\n" if node["collapsed"] else "</div>\n")


def depart_div_html(self, node) -> None:
    self.body.append("</div>\n")


def visit_intro_latex(self, node: quiz_intro) -> None:
    self.body.append("\n" + latex_escape(node["print"]) + "\n\n")
    raise nodes.SkipNode


def visit_question_latex(self, node: quiz_question) -> None:
    # Keep a question's stem with the start of its options.
    self.body.append("\n\\needspace{6\\baselineskip}\n")


def visit_answer_latex(self, node: quiz_answer) -> None:
    self.body.append("\n\\needspace{4\\baselineskip}\n")


def do_nothing(self, node) -> None:
    pass


class MoveAnswersToAnswerKey(SphinxPostTransform):
    """In print and in the EPUB, gather a chapter's answers into an "Answer key"
    section at its end, shown open; the quiz's intro then says where they are."""

    builders = tuple(KEY_AT_CHAPTER_END)
    default_priority = 900  # after references are resolved (priority 10)

    def run(self, **kwargs) -> None:
        for block in list(self.document.findall(quiz_block)):
            for intro in block.findall(quiz_intro):
                intro["key_at_chapter_end"] = True
            chapter = _chapter_section(block)
            key = nodes.section(ids=[f"answer-key-{block['quiz_id']}"],
                                names=[f"answer key {block['quiz_id']}"])
            title = nodes.title(text=ANSWER_KEY_TITLE)
            number = _next_section_number(self.env.toc_secnumbers.get(self.env.docname, {}))
            if number:  # LaTeX numbers sections itself; HTML (the EPUB) reads this
                title["secnumber"] = number
            key += title
            for answer in list(block.findall(quiz_answer)):
                answer.parent.remove(answer)
                answer["collapsed"] = False
                key += answer
            chapter += key


def _next_section_number(numbers: dict[str, tuple[int, ...]]) -> tuple[int, ...] | None:
    """The number of a new last section of a numbered chapter: 3.10 after 3.9. Sphinx
    numbered the sections when it read the chapter; without this the HTML writer
    would give the key the chapter's own number."""
    chapter = numbers.get("")
    if not chapter:
        return None
    last = max((n[len(chapter)] for n in numbers.values()
                if len(n) == len(chapter) + 1 and n[:len(chapter)] == chapter), default=0)
    return (*chapter, last + 1)


def _chapter_section(node: nodes.Node) -> nodes.Element:
    """The top section of the document (chapter) that holds this node."""
    top = node
    while top.parent is not None and not isinstance(top.parent, (addnodes.start_of_file,
                                                                 nodes.document)):
        top = top.parent
    return top if isinstance(top, nodes.section) else top.parent


HTML = {
    quiz_block: (visit_block_html, depart_div_html),
    quiz_intro: (visit_intro_html, None),
    quiz_question: (visit_question_html, depart_div_html),
    quiz_answer: (visit_answer_html, depart_answer_html),
}
LATEX = {
    quiz_block: (do_nothing, do_nothing),
    quiz_intro: (visit_intro_latex, None),
    quiz_question: (visit_question_latex, do_nothing),
    quiz_answer: (visit_answer_latex, do_nothing),
}


def register_nodes(app) -> None:
    app.add_node(quiz_answer_key)  # a placeholder: FillAnswerKey replaces it in every output
    for node_class in HTML:
        app.add_node(node_class, html=HTML[node_class], latex=LATEX[node_class],
                     text=(do_nothing, do_nothing))
