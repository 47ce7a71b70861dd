"""The recovery timeline's arithmetic, its parameter checks and its cited time scales."""

from __future__ import annotations

import pytest

from book_data import DataFileError, Timescale, load_timescales
from conftest import REPO
from recovery_timeline import (RABAGO_2013, Schedule, Window, describe_span, summarise,
                               still_running_at_next_session, windows_after_sessions)

TIMESCALE_FILE = REPO / "data" / "repair_timescales.csv"


def scale(window, start, end):
    return Timescale(window, start, end, "test", ("rabago2013dextrose",), "test")


# Round numbers, independent of the book's data file, so the arithmetic is checkable by eye.
SCALES = {
    "soreness": scale("soreness", 0, 7),         # 1 week
    "inflammation": scale("inflammation", 0, 14),  # 2 weeks
    "proliferation": scale("proliferation", 7, 42),  # weeks 1 to 6 after a session
    "remodelling": scale("remodelling", 42, 364),  # weeks 6 to 52 after a session
}


def test_default_schedule_is_rabago_2013():
    assert RABAGO_2013.weeks == (1, 5, 9)


@pytest.mark.parametrize("sessions, spacing, first, weeks", [
    (3, 2, 0, (0, 2, 4)),
    (6, 8, 1, (1, 9, 17, 25, 33, 41)),
    (4, 2.5, 1, (1, 3.5, 6, 8.5)),
])
def test_schedule_weeks(sessions, spacing, first, weeks):
    assert Schedule(sessions, spacing, first).weeks == weeks


def test_phase_windows_for_a_schedule():
    windows = windows_after_sessions(Schedule(3, 4, 1), SCALES)
    assert len(windows) == 3 * 4
    by_key = {(w.session, w.kind): (w.start_week, w.end_week) for w in windows}
    assert by_key[1, "soreness"] == (1, 2)          # first session: starts on its week
    assert by_key[1, "proliferation"] == (2, 7)
    assert by_key[2, "inflammation"] == (5, 7)
    assert by_key[3, "remodelling"] == (15, 61)     # last session: 9 + 6 to 9 + 52


def test_windows_keep_session_then_phase_order():
    windows = windows_after_sessions(Schedule(3, 4, 1), SCALES)
    assert [w.session for w in windows] == [1] * 4 + [2] * 4 + [3] * 4
    assert [w.kind for w in windows[:4]] == ["soreness", "inflammation", "proliferation",
                                            "remodelling"]


def test_what_is_still_running_when_the_next_session_starts():
    running = still_running_at_next_session(windows_after_sessions(Schedule(3, 4, 1), SCALES))
    assert running == {"soreness": [], "inflammation": [], "proliferation": [1, 2],
                       "remodelling": [1, 2]}  # the last session has no next session


def test_a_window_ending_exactly_at_the_next_session_is_not_still_running():
    running = still_running_at_next_session(windows_after_sessions(Schedule(3, 6, 0), SCALES))
    assert running["proliferation"] == []   # ends at week 6, the next session's week
    assert running["remodelling"] == [1, 2]


@pytest.mark.parametrize("a, b, expected", [
    ((0, 2), (1, 3), True),
    ((0, 2), (2, 3), False),   # touching is not overlapping
    ((0, 10), (3, 4), True),   # one inside the other
])
def test_window_overlap(a, b, expected):
    first = Window(1, 0, "proliferation", *a)
    second = Window(2, 0, "proliferation", *b)
    assert first.overlaps(second) is expected and second.overlaps(first) is expected


def test_span_wording():
    assert describe_span(Window(1, 1, "soreness", 1, 1.4286)) == "weeks 1 to 1.4"


@pytest.mark.parametrize("kwargs, message", [
    ({"sessions": 2, "spacing_weeks": 4}, "sessions must be a whole number from 3 to 6; got 2"),
    ({"sessions": 7, "spacing_weeks": 4}, "sessions must be a whole number from 3 to 6; got 7"),
    ({"sessions": 3.5, "spacing_weeks": 4}, "sessions must be a whole number from 3 to 6; got 3.5"),
    ({"sessions": "3", "spacing_weeks": 4}, "sessions must be a whole number from 3 to 6; got '3'"),
    ({"sessions": True, "spacing_weeks": 4}, "sessions must be a whole number from 3 to 6; got True"),
    ({"sessions": 3, "spacing_weeks": 1}, "spacing_weeks must be a number from 2 to 8; got 1"),
    ({"sessions": 3, "spacing_weeks": 9}, "spacing_weeks must be a number from 2 to 8; got 9"),
    ({"sessions": 3, "spacing_weeks": None}, "spacing_weeks must be a number from 2 to 8; got None"),
    ({"sessions": 3, "spacing_weeks": 4, "first_week": -1},
     "first_week must be a number from 0 to 52; got -1"),
])
def test_out_of_range_parameters_are_refused_by_name_and_range(kwargs, message):
    with pytest.raises(ValueError) as error:
        Schedule(**kwargs)
    assert str(error.value) == message


def test_missing_time_scale_is_refused():
    partial = {k: v for k, v in SCALES.items() if k != "remodelling"}
    with pytest.raises(ValueError, match="timescales has no entry for remodelling"):
        windows_after_sessions(RABAGO_2013, partial)


# --- the cited data file -------------------------------------------------------

def test_book_time_scales_load_with_sources():
    scales = load_timescales(TIMESCALE_FILE)
    assert list(scales) == ["soreness", "inflammation", "proliferation", "remodelling"]
    for item in scales.values():
        assert item.source_location and item.basis and item.citation_keys
    # Soreness is days long; remodelling outlasts a 3-session course and the last visit.
    assert scales["soreness"].end_days <= 14
    assert scales["remodelling"].end_days > scales["proliferation"].end_days


HEADER = "window,start_days,end_days,basis,citation_key,source_location\n"
ROWS = {
    "soreness": "soreness,0,3,trial,rabago2013dextrose,Results\n",
    "inflammation": "inflammation,0,7,review,rabago2013dextrose,p 1\n",
    "proliferation": "proliferation,2,42,review,rabago2013dextrose,p 1\n",
    "remodelling": "remodelling,42,365,review,rabago2013dextrose,p 1\n",
}


def write(tmp_path, rows):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_good_time_scale_fixture_loads(tmp_path):
    assert load_timescales(write(tmp_path, ROWS.values()))["proliferation"].end_days == 42


@pytest.mark.parametrize("replace, message", [
    (("inflammation,0,7", "inflamation,0,7"),
     "bad.csv, row 3, column window: 'inflamation' is not one of soreness, inflammation, "
     "proliferation, remodelling"),
    (("proliferation,2,42", "proliferation,2,six weeks"),
     "bad.csv, row 4, column end_days: 'six weeks' is not a number"),
    (("remodelling,42,365", "remodelling,42,30"),
     "bad.csv, row 5, column end_days: a window must satisfy 0 <= start < end "
     "(start 42, end 30)"),
    (("soreness,0,3,trial,rabago2013dextrose", "soreness,0,3,trial,nosuch2099"),
     "bad.csv, row 2, column citation_key: 'nosuch2099' is not in references.bib"),
    (("soreness,0,3,trial,", "soreness,0,3,,"),
     "bad.csv, row 2, column basis: empty"),
])
def test_bad_time_scale_row_is_refused_with_file_row_and_column(tmp_path, replace, message):
    rows = [row.replace(*replace) for row in ROWS.values()]
    with pytest.raises(DataFileError) as error:
        load_timescales(write(tmp_path, rows))
    assert str(error.value) == message


def test_a_window_may_cite_several_works(tmp_path):
    rows = [r.replace(",review,rabago2013dextrose,", ",review,rabago2013dextrose; frank1983natural,")
            for r in ROWS.values()]
    scales = load_timescales(write(tmp_path, rows))
    assert scales["remodelling"].citation_keys == ("rabago2013dextrose", "frank1983natural")


def test_missing_and_duplicate_windows_are_refused(tmp_path):
    with pytest.raises(DataFileError, match="bad.csv: no row for remodelling"):
        load_timescales(write(tmp_path, list(ROWS.values())[:3]))
    with pytest.raises(DataFileError, match="bad.csv, row 6, column window: 'soreness' appears twice"):
        load_timescales(write(tmp_path, list(ROWS.values()) + [ROWS["soreness"]]))


def test_summary_says_what_outlasts_the_spacing():
    lines = summarise(Schedule(3, 4, 1), SCALES)
    assert lines[0] == "Schedule: 3 sessions, 4 weeks apart (weeks 1, 5, 9)."
    assert "hypothesis" in lines[1]
    assert "Soreness: over before the next session every time." in lines
    assert "Proliferation: still under way when each next session begins." in lines
    assert lines[-1] == "Remodelling after the last session would last until at least week 61."
    wide = summarise(Schedule(3, 8, 1), SCALES)
    assert "Proliferation: over before the next session every time." in wide
