#!/usr/bin/env python3
"""Check every content file and print every problem: python scripts/validate.py [SERVICES_DIR]

Each problem is one line, `file:line:column: field.path: what is wrong — what to write instead`.
Warnings (the same sentence written in several fields; in an area published in Welsh, each text
with no Welsh yet or only a draft) are printed the same way, marked "warning:", and never change
the exit status. Exits 0 when the content is sound, 1 when there
is any problem.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost.content import validate  # noqa: E402
from signpost.welsh_check import summary as welsh_summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services_dir", nargs="?", default="services", type=Path,
                        help="the folder of content files (default: services)")
    args = parser.parse_args(argv)
    if not args.services_dir.is_dir():
        print(f"{args.services_dir}: no such folder", file=sys.stderr)
        return 1
    warnings: list = []
    site, problems = validate(args.services_dir, warnings=warnings)
    for problem in sorted(set(problems) | set(warnings)):
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    services = sum(len(a.services) for a in site.areas)
    pathways = sum(len(a.pathways) for a in site.areas)
    print(f"OK: {len(site.areas)} areas, {services} services, {pathways} pathways, "
          f"{len(site.glossary)} glossary terms.")
    if site.welsh_work:
        print(welsh_summary(site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
