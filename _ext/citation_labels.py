"""Short citation labels for long corporate authors, defined once in the bibliography.

An entry in ``references.bib`` whose author is an organisation with a long name
may carry a ``shortauthor`` field (for example ``shortauthor = {IHS}`` for the
Headache Classification Committee of the International Headache Society). Then:

* every citation of it in the text reads "[IHS, 2018]", not the full name
  (the reference style ``author_year_short``, set in ``_config.yml``);
* its reference-list entry gives the full name followed by the abbreviation,
  "Headache Classification Committee of the International Headache Society
  (IHS).", so the abbreviation is defined where a reader looks it up
  (the bibliography style ``plain_short``).

Entries without the field are cited and listed exactly as before.
"""

from __future__ import annotations

import dataclasses

import pybtex.plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import field, first_of, join, optional, sentence
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

SHORT = "shortauthor"


@dataclasses.dataclass
class ShortAuthorPersonStyle(PersonStyle):
    """Names a work by its ``shortauthor`` when it has one."""

    def names(self, role: str, full: bool):
        long = super().names(role, full)
        return first_of[optional[field(SHORT, raw=True)], long] if role == "author" else long

    def author_or_editor_or_title(self, full: bool):
        return first_of[optional[field(SHORT, raw=True)], super().author_or_editor_or_title(full)]


@dataclasses.dataclass
class ShortAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    person: PersonStyle = dataclasses.field(default_factory=ShortAuthorPersonStyle)


class PlainShortStyle(PlainStyle):
    """pybtex's plain style; an author with a short form is listed "Full Name (SHORT)."."""

    def format_names(self, role, as_sentence=True):
        formatted = super().format_names(role, as_sentence=False)
        if role == "author":
            formatted = join[formatted, optional[join[" (", field(SHORT, raw=True), ")"]]]
        return sentence[formatted] if as_sentence else formatted


def setup(app):
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_short",
                    ShortAuthorYearReferenceStyle)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_short", PlainShortStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
