#!/usr/bin/env python3
"""Reading level of the guide for parents and carers and of each area's page for families.

    python scripts/reading_level.py            # builds the site into a temporary folder
    python scripts/reading_level.py --site site  # measures a site already built

Prints the Flesch-Kincaid grade and Flesch reading ease (textstat) of each page, of the whole
guide and of each families' page. Targets: grade 8 or below, ease 60 or above. Exits 1 if any
page reads above grade 9, the limit the validator applies to each field written for families.
Figures, not a test of taste: docs/reading-level.md keeps the latest ones.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from site_build import given_or_built  # noqa: E402
from signpost.readability import GRADE_LIMIT, TARGET_EASE, TARGET_GRADE  # noqa: E402
from signpost.reading_report import report  # noqa: E402


def _row(name: str, reading) -> str:
    mark = "" if reading.meets_target else "  (misses the target)"
    return f"| {name} | {reading.words} | {reading.grade:.1f} | {reading.ease:.1f} |{mark}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args(argv)
    with given_or_built(args.site) as site:
        guide, whole, families = report(site)
    print(f"Targets: grade {TARGET_GRADE:g} or below, reading ease {TARGET_EASE:g} or above.\n")
    print("| Page | Words | Grade | Ease |\n| --- | ---: | ---: | ---: |")
    for page in guide:
        print(_row(page.address, page.reading))
    print(_row("**The whole guide**", whole))
    for page in families:
        print(_row(page.address, page.reading))
    too_hard = [p.address for p in guide + families if p.reading.grade > GRADE_LIMIT]
    if too_hard:
        print(f"\nAbove grade {GRADE_LIMIT:g}: {', '.join(too_hard)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
