"""mkdocs-macros module: the functions the hand-written pages in docs/ call to show data from
services/. (Generated pages are rendered whole by hooks/signpost_hooks.py.)"""
from __future__ import annotations

from pathlib import Path

from signpost.render import gather
from signpost.render import state as build_state

ROOT = Path(__file__).resolve().parent.parent


def define_env(env):
    # The names hand-written pages may call (signpost.pages_check refuses anything else); the
    # plugin's own macros (context, macros_info...) are not among them.
    page_macros: list[str] = []
    env.variables["hsb_page_macros"] = page_macros

    def macro(function):
        page_macros.append(function.__name__)
        return env.macro(function)

    # Under MkDocs the hook has started the build; an engine that skips hooks gets one here.
    services = Path((env.conf.get("extra") or {}).get("services_dir", "services"))
    services = services if services.is_absolute() else ROOT / services

    class state:  # noqa: N801 - reads like the module it stands in for
        @staticmethod
        def current():
            return build_state.current_or_start(services)

    def page_url() -> str:
        return env.page.url if env.page else ""

    @macro
    def area_index() -> str:
        """Areas grouped by nation, with a filter."""
        return state.current().render_fragment("area-index.html", page_url())

    @macro
    def area_comparison() -> str:
        """The side-by-side table of every area."""
        return state.current().render_fragment("area-comparison.html", page_url())

    @macro
    def national_help(level: int = 3) -> str:
        """The national help lines from services/national.yml."""
        build = state.current()
        return build.renderer.render_macro("components/national-help.html", "national_help",
                                          page_url(), build.site.national, level)

    @macro
    def area_phone_list(limit: int = 12) -> str:
        """Each area's contacts with their numbers, and its page for families: at most
        ``limit`` areas, then a link to the area index."""
        build = state.current()
        areas = build.site.areas
        return build.render_fragment("area-phone-list.html", page_url(), areas=areas[:limit],
                                     more=max(0, len(areas) - limit))

    @macro
    def families_links(limit: int = 12) -> str:
        """Links to the areas' pages for families: at most ``limit``, then the area index."""
        build = state.current()
        areas = [a for a in build.site.areas if a.families]
        return build.render_fragment("families-links.html", page_url(), areas=areas[:limit],
                                     more=max(0, len(areas) - limit))

    @macro
    def glossary() -> str:
        """Every glossary term, sorted."""
        return state.current().render_fragment("glossary.html", page_url())

    @macro
    def audience_guidance(audience: str, limit: int = 6) -> str:
        """Guidance sections areas mark for 'parents' or 'professionals'."""
        build = state.current()
        entries, more = gather.guidance_for(build.site, audience, limit)
        return build.render_fragment("audience-guidance.html", page_url(), audience=audience,
                                     entries=entries, more=more)

    @macro
    def area_sections(field: str, title: str = "", limit: int = 6) -> str:
        """One kind of section (for example healthy_behaviour), each distinct text once."""
        build = state.current()
        groups, more = gather.distinct_sections(build.site, field, limit)
        return build.render_fragment("area-sections.html", page_url(), field=field, title=title,
                                     groups=groups, more=more)

    _about_the_site(macro, state, page_url, services)

    @macro
    def area_count() -> int:
        return len(state.current().site.areas)


def _about_the_site(macro, state, page_url, services: Path) -> None:
    """The macros of the pages about the site itself: the field reference and the components."""
    @macro
    def schema_reference(kind: str) -> str:
        """The field reference for area, national or glossary files, from the schema."""
        from signpost.schema_docs import field_docs
        return state.current().render_fragment("schema-reference.html", page_url(), kind=kind,
                                               fields=field_docs(kind))

    @macro
    def component_examples() -> str:
        """Every component of signpost/templates/components/ with its examples rendered."""
        from signpost.render.examples import docs_components
        return state.current().render_fragment("component-examples.html", page_url(),
                                               components=docs_components(services))
