#!/usr/bin/env python3
"""Bring the content files to the one YAML style: python scripts/format_yaml.py [--check] [FILE ...]

With no FILE, every .yml file directly in services/. The style (signpost/yaml_style.py) only
evens out layout, so that a later edit to one field changes only that field's lines: the shared
files keep every comment and quote; an area file takes the form editor's style (every text on
one line) and may hold no comment but its schema line. --check rewrites nothing: it lists the files not in the style and
exits 1 (the tests and the pull-request checks run it). Exits 1 on a file it cannot read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signpost.yaml_style import StyleError, format_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="files to format (default: services/*.yml)")
    parser.add_argument("--check", action="store_true", help="change nothing; list files not in the style")
    args = parser.parse_args(argv)
    files = args.files or sorted(Path("services").glob("*.yml"))
    if not files:
        print("No .yml files found under services/ (run this from the project's top folder).", file=sys.stderr)
        return 1
    failed, unstyled = 0, []
    for path in files:
        label = path.as_posix()
        try:
            original = path.read_text(encoding="utf-8")
            result = format_text(original)
        except (OSError, UnicodeDecodeError) as err:
            print(f"{label}: cannot be read: {err}", file=sys.stderr)
            failed += 1
            continue
        except StyleError as err:
            print(f"{label}:{err.line or 1}: {err}", file=sys.stderr)
            failed += 1
            continue
        if not result.changed:
            continue
        unstyled.append(label)
        if args.check:
            print(f"{label}: not in the project's YAML style — run: python scripts/format_yaml.py {label}")
        else:
            path.write_text(result.text, encoding="utf-8", newline="\n")
            print(f"{label}: formatted")
    if failed:
        return 1
    if args.check and unstyled:
        print(f"{len(unstyled)} file(s) to format: python scripts/format_yaml.py", file=sys.stderr)
        return 1
    if not unstyled:
        print(f"OK: {len(files)} file(s) in the project's YAML style.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
