"""Second layer of validation: what a JSON Schema cannot say.

Runs on data that passed the schema. Checks ids are unique across the whole site, every
reference resolves, ages are ordered, phone numbers, emails, web addresses and dates are real,
pathways are sound trees, and no TODO marker from the scaffold is left.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .characters import hidden_character
from .links import email_problem, web_address_problem
from .load import LoadedFile
from .pathway_check import check_pathway
from .phones import PhoneError, parse_phone
from .problems import Problem

_TODO = re.compile(r"\bTODO\b")
# Area sub-pages that already have an address: /areas/<area>/contacts/ is the contact sheet,
# /areas/<area>/families/ the page for families.
RESERVED_PATHWAY_IDS = ("contacts", "families")
# Fields that describe a multi-agency panel or forum, refused on any other kind of service.
PANEL_FIELDS = ("hosted_by", "members", "meets")
# The ways in a contact's instructions can be about.
INSTRUCTED = ("phone", "email", "address")


@dataclass
class IdRegistry:
    """Ids seen so far across every file: id → (file, line, column) where it was first defined."""

    seen: dict

    def __init__(self):
        self.seen = {}

    def claim(self, loaded: LoadedFile, path: tuple, kind: str, value: str) -> Problem | None:
        where = (loaded.label, *loaded.marks.locate(path))
        first = self.seen.setdefault(value, where)
        if first is where:
            return None
        stem = where[0].rsplit("/", 1)[-1].removesuffix(".yml")
        example = f"{stem}-{value}" if not value.startswith(stem) else f"{value}-2"
        return loaded.problem(path, f"the id '{value}' is already used at {first[0]}:{first[1]}",
                        f"ids must be unique across the site; give this {kind} another id, "
                        f"for example '{example}'")


def check_common(loaded: LoadedFile, today: dt.date) -> list[Problem]:
    """Checks on any kind of file: dates, phones, emails, web addresses, TODO markers."""
    problems = []
    for path, text in loaded.strings:
        field = path[-1] if path else ""
        if _TODO.search(text):
            # A scaffold placeholder: what to do is fill it in, whatever else it fails.
            problems.append(loaded.problem(path, "this still says TODO",
                                     "replace it with the content from the source document, "
                                     "or remove the field if the document has nothing for it"))
            continue
        if not text.strip():
            problems.append(loaded.problem(path, "the text is blank (only spaces)",
                                     "write the text, or remove the field"))
            continue
        hidden = hidden_character(text)
        if hidden:
            position, name = hidden
            problems.append(loaded.problem(path, f"the text holds an invisible or direction-changing "
                                     f"character, {name}, at character {position + 1}",
                                     "delete it: such characters hide or reorder what readers see, and "
                                     "reviewers cannot see them; retype the text if you cannot find it"))
            continue
        if field in ("last_reviewed", "confirmed_on"):
            problems += _check_date(loaded, path, text, today)
        elif field == "phone":
            try:
                parse_phone(text)
            except PhoneError as err:
                problems.append(loaded.problem(path, str(err),
                                         "write a UK number as it is dialled, in quotes, for example "
                                         "'01225 396313'; free short numbers such as '999', '111' "
                                         "and '116 123' are allowed; premium-rate (09…), shared-cost "
                                         "(084…, 087…) and 118 numbers are not"))
        elif field in ("url", "website", "form_url", "confirm_at"):
            why = web_address_problem(text)
            if why:
                problems.append(loaded.problem(path, why,
                                         "links must start https:// and name a real public site in plain "
                                         "letters (a-z, 0-9, '-' and '.'); phone numbers go in 'phone', "
                                         "emails in 'email'"))
        elif field == "email":
            why = email_problem(text)
            if why:
                problems.append(loaded.problem(path, why,
                                         "write only the address, for example name@organisation.gov.uk"))
    return problems


def _check_date(loaded, path, text, today) -> list[Problem]:
    try:
        when = dt.date.fromisoformat(text)
    except ValueError:
        return [loaded.problem(path, f"'{text}' is not a real date",
                         "write a date that exists, as YYYY-MM-DD, for example 2026-11-23")]
    if when > today:
        return [loaded.problem(path, f"{text} is in the future",
                         "write the date the check was actually done")]
    return []


def _must_exist(loaded: LoadedFile, path: tuple, value: str, known: set[str], kind: str,
                key: str) -> list[Problem]:
    """A problem when ``value`` is not one of the ``known`` ids of this file's ``key``."""
    if value in known:
        return []
    listed = ", ".join(sorted(known)) or f"none yet: add one under '{key}'"
    # An optional link (a route's pathway) left over from a copy is deleted, not invented.
    remove = f", or delete the '{path[-1]}:' line" if isinstance(path[-1], str) else ""
    return [loaded.problem(path, f"no {kind} with the id '{value}' in this file",
                           f"use one of the {key} ids: {listed}{remove}")]


def _service_problems(loaded: LoadedFile, i: int, service: dict, contacts: set[str]) -> list[Problem]:
    problems = []
    if service.get("kind") == "panel" and "provider" in service:
        problems.append(loaded.problem(("services", i, "provider"),
            "a panel or forum has no single provider: its members are listed in 'members'",
            "move the organisation that hosts or chairs it to 'hosted_by', or remove "
            "'provider'; if one organisation runs the service, remove 'kind: panel'"))
    if service.get("kind") != "panel":
        for key in PANEL_FIELDS:
            if key in service:
                problems.append(loaded.problem(("services", i, key),
                    f"'{key}' is only for a multi-agency panel or forum",
                    "if this service is a panel or forum that several agencies attend, add "
                    "'kind: panel' (and remove provider if it has no single provider); "
                    f"otherwise remove '{key}'"))
    for j, ref in enumerate(service.get("contacts", [])):
        problems += _must_exist(loaded, ("services", i, "contacts", j), ref, contacts, "contact", "contacts")
    ages = service.get("ages")
    if ages and "from" in ages and "to" in ages and ages["from"] > ages["to"]:
        problems.append(loaded.problem(("services", i, "ages", "to"),
                                       f"the age range ends ({ages['to']}) before it starts ({ages['from']})",
                                       "'from' is the youngest age and 'to' the oldest"))
    return problems


def _route_problems(loaded: LoadedFile, i: int, route: dict, contacts: set[str],
                    services: set[str], pathways: set[str]) -> list[Problem]:
    here = ("referral_routes", i)
    problems = []
    for j, ref in enumerate(route.get("contacts", [])):
        problems += _must_exist(loaded, here + ("contacts", j), ref, contacts, "contact", "contacts")
    if "service" in route:
        problems += _must_exist(loaded, here + ("service",), route["service"], services, "service", "services")
    if "pathway" in route:
        problems += _must_exist(loaded, here + ("pathway",), route["pathway"], pathways, "pathway", "pathways")
    if "ask" in route:
        if not route.get("document_stops"):
            problems.append(loaded.problem(here + ("ask",),
                                           "'ask' names who to ask what happens next, but the route "
                                           "does not say the document stops",
                                           "add 'document_stops: true' if the document says nothing "
                                           "after the last step, or remove 'ask'"))
        problems += _must_exist(loaded, here + ("ask",), route["ask"], contacts, "contact", "contacts")
    return problems


def _instruction_problems(loaded: LoadedFile, i: int, contact: dict) -> list[Problem]:
    """Instructions are kept by way in: each must be about a way in the contact has."""
    has = [k for k in INSTRUCTED if k in contact]
    problems = []
    for channel in contact.get("instructions", {}):
        if channel not in contact:
            where = (f"put them under the way in they are about ({', '.join(has)})" if has
                     else f"add the contact's {channel} from the document")
            problems.append(loaded.problem(("contacts", i, "instructions", channel),
                f"these instructions are about the contact's {channel}, but it has no '{channel}'",
                f"{where}, or remove these instructions"))
    return problems


def _claim_ids(loaded: LoadedFile, ids: IdRegistry) -> list[Problem]:
    problems = []
    for kind, key in (("definition", "definitions"), ("service", "services"),
                      ("criterion", "referral_criteria"), ("route", "referral_routes"),
                      ("contact", "contacts"), ("guidance section", "guidance")):
        for i, record in enumerate(loaded.data.get(key, [])):
            problem = ids.claim(loaded, (key, i, "id"), kind, record["id"])
            if problem:
                problems.append(problem)
    return problems


def check_area(loaded: LoadedFile, ids: IdRegistry) -> list[Problem]:
    """Cross-record checks within one area file, and its ids against the whole site."""
    data = loaded.data
    problems: list[Problem] = []
    stem = loaded.path.stem
    if data["id"] != stem:
        problems.append(loaded.problem(("id",), f"the id '{data['id']}' does not match the file name '{loaded.path.name}'",
                                       f"write id: {stem}, or rename the file to {data['id']}.yml"))
    problems += _claim_ids(loaded, ids)

    contacts = {c["id"] for c in data.get("contacts", [])}
    services = {s["id"] for s in data.get("services", [])}
    pathways = set(data.get("pathways", {}))
    for key in ("front_door", "out_of_hours"):
        if key in data:
            problems += _must_exist(loaded, (key,), data[key], contacts, "contact", "contacts")
    for i, service in enumerate(data.get("services", [])):
        problems += _service_problems(loaded, i, service, contacts)
    for i, criterion in enumerate(data.get("referral_criteria", [])):
        if "service" in criterion:
            problems += _must_exist(loaded, ("referral_criteria", i, "service"), criterion["service"],
                                    services, "service", "services")
    for i, route in enumerate(data.get("referral_routes", [])):
        problems += _route_problems(loaded, i, route, contacts, services, pathways)
    for i, contact in enumerate(data.get("contacts", [])):
        problems += _instruction_problems(loaded, i, contact)
    for j, ref in enumerate(data.get("families", {}).get("contacts", [])):
        problems += _must_exist(loaded, ("families", "contacts", j), ref, contacts, "contact", "contacts")
    for pathway_id, pathway in data.get("pathways", {}).items():
        if pathway_id in RESERVED_PATHWAY_IDS:
            problems.append(loaded.problem(("pathways", pathway_id),
                                           f"'{pathway_id}' is already the address of another page of the area",
                                           "give the pathway another id"))
        problems += check_pathway(loaded, pathway_id, pathway, contacts, pathways)
    return problems


def check_glossary(loaded: LoadedFile) -> list[Problem]:
    problems, seen = [], {}
    for i, term in enumerate(loaded.data["terms"]):
        key = term["term"].casefold()
        if key in seen:
            problems.append(loaded.problem(("terms", i, "term"),
                                     f"'{term['term']}' is already defined at line {seen[key]}",
                                     "define each term once"))
        else:
            seen[key] = loaded.marks.locate(("terms", i, "term"))[0]
    return problems


def check_national(loaded: LoadedFile, ids: IdRegistry) -> list[Problem]:
    problems = []
    for i, item in enumerate(loaded.data["help"]):
        problem = ids.claim(loaded, ("help", i, "id"), "national service", item["id"])
        if problem:
            problems.append(problem)
    return problems
