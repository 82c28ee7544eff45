"""Every field of an area file says where it appears on the site, and CONTRIBUTING.md's table of
where each field appears is the one scripts/field_table.py generates from the schema."""
from __future__ import annotations

import copy

from helpers_content import REPO, run_script
from signpost import schema_docs
from signpost.schema_docs import PLACES, appears, field_docs, field_table


def test_every_field_says_where_it_appears():
    missing = [doc.path for doc in field_docs("area") if appears(doc.description) is None]
    assert missing == [], f"fields whose description does not end 'Appears: <places>.': {missing}"


def test_the_new_fields_say_where_they_appear():
    where = {doc.path: appears(doc.description) for doc in field_docs("area")}
    assert "open data" in where["services[].members"] and "area page" in where["services[].members"]
    assert "contact card" in where["contacts[].instructions.email"]
    assert "saved contact" in where["contacts[].instructions.email"]
    assert "review report" in where["referral_routes[].document_stops"]
    assert where["source.version"] == ["area page", "open data"]
    assert where["contacts[].note"] == ["area page"]


def test_a_description_without_the_sentence_or_with_an_unknown_place_is_caught():
    assert appears("The team's name. Appears: area page; contact card.") == ["area page", "contact card"]
    assert appears("The team's name.") is None
    assert appears("The team's name. Appears: the moon.") is None
    assert appears("An id. Appears: nowhere on the site, for editors and cross-references.") == []
    assert set(PLACES) >= {"area page", "contact card", "comparison", "open data", "search"}


def test_contributing_holds_the_generated_table():
    result = run_script("field_table.py", "--check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    assert field_table("area") in text
    assert "| `services[].intake_rule` | area page, open data |" in text


def test_the_check_fails_when_a_field_loses_its_description(monkeypatch):
    original = schema_docs.schema("area")
    broken = copy.deepcopy(original)
    broken["$defs"]["service"]["properties"]["meets"]["description"] = "When the panel meets."
    monkeypatch.setattr(schema_docs, "schema", lambda kind: broken if kind == "area" else original)
    import importlib.util
    spec = importlib.util.spec_from_file_location("field_table", REPO / "scripts" / "field_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "field_docs", schema_docs.field_docs)
    assert module.undescribed() == ["services[].meets"]
    assert field_table("area") not in (REPO / "CONTRIBUTING.md").read_text("utf-8")
