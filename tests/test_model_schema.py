"""Each model class names the same fields as the JSON Schema that describes its YAML.

The model's field names follow the YAML keys, so the schema's descriptions (the editors'
reference) document the classes too; a field added to one and not the other fails here,
naming the class and the fields.
"""
from __future__ import annotations

import dataclasses
import inspect
import json

import pytest

from signpost import model
from signpost.schema_check import SCHEMA_DIR

RENAMED = {"from": "from_", "for": "for_"}   # Python keywords, as signpost.model_from_data renames them

# Model class → (schema file, JSON pointers to its object schemas, fields only the model has).
WHERE = {
    model.Area: ("area", ["/"], {"file"}),
    model.Source: ("area", ["/properties/source"], set()),
    model.ContentContact: ("area", ["/properties/content_contact"], set()),
    model.Definition: ("area", ["/properties/definitions/items"], set()),
    model.Criterion: ("area", ["/properties/referral_criteria/items"], set()),
    model.Families: ("area", ["/properties/families"], set()),
    model.AgeRange: ("area", ["/$defs/ageRange"], set()),
    model.Section: ("area", ["/$defs/section"], set()),
    model.Service: ("area", ["/$defs/service"], set()),
    model.Assessment: ("area", ["/$defs/service/properties/assessment"], set()),
    model.Intervention: ("area", ["/$defs/service/properties/interventions/items"], set()),
    model.FollowUp: ("area", ["/$defs/service/properties/follow_up"], set()),
    model.Step: ("area", ["/$defs/step"], set()),
    model.Route: ("area", ["/$defs/route"], set()),
    # area_id: the area a card belongs to, for its vCard address.
    model.Contact: ("area", ["/$defs/contact"], {"area_id"}),
    model.Instructions: ("area", ["/$defs/contact/properties/instructions"], set()),
    model.Guidance: ("area", ["/$defs/guidance"], set()),
    model.Link: ("area", ["/$defs/link"], set()),
    # id: the key it is filed under in 'pathways:'; area_id: the area that holds it.
    model.Pathway: ("area", ["/$defs/pathway"], {"id", "area_id"}),
    model.Option: ("area", ["/$defs/option"], set()),
    # id: the key it is filed under in 'nodes:'; a node has the fields of any of its kinds.
    model.Node: ("area", ["/$defs/questionNode", "/$defs/stepNode", "/$defs/outcomeNode"],
                 {"id"}),
    model.Statement: ("area", ["/$defs/statement"], set()),
    model.FamilyStep: ("area", ["/$defs/familyStep"], set()),
    model.NationalHelp: ("national", ["/properties/help/items"], set()),
    model.Term: ("glossary", ["/properties/terms/items"], set()),
    # where: file and line of the entry, for messages.
    model.SearchSynonym: ("search-synonyms", ["/properties/synonyms/items"], {"where"}),
}
# Put together from several files, not described by one schema object.
NOT_ONE_SCHEMA = {model.Site}


def schema_fields(kind: str, pointers: list[str]) -> set[str]:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8"))
    names: set[str] = set()
    for pointer in pointers:
        part = schema
        for key in filter(None, pointer.split("/")):
            part = part[key]
        names |= {RENAMED.get(name, name) for name in part["properties"]}
    return names


def test_every_model_class_is_compared():
    classes = {cls for _, cls in inspect.getmembers(model, inspect.isclass)
               if dataclasses.is_dataclass(cls) and cls.__module__.startswith(model.__name__)}
    assert classes - set(WHERE) - NOT_ONE_SCHEMA == set()


@pytest.mark.parametrize("cls", list(WHERE), ids=lambda cls: cls.__name__)
def test_model_class_and_schema_name_the_same_fields(cls):
    kind, pointers, model_only = WHERE[cls]
    in_model = {f.name for f in dataclasses.fields(cls)}
    in_schema = schema_fields(kind, pointers)
    assert in_schema - in_model == set(), f"{cls.__name__} lacks fields the schema describes"
    assert in_model - in_schema == model_only, f"{cls.__name__} has fields the schema lacks"
