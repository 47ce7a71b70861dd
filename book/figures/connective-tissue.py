"""Overlapping phases of healing after an acute injury on a log time axis (approximate; acute-injury models)."""
import matplotlib.pyplot as plt
import numpy as np
from book_figures import use_book_style, schematic_stamp, OKABE_ITO

DAY = 1.0
WEEK = 7.0
MONTH = 30.4
YEAR = 365.25

# (label, start, solid_start, solid_end, end, row, colour, hatch)
# Band positions are ILLUSTRATIVE: only their order and overlap follow the
# sources (short inflammation, intermediate proliferation, prolonged
# remodelling; Frank et al. 1983). Edges are faded to avoid implying exact
# boundaries. The three dashed markers are the only sourced time points.
BANDS = [
    ("Inflammation", 0.25 * DAY, 0.5 * DAY, 4 * DAY, 12 * DAY, 2, OKABE_ITO["vermillion"], "//"),
    ("Proliferation", 1.5 * DAY, 4 * DAY, 3 * WEEK, 9 * WEEK, 1, OKABE_ITO["sky blue"], ".."),
    ("Remodelling", 2 * WEEK, 8 * WEEK, 4.5 * YEAR, 4.5 * YEAR, 0, OKABE_ITO["bluish green"], "\\\\"),
]

MARKERS = [
    # (time in days, label, label x, label y, horizontal alignment)
    (2 * DAY, "1\u20133 days:\nrepair cells\nmove in", 1.7 * DAY, 0.05, "right"),
    (78 * WEEK, "78 weeks:\nscar \u224830%\nof normal\nfailure stress", 70 * WEEK, 1.75, "right"),
    (2.5 * YEAR, "2.5 years:\nstill\nremodelling", 2.75 * YEAR, 1.75, "left"),
]

X_MIN, X_MAX = 0.25 * DAY, 4.5 * YEAR
HEIGHT = 0.62
FADE_STEPS = 8


def _faded_band(ax, start, solid_start, solid_end, end, y, colour):
    """A band that is solid in the middle and fades out towards both ends."""
    ax.fill_between([solid_start, solid_end], y - HEIGHT / 2, y + HEIGHT / 2,
                    color=colour, alpha=0.55, linewidth=0)
    for lo, hi in ((start, solid_start), (solid_end, end)):
        if hi <= lo:
            continue
        edges = np.geomspace(lo, hi, FADE_STEPS + 1)
        rising = lo == start
        for i in range(FADE_STEPS):
            frac = (i + 0.5) / FADE_STEPS
            alpha = 0.55 * (frac if rising else 1 - frac)
            ax.fill_between([edges[i], edges[i + 1]], y - HEIGHT / 2, y + HEIGHT / 2,
                            color=colour, alpha=alpha, linewidth=0)


def draw():
    use_book_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.set_xscale("log")
    ax.set_xlim(X_MIN, X_MAX)
    ax.set_ylim(-0.55, 2.75)
    ax.grid(False)

    for label, start, s0, s1, end, row, colour, hatch in BANDS:
        _faded_band(ax, start, s0, s1, end, row, colour)
        # Hatched outline of the solid core: the phases differ by pattern, not colour alone.
        ax.fill_between([s0, s1], row - HEIGHT / 2, row + HEIGHT / 2, facecolor="none",
                        edgecolor="#333333", hatch=hatch, linewidth=0.0, alpha=0.35)
        centre = (s0 * s1) ** 0.5 if label != "Remodelling" else 20 * WEEK
        ax.text(centre, row, label, ha="center", va="center", fontsize=12, fontweight="bold",
                color="black",
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})

    # Remodelling continues past the right edge.
    ax.annotate("", xy=(X_MAX, 0), xytext=(3.3 * YEAR, 0),
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.5})

    for t, text, tx, ty, ha in MARKERS:
        ax.vlines(t, -0.55, 2.3, color="black", linestyle="--", linewidth=1.0)
        ax.text(tx, ty, text, ha=ha, va="center", fontsize=11, linespacing=1.05)

    ticks = [DAY, WEEK, MONTH, YEAR]
    ax.set_xticks(ticks)
    ax.set_xticklabels(["1 day", "1 week", "1 month", "1 year"])
    ax.minorticks_off()
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("Time after an acute injury (log scale)")
    ax.set_title("Approximate; acute-injury models", fontsize=12, loc="left", style="italic")

    schematic_stamp(ax)
    return fig
