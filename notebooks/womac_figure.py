"""The Rabago 2013 WOMAC figure and its table, kept out of the notebook's cells."""

from __future__ import annotations

import matplotlib.pyplot as plt

from book_data import Result, by_arm
from book_figures import ARM_STYLE, spread_labels

INJECTION_WEEKS = (1, 5, 9)  # scheduled sessions in the injection arms (Rabago 2013)
ARM_OFFSET = {"Dextrose": -0.6, "Saline": 0.0, "Exercise": 0.6}  # weeks; keeps error bars apart


def plot_womac_change(results: list[Result]):
    """Mean improvement by arm over time, ±1 SE bars, each line labelled directly."""
    figure, axes = plt.subplots()
    arms = by_arm(results)
    for arm, rows in arms.items():
        style = ARM_STYLE[arm]
        weeks = [r.week + ARM_OFFSET.get(arm, 0.0) for r in rows]
        axes.errorbar(weeks, [r.estimate for r in rows], yerr=[r.error for r in rows],
                      color=style["color"], marker=style["marker"], linestyle=style["linestyle"],
                      markersize=7, capsize=3, label=arm)
    # Direct labels at the right-hand end, pushed apart where lines finish close together.
    ends = [rows[-1] for rows in arms.values()]
    for end, label_y in zip(ends, spread_labels([e.estimate for e in ends], min_gap=1.8)):
        axes.annotate(end.arm, (end.week + 3.0, label_y), va="center",
                      color=ARM_STYLE[end.arm]["color"], fontweight="bold")
    top = 21.0
    axes.plot(INJECTION_WEEKS, [top] * len(INJECTION_WEEKS), linestyle="none", marker="v",
              color="#555555", markersize=8)
    axes.annotate("injections", (INJECTION_WEEKS[-1], top), xytext=(8, 0),
                  textcoords="offset points", va="center", color="#444444", fontsize=11)
    kinds = {r.error_kind for r in results}
    axes.set_xlabel("Weeks since enrolment")
    axes.set_ylabel("Improvement in WOMAC\n(points, higher is better)")
    axes.set_title("Knee osteoarthritis: WOMAC by arm", loc="left")
    axes.text(0.0, -0.28, f"Error bars: ±1 {'/'.join(sorted(kinds))} as reported. "
              "Source: Rabago et al. 2013, Table 4.", transform=axes.transAxes,
              fontsize=10, color="#333333")
    weeks = sorted({r.week for r in results})
    axes.set_xticks(weeks, [f"{w:g}" for w in weeks])
    # Weeks 9 and 12 are close: nudge their labels apart so they never touch.
    for label in axes.get_xticklabels():
        label.set_horizontalalignment({"9": "right", "12": "left"}.get(label.get_text(), "center"))
    axes.set_xlim(0, 66)
    axes.set_ylim(-2, 22)
    axes.axhline(0, color="#333333", linewidth=0.8)  # no change from baseline
    figure.tight_layout()
    return figure


def womac_table(results: list[Result]):
    """The plotted values as a Markdown table: one row per visit, one column per arm.

    Visits in rows keep the table four columns wide, so it fits a phone screen.
    """
    from IPython.display import Markdown

    arms = by_arm(results)
    weeks = sorted({r.week for r in results})
    value = {(r.arm, r.week): f"{r.estimate:.2f}\u00a0±\u00a0{r.error:.2f}" for r in results}
    lines = ["| Week | " + " | ".join(arms) + " |", "| ---: |" + " ---: |" * len(arms)]
    for week in weeks:
        lines.append(f"| {week:g} | " + " | ".join(value.get((arm, week), "n/a") for arm in arms) + " |")
    return Markdown("\n".join(lines))
