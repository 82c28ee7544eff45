"""The pages generated from the content: one list, built once per build.

Each PageSpec names its source path, title, template and the model objects it shows. The mkdocs
hook turns specs into files; the renderer turns a spec into HTML when mkdocs asks for the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Area, Contact, Site
from . import report, urls


@dataclass(frozen=True)
class PageSpec:
    url: str            # site-relative address, e.g. areas/blackpool/
    title: str
    template: str       # under overrides/partials/hsb/pages/
    context: dict = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    searchable: bool = True
    record: str = ""      # the record a reader's report names (signpost.render.report)
    report: str = ""      # the address of this page's "Report a problem" page; "" for none
    noindex: bool = False  # kept out of search engines as well as the site's search

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
    specs: list[PageSpec] = [_report_spec(None)]
    for area in site.areas:
        to_report = report.report_page(area.id)
        specs.append(PageSpec(urls.area(area.id), area.name, "area.html", {"area": area},
                              description=area.summary, record=report.area_record(area.id),
                              report=to_report))
        if area.contacts:
            specs.append(PageSpec(urls.contact_sheet(area.id), f"Contact cards: {area.name}",
                                  "contact-sheet.html", {"area": area},
                                  description=f"Printable contact cards for {area.name}",
                                  searchable=False, record=report.area_record(area.id, "contacts"),
                                  report=to_report))
        if area.families:
            specs.append(PageSpec(urls.families(area.id), f"Help for families in {area.name}",
                                  "families.html", {"area": area, "families": area.families},
                                  description=(area.families.intro.text if area.families.intro
                                               else f"What happens in {area.name}, in plain words"),
                                  record=report.area_record(area.id, "families"), report=to_report))
        for pathway in area.pathways.values():
            specs.append(PageSpec(urls.pathway(area.id, pathway.id), f"{pathway.title}: {area.name}",
                                  "pathway-overview.html", {"area": area, "pathway": pathway},
                                  description=pathway.summary or pathway.title,
                                  record=report.area_record(area.id, "pathways", pathway.id),
                                  report=to_report))
            for node in pathway.nodes.values():
                # Step pages repeat the overview's text: keep them out of search so results
                # lead to the overview and the area page, and the index stays small.
                specs.append(PageSpec(urls.node(area.id, pathway.id, node.id), node.title,
                                      "pathway-node.html",
                                      {"area": area, "pathway": pathway, "node": node},
                                      searchable=False,
                                      record=report.area_record(area.id, "pathways", pathway.id,
                                                                "nodes", node.id),
                                      report=to_report))
        specs.append(_report_spec(area))
    return specs


def _report_spec(area: Area | None) -> PageSpec:
    """An area's "Report a problem" page (None: the one for pages of no area). Kept out of
    search: it is reached from a page, never looked for."""
    title = f"Report a problem: {area.name}" if area else "Report a problem with this site"
    return PageSpec(report.report_page(area.id if area else None), title, "report-problem.html",
                    {"area": area}, description="Tell the people who keep this site's information "
                    "right about a mistake on a page.", searchable=False, noindex=True)


def static_specs(site: Site) -> list[StaticSpec]:
    return [StaticSpec(urls.vcard(area.id, c.id), area, c)
            for area in site.areas for c in area.contacts if c.has_vcard]
