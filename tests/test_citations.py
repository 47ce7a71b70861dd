"""The bibliography: every entry is cited, and every entry can be looked up."""

from __future__ import annotations

import json
import re

import pytest
from pybtex.database import parse_file

from conftest import REPO

BIB = parse_file(str(REPO / "references.bib"))
IDENTIFIERS = ("doi", "pmid", "isbn", "url")
CITE_ROLE = re.compile(r"\{(?:cite|footcite)(?::[a-z]+)?\}`([^`]+)`")


def cited_keys() -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in (REPO / "book").rglob("*.md")]
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        # Tables a notebook prints from data files cite their sources too.
        texts += ["".join(o.get("data", {}).get("text/markdown", ""))
                  for c in cells for o in c.get("outputs", [])]
    keys: set[str] = set()
    for text in texts:
        for group in CITE_ROLE.findall(text):
            keys.update(k.strip() for k in group.split(",") if k.strip())
    return keys


def test_bibliography_is_not_empty():
    assert len(BIB.entries) >= 3


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_entry_is_cited_in_the_book(key):
    assert key in cited_keys(), f"references.bib entry {key!r} is never cited"


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_entry_has_an_identifier_or_says_why_not(key):
    fields = {name.lower() for name in BIB.entries[key].fields}
    assert fields & set(IDENTIFIERS) or "note" in fields, (
        f"{key}: give a DOI, PMID, ISBN or URL, or a note saying why none exists")


def test_every_cited_key_exists():
    assert cited_keys() - set(BIB.entries) == set()
