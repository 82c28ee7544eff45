"""Someone to call, on a phone: every generated page under an area, opened in Chromium at
390x844, shows a number other than 999 that a reader can tap, and on the area page the first
one is within two phone screens. Also the area filter with no match, and a printed contact sheet.
"""
from __future__ import annotations

import pytest

from browser_fixtures import browser, stub_other_hosts  # noqa: F401
from page_probes import FIRST_NUMBER_JS
from site_build import ROOT
from signpost.content import load_site
from signpost.render import urls
from signpost.render.pages import page_specs

pytestmark = pytest.mark.browser

SITE = load_site(ROOT / "services")
PHONE = {"width": 390, "height": 844}
AREA_PAGES = [spec.url for spec in page_specs(SITE)]


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    stub_other_hosts(context)
    yield context.new_page()
    context.close()


def test_every_page_under_an_area_shows_a_number_to_tap(phone, site_url):
    assert len(AREA_PAGES) > 100
    missing, area_tops = [], {}
    for address in AREA_PAGES:
        phone.goto(site_url + address, wait_until="domcontentloaded")
        first = phone.evaluate(FIRST_NUMBER_JS)
        if not first or not first["tappable"]:
            missing.append((address, first))
        elif address.count("/") == 2:  # areas/<id>/: an area page
            area_tops[address] = first["top"]
    assert not missing, f"pages with no tappable number besides 999: {missing}"
    assert set(area_tops) == {urls.area(a.id) for a in SITE.areas}
    too_far = {a: top for a, top in area_tops.items() if top > 2 * PHONE["height"]}
    assert not too_far, f"first number more than two phone screens down: {too_far}"


def test_area_filter_with_no_match_says_who_to_call(phone, site_url):
    phone.goto(site_url + "areas/")
    none = phone.locator("[data-hsb-filter-none]")
    assert not none.is_visible()
    phone.fill("#area-filter", "Atlantis")
    status = phone.locator("[data-hsb-filter-status]")
    assert "No area matches" in status.inner_text()
    assert none.is_visible()
    assert none.locator('a[href^="tel:+44"]').first.is_visible()
    assert none.locator('a[href="https://www.gov.uk/report-child-abuse-to-local-council"]').is_visible()
    phone.fill("#area-filter", SITE.areas[0].name)
    assert not none.is_visible()


def test_contact_sheet_prints_whole(phone, site_url):
    area = max(SITE.areas, key=lambda a: len(a.contacts))
    phone.goto(site_url + urls.contact_sheet(area.id))
    phone.emulate_media(media="print")
    try:
        sheet = phone.locator(".hsb-sheet")
        for item in SITE.national:
            assert sheet.locator(".hsb-national__name", has_text=item.name).is_visible(), item.name
        printed = phone.locator(".hsb-sheet__printed").inner_text()
        assert site_url + urls.contact_sheet(area.id) in printed
        assert "____" not in printed  # the date was filled in
        for contact in area.contacts:
            assert phone.locator(f"#contact-{contact.id}").is_visible()
    finally:
        phone.emulate_media(media="screen")
