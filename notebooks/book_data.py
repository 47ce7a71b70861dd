"""Load the book's cited data files and refuse bad rows with a clear message.

Every row of every CSV in ``data/`` names the work it comes from
(``citation_key``, a key in ``references.bib``) and where in that work the
number stands (``source_location``). Loading checks both, parses the numbers,
and reports a problem as ``file, row N, column C: what is wrong``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DATA_DIR = REPOSITORY / "data"
BIBLIOGRAPHY = REPOSITORY / "references.bib"

REQUIRED_TEXT = ("citation_key", "condition", "outcome", "measure", "unit", "arm",
                 "error_kind", "source_location")
REQUIRED_NUMBERS = ("week", "estimate")
OPTIONAL_NUMBERS = ("error", "lower", "upper")
# How a source reported the spread around its estimate. SE and SD are one number
# ("error", shown as ±); a confidence interval is its two ends ("lower", "upper").
# A row carries exactly what its source printed: nothing is converted.
ERROR_KINDS = ("SE", "SD", "95% CI", "none")


class DataFileError(ValueError):
    """A data file that cannot be plotted as it stands."""


@dataclass(frozen=True)
class Result:
    """One published number: a study's estimate for one arm, outcome and time."""

    citation_key: str
    condition: str
    outcome: str
    measure: str
    unit: str
    arm: str
    week: float
    estimate: float
    error: float | None
    error_kind: str
    source_location: str
    lower: float | None = None
    upper: float | None = None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The reported spread as (low, high): ± error for SE/SD, the ends for a CI."""
        if self.error is not None:
            return self.estimate - self.error, self.estimate + self.error
        if self.lower is not None:
            return self.lower, self.upper
        return None


def bibliography_keys(path: Path = BIBLIOGRAPHY) -> set[str]:
    """The entry keys of a BibTeX file (``@type{key,``)."""
    return set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8")))


def _number(text: str, where: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise DataFileError(f"{where}: {text!r} is not a number") from None


def _read_rows(path: Path | str, columns: tuple[str, ...]) -> tuple[str, list[tuple[int, dict]]]:
    """A CSV's file name and its (row number, row) pairs, after checking its header."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = REPOSITORY / path
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(f"{path.name}: missing column(s) {', '.join(missing)}")
        return path.name, list(enumerate(reader, start=2))


def _require_known_key(key: str, where: str, known_keys: set[str]) -> None:
    if key not in known_keys:
        raise DataFileError(f"{where}: {key!r} is not in references.bib")


def _require_filled(filename: str, number: int, row: dict, columns: tuple[str, ...]) -> None:
    for column in columns:
        if not (row.get(column) or "").strip():
            raise DataFileError(f"{filename}, row {number}, column {column}: empty")


def load_results(path: Path | str, known_keys: set[str] | None = None) -> list[Result]:
    """Read one data CSV into ``Result`` rows, checking every cell on the way."""
    known_keys = bibliography_keys() if known_keys is None else known_keys
    filename, rows = _read_rows(path, REQUIRED_TEXT + REQUIRED_NUMBERS)
    results = [_parse_row(filename, number, row, known_keys) for number, row in rows]
    if not results:
        raise DataFileError(f"{filename}: no data rows")
    _check_consistent(filename, results)
    return results


def _check_consistent(filename: str, results: list[Result]) -> None:
    """One outcome of one study has one measure and unit; no point is given twice."""
    first: dict[tuple[str, str], tuple[int, Result]] = {}
    seen: dict[tuple[str, str, str, float], int] = {}
    for number, result in enumerate(results, start=2):
        study_outcome = (result.citation_key, result.outcome)
        if study_outcome not in first:
            first[study_outcome] = (number, result)
        else:
            row, earlier = first[study_outcome]
            for column in ("measure", "unit"):
                if getattr(result, column) != getattr(earlier, column):
                    raise DataFileError(
                        f"{filename}, row {number}, column {column}: {result.outcome!r} of "
                        f"{result.citation_key} has {getattr(result, column)!r} here but "
                        f"{getattr(earlier, column)!r} in row {row}")
        point = (result.citation_key, result.outcome, result.arm, result.week)
        if point in seen:
            raise DataFileError(f"{filename}, row {number}, column week: {result.arm}, "
                                f"{result.outcome}, week {result.week:g} is already in row "
                                f"{seen[point]}")
        seen[point] = number


def _parse_row(filename: str, number: int, row: dict, known_keys: set[str]) -> Result:
    def where(column: str) -> str:
        return f"{filename}, row {number}, column {column}"

    _require_filled(filename, number, row, REQUIRED_TEXT)
    key = row["citation_key"].strip()
    _require_known_key(key, where("citation_key"), known_keys)  # exactly one work per result
    kind = row["error_kind"].strip()
    if kind not in ERROR_KINDS:
        raise DataFileError(f"{where('error_kind')}: {kind!r} is not one of {', '.join(ERROR_KINDS)}")
    spread = {c: (row.get(c) or "").strip() for c in OPTIONAL_NUMBERS}
    given = {c for c, text in spread.items() if text}
    expected = {"SE": {"error"}, "SD": {"error"}, "95% CI": {"lower", "upper"}, "none": set()}[kind]
    if given != expected:
        needs = " and ".join(sorted(expected)) or "no spread"
        raise DataFileError(f"{where('error_kind')}: {kind!r} needs {needs}, "
                            f"but the row gives {' and '.join(sorted(given)) or 'none'}")
    numbers = {c: _number(spread[c], where(c)) for c in given}
    error = numbers.get("error")
    if error is not None and error < 0:
        raise DataFileError(f"{where('error')}: a spread cannot be negative ({error})")
    estimate = _number(row["estimate"], where("estimate"))
    if "lower" in numbers and not numbers["lower"] <= estimate <= numbers["upper"]:
        raise DataFileError(f"{where('estimate')}: {estimate:g} lies outside its interval "
                            f"{numbers['lower']:g} to {numbers['upper']:g}")
    return Result(
        citation_key=key,
        condition=row["condition"].strip(),
        outcome=row["outcome"].strip(),
        measure=row["measure"].strip(),
        unit=row["unit"].strip(),
        arm=row["arm"].strip(),
        week=_number(row["week"], where("week")),
        estimate=estimate,
        error=error,
        error_kind=kind,
        source_location=row["source_location"].strip(),
        lower=numbers.get("lower"),
        upper=numbers.get("upper"),
    )


def by_arm(results: list[Result]) -> dict[str, list[Result]]:
    """Group rows by arm (in first-seen order), each sorted by week."""
    arms: dict[str, list[Result]] = {}
    for result in results:
        arms.setdefault(result.arm, []).append(result)
    return {arm: sorted(rows, key=lambda r: r.week) for arm, rows in arms.items()}


# --- Time scales for the recovery timeline ---------------------------------

TIMESCALE_COLUMNS = ("window", "start_days", "end_days", "basis", "citation_key",
                     "source_location")
TIMESCALE_WINDOWS = ("soreness", "inflammation", "proliferation", "remodelling")


@dataclass(frozen=True)
class Timescale:
    """How long one process lasts after an event (day 0), as a cited source reports it."""

    window: str
    start_days: float
    end_days: float
    basis: str
    citation_keys: tuple[str, ...]  # one or more works, separated by ";" in the file
    source_location: str


def load_timescales(path: Path | str, known_keys: set[str] | None = None) -> dict[str, Timescale]:
    """Read the timeline's windows (one row each, all four present), checking every cell."""
    known_keys = bibliography_keys() if known_keys is None else known_keys
    filename, rows = _read_rows(path, TIMESCALE_COLUMNS)
    windows: dict[str, Timescale] = {}
    for number, row in rows:
        scale = _parse_timescale(filename, number, row, known_keys)
        if scale.window in windows:
            raise DataFileError(f"{filename}, row {number}, column window: "
                                f"{scale.window!r} appears twice")
        windows[scale.window] = scale
    absent = [w for w in TIMESCALE_WINDOWS if w not in windows]
    if absent:
        raise DataFileError(f"{filename}: no row for {', '.join(absent)}")
    return windows


def _parse_timescale(filename: str, number: int, row: dict, known_keys: set[str]) -> Timescale:
    def where(column: str) -> str:
        return f"{filename}, row {number}, column {column}"

    _require_filled(filename, number, row, TIMESCALE_COLUMNS)
    window = row["window"].strip()
    if window not in TIMESCALE_WINDOWS:
        raise DataFileError(f"{where('window')}: {window!r} is not one of "
                            f"{', '.join(TIMESCALE_WINDOWS)}")
    keys = tuple(k.strip() for k in row["citation_key"].split(";") if k.strip())
    for key in keys:
        _require_known_key(key, where("citation_key"), known_keys)
    start = _number(row["start_days"], where("start_days"))
    end = _number(row["end_days"], where("end_days"))
    if not 0 <= start < end:
        raise DataFileError(f"{where('end_days')}: a window must satisfy 0 <= start < end "
                            f"(start {start:g}, end {end:g})")
    return Timescale(window, start, end, row["basis"].strip(), keys,
                     row["source_location"].strip())
