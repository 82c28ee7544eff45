"""WCAG 2.2 AA in a real browser: axe-core on every page of both trees, and on one page of every
template in its states (search results open, the 404 page) at desktop width and on a phone; skip links, headings, link names, visible focus and tap sizes.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from browser_fixtures import (browser, describe_violations, exit_url, focus_style,  # noqa: F401
                              focus_visible, folded, open_template, page_js, run_axe, site_model,
                              stub_other_hosts, template_pages)
from site_build import ROOT
from signpost.content import load_site
from signpost.render import urls

pytestmark = pytest.mark.browser

PAGES = template_pages(load_site(ROOT / "services"))
PAGE_IDS = [name for name, _ in PAGES]
MOBILE = {"width": 390, "height": 844}


def first_question(site) -> str:
    """The address of the first question node in the content."""
    return next(urls.node(p.area_id, p.id, n.id) for a in site.areas for p in a.pathways.values()
                for n in p.order() if n.type == "question")


def open_page(page, site_url, built_site, address):
    open_template(page, site_url, built_site, address)
    return page


# ---- axe-core --------------------------------------------------------------------------------


def test_axe_finds_nothing_on_any_page(browser, built_site, site_url):
    """Every page of both trees, not one per template: a table, a heading or a link that only one
    page has is checked too. The staff's form editor (admin/) is Decap CMS's own interface,
    checked in tests/test_admin_editor.py."""
    from signpost.site_check import built_pages
    context = browser.new_context()
    stub_other_hosts(context)
    page = context.new_page()
    problems, seen = [], 0
    try:
        for address in built_pages(built_site):
            if address.startswith("admin/"):
                continue
            page.goto(site_url + address)
            seen += 1
            violations = run_axe(page)
            if violations:
                problems.append(f"/{address}:\n{describe_violations(violations)}")
    finally:
        context.close()
    assert seen > 200, f"only {seen} pages were found in the built site"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name,address", PAGES, ids=PAGE_IDS)
def test_axe_finds_no_violations(page_js, site_url, built_site, name, address):
    open_page(page_js, site_url, built_site, address)
    violations = run_axe(page_js)
    assert not violations, f"axe-core on {name} ({page_js.url}):\n{describe_violations(violations)}"


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    stub_other_hosts(context)
    yield context.new_page()
    context.close()


PHONE_PAGES = [("home", ""), ("area blackpool", urls.area("blackpool"))]


@pytest.mark.parametrize("name,address", PHONE_PAGES, ids=[n for n, _ in PHONE_PAGES])
def test_axe_on_a_phone(phone_page, site_url, built_site, name, address):
    open_page(phone_page, site_url, built_site, address)
    violations = run_axe(phone_page)
    assert not violations, f"axe-core on {name} at 390px:\n{describe_violations(violations)}"
    # Nothing wider than the screen: no sideways scrolling to read a page (WCAG 1.4.10).
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], f"{name} is {width}px wide on a {MOBILE['width']}px screen"
    exit_box = phone_page.locator(".hsb-exit__button").bounding_box()
    assert exit_box and exit_box["x"] >= 0 and exit_box["x"] + exit_box["width"] <= MOBILE["width"], \
        f"the Exit this page button is not on the screen: {exit_box}"


# ---- skip links, headings, link names --------------------------------------------------------

HEADINGS_JS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')]
  .filter(h => h.checkVisibility({visibilityProperty: true}) && !h.closest('[aria-hidden=true]'))
  .map(h => ({level: h.getAttribute('aria-level') ? +h.getAttribute('aria-level') : +h.tagName[1],
              text: h.innerText.trim().slice(0, 80)}))"""


def heading_problems(headings: list[dict]) -> list[str]:
    problems = []
    h1s = [h for h in headings if h["level"] == 1]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 elements: {[h['text'] for h in h1s]}")
    previous = 0
    for h in headings:
        if h["level"] > previous + 1:
            problems.append(f"h{h['level']} {h['text']!r} follows h{previous}" if previous
                            else f"the first heading is h{h['level']} {h['text']!r}")
        previous = h["level"]
    return problems


def links_without_names(page) -> list[str]:
    """Links in the accessibility tree (as Chromium computes it) whose accessible name is empty."""
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
        nameless = []
        for node in tree:
            if node.get("ignored") or node.get("role", {}).get("value") != "link":
                continue
            if (node.get("name", {}).get("value") or "").strip():
                continue
            described = cdp.send("DOM.describeNode", {"backendNodeId": node["backendDOMNodeId"]})["node"]
            attributes = described.get("attributes", [])
            nameless.append(" ".join(f'{k}="{v}"' for k, v in zip(attributes[::2], attributes[1::2])))
        return nameless
    finally:
        cdp.detach()


@pytest.mark.parametrize("name,address", PAGES, ids=PAGE_IDS)
def test_page_structure(page_js, site_url, built_site, name, address, exit_url):
    page = open_page(page_js, site_url, built_site, address)
    if address.startswith("#search:"):
        page.keyboard.press("Escape")

    # Headings: one h1, and no level skipped.
    problems = heading_problems(page.evaluate(HEADINGS_JS))
    assert not problems, f"headings on {name}: " + "; ".join(problems)

    # Every link has a name a screen reader can say.
    nameless = links_without_names(page)
    assert not nameless, f"links with no accessible name on {name}: {nameless}"

    if address.startswith("#search:"):
        return  # the search box has focus; the skip links are checked on every other page
    # The skip link is the first thing Tab reaches, the exit link the second.
    page.keyboard.press("Tab")
    first = page.evaluate("({href: document.activeElement.getAttribute('href'), "
                          "text: document.activeElement.innerText.trim()})")
    assert first["href"] == "#main-content", f"the first Tab stop on {name} is {first}"
    page.keyboard.press("Tab")
    second = page.evaluate("({href: document.activeElement.getAttribute('href'), "
                           "text: document.activeElement.innerText.trim(), "
                           "exit: document.activeElement.hasAttribute('data-hsb-exit')})")
    assert second == {"href": exit_url, "text": "Exit this page", "exit": True}, \
        f"the second Tab stop on {name} is {second}"

    # Following the skip link puts the focus on the main content: the next Tab stays in it.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert page.evaluate("document.activeElement.closest('article') !== null"), \
        f"the skip link's target on {name} is not in the page content"
    page.keyboard.press("Tab")
    # The next stop is the first one after the content starts, not the navigation before it.
    assert page.evaluate("""() => {
        const target = document.getElementById('main-content'), now = document.activeElement;
        return now !== document.body &&
               !!(target.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""), f"after the skip link, Tab on {name} went to " + page.evaluate(
        "document.activeElement.outerHTML.slice(0, 120)")


class _Outline(HTMLParser):
    """Headings inside a built page's main content, as the HTML has them."""

    def __init__(self):
        super().__init__()
        self.headings: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = {"level": int(tag[1]), "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if self._open is not None and re.fullmatch(r"h[1-6]", tag):
            self._open["text"] = folded(self._open["text"])[:80]
            self.headings.append(self._open)
            self._open = None


def test_every_built_page_has_one_h1_and_no_skipped_heading_level(built_site):
    """The in-browser check above covers one page per template; this reads every built page."""
    problems = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        parser = _Outline()
        parser.feed(path.read_text("utf-8"))
        found = heading_problems(parser.headings)
        if found:
            problems.append(f"{path.relative_to(built_site)}: {'; '.join(found)}")
    assert not problems, "\n".join(problems)


# ---- focus and tap targets -------------------------------------------------------------------

@pytest.mark.parametrize("address", ["", "NODE"], ids=["home", "question node"])
def test_focus_is_visible_on_every_tab_stop(page_js, site_url, site_model, address):
    if address == "NODE":
        address = first_question(site_model)
    page_js.goto(site_url + address)
    seen, invisible = [], []
    for _ in range(400):
        page_js.keyboard.press("Tab")
        style = focus_style(page_js)
        if style is None:
            continue
        key = page_js.evaluate("(() => { const e = document.activeElement; "
                               "return e.outerHTML.slice(0, 100) + [...document.querySelectorAll('*')].indexOf(e); })()")
        if seen and key == seen[0]:
            break  # round the page and back to the first stop
        seen.append(key)
        if not focus_visible(style):
            invisible.append(style)
    assert len(seen) > 5
    assert not invisible, f"focus is not visible on {len(invisible)} stop(s): {invisible}"


TARGETS_JS = """sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)
  .map(e => { const r = e.getBoundingClientRect();
              return {what: e.outerHTML.slice(0, 90), width: r.width, height: r.height}; })"""


def small_targets(page, selector: str) -> list[dict]:
    return [t for t in page.evaluate(TARGETS_JS, selector) if t["width"] < 24 or t["height"] < 24]


def test_tap_targets_are_at_least_24px(browser, site_url, site_model):
    question = first_question(site_model)
    with_checklist = [urls.area(a.id) for a in site_model.areas if a.referral_criteria]
    assert with_checklist, "no area has referral criteria to tick off"
    checks = [(question, ".hsb-options a"), (question, ".hsb-exit__button"), ("", ".hsb-exit__button")]
    checks += [(address, ".hsb-checklist input") for address in with_checklist]
    for viewport in ({"width": 1280, "height": 800}, MOBILE):
        context = browser.new_context(viewport=viewport)
        stub_other_hosts(context)
        page = context.new_page()
        try:
            for address, selector in checks:
                page.goto(site_url + address)
                assert page.evaluate(TARGETS_JS, selector), f"nothing matches {selector} on /{address}"
                small = small_targets(page, selector)
                assert not small, f"targets under 24×24px at {viewport['width']}px on /{address}: {small}"
        finally:
            context.close()
