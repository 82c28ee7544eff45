"""What the generator changes in a hand-written page's HTML (docs/*.md, after Markdown).

Wide tables scroll in a region of their own, and links to other sites never send the page's
address along. The hooks of each engine call these on the finished HTML of the page.
"""
from __future__ import annotations

import html
import re

_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\brel=)')
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _scrolling_table(match: re.Match, labels: list[str]) -> str:
    """A wide table scrolls inside its own region, which a keyboard can reach and a screen
    reader names by the table's column headings (WCAG 1.4.10 reflow, 2.1.1 keyboard). The class
    keeps the theme from wrapping it again in a region no keyboard can scroll. Two tables with
    the same headings are told apart by their number on the page: each region's name is its own."""
    headers = [html.unescape(_TAG.sub("", cell)).strip() for cell in _HEADER_CELL.findall(match.group(1))]
    label = ", ".join(h for h in headers if h)[:120]
    labels.append(label)
    name = "Table: " if labels.count(label) == 1 else f"Table {len(labels)}: "
    label = html.escape(name + label, quote=True)
    return (f'<div class="hsb-table-wrap" role="region" tabindex="0" aria-label="{label}">'
            f'<table class="hsb-table">{match.group(1)}</table></div>')


def finish(page_html: str) -> str:
    """The page's HTML with its tables scrolling and its links to other sites private."""
    labels: list[str] = []
    page_html = _TABLE.sub(lambda match: _scrolling_table(match, labels), page_html)
    return _EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener noreferrer"', page_html)
