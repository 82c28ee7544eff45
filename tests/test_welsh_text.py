"""Welsh in the content: a text carries its Welsh, the English pages stay as they were, and a
page rendered in Welsh shows the Welsh, or the English marked lang="en" under a notice.

Uses the fictional Welsh area tests/fixtures/areas/cwm-arian.yml (one text's Welsh checked, one
a draft, the rest missing) with the real national lines and glossary.
"""
from __future__ import annotations

import json
import pickle
import shutil

import pytest
from jinja2 import Environment, select_autoescape

from browser_fixtures import browser, describe_violations, run_axe  # noqa: F401
from helpers_content import REPO, run_script, services_with_real_shared_files
from signpost import bilingual
from signpost.bilingual import Text
from signpost.content import load_site
from signpost.language import rendering_in
from signpost.render.templates import Renderer
from signpost.render.text import TextRenderer
from signpost.welsh_record import fallback_notice_needed, page_record

FIXTURE = REPO / "tests" / "fixtures" / "areas" / "cwm-arian.yml"
CHECKED = Text("Call 029 2018 0456 about HSB.", "Ffoniwch 029 2018 0456 am HSB.", True)
DRAFT = Text("Monday to **Friday**", "Dydd Llun i ddydd **Gwener**")
ENGLISH_ONLY = "Assessment & support.\n\nFor families."


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    return services_with_real_shared_files(tmp_path_factory.mktemp("welsh") / "services", [FIXTURE])


@pytest.fixture(scope="module")
def site(services):
    return load_site(services)


@pytest.fixture
def text():
    return TextRenderer({"HSB": "Harmful Sexual Behaviour"})


# --- the data ----------------------------------------------------------------------------------

def test_a_text_with_welsh_is_its_english_string_everywhere_but_a_welsh_page(site):
    area = site.area("cwm-arian")
    summary = area.summary
    english = "Worries about a child in Cwm Arian go to the council's front door team."
    assert isinstance(summary, str) and summary == english and hash(summary) == hash(english)
    assert summary.cy.startswith("Mae pryderon") and summary.cy_reviewed
    assert json.dumps({"s": summary}) == json.dumps({"s": english})  # the open data is English
    assert pickle.loads(pickle.dumps(summary)).cy == summary.cy
    hours = area.contacts[0].hours
    assert hours == "Monday to Friday, 9am to 5pm" and bilingual.state(hours) == bilingual.DRAFT
    assert bilingual.state(area.services[0].description) == bilingual.MISSING
    assert area.languages == ("en", "cy") and area.publishes_welsh and area.missing_welsh == "report"


def test_the_translation_work_left_is_listed_with_file_line_and_field(site, services):
    work = [g for g in site.welsh_work if g.file.endswith("cwm-arian.yml")]
    by_path = {g.path: g for g in work}
    assert by_path["contacts.0.hours"].state == bilingual.DRAFT
    assert by_path["services.0.description"].state == bilingual.MISSING
    lines = (services / FIXTURE.name).read_text("utf-8").splitlines()
    assert "description:" in lines[by_path["services.0.description"].line - 1]
    assert "hours:" in lines[by_path["contacts.0.hours"].line - 1]
    # Checked Welsh is not work left; the document's own title is never translated.
    assert not {"name", "summary", "contacts.0.name", "source.title"} & set(by_path)


def test_the_review_report_lists_the_welsh_left_with_the_count(services):
    result = run_script("review_report.py", str(services), cwd=REPO)
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("Welsh still to write or check:", 1)[1]
    area_rows = [row for row in section.splitlines() if "cwm-arian.yml:" in row]
    assert any("services.0.description" in r and "no Welsh" in r for r in area_rows)
    assert any("contacts.0.hours" in r and "draft" in r for r in area_rows)
    missing = sum(1 for r in section.splitlines() if "  no Welsh  " in r)
    assert section.lstrip().startswith(f"{missing} texts without Welsh, 1 Welsh draft ")


# --- the renderer ------------------------------------------------------------------------------

def test_english_pages_print_a_text_with_welsh_exactly_as_its_english(text):
    for render in (text.inline, text.inline_unlinked, text.paragraphs, text.plain):
        assert render(CHECKED) == render(str(CHECKED))
        assert render(DRAFT) == render(str(DRAFT))
    env = Environment(autoescape=select_autoescape(default_for_string=True))
    template = env.from_string('<p title="{{ t }}">{{ t }}</p>')
    assert template.render(t=Text("A & B", "A a B")) == template.render(t="A & B")


def test_a_welsh_page_prints_checked_welsh_as_it_is(text):
    with rendering_in("cy"), page_record() as record:
        html = text.inline(CHECKED)
    assert html.startswith("Ffoniwch <a href=\"tel:+442920180456\"")
    assert '<abbr title="Harmful Sexual Behaviour">HSB</abbr>' in html and "lang=" not in html
    assert not record.fallback_notice_needed and not record.draft_notice_needed


def test_an_abbreviation_is_explained_in_welsh_where_the_glossary_gives_it():
    text = TextRenderer({"HSB": bilingual.plain_keeping_welsh(
        Text("Harmful **Sexual** Behaviour", "Ymddygiad Rhywiol Niweidiol", True)), "AIM": "Assessment"})
    assert text.inline("HSB and AIM") == ('<abbr title="Harmful Sexual Behaviour">HSB</abbr> and '
                                          '<abbr title="Assessment">AIM</abbr>')
    with rendering_in("cy"), page_record() as record:
        html = text.inline(Text("HSB and AIM", "HSB ac AIM", True))
    assert html == ('<abbr title="Ymddygiad Rhywiol Niweidiol">HSB</abbr> ac '
                    '<abbr title="Assessment">AIM</abbr>')
    assert not record.fallback_notice_needed


def test_a_welsh_page_marks_draft_welsh_as_a_draft(text):
    with rendering_in("cy"), page_record() as record:
        line = text.inline(DRAFT)
        paragraphs = text.paragraphs(DRAFT)
        title = text.plain(DRAFT)
    assert line == '<span class="hsb-cy-draft">Dydd Llun i ddydd <strong>Gwener</strong></span>'
    assert paragraphs == '<p class="hsb-cy-draft">Dydd Llun i ddydd <strong>Gwener</strong></p>'
    assert title == "Dydd Llun i ddydd Gwener"
    assert record.draft_notice_needed and record.drafts == 3 and not record.fallback_notice_needed


def test_a_welsh_page_prints_english_marked_as_english_and_notes_it(text):
    with rendering_in("cy"), page_record() as record:
        line = text.inline(ENGLISH_ONLY)
        paragraphs = text.paragraphs(ENGLISH_ONLY)
    assert line == '<span lang="en">Assessment &amp; support. For families.</span>'
    assert paragraphs == '<p lang="en">Assessment &amp; support.</p><p lang="en">For families.</p>'
    assert record.fallback_notice_needed and record.english == 2


def test_a_name_in_a_heading_is_marked_english_on_a_welsh_page(text):
    template = Environment(autoescape=True).from_string("<h1>{{ n }}</h1>")
    for name in ("B&NES <x>", Text("B&NES <x>", "B a G", True)):
        assert f"<h1>{text.lang_part(name)}</h1>" == template.render(n=name) == "<h1>B&amp;NES &lt;x&gt;</h1>"
    with rendering_in("cy"), page_record() as record:
        assert text.lang_part("B&NES") == '<span lang="en">B&amp;NES</span>'
        assert text.lang_part(Text("Front door", "Drws ffrynt", True)) == "Drws ffrynt"
        assert text.lang_part(None) == ""
    assert record.english == 1


def test_each_page_has_its_own_record(text):
    with rendering_in("cy"):
        with page_record() as first:
            text.inline(ENGLISH_ONLY)
        with page_record() as second:
            text.inline(CHECKED)
            assert not fallback_notice_needed()
    assert first.fallback_notice_needed and not second.fallback_notice_needed
    assert not fallback_notice_needed()  # outside any page


def test_autoescape_gives_the_welsh_and_never_puts_markup_in_an_attribute():
    env = Environment(autoescape=select_autoescape(default_for_string=True))
    template = env.from_string('<a title="{{ t }}">{{ t }}</a>')
    with rendering_in("cy"), page_record() as record:
        checked = template.render(t=Text("Tom & Jerry", "Twm a Siôn", True))
        english = template.render(t=Text("Tom & Jerry"))
    assert checked == '<a title="Twm a Siôn">Twm a Siôn</a>'
    assert english == '<a title="Tom &amp; Jerry">Tom &amp; Jerry</a>'
    assert record.english == 2


def test_formatting_a_text_gives_the_page_language():
    name = Text("Front door team", "Tîm drws ffrynt", True)
    assert f"{name}: call" == "Front door team: call" and "{}".format(name) == "Front door team"
    assert f"{name:>16}" == f"{'Front door team':>16}"
    with rendering_in("cy"), page_record() as record:
        assert f"{name}: ffoniwch" == "Tîm drws ffrynt: ffoniwch"
        assert f"{Text('Only English')}" == "Only English"
    assert record.english == 1


def test_templates_can_ask_for_the_notice_after_rendering_the_body(site):
    renderer = Renderer(site)
    template = renderer.env.from_string(
        "{% set body %}{{ x | inline }}{% endset %}"
        "{% if fallback_notice_needed() %}[notice]{% endif %}{{ welsh_state(x) }}:{{ body }}")
    with rendering_in("cy"), page_record():
        assert template.render(x=site.area("cwm-arian").summary).startswith("reviewed:Mae pryderon")
    with rendering_in("cy"), page_record():
        assert template.render(x="Only English") == '[notice]missing:<span lang="en">Only English</span>'
    assert template.render(x="Only English") == "missing:Only English"


# --- in a browser: a Welsh fragment with English fallback passes axe ---------------------------

NOTICE = ('<p class="hsb-notice" id="welsh-notice">Nid yw rhywfaint o’r testun ar y dudalen hon '
          'ar gael yn Gymraeg eto, felly mae yn Saesneg.</p>')


FRAGMENT = """{% from "components/contact-card.html" import contact_card %}
<h1>{{ area.name }}</h1>
<p class="hsb-lead">{{ area.summary | inline }}</p>
<h2>{{ area.services[0].name | inline }}</h2>
{{ area.services[0].description | paragraphs }}
<h2 id="contacts">Cysylltiadau</h2>
{% for c in area.contacts %}{{ contact_card(c, href) }}{% endfor %}"""


def test_a_welsh_fragment_with_english_fallback_passes_axe(site, browser):  # noqa: F811
    renderer = Renderer(site)
    area = site.area("cwm-arian")
    template = renderer.env.from_string(FRAGMENT)
    with rendering_in("cy"), page_record() as record:
        body = template.render(area=area, href=lambda target: "/" + target)
    assert record.fallback_notice_needed and record.draft_notice_needed
    html = (f'<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>{area.name}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            f'<body><main>{NOTICE}{body}</main></body></html>')
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(html)
        page.add_style_tag(path=str(REPO / "docs" / "assets" / "site.css"))  # the site's own styles
        assert page.locator("html").get_attribute("lang") == "cy"
        assert page.locator(".hsb-lead").inner_text().startswith("Mae pryderon am blentyn")
        # Each English fallback reaches the page marked as English; the draft is marked a draft.
        english = " ".join(page.locator('[lang="en"]').all_inner_texts())
        assert "Assessment and direct work" in english
        assert "Cwm Arian Healthy Relationships Service" in english
        assert page.locator(".hsb-cy-draft").first.inner_text().startswith("Dydd Llun")
        violations = run_axe(page)
        assert not violations, describe_violations(violations)
    finally:
        context.close()


# --- English pages unchanged when every text carries Welsh -------------------------------------

def _every_text_with_welsh(source, target):
    """A copy of the content folder where every text (but the document's own words) is written
    with en:/cy:, its Welsh the English itself, alternately checked and draft."""
    from helpers_content import write_yaml
    from signpost.load import load_yaml
    from signpost.welsh_check import _document_words, text_values
    shutil.copytree(source, target)
    kinds = {"national.yml": "national", "glossary.yml": "glossary", "search-synonyms.yml": None}
    count = 0
    for path in sorted(target.glob("*.yml")):
        kind = kinds.get(path.name, "area")
        if kind is None:
            continue
        data = load_yaml(path).data
        for where, value in list(text_values(data, kind)):
            if kind == "area" and _document_words(where):
                continue
            parent = data
            for key in where[:-1]:
                parent = parent[key]
            parent[where[-1]] = {"en": value, "cy": value, "cy_reviewed": count % 2 == 0}
            count += 1
        write_yaml(path, data)
    return count


def test_english_pages_are_byte_for_byte_the_same_when_every_text_has_welsh(tmp_path):
    from signpost.render import output, state
    written = _every_text_with_welsh(REPO / "services", tmp_path / "services")
    assert written > 500

    def everything(folder):
        build, problems = state.start(folder)
        assert not problems, "\n".join(map(str, problems))
        pages = {spec.src_uri: output.page_source(build, url) for url, spec in build.pages.items()}
        return build.site, pages, output.static_files(build)

    site, pages, statics = everything(REPO / "services")
    welsh_site, welsh_pages, welsh_statics = everything(tmp_path / "services")
    assert any(isinstance(a.summary, Text) for a in welsh_site.areas)
    assert pages.keys() == welsh_pages.keys()
    for uri in pages:
        assert welsh_pages[uri] == pages[uri], uri
    assert welsh_statics == statics
