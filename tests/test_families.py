"""The text for families: every statement traceable to its area's document, no number copied by
hand, the guide and the families' pages built and readable, professionals' pathways labelled."""
from __future__ import annotations

import html
import re

import pytest

from site_build import ROOT
from signpost.content import load_site
from signpost.families_check import source_file
from signpost.readability import GRADE_LIMIT, TARGET_EASE, TARGET_GRADE
from signpost.reading_report import report
from signpost.render import urls

SITE = load_site(ROOT / "services")
SEED_AREAS = ["bath-and-north-east-somerset", "blackpool", "solihull", "south-gloucestershire",
              "wales-better-futures-cymru"]
PHONE_LIKE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")


def statements(area):
    f = area.families
    return ([f.intro] if f.intro else []) + list(f.steps) + list(f.who_will_contact) + \
        list(f.how_long) + list(f.who_will_know) + list(f.who_to_call)


def folded_document(area_id: str) -> str:
    """The document as published, read independently of the validator: tags, list marks and
    emphasis dropped, whitespace folded."""
    text = source_file(ROOT / "services", area_id).read_text("utf-8")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(?m)^\s*(?:[-·•]|\d+\.)\s+", "", text).replace("*", "")
    return " ".join(text.split())


@pytest.mark.parametrize("area_id", SEED_AREAS)
def test_every_statement_restates_a_passage_that_is_really_in_the_document(area_id):
    area = SITE.area(area_id)
    assert area.families and area.families.steps, f"{area_id} has no families section"
    document = folded_document(area_id)
    for statement in statements(area):
        for passage in statement.source.split("\n"):
            passage = " ".join(passage.split())
            if passage:
                assert passage in document, f"{area_id}: not in the document: {passage!r}"


@pytest.mark.parametrize("area_id", SEED_AREAS)
def test_no_number_is_copied_by_hand_into_text_for_families(area_id):
    for statement in statements(SITE.area(area_id)):
        assert not PHONE_LIKE.search(statement.text), statement.text


def test_the_guide_names_no_number_but_999():
    for page in (ROOT / "docs" / "parents").glob("*.md"):
        if page.name != "documents.md":
            assert not PHONE_LIKE.search(page.read_text("utf-8")), page.name


def page(built_site, url: str) -> str:
    return (built_site / url / "index.html").read_text("utf-8")


def test_families_page_shows_each_step_with_the_documents_words(built_site):
    area = SITE.area("blackpool")
    text = page(built_site, urls.families(area.id))
    shown = html.unescape(re.sub(r"<[^>]+>", "", text))  # abbreviations are wrapped in <abbr>
    for step in area.families.steps:
        assert step.title in shown
    details = re.findall(r'<details class="hsb-source">.*?</details>', text, re.S)
    assert len(details) == len(statements(area))
    assert all("What the document says" in d for d in details)
    assert "6-8 weeks" in text  # a source quoted word for word
    assert 'class="hsb-card"' in text and "Blackpool Families Rock Advice and Support Hub" in text
    assert 'href="tel:08088005000"' in text or "0808 800 5000" in text  # national help, from data


def test_families_page_says_when_the_document_gives_no_times(built_site):
    text = page(built_site, urls.families("south-gloucestershire"))
    assert "The document gives no times." in text
    assert "The document gives no phone number for families to call." in text


def test_the_guide_gives_area_numbers_from_the_data(built_site):
    text = page(built_site, "parents/who-to-call/")
    for contact in SITE.area("bath-and-north-east-somerset").phones:
        assert f'href="{contact.phone.tel}"' in text


def test_professionals_pathways_send_parents_to_the_families_page(built_site):
    for area in SITE.areas:
        for pathway in area.pathways.values():
            text = page(built_site, urls.node(area.id, pathway.id, pathway.start))
            notice = 'class="hsb-audience-notice"' in text
            assert notice == pathway.for_professionals_only, f"{area.id}/{pathway.id}"
            if notice:
                assert "../../families/" in text


def test_old_confidentiality_promise_is_gone(built_site):
    for url in ("parents/", "parents/who-will-know/", "parents/documents/"):
        assert "in confidence" not in page(built_site, url)


def test_reading_level_meets_the_targets(built_site):
    guide, whole, families = report(built_site)
    assert len(guide) == 8 and len(families) == len(SEED_AREAS)
    assert whole.grade <= TARGET_GRADE and whole.ease >= TARGET_EASE, whole
    for entry in guide + families:
        assert entry.reading.grade <= GRADE_LIMIT, entry
        assert entry.reading.meets_target, entry
