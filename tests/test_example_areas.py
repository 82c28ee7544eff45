"""Shapes the five bundled areas do not have, in three fictional areas written for the tests
(tests/fixtures/areas/): a monthly multi-agency forum, a front door with an out-of-hours line,
and a two-tier area. Each is validated, built into a real site and opened in Chromium like the
bundled areas: what the data says must show in its place on the area page, the printed contact
sheet, the who-to-call box, the saved contact and the open data.
"""
from __future__ import annotations

import dataclasses
import json

import pytest

from browser_fixtures import browser, describe_violations, run_axe, stub_other_hosts  # noqa: F401
from helpers_content import REPO, run_script, services_with_real_shared_files
from site_build import build_site, serve
from signpost.content import load_site, validate
from signpost.export.oruk import record_problems, services_for_area
from signpost.render import urls
from signpost.vcard import vcard

FIXTURES = REPO / "tests" / "fixtures" / "areas"
AREAS = ("fernmouth", "lowmere", "ashdale")


@pytest.fixture(scope="module")
def example_services(tmp_path_factory):
    """A services folder of the three example areas with the real national lines and glossary."""
    return services_with_real_shared_files(tmp_path_factory.mktemp("examples") / "services",
                                           [FIXTURES / f"{area}.yml" for area in AREAS])


@pytest.fixture(scope="module")
def site(example_services):
    return load_site(example_services)


@pytest.fixture(scope="module")
def built(example_services):
    out = example_services.parent / "site"
    result = build_site(out, example_services)
    assert result.returncode == 0, f"the example areas did not build:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def url(built):
    with serve(built) as base:
        yield base


def test_each_example_validates_with_no_problem_and_no_warning(example_services):
    warnings = []
    site, problems = validate(example_services, warnings=warnings)
    assert problems == [] and warnings == []
    assert {a.id for a in site.areas} == set(AREAS)


# --- the data model -----------------------------------------------------------------------------

def test_the_forum_is_a_panel_with_members_host_meeting_and_rule(site):
    forum = site.area("fernmouth").services[0]
    assert (forum.kind, forum.provider, forum.hosted_by) == ("panel", None, "Fernmouth Council Children's Services")
    assert len(forum.members) == 9 and forum.meets == "the third Tuesday of each month"
    assert forum.intake_rule.startswith("The forum is the only route for agreeing AIM assessments")


def test_a_route_that_stops_names_who_to_ask(site):
    route = site.area("fernmouth").referral_routes[0]
    assert route.document_stops and route.ask.id == "fernmouth-forum-coordinator"
    assert not site.area("lowmere").referral_routes[0].document_stops


# --- open data ----------------------------------------------------------------------------------

def _records(site, area_id):
    return {r["name"]: r for r in services_for_area(site.area(area_id), site)}


def test_a_panel_is_published_under_its_host_never_its_members(site):
    record = _records(site, "fernmouth")["HSB Consultation Forum"]
    assert record_problems(record) == []
    assert record["organization"]["name"] == "Fernmouth Council Children's Services"
    assert "Hosts a multi-agency panel" in record["organization"]["description"]
    assert record["schedules"][0]["description"] == "Meets: the third Tuesday of each month"
    assert record["application_process"].splitlines()[0].startswith("The forum is the only route")
    assert "The document does not say what happens next." in record["application_process"]
    assert "(by email): Never put the child's name in the subject line" in record["application_process"]
    assert "Members: Fernmouth Council Children's Services; Fernmouth Youth Justice Service" in record["description"]
    assert record["source"] == {
        "title": "Fernmouth protocol for children who display harmful sexual behaviour",
        "publisher": "Fernmouth Safeguarding Children Partnership", "date": "March 2026",
        "version": "2.1", "part_of": "Fernmouth Safeguarding Children Partnership procedures"}


def test_a_panel_with_no_host_is_published_under_the_partnership_or_no_organisation(site):
    area = site.area("fernmouth")
    forum = dataclasses.replace(area.services[0], hosted_by=None)
    with_partnership = dataclasses.replace(area, services=(forum,))
    record = services_for_area(with_partnership, dataclasses.replace(site, areas=(with_partnership,)))[0]
    assert record["organization"]["name"] == "Fernmouth Safeguarding Children Partnership"
    assert record_problems(record) == []
    alone = dataclasses.replace(with_partnership, partnership=None)
    record = services_for_area(alone, dataclasses.replace(site, areas=(alone,)))[0]
    assert "organization" not in record and "organization_id" not in record
    assert record_problems(record) == []
    published = json.dumps(record)
    for member in forum.members:  # no member agency became an organisation
        assert f'"name": "{member}"' not in published


def test_two_tier_services_keep_their_own_provider_and_coverage(site):
    records = _records(site, "ashdale")
    county, district = records["Ashdale HSB Team"], records["Kingsford Safer Spaces Project"]
    assert county["organization"]["name"] == "Ashdale County Council"
    assert district["organization"]["name"] == "Kingsford District Council"
    assert district["service_areas"][0]["service_area"] == "Kingsford district only"
    assert all(record_problems(r) == [] for r in records.values())


def test_a_front_door_says_so_in_the_open_data(site):
    record = _records(site, "lowmere")["Lowmere Multi-Agency Safeguarding Hub"]
    assert record["organization"]["name"] == "Lowmere Council"
    assert record["description"].endswith("A front door: the first place to go with a worry about a child.")


# --- saved contacts -----------------------------------------------------------------------------

def _unfolded(card: str) -> str:
    return card.replace("\r\n ", "")


def test_a_neutral_card_keeps_only_instructions_that_do_not_name_the_subject(site):
    coordinator = site.area("fernmouth").contacts[1]
    neutral, full = (_unfolded(vcard(coordinator, "Fernmouth", neutral=n)) for n in (True, False))
    assert "Send it by secure email." in neutral and "Never put the child's name" in neutral
    assert "HSB" not in neutral and "consultation" not in neutral.replace("consultation form", "")
    assert 'Write "HSB consultation" and the date' in full
    assert "When you email: Send the completed consultation form as an attachment." in full


def test_a_saved_card_puts_phone_and_email_instructions_beside_each(site):
    mash = site.area("lowmere").contacts[0]
    card = _unfolded(vcard(mash, "Lowmere"))
    assert "When you call: Ask for the duty social worker.\\nWhen you email: Use secure email for referrals." in card
    district = site.area("ashdale").contacts[1]
    assert "When you write" not in _unfolded(vcard(district, "Ashdale"))  # a neutral card has no address
    assert "When you write: Mark the envelope" in _unfolded(vcard(district, "Ashdale", neutral=False))


# --- the review report --------------------------------------------------------------------------

def test_the_review_report_lists_the_route_whose_document_stops(example_services):
    result = run_script("review_report.py", example_services, "--today", "2026-05-01", cwd=example_services.parent)
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("1 referral route where the document does not say what happens next", 1)[1]
    row = next(line for line in section.splitlines() if "fernmouth-forum-consultation" in line)
    assert "Email the form to the forum coordinator." in row
    assert "HSB Consultation Forum coordinator" in row


# --- in the browser -----------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    stub_other_hosts(context)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_the_forum_shows_its_shape_on_the_area_page(phone, url):
    phone.goto(url + urls.area("fernmouth"))
    service = phone.locator("section.hsb-service", has=phone.locator("#service-fernmouth-hsb-forum"))
    assert service.locator(".hsb-service__kind").inner_text() == "Multi-agency panel"
    facts = service.locator("dl.hsb-facts")
    assert facts.locator("dt", has_text="Provided by").count() == 0
    assert facts.locator("dt:text-is('Hosted by') + dd").inner_text() == "Fernmouth Council Children's Services"
    assert facts.locator("dt:text-is('Meets') + dd").inner_text() == "the third Tuesday of each month"
    assert "only route for agreeing AIM assessments" in service.locator(".hsb-service__rule").inner_text()
    members = service.locator("#service-fernmouth-hsb-forum-members + ul li").all_inner_texts()
    assert len(members) == 9 and members[-1] == "Fernmouth Probation Delivery Unit"
    # Said once where it belongs: not also labelled "Timescales" or hidden in the description.
    assert phone.locator("dt", has_text="Timescales").count() == 0
    stops = phone.locator("#route-fernmouth-forum-consultation").locator("xpath=..").locator(".hsb-route__stops")
    assert "The document does not say what happens next." in stops.inner_text()
    ask = stops.locator("a").first
    assert ask.get_attribute("href") == "#contact-fernmouth-forum-coordinator"
    assert stops.locator('a[href="mailto:hsb.forum@example.gov.uk"]').count() == 1
    provenance = phone.locator(".hsb-reviewed").inner_text()
    assert "version 2.1, dated March 2026, part of Fernmouth Safeguarding Children Partnership procedures" in provenance


@pytest.mark.browser
def test_instructions_sit_beside_the_email_on_the_printed_sheet(phone, url):
    phone.goto(url + urls.contact_sheet("fernmouth"))
    phone.emulate_media(media="print")
    card = phone.locator("section.hsb-card", has=phone.locator("#contact-fernmouth-forum-coordinator"))
    # The instructions are the <dd> straight after the email's, so they print beside it.
    after_email = card.locator("dd:has(a[href^='mailto:']) + dd.hsb-card__instructions")
    assert after_email.is_visible()
    text = after_email.inner_text()
    assert text.startswith("When you email:")
    assert "Never put the child's name in the subject line; use their initials." in text
    assert "Send it by secure email." in text


@pytest.mark.browser
def test_the_front_door_and_out_of_hours_line_lead_the_who_to_call_box(phone, url):
    phone.goto(url + urls.area("lowmere"))
    box = phone.locator("section.hsb-who").first
    lines = box.locator(".hsb-who__line")
    assert lines.count() == 2
    first = lines.nth(0)
    assert first.locator("a.hsb-who__phone").get_attribute("href") == "tel:+441134960456"
    assert first.locator(".hsb-who__instruction").inner_text() == "Ask for the duty social worker."
    assert lines.nth(1).locator("a.hsb-who__phone").get_attribute("href") == "tel:+441134960789"
    kind = phone.locator("section.hsb-service", has=phone.locator("#service-lowmere-mash-service"))
    assert kind.locator(".hsb-service__kind").inner_text().startswith("Front door")
    # Instructions for the phone sit under the phone on the card, the email's under the email.
    card = phone.locator("section.hsb-card", has=phone.locator("#contact-lowmere-mash"))
    assert card.locator("dd:has(a[href^='tel:']) + dd.hsb-card__instructions").inner_text() == \
        "When you call: Ask for the duty social worker."


@pytest.mark.browser
def test_two_tier_area_names_each_council_and_district(phone, url):
    phone.goto(url + urls.area("ashdale"))
    district = phone.locator("section.hsb-service", has=phone.locator("#service-ashdale-kingsford-safer-spaces"))
    assert district.locator("dt:text-is('Provided by') + dd").inner_text() == "Kingsford District Council"
    assert district.locator("dt:text-is('Covers') + dd").inner_text() == "Kingsford district only"
    card = phone.locator("section.hsb-card", has=phone.locator("#contact-ashdale-kingsford-community-safety"))
    assert card.locator("dd + dd.hsb-card__instructions").inner_text() == \
        'When you write or visit: Mark the envelope "Private and confidential".'
    phone.goto(url + "compare/")
    row = phone.locator("tr", has=phone.locator("th a", has_text="Ashdale"))
    assert "Ashdale County Council; Kingsford District Council" in row.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("address", [urls.area(a) for a in AREAS] + [urls.contact_sheet(a) for a in AREAS])
def test_example_pages_pass_axe_and_reflow_at_320(browser, url, address):
    for width, height in ((390, 844), (320, 640)):
        context = browser.new_context(viewport={"width": width, "height": height})
        stub_other_hosts(context)
        page = context.new_page()
        try:
            page.goto(url + address)
            if width == 390:  # axe once per page; the narrow width is for reflow
                violations = run_axe(page)
                assert not violations, f"{address} at {width}px:\n{describe_violations(violations)}"
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{address} scrolls sideways at {width}px ({scroll}px wide)"
        finally:
            context.close()


@pytest.mark.browser
def test_example_area_pages_work_without_javascript(browser, url):
    context = browser.new_context(java_script_enabled=False)
    stub_other_hosts(context)
    page = context.new_page()
    try:
        page.goto(url + urls.area("fernmouth"))
        assert page.locator(".hsb-route__stops").is_visible()
        page.locator(".hsb-route__stops a").first.click()
        assert page.url.endswith("#contact-fernmouth-forum-coordinator")
    finally:
        context.close()
