"""Cut one PDF handout per teaching chapter out of the whole-book PDF.

A teaching chapter is one with a self-check quiz (``book/<chapter>.quiz.yml``).
Its handout is the book's notice page (notice, licence, edition, source) followed
by the chapter's own pages, found through the PDF's outline, so layout, figure
and table numbers are exactly the book's. Every page also carries the notice,
licence and edition date in its footer; the chapter ends with its own reference
list and answer key. Links into other chapters,
which a handout does not contain, are turned into plain text.

    python scripts/make_handouts.py   (run by scripts/build.sh after the PDF)
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_ext"))
from quiz import BANK_SUFFIX, chapter_title  # noqa: E402  the title the key page uses
BOOK_PDF = REPO / "_build" / "latex" / "prolotherapy-module.pdf"
OUT_DIR = REPO / "_build" / "html" / "handouts"
NOTICE_MARK = "Source and errata"


def teaching_chapters() -> list[tuple[str, str]]:
    """(slug, title) of every chapter with a quiz, in book order."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    chapters = []
    for part in toc["parts"]:
        for entry in part["chapters"]:
            source = REPO / f"{entry['file']}.md"
            if source.exists() and source.with_suffix(BANK_SUFFIX).exists():
                chapters.append((source.stem, chapter_title(str(source))))
    return chapters


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


def notice_page(reader: PdfReader) -> int:
    """The front-matter page with the full notice (reader_notice.py's notice page)."""
    for index, page in enumerate(reader.pages[:12]):
        if NOTICE_MARK in page.extract_text():
            return index
    sys.exit(f"ERROR: no notice page (with '{NOTICE_MARK}') in the first pages of {BOOK_PDF}")


def page_range(starts: list[tuple[str, int]], title: str, last_page: int) -> range:
    first = next((page for name, page in starts if name.strip() == title), None)
    if first is None:
        sys.exit(f"ERROR: chapter '{title}' is not in the PDF outline of {BOOK_PDF}")
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
    if not BOOK_PDF.exists():
        sys.exit(f"ERROR: no book PDF at {BOOK_PDF}: build it first (scripts/build.sh).")
    reader = PdfReader(BOOK_PDF)
    starts = chapter_starts(reader)
    notice = reader.pages[notice_page(reader)]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for slug, title in teaching_chapters():
        pages = page_range(starts, title, len(reader.pages) - 1)
        writer = PdfWriter()
        writer.add_page(notice)
        for index in pages:
            writer.add_page(reader.pages[index])
        drop_links_out_of(writer)
        writer.add_metadata({"/Title": f"{title} (handout)",
                             "/Subject": "Chapter handout; educational material, "
                                         "not medical advice",
                             "/Author": reader.metadata.get("/Author", "")})
        target = OUT_DIR / f"{slug}.pdf"
        with target.open("wb") as handout:
            writer.write(handout)
        print(f"handout {target.relative_to(REPO)}: pages {pages.start + 1}-{pages.stop}")


if __name__ == "__main__":
    main()
