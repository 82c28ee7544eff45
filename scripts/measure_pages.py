#!/usr/bin/env python3
"""How the built pages fit a phone: page heights and sideways overflow at a given viewport.

    python scripts/measure_pages.py [--site DIR] [--width 390 --height 844] [--all]

Builds the site into a temporary folder (or measures DIR, an already built site), serves it on
loopback, opens every page in Debian's Chromium and prints: the tallest pathway pages, and every
page wider than the viewport (which makes a phone scroll sideways). Figures only, no pass/fail:
the browser tests hold the rules.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from browser_fixtures import page_on  # noqa: E402
from page_probes import PAGE_SIZE_JS  # noqa: E402
from site_build import given_or_built  # noqa: E402
from signpost.site_check import built_pages  # noqa: E402


def measure(site_dir: Path, width: int, height: int) -> list[tuple[str, int, int]]:
    rows = []
    with page_on(site_dir, width, height) as (base, page):
        for address in built_pages(site_dir):
            page.goto(base + address)
            m = page.evaluate(PAGE_SIZE_JS)
            rows.append((address, m["height"], m["width"]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--height", type=int, default=844)
    parser.add_argument("--all", action="store_true", help="print every page, not only the tallest")
    args = parser.parse_args()
    with given_or_built(args.site) as site_dir:
        rows = measure(site_dir, args.width, args.height)
    pathway_rows = sorted((r for r in rows if r[0].count("/") >= 3 and r[0].startswith("areas/")
                           and "/contacts/" not in r[0]), key=lambda r: -r[1])
    wide = [r for r in rows if r[2] > args.width]
    print(f"Viewport {args.width}x{args.height}: {len(rows)} pages")
    print("Tallest pathway pages (CSS px):")
    for address, h, _ in (pathway_rows if args.all else pathway_rows[:5]):
        print(f"  {h:>7}  /{address}")
    print(f"Pages wider than {args.width} px: {len(wide)}")
    for address, _, w in wide:
        print(f"  {w:>7}  /{address}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
