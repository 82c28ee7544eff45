"""The components' examples: one ``<component>.examples.yml`` beside each template of
signpost/templates/components/, read here for the component test (tests/test_components.py)
and the components page of the docs (docs/components.md), so both show the same examples.

An examples file says what the component is for, what each parameter of each macro means, and
gives examples: a macro, the address of the page it is shown on, its parameters and the texts
the rendered fragment must contain. A parameter is a plain value, ``{model: <path>}`` (a record
of the example area: ``area.contacts.testshire-contact``, ``area.pathways.referral``,
``site.national``; a part that is an id picks the record with that id from a list) or
``{say: <key>}`` (an interface word). ``href``, the page's link helper, is given by the page.
``within`` names the element a page puts the fragment in, when it needs one (a list for an item).

The example area is the area schema's own example, Testshire (signpost.example_area): made-up
names, numbers from Ofcom's drama ranges, so no example can ring a real service. It is loaded
through the real loader and checks, beside the site's national lines and glossary.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2.runtime import Macro
from markupsafe import Markup

from .. import interface
from ..content import GLOSSARY, NATIONAL, load_site
from ..example_area import EXAMPLE_ID, example_area, example_sources
from ..model import Area, Site
from . import urls
from .templates import TEMPLATE_DIR, Renderer

COMPONENTS = TEMPLATE_DIR / "components"
EXAMPLES_ENDING = ".examples.yml"
ROOT = TEMPLATE_DIR.parent.parent


@dataclass(frozen=True)
class Example:
    component: str        # the template's name without .html, e.g. "contact-card"
    title: str
    macro: str
    page: str             # the address the fragment is shown on: links are made relative to it
    params: dict          # as written in the examples file
    contains: tuple[str, ...]
    within: str = ""      # the element a page puts the fragment in, e.g. <ul class="x"> for an <li>

    @property
    def template(self) -> str:
        return f"components/{self.component}.html"

    def placed(self, html: str) -> Markup:
        """The fragment inside the element a page puts it in, if any."""
        if not self.within:
            return Markup(html)
        tag = re.match(r"<([a-z0-9]+)", self.within).group(1)
        return Markup(self.within) + Markup(html) + Markup(f"</{tag}>")


@dataclass(frozen=True)
class Component:
    name: str             # e.g. "contact-card"
    purpose: str
    parameters: dict      # macro -> {parameter: what it means}
    examples: tuple[Example, ...]

    @property
    def template(self) -> str:
        return f"components/{self.name}.html"


def component_names(folder: Path = COMPONENTS) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.html"))


def load_component(name: str, folder: Path = COMPONENTS) -> Component:
    """A component's examples file read (an empty Component when it has none)."""
    path = folder / f"{name}{EXAMPLES_ENDING}"
    data = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
    examples = tuple(Example(name, e["title"], e["macro"], e.get("page", ""), e.get("params") or {},
                             tuple(e.get("contains") or ()), e.get("within", ""))
                     for e in data.get("examples") or ())
    return Component(name, data.get("purpose", ""), data.get("macros") or {}, examples)


def load_components(folder: Path = COMPONENTS) -> list[Component]:
    return [load_component(name, folder) for name in component_names(folder)]


def macros(renderer: Renderer, template: str) -> dict[str, Macro]:
    """The macros a template exports, by name (those named with a leading _ are its own)."""
    module = renderer.env.get_template(template).module
    return {name: value for name, value in vars(module).items() if isinstance(value, Macro)}


def unexampled(renderer: Renderer, components: list[Component]) -> list[str]:
    """"<template>: <macro>" for each macro no example shows."""
    return [f"{c.name}.html: {name}" for c in components for name in macros(renderer, c.template)
            if name not in {e.macro for e in c.examples}]


def undescribed(renderer: Renderer, components: list[Component]) -> list[str]:
    """"<template>: <macro>(<parameters>)" for each macro whose parameters are not all described."""
    found = []
    for c in components:
        for name, macro in macros(renderer, c.template).items():
            missing = [a for a in macro.arguments if a not in c.parameters.get(name, {})]
            if missing:
                found.append(f"{c.name}.html: {name}({', '.join(missing)})")
    return found


def example_site(services_dir: Path = ROOT / "services") -> Site:
    """The example area as the site would load it: its file (and its document's text) beside
    the national lines and glossary of ``services_dir``, through the real loader and checks."""
    area = example_area()
    with tempfile.TemporaryDirectory(prefix="hsb-examples-") as tmp:
        folder = Path(tmp)  # the schemas are the project's own (signpost.schema_check)
        for name in (NATIONAL, GLOSSARY):
            shutil.copy(Path(services_dir) / name, folder / name)
        (folder / f"{area['id']}.yml").write_text(
            yaml.safe_dump(area, sort_keys=False, allow_unicode=True), "utf-8")
        for path, text in example_sources(area).items():
            (folder / path).parent.mkdir(exist_ok=True)
            (folder / path).write_text(text, "utf-8")
        return load_site(folder)


def _record(path: str, site: Site, area: Area):
    """The model object at a dotted path from ``area`` or ``site``."""
    first, *rest = path.split(".")
    value = {"area": area, "site": site}[first]
    for part in rest:
        if isinstance(value, Mapping):
            value = value[part]
        elif isinstance(value, (list, tuple)):
            value = (value[int(part)] if part.isdigit()
                     else next(v for v in value if getattr(v, "id", None) == part))
        else:
            value = getattr(value, part)
    return value


def resolve(value, site: Site, area: Area):
    """A parameter as written in an examples file, made into what the macro receives."""
    if isinstance(value, Mapping) and set(value) == {"model"}:
        return _record(value["model"], site, area)
    if isinstance(value, Mapping) and set(value) == {"say"}:
        return interface.say(value["say"])
    if isinstance(value, list):
        return [resolve(v, site, area) for v in value]
    return value


class ExampleRenderer:
    """Renders examples with the site's own Renderer, over the example area."""

    def __init__(self, site: Site, area_id: str = EXAMPLE_ID):
        self.site = site
        self.area = site.area(area_id)
        self.renderer = Renderer(site)

    def render(self, example: Example, href=None) -> Markup:
        """The fragment; ``href`` (the page's link helper) defaults to links relative to the
        example's page."""
        macro = macros(self.renderer, example.template)[example.macro]
        values = {k: resolve(v, self.site, self.area) for k, v in example.params.items()}
        if "href" in macro.arguments:
            values["href"] = href or (lambda target: urls.relative(example.page, target))
        return self.renderer.render_macro(example.template, example.macro, example.page, **values)

    def missing(self, example: Example, html: str | None = None) -> list[str]:
        """The texts the example must contain that its fragment lacks."""
        html = self.render(example) if html is None else html
        return [text for text in example.contains if text not in html]


# ---- the components page of the docs ---------------------------------------------------------

@dataclass(frozen=True)
class DocsExample:
    title: str
    anchor: str
    call: str             # the macro call as the examples file writes it
    preview: Markup


@dataclass(frozen=True)
class DocsComponent:
    name: str
    purpose: str
    parameters: dict
    template_path: Markup
    examples_path: Markup
    examples: tuple[DocsExample, ...]


# A link in a preview that leads within the site: the example area's pages are not published,
# so on the components page such a link leads to the example's own heading instead.
_SITE_LINK = re.compile(r'href="(?![a-z]+:)[^"]*"')


def call_text(example: Example) -> str:
    """``contact_card(contact=area.contacts.x, level=4)``: the parameters as written."""
    def written(value) -> str:
        if isinstance(value, Mapping) and set(value) == {"model"}:
            return value["model"]
        if isinstance(value, Mapping) and set(value) == {"say"}:
            return f'say("{value["say"]}")'
        if isinstance(value, list):
            return "[" + ", ".join(map(written, value)) + "]"
        return repr(value)
    return f"{example.macro}(" + ", ".join(f"{k}={written(v)}" for k, v in example.params.items()) + ")"


def docs_components(services_dir: Path, components: list[Component] | None = None) -> list[DocsComponent]:
    """Every component with its examples rendered, for the components page."""
    rendered = ExampleRenderer(example_site(services_dir))
    code = Markup("<code>{}</code>").format
    out = []
    for c in components or load_components():
        shown = []
        for number, example in enumerate(c.examples, 1):
            anchor = f"example-{c.name}-{number}"
            html = _SITE_LINK.sub(f'href="#{anchor}"', str(rendered.render(example)))
            shown.append(DocsExample(example.title, anchor, call_text(example),
                                     example.placed(Markup(html))))
        out.append(DocsComponent(c.name, c.purpose, c.parameters,
                                 code(f"signpost/templates/{c.template}"),
                                 code(f"signpost/templates/components/{c.name}{EXAMPLES_ENDING}"),
                                 tuple(shown)))
    return out
