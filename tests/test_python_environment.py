"""The Python locks: consistent with each other, installed cleanly, and Binder's lean.

requirements.txt locks the build, requirements/test.txt the build plus the test
tools, binder/requirements.txt what a reader's notebook session needs. The same
package must have the same version in all three (strict nbval and the byte-identical
figures depend on matplotlib, numpy, Pillow and fonttools being the same everywhere).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import REPO

LOCKS = {"build": REPO / "requirements.txt", "test": REPO / "requirements" / "test.txt",
         "binder": REPO / "binder" / "requirements.txt"}
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+?)(?:\s*;\s*(.+))?$")


def pins(lock: Path) -> dict[str, str]:
    """Package (normalised name) -> version, for the pins that apply to this Python."""
    from packaging.markers import Marker
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match and (not match.group(3) or Marker(match.group(3)).evaluate()):
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def test_every_lock_pins_the_same_version_of_a_shared_package():
    build, test, binder = (pins(LOCKS[k]) for k in ("build", "test", "binder"))
    assert build.items() <= test.items(), "the test lock differs from the build lock"
    assert binder.items() <= build.items(), "Binder's lock differs from the build lock"
    for package in ("matplotlib", "numpy", "pillow", "fonttools"):
        assert build[package] == test[package] == binder[package], package


def test_binder_lock_is_lean():
    binder = pins(LOCKS["binder"])
    for heavy in ("playwright", "jupyter-book", "sphinx", "pytest"):
        assert heavy not in binder, f"Binder would install {heavy}"


def test_the_installed_environment_is_consistent():
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_environment_is_the_test_lock():
    from importlib.metadata import distributions
    installed = {re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version
                 for d in distributions()}
    wanted = pins(LOCKS["test"])
    wrong = {name: (version, installed.get(name)) for name, version in wanted.items()
             if installed.get(name) != version}
    assert not wrong, f"installed versions differ from requirements/test.txt: {wrong}"


@pytest.fixture(scope="module")
def binder_python(tmp_path_factory) -> Path:
    """A throw-away virtual environment holding only Binder's lock."""
    home = tmp_path_factory.mktemp("binder-venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(LOCKS["binder"])], check=True)
    return python


@pytest.mark.parametrize("notebook", sorted((REPO / "notebooks").glob("*.ipynb")),
                         ids=lambda path: path.name)
def test_notebook_runs_in_binders_environment(binder_python, notebook, tmp_path):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    script = tmp_path / f"run_{notebook.stem}.py"  # not the name of a module it imports
    # Run as a script (with the non-GUI backend), display() as a kernel would provide it.
    script.write_text("from IPython.display import display\n" + code, encoding="utf-8")
    result = subprocess.run([str(binder_python), str(script)], cwd=REPO / "notebooks",
                            env={"PYTHONPATH": str(REPO / "notebooks"), "PATH": "/usr/bin:/bin",
                                 "MPLBACKEND": "Agg", "HOME": str(tmp_path)},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
