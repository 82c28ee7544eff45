"""The ORUK open-data export: valid against ORUK's schema, stable ids, faithful to the content."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import phonenumbers
import pytest
import yaml

from signpost.content import load_site
from signpost.export import stable_id
from signpost.export.oruk import (OpenDataError, organisations, page, record_problems,
                                  services_for_area, write_open_data)
from signpost.synth import MINIMAL_GLOSSARY, MINIMAL_NATIONAL, dump, write_dataset

# ORUK's OpenAPI "Page" schema (components.schemas.Page), for the list files' outer shape.
PAGE_SCHEMA = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page",
                 "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"}, "size": {"type": "integer"},
        "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"}, "contents": {"type": "array"},
    },
}

SMALL_AREA = """
id: testshire
name: Testshire
nation: England
source:
  title: Testshire HSB guidance
last_reviewed: 2025-03-04
summary: A small area written for the export tests.
services:
  - id: testshire-hsb
    name: Testshire **HSB** Service
    provider: Testshire Council
    managed_by: Testshire Partnership
    description: Assessment and support.
    for_whom: Children who display HSB.
    ages: {from: 10, to: 17, wording: "from 10 up to the age of 18"}
    covers: Testshire and Elsewhere
    eligibility:
      - The child lives in Testshire.
      - A social worker is allocated.
    access:
      - Speak to your manager first.
    contacts: [testshire-team, testshire-lead, testshire-form]
    website: https://example.org/testshire/hsb
    last_reviewed: 2025-02-01
  - id: testshire-bare
    name: Bare service
    provider: Other Org
    description: Only the required fields.
  - id: testshire-shared
    name: Shares a contact
    provider: Testshire Council
    description: Uses the team's line too.
    contacts: [testshire-team]
referral_criteria:
  - id: testshire-criterion
    text: Parents **know** about the referral.
    service: testshire-hsb
    detail: Unless it puts a child at risk.
referral_routes:
  - id: testshire-route
    name: Welfare route
    service: testshire-hsb
    steps:
      - text: Call the team.
      - text: Send the form.
contacts:
  - id: testshire-team
    name: HSB Team
    organisation: Testshire Council
    role: Consultation
    phone: "0117 496 0001"
    email: hsb@testshire.example.org
    hours: Monday to Friday 9am to 5pm
  - id: testshire-lead
    name: HSB Team
    person: Jo Bloggs
    role: Practice lead
    phone: "0117 496 0002"
  - id: testshire-form
    name: Referral form
    how_to_contact: Send the referral form by secure email.
  - id: testshire-unused
    name: Not linked to a service
    phone: "0117 496 0999"
"""


def _write_small(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "testshire.yml").write_text(SMALL_AREA, encoding="utf-8")
    (folder / "national.yml").write_text(dump(MINIMAL_NATIONAL), encoding="utf-8")
    (folder / "glossary.yml").write_text(dump(MINIMAL_GLOSSARY), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    write_dataset(folder, n=12, seed=7)
    return folder


@pytest.fixture(scope="module")
def synth_site(synth_dir):
    return load_site(synth_dir)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    site = load_site(_write_small(tmp_path_factory.mktemp("small")))
    records = services_for_area(site.area("testshire"), site)
    return {r["name"]: r for r in records}


def _all_records(site) -> list[dict]:
    orgs = organisations(site)
    return [r for a in site.areas for r in services_for_area(a, site, _organisations=orgs)]


def _phones(record: dict) -> list[dict]:
    return record.get("phones", []) + [p for c in record.get("contacts", [])
                                       for p in c.get("phones", [])]


def _e164(number: str) -> str:
    parsed = phonenumbers.parse(number, "GB")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# -- validity ----------------------------------------------------------------------------------

def test_every_synthetic_record_validates_against_oruk_service_json(synth_site):
    records = _all_records(synth_site)
    assert len(records) == 12 * 5
    for record in records:
        assert record_problems(record) == [], record["name"]


def test_small_area_records_validate_including_a_bare_service(small):
    for record in small.values():
        assert record_problems(record) == []


def test_validator_enforces_uuid_format_status_and_phone_shape():
    bad = {"id": "not-a-uuid", "name": "x", "status": "open",
           "phones": [{"id": stable_id("x")}]}
    problems = "\n".join(record_problems(bad))
    assert "'not-a-uuid' is not a 'uuid'" in problems
    assert "'open' is not one of" in problems
    assert "phones.0: 'number' is a required property" in problems


def test_written_files_have_oruks_page_shape_and_every_service(synth_site, tmp_path):
    written = write_open_data(synth_site, tmp_path)
    assert tmp_path / "api" / "services.json" in written
    everything = json.loads((tmp_path / "api" / "services.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(PAGE_SCHEMA).validate(everything)
    total = sum(len(a.services) for a in synth_site.areas)
    assert everything["total_items"] == everything["size"] == len(everything["contents"]) == total
    assert everything["first_page"] and everything["last_page"] and not everything["empty"]
    for area in synth_site.areas:
        one = json.loads((tmp_path / "api" / "areas" / f"{area.id}.json").read_text("utf-8"))
        jsonschema.Draft202012Validator(PAGE_SCHEMA).validate(one)
        assert [r["name"] for r in one["contents"]] == [s.name for s in area.services]
        for record in one["contents"]:
            assert record_problems(record) == []
    assert len(written) == 1 + len(synth_site.areas)


def test_empty_page_says_so():
    assert page([]) == {"total_items": 0, "total_pages": 1, "page_number": 1, "size": 0,
                        "first_page": True, "last_page": True, "empty": True, "contents": []}


def test_write_refuses_an_invalid_record(synth_site, tmp_path, monkeypatch):
    import signpost.export.oruk as oruk
    monkeypatch.setattr(oruk, "record_problems", lambda record: ["status: broken on purpose"])
    with pytest.raises(OpenDataError, match="broken on purpose"):
        write_open_data(synth_site, tmp_path)
    assert not (tmp_path / "api").exists()  # nothing half-written


def test_stale_area_files_are_removed(synth_site, tmp_path):
    stale = tmp_path / "api" / "areas" / "gone-area.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    write_open_data(synth_site, tmp_path)
    assert not stale.exists()


# -- ids ---------------------------------------------------------------------------------------

def test_namespace_never_changes():
    # Every published id depends on the namespace: this pins it.
    assert stable_id("a", "service", "b") == "fd328b96-a8be-556e-ba49-aa19bdc4ff33"


def test_ids_are_stable_across_two_builds(synth_dir, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    write_open_data(load_site(synth_dir), first)
    write_open_data(load_site(synth_dir), second)
    for path in sorted(first.rglob("*.json")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_ids_are_distinct_across_records(synth_site):
    ids = []
    for record in _all_records(synth_site):
        ids.append(record["id"])
        ids += [a["id"] for a in record.get("service_areas", [])]
        ids += [c["id"] for c in record.get("contacts", [])]
        ids += [p["id"] for p in _phones(record)]
    assert len(ids) == len(set(ids))


def test_a_contact_shared_by_two_services_gets_a_record_under_each(small):
    team_in_hsb = small["Testshire HSB Service"]["contacts"][0]
    team_in_shared = small["Shares a contact"]["contacts"][0]
    assert team_in_hsb["name"] == team_in_shared["name"] == "HSB Team"
    assert team_in_hsb["id"] != team_in_shared["id"]
    assert team_in_hsb["service_id"] == small["Testshire HSB Service"]["id"]


def test_one_organisation_id_means_one_identical_record(synth_site):
    by_id: dict[str, dict] = {}
    for record in _all_records(synth_site):
        org = record["organization"]
        assert record["organization_id"] == org["id"]
        assert by_id.setdefault(org["id"], org) == org
    # The synthetic charities work in several areas: their record names each of them.
    names = [a.name for a in synth_site.areas]
    assert any(sum(n in o["description"] for n in names) >= 2 for o in by_id.values())


# -- mapping -----------------------------------------------------------------------------------

def test_ages_eligibility_and_application_are_mapped(small):
    record = small["Testshire HSB Service"]
    assert (record["minimum_age"], record["maximum_age"]) == (10, 17)
    assert record["eligibility_description"].splitlines() == [
        "Children who display HSB.", "Ages: from 10 up to the age of 18",
        "The child lives in Testshire.", "A social worker is allocated.",
        "Parents know about the referral. Unless it puts a child at risk."]
    assert record["application_process"].splitlines() == [
        "Speak to your manager first.", "Welfare route:", "1. Call the team.",
        "2. Send the form.", "Referral form: Send the referral form by secure email."]
    assert record["name"] == "Testshire HSB Service"  # bold markers removed
    assert record["assured_date"] == "2025-02-01"
    assert record["url"] == "https://example.org/testshire/hsb"
    assert record["status"] == "active"
    assert record["service_areas"][0]["name"] == "Testshire"
    assert record["service_areas"][0]["service_area"] == "Testshire and Elsewhere"
    assert record["organization"]["name"] == "Testshire Council"
    assert "Managed by Testshire Partnership." in record["organization"]["description"]


def test_phones_and_contacts_are_mapped(small):
    record = small["Testshire HSB Service"]
    assert [(p["number"], p.get("description")) for p in record["phones"]] == [
        ("+44 117 496 0001", "HSB Team; Monday to Friday 9am to 5pm"),
        ("+44 117 496 0002", "HSB Team")]
    team, lead, form = record["contacts"]
    assert team == {"id": team["id"], "service_id": record["id"], "name": "HSB Team",
                    "title": "Consultation", "email": "hsb@testshire.example.org",
                    "phones": [{"id": team["phones"][0]["id"], "contact_id": team["id"],
                                "number": "+44 117 496 0001",
                                "description": "Monday to Friday 9am to 5pm"}]}
    assert (lead["name"], lead["title"], lead["department"]) == ("Jo Bloggs", "Practice lead", "HSB Team")
    assert "phones" not in form and "email" not in form


def test_nothing_is_invented_for_a_service_without_details(small):
    record = small["Bare service"]
    # No 'service_areas': without 'covers' the content does not say where it works, and the
    # area's name is not a claim that it covers all of it.
    assert set(record) == {"id", "organization_id", "name", "description", "status",
                           "assured_date", "organization", "source"}
    assert record["assured_date"] == "2025-03-04"  # the area's review date


def test_no_phone_appears_that_is_not_in_the_source_files(synth_dir, synth_site):
    written_in_source = set()
    for path in synth_dir.glob("*.yml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        for contact in data.get("contacts", []) if path.stem not in ("national", "glossary") else []:
            if "phone" in contact:
                written_in_source.add(_e164(contact["phone"]))
    exported = {_e164(p["number"]) for r in _all_records(synth_site) for p in _phones(r)}
    assert exported
    assert exported <= written_in_source


def test_only_linked_contacts_are_exported(small):
    numbers = {p["number"] for r in small.values() for p in _phones(r)}
    assert "+44 117 496 0999" not in numbers


def test_areas_with_welsh_texts_give_valid_open_data_in_english(tmp_path):
    """Texts carrying their Welsh are strings of their own type; the open data checks and
    writes their English."""
    from signpost.content import validate
    from signpost.export.oruk import write_open_data
    from signpost.synth import write_dataset

    write_dataset(tmp_path / "services", n=4, seed=0, welsh_every=2)
    site, problems = validate(tmp_path / "services")
    assert not problems
    welsh = next(a for a in site.areas if a.publishes_welsh)
    written = write_open_data(site, tmp_path / "out")
    record = json.loads((tmp_path / "out" / "api" / "areas" / f"{welsh.id}.json").read_text("utf-8"))
    assert written and record
