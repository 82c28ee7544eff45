"""Read one YAML file into plain data, remembering where every value stood.

PyYAML's own loaders lose line numbers, silently keep the last of two duplicate keys and run
anchors and tags. Content editors need none of that, so this module composes the YAML into
nodes (safely: nothing is constructed from tags) and builds the data itself, refusing duplicate
keys, aliases and custom tags, and recording a mark for every key and value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, dotted

try:  # libyaml is several times faster; marks and safety are the same.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Marks:
    """Where each value (and each mapping key) stands in the file, by path.

    A set of fields or a list given under a key is marked at its key, the line that names the
    record (``refer:`` rather than the ``type: step`` line below it), so a problem about the
    whole record points where an editor looks for it.
    """

    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    # For scalars YAML did not read as text: (tag, what was written), to explain quoting.
    typed: dict[tuple, tuple[str, str]] = field(default_factory=dict)

    def locate(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """The mark of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


@dataclass
class LoadedFile:
    """One file's data with its marks; ``data`` is None when the file could not be read."""

    path: Path
    label: str
    data: object
    marks: Marks
    problems: list[Problem]


def _line_col_of_offset(text: bytes, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


_SYNTAX_HINTS = [
    ("tab character", "indent with spaces, never tabs"),
    ("cannot start any token", "indent with spaces, never tabs; text starting with @, ` or % goes in quotes"),
    ("mapping values are not allowed", "text containing ': ' must be in quotes, or written as a block with >-"),
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
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return LoadedFile(path, label, None, marks, [_syntax_problem(label, err)])
    except yaml.YAMLError as err:  # pragma: no cover - composer errors are marked
        return LoadedFile(path, label, None, marks, [Problem(label, 1, 1, "", f"YAML error: {err}")])
    if root is None:
        return LoadedFile(path, label, None, marks, [Problem(
            label, 1, 1, "", "the file is empty",
            "start with the fields the schema requires, for example 'id:' and 'name:'; "
            "scripts/new_area.py writes a complete starting file")])
    builder = _Builder(label, marks, text)
    data = builder.build(root, ())
    if not isinstance(data, dict) and not builder.problems:
        line, col = marks.locate(())
        builder.problems.append(Problem(
            label, line, col, "", f"the file holds a {_kind(root)}, not a set of fields",
            "the top level is 'field: value' lines starting at the left margin"))
    return LoadedFile(path, label, data, marks, builder.problems)


def _kind(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "set of fields"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording marks and problems."""

    def __init__(self, label: str, marks: Marks, text: str = ""):
        self.label = label
        self.marks = marks
        self.text = text
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._aliases: list | None = None  # (start, end) marks of every alias, read on demand
        self._end = 0  # where the value built last ends in the text

    def _alias_at(self, after: int | None):
        """The (start, end) marks of the first alias written at or after index ``after``.

        An alias composes to the very node it names, whose marks are the anchor's; the alias's
        own place is only in the event stream, read here when an alias has been found.
        """
        if after is None:
            return None
        if self._aliases is None:
            self._aliases = [(e.start_mark, e.end_mark) for e in yaml.parse(self.text, Loader=_Loader)
                             if isinstance(e, yaml.AliasEvent)]
        return next((m for m in self._aliases if m[0].index >= after), None)

    def _problem(self, node, path, message, allowed=""):
        self.problems.append(Problem(self.label, node.start_mark.line + 1,
                                     node.start_mark.column + 1, dotted(path), message, allowed))

    def build(self, node, path: tuple, after: int | None = None):
        """Build ``node``; ``after`` is where in the text its value may start (for aliases)."""
        if id(node) in self._seen:
            alias = self._alias_at(after)
            start = alias[0] if alias else node.start_mark
            self._end = alias[1].index if alias else node.end_mark.index
            self.marks.values[path] = (start.line + 1, start.column + 1)
            self.problems.append(Problem(self.label, start.line + 1, start.column + 1, dotted(path),
                                         "anchors and aliases (&name, *name) are not allowed",
                                         "write the text out in full where it is needed"))
            return None
        self.marks.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            result = self._mapping(node, path)
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._bad_tag(node, path)
            result, after = [], node.start_mark.index
            for i, item in enumerate(node.value):
                result.append(self.build(item, path + (i,), after))
                after = self._end
        else:
            result = self._scalar(node, path)
        self._end = node.end_mark.index
        return result

    def _bad_tag(self, node, path):
        self._problem(node, path, f"the tag {node.tag} is not allowed",
                      "remove the '!' tag; write plain values")

    def _mapping(self, node, path):
        if node.tag != _MAP:
            self._bad_tag(node, path)
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, path, "a field name must be plain text",
                              "write 'name: value'")
                continue
            key = key_node.value
            if key == "<<":
                self._problem(key_node, path + (key,), "merge keys ('<<') are not allowed",
                              "write the fields out in full")
                continue
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in first_seen:
                self._problem(key_node, path + (key,),
                              f"duplicate key '{key}': it is already given on line {first_seen[key][0]}",
                              "give each field once; YAML would silently keep only the last one, so merge the two")
                continue
            first_seen[key] = key_mark
            self.marks.keys[path + (key,)] = key_mark
            result[key] = self.build(value_node, path + (key,), key_node.end_mark.index)
            if isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)):
                self.marks.values[path + (key,)] = key_mark
        return result

    def _scalar(self, node, path):
        tag, raw = node.tag, node.value
        if tag == _STR:
            return raw
        if tag == _TIMESTAMP:
            # Dates stay text: the schema and the date check read them, and an impossible date
            # such as 2026-02-30 gets a clear message instead of a constructor crash.
            self.marks.typed[path] = (tag, raw)
            return raw
        if tag in (_NULL, _BOOL, _INT, _FLOAT):
            self.marks.typed[path] = (tag, raw)
            if tag == _NULL:
                return None
            construct = {_BOOL: _constructor.construct_yaml_bool, _INT: _constructor.construct_yaml_int,
                         _FLOAT: _constructor.construct_yaml_float}[tag]
            try:
                return construct(node)
            except (ValueError, yaml.constructor.ConstructorError):
                return raw
        self._bad_tag(node, path)
        return raw
