"""The pages generated from the content: one list, built once per build.

Each PageSpec names its source path, title, template and the model objects it shows. The mkdocs
hook turns specs into files; the renderer turns a spec into HTML when mkdocs asks for the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import bilingual, interface, language
from ..model import Area, Contact, Site
from . import report, urls
from .pathway_view import NodeView


def _t(text):
    """A content text in the language the pages are made in (its English where it has no Welsh)."""
    return bilingual.in_language(text, language.current()) if text else text


def _say(key: str, **values) -> str:
    return interface.text(key).format(**values)


@dataclass(frozen=True)
class PageSpec:
    url: str            # site-relative address, e.g. areas/blackpool/
    title: str
    template: str       # under signpost/templates/pages/
    context: dict = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    searchable: bool = True
    record: str = ""      # the record a reader's report names (signpost.render.report)
    report: str = ""      # the address of this page's "Report a problem" page; "" for none
    noindex: bool = False  # kept out of search engines as well as the site's search
    cards: bool = False   # shows its area's contact cards: a search for a number ranks it first

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
        name = _t(area.name)
        specs.append(PageSpec(urls.area(area.id), name, "area.html", {"area": area},
                              description=_t(area.summary), record=report.area_record(area.id),
                              report=to_report, cards=True))
        if area.contacts:
            specs.append(PageSpec(urls.contact_sheet(area.id), _say("sheet.title", area=name),
                                  "contact-sheet.html", {"area": area},
                                  description=_say("area.printable_cards", area=name),
                                  searchable=False,  # repeats the area page's contacts
                                  record=report.area_record(area.id, "contacts"),
                                  report=to_report))
        if area.families:
            specs.append(PageSpec(urls.families(area.id), _say("families.title", area=name),
                                  "families.html", {"area": area, "families": area.families},
                                  description=(_t(area.families.intro.text) if area.families.intro
                                               else _say("title.families_description", area=name)),
                                  record=report.area_record(area.id, "families"), report=to_report))
        for pathway in area.pathways.values():
            specs.append(PageSpec(urls.pathway(area.id, pathway.id), _say("sections.title", title=_t(pathway.title), area=name),
                                  "pathway-overview.html", {"area": area, "pathway": pathway},
                                  description=_t(pathway.summary or pathway.title),
                                  record=report.area_record(area.id, "pathways", pathway.id),
                                  report=to_report))
            for node in pathway.nodes.values():
                # Steps are searchable: "strategy meeting" should lead to the step itself.
                specs.append(PageSpec(urls.node(area.id, pathway.id, node.id), _t(node.title),
                                      "pathway-node.html",
                                      {"area": area, "pathway": pathway, "node": node,
                                       "view": NodeView(area, pathway, node)},
                                      record=report.area_record(area.id, "pathways", pathway.id,
                                                                "nodes", node.id),
                                      report=to_report))
        specs.append(_report_spec(area))
    return specs


def _report_spec(area: Area | None) -> PageSpec:
    """An area's "Report a problem" page (None: the one for pages of no area). Kept out of
    search: it is reached from a page, never looked for."""
    title = _say("title.report_area", area=_t(area.name)) if area else _say("title.report_site")
    return PageSpec(report.report_page(area.id if area else None), title, "report-problem.html",
                    {"area": area}, description=_say("title.report_description"),
                    searchable=False, noindex=True)


def static_specs(site: Site) -> list[StaticSpec]:
    return [StaticSpec(urls.vcard(area.id, c.id), area, c)
            for area in site.areas for c in area.contacts if c.has_vcard]
