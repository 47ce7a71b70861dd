"""Debian's Chromium, as the tests and the benchmark drive it through Playwright.

No browser is ever downloaded: ``executable()`` finds the system's Chromium (or the
one ``$CHROMIUM`` names) and raises ``ChromiumMissing`` saying how to install it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

INSTALL = "sudo apt-get install -y --no-install-recommends chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


class ChromiumMissing(RuntimeError):
    pass


def executable() -> str:
    named = os.environ.get("CHROMIUM")
    if named:
        if not (Path(named).is_file() and os.access(named, os.X_OK)):
            raise ChromiumMissing(f"CHROMIUM={named} is not an executable file.")
        return named
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing("No Chromium found on PATH and CHROMIUM is not set. Install it with:\n"
                          f"    {INSTALL}\nor set CHROMIUM=/path/to/chromium.")
