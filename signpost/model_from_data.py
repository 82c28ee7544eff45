"""Validated plain data → model objects. Runs only on data that passed both check layers."""
from __future__ import annotations

import datetime as dt

from .load import LoadedFile
from .model import (AgeRange, Area, Assessment, Contact, ContentContact, Criterion, Definition,
                    Families, FamilyStep, FollowUp, Guidance, Instructions, Intervention, Link,
                    NationalHelp, Node, Option, Pathway, Route, SearchSynonym, Section, Service,
                    Source, Statement, Step, Term)
from .phones import parse_phone

_RENAMED = {"from": "from_", "for": "for_"}


def _fields(data: dict, **overrides) -> dict:
    """YAML keys as dataclass field names; lists become tuples so the model stays read-only."""
    out = {}
    for key, value in data.items():
        out[_RENAMED.get(key, key)] = tuple(value) if isinstance(value, list) else value
    out.update(overrides)
    return out


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _section(data):
    return Section(**_fields(data)) if data else None


def _contact(data: dict, reviewed: dt.date, area_id: str | None) -> Contact:
    return Contact(**_fields(data, last_reviewed=_date(data["last_reviewed"]) if "last_reviewed" in data else reviewed,
                             phone=parse_phone(data["phone"]) if "phone" in data else None,
                             instructions=Instructions(**_fields(data["instructions"]))
                             if "instructions" in data else None,
                             area_id=area_id))


def _route(data: dict, contacts: dict, front_door: str | None) -> Route:
    own = tuple(contacts[c] for c in data.get("contacts", []))
    ask = None
    if data.get("document_stops"):
        # Who can say what happens next: the contact named for it, else the route's own first
        # contact, else the area's front door. None when the file names none of them.
        chosen = data.get("ask") or (data["contacts"][0] if own else front_door)
        ask = contacts.get(chosen) if chosen else None
    return Route(**_fields(data, steps=tuple(Step(**s) for s in data["steps"]), contacts=own, ask=ask))


def _service(data: dict, reviewed: dt.date, contacts: dict) -> Service:
    assessment = data.get("assessment")
    return Service(**_fields(
        data,
        last_reviewed=_date(data["last_reviewed"]) if "last_reviewed" in data else reviewed,
        ages=AgeRange(**_fields(data["ages"])) if "ages" in data else None,
        assessment=Assessment(**_fields(assessment)) if assessment else None,
        interventions=tuple(Intervention(**i) for i in data.get("interventions", [])),
        follow_up=FollowUp(**data["follow_up"]) if "follow_up" in data else None,
        contacts=tuple(contacts[c] for c in data.get("contacts", []))))


def _node(node_id: str, data: dict, contacts: dict) -> Node:
    return Node(id=node_id, **_fields(
        data,
        options=tuple(Option(**o) for o in data.get("options", [])),
        contacts=tuple(contacts[c] for c in data.get("contacts", []))))


def _families(data: dict | None, contacts: dict) -> Families | None:
    if not data:
        return None
    statements = {key: tuple(Statement(**s) for s in data.get(key, []))
                  for key in ("who_will_contact", "how_long", "who_will_know", "who_to_call")}
    return Families(steps=tuple(FamilyStep(**s) for s in data["steps"]),
                    intro=Statement(**data["intro"]) if "intro" in data else None,
                    contacts=tuple(contacts[c] for c in data.get("contacts", [])), **statements)


def build_area(loaded: LoadedFile) -> Area:
    data = loaded.data
    reviewed = _date(data["last_reviewed"])
    contacts = {c["id"]: _contact(c, reviewed, data["id"]) for c in data.get("contacts", [])}
    pathways = {
        pid: Pathway(id=pid, area_id=data["id"], title=p["title"], start=p["start"],
                     provenance=p["provenance"], summary=p.get("summary"), audience=tuple(p.get("audience", ())),
                     nodes={nid: _node(nid, n, contacts) for nid, n in p["nodes"].items()})
        for pid, p in data.get("pathways", {}).items()}
    return Area(**_fields(
        data,
        file=loaded.label,
        source=Source(**data["source"]),
        last_reviewed=reviewed,
        definitions=tuple(Definition(**d) for d in data.get("definitions", [])),
        indicators=_section(data.get("indicators")),
        risk_factors=_section(data.get("risk_factors")),
        healthy_behaviour=_section(data.get("healthy_behaviour")),
        cause_for_concern=_section(data.get("cause_for_concern")),
        services=tuple(_service(s, reviewed, contacts) for s in data.get("services", [])),
        referral_criteria=tuple(Criterion(**c) for c in data.get("referral_criteria", [])),
        referral_routes=tuple(_route(r, contacts, data.get("front_door"))
                              for r in data.get("referral_routes", [])),
        contacts=tuple(contacts.values()),
        front_door=contacts.get(data.get("front_door")),
        out_of_hours=contacts.get(data.get("out_of_hours")),
        content_contact=ContentContact(**data["content_contact"]) if "content_contact" in data
        else None,
        guidance=tuple(Guidance(**_fields(g)) for g in data.get("guidance", [])),
        links=tuple(Link(**link) for link in data.get("links", [])),
        pathways=pathways,
        families=_families(data.get("families"), contacts)))


def build_national(data: dict) -> tuple[tuple[NationalHelp, ...], dt.date]:
    items = tuple(NationalHelp(**_fields(h, last_reviewed=_date(h["last_reviewed"]),
                                         confirmed_on=_date(h["confirmed_on"]) if "confirmed_on" in h else None,
                                         phone=parse_phone(h["phone"]) if "phone" in h else None))
                  for h in data["help"])
    return items, _date(data["last_reviewed"])


def build_search_synonyms(loaded: LoadedFile | None) -> tuple[SearchSynonym, ...]:
    """search-synonyms.yml, lower-cased as the search compares it; none when there is no file."""
    if loaded is None:
        return ()
    return tuple(SearchSynonym(tuple(" ".join(p.casefold().split()) for p in entry["readers_write"]),
                               tuple(entry["pages"]),
                               f"{loaded.label}:{loaded.marks.locate(('synonyms', i))[0]}")
                 for i, entry in enumerate(loaded.data["synonyms"]))


def build_glossary(data: dict) -> tuple[Term, ...]:
    terms = [Term(**_fields(t, abbreviation=t.get("abbreviation", "stands_for" in t)))
             for t in data["terms"]]
    return tuple(sorted(terms, key=lambda t: t.term.casefold()))
