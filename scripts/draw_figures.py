"""Draw the book's schematic figures from their scripts in book/figures/.

Each ``book/figures/<name>.py`` defines ``draw() -> matplotlib Figure``. This
writes ``<name>.svg`` (web: sharp at any size) and ``<name>.pdf`` (print:
vector) beside it; chapters include them as ``figures/<name>.*`` and Sphinx
picks the right one for each output. Both files are committed, and a test
redraws them to check they are current.

    bash scripts/draw-figures.sh            # all figures
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
# Text stays text in the SVG: smaller files, selectable and searchable in the browser.
matplotlib.rcParams["svg.fonttype"] = "none"
import matplotlib.pyplot as plt  # noqa: E402

# project_paths puts notebooks/ on the path: the figure scripts import book_figures (the style).
from project_paths import REPO  # noqa: E402

FIGURES = REPO / "book" / "figures"
os.environ["SOURCE_DATE_EPOCH"] = "0"  # reproducible PDF dates

FORMATS = {"svg": {"metadata": {"Date": None}}, "pdf": {"metadata": {"CreationDate": None}}}


def figure_scripts() -> list[Path]:
    return sorted(p for p in FIGURES.glob("*.py") if not p.name.startswith("_"))


def render(script: Path) -> dict[str, bytes]:
    """The figure drawn by one script, as bytes per format."""
    spec = importlib.util.spec_from_file_location(f"figure_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figure = module.draw()
    out = {}
    for fmt, options in FORMATS.items():
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, bbox_inches="tight", **options)
        out[fmt] = buffer.getvalue()
    plt.close(figure)
    return out


def main() -> int:
    for script in figure_scripts():
        for fmt, data in render(script).items():
            target = script.with_suffix(f".{fmt}")
            target.write_bytes(data)
            print(f"wrote {target.relative_to(REPO)} ({len(data) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
