"""The "educational, not medical advice" notice, on every HTML page and in print.

One text, defined here, is rendered three ways:

* HTML: a banner at the top of every page (the theme's announcement slot,
  overridden by ``templates/sections/announcement.html``), with links to the
  About page and to the whole-book PDF and EPUB, the licence and the edition date;
* PDF: a notice page in the front matter, before the table of contents;
* PDF: a footer line on every page, so a single photocopied page still says it.
"""

from __future__ import annotations

from pathlib import Path

from latex_text import append_to_preamble, latex_escape
from notebook_freshness import dependency_files, fingerprint
from site_settings import book_epub_name, book_pdf_name

NOTICE_TITLE = "Educational material, not medical advice."
NOTICE_TEXT = (
    "This module teaches what research has and has not shown about prolotherapy. "
    "It cannot guide the care of any person: decisions about treatment belong with "
    "a qualified clinician who knows the patient."
)
LICENCE = "Text CC BY 4.0; code MIT"
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def latex_front_matter(config) -> str:
    """LaTeX defining the notice page and the notice footer on every page."""
    title, text = latex_escape(NOTICE_TITLE), latex_escape(NOTICE_TEXT)
    # Every printed page, and so every chapter handout, carries notice, licence, date.
    footer = latex_escape(f"{NOTICE_TITLE} · {LICENCE} · Edition {config.book_edition_date}")
    return rf"""
\newcommand{{\booknoticepage}}{{%
  \thispagestyle{{empty}}\vspace*{{\fill}}
  \begin{{sphinxadmonition}}{{warning}}{{{title}}}
  {text}
  \end{{sphinxadmonition}}
  \bigskip
  \noindent\textbf{{Licence.}} {latex_escape(LICENCE)}.\par
  \noindent\textbf{{Edition.}} {latex_escape(config.book_edition_date)}.\par
  \noindent\textbf{{Source and errata.}} \url{{{config.book_repository_url}}}\par
  \vspace*{{\fill}}\clearpage}}
\makeatletter
\fancypagestyle{{normal}}{{%
  \fancyhf{{}}
  \fancyfoot[RO,LE]{{\textbf{{\thepage}}}}
  \fancyfoot[LO,RE]{{\small\itshape {footer}}}
  \fancyhead[LE]{{\small\nouppercase{{\leftmark}}}}
  \fancyhead[RO]{{\small\nouppercase{{\rightmark}}}}
  \renewcommand{{\headrulewidth}}{{0.4pt}}
  \renewcommand{{\footrulewidth}}{{0.4pt}}}}
\fancypagestyle{{plain}}{{%
  \fancyhf{{}}
  \fancyfoot[RO,LE]{{\textbf{{\thepage}}}}
  \fancyfoot[LO,RE]{{\small\itshape {footer}}}
  \renewcommand{{\headrulewidth}}{{0pt}}
  \renewcommand{{\footrulewidth}}{{0.4pt}}}}
\makeatother
"""


def add_notice(app, config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    config.html_context = {
        **config.html_context,
        "notice_title": NOTICE_TITLE,
        "notice_text": NOTICE_TEXT,
        "notice_licence": LICENCE,
        "notice_edition": config.book_edition_date,
    }
    append_to_preamble(config, latex_front_matter(config))
    elements = dict(config.latex_elements)
    elements["tableofcontents"] = r"\booknoticepage" + "\n" + elements.get(
        "tableofcontents", r"\sphinxtableofcontents"
    )
    config.latex_elements = elements


def add_book_pdf(app, pagename, templatename, context, doctree) -> None:
    context["book_pdf"] = book_pdf_name(app.config)
    context["book_epub"] = book_epub_name(app.config)


def rewrite_pages_when_assets_change(app, env, added, changed, removed) -> list[str]:
    """Sphinx copies static files only when some page is written, and does not
    notice edits to our templates or extension code: such a change would never
    reach the site. Re-reading every page (notebooks come from the execution
    cache, so nothing is executed) makes Sphinx rewrite and re-copy them."""
    root = Path(__file__).parent
    current = fingerprint(root, dependency_files(root, ["static/**/*", "templates/**/*",
                                                        "*/static/**/*", "*.py", "*/*.py"]))
    if getattr(env, "book_assets_fingerprint", None) == current:
        return []
    env.book_assets_fingerprint = current
    return sorted(env.found_docs - set(added) - set(changed))


def setup(app):
    app.setup_extension("site_settings")  # provides the edition date and repository
    app.connect("config-inited", add_notice, priority=600)
    app.connect("html-page-context", add_book_pdf)
    app.add_css_file("book.css")
    app.connect("env-get-outdated", rewrite_pages_when_assets_change)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
