"""Phone numbers, emails and web addresses written in prose must agree with the records.

A number typed into a sentence is what a reader dials, yet only the contact records are
checked against the source; a slip in a sentence ("01225 396331") would go live unnoticed. So
every number, email and web address found in an area's text must be one that a record of that
area (a contact, a route's form, a link, the source document) or the national file gives;
otherwise the problem names the nearest record, so the editor sees which one was meant.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .load import LoadedFile
from .phones import PhoneError, parse_phone
from .problems import Problem

# Fields that are records themselves: checked on their own by checks.check_common.
RECORD_FIELDS = ("phone", "email", "url", "website", "form_url", "confirm_at")
# A UK number as people write it: 0 or +44, then 9 or 10 more digits with spaces or hyphens.
# Found by its shape, not by phonenumbers' matcher, so that a number with a digit missing is
# still caught rather than read as ordinary text. Dates and ranges (2026-11-23, 12-18) are too
# short to match.
_PHONE = re.compile(r"(?<![\w/+-])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){7,10}(?![\w/-])")
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEB = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+")
_TRAILING = ".,;:)]}'\""


@dataclass(frozen=True)
class Record:
    """A value a record gives, and what to call the record in a message."""

    value: str      # normalised: E.164 for phones, lower case for emails, no trailing / for web
    shown: str      # as written in the record
    owner: str      # for example "Children and Young People's Services"


def _web_key(url: str) -> str:
    url = url.rstrip(_TRAILING).lower()
    url = re.sub(r"^https?://", "", url)
    return url.removeprefix("www.").rstrip("/")


def _records(data: dict, kind: str) -> list[Record]:
    """Every phone, email or web address a file's records give."""
    found: list[Record] = []

    def walk(value, owner: str):
        if isinstance(value, dict):
            owner = str(value.get("name") or value.get("title") or owner)
            for key, inner in value.items():
                if key in RECORD_FIELDS and isinstance(inner, str):
                    record_kind = {"phone": "phone", "email": "email"}.get(key, "web")
                    if record_kind == kind:
                        found.append(Record(_normalise(inner, kind), inner, owner))
                else:
                    walk(inner, owner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, owner)

    walk(data, str(data.get("name", "")))
    return [r for r in found if r.value]


def _phone_digits(written: str) -> str:
    digits = re.sub(r"\D", "", written.replace("(0)", ""))
    return "0" + digits[2:] if written.lstrip().startswith("+44") else digits


def _normalise(value: str, kind: str) -> str:
    if kind == "phone":
        try:
            parse_phone(value)
        except PhoneError:
            return ""
        return _phone_digits(value)
    return value.lower() if kind == "email" else _web_key(value)


def _found_in(text: str):
    """(kind, as written, normalised) for each phone, email and web address in ``text``."""
    emails = list(_EMAIL.finditer(text))
    for match in emails:
        yield "email", match.group(0), match.group(0).lower()
    for match in _WEB.finditer(text):
        if any(e.start() <= match.start() < e.end() for e in emails):
            continue
        yield "web", match.group(0).rstrip(_TRAILING), _web_key(match.group(0))
    for match in _PHONE.finditer(text):
        yield "phone", match.group(0), _phone_digits(match.group(0))


def _nearest(written: str, records: list[Record]) -> Record | None:
    if not records:
        return None
    return max(records, key=lambda r: difflib.SequenceMatcher(None, written, r.shown).ratio())


_WHAT = {"phone": "phone number", "email": "email address", "web": "web address"}
_WHERE = {"phone": "a contact's 'phone'", "email": "a contact's 'email'",
          "web": "a 'links' entry, a contact's 'website' or a route's 'form_url'"}


def check_prose(loaded: LoadedFile, national: dict | None) -> list[Problem]:
    """Every phone, email and web address in the area's text that no record gives."""
    known = {kind: _records(loaded.data, kind) + (_records(national, kind) if national else [])
             for kind in ("phone", "email", "web")}
    values = {kind: {r.value for r in records} for kind, records in known.items()}
    problems = []
    for path, text in loaded.strings:
        if path and path[-1] in RECORD_FIELDS:
            continue
        for kind, written, value in _found_in(text):
            if value in values[kind]:
                continue
            near = _nearest(written, known[kind])
            hint = (f"did you mean {near.shown} ({near.owner})? " if near else "") + \
                f"a {_WHAT[kind]} in the text must be one that {_WHERE[kind]} gives, so readers dial " \
                "or open only what has been checked; add the record if the source gives it"
            problems.append(loaded.problem(path, f"{written} in the text matches no record", hint))
    return problems
