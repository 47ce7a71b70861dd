"""Build failures and the notebook cache, on a minimal book that uses the real configuration.

Each test copies tests/fixture_book/ beside the real _config.yml, _ext/ and
references.bib, so the checks exercise the book's own settings and extensions,
but build in seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

FIXTURE = REPO / "tests" / "fixture_book"
JUPYTER_BOOK = [str(Path(sys.executable).parent / "jupyter-book")]  # the venv's own
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def make_book(tmp_path: Path) -> Path:
    book = tmp_path / "book"
    shutil.copytree(FIXTURE, book)
    shutil.copy(REPO / "_config.yml", book)
    shutil.copy(REPO / "references.bib", book)
    shutil.copytree(REPO / "_ext", book / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    # The extensions read the book's data through the notebooks' checking loaders.
    for loader in ("book_data.py", "evidence_data.py"):
        shutil.copy(REPO / "notebooks" / loader, book / "notebooks")
    return book


def build(book: Path) -> tuple[int, str]:
    result = subprocess.run([*JUPYTER_BOOK, "build", str(book), "--builder", "html",
                             "-n", "-W", "--keep-going"],
                            capture_output=True, text=True, timeout=300)
    return result.returncode, ANSI.sub("", result.stdout + result.stderr)


# Packages whose frames in a traceback mean the build tool itself crashed. A kernel's
# own shutdown can race and print a traceback from ipykernel/jupyter_client/zmq into the
# log; that is not the build failing, so only tracebacks through these count.
BUILD_TOOL_FRAMES = re.compile(r'File "[^"]*/(sphinx|jupyter_book|myst_nb|myst_parser|docutils|'
                               r'sphinxcontrib|_ext)/')


def build_tool_tracebacks(log: str) -> list[str]:
    """Every traceback in a build log that passes through the build tool's own code."""
    blocks = re.findall(r"Traceback \(most recent call last\):\n(?:[ \t].*\n?)*", log)
    return [block for block in blocks if BUILD_TOOL_FRAMES.search(block)]


def test_build_tool_tracebacks_ignore_only_a_kernel_shutdown_race():
    kernel = ('Traceback (most recent call last):\n'
              '  File "/v/lib/python3.11/site-packages/ipykernel/kernelbase.py", line 1, in f\n'
              '    self.shell_stream.flush()\nzmq.error.ZMQError: Socket operation on non-socket\n')
    tool = ('Traceback (most recent call last):\n'
            '  File "/v/lib/python3.11/site-packages/sphinx/cmd/build.py", line 2, in main\n'
            '    app.build()\nKeyError: x\n')
    assert build_tool_tracebacks("log\n" + kernel) == []
    assert len(build_tool_tracebacks(kernel + "more\n" + tool)) == 1


def executions(log: str) -> int:
    return log.count("Executed notebook in")


def edit_notebook_code(book: Path, source: str) -> None:
    path = book / "notebooks" / "fixture.ipynb"
    notebook = json.loads(path.read_text())
    notebook["cells"][1]["source"] = source
    path.write_text(json.dumps(notebook))


@pytest.fixture(scope="module")
def cached_book(tmp_path_factory) -> Path:
    """A fixture book built once, so its notebook is in the execution cache."""
    book = make_book(tmp_path_factory.mktemp("cache"))
    code, log = build(book)
    assert code == 0, log
    assert executions(log) == 1
    return book


def test_prose_edit_executes_no_notebook(cached_book):
    page = cached_book / "book" / "index.md"
    page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
    code, log = build(cached_book)
    assert code == 0, log
    assert executions(log) == 0
    assert "Using cached notebook" in log or "notebooks/fixture" not in log


def test_data_file_change_re_executes_notebook(cached_book):
    data = cached_book / "data" / "fixture.csv"
    data.write_text("label,value\nbeta,2\n")
    code, log = build(cached_book)
    assert code == 0, log
    assert executions(log) == 1
    html = (cached_book / "_build" / "html" / "notebooks" / "fixture.html").read_text()
    assert "beta,2" in html, "the page still shows the old output"


def test_helper_module_change_re_executes_notebook(cached_book):
    helper = cached_book / "notebooks" / "fixture_helper.py"
    helper.write_text(helper.read_text().replace("return rows[1]", "return rows[1].upper()"))
    code, log = build(cached_book)
    assert code == 0, log
    assert executions(log) == 1
    html = (cached_book / "_build" / "html" / "notebooks" / "fixture.html").read_text()
    assert "BETA,2" in html


def test_no_change_executes_nothing(cached_book):
    code, log = build(cached_book)
    assert code == 0, log
    assert executions(log) == 0


BAD_PAGES = {
    "broken reference": (
        lambda text: text + "\nSee {ref}`no-such-section`.\n",
        r"book/index\.md:\d+: WARNING: undefined label: 'no-such-section'"),
    "unknown citation key": (
        lambda text: text.replace("rabago2013dextrose", "nosuchkey2099"),
        r"book/index\.md:\d+: WARNING: could not find bibtex key \"nosuchkey2099\""),
}


@pytest.mark.parametrize("problem", BAD_PAGES)
def test_bad_page_fails_naming_the_file_and_problem(tmp_path, problem):
    edit, expected = BAD_PAGES[problem]
    book = make_book(tmp_path)
    page = book / "book" / "index.md"
    page.write_text(edit(page.read_text()))
    code, log = build(book)
    assert code != 0
    assert re.search(expected, log), log
    assert build_tool_tracebacks(log) == []


def test_failing_notebook_fails_and_shows_the_cell(tmp_path):
    book = make_book(tmp_path)
    edit_notebook_code(book, "value = 41\nraise ValueError('deliberate failure: ' + str(value + 1))")
    code, log = build(book)
    assert code != 0
    assert "notebooks/fixture.ipynb" in log and "Executing notebook failed" in log
    assert "raise ValueError('deliberate failure: ' + str(value + 1))" in log, "cell not shown"
    assert "ValueError: deliberate failure: 42" in log
    assert "jupyter_book/cli/main.py" not in log, "raw traceback of the build tool"


def test_fixture_builds_keep_their_own_execution_cache(cached_book):
    """The cache path is relative; it must resolve against the book being built, not
    the current directory (the tests run from the repository root)."""
    assert (cached_book / "_build" / ".jupyter_cache").is_dir()
