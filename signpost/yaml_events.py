"""YAML parser events → plain data, with a mark for every key and value (signpost.load).

Only libyaml's events are read, never constructed from tags, so loading runs nothing; duplicate
keys, aliases, custom tags and a second document are refused where they are written.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem, dotted

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_constructor = yaml.constructor.SafeConstructor()
# The fields of a text written in English and Welsh (services/schema/area.schema.json, welshText).
TEXT_KEYS = frozenset(("en", "cy", "cy_reviewed"))


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



_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_CONSTRUCT = {_BOOL: _constructor.construct_yaml_bool, _INT: _constructor.construct_yaml_int,
              _FLOAT: _constructor.construct_yaml_float}


def _resolve_plain(value: str) -> str:
    """The tag YAML gives an unquoted scalar (as PyYAML's resolver does, without its overhead)."""
    for tag, pattern in _IMPLICIT.get(value[:1], ()) if value else _IMPLICIT.get("", ()):
        if pattern.match(value):
            return tag
    for tag, pattern in _IMPLICIT.get(None, ()):
        if pattern.match(value):
            return tag
    return _STR


class Builder:
    """Builds dicts, lists and scalars straight from the parser's events, recording marks and
    problems. Working on events rather than composed nodes is several times faster, and an
    alias is seen where it is written."""

    def __init__(self, label: str, marks: Marks):
        self.label = label
        self.marks = marks
        self.problems: list[Problem] = []
        self.strings: list[tuple[tuple, str]] = []
        self.bilingual: list[tuple] = []

    def _problem(self, mark, path, message, allowed=""):
        self.problems.append(Problem(self.label, mark.line + 1, mark.column + 1, dotted(path),
                                     message, allowed))

    def document(self, events):
        """(data, kind of the root) for the first document; kind is None when there is none."""
        self._events = events
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                first = next(events)
                if isinstance(first, yaml.DocumentEndEvent):
                    return None, None
                kind = ("set of fields" if isinstance(first, yaml.MappingStartEvent) else
                        "list" if isinstance(first, yaml.SequenceStartEvent) else "single value")
                data = self.value(first, ())
                self._refuse_more_documents()
                return data, kind
        return None, None

    def _refuse_more_documents(self) -> None:
        """A second document after '---' (often a paste gone wrong) would be silently ignored:
        refuse it instead, at the line where it starts."""
        for event in self._events:
            if isinstance(event, yaml.DocumentStartEvent):
                self._problem(event.start_mark, (), "a second YAML document starts here ('---'); "
                              "only the first would be read",
                              "one file holds one document: remove the '---' line and merge what "
                              "follows it into the fields above, or move it to its own file")
                return

    def _skip(self, event) -> None:
        """Consume the rest of a node whose first event is ``event``."""
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth = 1
            for inner in self._events:
                if isinstance(inner, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    depth += 1
                elif isinstance(inner, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    depth -= 1
                    if depth == 0:
                        return

    def value(self, event, path: tuple, key_mark: tuple[int, int] | None = None):
        mark = event.start_mark
        here = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            self.marks.values[path] = here
            self._problem(mark, path, "anchors and aliases (&name, *name) are not allowed",
                          "write the text out in full where it is needed")
            return None
        if isinstance(event, yaml.ScalarEvent):
            self.marks.values[path] = here
            return self._scalar(event, path)
        # A set of fields or a list under a key is marked at its key: the line naming the record.
        self.marks.values[path] = key_mark or here
        if isinstance(event, yaml.MappingStartEvent):
            if event.tag not in (None, _MAP):
                self._bad_tag(event, path)
            return self._mapping(path)
        if event.tag not in (None, _SEQ):
            self._bad_tag(event, path)
        result = []
        for item in self._events:
            if isinstance(item, yaml.SequenceEndEvent):
                return result
            result.append(self.value(item, path + (len(result),)))
        return result  # pragma: no cover - the parser always closes a sequence

    def _bad_tag(self, event, path):
        self._problem(event.start_mark, path, f"the tag {event.tag} is not allowed",
                      "remove the '!' tag; write plain values")

    def _mapping(self, path):
        result: dict = {}
        first_seen: dict = {}
        events, values, keys = self._events, self.marks.values, self.marks.keys
        for key_event in events:
            kind = type(key_event)
            if kind is yaml.MappingEndEvent:
                if "en" in result and result.keys() <= TEXT_KEYS:
                    self.bilingual.append(path)
                return result
            if kind is not yaml.ScalarEvent:
                self._problem(key_event.start_mark, path, "a field name must be plain text",
                              "write 'name: value'")
                self._skip(key_event)
                self._skip(next(events))
                continue
            key = key_event.value
            key_path = path + (key,)
            mark = key_event.start_mark
            key_mark = (mark.line + 1, mark.column + 1)
            if key == "<<" or key in first_seen:
                if key == "<<":
                    self._problem(mark, key_path, "merge keys ('<<') are not allowed",
                                  "write the fields out in full")
                else:
                    self._problem(mark, key_path,
                                  f"duplicate key '{key}': it is already given on line {first_seen[key][0]}",
                                  "give each field once; YAML would silently keep only the last one, so merge the two")
                self._skip(next(events))
                continue
            first_seen[key] = key_mark
            keys[key_path] = key_mark
            value_event = next(events)
            if type(value_event) is yaml.ScalarEvent:
                # Most values are plain text: handled here, without a call per value.
                mark = value_event.start_mark
                values[key_path] = (mark.line + 1, mark.column + 1)
                result[key] = self._scalar(value_event, key_path)
            else:
                result[key] = self.value(value_event, key_path, key_mark)
        return result  # pragma: no cover - the parser always closes a mapping

    def _scalar(self, event, path):
        raw, tag = event.value, event.tag
        if tag is None:
            # Quoted text is always text; plain text only needs the resolver when its first
            # character could start a number, a date, true/false or an empty value.
            tag = _resolve_plain(raw) if event.implicit[0] and (not raw or raw[0] in _IMPLICIT) else _STR
        elif tag == "!":
            tag = _STR
        if tag == _STR:
            self.strings.append((path, raw))
            return raw
        if tag == _TIMESTAMP:
            # Dates stay text: the schema and the date check read them, and an impossible date
            # such as 2026-02-30 gets a clear message instead of a constructor crash.
            self.marks.typed[path] = (tag, raw)
            self.strings.append((path, raw))
            return raw
        if tag in (_NULL, _BOOL, _INT, _FLOAT):
            self.marks.typed[path] = (tag, raw)
            if tag == _NULL:
                return None
            try:
                return _CONSTRUCT[tag](yaml.ScalarNode(tag, raw))
            except (ValueError, yaml.constructor.ConstructorError):
                return raw
        self._bad_tag(event, path)
        return raw
