"""One look for every figure in the book: readable on a phone, in greyscale and in print.

* Colours are from the Okabe-Ito palette (safe for the common colour-vision
  deficiencies); every series also has its own marker and line style and is
  labelled directly, so nothing depends on colour alone.
* Fonts are large for the figure size, so text stays legible when a phone
  shrinks the figure to about 360 px wide.
* Notebooks show each figure as PNG (web page) and PDF (vector, for the printed
  book). ``SOURCE_DATE_EPOCH`` pins the PDF's creation date so re-running a
  notebook gives byte-identical output, which strict nbval can compare.
"""

from __future__ import annotations

import os

import matplotlib as mpl

# Okabe & Ito (2008) colour-universal-design palette.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
    "reddish purple": "#CC79A7", "black": "#000000",
}

# How each trial arm is drawn. Same line width for every arm: no arm is
# visually favoured over another.
ARM_STYLE = {
    "Dextrose": {"color": OKABE_ITO["vermillion"], "marker": "o", "linestyle": "-"},
    "Saline": {"color": OKABE_ITO["blue"], "marker": "s", "linestyle": "--"},
    "Exercise": {"color": OKABE_ITO["bluish green"], "marker": "^", "linestyle": ":"},
}
LINE_WIDTH = 2.0

FIGURE_SIZE = (5.2, 4.0)  # inches; fonts below are sized for this (legible at 360 px wide)


def use_book_style() -> None:
    """Apply the book's figure settings and show figures as PNG and PDF."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    mpl.rcParams.update({
        "figure.figsize": FIGURE_SIZE,
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "font.size": 13,
        "axes.titlesize": 13,
        "axes.labelsize": 13,
        "xtick.labelsize": 12,
        "ytick.labelsize": 12,
        "legend.fontsize": 12,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#d0d0d0",
        "grid.linewidth": 0.6,
        "lines.linewidth": LINE_WIDTH,
        "pdf.fonttype": 42,  # embed TrueType: text stays selectable in the PDF
        "svg.hashsalt": "prolotherapy-module",
    })
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is None:  # plain Python (figure scripts, unit tests): nothing to show
        return
    set_matplotlib_formats("png", "pdf", bbox_inches="tight", dpi=160)


# A white patch behind text drawn over lines or bands, so labels stay readable.
LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.0}


def schematic_stamp(axes, text: str = "Schematic: not data") -> None:
    """Label a figure that illustrates an idea rather than plotting measurements."""
    axes.text(0.99, 0.98, text, transform=axes.transAxes, ha="right", va="top",
              fontsize=10, fontstyle="italic",
              bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#555555"})


def spread_labels(values: list[float], min_gap: float) -> list[float]:
    """Label positions near ``values`` but at least ``min_gap`` apart, order kept.

    Used to place direct labels at the end of lines that finish close together.
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [0.0] * len(values)
    previous = None
    for i in order:
        position = values[i] if previous is None else max(values[i], previous + min_gap)
        placed[i] = previous = position
    # Centre the adjusted group on the original values so labels stay beside their lines.
    shift = (sum(values) - sum(placed)) / len(values) if values else 0.0
    return [p + shift for p in placed]
