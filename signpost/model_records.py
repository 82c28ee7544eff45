"""The records an area file holds, as typed, read-only objects (signpost.model gathers them):
its source, contacts, services, referral criteria and routes, guidance, links and the page for
families. Field names follow the YAML keys, so the schema's descriptions document them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .phones import Phone


@dataclass(frozen=True)
class AgeRange:
    wording: str
    from_: int | None = None   # both numbers, or neither when the document gives only words
    to: int | None = None

    def __str__(self) -> str:
        return f"{self.from_}–{self.to}" if self.from_ is not None else self.wording


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None = None
    url: str | None = None
    notes: str | None = None
    date: str | None = None      # as printed on the document ("March 2024")
    version: str | None = None
    part_of: str | None = None

    @property
    def edition(self) -> str:
        """Version, date and larger document in one phrase for provenance lines: 'version 2.1,
        dated March 2024, part of the South West Child Protection Procedures' ('' if none)."""
        parts = []
        if self.version:
            version = self.version.strip()
            parts.append(version if version.lower().startswith("version") else f"version {version}")
        if self.date:
            parts.append(f"dated {self.date}")
        if self.part_of:
            parts.append(f"part of {self.part_of}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Definition:
    id: str
    text: str
    quoted_from: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Section:
    title: str | None = None
    intro: str | None = None
    items: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instructions:
    """What to do, or never do, when using one of a contact's ways in, by the way in."""

    phone: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    address: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    last_reviewed: dt.date
    area_id: str | None = None
    organisation: str | None = None
    person: str | None = None
    role: str | None = None
    phone: Phone | None = None
    email: str | None = None
    website: str | None = None
    hours: str | None = None
    address: str | None = None
    how_to_contact: str | None = None
    note: str | None = None  # for editors: shown under "About this information", not on the card
    have_ready: tuple[str, ...] = ()
    instructions: Instructions | None = None

    def instructions_for(self, channel: str) -> tuple[str, ...]:
        """What the document says to do when using ``channel`` (phone, email, address)."""
        return getattr(self.instructions, channel) if self.instructions else ()

    @property
    def has_vcard(self) -> bool:
        """A card worth saving to a phone has a number or an email, and belongs to an area."""
        return bool((self.phone or self.email) and self.area_id)


@dataclass(frozen=True)
class ContentContact:
    """Who receives readers' reports of a mistake on an area's pages (by email)."""
    email: str
    name: str | None = None


@dataclass(frozen=True)
class Assessment:
    aim: str | None = None
    models: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    report_presents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Intervention:
    title: str
    text: str
    aim: str | None = None


@dataclass(frozen=True)
class FollowUp:
    text: str
    aim: str | None = None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    description: str
    last_reviewed: dt.date
    kind: str = "service"  # service (one provider) | panel (multi-agency) | front_door
    provider: str | None = None  # None only for a panel
    managed_by: str | None = None
    hosted_by: str | None = None  # a panel's host, when the document names one
    members: tuple[str, ...] = ()
    meets: str | None = None
    intake_rule: str | None = None
    for_whom: str | None = None
    ages: AgeRange | None = None
    covers: str | None = None
    eligibility: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    assessment: Assessment | None = None
    interventions: tuple[Intervention, ...] = ()
    follow_up: FollowUp | None = None
    contacts: tuple[Contact, ...] = ()
    website: str | None = None

    KIND_NAMES = {"service": "Service", "panel": "Multi-agency panel",
                  "front_door": "Front door"}

    @property
    def kind_name(self) -> str:
        return self.KIND_NAMES[self.kind]

    @property
    def organisation(self) -> str | None:
        """The one organisation answerable for the service: its provider, or a panel's host.
        None for a panel with no host: its members are agencies, not one organisation."""
        return self.provider or self.hosted_by


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    service: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Step:
    text: str
    who: str | None = None
    timescale: str | None = None


@dataclass(frozen=True)
class Route:
    id: str
    name: str
    steps: tuple[Step, ...]
    who_can_use: str | None = None
    service: str | None = None
    lead_agency: str | None = None
    form: str | None = None
    form_url: str | None = None
    timescales: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    pathway: str | None = None
    document_stops: bool = False  # the document says nothing after the last step
    ask: Contact | None = None    # who to ask what happens next, when the document stops


@dataclass(frozen=True)
class Guidance:
    id: str
    title: str
    audience: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    description: str | None = None


@dataclass(frozen=True)
class Statement:
    """One thing said to families, with the source document's passage it restates."""
    text: str
    source: str


@dataclass(frozen=True)
class FamilyStep:
    title: str
    text: str
    source: str


@dataclass(frozen=True)
class Families:
    """An area's page for parents and carers: plain words, each traceable to the source."""
    steps: tuple[FamilyStep, ...]
    intro: Statement | None = None
    who_will_contact: tuple[Statement, ...] = ()
    how_long: tuple[Statement, ...] = ()
    who_will_know: tuple[Statement, ...] = ()
    who_to_call: tuple[Statement, ...] = ()
    contacts: tuple[Contact, ...] = ()
