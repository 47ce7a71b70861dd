"""Helper module the fixture notebook imports (a cache dependency)."""
from pathlib import Path


def first_value() -> str:
    rows = (Path(__file__).parent.parent / "data" / "fixture.csv").read_text().splitlines()
    return rows[1]
