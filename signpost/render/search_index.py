"""What the site search finds, and the reader's words it understands.

The search is Pagefind: after the build it indexes every page that carries ``data-pagefind-body``
(overrides/main.html puts it round the content of the pages this module lets in) into small
files, so a search downloads only the part of the index its words need, at any number of areas.

Which pages, by rule rather than by list, so pages added later are found without a change here:
- every generated page a reader may land on (areas, pathway overviews and steps), but not the
  printable contact sheets, which repeat their area page's contacts;
- every hand-written page, except those the navigation files under the section named in
  ``extra.search_leave_out`` (by default "About this site": editors, architecture, performance,
  open data, accessibility), and any page whose front matter says ``search: {exclude: true}``.

The reader's words (``words()``) go to the browser as one small JSON file: search-synonyms.yml,
and every abbreviation in the glossary with its full term in both directions.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Site
from ..plaintext import plain

DEFAULT_LEAVE_OUT = ("About this site",)


def indexed(sections: Iterable[str], meta: dict | None, generated: bool | None,
            leave_out: Iterable[str] = DEFAULT_LEAVE_OUT) -> bool:
    """Whether a page goes in the public search.

    sections: the titles of the navigation sections the page sits in; meta: its front matter;
    generated: the generated page's own flag (None for a hand-written page).
    """
    meta = meta or {}
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return False
    if generated is not None:
        return generated
    return not set(sections) & set(leave_out)


def _phrase(text: str) -> str:
    return " ".join(plain(text).casefold().replace(",", " ").split())


def words(site: Site) -> dict:
    """The reader's words for the browser: a list of [readers_write, site_says] pairs."""
    pairs = [[list(s.readers_write), list(s.site_says)] for s in site.search_synonyms]
    for term in site.glossary:
        if term.abbreviation and term.stands_for:
            short, full = term.term.casefold(), _phrase(term.stands_for)
            pairs.append([[short], [full]])
            pairs.append([[full], [short]])
    return {"synonyms": pairs}
