"""axe-core, the accessibility checker the browser tests inject into each page.

It comes from npm, pinned in requirements/node/package-lock.json; scripts/test.sh
installs it into the virtual environment running the tests (``node/`` in it), never
into the source tree. Missing, the tests fail and name the command (never a skip).
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import pytest

AXE_DIR = Path(sys.prefix) / "node" / "node_modules" / "axe-core"
INSTALL = ("bash scripts/test.sh (it installs requirements/node/package-lock.json there; "
           "needs npm: sudo apt-get install -y --no-install-recommends npm)")
# WCAG 2.0-2.2 A and AA, and Deque's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _installed(name: str) -> Path:
    path = AXE_DIR / name
    if not path.is_file():
        pytest.fail(f"axe-core is not installed in {AXE_DIR}: run {INSTALL}", pytrace=False)
    return path


def version() -> str:
    """The installed axe-core's version, from its package.json."""
    return json.loads(_installed("package.json").read_text(encoding="utf-8"))["version"]


@functools.cache
def source() -> str:
    return _installed("axe.min.js").read_text(encoding="utf-8")


def run(page) -> dict:
    """axe's full result for the page as it is now (WCAG A/AA and best practices)."""
    page.evaluate(source())
    return page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)


def violations(page) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            for v in run(page)["violations"]]
