"""Small, valid content for tests, built in a temporary folder: never the real area files.

The real files under services/ are being written and corrected all the time; a test that reads
them breaks whenever a partnership changes a phone number. Build what the test needs instead:

    from helpers_content import write_minimal_services, small_area, write_yaml

    services = write_minimal_services(tmp_path / "services")       # schema + 3 valid files
    write_yaml(services / "otherton.yml", small_area("otherton", "Otherton"))

Phone numbers are from Ofcom's ranges kept for drama and examples (020 7946 0xxx,
0808 157 0xxx), so no fixture can ever ring a real service. Dates are fixed and in the past,
because the validator refuses dates in the future; a test of review dates should pass its own
``today`` rather than rely on the real date.
"""
from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from signpost.example_area import example_area, example_sources
from signpost.schema_check import schema

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "services" / "schema"
SCRIPTS = REPO / "scripts"

REVIEWED = "2026-01-15"
EXAMPLE_PHONE = "020 7946 0123"      # Ofcom drama range: valid in form, never in service
EXAMPLE_FREEPHONE = "0808 157 0123"  # likewise
AREA_REQUIRED = frozenset(schema("area")["required"])


def minimal_national(reviewed: str = REVIEWED) -> dict:
    """national.yml with the emergency number and one helpline."""
    return {
        "last_reviewed": reviewed,
        "help": [
            {"id": "emergency", "name": "Emergency services", "for": "A child is in danger now.",
             "emergency": True, "phone": "999",
             "provenance": "Test fixture", "last_reviewed": reviewed},
            {"id": "example-helpline", "name": "Example helpline", "organisation": "Example charity",
             "for": "Advice for anyone worried about a child.", "phone": EXAMPLE_FREEPHONE,
             "hours": "Every day, 9am to 5pm", "website": "https://www.example.org/helpline",
             "fallback": True, "provenance": "Test fixture", "last_reviewed": reviewed},
        ],
    }


def minimal_glossary() -> dict:
    """glossary.yml with one abbreviation and one plain term."""
    return {"terms": [
        {"term": "HSB", "stands_for": "Harmful sexual behaviour",
         "meaning": "Sexual behaviour by a child that is harmful to them or to others."},
        {"term": "Referral", "meaning": "Asking a service to help a child."},
    ]}


def required_area(area_id: str = "testshire", name: str = "Testshire",
                  reviewed: str = REVIEWED) -> dict:
    """An area with only the fields the schema requires (the example area's)."""
    area = example_area(area_id, name)
    return {**{key: area[key] for key in area if key in AREA_REQUIRED}, "last_reviewed": reviewed}


def small_area(area_id: str = "testshire", name: str = "Testshire",
               reviewed: str = REVIEWED) -> dict:
    """A valid area with one of each main record, all cross-references resolving: the example
    area (signpost.example_area) without its sections of prose.

    One service, one contact (with a phone number), one referral criterion, one referral route
    with two steps, and a pathway: a question leading to a step and an outcome. Ids are
    prefixed with ``area_id``, so several small areas can sit in one folder. (The example has
    more of some records, for the components' examples: the first of each is taken.)
    """
    area = example_area(area_id, name)
    first = {key: area[key][:1]
             for key in ("services", "referral_criteria", "referral_routes", "contacts")}
    first["pathways"] = dict(list(area["pathways"].items())[:1])
    return {**{key: first.get(key, area[key]) for key in area
               if key in AREA_REQUIRED or key in first}, "last_reviewed": reviewed}


def write_yaml(path: Path, data: dict) -> Path:
    """Write ``data`` as an editor would see it: block style, keys in the order given."""
    path = Path(path)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")
    return path


def write_minimal_services(directory: Path, *, areas: list[dict] | None = None,
                           national: dict | None = None, glossary: dict | None = None) -> Path:
    """Make ``directory`` a valid services folder and return it.

    It holds a copy of the real schema/ folder, national.yml, glossary.yml and one area file
    per entry of ``areas`` (default: a single ``small_area()``), each named after its id (and,
    for the whole example area, its document's text under sources/).
    Everything passes ``scripts/validate.py``.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SCHEMA_DIR, directory / "schema", dirs_exist_ok=True)
    write_yaml(directory / "national.yml", national if national is not None else minimal_national())
    write_yaml(directory / "glossary.yml", glossary if glossary is not None else minimal_glossary())
    for area in (areas if areas is not None else [small_area()]):
        write_yaml(directory / f"{area['id']}.yml", copy.deepcopy(area))
        for path, text in example_sources(area).items():   # the example's page for families quotes it
            (directory / path).parent.mkdir(exist_ok=True)
            (directory / path).write_text(text, encoding="utf-8")
    return directory


def services_with_real_shared_files(directory: Path, area_files) -> Path:
    """Make ``directory`` a services folder of the given area files beside the real schema/,
    national.yml and glossary.yml, and return it."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SCHEMA_DIR, directory / "schema", dirs_exist_ok=True)
    for name in ("national.yml", "glossary.yml"):
        shutil.copy(REPO / "services" / name, directory / name)
    for area_file in area_files:
        shutil.copy(area_file, directory / Path(area_file).name)
    return directory


def run_script(name: str, *args, cwd: Path) -> subprocess.CompletedProcess:
    """Run ``scripts/<name>`` as an editor would, from ``cwd``; output captured as text."""
    return subprocess.run([sys.executable, str(SCRIPTS / name), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
