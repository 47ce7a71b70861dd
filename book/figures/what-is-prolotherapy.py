"""Where injections were placed in prolotherapy studies: entheses, joint space, and (a different technique) under the skin near a nerve."""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch, Rectangle
from book_figures import use_book_style, schematic_stamp, OKABE_ITO

FONT = 11


def draw():
    use_book_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 6)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.01)
    ax.axis("off")
    ax.grid(False)

    grey = "#d9d9d9"
    # Skin: a band on the left edge of the joint, with a small nerve just under it.
    ax.add_patch(Rectangle((0.15, 0.3), 0.35, 5.0, facecolor="#f3e1d0", edgecolor="#555555", lw=1))
    ax.text(0.32, 5.45, "skin", ha="center", va="bottom", fontsize=FONT)
    ax.plot([0.72] * 2, [0.5, 5.1], color=OKABE_ITO["reddish purple"], lw=2, ls=(0, (4, 2)))
    ax.text(0.72, 0.25, "nerve", ha="center", va="top", fontsize=FONT, color="#000000")

    # Two bones with a joint space between them.
    ax.add_patch(FancyBboxPatch((1.6, 3.25), 2.6, 2.3, boxstyle="round,pad=0.05,rounding_size=0.3",
                                facecolor=grey, edgecolor="#333333", lw=1.2))
    ax.add_patch(FancyBboxPatch((1.6, 0.35), 2.6, 2.3, boxstyle="round,pad=0.05,rounding_size=0.3",
                                facecolor=grey, edgecolor="#333333", lw=1.2))
    ax.text(2.9, 4.55, "bone", ha="center", va="center", fontsize=FONT)
    ax.text(2.9, 1.35, "bone", ha="center", va="center", fontsize=FONT)
    ax.add_patch(Rectangle((1.75, 2.7), 2.3, 0.5, facecolor=OKABE_ITO["sky blue"], alpha=0.35,
                           edgecolor=OKABE_ITO["blue"], lw=1.2))

    # Ligament bridging the joint on the left; tendon entering the upper bone on the right.
    ax.add_patch(Rectangle((1.38, 2.0), 0.22, 1.9, facecolor="white", edgecolor="#333333", lw=1.2,
                           hatch="///"))
    ax.text(1.2, 2.95, "ligament", ha="right", va="center", fontsize=FONT, rotation=90)
    ax.add_patch(Rectangle((4.22, 3.9), 0.22, 1.6, facecolor="white", edgecolor="#333333", lw=1.2,
                           hatch="\\\\\\"))
    ax.text(4.62, 4.75, "tendon", ha="left", va="center", fontsize=FONT, rotation=90)

    # Injection targets: shape and letter, never colour alone.
    marker_a = dict(marker="^", ms=12, color=OKABE_ITO["vermillion"], mec="black", ls="none")
    ax.plot([1.49, 1.49, 4.33], [3.75, 2.15, 4.05], **marker_a)
    ax.text(1.49, 3.98, "A", ha="center", va="bottom", fontsize=FONT, fontweight="bold")
    ax.text(4.33, 3.62, "A", ha="center", va="top", fontsize=FONT, fontweight="bold")
    ax.plot([2.9], [2.95], marker="o", ms=12, color=OKABE_ITO["blue"], mec="black", ls="none")
    ax.text(3.2, 2.95, "B", ha="left", va="center", fontsize=FONT, fontweight="bold")
    ax.plot([0.72], [4.45], marker="s", ms=10, color=OKABE_ITO["reddish purple"], mec="black",
            ls="none")
    ax.text(0.92, 4.45, "C", ha="left", va="center", fontsize=FONT, fontweight="bold")

    # Key, with each letter beside its marker shape.
    key = [
        ("^", OKABE_ITO["vermillion"], "A", "Ligament or tendon\nattachment to bone\n(enthesis)"),
        ("o", OKABE_ITO["blue"], "B", "Joint space\n(intra-articular)"),
        ("s", OKABE_ITO["reddish purple"], "C", "Under the skin near\na nerve: 5% dextrose\n(different technique)"),
    ]
    y = 4.55
    for marker, colour, letter, text in key:
        ax.plot([5.55], [y], marker=marker, ms=11, color=colour, mec="black", ls="none")
        ax.text(5.85, y, letter, ha="left", va="center", fontsize=FONT, fontweight="bold")
        ax.text(6.25, y, text, ha="left", va="center", fontsize=FONT, linespacing=1.15)
        y -= 1.65

    schematic_stamp(ax)
    return fig
