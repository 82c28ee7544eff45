#!/usr/bin/env python3
"""List the records due for review: python scripts/review_report.py [SERVICES_DIR] [--months N] [--today YYYY-MM-DD]

A record is due when its last_reviewed date is more than N months ago (12 unless told). Prints a
table, or a line saying everything is up to date. Exits 0 either way: being due for review is
a reminder, not a fault. Exits 1 only when the content does not pass scripts/validate.py,
because the dates cannot be trusted until it does.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost.catalogue import validate  # noqa: E402
from signpost.freshness import DEFAULT_MONTHS, OverdueRecord, overdue_records  # noqa: E402

HEADINGS = ("File", "Kind", "Id", "Name", "Last reviewed", "Overdue by")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a real date written YYYY-MM-DD, for example 2026-11-23") from None


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of months (1 or more)")
    return int(text)


def table(records: list[OverdueRecord]) -> str:
    """The records as plain text columns, padded so they line up in any terminal or log."""
    rows = [HEADINGS] + [(r.file, r.kind, r.id, r.name, r.last_reviewed.isoformat(), r.overdue_by)
                         for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services_dir", nargs="?", default="services", type=Path,
                        help="the folder of content files (default: services)")
    parser.add_argument("--months", type=_months, default=DEFAULT_MONTHS,
                        help=f"the review period in months (default: {DEFAULT_MONTHS})")
    parser.add_argument("--today", type=_date, default=None,
                        help="count from this date instead of today, as YYYY-MM-DD")
    args = parser.parse_args(argv)
    if not args.services_dir.is_dir():
        print(f"{args.services_dir}: no such folder", file=sys.stderr)
        return 1
    # Validated against the real date: --today only moves the point the report counts from.
    site, problems = validate(args.services_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("The content has problems, so review dates cannot be reported yet. "
              "Fix them first (python scripts/validate.py lists them).", file=sys.stderr)
        return 1
    records = overdue_records(site, args.months, args.today)
    period = f"{args.months} month{'s' if args.months != 1 else ''}"
    if not records:
        print(f"All records were reviewed within the last {period}.")
        return 0
    print(table(records))
    count = len(records)
    print(f"\n{count} record{'s' if count != 1 else ''} not reviewed within the last {period}. "
          "Check each against its source and update its last_reviewed date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
