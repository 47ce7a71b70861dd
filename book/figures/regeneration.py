"""The proposed injection -> inflammation -> regeneration chain, each link tagged with its best evidence."""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from book_figures import use_book_style, schematic_stamp, OKABE_ITO

FONT = 11  # smallest font on the figure (legible at 360 px wide)

# Kinds of evidence: a colour plus a written label, so nothing depends on colour alone.
EVIDENCE = {
    "animal": OKABE_ITO["orange"],
    "cell culture": OKABE_ITO["sky blue"],
    "uncontrolled human": OKABE_ITO["bluish green"],
    "none in humans": OKABE_ITO["vermillion"],
}

# Stage boxes, top to bottom: (label, bottom edge, dashed border for the claimed end point)
STAGES = [
    ("1  Injection\n(hypertonic dextrose)", 0.85, False),
    ("2  Inflammation", 0.57, False),
    ("3  Regeneration\n(proliferation, collagen)", 0.29, False),
    ("Claimed result: stronger\nligament, less laxity", 0.01, True),
]
BOX_X, BOX_W, BOX_H = 0.0, 0.42, 0.14
NOTE_X = 0.50  # left edge of the evidence notes

# One note per link: (name, rows of evidence tags, centre of first tag row, explanation).
LINKS = [
    ("1 \u2192 2", [["animal"]], 0.92,
     "rat ligament: brief and variable,\nnot consistently above saline"),
    ("2 \u2192 3", [["animal", "cell culture"], ["uncontrolled human"]], 0.67,
     "animals: thicker tissue, more cells\nand vessels; cells: growth-factor genes;\n"
     "human: 6 people, cartilage, no controls"),
    ("3 \u2192 claim", [["none in humans"]], 0.26,
     "rat ligament: larger, but\nlaxity unchanged"),
]
ROW = 0.085  # vertical step between rows of tags


def _right_edge(ax, artist):
    ax.figure.canvas.draw()
    return artist.get_window_extent().transformed(ax.transAxes.inverted()).x1


def _tag(ax, x, y, kind):
    """A small coloured label naming one kind of evidence; returns its right edge."""
    text = ax.text(x, y, kind, fontsize=FONT, va="center", ha="left", color="black",
                   bbox={"boxstyle": "round,pad=0.25", "facecolor": EVIDENCE[kind],
                         "edgecolor": "black", "linewidth": 0.8})
    return _right_edge(ax, text)


def draw():
    use_book_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.98)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")

    for label, y, dashed in STAGES:
        ax.add_patch(FancyBboxPatch(
            (BOX_X + 0.01, y), BOX_W - 0.02, BOX_H, boxstyle="round,pad=0.01",
            facecolor="white" if dashed else "#eeeeee", edgecolor="black",
            linewidth=1.2, linestyle="--" if dashed else "-"))
        ax.text(BOX_X + BOX_W / 2, y + BOX_H / 2, label, ha="center", va="center",
                fontsize=FONT, fontweight="normal" if dashed else "bold")

    for (upper, lower), (name, rows, y0, note) in zip(zip(STAGES, STAGES[1:]), LINKS):
        # The arrow between two stages, marked "proposed".
        top, bottom = upper[1] - 0.01, lower[1] + BOX_H + 0.01
        x = BOX_X + BOX_W / 2
        ax.add_patch(FancyArrowPatch((x, top), (x, bottom), arrowstyle="-|>",
                                     mutation_scale=14, linewidth=1.6, color="black"))
        ax.text(x + 0.02, (top + bottom) / 2, "proposed", fontsize=FONT,
                fontstyle="italic", ha="left", va="center")
        # Its best evidence, to the right: link name, evidence tags, a short note.
        label = ax.text(NOTE_X, y0, f"{name}:", fontsize=FONT, fontweight="bold",
                        ha="left", va="center")
        start = _right_edge(ax, label) + 0.025
        y = y0
        for row in rows:
            tx = start
            for kind in row:
                tx = _tag(ax, tx, y, kind) + 0.03
            y -= ROW
        ax.text(NOTE_X, y + ROW - 0.045, note, fontsize=FONT, ha="left", va="top",
                linespacing=1.15)

    schematic_stamp(ax)
    return fig
