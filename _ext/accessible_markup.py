"""Repair markup that fails the accessibility gate (axe-core), at its source.

Sphinx writes each reference-list entry as ``<div role="doc-biblioentry">``
inside ``<div role="list">``. ``doc-biblioentry`` is a deprecated ARIA role and
is not a valid child of a list, so screen readers may not announce the list
properly. Entries become ``role="listitem"``: the list then reads as a list of
references, which is what it is.

The sidebar title fix lives in ``templates/navbar-logo.html``.
"""

from __future__ import annotations

import re

BIBLIOENTRY = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')


def repair_body(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body:
        context["body"] = BIBLIOENTRY.sub(r'\1 role="listitem"', body)


def setup(app):
    app.connect("html-page-context", repair_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
