"""Typed, read-only objects the renderer uses. Built once per build from validated data.

Field names follow the YAML keys (``from``/``for`` become ``from_``/``for_``), so the schema's
descriptions document these classes too.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .pathway_graph import Graph
from .phones import Phone
from .bilingual import plain_keeping_welsh
from .plaintext import plain


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
class Option:
    label: str
    next: str
    hint: str | None = None


@dataclass(frozen=True)
class Node:
    id: str
    type: str  # question | step | outcome
    title: str
    text: str | None = None
    who: str | None = None
    lead: str | None = None
    timescale: str | None = None
    actions: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    options: tuple[Option, ...] = ()
    next: str | None = None
    see_also: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the nodes this node leads to."""
        if self.type == "question":
            return tuple(o.next for o in self.options)
        return (self.next,) if self.next else ()


@dataclass(frozen=True)
class Pathway:
    id: str
    area_id: str
    title: str
    start: str
    nodes: dict[str, Node]
    provenance: str = "built-from-text"  # source-flowchart | built-from-text
    summary: str | None = None
    audience: tuple[str, ...] = ()

    @property
    def for_professionals_only(self) -> bool:
        """Asks what only a professional can answer: its pages send families elsewhere."""
        return self.audience == ("professionals",)

    @property
    def from_source_flowchart(self) -> bool:
        """Whether the source document draws this pathway itself (else the site built it from
        the document's text)."""
        return self.provenance == "source-flowchart"

    @cached_property
    def pages(self):
        """The pages a reader walks through (signpost.pathway_pages), worked out once."""
        from .pathway_pages import PathwayPages
        return PathwayPages(self)

    @cached_property
    def graph(self) -> Graph:
        """The nodes as a graph (signpost.pathway_graph): what leads where."""
        return Graph(self.start, {node_id: node.targets for node_id, node in self.nodes.items()})

    def order(self) -> list[Node]:
        """Nodes in reading order: breadth first from the start, then by first appearance."""
        return [self.nodes[node_id] for node_id in self.graph.breadth_first()]

    def parents(self, node_id: str) -> list[Node]:
        """The nodes that lead straight to ``node_id``."""
        return [self.nodes[parent] for parent in self.graph.parents(node_id)]

    @property
    def outcomes(self) -> list[Node]:
        return [n for n in self.order() if n.type == "outcome"]


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
