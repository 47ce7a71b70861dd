"""The book's clinical evidence file and what is built from it.

data/clinical_evidence.csv is read by the conditions chapters' generated summary
tables, the evidence map and the osteoarthritis forest plot. These tests check that a
bad row stops everything with file, row and column; that the generated tables show the
file's rows; and that every effect size quoted in the conditions chapters' prose stands
in the rows of the work the sentence cites.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from book_data import DataFileError, bibliography_keys
from conftest import HTML_DIR, REPO
from evidence_data import COLUMNS, CONDITIONS, EVIDENCE_FILE, cells, display_name, load_evidence

EVIDENCE_CHAPTERS = ["book/conditions-evidence", "book/conditions-tendons"]
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


@pytest.fixture(scope="module")
def findings():
    return load_evidence()


def test_every_condition_chapter_section_has_rows(findings):
    conditions = {f.condition for f in findings}
    for must in ("knee osteoarthritis", "chronic low back pain", "lateral elbow pain",
                 "plantar fasciitis", "temporomandibular disorders", "osgood-schlatter disease",
                 "rotator cuff disease", "sacroiliac joint pain"):
        assert must in conditions, must


# Bad rows stop the build, naming file, row and column.

GOOD = dict(condition="knee osteoarthritis", comparison="saline or placebo injection",
            citation_key="sit2020efficacy", design="randomised trial", studies_pooled="",
            participants="76", intervention="Dextrose", comparator="saline",
            outcome="WOMAC pain", time_point="52 weeks", week="52", measure="mean difference",
            scale="points", estimate="-10.34", lower="-19.20", upper="-1.49",
            interval="95% CI", p_value="", direction_reported="favours prolotherapy",
            certainty="not rated", certainty_rated_by="", source_location="Abstract")


def write(tmp_path, *rows: dict, header: tuple = COLUMNS):
    path = tmp_path / "bad.csv"
    lines = [",".join(header)] + [",".join(f'"{row[c]}"' for c in header) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BAD_ROWS = {
    "unknown condition": ({"condition": "knee pain"}, "row 2, column condition: 'knee pain'"),
    "unknown comparison": ({"comparison": "sham"}, "row 2, column comparison: 'sham'"),
    "unknown key": ({"citation_key": "nosuch2099"},
                    "row 2, column citation_key: 'nosuch2099' is not in references.bib"),
    "estimate outside its interval": ({"estimate": "-25"},
                                      "row 2, column estimate: -25 lies outside its interval"),
    "interval with one end": ({"upper": ""}, "row 2, column interval: a 95% CI needs both"),
    "a rating with no rater": ({"certainty": "low"}, "row 2, column certainty_rated_by"),
    "participants not a count": ({"participants": "about 70"},
                                 "row 2, column participants: 'about 70' is not a whole number"),
    "empty source location": ({"source_location": ""}, "row 2, column source_location: empty"),
}


@pytest.mark.parametrize("problem", BAD_ROWS)
def test_bad_row_is_refused_naming_file_row_and_column(tmp_path, problem):
    change, message = BAD_ROWS[problem]
    path = write(tmp_path, {**GOOD, **change})
    with pytest.raises(DataFileError, match=re.escape(f"bad.csv, {message}")):
        load_evidence(path, known_keys=bibliography_keys())


def test_wrong_header_and_duplicate_rows_are_refused(tmp_path):
    with pytest.raises(DataFileError, match="bad.csv: the header must be exactly"):
        load_evidence(write(tmp_path, GOOD, header=COLUMNS[:-1]))
    with pytest.raises(DataFileError, match="bad.csv, row 3, column outcome: the same "
                                            "comparison, outcome and time as row 2"):
        load_evidence(write(tmp_path, GOOD, GOOD))


def test_good_row_loads(tmp_path):
    (row,) = load_evidence(write(tmp_path, GOOD))
    assert (row.estimate, row.lower, row.upper, row.participants) == (-10.34, -19.2, -1.49, 76)


def test_cells_group_by_condition_and_comparison_in_order(findings):
    grid = cells(findings)
    order = [(c.condition, c.comparison) for c in grid]
    assert order == sorted(order, key=lambda pair: CONDITIONS.index(pair[0]))
    knee = next(c for c in grid if c.condition == "knee osteoarthritis"
                and c.comparison == "saline or placebo injection")
    assert "sit2020efficacy" in knee.trials and knee.participants >= 76


# The generated tables.

@pytest.mark.parametrize("chapter", EVIDENCE_CHAPTERS + ["book/evidence-review"])
@pytest.mark.usefixtures("site")  # reads the built site
def test_summary_table_is_generated_from_the_file(chapter, findings):
    page = BeautifulSoup((HTML_DIR / f"{chapter}.html").read_text(encoding="utf-8"),
                         "html.parser")
    table = page.select_one("table.evidence-summary")
    assert table is not None and table.find("caption"), "no generated summary table"
    text = " ".join(table.get_text(" ").split())
    assert "Compared with" in text and "Certainty as rated" in text
    source = (REPO / f"{chapter}.md").read_text(encoding="utf-8")
    listed = re.search(r":conditions: (.+)", source)
    wanted = [c.strip() for c in listed.group(1).split(",")] if listed else list(
        {f.condition for f in findings})
    for condition in wanted:
        assert display_name(condition) in text, condition


# Numbers in prose come from the data file.

def quoted_numbers(sentence: str) -> list[float]:
    """Effect sizes, intervals, p values and percentages in a sentence (not '95% CI' or
    thresholds such as '50%'): every number with a decimal point, and whole percentages."""
    plain = sentence.replace("\u2212", "-")
    plain = re.sub(r"95%\s*(CI|confidence)", "", plain)
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", plain)]
    numbers += [float(n) for n in re.findall(r"(?<![\d.])(\d+)%", plain) if n not in ("50",)]
    return numbers


def sentences_citing(text: str) -> list[tuple[str, list[str]]]:
    text = re.sub(r"\n(?!\n)", " ", text)
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z*(\[{])", text)
    return [(p, [k.strip() for g in CITE.findall(p) for k in g.split(",")])
            for p in pieces if CITE.search(p) and not p.lstrip().startswith("|")]


def unsupported_numbers(text: str, findings) -> list[str]:
    recorded: dict[str, set[float]] = {}
    for f in findings:
        recorded.setdefault(f.citation_key, set()).update(
            float(n.replace("\u2212", "-")) for n in f.reported_numbers
            if re.fullmatch(r"-?\d+(\.\d+)?", n.replace("\u2212", "-")))
    problems = []
    for sentence, keys in sentences_citing(text):
        allowed = set().union(*(recorded.get(k, set()) for k in keys))
        for number in quoted_numbers(sentence):
            if not any(abs(number - a) < 1e-9 for a in allowed):
                problems.append(f"{number:g} (cites {', '.join(keys)}): {sentence[:120]}…")
    return problems


def test_the_number_check_catches_a_number_that_is_not_in_the_rows(findings):
    good = "The difference was −10.34 points (95% CI −19.20 to −1.49) {cite:p}`sit2020efficacy`."
    assert unsupported_numbers(good, findings) == []
    bad = "The difference was −12.5 points {cite:p}`sit2020efficacy`."
    assert unsupported_numbers(bad, findings) == [
        "-12.5 (cites sit2020efficacy): " + bad[:120] + "…"]


@pytest.mark.parametrize("chapter", EVIDENCE_CHAPTERS)
def test_numbers_quoted_in_prose_stand_in_the_cited_works_rows(chapter, findings):
    text = (REPO / f"{chapter}.md").read_text(encoding="utf-8")
    body = text.split("## Summary table")[0]
    assert unsupported_numbers(body, findings) == []


def test_evidence_file_is_the_one_the_book_uses():
    assert EVIDENCE_FILE == REPO / "data" / "clinical_evidence.csv"
