"""The recovery-timeline figure and its table, kept out of the notebook's cells.

Panel A lays soreness and the proposed repair phases after each session of a
schedule (schematic: lengths from acute-injury sources, restart hypothesised).
Panel B plots what one trial measured on the same week axis (data). Every band
has a text label and its own hatching, so the figure reads in greyscale.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from book_data import Result, Timescale, by_arm
from book_figures import ARM_STYLE, LABEL_BOX, OKABE_ITO
from recovery_timeline import (RABAGO_2013, Schedule, Window, describe_span,
                               windows_after_sessions)

AXIS_END_WEEK = 56
# Soreness and inflammation last days, a sliver on a 56-week axis (about 2 px on a phone).
# They are drawn at least this wide, and the figure says so; the table gives true lengths.
MIN_DRAWN_WEEKS = 1.5
# Narrower than the book default so labels stay >= 12 px when a phone shows it ~340 px wide.
TIMELINE_SIZE = (4.3, 7.4)
ROW_LABEL = {
    "soreness": "Soreness after sessions (reported)",
    "inflammation": "Inflammation (proposed)",
    "proliferation": "Proliferation (proposed)",
    "remodelling": "Remodelling (proposed)",
}
ROW_STYLE = {  # colour + hatching: distinct in colour and in greyscale
    "soreness": {"color": OKABE_ITO["reddish purple"], "hatch": ""},
    "inflammation": {"color": OKABE_ITO["vermillion"], "hatch": "xxx"},
    "proliferation": {"color": OKABE_ITO["orange"], "hatch": "///"},
    "remodelling": {"color": OKABE_ITO["sky blue"], "hatch": "..."},
}
SESSION_COLOUR = "#444444"
# Direct labels placed where the Rabago 2013 lines leave room (weeks, points).
ARM_LABEL_AT = {"Dextrose": (38, 20.5), "Exercise": (38, 12.0), "Saline": (38, 3.6)}
LINE_NAME = {"-": "solid", "--": "dashed", ":": "dotted"}


def plot_recovery_timeline(schedule: Schedule, timescales: dict[str, Timescale],
                           trial: list[Result]):
    """Panel A: sessions and windows (schematic). Panel B: the trial's measured outcome."""
    figure, (timeline, outcome) = plt.subplots(
        2, 1, sharex=True, figsize=TIMELINE_SIZE, gridspec_kw={"height_ratios": [1.25, 1.0]})
    _draw_windows(timeline, schedule, windows_after_sessions(schedule, timescales))
    _draw_outcome(outcome, trial)
    # Each panel marks its own sessions: the outcome panel always shows the trial's.
    for axes, weeks in ((timeline, schedule.weeks), (outcome, RABAGO_2013.weeks)):
        for week in weeks:
            axes.axvline(week, color=SESSION_COLOUR, linewidth=0.9, linestyle=(0, (2, 2)),
                         zorder=0)
    outcome.set_xlim(0, AXIS_END_WEEK)
    outcome.set_xticks([0, 12, 24, 36, 52])
    outcome.set_xlabel("Weeks since enrolment")
    figure.tight_layout(h_pad=1.2)
    return figure


def _draw_windows(axes, schedule: Schedule, windows: list[Window]) -> None:
    rows = list(ROW_LABEL)  # top to bottom
    for row, kind in enumerate(rows):
        y = len(rows) - 1 - row
        axes.text(0.4, y + 0.42, ROW_LABEL[kind], fontsize=11.5, va="bottom", bbox=LABEL_BOX)
        for window in (w for w in windows if w.kind == kind):
            end = min(window.end_week, AXIS_END_WEEK)
            style = ROW_STYLE[kind]
            axes.barh(y, max(end - window.start_week, MIN_DRAWN_WEEKS), left=window.start_week,
                      height=0.36,
                      align="edge", color=style["color"], alpha=0.45, hatch=style["hatch"],
                      edgecolor="#222222", linewidth=0.8)
            if window.end_week > AXIS_END_WEEK:
                axes.annotate("", (AXIS_END_WEEK, y + 0.18), (AXIS_END_WEEK - 2.5, y + 0.18),
                              arrowprops={"arrowstyle": "->", "color": "#222222"})
    top = len(rows)
    axes.plot(schedule.weeks, [top - 0.15] * schedule.sessions, linestyle="none", marker="v",
              markersize=9, color=SESSION_COLOUR)
    weeks = ", ".join(f"{w:g}" for w in schedule.weeks)
    axes.text(0.4, top + 0.25, f"Sessions at weeks {weeks}", fontsize=11.5, bbox=LABEL_BOX)
    axes.text(AXIS_END_WEEK, -0.7, "Phase lengths approximate, from\nacute-injury studies; bars of a few\n"
              "days drawn wider to be seen. Restart\nafter each session: hypothesised.",
              ha="right", va="top", fontsize=11, fontstyle="italic")
    axes.set_ylim(-2.6, top + 0.95)
    axes.set_yticks([])
    axes.grid(False)
    axes.spines["left"].set_visible(False)
    axes.set_title("A. Schematic (not data): sessions,\nsoreness and proposed repair phases",
                   loc="left", fontsize=12)


def _draw_outcome(axes, trial: list[Result]) -> None:
    arms = by_arm(trial)
    for arm, rows in arms.items():
        style = ARM_STYLE[arm]
        axes.errorbar([r.week for r in rows], [r.estimate for r in rows],
                      yerr=[r.error for r in rows], color=style["color"], marker=style["marker"],
                      linestyle=style["linestyle"], markersize=6, capsize=3, label=arm)
    for arm, (x, y) in ARM_LABEL_AT.items():
        if arm in arms:
            axes.text(x, y, f"{arm}\n({LINE_NAME[ARM_STYLE[arm]['linestyle']]})", ha="center",
                      va="center", color=ARM_STYLE[arm]["color"], fontweight="bold",
                      fontsize=11.5)
    kinds = "/".join(sorted({r.error_kind for r in trial}))
    axes.set_ylabel("WOMAC improvement\n(points, ±1 " + kinds + ")")
    axes.set_ylim(-2, 24)
    axes.axhline(0, color="#333333", linewidth=0.8)
    weeks = ", ".join(f"{w:g}" for w in RABAGO_2013.weeks)
    axes.set_title(f"B. Data: knee trial, injections at\nweeks {weeks} (Rabago et al. 2013,\nTable 4)",
                   loc="left", fontsize=12)


def timeline_table(schedule: Schedule, timescales: dict[str, Timescale]):
    """The timeline as a Markdown table, one row per session and window (3 columns)."""
    from IPython.display import Markdown

    lines = ["| Session | What | When (weeks since enrolment) |", "| --- | --- | --- |"]
    for window in windows_after_sessions(schedule, timescales):
        lines.append(f"| {window.session} (week {window.session_week:g}) | "
                     f"{ROW_LABEL[window.kind]} | {describe_span(window)} |")
    return Markdown("\n".join(lines))


def sources_table(timescales: dict[str, Timescale]):
    """Where each window's length comes from, as a Markdown table."""
    from IPython.display import Markdown

    lines = ["| Window | Days after a session | Basis and source |", "| --- | --- | --- |"]
    for scale in timescales.values():
        lines.append(f"| {ROW_LABEL[scale.window]} | {scale.start_days:g} to "
                     f"{scale.end_days:g} | {scale.basis}; {{cite:t}}`{','.join(scale.citation_keys)}`, "
                     f"{scale.source_location} |")
    return Markdown("\n".join(lines))


def summary_list(lines: list[str]):
    """Sentences as a Markdown list (wraps on a phone, unlike printed text)."""
    from IPython.display import Markdown

    return Markdown("\n".join(f"- {line}" for line in lines))
