"""Characters no content text may hold: invisible, direction-changing or control characters.

A right-to-left override or a zero-width space cannot be seen in a pull request's diff, yet it
reorders or hides what readers see: in a title it reaches every page's navigation. They are
refused wherever they appear, with the character's name so an editor can find and delete it.
"""
from __future__ import annotations

import unicodedata

# Whitespace a text may hold: line breaks and tabs are how YAML blocks are written.
_ALLOWED_CONTROLS = {"\n", "\t", "\r"}
# Unicode categories: Cc control, Cf format (zero-width, direction marks, soft hyphen),
# Co private use, Cs surrogates, Cn unassigned; Zl/Zp are line/paragraph separators.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


def hidden_character(text: str) -> tuple[int, str] | None:
    """(position, description) of the first refused character in ``text``, or None."""
    for position, char in enumerate(text):
        if char.isascii() and (char.isprintable() or char in _ALLOWED_CONTROLS):
            continue
        if char in _ALLOWED_CONTROLS or unicodedata.category(char) not in _REFUSED_CATEGORIES:
            continue
        name = unicodedata.name(char, "unnamed character")
        return position, f"U+{ord(char):04X} {name}"
    return None
