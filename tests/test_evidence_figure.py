"""The osteoarthritis evidence figure: panels, labels and the published numbers it plots."""

from __future__ import annotations

from dataclasses import replace

import pytest

from evidence_data import as_results, load_evidence
from evidence_figure import PANELS, panels_of, plot_evidence, row_label


@pytest.fixture(scope="module")
def evidence():
    """What the notebook plots: the three works' rows of the book's evidence file."""
    return as_results(load_evidence(), list(PANELS))


def test_published_values_are_as_reported(evidence):
    rows = {(r.citation_key, r.outcome, r.arm): r for r in evidence}
    composite = rows["sit2020efficacy", "WOMAC composite", "Dextrose vs saline (intra-articular)"]
    assert (composite.estimate, composite.lower, composite.upper) == (-9.65, -17.77, -1.53)
    steroid = rows["hung2016comparative", "pain", "Dextrose vs corticosteroid (1 study)"]
    assert steroid.interval == (-0.18, 0.80)  # crosses zero, as published
    assert {r.error_kind for r in evidence} == {"95% CI"}


def test_one_panel_per_study_in_file_order(evidence):
    assert list(panels_of(evidence)) == ["sit2020efficacy", "sit2016hypertonic",
                                         "hung2016comparative"]
    assert set(PANELS) >= {r.citation_key for r in evidence}


def test_rows_are_named_by_what_differs_within_the_panel(evidence):
    groups = panels_of(evidence)
    assert row_label(groups["sit2020efficacy"][0], groups["sit2020efficacy"]) == "WOMAC pain"
    hung = groups["hung2016comparative"]
    assert row_label(hung[2], hung) == "Dextrose vs exercise"


def test_a_study_without_a_panel_description_is_refused(evidence):
    stray = replace(evidence[0], citation_key="rabago2013dextrose")
    with pytest.raises(ValueError, match="no panel is described for rabago2013dextrose"):
        panels_of(evidence + [stray])


def test_two_kinds_of_measure_never_share_a_panel(evidence):
    mixed = replace(evidence[0], measure="mean change", error_kind="SD", error=3.0,
                    lower=None, upper=None, week=26)
    with pytest.raises(ValueError, match="sit2020efficacy: one panel shows one kind of measure"):
        panels_of(evidence + [mixed])


def test_figure_has_a_panel_per_study_with_direction_and_interval_kind(evidence):
    figure = plot_evidence(evidence)
    axes = figure.get_axes()
    assert len(axes) == 3
    for panel in axes:
        texts = [t.get_text() for t in panel.texts]
        assert any("favours dextrose" in t for t in texts)
        assert "(95% CI)" in panel.get_xlabel()
