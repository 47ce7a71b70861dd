"""The one way the scripts in this folder reach the project's own modules.

    import project_paths  # noqa: F401  before importing from _ext/ or notebooks/

puts ``_ext/`` (the Sphinx extensions: page_speed, quiz…) and ``notebooks/`` (the
data loaders and figure style: book_data, book_figures…) on ``sys.path``. The
tests get the same folders from ``pythonpath`` in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

for _folder in ("_ext", "notebooks"):
    if str(REPO / _folder) not in sys.path:
        sys.path.insert(0, str(REPO / _folder))
