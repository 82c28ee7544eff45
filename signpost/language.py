"""Which language a page is being rendered in.

The site is written in English; where it publishes Welsh too (issue: Cymraeg), every page has a
twin under /cy/. The page generator renders a Welsh twin inside ``rendering_in("cy")``; the text
renderer and the templates ask ``current()`` which language to print, so the same templates and
the same escaping renderer serve both trees and no text reaches HTML any other way.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

ENGLISH = "en"
WELSH = "cy"
LANGUAGES = (ENGLISH, WELSH)

_current: ContextVar[str] = ContextVar("hsb_page_language", default=ENGLISH)


def current() -> str:
    """The language of the page being rendered: "en" unless inside rendering_in()."""
    return _current.get()


@contextmanager
def rendering_in(language: str) -> Iterator[None]:
    """Render everything inside this block as a page in ``language``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown page language {language!r}; the site publishes {', '.join(LANGUAGES)}")
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)
