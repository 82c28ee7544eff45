"""Someone to call from every page of an area, checked in the built HTML and in the model.

Every outcome page names someone to call (a test per outcome), the "who to call" box chooses
the area's own front door or, where the content gives no local number, says so and offers the
national lines in their order; national lines make no claim of a check no one made; numbers
written in prose become tel: links through the escaping renderer.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from helpers_content import EXAMPLE_PHONE, minimal_national, small_area, write_minimal_services
from site_build import ROOT, build_site
from signpost.content import load_site, validate
from signpost.render import urls
from signpost.render.text import TextRenderer
from signpost.render.who_to_call import who_to_call

SITE = load_site(ROOT / "services")
OUTCOMES = [(area, pathway, node) for area in SITE.areas for pathway in area.pathways.values()
            for node in pathway.outcomes]
_TEL = re.compile(r'<a [^>]*href="tel:([^"]+)"')
_WHO = re.compile(r'<section class="hsb-who".*?</section>', re.S)


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def non_emergency_numbers(html: str) -> list[str]:
    return [tel for tel in _TEL.findall(html) if tel not in ("999", "112")]


# --- in the built site -------------------------------------------------------------------------

@pytest.mark.parametrize("area,pathway,node", OUTCOMES,
                         ids=[f"{a.id}/{p.id}/{n.id}" for a, p, n in OUTCOMES])
def test_every_outcome_page_names_someone_to_call(built_site, area, pathway, node):
    html = html_of(built_site, urls.node(area.id, pathway.id, node.id))
    box = _WHO.search(html)
    assert box, f"{area.id}/{pathway.id}/{node.id}: no 'who to call' box"
    assert non_emergency_numbers(box.group()), f"{node.id}: the box has no number but 999"
    assert "names no contact" not in html and "source document gives no" not in html


def test_every_page_under_an_area_has_a_number_besides_999(built_site):
    pages = sorted((built_site / "areas").glob("*/**/index.html"))
    assert len(pages) > 100
    missing = [str(p.relative_to(built_site)) for p in pages if not non_emergency_numbers(p.read_text("utf-8"))]
    assert not missing, missing


@pytest.mark.parametrize("area", SITE.areas, ids=lambda a: a.id)
def test_area_page_leads_with_who_to_call_then_what_happens_next(built_site, area):
    html = html_of(built_site, urls.area(area.id))
    body = html[html.index('<h1 id="top"'):]
    assert body.index('class="hsb-who"') < body.index('class="hsb-lead"'), "the box must come before the long text"
    if area.next_steps:
        steps = re.search(r'id="what-happens-next".*?<ol[^>]*>(.*?)</ol>', body, re.S).group(1)
        assert steps.count("<li>") == len(area.next_steps) and 3 <= len(area.next_steps) <= 5
    # Notes for editors are folded away at the foot, never on a contact card.
    about = body.index('<details class="hsb-about"')
    for contact in area.contacts:
        if contact.note:
            assert body.index(TextRenderer(SITE.abbreviations).inline(contact.note)) > about
    if area.source.notes:
        assert "About the source document" in body[about:]
    cards = re.findall(r'<section class="hsb-card".*?</section>', body, re.S)
    assert not any("The document gives no" in card for card in cards)


def test_front_door_with_a_number_is_offered_first(built_site):
    area = next(a for a in SITE.areas if a.front_door and a.front_door.phone)
    box = _WHO.search(html_of(built_site, urls.area(area.id))).group()
    assert non_emergency_numbers(box)[0] == area.front_door.phone.tel.removeprefix("tel:")
    assert "gives no phone number" not in box


def test_without_a_local_number_the_box_says_so_and_offers_national_lines_in_order(built_site):
    area = next(a for a in SITE.areas if not a.local_lines)
    box = unescape(_WHO.search(html_of(built_site, urls.area(area.id))).group())
    assert "This area's guidance gives no phone number for" in box
    names = [re.sub(r"<[^>]+>", "", n) for n in re.findall(r'class="hsb-who__name">(.*?)</p>', box)]
    assert names == ["Stop It Now helpline", "NSPCC Helpline", "Find your local council's children's services"]
    assert 'href="https://www.gov.uk/report-child-abuse-to-local-council"' in box
    assert box.rstrip("</section>").rstrip().endswith('call <a href="tel:999">999</a>.</p>')
    assert "Childline" not in box  # for the child or young person: listed with national help


def test_contact_sheet_carries_national_lines_address_and_print_date(built_site):
    area = max(SITE.areas, key=lambda a: len(a.contacts))
    html = html_of(built_site, urls.contact_sheet(area.id))
    assert 'class="hsb-who"' in html and 'id="national-help"' in html
    for item in SITE.national:
        assert item.name.replace("'", "&#39;") in html
    assert "data-hsb-print-date" in html and "data-hsb-page-address" in html


def test_comparison_has_a_who_to_call_column(built_site):
    html = html_of(built_site, "compare/")
    assert '<th scope="col">Who to call</th>' in html
    for area in SITE.areas:
        row = re.search(rf'<tr data-hsb-area="{re.escape(area.name.lower())}.*?</tr>', html, re.S).group()
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if area.local_lines:
            assert area.local_lines[0].phone.tel in cells[0]
        else:
            assert "No local number given" in cells[0] and "#who-to-call" in cells[0]


def test_404_and_area_filter_say_what_to_do_instead(built_site):
    not_found = (built_site / "404.html").read_text("utf-8")
    assert "404 - Not found" not in not_found
    assert "Find your area" in not_found and "report-child-abuse-to-local-council" in not_found
    assert non_emergency_numbers(not_found)
    index = html_of(built_site, "areas/")
    none = re.search(r"data-hsb-filter-none>.*?</section>", index, re.S).group()
    assert non_emergency_numbers(none) and "report-child-abuse-to-local-council" in none


def test_no_doubled_pathway_in_link_text(built_site):
    for page in (built_site / "areas").glob("**/index.html"):
        assert not re.search(r"pathway pathway", page.read_text("utf-8"), re.I), page


def test_national_lines_claim_no_check_that_was_not_made(built_site):
    text = (ROOT / "services" / "national.yml").read_text("utf-8")
    assert "checked_against" not in text and "checked against" not in text.lower()
    data = yaml.safe_load(text)
    assert [h["id"] for h in data["help"] if not h.get("emergency")][:3] == \
        ["stop-it-now-helpline", "nspcc-helpline", "childline"]
    home = (built_site / "index.html").read_text("utf-8")
    assert "Checked against" not in home
    for item in SITE.national:
        if item.confirmed_on is None:
            assert "Not yet confirmed by an editor" in home


# --- the decision, on small content --------------------------------------------------------------

def _site(tmp_path, **front):
    area = small_area()
    area.update(front)
    site, problems = validate(write_minimal_services(tmp_path / "services", areas=[area],
                                                     national=minimal_national()))
    assert not problems, problems
    return site


def test_box_offers_the_front_door_when_it_has_a_number(tmp_path):
    site = _site(tmp_path, front_door="testshire-contact")
    box = who_to_call(site, site.areas[0])
    assert [c.phone.written for c in box.local] == [EXAMPLE_PHONE] and not box.instead and box.gap is None
    assert box.emergency.phone.written == "999"


def test_box_says_so_and_falls_back_when_the_front_door_has_no_number(tmp_path):
    area = small_area()
    area["contacts"][0].pop("phone")
    area["front_door"] = "testshire-contact"
    site, problems = validate(write_minimal_services(tmp_path / "services", areas=[area]))
    assert not problems
    box = who_to_call(site, site.areas[0])
    assert box.local == () and box.gap == "This area's guidance gives no phone number for Front door team."
    assert [n.id for n in box.instead] == ["example-helpline"]  # fallback lines only, not 999


def test_box_for_no_area_offers_national_lines(tmp_path):
    site = _site(tmp_path)
    box = who_to_call(site, None)
    assert box.gap is None and [n.id for n in box.instead] == ["example-helpline"]


# --- numbers written in prose --------------------------------------------------------------------

def test_numbers_in_prose_become_tel_links_and_stay_escaped():
    text = TextRenderer({"HSB": "Harmful sexual behaviour"})
    html = str(text.inline("<b>HSB</b> team on 01225 396313, **0808 800 5000**; not 2026-11-23, 6-8 weeks "
                           "or 020 7946 012"))
    assert re.search(r'<a href="tel:\+441225396313"[^>]*>01225 396313</a>', html)
    assert re.search(r'<strong><a href="tel:\+448088005000"[^>]*>0808 800 5000</a></strong>', html)
    assert 'data-hsb-digits="01225396313"' in html  # the search finds it typed without spaces
    assert "&lt;b&gt;" in html and html.count("<a ") == 2
    assert "<a " not in str(text.inline("call 01225 396313", links=False))


def test_area_summary_numbers_are_tappable(built_site):
    area = next(a for a in SITE.areas if a.front_door and a.front_door.phone)
    lead = re.search(r'<p class="hsb-lead">(.*?)</p>', html_of(built_site, urls.area(area.id)), re.S).group(1)
    assert f'href="{area.front_door.phone.tel}"' in lead


def test_a_new_area_without_numbers_still_offers_someone_to_call(tmp_path):
    area = small_area("quietshire", "Quietshire")
    area["contacts"][0].pop("phone")
    area["contacts"][0].pop("email")
    area["contacts"][0]["how_to_contact"] = "Send the referral form."
    national = yaml.safe_load((ROOT / "services" / "national.yml").read_text("utf-8"))
    services = write_minimal_services(tmp_path / "services", areas=[area], national=national)
    out = tmp_path / "site"
    result = build_site(out, services)
    assert result.returncode == 0, result.stderr
    for page in (out / "areas" / "quietshire").glob("**/index.html"):
        assert non_emergency_numbers(page.read_text("utf-8")), page
