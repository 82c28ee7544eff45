"""Safety and privacy in a real browser: nothing fetched from other sites, no cookies, links out
that leak nothing, the quick exit (button, skip link and Shift ×3, with its visible count), one
history entry for the whole site so that Back after Exit leads away from it, saved contacts
that say nothing of what they are for, an exit button that covers no control, and content that
cannot run script."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml

from browser_fixtures import (SEARCH_PAGE, STUB_HTML, search_for, browser, exit_url, is_local, open_template,  # noqa: F401
                              page_js, page_nojs, site_model, stub_other_hosts, template_pages)
from site_build import ROOT, build_site, serve
from signpost.content import load_site
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
        assert any("/pagefind/" in url and url.endswith(".pf_index") for _, url in requests), \
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
    assert not page.url.startswith(site_url), f"Back returned to the site: {page.url}"


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


# ---- one history entry: Back after Exit leads away from the site ---------------------------

ELSEWHERE = "https://search.example/"  # the page the tab showed before the reader came here


def _arrive_from_elsewhere(page, site_url):
    """The tab shows another site first (a search engine, say); the reader then comes here."""
    page.route(ELSEWHERE, lambda route: route.fulfill(
        status=200, content_type="text/html", body=STUB_HTML.replace("Stub page", "Somewhere else")))
    page.goto(ELSEWHERE)
    page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.textContent = 'go';"
                  " document.body.append(a); a.click(); }", site_url)
    page.wait_for_url(site_url)


def _click_and_wait(page, locator, url_part):
    locator.first.click()
    page.wait_for_url(re.compile(re.escape(url_part) + "$"))
    page.wait_for_load_state("load")


AREA_READ = urls.families("bath-and-north-east-somerset")  # the parents' guide links to it


def _read_three_pages_then_exit(page, site_url, exit_url):
    """Home → Parents and carers (the theme's navigation) → an area page → Exit this page."""
    _click_and_wait(page, page.locator(".md-nav--primary a.md-nav__link[href$='parents/']"), "/parents/")
    _click_and_wait(page, page.locator(f"article a[href$='{AREA_READ}']"), "/" + AREA_READ)
    page.locator(".hsb-exit__button").click()
    page.wait_for_url(exit_url)


def _back_three_times(page) -> list[str]:
    shown = []
    for _ in range(3):
        page.go_back(wait_until="load")
        shown.append(page.url)
    return shown


def test_back_after_exit_never_shows_a_page_of_the_site(page_js, site_url, exit_url):
    page = page_js
    _arrive_from_elsewhere(page, site_url)
    entries = page.evaluate("history.length")
    _read_three_pages_then_exit(page, site_url, exit_url)
    assert page.evaluate("history.length") == entries, \
        "moving between the site's pages or exiting added history entries"
    shown = _back_three_times(page)
    assert not [url for url in shown if url.startswith(site_url)], f"Back showed the site: {shown}"
    assert shown[0] == ELSEWHERE, f"the first Back went to {shown[0]}, not the page before the site"


def test_every_way_of_moving_inside_the_site_keeps_one_entry(page_js, site_url, site_model):
    """Search results, breadcrumbs, pathway answers and Back links, and links within a page."""
    page = page_js
    _arrive_from_elsewhere(page, site_url)
    entries = page.evaluate("history.length")
    page.locator("a.hsb-search-link").click()  # the header's link to the search page
    page.wait_for_url(site_url + SEARCH_PAGE)
    search_for(page, "Blackpool")
    page.locator(".hsb-search__result a").first.click()
    page.wait_for_url(re.compile(re.escape(site_url) + r"areas/blackpool/.*"))
    pathway = site_model.area("blackpool").pathways["sexually-harmful-behaviour"]
    page.goto(site_url + urls.node("blackpool", pathway.id, pathway.start))  # typed in: a new entry
    entries += 1
    page.locator(".hsb-options a").first.click()
    page.wait_for_load_state("load")
    page.locator("a[data-hsb-back]").click()
    page.wait_for_url(site_url + urls.node("blackpool", pathway.id, pathway.start))
    page.locator(".hsb-breadcrumbs a").nth(1).click()
    page.wait_for_url(site_url + urls.area("blackpool"))
    page.locator(".hsb-contents a[href^='#']").first.click()  # a link to a part of the page
    page.wait_for_load_state("load")
    assert "#" in page.url
    assert page.evaluate("history.length") == entries, "a move inside the site added a history entry"


def test_new_tabs_and_downloads_are_left_to_the_browser(page_js, site_url):
    page = page_js
    page.goto(site_url + urls.area("bath-and-north-east-somerset"))
    entries = page.evaluate("history.length")
    with page.expect_download() as download:
        page.locator("a.hsb-card__vcard").first.click()
    assert download.value.suggested_filename.endswith(".vcf")
    with page.context.expect_page() as new_tab:
        page.locator(".md-nav--primary a[href$='solihull/']").first.click(modifiers=["Control"])
    new_tab.value.close()
    assert page.url == site_url + urls.area("bath-and-north-east-somerset")
    assert page.evaluate("history.length") == entries


def test_without_javascript_back_shows_what_the_cover_your_tracks_page_says(page_nojs, site_url, exit_url):
    page = page_nojs
    _page_says = page_nojs.context.new_page()
    _page_says.goto(site_url + "cover-your-tracks/")
    says = _page_says.locator("#back-without-javascript").inner_text()
    assert "shows the page you left, and then the other pages of this site you read" in " ".join(says.split())
    _page_says.close()
    _arrive_from_elsewhere(page, site_url)
    # Every page says it too, near the top, while JavaScript is off.
    banner = page.locator("[data-hsb-nojs-back]")
    assert banner.is_visible() and "Back button shows this page again" in banner.inner_text()
    _read_three_pages_then_exit(page, site_url, exit_url)
    shown = _back_three_times(page)
    # The page left, then the other pages read in this tab, newest first.
    assert shown == [site_url + AREA_READ, site_url + "parents/", site_url], shown


def test_with_javascript_the_page_says_back_leads_away(page_js, site_url):
    page = page_js
    page.goto(site_url + "cover-your-tracks/")
    says = " ".join(page.locator("#back-with-javascript").inner_text().split())
    assert "the tab only ever holds one page of this site" in says
    assert "not to a page of this site" in says
    assert not page.locator("[data-hsb-nojs-back]").is_visible()


@pytest.fixture(scope="module")
def normal_history_site(tmp_path_factory):
    """The site built with extra.one_history_entry and extra.neutral_contact_cards off."""
    out = tmp_path_factory.mktemp("normal-history") / "site"
    result = build_site(out, extra={"one_history_entry": False, "neutral_contact_cards": False})
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    with serve(out) as url:
        yield url, out


def test_the_setting_gives_normal_history_and_the_page_says_so(page_js, normal_history_site, exit_url):
    site_url, out = normal_history_site
    page = page_js
    _arrive_from_elsewhere(page, site_url)
    _read_three_pages_then_exit(page, site_url, exit_url)
    shown = _back_three_times(page)
    # Exit replaced the page it left; the pages before it are still there.
    assert shown == [site_url + "parents/", site_url, ELSEWHERE], shown
    page.goto(site_url + "cover-your-tracks/")
    says = " ".join(page.locator("#back-with-javascript").inner_text().split())
    assert "does show the other pages of this site you read before it" in says
    assert "one page of this site" not in page.content()
    # And the full contact cards, when asked for.
    cards = list(out.rglob("*.vcf"))
    assert cards and any("TITLE:Consultation for harmful sexual behaviour" in c.read_text("utf-8") for c in cards)


# ---- the visible Shift count --------------------------------------------------------------------

LIT_JS = """el => [...el.children].filter(dot =>
    getComputedStyle(dot).backgroundColor === 'rgb(255, 255, 255)' && dot.getClientRects().length).length"""


def test_each_shift_press_shows_on_the_button(page_js, site_url):
    page = page_js
    page.goto(site_url + urls.area("blackpool"))
    count = page.locator("[data-hsb-exit-count]")
    button = page.locator(".hsb-exit__button")
    assert not count.is_visible(), "the count shows before any Shift press"
    for presses in (1, 2):
        page.keyboard.press("Shift")
        assert count.is_visible(), f"nothing visible after {presses} Shift press(es)"
        assert count.evaluate(LIT_JS) == presses, f"{count.evaluate(LIT_JS)} dots lit after {presses} presses"
        assert f"press {3 - presses} more time" in _status(page)  # the live region as well
        inner, outer = count.bounding_box(), button.bounding_box()
        assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        assert outer["y"] <= inner["y"] and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    # The button's name stays "Exit this page": the dots are for the eye only.
    assert page.get_by_role("button", name="Exit this page", exact=True).count() == 1
    page.keyboard.press("a")  # another key: the count starts again, and the dots go
    assert not count.is_visible()


# ---- saved contacts ---------------------------------------------------------------------------

SENSITIVE = re.compile(r"harmful|sexual|\bhsb\b|abuse|offend", re.IGNORECASE)


def test_saved_contacts_and_their_files_say_nothing_of_what_they_are_for(page_js, site_url, built_site, tmp_path):
    page = page_js
    page.goto(site_url + urls.area("bath-and-north-east-somerset"))
    links = page.locator("a.hsb-card__vcard")
    assert links.count() >= 2
    for i in range(links.count()):
        link = links.nth(i)
        note = page.locator("#" + link.get_attribute("aria-describedby"))
        # The warning sits next to the link, on its own line, and names the saved contact.
        assert note.is_visible()
        text = note.inner_text()
        assert "stay on this phone" in text and "downloaded file" in text, text
        saved_as = re.search(r"Saved as “([^”]+)”", text).group(1)
        assert not SENSITIVE.search(saved_as), saved_as
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert re.fullmatch(r"contact-[0-9a-f]{10}\.vcf", download.suggested_filename), download.suggested_filename
        card = (tmp_path / download.suggested_filename)
        download.save_as(card)
        body = card.read_text("utf-8")
        assert not SENSITIVE.search(body), body
        assert f"FN:{saved_as}" in body
        assert "TEL" in body
    # Every card the build wrote, not only these.
    for card in built_site.rglob("*.vcf"):
        assert not SENSITIVE.search(card.name + card.read_text("utf-8")), card


# ---- the exit button covers no control -------------------------------------------------------

CONTROLS = ("a[href], button, input, select, textarea, summary, label[for], [role=button], "
            "[tabindex]:not([tabindex='-1'])")

# For every control whose box meets the exit button's: is it the one the reader would reach at
# some point of that overlap if the button were not there? Then the button covers it. A backdrop
# that fills the screen (the theme's search overlay, which closes the search) is not counted.
COVERED_JS = """([selector]) => {
  const exit = document.querySelector('.hsb-exit');
  const button = exit.querySelector('.hsb-exit__button').getBoundingClientRect();
  const covered = [];
  exit.style.visibility = 'hidden';
  try {
    for (const el of document.querySelectorAll(selector)) {
      if (exit.contains(el) || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
      const box = el.getBoundingClientRect();
      if (box.width >= innerWidth * 0.9 && box.height >= innerHeight * 0.9) continue;
      for (const r of el.getClientRects()) {
        const left = Math.max(r.left, button.left), right = Math.min(r.right, button.right);
        const top = Math.max(r.top, button.top), bottom = Math.min(r.bottom, button.bottom);
        if (right - left < 1 || bottom - top < 1) continue;
        let hit = false;
        for (let i = 0; i <= 4 && !hit; i++) for (let j = 0; j <= 4 && !hit; j++) {
          const at = document.elementFromPoint(left + (right - left) * i / 4 - (i === 4 ? 0.5 : 0),
                                               top + (bottom - top) * j / 4 - (j === 4 ? 0.5 : 0));
          hit = !!at && (el === at || el.contains(at));
        }
        if (hit) { covered.push(el.outerHTML.slice(0, 120)); break; }
      }
    }
  } finally { exit.style.visibility = ''; }
  return covered;
}"""


def _open_search(page, width):
    """The header's search link, then a search typed on the search page."""
    page.locator("a.hsb-search-link").click()
    page.wait_for_url(re.compile(re.escape(SEARCH_PAGE) + "$"))
    assert search_for(page, "Blackpool")


@pytest.mark.parametrize("width,height", [(320, 640), (390, 844), (1280, 800)], ids=["320", "390", "1280"])
def test_the_exit_button_covers_no_control(browser, site_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    stub_other_hosts(context)
    page = context.new_page()
    try:
        checked = []
        for address in ("", urls.area("blackpool")):
            page.goto(site_url + address)
            for state in ("top", "scrolled", "search open"):
                if state == "scrolled":
                    page.evaluate("window.scrollTo(0, 700)")
                    page.wait_for_timeout(100)
                elif state == "search open":
                    page.evaluate("window.scrollTo(0, 0)")
                    _open_search(page, width)
                covered = page.evaluate(COVERED_JS, [CONTROLS])
                assert not covered, f"at {width}px on /{address} ({state}) the exit button covers {covered}"
                checked.append(state)
            # The search field itself, open: the whole field and its clear button are clear.
            field = page.locator("#hsb-search-input").bounding_box()
            button = page.locator(".hsb-exit__button").bounding_box()
            apart = (field["x"] + field["width"] <= button["x"] or field["y"] >= button["y"] + button["height"]
                     or field["y"] + field["height"] <= button["y"])
            assert apart, f"at {width}px the search field {field} meets the exit button {button}"
            assert page.locator(".hsb-exit__button").is_visible()
        assert len(checked) == 6
    finally:
        context.close()


def test_the_search_and_every_dialog_have_a_name(page_js, site_url):
    page = page_js
    for address in ("", SEARCH_PAGE):
        page.goto(site_url + address)
        dialogs = page.locator("[role=dialog], [role=alertdialog], dialog")
        for i in range(dialogs.count()):
            assert (dialogs.nth(i).get_attribute("aria-label") or "").strip(), "a dialog has no accessible name"
    assert page.get_by_role("search", name="Site").count() == 1
    assert page.get_by_role("searchbox", name=re.compile("Search for a service")).count() == 1


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
        page.goto(hostile_site + SEARCH_PAGE)
        assert search_for(page, "Help in Blackpool")
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
