"""Text from YAML → safe HTML.

Everything is escaped first. The only markup content editors can use is **bold**; paragraphs are
separated by a blank line. Abbreviations from the glossary are wrapped in <abbr> wherever they
appear, so AIM2 or MASH is explained on every page without editors doing anything, and a UK phone
number written in the text becomes a tel: link, so a reader on a phone can tap it.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..phones import PhoneError, parse_phone
from ..plaintext import plain

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Something shaped like a full UK number (0 or +44, then 7 to 11 more digits, spaces or hyphens
# between); only what phonenumbers accepts as a real UK number is linked. Not dates or ranges.
_PHONE_LIKE = re.compile(r"(?<![\w/.=-])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ -]?\d){6,10}(?![\w/])")


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

    def _phones(self, text: str, links: bool) -> str:
        """Escape plain text, explain abbreviations and make UK numbers tel: links."""
        if not links:
            return self._abbr(text)
        out, last = [], 0
        for match in _PHONE_LIKE.finditer(text):
            try:
                phone = parse_phone(match.group())
            except PhoneError:
                continue
            out.append(self._abbr(text[last:match.start()]))
            # The digits in one run are indexed for search too (Phone.digits).
            out.append(f'<a href="{escape(phone.tel)}" data-pagefind-index-attrs="data-hsb-digits" '
                       f'data-hsb-digits="{escape(phone.digits)}">{escape(match.group())}</a>')
            last = match.end()
        out.append(self._abbr(text[last:]))
        return "".join(out)

    def inline(self, text: str | None, links: bool = True) -> Markup:
        """One line of text: escaped, **bold** kept, abbreviations explained, phone numbers
        linked (links=False inside another link, where a link may not go), whitespace folded."""
        if not text:
            return Markup("")
        text = " ".join(str(text).split())
        out, last = [], 0
        for match in _BOLD.finditer(text):
            out.append(self._phones(text[last:match.start()], links))
            out.append(f"<strong>{self._phones(match.group(1), links)}</strong>")
            last = match.end()
        out.append(self._phones(text[last:], links))
        return Markup("".join(out))

    def inline_unlinked(self, text: str | None) -> Markup:
        """inline() for text shown inside a link, such as an answer's hint."""
        return self.inline(text, links=False)

    def paragraphs(self, text: str | None) -> Markup:
        """Text with blank lines between paragraphs → <p> elements."""
        if not text:
            return Markup("")
        parts = [p for p in _PARAGRAPH_BREAK.split(str(text).strip()) if p.strip()]
        return Markup("".join(f"<p>{self.inline(p)}</p>" for p in parts))

    def plain(self, text: str | None) -> str:
        """Text without markup, for titles, attributes and search descriptions."""
        return plain(text)
