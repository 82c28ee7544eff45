"""Reflow (WCAG 2.2, 1.4.10): every page of the built site at 320 x 640 CSS px, the width of
the narrowest phone, with nothing to scroll sideways and Exit this page on the screen.
"""
from __future__ import annotations

import pytest

from signpost.site_check import built_pages
from browser_fixtures import browser, site_model, stub_other_hosts  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}

FIT_JS = """() => {
  const exit = document.querySelector('.hsb-exit__button');
  const box = exit ? exit.getBoundingClientRect() : null;
  // What sticks out: elements whose right edge passes the screen, outside any region that
  // scrolls on its own (a wide table or diagram inside a focusable region is allowed).
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= window.innerWidth + 0.5) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
    }
    return true;
  }).slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
    ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''));
  return {width: document.documentElement.scrollWidth, wide,
          exit: box && {left: box.left, right: box.right, top: box.top, bottom: box.bottom}};
}"""


def test_every_page_fits_320_px(browser, built_site, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    stub_other_hosts(context)
    page = context.new_page()
    problems, seen = [], 0
    try:
        for address in built_pages(built_site):
            page.goto(site_url + address)
            seen += 1
            facts = page.evaluate(FIT_JS)
            if facts["width"] > PHONE["width"]:
                problems.append(f"/{address}: {facts['width']} px wide ({', '.join(facts['wide'])})")
            exit_box = facts["exit"]
            if not exit_box or exit_box["left"] < 0 or exit_box["right"] > PHONE["width"] \
                    or exit_box["top"] < 0 or exit_box["bottom"] > PHONE["height"]:
                problems.append(f"/{address}: Exit this page is not on the screen: {exit_box}")
    finally:
        context.close()
    assert seen > 100, f"only {seen} pages were found in the built site"
    assert not problems, "\n".join(problems)


A4_WIDTH = 718  # CSS px across an A4 sheet inside the browser's default print margins


def test_whole_pathway_prints_on_a4(browser, site_url, site_model):
    """Printed, each whole-pathway page keeps to the width of an A4 sheet: the outline as it is,
    the flow diagram scaled to fit."""
    from signpost.render import urls
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1000})
    stub_other_hosts(context)
    page = context.new_page()
    page.emulate_media(media="print")
    problems = []
    try:
        for area in site_model.areas:
            for pathway in area.pathways.values():
                page.goto(site_url + urls.pathway(area.id, pathway.id))
                facts = page.evaluate("""() => ({
                    width: document.documentElement.scrollWidth,
                    diagram: document.querySelector('svg.hsb-flow').getBoundingClientRect().right,
                    outline: document.querySelectorAll('ol.hsb-outline > li').length})""")
                where = f"{area.id}/{pathway.id}"
                if facts["width"] > A4_WIDTH or facts["diagram"] > A4_WIDTH:
                    problems.append(f"{where}: {facts} is wider than an A4 sheet")
                if facts["outline"] != len(pathway.pages.outline):
                    problems.append(f"{where}: the printed outline has {facts['outline']} items")
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
