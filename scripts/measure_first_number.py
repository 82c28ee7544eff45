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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser_fixtures import chromium_path, page_on  # noqa: E402
from page_probes import FIRST_NUMBER_JS  # noqa: E402
from site_build import given_or_built  # noqa: E402

from signpost.content import load_site  # noqa: E402
from signpost.render import urls  # noqa: E402

WIDTH, HEIGHT = 390, 844


def measure(site_dir: Path, services: Path) -> list[tuple[str, dict | None, int]]:
    site = load_site(services)
    rows = []
    with page_on(site_dir, WIDTH, HEIGHT) as (base, page):
        for area in site.areas:
            page.goto(base + urls.area(area.id))
            height = page.evaluate("document.documentElement.scrollHeight")
            rows.append((area.id, page.evaluate(FIRST_NUMBER_JS), height))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="a built site (default: build one)")
    parser.add_argument("--services", type=Path, default=ROOT / "services")
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("Chromium is not installed (run `make chromium`)", file=sys.stderr)
        return 1
    with given_or_built(args.site_dir, args.services) as site_dir:
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
