"""Text from YAML → safe HTML.

Everything is escaped first. The only markup content editors can use is **bold**; paragraphs are
separated by a blank line. Abbreviations from the glossary are wrapped in <abbr> wherever they
appear, so AIM2 or MASH is explained on every page without editors doing anything.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..plaintext import plain

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class TextRenderer:
    """Renders content text; built once per site with the glossary's abbreviations."""

    def __init__(self, abbreviations: dict[str, str]):
        self.abbreviations = abbreviations
        terms = sorted(abbreviations, key=len, reverse=True)
        # Whole words only: "AIM" must not match inside "AIMS" or "CLAIM"; "AIM 2" before "AIM".
        self._pattern = (re.compile(r"(?<![\w&])(" + "|".join(re.escape(t) for t in terms) + r")(?![\w&])")
                         if terms else None)

    def _abbr(self, text: str) -> str:
        """Escape plain text and wrap known abbreviations."""
        if not self._pattern:
            return str(escape(text))
        out, last = [], 0
        for match in self._pattern.finditer(text):
            out.append(str(escape(text[last:match.start()])))
            term = match.group(1)
            out.append(f'<abbr title="{escape(self.abbreviations[term])}">{escape(term)}</abbr>')
            last = match.end()
        out.append(str(escape(text[last:])))
        return "".join(out)

    def inline(self, text: str | None) -> Markup:
        """One line of text: escaped, **bold** kept, abbreviations explained, whitespace folded."""
        if not text:
            return Markup("")
        text = " ".join(str(text).split())
        out, last = [], 0
        for match in _BOLD.finditer(text):
            out.append(self._abbr(text[last:match.start()]))
            out.append(f"<strong>{self._abbr(match.group(1))}</strong>")
            last = match.end()
        out.append(self._abbr(text[last:]))
        return Markup("".join(out))

    def paragraphs(self, text: str | None) -> Markup:
        """Text with blank lines between paragraphs → <p> elements."""
        if not text:
            return Markup("")
        parts = [p for p in _PARAGRAPH_BREAK.split(str(text).strip()) if p.strip()]
        return Markup("".join(f"<p>{self.inline(p)}</p>" for p in parts))

    def plain(self, text: str | None) -> str:
        """Text without markup, for titles, attributes and search descriptions."""
        return plain(text)
