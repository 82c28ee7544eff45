"""The Jinja environment that renders generated pages and components.

Autoescape is on: every value from YAML is escaped unless it went through TextRenderer, which
escapes it itself. (mkdocs-macros' own environment has autoescape off, which is why pages are
rendered here and handed to macros as finished HTML.)
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..model import Contact, Site
from ..vcard import card_name
from . import urls
from .text import TextRenderer
from .who_to_call import who_to_call


def _long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def pathway_link_text(title: str) -> str:
    """'<title> pathway', without doubling a title that already ends in 'pathway'."""
    return title if title.rstrip().lower().endswith("pathway") else f"{title} pathway"


class Renderer:
    """Renders PageSpecs and components for one site. Build once per build; render per page."""

    def __init__(self, site: Site, template_dir: Path, neutral_cards: bool = True):
        self.site = site
        self.neutral_cards = neutral_cards
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
            paragraphs=self.text.paragraphs,
            plain=self.text.plain,
            long_date=_long_date,
            iso_date=lambda d: d.isoformat(),
        )
        self.env.globals.update(site=site, urls=urls, saved_name=self.saved_name,
                                who_to_call_for=lambda area=None: who_to_call(site, area),
                                pathway_link_text=pathway_link_text)

    def saved_name(self, contact: Contact) -> str:
        """The name a contact's vCard is saved under (signpost.vcard decides it)."""
        return card_name(contact, self.site.area(contact.area_id).name, self.neutral_cards)

    def render_macro(self, template: str, name: str, page_url: str, *args, **kwargs) -> Markup:
        """Call one macro of a component template, for pages that show a single component."""
        module = self.env.get_template(template).make_module(
            {"href": lambda target: urls.relative(page_url, target), "page_url": page_url})
        return Markup(getattr(module, name)(*args, **kwargs))

    def render(self, template: str, page_url: str, **context) -> Markup:
        """Render a template for the page at ``page_url``; ``href(x)`` gives relative links."""
        def href(target: str) -> str:
            return urls.relative(page_url, target)
        html = self.env.get_template(template).render(href=href, page_url=page_url, **context)
        return Markup(html)
