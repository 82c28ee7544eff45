"""The Welsh tree: where each page's twin in the other language is, and the navigation's titles.

With Welsh published (mkdocs.yml ``extra.publish_welsh``), every page at ``<path>`` has a Welsh
twin at ``cy/<path>``: the same generator builds the Welsh tree as a second build into the
``cy/`` folder of the site (hooks/signpost_hooks.py). Links between twins are relative, so the
site works under any base address and without JavaScript.
"""
from __future__ import annotations

from .. import interface, language
from . import urls

WELSH_FOLDER = "cy/"


def _depth(page_url: str) -> int:
    return len([part for part in page_url.split("/") if part])


def to_root(lang: str, page_url: str) -> str:
    """From a page of the ``lang`` tree to the top of the whole site ('' or '../...')."""
    return "../" * (_depth(page_url) + 1) if lang == language.WELSH else "../" * _depth(page_url)


def href(lang: str, page_url: str, to_lang: str) -> str:
    """A relative link from the page at ``page_url`` of the ``lang`` tree to the same page in
    ``to_lang`` (``page_url`` is the address within its own tree, '' for the home page)."""
    target = (WELSH_FOLDER if to_lang == language.WELSH else "") + page_url
    if lang == language.ENGLISH:
        return urls.relative(page_url, target)
    return to_root(lang, page_url) + target or "./"


def other(lang: str) -> str:
    return language.ENGLISH if lang == language.WELSH else language.WELSH


def navigation_title(lang: str, nav_title: str | None, own_title: str | None) -> str | None:
    """The name the ``lang`` navigation gives a hand-written page whose own title (its front
    matter's) is ``own_title``, or None when it has none in ``lang``. ``nav_title``: the page's
    title in the navigation already made in ``lang`` (nav_in); a page listed only as a section's
    first page has none there, and is named by the catalogue's ``nav.<own title>`` if any."""
    if lang == language.ENGLISH or not own_title:
        return None
    if nav_title and nav_title != own_title:
        return nav_title
    try:
        return interface.text(f"nav.{own_title}", lang)
    except KeyError:
        return None


def nav_in(lang: str, nav: list, where: str = "mkdocs.yml nav") -> list:
    """The site's navigation with each section's and page's title in ``lang``: the catalogue's
    ``nav.<English title>``. A title the catalogue lacks is an error naming the entry, so the
    Welsh navigation never shows an English title unmarked."""
    if lang == language.ENGLISH:
        return nav
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, value), = entry.items()
            try:
                welsh = interface.text(f"nav.{title}", lang)
            except KeyError:
                raise ValueError(f"{where}: the title {title!r} has no entry 'nav.{title}' in "
                                 f"interface/{lang}.yml; add one (see CONTRIBUTING.md, Welsh)") from None
            out.append({welsh: nav_in(lang, value, where) if isinstance(value, list) else value})
        else:
            out.append(entry)
    return out
