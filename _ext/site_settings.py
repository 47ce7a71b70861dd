"""Settings derived from the one public setting, ``repository.url``.

A maintainer who publishes a fork changes ``repository.url`` in ``_config.yml``
and nothing else: the site URL (used for canonical links and the sitemap) is
derived here as GitHub Pages would serve it, unless ``html.baseurl`` is set.
The edition date printed in the notice comes from the last git commit, so two
builds of the same commit carry the same date. The book PDF's name comes from the
LaTeX target in ``_config.yml`` (``latex.latex_documents.targetname``), the one
place it is set; the EPUB's name follows it.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import PurePosixPath

from sphinx.errors import ConfigError

GITHUB_REPO = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)/?$")


def site_url_for(repository_url: str) -> str:
    """The GitHub Pages address of a GitHub repository."""
    match = GITHUB_REPO.match(repository_url or "")
    if not match:
        raise ConfigError(
            "_config.yml: repository.url must look like https://github.com/OWNER/NAME "
            f"(got {repository_url!r}); or set html.baseurl to the site address."
        )
    return f"https://{match['owner'].lower()}.github.io/{match['name']}/"


def edition_date(srcdir: str) -> datetime.date:
    """Date of the last commit, or today when the tree is not a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=srcdir, capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
        return datetime.date.fromisoformat(out)
    except (OSError, subprocess.SubprocessError, ValueError):
        return datetime.date.today()


def human_date(date: datetime.date) -> str:
    """As the book prints dates: 24 November 2026."""
    return date.strftime("%d %B %Y").lstrip("0")


def book_pdf_name(config) -> str:
    """The whole-book PDF's file name, from the LaTeX target. Read it when a page or
    file is written: Jupyter Book sets ``latex_documents`` only after start-up."""
    return PurePosixPath(config.latex_documents[0][1]).with_suffix(".pdf").name


def book_epub_name(config) -> str:
    """The whole-book EPUB's file name: the PDF's, ending in ``.epub``."""
    return PurePosixPath(book_pdf_name(config)).with_suffix(".epub").name


def is_website(builder) -> bool:
    """Whether this build makes the website. Sphinx's EPUB builder is an HTML builder
    too, but it makes a book: no sitemap, downloads or page scripts."""
    return builder.format == "html" and builder.name != "epub"


def derive_settings(app, config) -> None:
    repository_url = config.html_theme_options.get("repository_url", "")
    if not config.html_baseurl:
        config.html_baseurl = site_url_for(repository_url)
    config.book_repository_url = repository_url.rstrip("/")
    if not config.book_edition_date:
        config.book_edition_date = human_date(edition_date(app.srcdir))


def setup(app):
    app.add_config_value("book_repository_url", "", "env", [str])
    app.add_config_value("book_edition_date", "", "env", [str])
    app.connect("config-inited", derive_settings, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
