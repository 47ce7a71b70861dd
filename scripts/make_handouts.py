"""Publish the whole-book PDF in the site, and cut one handout per teaching chapter out of it.

What to publish comes from the PDF build itself: ``_build/latex/book-files.json``
(written by ``_ext/course_map.py``) names the book PDF and lists each teaching
chapter (a chapter with a self-check quiz) with its title as the PDF outline shows
it. Each handout is the book's notice page (notice, licence, edition, source) followed
by the chapter's own pages, found through the PDF's outline, so layout, figure
and table numbers are exactly the book's. Every page also carries the notice,
licence and edition date in its footer; the chapter ends with its own reference
list and answer key. Links into other chapters,
which a handout does not contain, are turned into plain text.

    python scripts/make_handouts.py   (run by scripts/build.sh after the PDF)
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

REPO = Path(__file__).resolve().parent.parent
LATEX_DIR = REPO / "_build" / "latex"
SITE_DIR = REPO / "_build" / "html"
BOOK_FILES = LATEX_DIR / "book-files.json"
NOTICE_MARK = "Source and errata"


def book_files() -> dict:
    """The PDF build's list: {"book_pdf": name, "handout_dir": dir, "handouts": [{file, title}]}."""
    if not BOOK_FILES.exists():
        sys.exit(f"ERROR: no {BOOK_FILES}: build the PDF first (scripts/build.sh).")
    return json.loads(BOOK_FILES.read_text(encoding="utf-8"))


def chapter_starts(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, first page index) of every part and chapter in the outline."""
    starts = []
    for item in reader.outline:
        if isinstance(item, list):
            starts += [(child.title, reader.get_destination_page_number(child))
                       for child in item if not isinstance(child, list)]
        else:
            starts.append((item.title, reader.get_destination_page_number(item)))
    return sorted(starts, key=lambda start: start[1])


def notice_page(reader: PdfReader, book_pdf: Path) -> int:
    """The front-matter page with the full notice (reader_notice.py's notice page)."""
    for index, page in enumerate(reader.pages[:12]):
        if NOTICE_MARK in page.extract_text():
            return index
    sys.exit(f"ERROR: no notice page (with '{NOTICE_MARK}') in the first pages of {book_pdf}")


def page_range(starts: list[tuple[str, int]], title: str, last_page: int,
               book_pdf: Path) -> range:
    first = next((page for name, page in starts if name.strip() == title), None)
    if first is None:
        sys.exit(f"ERROR: chapter '{title}' is not in the PDF outline of {book_pdf}")
    following = [page for _, page in starts if page > first]
    return range(first, min(following, default=last_page + 1))


def drop_links_out_of(writer: PdfWriter) -> None:
    """Keep web links; internal links would point at pages the handout lacks."""
    for page in writer.pages:
        annotations = page.get("/Annots")
        if not annotations:
            continue
        kept = [a for a in annotations.get_object()
                if a.get_object().get("/A", {}).get("/S") == "/URI"]
        page[NameObject("/Annots")] = ArrayObject(kept)


def main() -> None:
    listing = book_files()
    book_pdf = LATEX_DIR / listing["book_pdf"]
    if not book_pdf.exists():
        sys.exit(f"ERROR: no book PDF at {book_pdf}: build it first (scripts/build.sh).")
    shutil.copy(book_pdf, SITE_DIR / book_pdf.name)
    print(f"book PDF {(SITE_DIR / book_pdf.name).relative_to(REPO)}")
    reader = PdfReader(book_pdf)
    starts = chapter_starts(reader)
    notice = reader.pages[notice_page(reader, book_pdf)]
    out_dir = SITE_DIR / listing["handout_dir"]
    out_dir.mkdir(parents=True, exist_ok=True)
    for handout in listing["handouts"]:
        title = handout["title"]
        pages = page_range(starts, title, len(reader.pages) - 1, book_pdf)
        writer = PdfWriter()
        writer.add_page(notice)
        for index in pages:
            writer.add_page(reader.pages[index])
        drop_links_out_of(writer)
        writer.add_metadata({"/Title": f"{title} (handout)",
                             "/Subject": "Chapter handout; educational material, "
                                         "not medical advice",
                             "/Author": reader.metadata.get("/Author", "")})
        target = out_dir / handout["file"]
        with target.open("wb") as handout:
            writer.write(handout)
        print(f"handout {target.relative_to(REPO)}: pages {pages.start + 1}-{pages.stop}")


if __name__ == "__main__":
    main()
