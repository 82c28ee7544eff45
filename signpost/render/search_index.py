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

Readers' words: search-synonyms.yml names the pages that answer how readers put things; each
page is indexed with those words (``readers_words()``), so a reader's word costs one index look-up.
Every abbreviation in the glossary and its full term go to the browser as one small JSON file
(``words()``): typing either also searches for the other. The same file carries each entry of
search-synonyms.yml (its phrases and its pages), so that a query holding a reader's phrase ranks
the pages that answer it first: each such page is tagged in the index with its address
(Pagefind's filter "answers"), a look-up of a few hundred bytes.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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


def readers_words(site: Site) -> dict[str, str]:
    """Page address (as mkdocs gives it: parents/, '' for home) → the readers' words search-synonyms.yml gives it, indexed with the page
    (hidden, weighted high) so that one look-up of a reader's word finds the page."""
    words: dict[str, list[str]] = {}
    for entry in site.search_synonyms:
        for page in entry.pages:
            words.setdefault(page.lstrip("/"), []).extend(
                p for p in entry.readers_write if p not in words.get(page.lstrip("/"), []))
    return {page: " ".join(phrases) for page, phrases in words.items()}


def page_addresses(docs_dir: Path) -> set[str]:
    """The address of each hand-written page under docs_dir, as search-synonyms.yml names it."""
    found = set()
    for path in docs_dir.rglob("*.md"):
        parts = path.relative_to(docs_dir).with_suffix("").parts
        parts = parts[:-1] if parts[-1] in ("index", "README") else parts
        found.add("".join(f"{part}/" for part in parts))
    return found


def unknown_pages(site: Site, addresses: set[str]) -> list[str]:
    """A message for each page in search-synonyms.yml that is not a page of the site."""
    return [f"{entry.where}: pages: '{page}' is not a page of the site — write the address of one "
            f"of its pages, such as '/parents/' ('/' for the home page)"
            for entry in site.search_synonyms for page in entry.pages if page.lstrip("/") not in addresses]


def words(site: Site) -> dict:
    """What the browser's search code needs besides the index: each glossary abbreviation with
    its full term, both ways, as [[what the reader typed], [what to search for as well]]; and
    each entry of search-synonyms.yml as [[the reader's phrases], [the pages that answer them]]."""
    answers = [[[_phrase(p) for p in entry.readers_write], ["/" + page.lstrip("/") for page in entry.pages]]
               for entry in site.search_synonyms]
    pairs = []
    for term in site.glossary:
        if term.abbreviation and term.stands_for:
            short, full = term.term.casefold(), _phrase(term.stands_for)
            pairs.append([[short], [full]])
            pairs.append([[full], [short]])
    return {"synonyms": pairs, "answers": answers}
