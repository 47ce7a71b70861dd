"""What search engines, link previews and instructors need to know about each page.

* ``<meta name="description">`` and Open Graph / Twitter card tags: the page's
  title and its first paragraph of prose;
* "Last updated": the date of the last commit that changed the page's source
  (not the build date), in the theme's footer;
* ``sitemap.xml`` (every page, with that date) and ``robots.txt`` pointing to it.

Page URLs use ``html_baseurl``, which ``site_settings`` derives from the repository.
"""

from __future__ import annotations

import datetime
import html
import re
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from docutils import nodes

from site_settings import human_date, is_website

DESCRIPTION_LENGTH = 200
BOOK_DESCRIPTION = ("an open educational module for health-science students on the proposed "
                    "mechanism, the clinical evidence, the procedure and the safety of "
                    "prolotherapy.")
CITATION = re.compile(r" ?\[[^\]]*\d{4}[a-z]?\]")  # "[Hsu et al., 2023]" reads badly out of context
CHAPTER_NUMBER = re.compile(r"^\d+(\.\d+)*\. ")
SKIPPED = ("admonition", "reading-time", "handout-link")


def first_prose(doctree: nodes.document) -> str:
    """The first paragraph a reader meets, outside boxes and the reading-time line."""
    for paragraph in doctree.findall(nodes.paragraph):
        inside_box = any(isinstance(a, (nodes.Admonition, nodes.table, nodes.figure))
                         for a in _ancestors(paragraph))
        if inside_box or set(paragraph["classes"]) & set(SKIPPED):
            continue
        text = CITATION.sub("", " ".join(paragraph.astext().split()))
        if len(text.split()) >= 12:
            return shorten(text)
    return ""


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def shorten(text: str) -> str:
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def commit_dates(srcdir: str) -> dict[Path, datetime.date]:
    """Each tracked file's last commit date, from one pass over the history."""
    try:
        root = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=srcdir,
                                   capture_output=True, text=True, timeout=20).stdout.strip())
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only"], cwd=root,
                             capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[Path, datetime.date] = {}
    for entry in log.split("\x00")[1:]:
        date, *files = entry.strip().splitlines() or [""]
        for name in files:
            if name.strip():
                dates.setdefault((root / name.strip()).resolve(), datetime.date.fromisoformat(date))
    return dates


def last_commit_date(app, path: Path) -> datetime.date | None:
    if not hasattr(app, "_commit_dates"):  # once per build
        app._commit_dates = commit_dates(app.srcdir)
    return app._commit_dates.get(path.resolve())


def page_url(app, pagename: str) -> str:
    return app.config.html_baseurl.rstrip("/") + "/" + app.builder.get_target_uri(pagename)


def add_page_metadata(app, pagename, templatename, context, doctree) -> None:
    if not is_website(app.builder):  # an EPUB's pages have no web address of their own
        return
    title = CHAPTER_NUMBER.sub("", html.unescape(re.sub(r"<[^>]+>", "", context.get("title", ""))))
    book = app.config.html_title or app.config.project
    description = (first_prose(doctree) if doctree is not None else "") or \
        f"{book}: {BOOK_DESCRIPTION}"
    updated = last_commit_date(app, Path(app.env.doc2path(pagename))) \
        if pagename in app.env.found_docs else None
    if updated:
        context["last_updated"] = human_date(updated)
    tags = {"description": description}
    properties = {"og:title": title, "og:description": description, "og:type": "article",
                  "og:url": page_url(app, pagename), "og:site_name": book,
                  "og:locale": "en_GB"}
    lines = [f'<meta name="{k}" content="{html.escape(v)}" />' for k, v in tags.items()]
    lines += [f'<meta property="{k}" content="{html.escape(v)}" />'
              for k, v in properties.items()]
    lines.append('<meta name="twitter:card" content="summary" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def write_sitemap(app, exception) -> None:
    if exception is not None or not is_website(app.builder):
        return
    outdir = Path(app.outdir)
    entries = []
    for name in sorted(app.env.found_docs):
        if not (outdir / app.builder.get_target_uri(name)).exists():
            continue
        date = last_commit_date(app, Path(app.env.doc2path(name))) or datetime.date.today()
        entries.append(f"  <url><loc>{escape(page_url(app, name))}</loc>"
                       f"<lastmod>{date.isoformat()}</lastmod></url>")
    (outdir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries) + "\n</urlset>\n", encoding="utf-8")
    (outdir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {app.config.html_baseurl.rstrip('/')}/sitemap.xml\n",
        encoding="utf-8")


def setup(app):
    app.setup_extension("site_settings")
    app.connect("html-page-context", add_page_metadata)
    app.connect("build-finished", write_sitemap)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
