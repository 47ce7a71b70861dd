"""The osteoarthritis evidence figure: one panel per study and kind of measure.

Each panel is a forest plot of estimates with the interval its source printed
(95% confidence intervals here), a line at "no difference", and a note of
which direction favours dextrose, because the sources do not all use the same
sign. Nothing is converted: estimates and intervals are drawn as reported.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from book_data import Result
from book_figures import LABEL_BOX

# What each study's panel shows, in words the figure prints.
PANELS = {
    "sit2020efficacy": {
        "title": "A. Trial: dextrose vs saline into the knee,\nweek 52 (Sit et al. 2020)",
        "axis": "Difference in change, WOMAC points",
        "favours_dextrose": "left",  # WOMAC counts symptoms: a fall is an improvement
        "time": "week 52",
    },
    "sit2016hypertonic": {
        "title": "B. Meta-analysis of 2 knee studies: vs exercise,\n12 to 16 weeks (Sit et al. 2016)",
        "axis": "Standardised mean difference",
        "favours_dextrose": "right",
        "time": "12 to 16 weeks",  # as the review reports it (the data file uses week 16)
    },
    "hung2016comparative": {
        "title": "C. Meta-analysis, osteoarthritis pain,\n6 months (Hung et al. 2016)",
        "axis": "Effect size",
        "favours_dextrose": "right",
        "time": "6 months",  # as the review reports it (the data file uses week 26)
    },
}
POINT_COLOUR = "#000000"


def panels_of(results: list[Result]) -> dict[str, list[Result]]:
    """Rows grouped by study, in file order; each study must have a panel description."""
    grouped: dict[str, list[Result]] = {}
    for result in results:
        if result.citation_key not in PANELS:
            raise ValueError(f"no panel is described for {result.citation_key}; add it to PANELS")
        grouped.setdefault(result.citation_key, []).append(result)
    for key, rows in grouped.items():
        measures = {(r.measure, r.error_kind) for r in rows}
        if len(measures) != 1:
            raise ValueError(f"{key}: one panel shows one kind of measure, found {sorted(measures)}")
    return grouped


def row_label(row: Result, rows: list[Result]) -> str:
    """Name a row by what differs within its panel: the comparison or the outcome."""
    return row.arm if len({r.arm for r in rows}) > 1 else row.outcome


def plot_evidence(results: list[Result]):
    """One forest-plot panel per study, stacked so the figure reads on a phone."""
    grouped = panels_of(results)
    heights = [len(rows) + 1.6 for rows in grouped.values()]
    figure, axes_list = plt.subplots(len(grouped), 1, figsize=(4.3, 0.62 * sum(heights) + 0.6),
                                     gridspec_kw={"height_ratios": heights})
    for axes, (key, rows) in zip(axes_list, grouped.items()):
        _draw_panel(axes, PANELS[key], rows)
    figure.tight_layout(h_pad=1.4)
    return figure


def _draw_panel(axes, panel: dict, rows: list[Result]) -> None:
    for y, row in enumerate(reversed(rows)):
        low, high = row.interval
        axes.plot([low, high], [y, y], color=POINT_COLOUR, linewidth=1.6)
        axes.plot([row.estimate], [y], marker="s", markersize=7, color=POINT_COLOUR,
                  linestyle="none")
        axes.text(0.0, y + 0.3, row_label(row, rows), transform=axes.get_yaxis_transform(),
                  fontsize=11, va="bottom", ha="left", bbox=LABEL_BOX)
    axes.axvline(0, color="#555555", linewidth=1.0, linestyle="--")
    lows, highs = zip(*(r.interval for r in rows))
    span = max(highs) - min(lows)
    axes.set_xlim(min(lows + (0,)) - 0.08 * span, max(highs + (0,)) + 0.08 * span)
    axes.set_ylim(-0.6, len(rows) - 0.1)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.grid(axis="y", visible=False)
    kinds = {r.error_kind for r in rows}
    axes.set_xlabel(f"{panel['axis']} ({'/'.join(sorted(kinds))})", fontsize=11.5)
    arrow = ("\u2190 favours dextrose" if panel["favours_dextrose"] == "left"
             else "favours dextrose \u2192")
    axes.text(0.0 if panel["favours_dextrose"] == "left" else 1.0, 1.0, arrow,
              transform=axes.transAxes, ha="left" if panel["favours_dextrose"] == "left"
              else "right", va="bottom", fontsize=10.5, fontstyle="italic")
    axes.set_title(panel["title"], loc="left", fontsize=11.5, pad=18)


def evidence_table(results: list[Result]):
    """The plotted numbers as a Markdown table (three columns, fits a phone)."""
    from IPython.display import Markdown

    lines = ["| Study and comparison | Outcome, time | Estimate (95% CI) |", "| --- | --- | ---: |"]
    for key, rows in panels_of(results).items():
        for row in rows:
            low, high = row.interval
            lines.append(f"| {{cite:t}}`{key}`: {row.arm} | {row.outcome}, {PANELS[key]['time']} | "
                         f"{row.estimate:g} ({low:g} to {high:g}) |")
    return Markdown("\n".join(lines))
