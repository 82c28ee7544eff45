#!/usr/bin/env python3
"""How far down each area page a phone reader must scroll to the first number they can tap.

    python scripts/measure_first_number.py [SITE_DIR] [--services DIR]

Builds the site (or uses SITE_DIR, already built), opens every area page in Debian's headless
Chromium at 390x844 (a common phone) and prints, per area, the distance in CSS pixels from the
top of the page to the first visible tel: link other than 999, and that distance in phone
screens. A figure to compare before and after a change, not a test: the tests assert the limit.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser_fixtures import CHROMIUM_ARGS, chromium_path, stub_other_hosts  # noqa: E402
from site_build import build_site, serve  # noqa: E402

from signpost.catalogue import load_site  # noqa: E402
from signpost.render import urls  # noqa: E402

WIDTH, HEIGHT = 390, 844

# The top of the first visible tel: link that is not an emergency number, in page coordinates.
FIRST_NUMBER_JS = """() => {
  for (const a of document.querySelectorAll('.md-content a[href^="tel:"]')) {
    const tel = a.getAttribute('href').replace(/\\D/g, '');
    if (tel === '999' || tel === '112') continue;
    const box = a.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    return {top: Math.round(box.top + window.scrollY), tel: a.getAttribute('href')};
  }
  return null;
}"""


def measure(site_dir: Path, services: Path) -> list[tuple[str, dict | None, int]]:
    from playwright.sync_api import sync_playwright
    site = load_site(services)
    rows = []
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        stub_other_hosts(context)
        page = context.new_page()
        for area in site.areas:
            page.goto(base + urls.area(area.id))
            height = page.evaluate("document.documentElement.scrollHeight")
            rows.append((area.id, page.evaluate(FIRST_NUMBER_JS), height))
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="a built site (default: build one)")
    parser.add_argument("--services", type=Path, default=ROOT / "services")
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("Chromium is not installed (run `make chromium`)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            result = build_site(site_dir, args.services)
            if result.returncode:
                sys.stderr.write(result.stderr)
                return 1
        rows = measure(site_dir, args.services)
    print(f"Viewport {WIDTH}x{HEIGHT}; distance from the top of the page to the first tappable "
          "number other than 999")
    print(f"{'Area':40} {'px':>7} {'screens':>8} {'page px':>8}  number")
    for area_id, first, height in rows:
        if first is None:
            print(f"{area_id:40} {'none':>7} {'':>8} {height:>8}")
        else:
            print(f"{area_id:40} {first['top']:>7} {first['top'] / HEIGHT:>8.1f} {height:>8}  {first['tel']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
