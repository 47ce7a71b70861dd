"""The book's clinical evidence, one file for every condition: data/clinical_evidence.csv.

One row per study x comparison x outcome x time point: the work (``citation_key``),
its design and size, what was compared, the effect as the source reported it, the
certainty as a named rater judged it, and where in the source the number stands.
Chapter text, the generated summary tables (``_ext/evidence_summary.py``), the
evidence map (``book/figures/evidence-map.py``) and the osteoarthritis forest plot
all read it, so a number is recorded once. Bad rows stop the build with
``file, row N, column C: what is wrong`` (``DataFileError``).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from book_data import (REPOSITORY, DataFileError, Result, _number, _require_known_key,
                       bibliography_keys)

EVIDENCE_FILE = REPOSITORY / "data" / "clinical_evidence.csv"
COLUMNS = ("condition", "comparison", "citation_key", "design", "studies_pooled",
           "participants", "intervention", "comparator", "outcome", "time_point", "week",
           "measure", "scale", "estimate", "lower", "upper", "interval", "p_value",
           "direction_reported", "certainty", "certainty_rated_by", "source_location")
REQUIRED = ("condition", "comparison", "citation_key", "design", "outcome", "measure",
            "direction_reported", "certainty", "source_location")
POSITIONS = ("guideline", "payer policy")  # recommendations: no comparator, no time point

# Controlled words: the summary tables and the map group by them, in this order.
CONDITIONS = (
    "knee osteoarthritis", "hip osteoarthritis", "hand osteoarthritis",
    "osteoarthritis (mixed sites)", "temporomandibular disorders", "ankle instability",
    "chronic low back pain", "sacroiliac joint pain", "neck pain", "coccydynia",
    "lateral elbow pain", "rotator cuff disease", "subacromial bursitis", "plantar fasciitis",
    "achilles tendinopathy", "patellar tendinopathy", "osgood-schlatter disease", "groin pain",
    "carpal tunnel syndrome", "de quervain tenosynovitis", "musculoskeletal pain (mixed)",
)
# How a condition is named to readers (the file keeps plain lower-case words).
DISPLAY_NAMES = {"temporomandibular disorders": "Jaw (TMJ) disorders",
                 "osgood-schlatter disease": "Osgood\u2013Schlatter disease",
                 "de quervain tenosynovitis": "De Quervain tenosynovitis",
                 "osteoarthritis (mixed sites)": "Osteoarthritis, mixed sites",
                 "musculoskeletal pain (mixed)": "Musculoskeletal pain, mixed"}


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def display_name(condition: str) -> str:
    return DISPLAY_NAMES.get(condition, sentence_case(condition))


COMPARISONS = (
    "saline or placebo injection", "local anaesthetic injection", "exercise or physiotherapy",
    "corticosteroid injection", "platelet-rich plasma", "other injection",
    "no injection or usual care", "other treatment", "before and after (no control)",
    "recommendation (no comparator)",
)
DESIGNS = ("meta-analysis", "systematic review", "randomised trial", "guideline",
           "payer policy", "trial registration or protocol")
REGISTERED = "trial registration or protocol"  # a trial with no results we could read
POOLED = ("meta-analysis", "systematic review")
NUMBER_COLUMNS = ("estimate", "lower", "upper", "p_value", "participants", "studies_pooled")
DIRECTIONS = ("favours prolotherapy", "favours comparator", "no significant difference",
              "not reported")


@dataclass(frozen=True)
class Finding:
    """One reported comparison: a study's effect for one outcome at one time."""

    condition: str
    comparison: str
    citation_key: str
    design: str
    studies_pooled: int | None
    participants: int | None
    intervention: str
    comparator: str
    outcome: str
    time_point: str
    week: float | None
    measure: str
    scale: str
    estimate: float | None
    lower: float | None
    upper: float | None
    interval: str
    p_value: str
    direction_reported: str
    certainty: str
    certainty_rated_by: str
    source_location: str
    row: int  # where it stands in the file, for messages
    # Every number the row records, as the file writes it (prose is checked against these).
    reported_numbers: frozenset[str] = frozenset()

    @property
    def rated(self) -> bool:
        return self.certainty != "not rated"


def load_evidence(path: Path | str = EVIDENCE_FILE,
                  known_keys: set[str] | None = None) -> list[Finding]:
    """Read and check the evidence file; every problem names file, row and column."""
    path = Path(path)
    known_keys = bibliography_keys() if known_keys is None else known_keys
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise DataFileError(f"{path.name}: the header must be exactly: {','.join(COLUMNS)}")
        findings = [_parse(path.name, number, row, known_keys)
                    for number, row in enumerate(reader, start=2)]
    if not findings:
        raise DataFileError(f"{path.name}: no data rows")
    _check_no_duplicates(path.name, findings)
    return findings


def _parse(filename: str, number: int, row: dict, known_keys: set[str]) -> Finding:
    def where(column: str) -> str:
        return f"{filename}, row {number}, column {column}"

    cells = {column: (row.get(column) or "").strip() for column in COLUMNS}
    for column in REQUIRED:
        if not cells[column]:
            raise DataFileError(f"{where(column)}: empty")
    for column, allowed in (("condition", CONDITIONS), ("comparison", COMPARISONS),
                            ("design", DESIGNS), ("direction_reported", DIRECTIONS)):
        if cells[column] not in allowed:
            raise DataFileError(f"{where(column)}: {cells[column]!r} is not one of: "
                                f"{'; '.join(allowed)}")
    if not cells["time_point"] and cells["design"] not in POSITIONS:
        raise DataFileError(f"{where('time_point')}: empty (only a guideline or payer "
                            f"position may leave it empty)")
    if (cells["design"] in POSITIONS) != (cells["comparison"] == "recommendation (no comparator)"):
        raise DataFileError(f"{where('comparison')}: guidelines and payer policies, and only "
                            f"they, take 'recommendation (no comparator)'")
    _require_known_key(cells["citation_key"], where("citation_key"), known_keys)
    if cells["certainty"] != "not rated" and not cells["certainty_rated_by"]:
        raise DataFileError(f"{where('certainty_rated_by')}: certainty "
                            f"{cells['certainty']!r} needs the body or authors who rated it")
    whole = {c: _integer(cells[c], where(c)) for c in ("studies_pooled", "participants")}
    real = {c: _real(cells[c], where(c)) for c in ("week", "estimate", "lower", "upper")}
    if cells["interval"]:
        if cells["interval"] != "95% CI":
            raise DataFileError(f"{where('interval')}: {cells['interval']!r} is not '95% CI'")
        if real["lower"] is None or real["upper"] is None:
            raise DataFileError(f"{where('interval')}: a 95% CI needs both lower and upper")
        if real["estimate"] is not None and not real["lower"] <= real["estimate"] <= real["upper"]:
            raise DataFileError(f"{where('estimate')}: {real['estimate']:g} lies outside its "
                                f"interval {real['lower']:g} to {real['upper']:g}")
    elif real["lower"] is not None or real["upper"] is not None:
        raise DataFileError(f"{where('interval')}: lower/upper given without an interval kind")
    reported = frozenset(cells[c].lstrip("<>=≤≥ ") for c in NUMBER_COLUMNS if cells[c])
    return Finding(**{**cells, **whole, **real}, row=number, reported_numbers=reported)


def _integer(text: str, where: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise DataFileError(f"{where}: {text!r} is not a whole number")
    return int(text)


def _real(text: str, where: str) -> float | None:
    return _number(text.replace("\u2212", "-"), where) if text else None


def _check_no_duplicates(filename: str, findings: list[Finding]) -> None:
    seen: dict[tuple, int] = {}
    for f in findings:
        point = (f.citation_key, f.condition, f.comparison, f.comparator, f.outcome,
                 f.time_point, f.measure)
        if point in seen:
            raise DataFileError(f"{filename}, row {f.row}, column outcome: the same comparison, "
                                f"outcome and time as row {seen[point]}")
        seen[point] = f.row
        if f.estimate is not None:  # the same number recorded twice under other words
            number = (f.citation_key, f.condition, f.outcome, f.time_point, f.estimate)
            if number in seen:
                raise DataFileError(f"{filename}, row {f.row}, column estimate: "
                                    f"{f.estimate:g} for this outcome and time is already "
                                    f"in row {seen[number]}")
            seen[number] = f.row


# --- Summaries: what the tables and the map show --------------------------------

@dataclass(frozen=True)
class Cell:
    """Everything recorded for one condition and one comparison."""

    condition: str
    comparison: str
    trials: tuple[str, ...]          # randomised trials (citation keys), file order
    participants: int                # randomised in those trials, as reported
    sizes_missing: int               # trials whose size we could not read
    reviews: tuple[str, ...]         # meta-analyses and systematic reviews
    directions: dict[str, str]       # work -> what it reported (the main direction)
    ratings: tuple[tuple[str, str, str], ...]  # (work, certainty, rated by)
    positions: dict[str, str]        # guideline or payer -> its recommendation, in its words
    registered: tuple[str, ...]      # trials registered or planned, no results read


def people_randomised(cell: Cell) -> str:
    """"216", or "at least 216" / "not reported" when some trials' sizes are unknown."""
    if cell.sizes_missing == len(cell.trials):
        return "size not reported"
    return f"at least {cell.participants}" if cell.sizes_missing else str(cell.participants)


def main_direction(rows: list[Finding]) -> str:
    """A work's headline for one comparison: the direction of most of its rows."""
    return Counter(r.direction_reported for r in rows).most_common(1)[0][0]


def cells(findings: list[Finding], conditions: list[str] | None = None) -> list[Cell]:
    """One cell per condition x comparison that has rows, in the controlled order."""
    wanted = conditions or list(CONDITIONS)
    unknown = [c for c in wanted if c not in CONDITIONS]
    if unknown:
        raise DataFileError(f"unknown condition(s) {unknown}; known: {'; '.join(CONDITIONS)}")
    result = []
    for condition in wanted:
        for comparison in COMPARISONS:
            rows = [f for f in findings
                    if f.condition == condition and f.comparison == comparison]
            if not rows:
                continue
            by_work: dict[str, list[Finding]] = {}
            for row in rows:
                by_work.setdefault(row.citation_key, []).append(row)
            trials = tuple(k for k, rs in by_work.items() if rs[0].design == "randomised trial")
            reviews = tuple(k for k, rs in by_work.items() if rs[0].design in POOLED)
            sizes = [max((r.participants or 0) for r in by_work[k]) for k in trials]
            participants, sizes_missing = sum(sizes), sizes.count(0)
            ratings = tuple(dict.fromkeys((r.citation_key, r.certainty, r.certainty_rated_by)
                                          for r in rows if r.rated))
            positions = {k: rs[0].outcome for k, rs in by_work.items() if rs[0].design in POSITIONS}
            registered = tuple(k for k, rs in by_work.items() if rs[0].design == REGISTERED)
            directions = {k: main_direction(rs) for k, rs in by_work.items()
                          if k not in positions and k not in registered}
            result.append(Cell(condition, comparison, trials, participants, sizes_missing, reviews,
                               directions, ratings, positions, registered))
    return result


def as_results(findings: list[Finding], keys: list[str]) -> list[Result]:
    """The rows of some works that carry a 95% CI, as the forest plot's ``Result``s."""
    chosen = [f for key in keys for f in findings
              if f.citation_key == key and f.interval == "95% CI" and f.estimate is not None]
    return [Result(citation_key=f.citation_key, condition=f.condition, outcome=f.outcome,
                   measure=f.measure, unit=f.scale, arm=f"{f.intervention} vs {f.comparator}",
                   week=f.week, estimate=f.estimate, error=None, error_kind="95% CI",
                   source_location=f.source_location, lower=f.lower, upper=f.upper)
            for f in chosen]
