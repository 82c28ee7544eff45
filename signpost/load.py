"""Read one YAML file into plain data, remembering where every value stood.

PyYAML's own loaders lose line numbers, silently keep the last of two duplicate keys and run
anchors and tags. Content editors need none of that, so this module reads libyaml's parser
events (safely: nothing is constructed from tags) and builds the data itself, refusing
duplicate keys, aliases and custom tags, and recording a mark for every key and value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, dotted
from .yaml_events import TEXT_KEYS, Builder, Marks  # noqa: F401 (TEXT_KEYS: used from here)

try:  # libyaml is several times faster; marks and safety are the same.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

@dataclass
class LoadedFile:
    """One file's data with its marks; ``data`` is None when the file could not be read."""

    path: Path
    label: str
    data: object
    marks: Marks
    problems: list[Problem]
    # Every text value with its path, gathered while loading so checks need not walk the data.
    strings: list[tuple[tuple, str]] = field(default_factory=list)
    # Where a text is written with 'en:' (and 'cy:'): signpost.bilingual.lift reads these.
    bilingual: list[tuple] = field(default_factory=list)

    def problem(self, path: tuple, message: str, allowed: str = "", *, key: bool = False) -> Problem:
        """A problem at ``path`` in this file, placed at its mark (or its key's, with ``key``)."""
        line, col = self.marks.locate(path, key=key)
        return Problem(self.label, line, col, dotted(path), message, allowed)


def _line_col_of_offset(text: bytes, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


_SYNTAX_HINTS = [
    ("tab character", "indent with spaces, never tabs"),
    ("cannot start any token", "indent with spaces, never tabs; text starting with @, ` or % goes in quotes"),
    ("mapping values are not allowed", "text containing ': ' must be in quotes, or written as a block with >-; "
                                       "if this line is a field, line it up with the fields above it"),
    ("could not find expected ':'", "each field is 'name: value'; check the line above for a missing colon or an unclosed quote"),
    ("did not find expected key", "line up fields under each other with the same number of spaces"),
    ("did not find expected '-' indicator", "line up list items ('- ') under each other with the same number of spaces"),
    ("found unexpected end of stream", "a quote was opened on this line and never closed: add the closing quote"),
    ("found undefined alias", "anchors and aliases (&name, *name) are not used here: write the text out"),
]


def _syntax_problem(label: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    if (err.context_mark and "quoted scalar" in (err.context or "")
            and "end of stream" in (err.problem or "")):
        # The problem mark is the end of the file; the quote was opened at the context mark.
        mark = err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(x for x in (err.context, err.problem) if x) or "the YAML could not be read"
    hint = next((h for k, h in _SYNTAX_HINTS if k in what),
                "check the indentation and quotes on this line and the one above")
    return Problem(label, line, col, "", f"YAML syntax error: {what}", hint)


def load_yaml(path: Path, label: str | None = None) -> LoadedFile:
    """Load ``path``; problems (never exceptions) describe anything that stopped it loading."""
    path = Path(path)
    label = label or path.as_posix()
    marks = Marks()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _line_col_of_offset(raw, err.start)
        return LoadedFile(path, label, None, marks, [Problem(
            label, line, col, "", f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x})",
            "save the file as UTF-8; in the GitHub editor, paste the text again rather than uploading it")])
    text = text.removeprefix("\ufeff")
    builder = Builder(label, marks)
    try:
        data, root_kind = builder.document(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as err:
        return LoadedFile(path, label, None, marks, [_syntax_problem(label, err)])
    except yaml.YAMLError as err:  # pragma: no cover - parser errors are marked
        return LoadedFile(path, label, None, marks, [Problem(label, 1, 1, "", f"YAML error: {err}")])
    if root_kind is None:
        return LoadedFile(path, label, None, marks, [Problem(
            label, 1, 1, "", "the file is empty",
            "start with the fields the schema requires, for example 'id:' and 'name:'; "
            "scripts/new_area.py writes a complete starting file")])
    loaded = LoadedFile(path, label, data, marks, builder.problems, builder.strings,
                        builder.bilingual)
    if not isinstance(data, dict) and not builder.problems:
        loaded.problems.append(loaded.problem(
            (), f"the file holds a {root_kind}, not a set of fields",
            "the top level is 'field: value' lines starting at the left margin"))
    return loaded
