"""Content gathered from every area for the pages written for one audience.

A page listing hundreds of areas' guidance would help nobody, so each function returns at most
``limit`` entries and a count of what it left out; each area's own page has the rest.
"""
from __future__ import annotations

from ..model import Area, Guidance, Site


def guidance_for(site: Site, audience: str, limit: int = 6
                 ) -> tuple[list[tuple[Area, list[Guidance]]], int]:
    """Areas' guidance sections marked for ``audience`` (parents or professionals): the first
    ``limit`` areas that have any, and how many more there are."""
    entries = [(area, [g for g in area.guidance if audience in g.audience]) for area in site.areas]
    entries = [(area, sections) for area, sections in entries if sections]
    return entries[:limit], max(0, len(entries) - limit)


def distinct_sections(site: Site, field: str, limit: int = 6) -> tuple[list[tuple[object, list[Area]]], int]:
    """One kind of section (for example healthy_behaviour) from every area: each distinct text
    once with the areas that publish it, at most ``limit`` texts, and how many areas were left
    out."""
    groups: dict = {}
    for area in site.areas:
        value = getattr(area, field)
        if value:
            groups.setdefault(value, []).append(area)
    listed = list(groups.items())
    return listed[:limit], sum(len(areas) for _, areas in listed[limit:])
