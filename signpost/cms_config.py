"""The staff's form editor's configuration (Decap CMS's config.yml), generated from the schema.

Every field the area schema describes becomes a form field: its description is the hint, its
allowed values the choices, its `required` list decides which fields the form requires, and
lists (services, contacts, routes, pathway steps) are edited in place. Because it is generated
at each build, a schema change can never leave the form behind.

Two things the schema allows cannot be a fixed form, so the data decides them, file by file:
- a map keyed by ids (pathways, their nodes) gets one group of fields per id the file holds,
  and each node the fields of its own type (a new pathway or node is added in YAML, not the form);
- a text in English and Welsh (``en:``/``cy:``) is a group of those fields where the file
  writes it so, and one text box where it is English only. The items of one list share their
  fields, so where some items of a list write a text with ``en:`` and others without, the form
  shows the ``en:``/``cy:`` group for all: write the others with ``en:`` too.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

# Shared files edited in YAML by maintainers, not in the form (they are not areas).
SHARED_FILES = ("national.yml", "glossary.yml", "search-synonyms.yml")
LONG_TEXT = 200  # above this many characters a text gets a multi-line box

# The field a list item is known by in the form's collapsed list.
_SUMMARY_FIELDS = ("name", "title", "label", "text", "en", "wording")


def area_files(services_dir: Path) -> list[Path]:
    return [p for p in sorted(Path(services_dir).glob("*.yml")) if p.name not in SHARED_FILES]


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class _Schema:
    def __init__(self, schema: dict):
        self.schema = schema

    def resolve(self, node: dict) -> dict:
        """The node with its $ref followed; the description written beside the $ref wins."""
        while "$ref" in node:
            target = self.schema
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            merged = dict(target)
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            node = merged
        return node

    def text_variants(self, node: dict) -> tuple[dict, dict] | None:
        """(English string, English-and-Welsh object) when the node is a text that may be either."""
        options = [self.resolve(o) for o in node.get("anyOf", [])]
        strings = [o for o in options if o.get("type") == "string"]
        objects = [o for o in options if o.get("type") == "object"]
        if len(options) == 2 and strings and objects:
            return strings[0], objects[0]
        return None

    def variant(self, node: dict, samples: list) -> dict:
        """For a node whose fields depend on its `type` (if/then), the branch the data is in."""
        kinds = {s.get("type") for s in samples if isinstance(s, dict)}
        for rule in node.get("allOf", []):
            const = rule.get("if", {}).get("properties", {}).get("type", {}).get("const")
            if const is not None and const in kinds:
                branch = self.resolve(rule["then"])
                return {**branch, "description": node.get("description", branch.get("description"))}
        return node


def _string_widget(node: dict, name: str, samples: list) -> dict:
    longest = max([len(s) for s in samples if isinstance(s, str)] + [0])
    long = node.get("maxLength", 0) > LONG_TEXT or longest > 120
    field: dict[str, Any] = {"widget": "text" if long else "string"}
    if "pattern" in node:
        field["pattern"] = [node["pattern"], f"must match {node['pattern']}"]
    return field


def _items(samples: Iterable) -> list:
    return [item for s in samples if isinstance(s, list) for item in s]


def _values(samples: Iterable, key: str) -> list:
    return [s[key] for s in samples if isinstance(s, dict) and key in s]


def _keys(samples: Iterable) -> list[str]:
    seen: dict[str, None] = {}
    for s in samples:
        if isinstance(s, dict):
            seen.update(dict.fromkeys(s))
    return list(seen)


class _Generator:
    def __init__(self, schema: dict):
        self.s = _Schema(schema)

    def field(self, name: str, node: dict, required: bool, samples: list, certain: bool = False) -> dict:
        """``certain``: the file has this field wherever the form shows it."""
        node = self.s.resolve(node)
        head: dict[str, Any] = {"name": name, "label": _label(name)}
        if node.get("description"):
            head["hint"] = node["description"]
        head["required"] = required
        return {**head, **self.widget(node, name, samples, certain)}

    def widget(self, node: dict, name: str, samples: list, certain: bool = False) -> dict:
        node = self.s.resolve(node)
        texts = self.s.text_variants(node)
        if texts:
            english, both = texts
            if any(isinstance(s, dict) for s in samples):
                return self.widget(both, name, samples, certain)
            return _string_widget(english, name, samples)
        if "const" in node:
            return {"widget": "hidden", "default": node["const"]}
        if "enum" in node:
            return {"widget": "select", "options": list(node["enum"])}
        kind = node.get("type")
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind == "integer":
            out: dict[str, Any] = {"widget": "number", "value_type": "int"}
            if "minimum" in node:
                out["min"] = node["minimum"]
            if "maximum" in node:
                out["max"] = node["maximum"]
            return out
        if kind == "string":
            return _string_widget(node, name, samples)
        if kind == "array":
            return self.list_widget(node, name, samples)
        if kind == "object" or "properties" in node or "allOf" in node:
            return self.object_widget(node, samples, certain)
        raise ValueError(f"{name}: the form has no widget for {node}")

    def list_widget(self, node: dict, name: str, samples: list) -> dict:
        items = self.s.resolve(node.get("items", {}))
        values = _items(samples)
        if "enum" in items:
            return {"widget": "select", "multiple": True, "options": list(items["enum"])}
        inner = self.widget(items, name, values, certain=True)
        out: dict[str, Any] = {"widget": "list"}
        if node.get("minItems"):
            out["min"] = node["minItems"]
        if inner["widget"] == "object":
            out["fields"] = inner["fields"]
            out["collapsed"] = True
            summary = next((f for f in _SUMMARY_FIELDS if f in {x["name"] for x in inner["fields"]}), None)
            if summary:
                out["summary"] = "{{fields.%s}}" % summary
        else:
            out["field"] = {"name": "item", "label": _label(name), **inner}
        return out

    def object_widget(self, node: dict, samples: list, certain: bool = False) -> dict:
        node = self.s.variant(node, samples) if "allOf" in node else node
        properties = node.get("properties", {})
        # The editor checks the required fields of an optional group even where the file leaves
        # the group out, and would refuse to save; so the form requires them only where the file
        # has the group wherever the form shows it (in every item of a list, say). The validator
        # checks them all the same.
        required = set(node.get("required", [])) if certain else set()
        parents = [s for s in samples if isinstance(s, dict)]
        fields = [self.field(key, sub, key in required, _values(samples, key),
                             certain and all(key in s for s in parents))
                  for key, sub in properties.items()]
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            # A map keyed by ids: one group per id in the data (ids come from the file).
            for key in _keys(samples):
                if key not in properties:
                    fields.append(self.field(key, extra, certain, _values(samples, key), certain))
        return {"widget": "object", "collapsed": True, "fields": fields}


def area_fields(schema: dict, data: dict) -> list[dict]:
    """The form's fields for one area file: every field of the schema, in the schema's order."""
    generator = _Generator(schema)
    required = set(schema.get("required", []))
    fields = [generator.field(key, node, key in required, _values([data], key), key in data)
              for key, node in schema["properties"].items()]
    return fields


def repo_of(repo_url: str | None) -> str:
    """OWNER/REPOSITORY from https://github.com/OWNER/REPOSITORY (mkdocs.yml's report_repo_url)."""
    match = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)/?", repo_url or "")
    return match.group(1) if match else "OWNER/REPOSITORY"


def generate(schema: dict, services_dir: Path, repo_url: str | None = None, branch: str = "main",
             auth_url: str | None = None) -> dict:
    """The whole configuration: the GitHub backend (saving opens a pull request: the editorial
    workflow), the local backend for testing, and one form per area file. ``auth_url`` is the
    partnership's GitHub sign-in helper (mkdocs.yml's cms_auth_url; CONTRIBUTING.md, "Edit in
    the form"); left out, the editor uses Netlify's, which works only for a site Netlify hosts."""
    files = []
    for path in area_files(services_dir):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        files.append({
            "name": path.stem,
            "label": str(data.get("name", path.stem)) if not isinstance(data.get("name"), dict)
            else str(data["name"].get("en", path.stem)),
            "file": f"services/{path.name}",
            "fields": area_fields(schema, data),
        })
    backend = {"name": "github", "repo": repo_of(repo_url), "branch": branch, "squash_merges": True}
    if auth_url:
        backend["base_url"] = auth_url
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        # Required by the editor; the form has no file or image fields, so nothing is uploaded.
        "media_folder": "docs/assets/uploads",
        "site_url": "/",
        "collections": [{
            "name": "areas",
            "label": "Areas",
            "label_singular": "Area",
            "description": "One form per area file in services/. Saving opens a pull request, "
                           "checked like any other before it is merged.",
            "editor": {"preview": False},
            # The area files' reader and writer (overrides/admin/editor.mjs): the style every
            # area file is kept in, so a one-field edit is a one-line diff.
            "format": "area-yaml",
            "files": files,
        }],
    }


def load_schema() -> dict:
    """The area schema the validator checks against (the project's, whatever content folder)."""
    from signpost.schema_check import SCHEMA_DIR
    return json.loads((SCHEMA_DIR / "area.schema.json").read_text("utf-8"))


def config_text(services_dir: Path, repo_url: str | None = None, auth_url: str | None = None) -> str:
    """config.yml as served at /admin/config.yml."""
    config = generate(load_schema(), services_dir, repo_url, auth_url=auth_url)
    header = ("# Generated from services/schema/area.schema.json and the area files by "
              "signpost/cms_config.py at each build: do not edit.\n")
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
