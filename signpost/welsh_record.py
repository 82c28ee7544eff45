"""What a page rendered in Welsh had to show in English, or in Welsh not yet checked.

The text renderer notes each content text it printed on a Welsh page (inside
``signpost.language.rendering_in("cy")``) that had no Welsh (printed in English, marked
``lang="en"``) or only draft Welsh. The page generator shows a short Welsh notice once, above
the content, when the page needs it:

    with rendering_in("cy"), page_record() as record:
        body = renderer.render("pages/area.html", url, area=area)
    if record.fallback_notice_needed:
        ...  # put the notice above ``body``

Inside a template, ``fallback_notice_needed()`` and ``draft_notice_needed()`` say the same for
what has been rendered so far on the page (render the body into a ``{% set %}`` block first to
ask about all of it). ``Renderer.render`` opens a record of its own when none is open, so a
record always covers at least the template being rendered.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator


@dataclass
class PageRecord:
    """What one page showed instead of checked Welsh."""

    english: int = 0    # texts with no Welsh, printed in English marked lang="en"
    drafts: int = 0     # Welsh texts no Welsh speaker has checked yet

    @property
    def fallback_notice_needed(self) -> bool:
        return self.english > 0

    @property
    def draft_notice_needed(self) -> bool:
        return self.drafts > 0


_record: ContextVar[PageRecord | None] = ContextVar("hsb_welsh_page_record", default=None)


@contextmanager
def page_record(*, reuse: bool = False) -> Iterator[PageRecord]:
    """A fresh record for the page rendered inside this block (``reuse``: the open one, if any)."""
    open_record = _record.get()
    if reuse and open_record is not None:
        yield open_record
        return
    record = PageRecord()
    token = _record.set(record)
    try:
        yield record
    finally:
        _record.reset(token)


def note_english() -> None:
    record = _record.get()
    if record is not None:
        record.english += 1


def note_draft() -> None:
    record = _record.get()
    if record is not None:
        record.drafts += 1


def fallback_notice_needed() -> bool:
    """True when the page being rendered has shown a text in English for want of its Welsh."""
    record = _record.get()
    return bool(record and record.fallback_notice_needed)


def draft_notice_needed() -> bool:
    """True when the page being rendered has shown Welsh that no Welsh speaker has checked."""
    record = _record.get()
    return bool(record and record.draft_notice_needed)
