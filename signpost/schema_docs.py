"""The field reference for content editors, read from the JSON Schemas' own descriptions, so the
schema stays the one place where each field is documented."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .schema_check import schema


@dataclass(frozen=True)
class FieldDoc:
    path: str          # e.g. services[].ages.from
    kind: str          # text, list of text, number, date …
    required: bool
    description: str


def _resolve(node: dict, root: dict) -> dict:
    """Follow a local $ref, keeping the referring node's own description."""
    ref = node.get("$ref")
    if not ref or not ref.startswith("#/$defs/"):
        if ref and "#/$defs/" in ref:  # a reference into area.schema.json from another schema
            target = schema("area")["$defs"][ref.split("#/$defs/")[1]]
            return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node
    name = ref.removeprefix("#/$defs/")
    # A definition met through area.schema.json refers to that schema's own definitions.
    target = root.get("$defs", {}).get(name) or schema("area")["$defs"][name]
    merged = {**_resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}
    return merged


def _kind(node: dict, root: dict) -> str:
    if "enum" in node:
        return "one of: " + ", ".join(str(v) for v in node["enum"])
    if "const" in node:
        return f"exactly: {node['const']}"
    if "anyOf" in node:  # a text: English alone, or English and Welsh under en:/cy:
        kinds = [_kind(_resolve(branch, root), root) for branch in node["anyOf"]]
        return kinds[0] + (" (or en: and cy: for Welsh)" if "fields" in kinds[1:] else "")
    kind = node.get("type")
    if kind == "array":
        item = _resolve(node.get("items", {}), root)
        inner = _kind(item, root)
        return f"list of {inner}"
    if kind == "object":
        return "fields" if "properties" in node else "named entries"
    pattern = node.get("pattern", "")
    if "[0-9]{4}-" in pattern:
        return "date"
    if pattern.startswith("^https?"):
        return "web address"
    if "@" in pattern:
        return "email"
    if pattern.startswith("^[a-z0-9]"):
        return "id"
    return {"string": "text", "integer": "whole number", "boolean": "true/false"}.get(kind, kind or "any")


def field_docs(kind: str) -> list[FieldDoc]:
    """Every field of a file kind (area, national, glossary), depth first, in schema order."""
    root = schema(kind)
    out: list[FieldDoc] = []

    def visit(node: dict, prefix: str, depth: int):
        node = _resolve(node, root)
        if depth > 6:
            return
        if node.get("type") == "array":
            item = _resolve(node.get("items", {}), root)
            if item.get("type") == "object":
                visit(item, prefix + "[]", depth + 1)
            return
        if node.get("type") == "object" and "properties" not in node and "additionalProperties" in node:
            visit(node["additionalProperties"], prefix + ".<id>", depth + 1)
            return
        required = set(node.get("required", []))
        props = dict(node.get("properties", {}))
        if "allOf" in node:  # pathway nodes: list the fields of each node type
            for branch in node["allOf"]:
                sub = _resolve(branch.get("then", {}), root)
                for name, prop in sub.get("properties", {}).items():
                    props.setdefault(name, prop)
        for name, prop in props.items():
            resolved = _resolve(prop, root)
            path = f"{prefix}.{name}" if prefix else name
            out.append(FieldDoc(path, _kind(resolved, root), name in required,
                                resolved.get("description", "")))
            if resolved.get("type") in ("object", "array"):
                visit(resolved, path, depth + 1)

    visit(root, "", 0)
    return out


# Where a field can appear, as each description's closing "Appears: …." sentence names it.
# The CONTRIBUTING table and its test read these, so a new place is added here first.
PLACES = {
    "area page": "the area's page, /areas/<area>/",
    "area index": "the list of areas, /areas/, and its filter",
    "contact card": "the contact's card on the area page and the printed contact sheet",
    "who-to-call box": "the box at the top of every page of the area",
    "saved contact": "the vCard a reader saves to their phone",
    "comparison": "the table of every area side by side, /compare/",
    "open data": "api/services.json and api/areas/<area>.json",
    "search": "the site's search",
    "pathway pages": "a pathway's overview and step pages",
    "parents page": "the guide for parents and carers, /parents/",
    "families page": "the area's page for families, /areas/<area>/families/",
    "report page": "the 'Report a problem with this page' page",
    "professionals page": "the page for professionals",
    "review report": "python scripts/review_report.py, for editors",
    "page address": "part of a page's address",
}
NOWHERE = "nowhere on the site, for editors and cross-references"
_APPEARS = re.compile(r"Appears: ([^.]+)\.$")


def appears(description: str) -> list[str] | None:
    """The places a description's closing "Appears: …." sentence names ([] for nowhere), or
    None when it has no such sentence or names a place not in PLACES."""
    match = _APPEARS.search(description.strip())
    if not match:
        return None
    if match.group(1) == NOWHERE:
        return []
    places = [p.strip() for p in match.group(1).split(";")]
    return places if all(p in PLACES for p in places) else None


def without_appears(description: str) -> str:
    return _APPEARS.sub("", description.strip()).strip()


def field_table(kind: str = "area") -> str:
    """The Markdown table of where each field of a file kind appears, for CONTRIBUTING.md."""
    docs = field_docs(kind)
    rows = ["| Field | Appears on | What it holds |", "| --- | --- | --- |"]
    for doc in docs:
        places = appears(doc.description)
        where = "not shown (editors only)" if places == [] else ", ".join(places or ["?"])
        what = without_appears(doc.description).split(". ")[0].rstrip(".").replace("|", "\\|")
        rows.append(f"| `{doc.path}` | {where} | {what}. |")
    return "\n".join(rows)
