"""The example area: the area schema's own example (``examples`` in
services/schema/area.schema.json), a small valid area called Testshire with one of each section
and record. It is written once, there; the tests' content helpers and the synthetic data start
from it, renamed for the area they make.
"""
from __future__ import annotations

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
