"""What editors still have to fill in or confirm, for the review report.

Three lists: the routes whose document stops after their last step; the national lines (no area's source document gives them, so an editor must confirm
each against the organisation's own website), and the areas whose content gives no local phone
number, where every page offers national lines instead. Pure Python over the model.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import NationalHelp, Route, Site


@dataclass(frozen=True)
class NumberGap:
    """An area whose content has no local number to call first."""

    file: str
    area_id: str
    name: str
    front_door: str | None  # the front door's name, when the area names one

    @property
    def what_to_fill(self) -> str:
        if self.front_door:
            return f"no phone number for its front door, {self.front_door}"
        return "no front door named (front_door) and no contact with a phone number"


@dataclass(frozen=True)
class RouteThatStops:
    """A referral route whose source document says nothing after its last step."""

    file: str
    area_id: str
    route: Route

    @property
    def last_step(self) -> str:
        return self.route.steps[-1].text

    @property
    def ask(self) -> str:
        return self.route.ask.name if self.route.ask else "no one named (add 'ask', a route contact or front_door)"


def routes_that_stop(site: Site) -> list[RouteThatStops]:
    """Every route marked document_stops: the pages say the document stops there; the
    partnership may be able to say what happens next, in a new version of its document."""
    return [RouteThatStops(area.file, area.id, route)
            for area in sorted(site.areas, key=lambda a: a.file)
            for route in area.referral_routes if route.document_stops]


def national_to_confirm(site: Site) -> list[NationalHelp]:
    """Every national line, in file order: each one is a number no source document gives."""
    return list(site.national)


def areas_without_local_number(site: Site) -> list[NumberGap]:
    return [NumberGap(area.file, area.id, area.name, area.front_door.name if area.front_door else None)
            for area in sorted(site.areas, key=lambda a: a.file) if not area.local_lines]
