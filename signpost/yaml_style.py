"""The content's one YAML style, so that a one-field edit gives a one-field diff.

The style is what ruamel.yaml's round trip writes with these settings: mappings indented by 2,
list items indented under their key ("  - "), every mapping and list in block style (no
``[a, b]`` or ``{a: 1}``), quotes kept as written, folded ``>-`` text kept as folded, other text
on one line, no ``---`` line, no trailing spaces, ``\\n`` line ends. Comments are kept: the
editors' notes and the ``# yaml-language-server`` line at the top (ruamel drops a comment above
a ``---`` line, so the comments before the document are set aside and put back by hand).

Area files (their first line names the area schema) take another style, the one the form
editor at /admin/ writes: see the second half of this module.

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
    """``text`` in the style; StyleError when it cannot be read or would lose anything. An area
    file (its first line names the area schema) takes the form editor's style (below)."""
    if is_area_text(text):
        return format_area_text(text)
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


# ---- the area files' style: the one the form editor writes ----------------------------------
# Area files are edited in the form at /admin/, which rewrites the whole file on each save, so
# their style is the one it writes: overrides/admin/canonical-yaml.mjs, mirrored here rule for
# rule (tests/test_yaml_style.py runs both on every area file and compares them). Every text
# sits on one line, so a one-field edit is a one-line diff. The form keeps no comment but the
# schema line above `id`; a file with any other comment is refused, so its information is moved
# into a field (source.notes for what the document says) before the file is formatted.

AREA_SCHEMA_LINE = "# yaml-language-server: $schema=schema/area.schema.json"

_NUMERIC = re.compile(r"[-+]?(\d[\d_,]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_SEXAGESIMAL = re.compile(r"[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?")
_SPECIAL = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0[xXoObB].*", re.S)
_TIMESTAMP = re.compile(r"\d{4}-\d\d?-\d\d?([Tt ]|$)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORDS = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "=", "<<"}
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def _needs_escape(code: int) -> bool:
    return (code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F or code in (0xFEFF, 0x2028, 0x2029, 0xFFFE, 0xFFFF)
            or 0xD800 <= code <= 0xDFFF)


def _is_plain(s: str) -> bool:
    if s == "" or s[0] == " " or s[-1] == " " or s[0] in _INDICATORS:
        return False
    if ": " in s or " #" in s or s.endswith(":") or s.lower() in _WORDS:
        return False
    if _NUMERIC.fullmatch(s) or _SEXAGESIMAL.fullmatch(s) or _SPECIAL.fullmatch(s):
        return False
    if _TIMESTAMP.match(s) and not _DATE.fullmatch(s):
        return False
    return not any(ch == "\t" or _needs_escape(ord(ch)) for ch in s)


def _quoted(s: str) -> str:
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for ch in s:
        code = ord(ch)
        if ch in named:
            out.append(named[ch])
        elif _needs_escape(code):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _literal(s: str) -> tuple[str, list[str]] | None:
    if "\n" not in s or s[0] in (" ", "\n") or s.endswith("\n\n"):
        return None
    body = s[:-1] if s.endswith("\n") else s
    lines = body.split("\n")
    for line in lines:
        if line.endswith((" ", "\t")) or any(ch != "\t" and _needs_escape(ord(ch)) for ch in line):
            return None
    return ("|" if s.endswith("\n") else "|-"), lines


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    s = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return s if _is_plain(s) else _quoted(s)


def _after(value, indent: int, lines: list[str], head: str) -> None:
    if isinstance(value, dict) and value:
        lines.append(head)
        _mapping(value, indent, lines, {})
    elif isinstance(value, list) and value:
        lines.append(head)
        _sequence(value, indent, lines)
    elif isinstance(value, dict):
        lines.append(head + " {}")
    elif isinstance(value, list):
        lines.append(head + " []")
    elif isinstance(value, str) and _literal(value):
        indicator, block = _literal(value)
        lines.append(f"{head} {indicator}")
        lines.extend("" if line == "" else " " * indent + line for line in block)
    else:
        lines.append(f"{head} {_scalar(value)}")


def _mapping(data: dict, indent: int, lines: list[str], comments: dict[str, str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        key = str(key)
        if comments.get(key):
            lines.append(f"{pad}# {comments[key]}")
        _after(value, indent + 2, lines, f"{pad}{_scalar(key)}:")


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            start = len(lines)
            _mapping(item, indent + 2, lines, {})
            lines[start] = pad + "- " + lines[start][indent + 2:]
        else:
            _after(item, indent + 2, lines, pad + "-")


def dump_area(data: dict, comments: dict[str, str] | None = None) -> str:
    """``data`` in the area files' style (the form editor's), ``comments`` above top-level keys."""
    lines: list[str] = []
    _mapping(data, 0, lines, comments or {})
    return "\n".join(lines) + "\n"


def is_area_text(text: str) -> bool:
    """An area file: it names the area schema on its first line (the form edits these)."""
    return text.lstrip("\ufeff").startswith(AREA_SCHEMA_LINE)


def format_area_text(text: str) -> Formatted:
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    try:
        before = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, 0) from None
    if not isinstance(before, dict):
        raise StyleError("an area file holds one mapping (id:, name:, ...)", 1)
    result = dump_area(before, {"id": AREA_SCHEMA_LINE[2:]})
    lost = comments(text) - comments(result)  # what looks like a comment and the data lacks
    if lost:
        first = next(iter(lost))
        number = next((i for i, line in enumerate(text.split("\n"), 1) if line.rstrip().endswith(first)), 1)
        raise StyleError("the form editor keeps no comment: move what it says into a field "
                         "(source.notes for what the document says) or delete it", number)
    if yaml.safe_load(result) != before:
        raise StyleError("the style would change what the file says; nothing was written "
                         "— please report this to a maintainer")
    return Formatted(result, result != text)

