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
OPTIONAL_NUMBERS = ("error",)
ERROR_KINDS = ("SE", "SD", "none")  # a CI needs lower and upper columns: not used yet


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


def bibliography_keys(path: Path = BIBLIOGRAPHY) -> set[str]:
    """The entry keys of a BibTeX file (``@type{key,``)."""
    return set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8")))


def _number(text: str, where: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise DataFileError(f"{where}: {text!r} is not a number") from None


def load_results(path: Path | str, known_keys: set[str] | None = None) -> list[Result]:
    """Read one data CSV into ``Result`` rows, checking every cell on the way."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = REPOSITORY / path
    known_keys = bibliography_keys() if known_keys is None else known_keys
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        missing = [c for c in REQUIRED_TEXT + REQUIRED_NUMBERS if c not in columns]
        if missing:
            raise DataFileError(f"{path.name}: missing column(s) {', '.join(missing)}")
        results = [_parse_row(path.name, number, row, known_keys)
                   for number, row in enumerate(reader, start=2)]
    if not results:
        raise DataFileError(f"{path.name}: no data rows")
    return results


def _parse_row(filename: str, number: int, row: dict, known_keys: set[str]) -> Result:
    def where(column: str) -> str:
        return f"{filename}, row {number}, column {column}"

    for column in REQUIRED_TEXT:
        if not (row.get(column) or "").strip():
            raise DataFileError(f"{where(column)}: empty")
    key = row["citation_key"].strip()
    if key not in known_keys:
        raise DataFileError(f"{where('citation_key')}: {key!r} is not in references.bib")
    kind = row["error_kind"].strip()
    if kind not in ERROR_KINDS:
        raise DataFileError(f"{where('error_kind')}: {kind!r} is not one of {', '.join(ERROR_KINDS)}")
    error_text = (row.get("error") or "").strip()
    error = _number(error_text, where("error")) if error_text else None
    if (error is None) != (kind == "none"):
        raise DataFileError(f"{where('error')}: error_kind {kind!r} does not match error {error_text!r}")
    if error is not None and error < 0:
        raise DataFileError(f"{where('error')}: a spread cannot be negative ({error})")
    return Result(
        citation_key=key,
        condition=row["condition"].strip(),
        outcome=row["outcome"].strip(),
        measure=row["measure"].strip(),
        unit=row["unit"].strip(),
        arm=row["arm"].strip(),
        week=_number(row["week"], where("week")),
        estimate=_number(row["estimate"], where("estimate")),
        error=error,
        error_kind=kind,
        source_location=row["source_location"].strip(),
    )


def by_arm(results: list[Result]) -> dict[str, list[Result]]:
    """Group rows by arm (in first-seen order), each sorted by week."""
    arms: dict[str, list[Result]] = {}
    for result in results:
        arms.setdefault(result.arm, []).append(result)
    return {arm: sorted(rows, key=lambda r: r.week) for arm, rows in arms.items()}
