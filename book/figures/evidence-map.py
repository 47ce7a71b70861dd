"""Evidence map: conditions x comparisons, drawn from data/clinical_evidence.csv.

Each cell says how many randomised trials compared prolotherapy with that comparator
for that condition and how many people they randomised, then one mark per trial or
review for the direction it reported, and the certainty where a named rater judged it.
No colour codes "works" or "does not work": marks are black text, and the conventions
are printed on the figure. The same numbers are in the summary tables
(``{evidence-summary}``), so the figure has a text twin.
"""
import matplotlib.pyplot as plt
from book_figures import use_book_style
from evidence_data import COMPARISONS, cells, display_name, load_evidence

FONT = 9
SYMBOL = {"favours prolotherapy": "+", "no significant difference": "=",
          "favours comparator": "\u2212", "not reported": "?"}
GRADE_LEVELS = {"very low": "VL", "low": "L", "moderate": "M", "high": "H"}
SHORT = {
    "saline or placebo injection": "Saline or placebo",
    "local anaesthetic injection": "Local anaesthetic",
    "exercise or physiotherapy": "Exercise, physio",
    "corticosteroid injection": "Corticosteroid",
    "platelet-rich plasma": "Platelet-rich plasma",
    "other injection": "Other injection",
    "no injection or usual care": "No injection",
    "other treatment": "Other treatment",
    "before and after (no control)": "Before and after",
    "recommendation (no comparator)": "Guideline or payer",
}
LEGEND = ("How to read a cell.  Line 1: randomised trials \u00b7 people randomised (\u2013 none).  "
          "Line 2: how many trials and reviews reported\n+ a result favouring prolotherapy, "
          "= no significant difference, \u2212 a result favouring the comparator, ? no "
          "between-group result.\nLine 3: R reviews or meta-analyses among them; G guideline or "
          "payer position; reg registered trial without results;\n[L], [M]: certainty low or "
          "moderate, as the review's own authors rated it (GRADE).\nDrawn from the book's data "
          "file: counts and directions only; the map does not weigh results.")


def rating_code(certainty: str) -> str:
    """VL, L, M or H only for a certainty of the evidence on the GRADE scale, as rated."""
    words = certainty.lower().replace("-quality evidence", "").replace(" quality evidence", "")
    return GRADE_LEVELS.get(words.strip(), "")


def cell_text(cell) -> str:
    size = (("?" if cell.sizes_missing == len(cell.trials) else f"\u2265{cell.participants}")
            if cell.sizes_missing else str(cell.participants))
    lines = [f"{len(cell.trials)} \u00b7 {size}" if cell.trials else "\u2013"]
    tally = [f"{count}{SYMBOL[d]}" for d in SYMBOL
             if (count := sum(1 for v in cell.directions.values() if v == d))]
    if tally:
        lines.append(" ".join(tally))
    extra = [f"{len(cell.reviews)}R" if cell.reviews else "", "G" if cell.positions else "",
             "reg" if cell.registered else ""]
    codes = sorted({rating_code(c) for _, c, _ in cell.ratings} - {""},
                   key=list(GRADE_LEVELS.values()).index)
    if codes:
        extra.append(f"[{','.join(codes)}]")
    if any(extra):
        lines.append(" ".join(e for e in extra if e))
    return "\n".join(lines)


def draw():
    use_book_style()
    grid = cells(load_evidence())
    conditions = list(dict.fromkeys(c.condition for c in grid))
    comparisons = [c for c in COMPARISONS if any(g.comparison == c for g in grid)]
    width, row_height, label_width = 6.9, 0.5, 1.95
    height = row_height * len(conditions) + 2.4
    fig, ax = plt.subplots(figsize=(width, height))
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    column_width = (width - label_width) / len(comparisons)
    top = height - 1.25
    for j, comparison in enumerate(comparisons):
        ax.text(label_width + (j + 0.35) * column_width, top + 0.08, SHORT[comparison],
                ha="left", va="bottom", fontsize=FONT - 0.5, fontweight="bold", rotation=35,
                rotation_mode="anchor")
    for i, condition in enumerate(conditions):
        y = top - (i + 0.5) * row_height
        ax.axhline(y - row_height / 2, color="#bbbbbb", linewidth=0.6)
        ax.text(0.05, y, display_name(condition), ha="left", va="center",
                fontsize=FONT)
        for j, comparison in enumerate(comparisons):
            match = [g for g in grid if g.condition == condition and g.comparison == comparison]
            if match:
                ax.text(label_width + (j + 0.5) * column_width, y, cell_text(match[0]),
                        ha="center", va="center", fontsize=FONT - 1.5, linespacing=1.0)
    ax.text(0.05, 0.05, LEGEND, ha="left", va="bottom", fontsize=FONT - 2, linespacing=1.25,
            wrap=True)
    return fig
