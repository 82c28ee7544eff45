"""Fixtures and helpers for the browser tests: one headless Chromium per test session.

    from browser_fixtures import browser, page_js, page_nojs, site_model, exit_url

Chromium is Debian's (/usr/bin/chromium, or $HSB_CHROMIUM); Playwright never downloads one.
Every context made here answers requests to other hosts itself (a stub page for the exit URL,
an abort for anything else), so no test can reach the real network; the safety tests, which
record requests, use their own contexts and assert none is made in the first place.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from site_build import ROOT, serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

STUB_HTML = "<!doctype html><html lang='en'><head><title>Stub</title></head><body><p>Stub page</p></body></html>"


@contextmanager
def page_on(site_dir: Path, width: int, height: int):
    """A Chromium page at width x height, for a site served from ``site_dir`` on loopback, with
    every other host stubbed; yields (base URL ending in '/', page). For the measuring scripts:
    the tests use the ``browser`` fixture."""
    from playwright.sync_api import sync_playwright
    with serve(site_dir) as base, sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(viewport={"width": width, "height": height})
            stub_other_hosts(context)
            yield base, context.new_page()
        finally:
            chromium.close()


def chromium_path() -> str | None:
    for candidate in (os.environ.get("HSB_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def configured_exit_url() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["exit_url"]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


def stub_other_hosts(context) -> None:
    """Requests to any host but the test server: the exit URL gets a stub page, the rest abort."""
    exit_host = urlsplit(configured_exit_url()).hostname

    def handle(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        elif urlsplit(url).hostname == exit_host:
            route.fulfill(status=200, content_type="text/html", body=STUB_HTML)
        else:
            route.abort()
    context.route("**/*", handle)


# ---- fixtures -------------------------------------------------------------------------------

_shared: dict = {}


def _stop_browser() -> None:
    if "playwright" in _shared:
        try:
            _shared.pop("browser").close()
        finally:
            _shared.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser(request):
    """One Chromium for the whole run. Test modules import this fixture, which makes pytest hold
    one session fixture per module: they all share the browser started by the first."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if "browser" not in _shared:
        executable = chromium_path()
        if executable is None:
            pytest.skip("Chromium is not installed (run `make chromium`)")
        playwright = sync_api.sync_playwright().start()
        try:
            _shared["browser"] = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception:
            playwright.stop()
            raise
        _shared["playwright"] = playwright
        request.config.add_cleanup(_stop_browser)
    return _shared["browser"]


def _page(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    stub_other_hosts(context)
    return context, context.new_page()


@pytest.fixture
def page_js(browser):
    context, page = _page(browser)
    yield page
    context.close()


@pytest.fixture
def page_nojs(browser):
    context, page = _page(browser, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_model(services_dir):
    from signpost.content import load_site
    return load_site(services_dir)


@pytest.fixture(scope="session")
def exit_url() -> str:
    return configured_exit_url()


# ---- helpers --------------------------------------------------------------------------------

def plain(text: str | None) -> str:
    """Content text as the page shows it: **bold** markers gone, whitespace folded."""
    from signpost.render.text import TextRenderer
    return TextRenderer({}).plain(text)


def folded(text: str) -> str:
    return " ".join(text.split())


def run_axe(page, context=None) -> list[dict]:
    """axe-core's violations on the page for the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices."""
    from axe_playwright_python.sync_playwright import Axe
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, context=context, options=options).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} <{v.get('helpUrl', '')}>")
        for node in v["nodes"][:10]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {folded(node.get('failureSummary') or '')}")
            lines.append(f"      {folded(node.get('html', ''))[:200]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


FOCUS_STYLE_JS = """el => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {outline: outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : null,
          shadow: shadow ? s.boxShadow : null,
          tag: el.tagName, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
          cls: el.className && el.className.baseVal === undefined ? el.className : ''};
}"""


def focus_style(page) -> dict | None:
    """The focused element's outline and box-shadow (None when the body has focus)."""
    handle = page.evaluate_handle("document.activeElement")
    element = handle.as_element()
    if element is None or element.evaluate("el => el === document.body"):
        return None
    return element.evaluate(FOCUS_STYLE_JS)


def focus_visible(style: dict | None) -> bool:
    return bool(style and (style["outline"] or style["shadow"]))


# ---- the pages the browser tests visit: one of each template ---------------------------------

def template_pages(site) -> list[tuple[str, str]]:
    """(name, site-relative address) for one page of each template, and every area page.

    Search results and the 404 page need more than a visit; see open_template()."""
    from signpost.render import urls
    pages = [("home", ""), ("parents", "parents/"), ("professionals", "professionals/"),
             ("area index", "areas/")]
    pages += [(f"area {a.id}", urls.area(a.id)) for a in site.areas]
    with_contacts = max(site.areas, key=lambda a: len(a.contacts))
    pages.append((f"contact sheet {with_contacts.id}", urls.contact_sheet(with_contacts.id)))
    pathways = [p for a in site.areas for p in a.pathways.values()]
    first = pathways[0]
    pages.append((f"pathway overview {first.area_id}/{first.id}", urls.pathway(first.area_id, first.id)))
    nodes = [(p, n) for p in pathways for n in p.order()]

    def pick(kind, prefer):
        of_kind = [(p, n) for p, n in nodes if n.type == kind]
        return next(((p, n) for p, n in of_kind if prefer(p, n)), of_kind[0])

    for kind, prefer in (("question", lambda p, n: True),
                         ("step", lambda p, n: n.contacts and n.timescale or n.contacts),
                         ("outcome", lambda p, n: n.contacts),
                         ("step", lambda p, n: len(p.parents(n.id)) > 1)):
        p, n = pick(kind, prefer)
        name = "pathway merge node" if len(p.parents(n.id)) > 1 and kind == "step" else f"pathway {kind} node"
        pages.append((f"{name} {p.area_id}/{p.id}/{n.id}", urls.node(p.area_id, p.id, n.id)))
    # A process of several stages, and an outcome whose terms link to the glossary.
    p, page_id = next((p, page_id) for p in pathways for page_id, stages in p.pages.stages.items()
                      if len(stages) > 1)
    pages.append((f"pathway process {p.area_id}/{p.id}/{page_id}", urls.node(p.area_id, p.id, page_id)))
    p, n = next(((p, n) for p, n in nodes if n.type == "outcome" and n.actions), nodes[-1])
    pages.append((f"pathway outcome list {p.area_id}/{p.id}/{n.id}", urls.node(p.area_id, p.id, n.id)))
    # Report pages as reached from a step (the query names it) and from a hand-written page.
    p, n = nodes[0]
    pages.append((f"report a problem {p.area_id}",
                  f"areas/{p.area_id}/report-a-problem/?page={urls.node(p.area_id, p.id, n.id)}"
                  f"&record=services/{p.area_id}.yml%23pathways.{p.id}.nodes.{n.id}"))
    pages.append(("report a problem site-wide", "report-a-problem/?page=parents/&record=docs/parents.md"))
    pages += [("glossary", "glossary/"), ("accessibility statement", "accessibility/"),
              ("cover your tracks", "cover-your-tracks/"), ("editors", "editors/"),
              ("components", "components/"),
              ("search results", "#search:Blackpool"), ("404", "#404")]
    return pages


SEARCH_PAGE = "search/"


def search_for(page, words: str) -> list[str]:
    """Type words into the search box on the open search page, key by key as a person types,
    wait for the answer and return the results' addresses, best first."""
    box = page.locator("#hsb-search-input")
    box.click()
    box.fill("")
    box.press_sequentially(words)
    page.wait_for_function(
        "words => document.querySelector('[data-hsb-search-status]').textContent.includes(words)",
        arg=words.strip(), timeout=20000)
    return page.locator(".hsb-search__result a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def open_template(page, site_url: str, built_site: Path, address: str) -> None:
    """Open one of template_pages(): search results are typed into the search box, and the 404
    page is what a host serving the built 404.html answers for an address that does not exist."""
    if address.startswith("#search:"):
        page.goto(site_url + SEARCH_PAGE)
        assert search_for(page, address.split(":", 1)[1]), f"no search results for {address}"
        return
    if address == "#404":
        missing = site_url + "there-is-no-page-here/"
        body = (built_site / "404.html").read_bytes()
        page.route(missing, lambda route: route.fulfill(status=404, content_type="text/html", body=body))
        response = page.goto(missing)
        assert response.status == 404
        return
    response = page.goto(site_url + address)
    assert response is not None and response.status == 200, f"{address}: HTTP {response and response.status}"
