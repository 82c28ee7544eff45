"""The theme's stylesheets cut down to the rules this site's pages can use.

mkdocs-material ships one stylesheet for every feature it has (blogs, code annotations, content
tabs, diagrams, all 21 colour palettes...). A page waits for its stylesheets before it shows
anything, and on a phone on a slow connection most of the wait was for rules no page of this site
uses. After a build, the hook passes the class names and palette attributes found in the built
pages, and every name the site's and the theme's scripts could add, and this module keeps a style
rule only if at least one of its selectors could match: every class it names is known, and every
palette attribute it tests has a value some page carries.

The test is deliberately generous (PurgeCSS's): what sits inside :not(), :is(), :where() and
:has() is not tested, and a name that appears anywhere in a script counts as known, so a rule is
only dropped when no page and no script could ever make it apply. At-rules that hold no
selectors (@font-face, @keyframes, @property) are kept whole; @media, @supports, @layer and
@container are trimmed inside and dropped when empty.
"""
from __future__ import annotations

import re

_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_PALETTE_ATTR = re.compile(r'\b(data-md-color-[a-z]+)="([^"]*)"')
_SCRIPT_NAME = re.compile(r"[A-Za-z_][\w-]*")
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_SELECTOR_PALETTE = re.compile(r'\[(data-md-color-[a-z]+)=["\']?([^"\'\]]+)["\']?\]')
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


class UsedNames:
    """Class names and palette attribute values the site's pages and scripts can produce."""

    def __init__(self) -> None:
        self.classes: set[str] = set()
        self.palette: set[tuple[str, str]] = set()

    def copy(self) -> "UsedNames":
        other = UsedNames()
        other.classes, other.palette = set(self.classes), set(self.palette)
        return other

    def add_page(self, page_html: str) -> None:
        for value in _CLASS_ATTR.findall(page_html):
            self.classes.update(value.split())
        self.palette.update(_PALETTE_ATTR.findall(page_html))

    def add_script(self, script: str) -> None:
        # Every identifier-like word: scripts build class names from string pieces, so anything
        # that might be one is kept.
        self.classes.update(_SCRIPT_NAME.findall(script))


def _strip_nested(selector: str) -> str:
    """The selector without the insides of functional pseudo-classes and attribute brackets."""
    if not _FUNCTIONAL.search(selector):
        return selector
    out, i = [], 0
    while i < len(selector):
        match = _FUNCTIONAL.match(selector, i)
        if match:
            depth, j = 1, match.end()
            while j < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
            out.append(":x")
            i = j
            continue
        out.append(selector[i])
        i += 1
    return "".join(out)


def _selector_can_match(selector: str, used: UsedNames) -> bool:
    for attribute, value in _SELECTOR_PALETTE.findall(selector):
        if (attribute, value) not in used.palette:
            return False
    bare = _strip_nested(selector)
    if "[" in bare:
        bare = _ATTRIBUTE.sub("[]", bare)
    return all(name in used.classes for name in _SELECTOR_CLASS.findall(bare))


def _split_top_level(text: str, sep: str = ",") -> list[str]:
    parts, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _blocks(css: str):
    """(prelude, body) for each rule at this level; body None for statements such as @import."""
    i, n = 0, len(css)
    while i < n:
        start, depth, quote = i, 0, ""
        while i < n:
            ch = css[i]
            if quote:
                if ch == "\\":
                    i += 1
                elif ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif css.startswith("/*", i):
                end = css.find("*/", i + 2)
                i = n if end < 0 else end + 1
            elif ch == ";" and depth == 0:
                yield css[start:i + 1].strip(), None
                i += 1
                break
            elif ch == "{":
                if depth == 0:
                    brace = i
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    yield css[start:brace].strip(), css[brace + 1:i]
                    i += 1
                    break
            i += 1
        else:
            rest = css[start:].strip()
            if rest:
                yield rest, None


def trim(css: str, used: UsedNames, already: UsedNames | None = None) -> str:
    """The stylesheet with only the rules some page or script could make apply.

    With ``already``, only the selectors that ``used`` can match and ``already`` cannot: the
    rules a later script needs beyond those the first view loaded. Rules without selectors go
    with the first view only."""
    def keep(selector: str) -> bool:
        if not _selector_can_match(selector, used):
            return False
        return already is None or not _selector_can_match(selector, already)

    out = []
    for prelude, body in _blocks(css):
        if body is None:
            if already is None and not prelude.startswith("/*"):
                out.append(prelude)
        elif prelude.startswith("@"):
            if prelude.lower().startswith(_GROUPING):
                inner = trim(body, used, already)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            elif already is None:
                out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _split_top_level(prelude) if keep(s)]
            if kept:
                out.append(f"{','.join(s.strip() for s in kept)}{{{body}}}")
    return "".join(out)


_CUSTOM_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _drop_declarations(css: str, unused: set[str]) -> str:
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lower().startswith(_GROUPING):
            inner = _drop_declarations(body, unused)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [d for d in _split_top_level(body, ";")
                    if d.strip() and d.split(":", 1)[0].strip() not in unused]
            if kept:
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "".join(out)


def drop_unused_properties(css: str, elsewhere: str = "") -> str:
    """The stylesheet without custom properties (--name: value) that nothing reads with var():
    the theme defines an icon for every kind of admonition, tag and list in :root."""
    while True:
        defined = set(re.findall(r"[{;]\s*(--[\w-]+)\s*:", css))
        used = set(_CUSTOM_USE.findall(css)) | set(_CUSTOM_USE.findall(elsewhere))
        # Scripts and inline styles set and read properties by name, without var().
        used |= {name for name in defined if name in elsewhere}
        unused = defined - used
        if not unused:
            return css
        css = _drop_declarations(css, unused)
