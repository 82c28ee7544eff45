"""The field reference for content editors, read from the JSON Schemas' own descriptions, so the
schema stays the one place where each field is documented."""
from __future__ import annotations

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
    target = root["$defs"][ref.removeprefix("#/$defs/")]
    merged = {**_resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}
    return merged


def _kind(node: dict, root: dict) -> str:
    if "enum" in node:
        return "one of: " + ", ".join(str(v) for v in node["enum"])
    if "const" in node:
        return f"exactly: {node['const']}"
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
