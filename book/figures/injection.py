"""Proposed first stage of prolotherapy: injection -> osmotic / irritant / needle effects -> local cell stress."""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
from book_figures import use_book_style, schematic_stamp, OKABE_ITO

FONT = 11          # smallest font on the figure (points)
W, H = 6.4, 3.6    # figure size in inches; the axes use inches as data units


def _box(ax, x, y, w, h, title, colour, evidence=None):
    """A white box with a coloured border, a bold title and an optional italic evidence line."""
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                boxstyle="round,pad=0,rounding_size=0.08",
                                facecolor="white", edgecolor=colour, linewidth=2.5))
    if evidence is None:
        ax.text(x, y, title, ha="center", va="center", fontsize=FONT + 1, fontweight="bold")
    else:
        ax.text(x, y + 0.22, title, ha="center", va="center", fontsize=FONT + 1,
                fontweight="bold", linespacing=1.1)
        ax.text(x, y - 0.27, evidence, ha="center", va="center", fontsize=FONT,
                fontstyle="italic", linespacing=1.1)


def _arrow(ax, start, end, label_xy, ha):
    """A dashed arrow labelled 'proposed' (dashed: not shown in treated human tissue)."""
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "linestyle": (0, (4, 2)), "linewidth": 1.8,
                            "color": OKABE_ITO["black"], "mutation_scale": 14,
                            "shrinkA": 0, "shrinkB": 0})
    ax.text(*label_xy, "proposed", ha=ha, va="center", fontsize=FONT, fontstyle="italic",
            color=OKABE_ITO["black"])


def draw():
    use_book_style()
    fig, ax = plt.subplots(figsize=(W, H))
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    ax.set_aspect("equal")
    ax.axis("off")

    top_y, mid_y, low_y = 3.22, 1.80, 0.36
    box_w, box_h = 1.95, 1.02
    columns = [1.12, 3.20, 5.28]

    _box(ax, 3.20, top_y, 2.0, 0.52, "Injection", OKABE_ITO["blue"])
    _box(ax, 3.20, low_y, 2.6, 0.52, "Local cell stress", OKABE_ITO["vermillion"])

    middle = [
        ("Osmotic stress", "hypertonic dextrose\n(cell culture)", OKABE_ITO["orange"]),
        ("Irritation /\nchemotaxis", "P2G, morrhuate\n(cell culture, review)", OKABE_ITO["bluish green"]),
        ("Needle trauma", "any injection (trial\ncontrol groups)", OKABE_ITO["reddish purple"]),
    ]
    for x, (title, evidence, colour) in zip(columns, middle):
        _box(ax, x, mid_y, box_w, box_h, title, colour, evidence)

    # Arrows from the injection to each route, and from each route to local cell stress.
    # Labels sit on the outer side of each sloping arrow so that no text crosses a line.
    label_side = [("right", -0.08, 0.12, -0.14), ("left", 0.08, 0.0, 0.0), ("left", 0.08, 0.12, -0.14)]
    for x, (ha, dx, dy_upper, dy_lower) in zip(columns, label_side):
        start, end = (3.20 + (x - 3.20) * 0.35, top_y - 0.26), (x, mid_y + box_h / 2)
        mid = ((start[0] + end[0]) / 2 + dx, (start[1] + end[1]) / 2 + dy_upper)
        _arrow(ax, start, end, mid, ha)
        start, end = (x, mid_y - box_h / 2), (3.20 + (x - 3.20) * 0.45, low_y + 0.26)
        mid = ((start[0] + end[0]) / 2 + dx, (start[1] + end[1]) / 2 + dy_lower)
        _arrow(ax, start, end, mid, ha)

    schematic_stamp(ax)
    return fig
