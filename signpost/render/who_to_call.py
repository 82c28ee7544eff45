"""What the "who to call" box says on a page: the one decision behind
signpost/templates/components/who-to-call.html.

An area's own front door comes first where its content gives it a number. Where it gives none,
the box says so in one plain line and offers the national lines marked ``fallback`` (Stop It
Now, the NSPCC helpline, the council finder), so no page leaves a reader with nobody to call.
The emergency number always comes last, on its own line.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Area, Contact, NationalHelp, Site


@dataclass(frozen=True)
class WhoToCall:
    area: Area | None
    local: tuple[Contact, ...]          # the area's numbers to call first
    front_door: Contact | None          # named even when it has no number
    instead: tuple[NationalHelp, ...]   # offered when there is no local number
    emergency: NationalHelp | None

    @property
    def gap(self) -> str | None:
        """The one plain line said when the area's content has no local number, else None."""
        if self.local or self.area is None:
            return None
        if self.front_door:
            return f"This area's guidance gives no phone number for {self.front_door.name}."
        return "This area's guidance gives no local phone number."


def who_to_call(site: Site, area: Area | None) -> WhoToCall:
    """The box's contents for a page of ``area`` (None for a page that belongs to no area,
    such as the 404 page or an area search with no match)."""
    local = tuple(area.local_lines) if area else ()
    return WhoToCall(area=area, local=local, front_door=area.front_door if area else None,
                     instead=() if local else site.fallback, emergency=site.emergency)
