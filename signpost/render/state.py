"""The model and renderer for the build under way, shared by the page generator and the macros.

A build calls start() once; every page rendered afterwards reads current(). Nothing here knows
about mkdocs: any engine that generates pages from PageSpecs can drive it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .. import interface, language, schema_check
from ..content import validate
from ..model import Site
from ..problems import Problem
from .pages import PageSpec, StaticSpec, page_specs, static_specs
from .report import ReportSettings
from .templates import Renderer
from .welsh import page_record


@dataclass
class BuildState:
    site: Site
    renderer: Renderer
    pages: dict[str, PageSpec]       # by source path, e.g. areas/blackpool/index.md
    statics: list[StaticSpec]
    language: str = language.ENGLISH   # the language of the tree this build makes

    def render_page(self, src_uri: str) -> str:
        """A generated page in the build's language. A Welsh page that had to show English (or
        Welsh no Welsh speaker has checked) says so once, above its content."""
        spec = self.pages[src_uri]
        with language.rendering_in(self.language), page_record() as record:
            body = self.renderer.render(f"pages/{spec.template}", spec.url, **spec.context)
            notices = [interface.say(key) for key, needed in (
                ("welsh.fallback_notice", record.fallback_notice_needed),
                ("welsh.draft_notice", record.draft_notice_needed)) if needed]
        if not notices:
            return body
        notice = Markup("").join(Markup('<p class="hsb-cy-notice">{}</p>').format(n) for n in notices)
        return notice + body

    def render_fragment(self, template: str, page_url: str, **context) -> str:
        return self.renderer.render(f"pages/{template}", page_url, **context)


_current: BuildState | None = None


def start(services_dir: Path, neutral_cards: bool = True,
          report_settings: ReportSettings | None = None,
          lang: str = language.ENGLISH) -> tuple[BuildState | None, list[Problem]]:
    """Validate the content and prepare every page; problems mean nothing may be built.
    ``neutral_cards``: contact cards saved under a neutral name (see signpost.vcard);
    ``report_settings``: what the "Report a problem" pages offer (signpost.render.report);
    ``lang``: the language of the tree to build (the Welsh tree's pages have Welsh titles)."""
    global _current
    _current = None
    # Under `mkdocs serve` a build runs again after each edit: read the schemas afresh too.
    schema_check.clear_caches()
    site, problems = validate(services_dir)
    if problems:
        return None, problems
    renderer = Renderer(site, neutral_cards=neutral_cards, report_settings=report_settings)
    with language.rendering_in(lang):
        specs = page_specs(site)
    _current = BuildState(site, renderer, {p.src_uri: p for p in specs}, static_specs(site), lang)
    return _current, []


def current_or_start(services_dir: Path) -> BuildState:
    """The build under way, or a new one from ``services_dir``: for an engine that renders the
    hand-written pages' macros without running our hooks (see signpost.render.output)."""
    if _current is None:
        _, problems = start(services_dir)
        if problems:
            raise RuntimeError("the content has problems; run python scripts/validate.py:\n"
                               + "\n".join(str(p) for p in problems))
    return current()


def restore(build: BuildState) -> BuildState:
    """Make ``build`` the build under way again (after the Welsh tree's build, which started
    its own, the English build finishes with its own state)."""
    global _current
    _current = build
    return build


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("no build has started: the content was not loaded")
    return _current
