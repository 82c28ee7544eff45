"""The site's own words: every string of its interface, one catalogue per language.

``interface/en.yml`` and ``interface/cy.yml`` hold the same keys. A template never writes
interface text itself; it asks ``say("key", name=value)`` (the generator's templates and the
theme's alike). The text is the catalogue's, written like template text (it may hold an entity
such as ``&amp;``, never markup); values put into it are escaped unless already HTML, so a
catalogue string reaches the page exactly as the same words written in a template did.

A Welsh entry is the Welsh itself (a draft no Welsh speaker has checked yet), or
``{text: ..., source: ...}`` naming where a published Welsh wording for the same control comes
from (GOV.UK Frontend, HMRC, GOV.WALES), or ``{text: ..., reviewed: true}`` once checked.
Keys ending ``.one`` and ``.other`` are the two forms of a counted phrase (``say_n``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup

from . import language

FOLDER = Path(__file__).resolve().parent.parent / "interface"


@lru_cache(maxsize=None)
def entries(lang: str) -> dict[str, dict]:
    """Every entry of one language's catalogue by key: {"text": ..., "source": ... or None}."""
    if lang not in language.LANGUAGES:
        raise ValueError(f"no interface catalogue for {lang!r}")
    path = FOLDER / f"{lang}.yml"
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    out: dict[str, dict] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            if not isinstance(value.get("text"), str):
                raise ValueError(f"{path}: {key}: an entry written as a mapping needs text:")
            out[key] = {"text": value["text"], "source": value.get("source"),
                        "reviewed": value.get("reviewed") is True}
        elif isinstance(value, str):
            out[key] = {"text": value, "source": None, "reviewed": False}
        else:
            raise ValueError(f"{path}: {key}: {value!r} is not a text")
    return out


def drafts(lang: str) -> list[str]:
    """The keys whose text is a draft: neither a published wording nor checked by a speaker.
    English is the site's own language: it has none."""
    if lang == language.ENGLISH:
        return []
    return [key for key, entry in entries(lang).items() if not entry["source"] and not entry["reviewed"]]


def text(key: str, lang: str | None = None) -> str:
    """The catalogue's text for ``key`` in ``lang`` (the page's language when None)."""
    catalogue = entries(lang or language.current())
    try:
        return catalogue[key]["text"]
    except KeyError:
        raise KeyError(f"interface/{lang or language.current()}.yml has no entry {key!r}") from None


def say(key: str, lang: str | None = None, **values) -> Markup:
    """``key``'s text as HTML, with ``{name}`` filled by ``values`` (escaped unless HTML)."""
    words = Markup(text(key, lang))
    return words.format(**values) if values else words


def say_n(key: str, count: int, lang: str | None = None, **values) -> Markup:
    """A counted phrase: ``key.one`` for one, ``key.other`` for any other count (``{n}``)."""
    return say(f"{key}.{'one' if count == 1 else 'other'}", lang, n=count, **values)


def sayer(lang: str):
    """``say`` fixed to one language, for a template environment that serves one language
    (the theme's, in a build of one tree)."""
    def say_in(key: str, **values) -> Markup:
        return say(key, lang, **values)
    return say_in
