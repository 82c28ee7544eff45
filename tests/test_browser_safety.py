"""Safety and privacy in a real browser: nothing fetched from other sites, no cookies, links out
that leak nothing, the quick exit (button, skip link and Shift ×3) and content that cannot run
script."""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml

from browser_fixtures import (browser, exit_url, is_local, open_template, page_js,  # noqa: F401
                              page_nojs, site_model, stub_other_hosts, template_pages)
from site_build import ROOT, build_site, serve
from signpost.catalogue import load_site
from signpost.render import urls

pytestmark = pytest.mark.browser

PAGES = template_pages(load_site(ROOT / "services"))


# ---- requests, cookies and storage ------------------------------------------------------------

def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, site_url, built_site):
    context = browser.new_context()
    requests: list[tuple[str, str]] = []
    context.on("request", lambda r: requests.append((page_name[0], r.url)))
    stub_other_hosts(context)  # recorded first; anything that tried to leave is then stopped
    page = context.new_page()
    page_name = [""]
    try:
        for name, address in PAGES:
            page_name[0] = name
            open_template(page, site_url, built_site, address)
            page.wait_for_load_state("networkidle")
        leaving = [f"{name}: {url}" for name, url in requests if not is_local(url)]
        assert not leaving, "requests to other hosts:\n" + "\n".join(leaving)
        assert len(requests) > len(PAGES), "no requests were recorded"
        assert any(url.endswith("search_index.json") for _, url in requests), \
            "the search results were not loaded from the site itself"
        assert context.cookies() == [], f"cookies were set: {context.cookies()}"
        assert page.evaluate("document.cookie") == ""
        # Nor anything else a later user of a shared device could find.
        assert context.storage_state()["origins"] == [], f"local storage was written: {context.storage_state()}"
        assert page.evaluate("sessionStorage.length") == 0, "session storage was written"
    finally:
        context.close()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "area"):
            self.links.append(dict(attrs))


def test_every_link_to_another_site_sends_nothing_back(built_site):
    """rel="noopener noreferrer" on every link to another host, in every built page."""
    problems, outside = [], 0
    for path in sorted(built_site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text("utf-8"))
        for attrs in parser.links:
            href = (attrs.get("href") or "").strip()
            parts = urlsplit(href)
            if parts.scheme in ("tel", "mailto", "") and not href.startswith("//"):
                continue  # a phone number, an email, or a page of this site
            outside += 1
            rel = (attrs.get("rel") or "").split()
            if not {"noopener", "noreferrer"} <= set(rel):
                problems.append(f"{path.relative_to(built_site)}: {href} rel={attrs.get('rel')!r}")
    assert outside > 0, "no link to another site was found: the scan is not reading the pages"
    assert not problems, f"{len(problems)} link(s) out without noopener noreferrer:\n" + "\n".join(problems[:50])


# ---- quick exit -----------------------------------------------------------------------------

def _open_with_history(page, site_url, address):
    """Visit the home page, then follow a link to ``address``, so there is a page to go back to."""
    page.goto(site_url)
    page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.textContent = 'go';"
                  " document.body.append(a); a.click(); }", site_url + address)
    page.wait_for_url(site_url + address)
    page.wait_for_load_state("load")
    return site_url + address


def _status(page) -> str:
    return page.locator("[data-hsb-exit-status]").text_content() or ""


def test_shift_three_times_exits_and_back_does_not_return(page_js, site_url, exit_url):
    page = page_js
    here = _open_with_history(page, site_url, urls.area("blackpool"))
    page.keyboard.press("Shift")
    assert "press 2 more times" in _status(page)
    page.keyboard.press("Shift")
    assert "press 1 more time" in _status(page)
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)
    assert page.content().find("Stub page") != -1
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url != here, "Back returned to the page the reader exited from"
    assert page.url in (site_url, exit_url)


def test_shift_with_another_key_does_not_count(page_js, site_url, exit_url):
    page = page_js
    here = _open_with_history(page, site_url, urls.area("blackpool"))
    for _ in range(3):
        page.keyboard.press("Shift+A")
    # Shift alone, then a capital letter: the count starts again, so two more are not enough.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+B")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(500)
    assert page.url == here, f"typing capitals left the page for {page.url}"
    assert "press 1 more time" in _status(page)
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


def test_shift_with_ctrl_or_alt_does_not_count(page_js, site_url):
    """Ctrl+Shift and Alt+Shift switch keyboard layouts; they must never exit."""
    page = page_js
    here = _open_with_history(page, site_url, urls.area("blackpool"))
    for modifier in ("Control", "Alt"):
        page.keyboard.down(modifier)
        for _ in range(3):
            page.keyboard.press("Shift")
        page.keyboard.up(modifier)
    page.wait_for_timeout(500)
    assert page.url == here, f"a layout switch left the page for {page.url}"


@pytest.mark.parametrize("selector", [".hsb-exit__button", "a.hsb-skip--exit"], ids=["button", "skip link"])
def test_exit_control_replaces_the_page_at_once(page_js, site_url, exit_url, selector):
    page = page_js
    here = _open_with_history(page, site_url, urls.area("blackpool"))
    length = page.evaluate("history.length")
    if selector == "a.hsb-skip--exit":
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('a.hsb-skip--exit')")
        page.keyboard.press("Enter")
    else:
        page.locator(selector).click()
    page.wait_for_url(exit_url)
    assert page.evaluate("history.length") == length, \
        "the exit added a history entry: location.replace was not used"
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url != here, "Back returned to the page the reader exited from"


def test_exit_forgets_the_pathway_answers(page_js, site_url, exit_url, site_model):
    """The answers kept in this tab for a pathway's summary go when the reader exits, so a
    later reader of the same tab finds nothing."""
    page = page_js
    pathway = site_model.area("blackpool").pathways["sexually-harmful-behaviour"]
    page.goto(site_url + urls.node("blackpool", pathway.id, pathway.start))
    with page.expect_navigation():
        page.locator("a.hsb-option").first.click()
    assert page.evaluate("sessionStorage.length") == 1, "the answer was not kept for the summary"
    page.locator(".hsb-exit__button").click()
    page.wait_for_url(exit_url)
    page.goto(site_url)
    assert page.evaluate("sessionStorage.length") == 0, "answers outlived Exit this page"


def test_exit_button_is_a_plain_link_without_javascript(page_nojs, site_url, exit_url):
    page = page_nojs
    page.goto(site_url + urls.area("blackpool"))
    button = page.locator(".hsb-exit__button")
    assert button.get_attribute("href") == exit_url
    assert button.is_visible()
    button.click()
    page.wait_for_url(exit_url)
    assert "Stub page" in page.content()


# ---- content cannot run script -------------------------------------------------------------

PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built from a copy of services/ whose Blackpool summary carries script."""
    root = tmp_path_factory.mktemp("hostile")
    services = root / "services"
    shutil.copytree(ROOT / "services", services)
    path = services / "blackpool.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["summary"] = f"Help in Blackpool. {PAYLOAD}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    out = root / "site"
    result = build_site(out, services)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    with serve(out) as url:
        yield url


@pytest.mark.parametrize("address", [urls.area("blackpool"), "areas/", "#search:pwned"],
                         ids=["area page", "area index", "search results"])
def test_script_in_content_shows_as_text(page_js, hostile_site, address):
    page = page_js
    if address.startswith("#search:"):
        page.goto(hostile_site)
        box = page.locator("input.md-search__input")
        box.click()
        box.type("Help in Blackpool")
        page.locator(".md-search-result__item").first.wait_for(state="visible")
    else:
        page.goto(hostile_site + address)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined", "script from the content ran"
    assert page.locator("script:not([src])").filter(has_text="__pwned").count() == 0
    assert page.locator("img[src='x']").count() == 0
    if address == urls.area("blackpool"):
        lead = page.locator(".hsb-lead")
        assert "<script>window.__pwned=1</script>" in lead.inner_text()
        assert lead.is_visible()
        # The page description carries the same text, as text.
        assert PAYLOAD in page.locator('meta[name="description"]').get_attribute("content")
