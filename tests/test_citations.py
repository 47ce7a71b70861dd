"""The bibliography: every entry is cited, and every entry can be looked up."""

from __future__ import annotations

import functools
import json
import re

import pytest
from pybtex.database import parse_file

from conftest import HTML_DIR, REPO, built_pages
from evidence_data import load_evidence

BIB = parse_file(str(REPO / "references.bib"))
IDENTIFIERS = ("doi", "pmid", "isbn", "url")
CITE_ROLE = re.compile(r"\{(?:cite|footcite)(?::[a-z]+)?\}`([^`]+)`")


@functools.cache  # read once: the per-entry tests all ask
def cited_keys() -> frozenset[str]:
    texts = [p.read_text(encoding="utf-8") for p in (REPO / "book").rglob("*.md")]
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        # Tables a notebook prints from data files cite their sources too.
        texts += ["".join(o.get("data", {}).get("text/markdown", ""))
                  for c in cells for o in c.get("outputs", [])]
    # Every row of the evidence file is cited by the generated table of all conditions.
    keys: set[str] = {f.citation_key for f in load_evidence()}
    for text in texts:
        for group in CITE_ROLE.findall(text):
            keys.update(k.strip() for k in group.split(",") if k.strip())
    return frozenset(keys)


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


# Words from drafting that must never reach a reader's reference list.
DRAFTING = re.compile(r"drafter|check before print|to be confirmed|not confirmed by the|"
                      r"this draft|unattributed journal abstract|\bTODO\b|\bFIXME\b", re.I)


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_entry_has_no_drafting_language(key):
    entry = BIB.entries[key]
    text = " ".join([*entry.fields.values(), *(str(p) for ps in entry.persons.values() for p in ps)])
    assert not DRAFTING.search(text), f"{key}: {DRAFTING.search(text).group(0)!r}"


def test_no_reference_list_shows_drafting_language():
    """The built reference lists, and the citation links' hover text, on every page."""
    from bs4 import BeautifulSoup

    offenders = []
    for page in built_pages():
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        texts = [item.get_text(" ") for item in html.select("div.citation")]
        texts += [link.get("title", "") for link in html.select(".bibtex-citation a")]
        found = [DRAFTING.search(t).group(0) for t in texts if DRAFTING.search(t)]
        if found:
            offenders.append(f"{page.relative_to(HTML_DIR)}: {sorted(set(found))}")
    assert offenders == []
