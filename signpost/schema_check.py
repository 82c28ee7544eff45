"""First layer of validation: the JSON Schemas in services/schema/, with messages for people.

jsonschema finds what is wrong; this module says it the way a content editor can act on: the
line the field is on, the field's dotted path, and what to write instead (taken from the
schema's own descriptions, so the schema stays the one place that documents each field).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from .json_schemas import SchemaFolder
from .load import TEXT_KEYS, LoadedFile
from .problems import Problem

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "services" / "schema"
KINDS = ("area", "national", "glossary", "search-synonyms")

_YAML_READS = {
    "tag:yaml.org,2002:bool": "a true/false value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}
# Why a pathway node of this type has no 'next' (a close spelling such as 'text' would mislead).
_NO_NEXT = {
    "outcome": "an outcome ends the pathway, so it has no 'next': remove it, "
               "or make the node type: step if the pathway goes on",
    "question": "a question leads on through its answers: give each option its own 'next'",
}
_JSON_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
                    "boolean": "true or false", "array": "a list", "object": "a set of fields",
                    "null": "nothing"}


def _type_word(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "empty"


@lru_cache(maxsize=None)
def _folder(schema_dir: str) -> SchemaFolder:
    return SchemaFolder(Path(schema_dir), [f"{k}.schema.json" for k in KINDS])


@lru_cache(maxsize=None)
def _validators(schema_dir: str) -> dict[str, jsonschema.Draft202012Validator]:
    folder = _folder(schema_dir)
    return {k: folder.validator(folder.contents[f"{k}.schema.json"]) for k in KINDS}


def schema(kind: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    """The parsed schema for a file kind (area, national or glossary)."""
    return _validators(str(schema_dir))[kind].schema


@lru_cache(maxsize=None)
def _fast_validators(schema_dir: str) -> dict:
    """The fast validators (signpost.json_schemas), by kind, where jsonschema-rs is installed."""
    folder = _folder(schema_dir)
    fast = {k: folder.fast(folder.contents[f"{k}.schema.json"], f"{k}.schema.json") for k in KINDS}
    return {k: v for k, v in fast.items() if v is not None}


def clear_caches() -> None:
    """Forget the compiled schemas, so edited schema files are read again."""
    _folder.cache_clear()
    _validators.cache_clear()
    _fast_validators.cache_clear()


def check(loaded: LoadedFile, kind: str, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """Every schema problem in one loaded file."""
    fast = _fast_validators(str(schema_dir)).get(kind)
    if fast is not None and fast.is_valid(loaded.data):
        return []
    validator = _validators(str(schema_dir))[kind]
    problems: list[Problem] = []
    for error in validator.iter_errors(loaded.data):
        problems.extend(_explain(error, loaded))
    return problems


# Each description ends by saying where the field appears on the site (for the editors' table);
# a message says what to write instead, so it quotes the description without that sentence.
_APPEARS = re.compile(r"\s*Appears: [^.]+\.$")


def _describe(subschema: dict | None) -> str:
    return _APPEARS.sub("", (subschema or {}).get("description", "").strip())


@dataclass(frozen=True)
class _Found:
    """One error jsonschema found, with what every explanation needs of it."""
    error: jsonschema.ValidationError
    loaded: LoadedFile

    @property
    def path(self) -> tuple:
        return tuple(self.error.absolute_path)

    @property
    def value(self):
        return self.error.instance

    @property
    def rule(self):
        """The schema's value for the keyword that failed (the names required, the limit)."""
        return self.error.validator_value

    @property
    def sub(self) -> dict:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    def problem(self, message: str, allowed: str, path: tuple | None = None, *,
                key: bool = False) -> Problem:
        return self.loaded.problem(self.path if path is None else path, message, allowed, key=key)


def _other(f: _Found) -> list[Problem]:
    return [f.problem(f.error.message, _describe(f.sub))]


def _text(f: _Found) -> list[Problem]:
    """A text is English on its own (the first form) or English and Welsh under en:/cy: (the
    second): explain what is wrong with the form the editor wrote, not with both."""
    if not f.error.context:
        return _other(f)
    written = 1 if isinstance(f.value, dict) and f.value.keys() & TEXT_KEYS else 0
    inner = [e for e in f.error.context if e.relative_schema_path[0] == written]
    if written == 0 and isinstance(f.value, dict):
        return [f.problem("this is a set of fields, but the field needs text",
                          "write the text after the colon; to give its Welsh too, write the "
                          "English under 'en:' and the Welsh under 'cy:'")]
    return [p for e in inner for p in _explain(e, f.loaded)]


def _required(f: _Found) -> list[Problem]:
    props = f.sub.get("properties", {})
    return [f.problem(f"the required field '{name}' is missing",
                      _describe(props.get(name)) or f"add '{name}:'")
            for name in f.rule if name not in f.value]


def _unknown_field(f: _Found) -> list[Problem]:
    if not isinstance(f.value, dict):
        return _other(f)
    allowed = list(f.sub.get("properties", {}))
    node_type = f.sub.get("properties", {}).get("type", {}).get("const")
    where = f" in {'an' if node_type[0] in 'aeiou' else 'a'} {node_type} node" if node_type else ""
    out = []
    for name in f.value:
        if name in allowed:
            continue
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6) or \
            [a for a in allowed if a.startswith(name) or name.startswith(a)][:1]
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        if name == "next" and node_type in _NO_NEXT:
            hint = _NO_NEXT[node_type] + "; "
        out.append(f.problem(f"unknown field '{name}'{where}",
                             f"{hint}fields allowed here: {', '.join(allowed)}",
                             f.path + (name,), key=True))
    return out


def _wrong_type(f: _Found) -> list[Problem]:
    expected = f.rule
    expected_words = " or ".join(_JSON_TYPE_WORDS.get(t, t) for t in
                                 (expected if isinstance(expected, list) else [expected]))
    typed = f.loaded.marks.typed.get(f.path)
    if typed and expected == "string" and f.value is not None:
        tag, raw = typed
        return [f.problem(f"YAML reads {raw} as {_YAML_READS.get(tag, 'not text')}, "
                          "but this field needs text",
                          f'put it in quotes: "{raw}"' if raw else "write the text, or remove the field")]
    if f.value is None:
        return [f.problem("the field is empty",
                          f"write {expected_words} after the colon, or remove the field")]
    return [f.problem(f"this is {_type_word(f.value)}, but the field needs {expected_words}",
                      _describe(f.sub))]


def _not_allowed_value(f: _Found) -> list[Problem]:
    options = f.rule if f.error.validator == "enum" else [f.rule]
    words = [str(o) for o in options]
    guess = difflib.get_close_matches(str(f.value), words, n=1, cutoff=0.5)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return [f.problem(f"'{f.value}' is not an allowed value", f"{hint}write one of: {', '.join(words)}")]


def _pattern(f: _Found) -> list[Problem]:
    if "propertyNames" in f.error.absolute_schema_path:
        return [f.problem(f"the name '{f.value}' is not a valid id", _describe(f.sub),
                          f.path + (f.value,), key=True)]
    return [f.problem(f"'{f.value}' is not in the right form", _describe(f.sub))]


def _empty_text(f: _Found) -> list[Problem]:
    return [f.problem("the text is empty", "write the text, or remove the field")]


def _long_text(f: _Found) -> list[Problem]:
    return [f.problem(f"the text is longer than {f.rule} characters", "shorten it")]


def _few_items(f: _Found) -> list[Problem]:
    return [f.problem(f"the list needs at least {f.rule} item{'s' if f.rule != 1 else ''}",
                      _describe(f.sub) or "add items, or remove the field")]


def _many_items(f: _Found) -> list[Problem]:
    return [f.problem(f"the list has {len(f.value)} items; it can have at most {f.rule}",
                      _describe(f.sub) or "keep the most important items")]


def _no_entries(f: _Found) -> list[Problem]:
    return [f.problem("this needs at least one entry", _describe(f.sub))]


def _out_of_range(f: _Found) -> list[Problem]:
    word = "at least" if f.error.validator == "minimum" else "at most"
    return [f.problem(f"{f.value} is out of range", f"write a number {word} {f.rule}")]


def _needs_another(f: _Found) -> list[Problem]:
    missing = [d for name, deps in f.rule.items() if name in f.value
               for d in deps if d not in f.value]
    return [f.problem(f"'{', '.join(missing)}' is needed when "
                      f"{' and '.join(n for n in f.rule if n in f.value)} is given",
                      _describe(f.sub.get("properties", {}).get(missing[0]) if missing else None)
                      or "give both, or neither")]


# The JSON Schema keyword that failed → what to tell the editor.
_EXPLAIN = {
    "anyOf": _text,
    "required": _required,
    "additionalProperties": _unknown_field,
    "type": _wrong_type,
    "enum": _not_allowed_value,
    "const": _not_allowed_value,
    "pattern": _pattern,
    "minLength": _empty_text,
    "maxLength": _long_text,
    "minItems": _few_items,
    "maxItems": _many_items,
    "minProperties": _no_entries,
    "minimum": _out_of_range,
    "maximum": _out_of_range,
    "dependentRequired": _needs_another,
}


def _explain(error: jsonschema.ValidationError, loaded: LoadedFile) -> list[Problem]:
    return _EXPLAIN.get(error.validator, _other)(_Found(error, loaded))
