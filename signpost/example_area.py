"""The example area: the area schema's own example (``examples`` in
services/schema/area.schema.json), a small valid area called Testshire with one of each section
and record, and a page for families. It is written once, there; the tests' content helpers, the
synthetic data and the components' examples (signpost.render.examples) start from it, renamed
for the area they make.
"""
from __future__ import annotations

from .families_check import SOURCES, statements
from .schema_check import schema

EXAMPLE_ID = "testshire"     # in the example's ids and web addresses
EXAMPLE_NAME = "Testshire"   # in its names and texts


def _renamed(value, area_id: str, name: str):
    if isinstance(value, dict):
        return {key: _renamed(item, area_id, name) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, area_id, name) for item in value]
    if isinstance(value, str):
        return value.replace(EXAMPLE_ID, area_id).replace(EXAMPLE_NAME, name)
    return value


def example_area(area_id: str = EXAMPLE_ID, name: str = EXAMPLE_NAME) -> dict:
    """A fresh copy of the example area's data, for an area ``area_id`` called ``name``: every
    id and address takes ``area_id`` for "testshire", every text ``name`` for "Testshire"."""
    return _renamed(schema("area")["examples"][0], area_id, name)   # new lists and dicts


def example_sources(area: dict) -> dict[str, str]:
    """The documents' text an area made from the example needs beside its file, by its path
    under the services folder (``sources/<id>.txt``, signpost.families_check): the example's
    document when the area keeps the example's page for families, else none.

    The example's document is as fictional as its area: it holds the title and the passages
    its families' statements quote, and nothing else."""
    example = example_area(area["id"], area["name"])
    if not area.get("families") or area["families"] != example["families"]:
        return {}
    passages = [example["source"]["title"]]
    passages += [statement["source"] for _, statement in statements(example["families"])]
    return {f"{SOURCES}/{area['id']}.txt": "\n\n".join(passages) + "\n"}
