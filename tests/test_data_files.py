"""Every data file the notebooks plot is cited row by row and parses cleanly;
bad rows are refused with the file, row and column named."""

from __future__ import annotations

import pytest

from book_data import DataFileError, bibliography_keys, load_results
from conftest import REPO

DATA_FILES = sorted((REPO / "data").glob("*.csv"))
HEADER = ("citation_key,condition,outcome,measure,unit,arm,week,estimate,error,"
          "error_kind,source_location\n")
GOOD_ROW = ("rabago2013dextrose,knee osteoarthritis,WOMAC composite,mean improvement,"
            "points,Dextrose,5,7.94,3.21,SE,\"Table 4, Week 5\"\n")


def test_there_are_data_files():
    assert DATA_FILES


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_loads_with_sources(path):
    rows = load_results(path)
    keys = bibliography_keys()
    assert all(r.citation_key in keys and r.source_location for r in rows)


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
     "bad.csv, row 2, column error_kind: 'SEM' is not one of SE, SD, none"),
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
