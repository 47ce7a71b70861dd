"""Every data file the notebooks plot is cited row by row and parses cleanly;
bad rows are refused with the file, row and column named."""

from __future__ import annotations

import pytest

from book_data import DataFileError, load_results
from conftest import REPO

ALL_DATA_FILES = sorted((REPO / "data").glob("*.csv"))
TIMESCALE_FILE = REPO / "data" / "repair_timescales.csv"  # its own layout: test_recovery_timeline
EVIDENCE_FILE = REPO / "data" / "clinical_evidence.csv"  # its own layout: test_clinical_evidence
DATA_FILES = [p for p in ALL_DATA_FILES if p not in (TIMESCALE_FILE, EVIDENCE_FILE)]
HEADER = ("citation_key,condition,outcome,measure,unit,arm,week,estimate,error,"
          "error_kind,source_location\n")
GOOD_ROW = ("rabago2013dextrose,knee osteoarthritis,WOMAC composite,mean improvement,"
            "points,Dextrose,5,7.94,3.21,SE,\"Table 4, Week 5\"\n")


def test_there_are_data_files():
    assert DATA_FILES


def test_every_data_file_has_a_checking_loader():
    """A CSV that no loader reads would reach a figure unchecked."""
    for path in ALL_DATA_FILES:
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("citation_key,") or path in (TIMESCALE_FILE, EVIDENCE_FILE), (
            f"{path.name}: not in the results layout; give it a loader and a test")


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_loads(path):
    """The loader refuses a row without a known citation key or a source location
    (test_bad_row_is_refused_with_file_row_and_column): loading is the check."""
    assert load_results(path)


def test_rabago_table_4_values():
    rows = {(r.arm, r.week): r for r in load_results(REPO / "data" / "rabago2013_womac.csv")}
    assert len(rows) == 15
    assert (rows["Dextrose", 52].estimate, rows["Dextrose", 52].error) == (15.32, 3.32)
    assert (rows["Saline", 52].estimate, rows["Exercise", 9].estimate) == (7.59, 2.51)
    assert {r.error_kind for r in rows.values()} == {"SE"}


def write(tmp_path, text):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_fixture_row_loads(tmp_path):
    assert load_results(write(tmp_path, HEADER + GOOD_ROW))[0].estimate == 7.94


@pytest.mark.parametrize("broken_row, message", [
    (GOOD_ROW.replace("rabago2013dextrose", "nosuch2099"),
     "bad.csv, row 2, column citation_key: 'nosuch2099' is not in references.bib"),
    (GOOD_ROW.replace(",7.94,", ",seven,"),
     "bad.csv, row 2, column estimate: 'seven' is not a number"),
    (GOOD_ROW.replace(",SE,", ",SEM,"),
     "bad.csv, row 2, column error_kind: 'SEM' is not one of SE, SD, 95% CI, none"),
    (GOOD_ROW.replace(",3.21,SE,", ",,SE,"),
     "bad.csv, row 2, column error_kind: 'SE' needs error, but the row gives none"),
    (GOOD_ROW.replace('"Table 4, Week 5"', '""'),
     "bad.csv, row 2, column source_location: empty"),
    (GOOD_ROW.replace(",3.21,", ",-3.21,"),
     "bad.csv, row 2, column error: a spread cannot be negative"),
])
def test_bad_row_is_refused_with_file_row_and_column(tmp_path, broken_row, message):
    with pytest.raises(DataFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_results(write(tmp_path, HEADER + broken_row))


def test_missing_column_is_named(tmp_path):
    with pytest.raises(DataFileError, match="bad.csv: missing column\\(s\\) source_location"):
        load_results(write(tmp_path, HEADER.replace(",source_location", "") + "x\n"))


CI_HEADER = HEADER.replace("error_kind,", "error_kind,lower,upper,")
CI_ROW = ("sit2020efficacy,knee osteoarthritis,WOMAC pain,difference in differences,points,"
          "Dextrose vs saline,52,-10.34,,95% CI,-19.20,-1.49,Abstract\n")


def test_confidence_interval_row_loads_with_its_ends(tmp_path):
    row = load_results(write(tmp_path, CI_HEADER + CI_ROW))[0]
    assert (row.error, row.lower, row.upper) == (None, -19.20, -1.49)
    assert row.interval == (-19.20, -1.49)


@pytest.mark.parametrize("rows, message", [
    ([CI_ROW.replace(",-10.34,", ",-25.0,")],
     "bad.csv, row 2, column estimate: -25 lies outside its interval -19.2 to -1.49"),
    ([CI_ROW.replace(",,95% CI,", ",4.5,95% CI,")],
     "bad.csv, row 2, column error_kind: '95% CI' needs lower and upper, but the row gives "
     "error and lower and upper"),
    ([CI_ROW.replace(",-1.49,", ",,")],
     "bad.csv, row 2, column error_kind: '95% CI' needs lower and upper, but the row gives lower"),
    ([CI_ROW.replace(",-19.20,", ",minus nineteen,")],
     "bad.csv, row 2, column lower: 'minus nineteen' is not a number"),
    ([CI_ROW, CI_ROW.replace("difference in differences", "mean change")],
     "bad.csv, row 3, column measure: 'WOMAC pain' of sit2020efficacy has 'mean change' here "
     "but 'difference in differences' in row 2"),
    ([CI_ROW, CI_ROW.replace(",points,", ",% change,")],
     "bad.csv, row 3, column unit: 'WOMAC pain' of sit2020efficacy has '% change' here but "
     "'points' in row 2"),
    ([CI_ROW, CI_ROW],
     "bad.csv, row 3, column week: Dextrose vs saline, WOMAC pain, week 52 is already in row 2"),
])
def test_inconsistent_or_impossible_rows_are_refused(tmp_path, rows, message):
    with pytest.raises(DataFileError) as error:
        load_results(write(tmp_path, CI_HEADER + "".join(rows)))
    assert str(error.value) == message


def test_a_result_row_names_exactly_one_work(tmp_path):
    two = GOOD_ROW.replace("rabago2013dextrose,", "rabago2013dextrose; sit2020efficacy,", 1)
    with pytest.raises(DataFileError, match="column citation_key: 'rabago2013dextrose; "
                                           "sit2020efficacy' is not in references.bib"):
        load_results(write(tmp_path, HEADER + two))
