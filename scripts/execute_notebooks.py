"""Re-execute every notebook on a fresh kernel, top to bottom, and save its outputs.

For maintainers, after changing a notebook, its data or its helper modules:
    bash scripts/execute-notebooks.sh
nbval (in the test suite) then checks that a new run reproduces these outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(notebook, path)


def main(paths: list[str]) -> int:
    targets = [Path(p).resolve() for p in paths] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in targets:
        print(f">> executing {path.relative_to(NOTEBOOKS.parent)}")
        try:
            execute(path)
        except CellExecutionError as error:
            print(f"ERROR: {path.name} failed; nothing was saved for it.\n{error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
