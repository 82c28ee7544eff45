"""The pages generated from the content: one list, built once per build.

Each PageSpec names its source path, title, template and the model objects it shows. The mkdocs
hook turns specs into files; the renderer turns a spec into HTML when mkdocs asks for the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Area, Contact, Site
from . import urls


@dataclass(frozen=True)
class PageSpec:
    url: str            # site-relative address, e.g. areas/blackpool/
    title: str
    template: str       # under overrides/partials/hsb/pages/
    context: dict = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    searchable: bool = True

    @property
    def src_uri(self) -> str:
        return urls.source_file(self.url)


@dataclass(frozen=True)
class StaticSpec:
    """A generated file that is not a page (a vCard)."""

    path: str
    area: Area
    contact: Contact


def page_specs(site: Site) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for area in site.areas:
        specs.append(PageSpec(urls.area(area.id), area.name, "area.html", {"area": area},
                              description=area.summary))
        if area.contacts:
            specs.append(PageSpec(urls.contact_sheet(area.id), f"Contact cards: {area.name}",
                                  "contact-sheet.html", {"area": area},
                                  description=f"Printable contact cards for {area.name}",
                                  searchable=False))
        if area.families:
            specs.append(PageSpec(urls.families(area.id), f"Help for families in {area.name}",
                                  "families.html", {"area": area, "families": area.families},
                                  description=(area.families.intro.text if area.families.intro
                                               else f"What happens in {area.name}, in plain words")))
        for pathway in area.pathways.values():
            specs.append(PageSpec(urls.pathway(area.id, pathway.id), f"{pathway.title}: {area.name}",
                                  "pathway-overview.html", {"area": area, "pathway": pathway},
                                  description=pathway.summary or pathway.title))
            for node in pathway.nodes.values():
                # Step pages repeat the overview's text: keep them out of search so results
                # lead to the overview and the area page, and the index stays small.
                specs.append(PageSpec(urls.node(area.id, pathway.id, node.id), node.title,
                                      "pathway-node.html",
                                      {"area": area, "pathway": pathway, "node": node},
                                      searchable=False))
    return specs


def static_specs(site: Site) -> list[StaticSpec]:
    return [StaticSpec(urls.vcard(area.id, c.id), area, c)
            for area in site.areas for c in area.contacts if c.has_vcard]
