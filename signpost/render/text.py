"""Text from YAML → safe HTML.

Everything is escaped first. The only markup content editors can use is **bold**; paragraphs are
separated by a blank line. Abbreviations from the glossary are wrapped in <abbr> wherever they
appear, so AIM2 or MASH is explained on every page without editors doing anything, and a UK phone
number written in the text becomes a tel: link, so a reader on a phone can tap it.

On a page rendered in Welsh (signpost.language.current() == "cy") a text prints its Welsh
(signpost.bilingual.Text); a text with none prints its English inside an element marked
lang="en", and signpost.welsh_record notes it so the page can say why, once. In English the
output is exactly what it always was.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .. import bilingual, language
from ..phones import PhoneError, parse_phone
from ..plaintext import BOLD, plain
from .. import welsh_record as welsh

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
            # In the page's language where the glossary gives it (a title cannot be marked English).
            title = bilingual.in_language(self.abbreviations[term], language.current())
            out.append(f'<abbr title="{escape(title)}">{escape(term)}</abbr>')
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
        linked (links=False inside another link, where a link may not go), whitespace folded.
        On a page rendered in Welsh: the Welsh, or the English marked lang="en"."""
        if not text:
            return Markup("")
        if language.current() == language.WELSH:
            return self._in_welsh(text, lambda t: self._inline(t, links), "span")
        return self._inline(text, links)

    def _inline(self, text: str, links: bool) -> Markup:
        text = " ".join(str(text).split())
        out, last = [], 0
        for match in BOLD.finditer(text):
            out.append(self._phones(text[last:match.start()], links))
            out.append(f"<strong>{self._phones(match.group(1), links)}</strong>")
            last = match.end()
        out.append(self._phones(text[last:], links))
        return Markup("".join(out))

    def lang_part(self, text: str | None) -> Markup:
        """A content text as element content with nothing added (no abbreviations, links or
        bold): in English exactly what autoescape prints; on a Welsh page the Welsh, or the
        English in <span lang="en">. For a name or title in a heading, a link or a cell, where
        plain {{ text }} could not mark English (WCAG 3.1.2, language of parts)."""
        if not text:
            return Markup("")
        if language.current() == language.WELSH:
            return self._in_welsh(text, lambda t: Markup(escape(t)), "span")
        return Markup(escape(str(text)))

    def inline_unlinked(self, text: str | None) -> Markup:
        """inline() for text shown inside a link, such as an answer's hint."""
        return self.inline(text, links=False)

    def paragraphs(self, text: str | None) -> Markup:
        """Text with blank lines between paragraphs → <p> elements."""
        if not text:
            return Markup("")
        if language.current() == language.WELSH:
            return self._in_welsh(text, self._paragraphs, "p")
        return self._paragraphs(text)

    def _paragraphs(self, text: str, attributes: str = "") -> Markup:
        parts = [p for p in _PARAGRAPH_BREAK.split(str(text).strip()) if p.strip()]
        return Markup("".join(f"<p{attributes}>{self._inline(p, True)}</p>" for p in parts))

    def plain(self, text: str | None) -> str:
        """Text without markup, for titles, attributes and search descriptions (in Welsh where
        the page is Welsh and the text has it; an attribute cannot mark a part as English)."""
        if text and language.current() == language.WELSH:
            status = bilingual.state(text)
            if status == bilingual.MISSING:
                welsh.note_english()
            elif status == bilingual.DRAFT:
                welsh.note_draft()
            return plain(bilingual.in_language(text, language.WELSH))
        return plain(text)

    def _in_welsh(self, text: str, render, element: str) -> Markup:
        """A content text on a Welsh page. Its Welsh where written (a draft marked with the
        class hsb-cy-draft); otherwise its English, marked lang="en" so screen readers speak
        it as English (WCAG 3.1.2), and noted so the page can say, once, why it is in English.
        ``element`` is "span" for a line of text (wrapped whole) or "p" (each paragraph)."""
        status = bilingual.state(text)
        if status == bilingual.MISSING:
            welsh.note_english()
            source, attributes = str(text), ' lang="en"'
        else:
            source = bilingual.welsh_of(text)
            attributes = ' class="hsb-cy-draft"' if status == bilingual.DRAFT else ""
            if status == bilingual.DRAFT:
                welsh.note_draft()
        if element == "p":
            return render(source, attributes)
        html = render(source)
        return Markup(f"<span{attributes}>{html}</span>") if attributes else html
