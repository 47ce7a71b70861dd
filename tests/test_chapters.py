"""Every teaching chapter meets the chapter standard.

All: objectives (3-5, measurable verbs), a computed time to read, a summary,
1,200-2,500 words of prose, glossary terms and distinct works cited in the body.
Mechanism chapters also have a schematic figure and an evidence-status table;
clinical and evidence chapters state when the evidence was reviewed, have a
captioned table or figure, and cite at least five works.
"""

from __future__ import annotations

import re
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import HTML_DIR, REPO

PART = "How prolotherapy is thought to work"
VERBS = {"explain", "compare", "distinguish", "evaluate", "describe", "identify", "interpret",
         "outline", "summarise", "apply", "analyse", "justify", "contrast", "assess", "list",
         "define", "read", "critique", "classify"}
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def part_chapters(caption: str) -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    for part in toc.get("parts", []):
        if part.get("caption") == caption:
            return [c["file"] for c in part["chapters"]]
    return []


def book_chapters(*captions: str) -> list[str]:
    """Chapters written in Markdown (notebooks have tests of their own)."""
    return [c for caption in captions for c in part_chapters(caption) if c.startswith("book/")]


MECHANISM = book_chapters(PART)
CLINICAL = book_chapters("Clinical practice", "Reading the evidence")
CHAPTERS = MECHANISM + CLINICAL
MINIMUM_WORKS = {**{c: 4 for c in MECHANISM}, **{c: 5 for c in CLINICAL}}


def source(chapter: str) -> str:
    return (REPO / f"{chapter}.md").read_text(encoding="utf-8")


def slug(chapter: str) -> str:
    """book/injection -> injection (also the name of its quiz, handout and exports)."""
    return chapter.split("/")[-1]


def chapter_title(chapter: str) -> str:
    return re.search(r"^# (.+)$", source(chapter), flags=re.M).group(1)


def squash(text: str) -> str:
    """Letters and digits only: PDF text breaks and hyphenates lines anywhere."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def html(chapter: str) -> BeautifulSoup:
    return BeautifulSoup((HTML_DIR / f"{chapter}.html").read_text(encoding="utf-8"), "html.parser")


def body_before_references(text: str) -> str:
    return text.split("\n## References", 1)[0]


def test_parts_have_their_chapters():
    assert len(MECHANISM) == 5, f"part {PART!r} lists {MECHANISM}"
    assert [c.split("/")[-1] for c in CLINICAL] == [
        "conditions-evidence", "conditions-tendons", "procedure-recovery", "safety",
        "reading-evidence"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_objectives_are_three_to_five_measurable(chapter):
    block = re.search(r":::\{admonition\} Learning objectives\n(.*?)\n:::", source(chapter), re.S)
    assert block, "no Learning objectives admonition"
    verbs = re.findall(r"^\d+\. \*\*(\w+)\*\*", block.group(1), flags=re.M)
    assert 3 <= len(verbs) <= 5, f"{len(verbs)} objectives"
    assert {v.lower() for v in verbs} <= VERBS, f"unmeasurable verbs: {set(v.lower() for v in verbs) - VERBS}"


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_time_to_read_is_computed_near_the_top(chapter):
    text = source(chapter)
    assert ":::{reading-time}" in text[:2500], "reading-time directive missing from the top"
    shown = html(chapter).select_one("p.reading-time")
    assert shown is not None
    minutes, words, rate = map(int, re.search(
        r"about (\d+) minutes \(([\d,]+) words at (\d+) a minute", shown.get_text().replace(",", "")
    ).groups())
    assert minutes == max(1, -(-words // rate))
    # A study rate for dense academic text: well under the 238 words a minute of
    # ordinary silent reading of non-fiction (Brysbaert 2019).
    assert 90 <= rate <= 160
    # Everything studied counts (prose, tables, figure captions); the quiz, the
    # references and code do not.
    assert abs(words - studied_words(chapter)) <= 0.05 * words, (words, studied_words(chapter))


def studied_words(chapter: str) -> int:
    """The words of the article a student studies, counted from the web page; in-text
    citations ("Rabago et al., 2013") are left out, as the build counts before they exist."""
    article = html(chapter).select_one("article.bd-article")
    for unwanted in article.select("div.quiz, div.citation-list, section#references, "
                                   ".bibliography, pre, .reading-time, .handout-link, "
                                   "a.headerlink, .cell_input, span.bibtex-citation"):
        unwanted.decompose()
    return len(re.findall(r"[A-Za-z0-9À-ɏͰ-Ͽ]+(?:[-'’][A-Za-z0-9]+)*", article.get_text(" ")))


def prose_words(chapter: str) -> int:
    """Words of running prose: paragraphs and list items of the article, leaving out
    tables, figures, the objectives box, the reading-time line, the quiz and the
    reference list."""
    article = html(chapter).select_one("article.bd-article")
    for unwanted in article.select("table, figure, .admonition, .reading-time, "
                                   "div.citation-list, section#references, .bibliography, div.quiz"):
        unwanted.decompose()
    blocks = article.select("p, li")
    text = " ".join(b.get_text(" ") for b in blocks if not b.find_parent("li") or b.name == "li")
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", text))


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.usefixtures("site")  # reads the built site
def test_prose_length_is_in_range(chapter):
    words = prose_words(chapter)
    assert 1200 <= words <= 2500, f"{words} words of prose"


@pytest.mark.parametrize("chapter", MECHANISM)
@pytest.mark.usefixtures("site")  # reads the built site
def test_has_a_schematic_figure_with_alt_text(chapter):
    page = html(chapter)
    figures = page.select("figure")
    assert figures, "no figure"
    for figure in figures:
        image = figure.find("img")
        caption = " ".join(figure.find("figcaption").get_text(" ").split())
        alt = image.get("alt", "")
        assert len(alt.split()) >= 15, f"alt text has {len(alt.split())} words"
        assert alt.strip() not in caption, "alt text repeats the caption"
        assert "Schematic" in caption
        svg = (HTML_DIR / chapter).parent / image["src"]
        assert svg.suffix == ".svg" and svg.exists(), "figure is not the vector SVG"


@pytest.mark.parametrize("chapter", MECHANISM)
def test_has_evidence_status_table_and_summary(chapter):
    text = source(chapter)
    assert "## What is established, suggested or hypothesised" in text
    assert re.search(r"^\| Claim \| Status \| Kind of evidence \| Source \|", text, re.M)
    statuses = set(re.findall(r"\| (Established|Suggested|Hypothesised) \|", text))
    assert len(statuses) >= 2, "the table should separate at least two levels of evidence"
    assert "\n## Summary\n" in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_cites_enough_distinct_works_in_the_body(chapter):
    """Body text only: citations inside tables do not count."""
    body = "\n".join(line for line in body_before_references(source(chapter)).splitlines()
                     if not line.lstrip().startswith("|"))
    keys = {k.strip() for group in CITE.findall(body) for k in group.split(",")}
    assert len(keys) >= MINIMUM_WORKS[chapter], f"only {sorted(keys)}"


def evidence_review_date() -> str:
    """The one place the search date is recorded: a substitution in _config.yml."""
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    return config["parse"]["myst_substitutions"]["evidence_reviewed_to"]


@pytest.mark.parametrize("chapter", CLINICAL + ["book/evidence-review"])
@pytest.mark.usefixtures("site")  # reads the built site
def test_says_when_the_evidence_was_reviewed(chapter):
    """From the one recorded date, never typed into a chapter."""
    top = source(chapter)[:3000]
    assert "*Evidence reviewed to: {{ evidence_reviewed_to }}.*" in top
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", evidence_review_date())
    shown = " ".join(html(chapter).select_one("article.bd-article").get_text(" ").split())
    assert f"Evidence reviewed to: {evidence_review_date()}." in shown


@pytest.mark.parametrize("chapter", CLINICAL)
@pytest.mark.usefixtures("site")  # reads the built site
def test_has_a_captioned_table_or_figure_and_a_summary(chapter):
    page = html(chapter)
    captioned = [t for t in page.select("table") if t.find("caption")]
    figures = [f for f in page.select("figure") if len(f.find("img").get("alt", "").split()) >= 15]
    assert captioned or figures, "no captioned table and no figure with alt text"
    assert "\n## Summary\n" in source(chapter)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_uses_glossary_terms(chapter):
    assert len(re.findall(r"\{term\}`", source(chapter))) >= 3


def test_glossary_has_at_least_25_terms_all_used():
    glossary = (REPO / "book" / "glossary.md").read_text(encoding="utf-8")
    terms = re.findall(r"^([A-Za-z0-9][^\n]*)\n   \S", glossary, flags=re.M)
    assert len(terms) >= 25, f"{len(terms)} glossary terms"
    used = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "book").glob("*.md")
                    if p.name != "glossary.md").lower()
    unused = [t for t in terms if f"{{term}}`{t.lower()}`" not in used
              and not re.search(r"\{term\}`[^`<]*<" + re.escape(t.lower()) + ">`", used)]
    assert unused == [], f"glossary terms never used with {{term}}: {unused}"


def test_no_citation_inside_a_figure_caption():
    """A citation link in a LaTeX caption (a moving argument) stops the PDF build with
    "Argument of \\Hy@tempa has an extra }"; captions point to the text instead."""
    offenders = []
    for page in (REPO / "book").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for figure in re.findall(r":::\{figure\}.*?\n:::", text, re.S):
            if "{cite" in figure:
                offenders.append(page.name)
        for caption in re.findall(r"^:::\{table\}(.*)$", text, re.M):  # table captions too
            if "{cite" in caption:
                offenders.append(page.name)
    assert offenders == []
