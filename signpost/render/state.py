"""The generated site under way: the one owner of what a build makes from the content.

A build calls start() once; every page rendered afterwards reads current(). BuildState holds the
model, the renderer and every generated page and file, keyed by the address it is published at;
an engine's adapter (hooks/signpost_hooks.py, scripts/generate.py) only places them, naming a
page by its source file where the engine does (page_for_source). Nothing here knows about mkdocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from .. import interface, language, schema_check
from ..content import validate
from ..model import Site
from ..problems import Problem
from . import urls
from .pages import PageSpec, StaticSpec, page_specs, static_specs
from .report import ReportSettings
from .search_index import readers_words
from .templates import Renderer
from ..welsh_record import page_record


@dataclass
class BuildState:
    site: Site
    renderer: Renderer
    pages: dict[str, PageSpec]       # by address, e.g. areas/blackpool/
    statics: list[StaticSpec]
    language: str = language.ENGLISH   # the language of the tree this build makes
    # The area pages the navigation lists (list_areas_in_nav): none past the site's limit.
    areas_in_nav: frozenset[str] = frozenset()
    _by_source: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_source.update({spec.src_uri: url for url, spec in self.pages.items()})

    def page_for_source(self, src_uri: str) -> PageSpec | None:
        """The generated page an engine knows by its source file (areas/x/index.md), or None."""
        url = self._by_source.get(src_uri)
        return self.pages[url] if url is not None else None

    @cached_property
    def readers_words(self) -> dict[str, str]:
        """Page address → the readers' words services/search-synonyms.yml gives it."""
        return readers_words(self.site)

    def list_areas_in_nav(self, limit: int) -> list:
        """The areas the navigation lists under 'Areas': all of them while there are at most
        ``limit``; past it none, so no page carries hundreds of navigation links."""
        listed = self.site.areas if len(self.site.areas) <= limit else []
        self.areas_in_nav = frozenset(urls.area(a.id) for a in listed)
        return list(listed)

    def render_page(self, url: str) -> str:
        """The generated page at ``url`` in the build's language. A Welsh page that had to show
        English (or Welsh no Welsh speaker has checked) says so once, above its content."""
        spec = self.pages[url]
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
    _current = BuildState(site, renderer, {p.url: p for p in specs}, static_specs(site), lang)
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


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("no build has started: the content was not loaded")
    return _current
