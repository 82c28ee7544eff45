"""Open Referral UK (ORUK) open data: every service as an ORUK service record, in JSON.

Files, written under the built site by :func:`write_open_data`::

    api/services.json            every service of every area
    api/areas/<area-id>.json     one area's services

Both use ORUK's paginated list shape (``total_items``, ``total_pages``, ``page_number``,
``size``, ``first_page``, ``last_page``, ``empty``, ``contents``) with everything on page 1:
it is what an ORUK importer already reads from ``GET /services``. Each entry of ``contents`` is
a full nested service record (a superset of ``service_list.json``), so an importer needs no
second request per service.

Records follow ``services/schema/oruk/service.json``. The UK profile's compiled service.json
has nowhere for phone numbers or eligibility text, so HSDS 3.0 core fields carry them:
``eligibility_description``, ``application_process``, ``phones`` (on the service and on each
contact) and the contact's ``email`` and ``department``. ORUK's schema allows extra fields, and
each phone is checked against ORUK's own phone record. Nothing is invented: a field is written
only when the model holds its value. docs/open-data.md is the mapping table.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from ..json_schemas import SchemaFolder
from ..model import Site
from .oruk_records import organisations, services_for_area

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "services" / "schema" / "oruk"
SERVICES_FILE = Path("api") / "services.json"
AREAS_DIR = Path("api") / "areas"


class OpenDataError(ValueError):
    """The export would not validate against the ORUK schema; carries every problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# Validation and files ------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _folder(schema_dir: str) -> SchemaFolder:
    # The ORUK files carry no $schema; their OpenAPI file declares draft 2020-12.
    return SchemaFolder(Path(schema_dir), ("service.json", "service_with_definitions.json"),
                        formats=True,  # uuid and email are enforced
                        base_uri="https://schemas.invalid/oruk/")


_PHONE = {"$ref": "service_with_definitions.json#/definitions/phone"}


@lru_cache(maxsize=None)
def _validators(schema_dir: str) -> tuple[jsonschema.Validator, jsonschema.Validator]:
    folder = _folder(schema_dir)
    return folder.validator(folder.contents["service.json"]), folder.validator(_PHONE)


@lru_cache(maxsize=None)
def _fast_validators(schema_dir: str):
    """The fast twins of _validators (signpost.json_schemas), so only a record they reject is
    explained by jsonschema. None when jsonschema-rs is not installed."""
    folder = _folder(schema_dir)
    service = folder.fast(folder.contents["service.json"], "service.json")
    phone = folder.fast(_PHONE, "phone.json")
    return (service, phone) if service is not None and phone is not None else None


def _phones(record: dict) -> list[tuple[tuple, dict]]:
    found = [(("phones", i), p) for i, p in enumerate(record.get("phones", []))]
    found += [(("contacts", i, "phones", j), p) for i, c in enumerate(record.get("contacts", []))
              for j, p in enumerate(c.get("phones", []))]
    return found


def record_problems(record: dict, schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """Why ``record`` is not a valid ORUK service (phones checked against ORUK's phone record)."""
    fast = _fast_validators(str(schema_dir))
    # The fast validator takes exact JSON types: a text carrying its Welsh (signpost.bilingual.Text,
    # a str) is given as the plain string the open data writes for it.
    record = json.loads(json.dumps(record))
    if fast and fast[0].is_valid(record) and all(fast[1].is_valid(p) for _, p in _phones(record)):
        return []
    service, phone = _validators(str(schema_dir))

    def where(path) -> str:
        return ".".join(str(p) for p in path) or "(record)"

    found = [f"{where(e.absolute_path)}: {e.message}" for e in service.iter_errors(record)]
    for path, item in _phones(record):
        found += [f"{where(path + tuple(e.absolute_path))}: {e.message}"
                  for e in phone.iter_errors(item)]
    return found


def page(records: list[dict]) -> dict:
    """ORUK's paginated list shape with every record on one page."""
    return {"total_items": len(records), "total_pages": 1, "page_number": 1,
            "size": len(records), "first_page": True, "last_page": True,
            "empty": not records, "contents": records}


def _write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_open_data(site: Site, out_dir: Path, *, check: bool = True) -> list[Path]:
    """Write api/services.json and api/areas/<area-id>.json under ``out_dir``; return the paths.

    Raises OpenDataError, before writing anything, if a record would not validate (``check``
    is there only to skip that for speed when the same site was checked already).
    """
    out_dir = Path(out_dir)
    orgs = organisations(site)
    by_area = {a.id: services_for_area(a, site, _organisations=orgs) for a in site.areas}
    if check:
        problems = [f"{area_id}: {record['name']}: {problem}"
                    for area_id, records in by_area.items() for record in records
                    for problem in record_problems(record)]
        if problems:
            raise OpenDataError(problems)
    everything = [record for records in by_area.values() for record in records]
    written = [_write(out_dir / SERVICES_FILE, page(everything))]
    areas_dir = out_dir / AREAS_DIR
    if areas_dir.is_dir():  # an area that was removed must not linger in the open data
        for stale in areas_dir.glob("*.json"):
            if stale.stem not in by_area:
                stale.unlink()
    written += [_write(areas_dir / f"{area_id}.json", page(records))
                for area_id, records in by_area.items()]
    return written
