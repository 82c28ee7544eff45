"""A folder of JSON Schemas (draft 2020-12) made into validators, one way for every schema.

Two validators per schema: jsonschema's, which explains each error, and jsonschema-rs's,
which only says valid or not but many times faster. Most data is valid, so only what the fast
one rejects is explained. Schemas refer to each other by file name.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

BASE_URI = "https://schemas.invalid/"   # a base no request is ever made to


class SchemaFolder:
    """The schemas ``names`` in ``folder``; ``formats`` makes "format" (uuid, email) a rule."""

    def __init__(self, folder: Path, names: Iterable[str], *, formats: bool = False,
                 base_uri: str = BASE_URI):
        self.folder = Path(folder)
        self.contents = {name: self._read(name) for name in names}
        self.registry = Registry().with_resources(
            (name, DRAFT202012.create_resource(schema)) for name, schema in self.contents.items())
        self.formats = formats
        self.base_uri = base_uri

    def _read(self, uri: str) -> dict:
        return json.loads((self.folder / uri.rsplit("/", 1)[-1]).read_text("utf-8"))

    def validator(self, schema: dict) -> jsonschema.Draft202012Validator:
        """jsonschema's validator for ``schema``, which may refer to the folder's schemas."""
        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER if self.formats else None
        return jsonschema.Draft202012Validator(schema, registry=self.registry,
                                               format_checker=checker)

    def fast(self, schema: dict, name: str):
        """jsonschema-rs's validator for ``schema`` (named ``name`` for its references), or
        None when jsonschema-rs is not installed or cannot compile it."""
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - optional speed-up
            return None
        options = {"validate_formats": True} if self.formats else {}
        try:
            return jsonschema_rs.validator_for(schema, retriever=self._read,
                                               base_uri=self.base_uri + name, **options)
        except Exception:  # pragma: no cover - fall back to jsonschema alone
            return None
