"""The interface catalogue (interface/<language>.yml, signpost.interface): one entry per string
of the site's own interface, the same keys in English and Welsh, and no interface text written
into a template, where a translator would never find it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from signpost import interface, language

ROOT = Path(__file__).resolve().parent.parent
# The staff's form editor (overrides/admin/) is left out: it is one English page for the
# partnership's staff, outside both trees, around Decap CMS's own English interface.
TEMPLATES = sorted([p for p in (ROOT / "overrides").rglob("*.html")
                    if "admin" not in p.relative_to(ROOT / "overrides").parts]
                   + list((ROOT / "signpost" / "templates").rglob("*.html")))
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_english_and_welsh_have_the_same_keys_and_placeholders():
    english, welsh = interface.entries("en"), interface.entries("cy")
    assert sorted(set(english) - set(welsh)) == [], "keys with no Welsh entry in interface/cy.yml"
    assert sorted(set(welsh) - set(english)) == [], "keys in interface/cy.yml that English lacks"
    for key in english:
        assert set(_PLACEHOLDER.findall(english[key]["text"])) == set(_PLACEHOLDER.findall(welsh[key]["text"])), \
            f"{key}: the Welsh fills in other values than the English"


@pytest.mark.parametrize("lang", language.LANGUAGES)
def test_catalogue_text_holds_no_markup(lang):
    """Catalogue text reaches pages as it is (as template text would), and may stand in an
    attribute: markup and double quotes stay in the templates."""
    for key, entry in interface.entries(lang).items():
        assert not re.search(r'[<>"]', entry["text"]), f"interface/{lang}.yml {key}: {entry['text']!r}"


def test_values_put_into_the_words_are_escaped_and_html_is_kept():
    said = interface.say("call", "en", number="<b>0800</b>")
    assert said == "Call &lt;b&gt;0800&lt;/b&gt;"
    assert interface.say("call", "cy", number=Markup("<a>999</a>")) == "Ffonio <a>999</a>"
    assert interface.say_n("phones.more", 1, "en") == "1 more area."
    assert interface.say_n("phones.more", 3, "en") == "3 more areas."
    with language.rendering_in("cy"):
        assert interface.say("back") == "Yn ôl"


def test_welsh_wordings_taken_from_government_services_say_where_from():
    """Where GOV.UK or HMRC publish Welsh for the same control, the catalogue uses it and names it."""
    welsh = interface.entries("cy")
    for key, words in {"exit.button": "Gadael y dudalen hon", "back": "Yn ôl", "search.button": "Chwilio",
                       "skip_to_content": "Ewch yn syth i’r prif gynnwys"}.items():
        assert welsh[key]["text"] == words and welsh[key]["source"], key


# What a template may hold outside Jinja and tags: punctuation, numbers, entities, and these
# words that are not interface text (an example number, a theme's icon name).
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_TAG = re.compile(r"<[^>]*>", re.S)
_VISIBLE_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"{]*)"')
_WORD = re.compile(r"[A-Za-z]{2,}")


def _visible_words(source: str) -> list[str]:
    without_jinja = _JINJA.sub(" ", source)
    attributes = _VISIBLE_ATTRIBUTES.findall(without_jinja)
    text = _TAG.sub(" ", without_jinja)
    text = re.sub(r"&[a-z]+;|&#\d+;|#[\w-]+", " ", text)  # entities; an anchor a macro writes
    return _WORD.findall(text) + [w for value in attributes for w in _WORD.findall(value)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_interface_text_written_in_a_template(template):
    """Every word a reader sees comes from the catalogue: a template that writes its own words
    would show English on the Welsh pages."""
    assert _visible_words(template.read_text("utf-8")) == []


def test_the_scan_finds_words_written_in_a_template():
    assert _visible_words('<p class="x">{{ say("a") }} Call us</p><nav aria-label="Steps">') == ["Call", "us", "Steps"]
    assert _visible_words('{# a comment #}<p>{{ say("a") }}: {{ n }}.</p>') == []
