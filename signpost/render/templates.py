"""The Jinja environment that renders generated pages and components.

Autoescape is on: every value from YAML is escaped unless it went through TextRenderer, which
escapes it itself. (mkdocs-macros' own environment has autoescape off, which is why pages are
rendered here and handed to macros as finished HTML.)
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import bilingual, interface
from .. import welsh_record as welsh
from ..model import Contact, Site
from ..vcard import card_name
from . import flow_svg, urls
from .report import ReportSettings, report_routes
from .text import TextRenderer
from .who_to_call import who_to_call


def _long_date(value: dt.date) -> str:
    """"3 March 2026", its month named in the page's language (interface catalogue)."""
    return f"{value.day} {interface.text(f'month.{value.month}')} {value.year}"


def glossary_anchor(term: str) -> str:
    """The id of a term on the glossary page (pages/glossary.html writes the same)."""
    return "term-" + term.lower().replace(" ", "-").replace("&", "and")


class GlossaryLookup:
    """Finds the glossary term an outcome names, so the page can say what it means."""

    def __init__(self, site: Site):
        terms = sorted((t for t in site.glossary if not t.abbreviation),
                       key=lambda t: len(t.term), reverse=True)
        self._terms = terms
        self._pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(t.term) for t in terms) + r")(?!\w)",
            re.IGNORECASE) if terms else None
        self._by_lower = {t.term.lower(): t for t in terms}

    def __call__(self, text: str):
        """The longest glossary term in ``text`` (whole words, any case), or None."""
        if not self._pattern:
            return None
        found = [m.group(1).lower() for m in self._pattern.finditer(text)]
        return self._by_lower[max(found, key=len)] if found else None


def pathway_link_text(title: str) -> str:
    """'<title> pathway', without doubling a title that already ends in 'pathway'."""
    if title.rstrip().lower().endswith("pathway"):
        return title
    return interface.text("pathway.named").format(title=title)


# The generator's own templates: one per generated page (pages/), one per component
# (components/). The theme never includes them, so they live beside the code, not in overrides/.
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


class Renderer:
    """Renders PageSpecs and components for one site. Build once per build; render per page."""

    def __init__(self, site: Site, template_dir: Path = TEMPLATE_DIR, neutral_cards: bool = True,
                 report_settings: ReportSettings | None = None):
        self.site = site
        self.neutral_cards = neutral_cards
        self.report_settings = report_settings or ReportSettings()
        self.text = TextRenderer(site.abbreviations)
        self.env = Environment(
            loader=FileSystemLoader(str(template_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
        )
        self.env.filters.update(
            inline=self.text.inline,
            inline_unlinked=self.text.inline_unlinked,
            lang_part=self.text.lang_part,
            paragraphs=self.text.paragraphs,
            plain=self.text.plain,
            long_date=_long_date,
            iso_date=lambda d: d.isoformat(),
        )
        self.env.globals.update(site=site, urls=urls, saved_name=self.saved_name,
                                # The interface's words in the page's language (interface/*.yml).
                                say=interface.say, say_n=interface.say_n,
                                who_to_call_for=lambda area=None: who_to_call(site, area),
                                pathway_link_text=pathway_link_text,
                                glossary_term=GlossaryLookup(site), glossary_anchor=glossary_anchor,
                                flow_diagram=flow_svg.render,
                                report_routes_for=lambda area=None: report_routes(area, self.report_settings),
                                # On a Welsh page: "reviewed", "draft" or "missing" for a text,
                                # and whether the page has shown English or draft Welsh so far.
                                welsh_state=bilingual.state,
                                fallback_notice_needed=welsh.fallback_notice_needed,
                                draft_notice_needed=welsh.draft_notice_needed)

    def saved_name(self, contact: Contact) -> str:
        """The name a contact's vCard is saved under (signpost.vcard decides it)."""
        return card_name(contact, self.site.area(contact.area_id).name, self.neutral_cards)

    def render_macro(self, template: str, name: str, page_url: str, *args, **kwargs) -> Markup:
        """Call one macro of a component template, for pages that show a single component."""
        with welsh.page_record(reuse=True):
            module = self.env.get_template(template).make_module(
                {"href": lambda target: urls.relative(page_url, target), "page_url": page_url})
            return Markup(getattr(module, name)(*args, **kwargs))

    def render(self, template: str, page_url: str, **context) -> Markup:
        """Render a template for the page at ``page_url``; ``href(x)`` gives relative links."""
        def href(target: str) -> str:
            return urls.relative(page_url, target)
        with welsh.page_record(reuse=True):  # the generator's record for the page, if open
            html = self.env.get_template(template).render(href=href, page_url=page_url, **context)
        return Markup(html)
