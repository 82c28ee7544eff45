"""mkdocs-macros module: the functions the hand-written pages in docs/ call to show data from
services/. (Generated pages are rendered whole by hooks/signpost_hooks.py.)"""
from __future__ import annotations

from pathlib import Path

from signpost.render import gather
from signpost.render import state as build_state

ROOT = Path(__file__).resolve().parent.parent


class PageMacros:
    """The macros of one site build. Each renders for the page being rendered (``env.page``)."""

    # The names hand-written pages may call (signpost.pages_check refuses anything else); the
    # plugin's own macros (context, macros_info...) are not among them.
    NAMES = ("area_index", "area_comparison", "national_help", "area_phone_list", "families_links",
             "glossary", "audience_guidance", "area_sections", "schema_reference", "area_count",
             "component_examples")

    def __init__(self, env):
        self._env = env
        services = Path((env.conf.get("extra") or {}).get("services_dir", "services"))
        self._services = services if services.is_absolute() else ROOT / services

    def _build(self) -> build_state.BuildState:
        """Under MkDocs the hook has started the build; an engine that skips hooks gets one here."""
        return build_state.current_or_start(self._services)

    def _page_url(self) -> str:
        return self._env.page.url if self._env.page else ""

    def _fragment(self, template: str, **context) -> str:
        return self._build().render_fragment(template, self._page_url(), **context)

    def area_index(self) -> str:
        """Areas grouped by nation, with a filter."""
        return self._fragment("area-index.html")

    def area_comparison(self) -> str:
        """The side-by-side table of every area."""
        return self._fragment("area-comparison.html")

    def national_help(self, level: int = 3) -> str:
        """The national help lines from services/national.yml."""
        build = self._build()
        return build.renderer.render_macro("components/national-help.html", "national_help",
                                           self._page_url(), build.site.national, level)

    def area_phone_list(self, limit: int = 12) -> str:
        """Each area's contacts with their numbers, and its page for families: at most
        ``limit`` areas, then a link to the area index."""
        areas = self._build().site.areas
        return self._fragment("area-phone-list.html", areas=areas[:limit],
                              more=max(0, len(areas) - limit))

    def families_links(self, limit: int = 12) -> str:
        """Links to the areas' pages for families: at most ``limit``, then the area index."""
        areas = [a for a in self._build().site.areas if a.families]
        return self._fragment("families-links.html", areas=areas[:limit],
                              more=max(0, len(areas) - limit))

    def glossary(self) -> str:
        """Every glossary term, sorted."""
        return self._fragment("glossary.html")

    def audience_guidance(self, audience: str, limit: int = 6) -> str:
        """Guidance sections areas mark for 'parents' or 'professionals'."""
        entries, more = gather.guidance_for(self._build().site, audience, limit)
        return self._fragment("audience-guidance.html", audience=audience, entries=entries,
                              more=more)

    def area_sections(self, field: str, title: str = "", limit: int = 6) -> str:
        """One kind of section (for example healthy_behaviour), each distinct text once."""
        groups, more = gather.distinct_sections(self._build().site, field, limit)
        return self._fragment("area-sections.html", field=field, title=title, groups=groups,
                              more=more)

    def schema_reference(self, kind: str) -> str:
        """The field reference for area, national or glossary files, from the schema."""
        from signpost.schema_docs import field_docs
        return self._fragment("schema-reference.html", kind=kind, fields=field_docs(kind))

    def area_count(self) -> int:
        return len(self._build().site.areas)

    def component_examples(self) -> str:
        """Every component of signpost/templates/components/ with its examples rendered."""
        from signpost.render.examples import docs_components
        return self._fragment("component-examples.html", components=docs_components(self._services))


def define_env(env):
    """Registers each of PageMacros.NAMES, and lists them for the hook's check of the pages."""
    macros = PageMacros(env)
    env.variables["hsb_page_macros"] = list(PageMacros.NAMES)
    for name in PageMacros.NAMES:
        env.macro(getattr(macros, name))
