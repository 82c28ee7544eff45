"""Reading level of built pages written for families: the guide and each area's families page.

Reads the built HTML, so what is measured is what a reader gets. Only the page's own prose
counts: the document's words under "What the document says", contact cards, breadcrumbs,
page contents lists and review dates are left out (they are quotations, names and numbers,
not writing for families). Headings are left out too: they are labels, and counting each as a
short sentence would flatter the figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .readability import Reading, measure

GUIDE = "parents"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED_CLASSES = {"hsb-source", "hsb-card", "hsb-breadcrumbs", "hsb-contents", "hsb-reviewed",
                   "hsb-muted", "headerlink", "hsb-visually-hidden"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "td", "th",
           "blockquote", "div", "section", "ul", "ol", "details"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}


class _ProseParser(HTMLParser):
    """The text of the page's article as a list of blocks (paragraphs, items, headings)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) for open elements in the article
        self.blocks: list[str] = []
        self._buffer: list[str] = []

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:" else text + ".")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.stack:
            if tag == "article":
                self.stack.append((tag, False))
            return
        if tag in _VOID:
            if tag == "br" and not self._skipping():
                self._flush()
            return
        if tag in _BLOCKS:
            self._flush()
        classes = set((attrs.get("class") or "").split())
        self.stack.append((tag, tag in _HEADINGS or bool(classes & SKIPPED_CLASSES)))

    def handle_endtag(self, tag):
        if not self.stack or tag in _VOID:
            return
        if tag in _BLOCKS:
            if not self._skipping():
                self._flush()
            else:
                self._buffer = []
        # Close up to the matching tag (HTML allows some end tags to be left out).
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.stack and not self._skipping():
            self._buffer.append(data)


def page_prose(html: str) -> str:
    parser = _ProseParser()
    parser.feed(html)
    parser.close()
    return " ".join(parser.blocks)


@dataclass(frozen=True)
class PageReading:
    address: str
    reading: Reading


def _address(site_dir: Path, html_file: Path) -> str:
    return html_file.parent.relative_to(site_dir).as_posix() + "/"


def guide_pages(site_dir: Path) -> list[Path]:
    """The guide's pages, contents first; the professionals' word-for-word page is not part of it."""
    folder = Path(site_dir) / GUIDE
    pages = sorted(folder.glob("*/index.html"))
    return [folder / "index.html"] + [p for p in pages if p.parent.name != "documents"]


def families_pages(site_dir: Path) -> list[Path]:
    return sorted(Path(site_dir).glob("areas/*/families/index.html"))


def report(site_dir: Path) -> tuple[list[PageReading], Reading, list[PageReading]]:
    """(each guide page, the whole guide, each families page), measured from the built site."""
    site_dir = Path(site_dir)
    guide_texts = [(p, page_prose(p.read_text("utf-8"))) for p in guide_pages(site_dir)]
    guide = [PageReading(_address(site_dir, p), measure(t)) for p, t in guide_texts]
    whole = measure(" ".join(t for _, t in guide_texts))
    families = [PageReading(_address(site_dir, p), measure(page_prose(p.read_text("utf-8"))))
                for p in families_pages(site_dir)]
    return guide, whole, families
