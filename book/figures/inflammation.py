"""The proposed inflammatory cascade after a prolotherapy injection, each link labelled by its kind of evidence."""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from book_figures import use_book_style, schematic_stamp, OKABE_ITO

FONT = 11  # smallest size used on the figure

# Line style = kind of evidence (also written on every arrow, so colour is never needed).
EVIDENCE = {
    "culture": {"linestyle": "-", "color": OKABE_ITO["blue"]},
    "wound": {"linestyle": (0, (5, 3)), "color": OKABE_ITO["black"]},
    "hypothesis": {"linestyle": (0, (1.5, 2.5)), "color": OKABE_ITO["vermillion"]},
}


def box(ax, x, y, text, face, w=2.15, h=1.25):
    """A rounded, labelled box centred on (x, y); returns its edges for arrows."""
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                boxstyle="round,pad=0.02,rounding_size=0.15",
                                facecolor=face, edgecolor="#333333", linewidth=1.2))
    ax.text(x, y, text, ha="center", va="center", fontsize=FONT, linespacing=1.15)
    return {"l": (x - w / 2, y), "r": (x + w / 2, y), "t": (x, y + h / 2), "b": (x, y - h / 2)}


def arrow(ax, start, end, kind, label, label_xy, ha="center"):
    style = EVIDENCE[kind]
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16,
                                 linewidth=2.0, linestyle=style["linestyle"],
                                 color=style["color"], shrinkA=2, shrinkB=2))
    ax.text(*label_xy, label, ha=ha, va="center", fontsize=FONT, fontstyle="italic",
            color=style["color"], linespacing=1.1)


def draw():
    use_book_style()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.45, 6.1)
    ax.axis("off")

    white = "#FFFFFF"
    left, mid, right = 1.3, 4.85, 8.55
    top, bottom = 4.3, 1.0
    injection = box(ax, left, top, "Injection\n(dextrose,\nP2G)", OKABE_ITO["yellow"] + "66", w=2.2)
    stress = box(ax, mid, top, "Cell stress\nand death", white, w=2.2)
    cells = box(ax, right, top, "Platelets,\nneutrophils,\nmacrophages", white, w=2.5)
    factors = box(ax, right, bottom, "Growth factors\nPDGF, VEGF,\nIGF-1, FGF-2", white, w=2.5)
    fibro = box(ax, mid, bottom, "Fibroblasts:\nmore cells,\ncollagen", white, w=2.2)
    pain = box(ax, left, bottom, "Pain relief?\n(nerve\neffects)", OKABE_ITO["sky blue"] + "66", w=2.2)

    arrow(ax, injection["r"], stress["l"], "culture", "cell\nculture", (3.07, 5.4))
    arrow(ax, stress["r"], cells["l"], "wound", "wound biology;\nnot measured", (6.55, 5.4))
    arrow(ax, cells["b"], factors["t"], "wound", "wound\nbiology", (8.7, 2.65), ha="left")
    arrow(ax, (5.4, stress["b"][1]), (7.75, factors["t"][1]), "culture",
          "cell culture\n(RNA only)", (5.9, 2.55), ha="right")
    arrow(ax, factors["l"], fibro["r"], "hypothesis", "hypothesised\nin humans", (6.6, -0.05))
    arrow(ax, injection["b"], pain["t"], "hypothesis", "hypothesised;\npilot data", (1.45, 2.65), ha="left")

    schematic_stamp(ax)
    return fig
