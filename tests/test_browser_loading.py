"""What a page loads, and when: every template loads with no policy violation and no script error;
the theme's script and the search index wait until the reader opens search; the cut-down theme
stylesheet styles every element exactly as the theme's whole stylesheet does, with JavaScript
on and off; and with JavaScript off every template is still axe-clean.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import material
from browser_fixtures import (browser, describe_violations, open_template, page_js,  # noqa: F401
                              page_nojs, run_axe, stub_other_hosts, template_pages)
from site_build import ROOT
from signpost.content import load_site

pytestmark = pytest.mark.browser

PAGES = template_pages(load_site(ROOT / "services"))
PAGE_IDS = [name for name, _ in PAGES]
STATIC_PAGES = [(n, a) for n, a in PAGES if not a.startswith("#search")]
# One page of each template for the style comparison (template_pages() lists every area page).
_AREAS = [n for n, _ in STATIC_PAGES if n.startswith("area ") and n != "area index"]
STYLE_PAGES = [(n, a) for n, a in STATIC_PAGES if a != "#404" and (n not in _AREAS or n == _AREAS[0])]
THEME_STYLES = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
THEME_SCRIPT = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")

# Records every content-security-policy violation, from the first moment of the page.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""


def watch(page) -> dict:
    seen = {"errors": [], "requests": []}
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(f"uncaught: {e}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    return seen


@pytest.mark.parametrize("name,address", PAGES, ids=PAGE_IDS)
def test_every_template_loads_with_no_policy_violation_or_script_error(page_js, site_url, built_site,
                                                                       name, address):
    seen = watch(page_js)
    open_template(page_js, site_url, built_site, address)
    page_js.wait_for_load_state("load")
    page_js.wait_for_timeout(200)
    errors = seen["errors"]
    if address == "#404":  # the browser reports the page's own 404 status as an error
        errors = [e for e in errors if "404" not in e]
    violations = page_js.evaluate("window.__violations")
    assert not violations, f"{name}: the content security policy blocked:\n" + "\n".join(violations)
    assert not errors, f"{name}: errors in the console:\n" + "\n".join(errors)
    # The site's search is Pagefind on its own page: no template needs the theme's script.
    theme_script = [u for u in seen["requests"] if THEME_SCRIPT.search(u)]
    assert not theme_script, f"{name}: the page fetched the theme's script: {theme_script}"


def test_the_themes_search_keys_take_nothing_on_a_page_without_its_search(page_js, site_url):
    """/, s and f open the theme's search where a page has it; here they must stay the reader's."""
    seen = watch(page_js)
    page_js.goto(site_url + "areas/")
    page_js.wait_for_load_state("load")
    taken = page_js.evaluate("""() => ['/', 's', 'f'].map(key => {
        const event = new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true});
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
    })""")
    page_js.wait_for_timeout(300)
    assert taken == [False, False, False]
    assert not [u for u in seen["requests"] if THEME_SCRIPT.search(u)]


# Every element's and pseudo-element's used style, for comparing two stylesheets.
COMPUTED_STYLES = """() => {
  const props = ['display', 'visibility', 'position', 'top', 'left', 'float', 'color', 'background-color',
    'background-image', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height',
    'text-decoration-line', 'text-align', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'width', 'height',
    'border-top-width', 'border-left-width', 'border-top-color', 'border-radius', 'opacity', 'overflow-x',
    'box-shadow', 'outline-style', 'z-index', 'transform', 'mask-image', '-webkit-mask-image', 'content'];
  const out = [];
  document.querySelectorAll('body *').forEach((el, i) => {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      out.push(`${i} ${el.tagName}.${el.className && el.className.baseVal === undefined ? el.className : ''}${pseudo || ''} `
               + props.map(p => `${p}=${s.getPropertyValue(p)}`).join(';'));
    }
  });
  return out;
}"""


def _styles(page, url: str, whole_theme: bool) -> list[str]:
    if whole_theme:
        def original(route):
            name = route.request.url.rsplit("/", 1)[1]
            route.fulfill(status=200, content_type="text/css", body=(THEME_STYLES / name).read_bytes())
        page.route(re.compile(r".*/assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$"), original)
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate(COMPUTED_STYLES)


@pytest.mark.parametrize("javascript", [False, True], ids=["javascript off", "javascript on"])
@pytest.mark.parametrize("name,address", STYLE_PAGES, ids=[n for n, _ in STYLE_PAGES])
def test_the_cut_down_theme_stylesheet_styles_every_element_as_the_whole_one(browser, site_url, name,
                                                                             address, javascript):
    styles = []
    for whole_theme in (False, True):
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
        stub_other_hosts(context)
        styles.append(_styles(context.new_page(), site_url + address, whole_theme))
        context.close()
    cut, whole = styles
    differing = [f"cut:   {a}\nwhole: {b}" for a, b in zip(cut, whole) if a != b]
    assert len(cut) == len(whole) and not differing, f"{name}: {len(differing)} styles differ:\n" + "\n".join(differing[:5])


_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_NOSCRIPT = re.compile(r"</?noscript>", re.I)


def as_without_javascript(html: str) -> str:
    """The page as a browser with JavaScript off shows it: no script runs (so the page keeps the
    theme's no-js mark) and what <noscript> holds is shown. axe-core is itself a script, so it
    needs JavaScript on in the browser; this gives it the page a reader without it would see."""
    return _NOSCRIPT.sub("", _SCRIPT.sub("", html))


@pytest.mark.parametrize("name,address", STATIC_PAGES, ids=[n for n, _ in STATIC_PAGES])
def test_every_template_is_axe_clean_without_javascript(page_js, site_url, built_site, name, address):
    path = "there-is-no-page-here/" if address == "#404" else address.split("?")[0].split("#")[0]
    local = built_site / "404.html" if address == "#404" else built_site / path / "index.html"
    url = site_url + ("there-is-no-page-here/" if address == "#404" else address)
    body = as_without_javascript(local.read_text("utf-8"))
    page_js.route(lambda u: u.split("?")[0] == site_url + path,
                  lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    page_js.goto(url)
    assert page_js.evaluate("document.documentElement.classList.contains('no-js')")
    assert not page_js.locator("script").count()
    violations = run_axe(page_js)
    assert not violations, f"axe-core on {name} without JavaScript:\n{describe_violations(violations)}"
