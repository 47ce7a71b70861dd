"""A template copied from the theme still matches the theme that is installed.

Each copy in _ext/templates/ says in its header which theme file (and which
version of the theme) it was copied from, with that file's sha256. When the theme is
upgraded and its file changes, the copy would silently keep the old markup (old asset
digests, old fixes): this fails until the copy is made again from the new file.
"""

from __future__ import annotations

import hashlib
import re
from importlib import metadata

import pytest

from conftest import REPO

TEMPLATES = REPO / "_ext" / "templates"
COPIED = re.compile(r"copied from\s+(?P<dist>[A-Za-z0-9_.-]+) (?P<version>\d[^,\s]*), file\s+"
                    r"(?P<path>\S+)\s+\(sha256 (?P<sha256>[0-9a-f]{64})", re.IGNORECASE)
# The copies this book has: each must keep its header (a test below checks).
KNOWN_COPIES = {"layout.html", "search-button-field.html", "static/webpack-macros.html"}


def copies() -> dict[str, re.Match]:
    found = {}
    for template in sorted(TEMPLATES.rglob("*.html")):
        match = COPIED.search(template.read_text(encoding="utf-8"))
        if match:
            found[template.relative_to(TEMPLATES).as_posix()] = match
    return found


def test_every_known_copy_names_its_original():
    assert KNOWN_COPIES <= set(copies()), (
        f"no 'Copied from THEME VERSION, file PATH (sha256 …' header in "
        f"{sorted(KNOWN_COPIES - set(copies()))}")


@pytest.mark.parametrize("template", sorted(copies().items()), ids=lambda item: item[0])
def test_theme_file_is_still_the_one_copied(template):
    name, header = template
    dist, path = header["dist"], header["path"]
    installed = metadata.version(dist)
    original = metadata.distribution(dist).locate_file(path)
    assert original.is_file(), f"{dist} {installed} has no file {path} (copied into {name})"
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    redo = (f"_ext/templates/{name} is a copy of {dist} {header['version']}'s {path}, but "
            f"{dist} {installed} is installed, whose file has sha256 {digest}. Copy the "
            f"theme's file again, re-apply the change the header describes, and record the "
            f"new version and sha256 in the header.")
    assert digest == header["sha256"], redo
    assert installed == header["version"], redo
