"""The model and renderer for the build under way, shared by the page generator and the macros.

A build calls start() once; every page rendered afterwards reads current(). Nothing here knows
about mkdocs: any engine that generates pages from PageSpecs can drive it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import schema_check
from ..catalogue import validate
from ..model import Site
from ..problems import Problem
from .pages import PageSpec, StaticSpec, page_specs, static_specs
from .report import ReportSettings
from .templates import Renderer


@dataclass
class BuildState:
    site: Site
    renderer: Renderer
    pages: dict[str, PageSpec]       # by source path, e.g. areas/blackpool/index.md
    statics: list[StaticSpec]

    def render_page(self, src_uri: str) -> str:
        spec = self.pages[src_uri]
        return self.renderer.render(f"pages/{spec.template}", spec.url, **spec.context)

    def render_fragment(self, template: str, page_url: str, **context) -> str:
        return self.renderer.render(f"pages/{template}", page_url, **context)


_current: BuildState | None = None


def start(services_dir: Path, template_dir: Path, neutral_cards: bool = True,
          report_settings: ReportSettings | None = None) -> tuple[BuildState | None, list[Problem]]:
    """Validate the content and prepare every page; problems mean nothing may be built.
    ``neutral_cards``: contact cards saved under a neutral name (see signpost.vcard);
    ``report_settings``: what the "Report a problem" pages offer (signpost.render.report)."""
    global _current
    _current = None
    # Under `mkdocs serve` a build runs again after each edit: read the schemas afresh too.
    schema_check.clear_caches()
    site, problems = validate(services_dir)
    if problems:
        return None, problems
    renderer = Renderer(site, template_dir, neutral_cards, report_settings)
    _current = BuildState(site, renderer, {p.src_uri: p for p in page_specs(site)}, static_specs(site))
    return _current, []


def current_or_start(services_dir: Path, template_dir: Path) -> BuildState:
    """The build under way, or a new one from ``services_dir``: for an engine that renders the
    hand-written pages' macros without running our hooks (see signpost.render.output)."""
    if _current is None:
        _, problems = start(services_dir, template_dir)
        if problems:
            raise RuntimeError("the content has problems; run python scripts/validate.py:\n"
                               + "\n".join(str(p) for p in problems))
    return current()


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("no build has started: the content was not loaded")
    return _current
