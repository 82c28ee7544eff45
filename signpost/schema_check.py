"""First layer of validation: the JSON Schemas in services/schema/, with messages for people.

jsonschema finds what is wrong; this module says it the way a content editor can act on: the
line the field is on, the field's dotted path, and what to write instead (taken from the
schema's own descriptions, so the schema stays the one place that documents each field).
"""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from .load import TEXT_KEYS, LoadedFile
from .problems import Problem, dotted

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
def _validators(schema_dir: str) -> dict[str, jsonschema.Draft202012Validator]:
    folder = Path(schema_dir)
    schemas = {k: json.loads((folder / f"{k}.schema.json").read_text("utf-8")) for k in KINDS}
    registry = Registry().with_resources(
        (f"{k}.schema.json", Resource.from_contents(s)) for k, s in schemas.items())
    return {k: jsonschema.Draft202012Validator(s, registry=registry) for k, s in schemas.items()}


def schema(kind: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    """The parsed schema for a file kind (area, national or glossary)."""
    return _validators(str(schema_dir))[kind].schema


@lru_cache(maxsize=None)
def _fast_validators(schema_dir: str) -> dict:
    """jsonschema-rs validators: they only say valid or not, but fifty times faster. Most files
    are valid, so only a file they reject goes through jsonschema for its detailed errors."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - optional speed-up
        return {}
    folder = Path(schema_dir)

    def retrieve(uri: str):
        return json.loads((folder / uri.rsplit("/", 1)[-1]).read_text("utf-8"))

    fast = {}
    for kind, validator in _validators(schema_dir).items():
        try:
            fast[kind] = jsonschema_rs.validator_for(
                validator.schema, retriever=retrieve,
                base_uri=f"https://schemas.invalid/{kind}.schema.json")
        except Exception:  # pragma: no cover - fall back to jsonschema alone
            continue
    return fast


def clear_caches() -> None:
    """Forget the compiled schemas, so edited schema files are read again."""
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


def _at(loaded: LoadedFile, path: tuple, message: str, allowed: str, *, key=False) -> Problem:
    line, col = loaded.marks.locate(path, key=key)
    return Problem(loaded.label, line, col, dotted(path), message, allowed)


def _explain_text(error: jsonschema.ValidationError, loaded: LoadedFile) -> list[Problem]:
    """A text is English on its own (the first form) or English and Welsh under en:/cy: (the
    second): explain what is wrong with the form the editor wrote, not with both."""
    value = error.instance
    written = 1 if isinstance(value, dict) and value.keys() & TEXT_KEYS else 0
    inner = [e for e in error.context if e.relative_schema_path[0] == written]
    if written == 0 and isinstance(value, dict):
        path = tuple(error.absolute_path)
        return [_at(loaded, path, "this is a set of fields, but the field needs text",
                    "write the text after the colon; to give its Welsh too, write the English "
                    "under 'en:' and the Welsh under 'cy:'")]
    return [p for e in inner for p in _explain(e, loaded)]


def _explain(error: jsonschema.ValidationError, loaded: LoadedFile) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    sub = error.schema if isinstance(error.schema, dict) else {}

    if kind == "anyOf" and error.context:
        return _explain_text(error, loaded)

    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        props = sub.get("properties", {})
        return [_at(loaded, path, f"the required field '{name}' is missing",
                    _describe(props.get(name)) or f"add '{name}:'") for name in missing]

    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(sub.get("properties", {}))
        node_type = sub.get("properties", {}).get("type", {}).get("const")
        where = f" in {'an' if node_type[0] in 'aeiou' else 'a'} {node_type} node" if node_type else ""
        out = []
        for name in value:
            if name in allowed:
                continue
            guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6) or \
                [a for a in allowed if a.startswith(name) or name.startswith(a)][:1]
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            if name == "next" and node_type in _NO_NEXT:
                hint = _NO_NEXT[node_type] + "; "
            out.append(_at(loaded, path + (name,), f"unknown field '{name}'{where}",
                           f"{hint}fields allowed here: {', '.join(allowed)}", key=True))
        return out

    if kind == "type":
        expected = error.validator_value
        expected_words = " or ".join(_JSON_TYPE_WORDS.get(t, t) for t in
                                     (expected if isinstance(expected, list) else [expected]))
        typed = loaded.marks.typed.get(path)
        if typed and expected == "string" and value is not None:
            tag, raw = typed
            return [_at(loaded, path, f"YAML reads {raw} as {_YAML_READS.get(tag, 'not text')}, "
                        "but this field needs text",
                        f'put it in quotes: "{raw}"' if raw else "write the text, or remove the field")]
        if value is None:
            return [_at(loaded, path, "the field is empty",
                        f"write {expected_words} after the colon, or remove the field")]
        return [_at(loaded, path, f"this is {_type_word(value)}, but the field needs {expected_words}",
                    _describe(sub))]

    if kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        words = [str(o) for o in options]
        guess = difflib.get_close_matches(str(value), words, n=1, cutoff=0.5)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return [_at(loaded, path, f"'{value}' is not an allowed value",
                    f"{hint}write one of: {', '.join(words)}")]

    if kind == "pattern" and "propertyNames" in error.absolute_schema_path:
        return [_at(loaded, path + (value,), f"the name '{value}' is not a valid id",
                    _describe(sub), key=True)]
    if kind == "pattern":
        return [_at(loaded, path, f"'{value}' is not in the right form", _describe(sub))]

    if kind == "minLength":
        return [_at(loaded, path, "the text is empty", "write the text, or remove the field")]
    if kind == "maxLength":
        return [_at(loaded, path, f"the text is longer than {error.validator_value} characters",
                    "shorten it")]
    if kind == "minItems":
        return [_at(loaded, path, f"the list needs at least {error.validator_value} "
                    f"item{'s' if error.validator_value != 1 else ''}",
                    _describe(sub) or "add items, or remove the field")]
    if kind == "maxItems":
        return [_at(loaded, path, f"the list has {len(value)} items; it can have at most "
                    f"{error.validator_value}",
                    _describe(sub) or "keep the most important items")]
    if kind == "minProperties":
        return [_at(loaded, path, "this needs at least one entry", _describe(sub))]
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return [_at(loaded, path, f"{value} is out of range",
                    f"write a number {word} {error.validator_value}")]
    if kind == "dependentRequired":
        missing = [d for name, deps in error.validator_value.items() if name in value
                   for d in deps if d not in value]
        return [_at(loaded, path, f"'{', '.join(missing)}' is needed when "
                    f"{' and '.join(n for n in error.validator_value if n in value)} is given",
                    _describe(sub.get("properties", {}).get(missing[0]) if missing else None)
                    or "give both, or neither")]
    return [_at(loaded, path, error.message, _describe(sub))]
