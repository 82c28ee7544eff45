#!/usr/bin/env python3
"""List what editors need to check: python scripts/review_report.py [SERVICES_DIR] [--months N] [--today YYYY-MM-DD]

Five parts. Records due for review: a record is due when its last_reviewed date is more than N
months ago (12 unless told); a table, or a line saying everything is up to date. National lines
to confirm: every line in national.yml with where to confirm it and when an editor last did.
Areas without a local phone number: the gaps the partnership could fill, where every page
offers national lines instead. Routes where the document stops: what the document does not say
happens after the last step. Welsh still to write or check: in an area published in Welsh
(languages: [en, cy]), each text with no Welsh yet and each Welsh draft no Welsh speaker has
checked, with the count (and the same for the national lines and glossary its Welsh pages show).
Exits 0 whatever it lists: these are reminders, not faults.
Exits 1 only when the content does not pass scripts/validate.py, because nothing in it can be
trusted until it does.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost import interface, language  # noqa: E402
from signpost.content import validate  # noqa: E402
from signpost.freshness import DEFAULT_MONTHS, OverdueRecord, overdue_records  # noqa: E402
from signpost.bilingual import MISSING  # noqa: E402
from signpost.gaps import areas_without_local_number, national_to_confirm, routes_that_stop  # noqa: E402
from signpost.welsh_check import counts as welsh_counts  # noqa: E402

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


def columns(headings: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Rows as plain text columns, padded so they line up in any terminal or log."""
    rows = [headings] + rows
    widths = [max(len(row[i]) for row in rows) for i in range(len(headings))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table(records: list[OverdueRecord]) -> str:
    return columns(HEADINGS, [(r.file, r.kind, r.id, r.name, r.last_reviewed.isoformat(), r.overdue_by)
                              for r in records])


def national_section(site) -> str:
    items = national_to_confirm(site)
    rows = [(site.national_file, item.id, item.phone.display if item.phone else "-",
             item.confirm_at or "(add confirm_at)",
             item.confirmed_on.isoformat() if item.confirmed_on else "never")
            for item in items]
    return ("National lines to confirm: no area's source document gives these. Check each number "
            "and website against the organisation's own page, then set confirmed_on to that date.\n"
            + columns(("File", "Id", "Phone", "Confirm at", "Last confirmed"), rows))


def gaps_section(site) -> str:
    gaps = areas_without_local_number(site)
    if not gaps:
        return "Every area has a local phone number to call first."
    rows = [(g.file, g.area_id, g.name, g.what_to_fill) for g in gaps]
    count = len(gaps)
    return (f"{count} area{'s' if count != 1 else ''} without a local phone number: their pages "
            "offer national lines instead. Add a number only from a source document (contacts, "
            "then front_door).\n" + columns(("File", "Area", "Name", "Missing"), rows))


def stops_section(site) -> str:
    stops = routes_that_stop(site)
    if not stops:
        return "No referral route stops where its document stops."
    rows = [(s.file, s.area_id, s.route.id, s.route.name, _short(s.last_step), s.ask) for s in stops]
    count = len(stops)
    return (f"{count} referral route{'s' if count != 1 else ''} where the document does not say "
            "what happens next: their pages say so and who to ask. Ask the partnership; add a "
            "step only from a new version of the document, then remove document_stops.\n"
            + columns(("File", "Area", "Route id", "Route", "Last step", "Who to ask"), rows))


def welsh_section(site) -> str:
    work = site.welsh_work
    if not any(a.publishes_welsh for a in site.areas):
        return "No area is published in Welsh (an area says so with 'languages: [en, cy]')."
    if not work:
        return "Welsh: every text has its Welsh, checked by a Welsh speaker."
    missing = sum(1 for g in work if g.state == MISSING)
    drafts = len(work) - missing
    tallies = "; ".join(f"{file}: {m} without Welsh, {d} draft{'s' if d != 1 else ''}"
                        for file, (m, d) in welsh_counts(work).items())
    rows = [(f"{g.file}:{g.line}", g.path, "no Welsh" if g.state == MISSING else "draft",
             _short(g.english)) for g in work]
    return (f"Welsh still to write or check: {missing} text{'s' if missing != 1 else ''} without "
            f"Welsh, {drafts} Welsh draft{'s' if drafts != 1 else ''} no Welsh speaker has checked "
            f"({tallies}). Until a text has its Welsh, the Welsh page shows the English, marked as "
            "English; a draft is shown until checked, then add cy_reviewed: true. Write the Welsh "
            "under 'cy:' (CONTRIBUTING.md, \"Welsh\"); never a machine translation passed off as "
            "checked.\n" + columns(("Where", "Field", "Welsh", "English"), rows))


def interface_section(site) -> str:
    """The site's own words (interface/cy.yml) a Welsh speaker has still to check."""
    if not any(a.publishes_welsh for a in site.areas):
        return ""
    left = interface.drafts(language.WELSH)
    if not left:
        return "The site's own words in Welsh (interface/cy.yml): every one checked or from a published wording."
    return (f"The site's own words in Welsh (interface/cy.yml): {len(left)} draft"
            f"{'s' if len(left) != 1 else ''} no Welsh speaker has checked — write each as "
            "{text: ..., reviewed: true} once checked (CONTRIBUTING.md, \"Welsh\"): "
            + ", ".join(left))


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


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
    else:
        print(table(records))
        count = len(records)
        print(f"\n{count} record{'s' if count != 1 else ''} not reviewed within the last {period}. "
              "Check each against its source and update its last_reviewed date.")
    print("\n" + national_section(site))
    print("\n" + gaps_section(site))
    print("\n" + stops_section(site))
    print("\n" + welsh_section(site))
    words = interface_section(site)  # only where an area publishes Welsh
    if words:
        print("\n" + words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
