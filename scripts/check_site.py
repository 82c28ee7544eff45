#!/usr/bin/env python3
"""Is the built site whole? python scripts/check_site.py SITE_DIR [--services DIR]

Lists every page the content says the site must hold that the build left out (an engine that
skipped the hooks, say), and exits 1 if there is any, or if the staff's form editor (/admin/)
is missing: run it after any engine's build, before publishing. A site with a Welsh tree
(a cy/ folder: extra.publish_welsh) must hold every generated page there too.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signpost.render import state  # noqa: E402
from signpost.render.output import expected_pages  # noqa: E402
from signpost.site_check import missing_pages, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--services", type=Path, default=ROOT / "services")
    args = parser.parse_args(argv)
    build, problems = state.start(args.services)
    if problems:
        print("\n".join(str(p) for p in problems))
        return 1
    expected = expected_pages(build)
    trees = [(args.site_dir, expected)]
    if (args.site_dir / "cy").is_dir():  # the Welsh tree: the same pages, with Welsh titles
        welsh, _ = state.start(args.services, lang="cy")
        trees.append((args.site_dir / "cy", expected_pages(welsh)))
    for tree, expected in trees:
        missing = missing_pages(tree, expected)
        if missing:
            print(f"{tree}: " + report(missing, len(expected)), file=sys.stderr)
            return 1
    editor = args.site_dir / "admin"
    if not all((editor / name).is_file() for name in ("index.html", "config.yml", "decap-cms.js")):
        print(f"{editor}: the staff's form editor is missing (index.html, config.yml, decap-cms.js): "
              "install it with make scripts/decap-cms/node_modules/.installed and build again", file=sys.stderr)
        return 1
    print(f"OK: all {len(expected)} generated pages are in {' and '.join(str(tree) for tree, _ in trees)}, "
          "and the form editor at admin/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
