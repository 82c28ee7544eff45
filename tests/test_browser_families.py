"""The guide for parents and carers and the families' pages, on a phone in real Chromium:
each guide page at most about four screens at 390x844, no sideways scroll at 320 px, axe-core
clean (best-practice rules included), and "What the document says" opens from the keyboard
without JavaScript."""
from __future__ import annotations

import pytest

from browser_fixtures import (AXE_TAGS, browser, describe_violations, page_js,  # noqa: F401
                              page_nojs, stub_other_hosts)
from site_build import ROOT
from signpost.content import load_site
from signpost.render import urls

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENS = 4
GUIDE = ["parents/", "parents/is-this-normal/", "parents/if-you-are-worried/", "parents/who-to-call/",
         "parents/what-happens/", "parents/who-will-know/", "parents/looking-after-yourself/",
         "parents/if-your-child-has-been-harmed/"]
FAMILIES = [urls.families(a.id) for a in load_site(ROOT / "services").areas if a.families]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    stub_other_hosts(context)
    yield context.new_page()
    context.close()


def axe(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS + ["best-practice"]},
               "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


@pytest.mark.parametrize("address", GUIDE)
def test_guide_page_is_at_most_four_phone_screens_and_axe_clean(phone, site_url, address):
    phone.goto(site_url + address)
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height <= SCREENS * PHONE["height"], \
        f"{address} is {height / PHONE['height']:.1f} screens at 390x844 (at most {SCREENS})"
    violations = axe(phone)
    assert not violations, f"axe-core on {address}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("address", FAMILIES)
def test_families_page_is_axe_clean_and_reflows_at_320(phone, site_url, address):
    phone.goto(site_url + address)
    violations = axe(phone)
    assert not violations, f"axe-core on {address}:\n{describe_violations(violations)}"
    phone.set_viewport_size({"width": 320, "height": 640})
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320, f"{address} scrolls sideways"


def test_what_the_document_says_opens_from_the_keyboard_without_javascript(page_nojs, site_url):
    page_nojs.goto(site_url + FAMILIES[0])
    first = page_nojs.locator("details.hsb-source").first
    quote = first.locator("blockquote")
    assert not quote.is_visible()
    first.locator("summary").focus()
    page_nojs.keyboard.press("Enter")
    assert quote.is_visible()
