"""Every component renders its examples (signpost/templates/components/*.examples.yml) with the
site's own Renderer over the example area, shows every text its examples expect, has an example
for each of its macros, and passes axe-core (best practices included) in a minimal page with
the site's CSS: one Chromium page for all the examples.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from browser_fixtures import browser, describe_violations, run_axe  # noqa: F401
from helpers_content import REPO
from signpost.render import examples
from signpost.render.examples import Example, ExampleRenderer
from signpost.render.templates import Renderer

COMPONENTS = examples.load_components()
EXAMPLES = [e for c in COMPONENTS for e in c.examples]
EXAMPLE_IDS = [f"{e.component}: {e.title}" for e in EXAMPLES]


@pytest.fixture(scope="module")
def rendered() -> ExampleRenderer:
    return ExampleRenderer(examples.example_site(REPO / "services"))


def assert_shows_what_it_expects(renderer: ExampleRenderer, example: Example) -> None:
    html = renderer.render(example)
    missing = renderer.missing(example, html)
    assert not missing, (f"{example.template}, example {example.title!r}: the fragment lacks "
                         + "; ".join(map(repr, missing)) + f"\n--- it rendered:\n{html}")


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_every_example_shows_what_it_expects(rendered, example):
    assert example.contains, f"{example.template}, example {example.title!r} expects nothing"
    assert_shows_what_it_expects(rendered, example)


def test_a_missing_expected_text_fails(rendered):
    example = dataclasses.replace(EXAMPLES[0], contains=(*EXAMPLES[0].contains, "Words no component shows"))
    with pytest.raises(AssertionError, match="Words no component shows"):
        assert_shows_what_it_expects(rendered, example)


def test_every_component_macro_has_an_example_and_its_parameters_described(rendered):
    assert not examples.unexampled(rendered.renderer, COMPONENTS)
    assert not examples.undescribed(rendered.renderer, COMPONENTS)


def test_a_macro_without_an_example_is_found(tmp_path):
    """A new macro in a component, with no example written for it, is named."""
    folder = tmp_path / "components"
    folder.mkdir()
    (folder / "badge.html").write_text(
        "{% macro badge(text) %}<span>{{ text }}</span>{% endmacro %}\n"
        "{% macro big_badge(text) %}<strong>{{ text }}</strong>{% endmacro %}\n", "utf-8")
    (folder / "badge.examples.yml").write_text(
        "purpose: A badge.\nmacros:\n  badge:\n    text: Its words.\nexamples:\n"
        "  - title: A badge\n    macro: badge\n    params:\n      text: New\n"
        "    contains: ['<span>New</span>']\n", "utf-8")
    (folder / "ribbon.html").write_text("{% macro ribbon() %}<hr>{% endmacro %}\n", "utf-8")
    renderer = Renderer(examples.example_site(REPO / "services"), template_dir=tmp_path)
    components = examples.load_components(folder)
    assert examples.unexampled(renderer, components) == ["badge.html: big_badge", "ribbon.html: ribbon"]
    assert examples.undescribed(renderer, components) == ["badge.html: big_badge(text)"]


def test_every_example_names_its_macros_parameters(rendered):
    for example in EXAMPLES:
        arguments = examples.macros(rendered.renderer, example.template)[example.macro].arguments
        unknown = set(example.params) - set(arguments)
        assert not unknown, f"{example.template}, {example.title!r}: {example.macro} has no {unknown}"


def test_the_examples_fit_on_one_page(rendered):
    """The components page shows them all on one page: no id may come twice."""
    html = "".join(rendered.render(e) for e in EXAMPLES)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_the_docs_page_shows_every_component_and_example():
    """docs/components.md is made from the same files: every component, its parameters and each
    example rendered; a link within the site leads to the example's own heading."""
    shown = examples.docs_components(REPO / "services")
    html = examples.ExampleRenderer(examples.example_site(REPO / "services")).renderer.render(
        "pages/component-examples.html", "components/", components=shown)
    assert [c.name for c in shown] == [c.name for c in COMPONENTS]
    for component in COMPONENTS:
        assert f'id="component-{component.name}"' in html
        for macro in component.parameters:
            assert f"Parameters of {macro}" in html
    for c in shown:
        for example in c.examples:
            assert f'<h3 id="{example.anchor}">' in html
            links = re.findall(r'href="([^"]*)"', example.preview)
            assert all(re.match(r"[a-z]+:", link) or link == f"#{example.anchor}" for link in links), links


# ---- axe-core on the fragments ------------------------------------------------------------------

def site_css() -> str:
    """The theme's stylesheets (from the installed theme) and the site's own."""
    import material
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheets = sorted(theme.glob("main.*.min.css")) + sorted(theme.glob("palette.*.min.css"))
    sheets.append(REPO / "docs" / "assets" / "site.css")
    return "\n".join(path.read_text("utf-8") for path in sheets)


def minimal_page(fragments: list[tuple[Example, str]]) -> str:
    """Every fragment under its component's and example's headings, in the site's page frame."""
    parts = []
    for number, (example, html) in enumerate(fragments):
        parts.append(f'<div data-example="{number}"><h2>{example.component}</h2>'
                     f"<h3>{example.title}</h3>{example.placed(html)}</div>")
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Components</title>"
            f"<style>{site_css()}</style></head><body dir='ltr' data-md-color-scheme='default' "
            "data-md-color-primary='indigo' data-md-color-accent='indigo'><main class='md-main'>"
            "<div class='md-content'><article class='md-content__inner md-typeset'>"
            f"<h1>Components</h1>{''.join(parts)}</article></div></main></body></html>")


@pytest.mark.browser
def test_axe_finds_no_violations_in_any_example(browser, rendered):  # noqa: F811
    fragments = [(e, rendered.render(e)) for e in EXAMPLES]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(minimal_page(fragments))
        violations = run_axe(page)
        for v in violations:  # name the example each failing node belongs to
            for node in v["nodes"]:
                number = page.evaluate("s => document.querySelector(s)?.closest('[data-example]')"
                                       "?.dataset.example", node["target"][0])
                if number is not None:
                    example = fragments[int(number)][0]
                    node["target"] = [f"{example.component}: {example.title}", *node["target"]]
    finally:
        context.close()
    assert not violations, describe_violations(violations)
