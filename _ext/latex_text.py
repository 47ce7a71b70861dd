"""Small LaTeX helpers shared by the book's extensions."""

from __future__ import annotations

_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    """Plain text made safe to place inside LaTeX source."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def append_to_preamble(config, latex: str) -> None:
    """Add LaTeX to the PDF preamble, keeping what other extensions put there."""
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + latex
    config.latex_elements = elements
