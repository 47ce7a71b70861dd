"""Summary tables of the clinical evidence, generated from data/clinical_evidence.csv.

``{evidence-summary}`` with ``:conditions: a, b, c`` writes one table: for each
condition and each comparison the data file records, the randomised trials and the
people randomised in them, the direction each trial or review reported, and the
certainty as its raters judged it. The table is written as MyST and parsed in place,
so its citations are ordinary ``{cite:t}`` citations in the chapter's reference list.
The data file and its loader are dependencies of every page with a table: editing
either rebuilds them.
A bad row stops the build with the file, row and column (``evidence_data``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notebooks"))
from book_data import DataFileError  # noqa: E402  (the notebooks' loaders are the book's)
import evidence_data  # noqa: E402
from evidence_data import (EVIDENCE_FILE, Cell, cells, display_name,  # noqa: E402
                           load_evidence, people_randomised, sentence_case)

# A page with a table is rebuilt when the data, or the code that reads and names it, changes.
DEPENDENCIES = (EVIDENCE_FILE, Path(evidence_data.__file__),
                Path(evidence_data.__file__).with_name("book_data.py"))

logger = logging.getLogger(__name__)
HEADER = ("Condition", "Compared with", "Randomised trials (people)",
          "What each source reported", "Certainty as rated")
WIDTHS = "14 15 11 34 26"  # relative column widths; print needs them, the web ignores them
SHORT_DIRECTION = {"favours prolotherapy": "favoured prolotherapy",
                   "favours comparator": "favoured the comparator",
                   "no significant difference": "no significant difference",
                   "not reported": "between-group result not reported"}


def row_cells(cell: Cell, first_of_condition: bool) -> list[str]:
    trials = f"{len(cell.trials)} ({people_randomised(cell)})" if cell.trials else "None"
    reported = "; ".join(
        [f"{{cite:t}}`{work}`: {SHORT_DIRECTION[direction]}"
         for work, direction in cell.directions.items()]
        + [f"{{cite:t}}`{work}`: {recommendation}" for work, recommendation in cell.positions.items()]
        + [f"{{cite:t}}`{work}`: registered, no results read" for work in cell.registered])
    rated = "; ".join(f"{sentence_case(certainty)}, by {rater} ({{cite:t}}`{work}`)"
                      for work, certainty, rater in cell.ratings) or "Not rated"
    condition = display_name(cell.condition) if first_of_condition else ""
    return [condition, sentence_case(cell.comparison), trials, reported, rated]


def summary_table_myst(chosen: list[Cell], name: str) -> str:
    lines = [f":::{{table}} Evidence by comparison, generated from the book's data file: "
             f"randomised trials and the people randomised in them, the direction each trial or "
             f"review reported (sizes are in the text), and certainty as its raters judged it.",
             f":name: {name}", ":align: left", f":widths: {WIDTHS}",
             # longtable: in print the table breaks across pages instead of running off one
             ":class: evidence-summary longtable", "",
             "| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    previous = None
    for cell in chosen:
        lines.append("| " + " | ".join(row_cells(cell, cell.condition != previous)) + " |")
        previous = cell.condition
    lines.append(":::")
    return "\n".join(lines)


class EvidenceSummaryDirective(SphinxDirective):
    option_spec = {"conditions": directives.unchanged_required}

    def run(self):
        for dependency in DEPENDENCIES:
            self.env.note_dependency(str(dependency))
        wanted = [c.strip() for c in self.options.get("conditions", "").split(",") if c.strip()]
        try:
            chosen = cells(load_evidence(), wanted)
        except DataFileError as problem:
            logger.warning(f"evidence summary: {problem}", location=self.get_location())
            return []
        missing = [c for c in wanted if c not in {cell.condition for cell in chosen}]
        if missing:
            logger.warning(f"evidence summary: no rows in {EVIDENCE_FILE.name} for "
                           f"{', '.join(missing)}", location=self.get_location())
        name = f"tab-evidence-summary-{self.env.docname.rsplit('/', 1)[-1]}"
        return self.parse_text_to_nodes(summary_table_myst(chosen, name))


def setup(app):
    app.add_directive("evidence-summary", EvidenceSummaryDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
