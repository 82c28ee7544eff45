"""A content text in English that may carry its Welsh.

In the YAML a text is either written on its own (English) or as a set of fields::

    summary:
      en: Better Futures Cymru works across Wales.
      cy: Mae Better Futures Cymru yn gweithio ledled Cymru.
      cy_reviewed: true

Once the schema has passed a file, ``lift`` turns each such set into a ``Text``: a ``str`` that
*is* the English, so every check, the model, the open data and the English pages go on treating
it as the English string they always had, and that also carries its Welsh and whether a Welsh
speaker has checked it. Only the renderer, on a page rendered in Welsh, asks for the Welsh.
"""
from __future__ import annotations

from markupsafe import escape

from . import language, welsh_record
from .plaintext import plain
from .load import TEXT_KEYS as KEYS, LoadedFile

REVIEWED = "reviewed"   # Welsh checked by a Welsh speaker
DRAFT = "draft"         # Welsh written, not yet checked: marked as a draft
MISSING = "missing"     # no Welsh: a Welsh page shows the English, marked as English


class Text(str):
    """The English text (the string itself) with its Welsh (``cy``, None when there is none)
    and ``cy_reviewed``: whether a Welsh speaker has checked the Welsh."""

    def __new__(cls, english: str, welsh: str | None = None, reviewed: bool = False):
        self = super().__new__(cls, english)
        self.cy = welsh or None
        self.cy_reviewed = bool(reviewed) and self.cy is not None
        return self

    def __reduce__(self):
        return (Text, (str(self), self.cy, self.cy_reviewed))

    def __repr__(self) -> str:
        return f"Text({str(self)!r}, cy={self.cy!r}, cy_reviewed={self.cy_reviewed})"

    def __format__(self, spec: str) -> str:
        """f-strings and str.format: the text in the page's language, as __html__ (not escaped).
        In English exactly the plain string's formatting."""
        if language.current() == language.WELSH:
            _note(self)
            return format(in_language(self, language.WELSH), spec)
        return str.__format__(self, spec)

    def __html__(self) -> str:
        """Jinja's autoescape: the text in the page's language (the Welsh where there is one).
        In English this is exactly what escaping the plain string gives. It may stand in an
        attribute, so English is not wrapped here (the renderer's filters mark it lang="en");
        it is noted, so the page still says why it shows English."""
        if language.current() == language.WELSH:
            _note(self)
        return str(escape(in_language(self, language.current())))


def _note(text: Text) -> None:
    """Tell the page's record (signpost.welsh_record) that it showed English or a draft."""
    status = state(text)
    if status == MISSING:
        welsh_record.note_english()
    elif status == DRAFT:
        welsh_record.note_draft()


def welsh_of(text: object) -> str | None:
    """The Welsh of a content text, or None (a plain string has none)."""
    return getattr(text, "cy", None)


def state(text: object) -> str:
    """REVIEWED, DRAFT or MISSING: how far the Welsh of ``text`` has got."""
    if welsh_of(text) is None:
        return MISSING
    return REVIEWED if getattr(text, "cy_reviewed", False) else DRAFT


def in_language(text: object, lang: str) -> str:
    """The text to print in ``lang``: the Welsh where asked for and written, else the English."""
    if lang == language.WELSH:
        welsh = welsh_of(text)
        if welsh is not None:
            return welsh
    return str(text)


def plain_keeping_welsh(text: str) -> str:
    """plaintext.plain of a text, and of its Welsh when it has some."""
    welsh = welsh_of(text)
    if welsh is None:
        return plain(text)
    return Text(plain(text), plain(welsh), getattr(text, "cy_reviewed", False))


def is_bilingual(value: object) -> bool:
    """True for the plain data of a text written with 'en:' (and 'cy:'), as the loader built it."""
    return (isinstance(value, dict) and "en" in value and isinstance(value["en"], str)
            and value.keys() <= KEYS)


def lift(loaded: LoadedFile) -> None:
    """Replace, in place, each text written with 'en:'/'cy:' by a Text. Run only on a file the
    schema passed: then every such set of fields stands where the schema allows a text."""
    for path in loaded.bilingual:
        parent = loaded.data
        for key in path[:-1]:
            parent = parent[key]
        value = parent[path[-1]]
        if is_bilingual(value):
            parent[path[-1]] = Text(value["en"], value.get("cy"), value.get("cy_reviewed") is True)


def english(value: object) -> object:
    """The English of a text that may still be in its written form (a set of en/cy fields)."""
    return value["en"] if is_bilingual(value) else value

