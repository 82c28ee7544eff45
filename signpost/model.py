"""Typed, read-only objects the renderer uses. Built once per build from validated data.

Field names follow the YAML keys (``from``/``for`` become ``from_``/``for_``), so the schema's
descriptions document these classes too. An area's records are in signpost.model_records, a
pathway in signpost.model_pathway; every class is imported from here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .bilingual import plain_keeping_welsh
from .model_pathway import Node, Option, Pathway  # noqa: F401 (imported from here)
from .model_records import (AgeRange, Assessment, Contact, ContentContact,  # noqa: F401
                            Criterion, Definition, Families, FamilyStep, FollowUp, Guidance,
                            Instructions, Intervention, Link, Route, Section, Service, Source,
                            Statement, Step)
from .phones import Phone


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    nation: str
    source: Source
    last_reviewed: dt.date
    summary: str
    file: str = ""
    short_name: str | None = None
    partnership: str | None = None
    covers: str | None = None
    front_door: Contact | None = None
    out_of_hours: Contact | None = None
    content_contact: ContentContact | None = None
    next_steps: tuple[str, ...] = ()
    definitions: tuple[Definition, ...] = ()
    indicators: Section | None = None
    risk_factors: Section | None = None
    healthy_behaviour: Section | None = None
    cause_for_concern: Section | None = None
    services: tuple[Service, ...] = ()
    referral_criteria: tuple[Criterion, ...] = ()
    referral_routes: tuple[Route, ...] = ()
    contacts: tuple[Contact, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    links: tuple[Link, ...] = ()
    pathways: dict[str, Pathway] = field(default_factory=dict)
    families: Families | None = None
    # The languages the area's pages are published in ("en", and "cy" for Welsh), and what a
    # text without Welsh does: "report" (listed, English shown) or "refuse" (the build stops).
    languages: tuple[str, ...] = ("en",)
    missing_welsh: str = "report"

    @property
    def publishes_welsh(self) -> bool:
        return "cy" in self.languages

    # Figures for the side-by-side comparison of areas.
    @property
    def providers(self) -> list[str]:
        return list(dict.fromkeys(s.organisation for s in self.services if s.organisation))

    @property
    def age_ranges(self) -> list[AgeRange]:
        return [s.ages for s in self.services if s.ages]

    @property
    def assessment_models(self) -> list[str]:
        return list(dict.fromkeys(m for s in self.services if s.assessment
                                  for m in s.assessment.models))

    @property
    def lead_agencies(self) -> list[str]:
        return list(dict.fromkeys(r.lead_agency for r in self.referral_routes if r.lead_agency))

    @property
    def phones(self) -> list[Contact]:
        return [c for c in self.contacts if c.phone]

    @property
    def local_lines(self) -> list[Contact]:
        """The area's own numbers to call first: its front door and out-of-hours line where
        they have a number; an area that names neither offers its first contact with one."""
        named = [c for c in (self.front_door, self.out_of_hours) if c and c.phone]
        if named or self.front_door:
            return named
        return self.phones[:1]


@dataclass(frozen=True)
class NationalHelp:
    id: str
    name: str
    for_: str
    provenance: str
    last_reviewed: dt.date
    organisation: str | None = None
    emergency: bool = False
    fallback: bool = False
    phone: Phone | None = None
    hours: str | None = None
    website: str | None = None
    confirm_at: str | None = None
    confirmed_on: dt.date | None = None


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    stands_for: str | None = None
    abbreviation: bool = False


@dataclass(frozen=True)
class SearchSynonym:
    """A reader's phrasings (search-synonyms.yml) and the pages that answer them."""
    readers_write: tuple[str, ...]
    pages: tuple[str, ...]   # site addresses, e.g. parents/; "" is the home page
    where: str = ""          # file:line of the entry, for messages


@dataclass(frozen=True)
class Site:
    """Everything under services/, validated: what every page is rendered from."""

    areas: tuple[Area, ...]
    national: tuple[NationalHelp, ...]
    glossary: tuple[Term, ...]
    national_reviewed: dt.date
    national_file: str = "services/national.yml"  # how messages and reports name it
    search_synonyms: tuple[SearchSynonym, ...] = ()
    # Texts without Welsh, or with draft Welsh, where Welsh is published
    # (signpost.welsh_check.WelshGap): the translation work the review report lists.
    welsh_work: tuple = ()

    def area(self, area_id: str) -> Area:
        return self._by_id[area_id]

    @property
    def emergency(self) -> NationalHelp | None:
        return next((item for item in self.national if item.emergency), None)

    @property
    def fallback(self) -> tuple[NationalHelp, ...]:
        """What to offer where no local number is known, in file order."""
        return tuple(item for item in self.national if item.fallback and not item.emergency)

    @cached_property
    def _by_id(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviation → what it stands for, for inline explanations."""
        # Shown in title attributes and Markdown abbreviation lines: one line of plain text.
        # A glossary entry with Welsh keeps it, for the title on a Welsh page.
        return {t.term: plain_keeping_welsh(t.stands_for or t.meaning)
                for t in self.glossary if t.abbreviation}

    @cached_property
    def nations(self) -> dict[str, list[Area]]:
        grouped: dict[str, list[Area]] = {}
        for area in self.areas:
            grouped.setdefault(area.nation, []).append(area)
        return grouped
