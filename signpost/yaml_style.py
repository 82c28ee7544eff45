"""The content's one YAML style, so that a one-field edit gives a one-field diff.

The style is what ruamel.yaml's round trip writes with these settings: mappings indented by 2,
list items indented under their key ("  - "), every mapping and list in block style (no
``[a, b]`` or ``{a: 1}``), quotes kept as written, folded ``>-`` text kept as folded, other text
on one line, no ``---`` line, no trailing spaces, ``\\n`` line ends. Comments are kept: the
editors' notes and the ``# yaml-language-server`` line at the top (ruamel drops a comment above
a ``---`` line, so the comments before the document are set aside and put back by hand).

A file is only rewritten when two guards hold: the data read by the project's own loader
(PyYAML, as the validator reads it) is the same before and after, and so are the comments.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


class StyleError(Exception):
    """The file cannot be brought to the style; ``line`` is 1-based, 0 when not known."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Formatted:
    text: str
    changed: bool


def _yaml() -> YAML:
    writer = YAML()  # round trip: comments, key order and quotes survive
    writer.preserve_quotes = True
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 4096  # no re-wrapping of text: an edit to one sentence stays on its lines
    return writer


def _block_style(node) -> None:
    if isinstance(node, CommentedMap):
        node.fa.set_block_style()
        for value in node.values():
            _block_style(value)
    elif isinstance(node, CommentedSeq):
        node.fa.set_block_style()
        for value in node:
            _block_style(value)


def _split_header(text: str) -> tuple[list[str], str]:
    """The comment and blank lines before the document (and a '---' line after them, which the
    style leaves out), and the rest."""
    lines = text.split("\n")
    header: list[str] = []
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        header.append(lines[i].rstrip())
        i += 1
    if i < len(lines) and lines[i].rstrip() == "---":
        i += 1
    while header and not header[-1]:
        header.pop()
    return header, "\n".join(lines[i:])


def comments(text: str) -> Counter:
    """Every comment's text (a guard: '#' inside quoted text counts alike before and after)."""
    found = Counter()
    for line in text.split("\n"):
        match = _COMMENT.search(line)
        if match:
            found[match.group(1).rstrip()] += 1
    return found


def _syntax_error(err, offset: int) -> StyleError:
    mark = getattr(err, "problem_mark", None)
    return StyleError(f"YAML syntax error: {getattr(err, 'problem', None) or err}; fix it first "
                      "(python scripts/validate.py says more)",
                      mark.line + 1 + offset if mark is not None else 0)


def format_text(text: str) -> Formatted:
    """``text`` in the style; StyleError when it cannot be read or would lose anything."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    header, body = _split_header(text)
    writer = _yaml()
    removed = (len(text) - len(body)) and text[:len(text) - len(body)].count("\n")
    try:
        before = yaml.safe_load(text)
        data = writer.load(body)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, 0) from None
    except MarkedYAMLError as err:
        raise _syntax_error(err, removed) from None
    _block_style(data)
    out = io.StringIO()
    if data is not None:
        writer.dump(data, out)
    result = "\n".join(header) + ("\n" if header else "") + out.getvalue()
    if yaml.safe_load(result) != before:
        raise StyleError("the style would change what the file says; nothing was written "
                         "— please report this to a maintainer")
    if comments(result) != comments(text):
        raise StyleError("the style would lose or change a comment; nothing was written "
                         "— please report this to a maintainer")
    return Formatted(result, result != text)
