"""Which records are due for review: their ``last_reviewed`` is older than the review period.

Pure Python over the model, so the report script, the site and tests can all ask the same
question. A service or contact with no date of its own carries its area's date (see
model_from_data.py), so when an area is overdue its undated services and contacts are listed
too: each one is a phone number or a referral detail that someone has to check again.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .model import Site

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class OverdueRecord:
    """One record whose review is overdue, and by how long."""

    file: str
    kind: str  # area | service | contact | national help
    id: str
    name: str
    last_reviewed: dt.date
    due: dt.date
    today: dt.date

    @property
    def days_overdue(self) -> int:
        return (self.today - self.due).days

    @property
    def overdue_by(self) -> str:
        """How overdue, in words: '5 days', '2 months', '1 year 3 months'."""
        return describe_gap(self.due, self.today)

    def __str__(self) -> str:
        return (f"{self.file}: {self.kind} '{self.id}' ({self.name}) last reviewed "
                f"{self.last_reviewed.isoformat()}, overdue by {self.overdue_by}")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved on by whole calendar months; 31 January + 1 month is 28 or 29 February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _whole_months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def describe_gap(start: dt.date, end: dt.date) -> str:
    """The time from ``start`` to ``end`` in plain words, rounded down to whole units."""
    months = _whole_months_between(start, end)
    if months == 0:
        days = (end - start).days
        return f"{days} day{'s' if days != 1 else ''}"
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def overdue_records(site: Site, months: int = DEFAULT_MONTHS, today: dt.date | None = None
                    ) -> list[OverdueRecord]:
    """Every area, service, contact and national help entry not reviewed within ``months``.

    In file order: each area file from the top (the area, its services, its contacts), then
    national help.
    """
    if months < 1:
        raise ValueError("the review period must be at least one month")
    today = today or dt.date.today()
    found: list[OverdueRecord] = []

    def consider(file, kind, record_id, name, reviewed):
        due = add_months(reviewed, months)
        if due < today:
            found.append(OverdueRecord(file, kind, record_id, name, reviewed, due, today))

    for area in sorted(site.areas, key=lambda a: a.file):
        consider(area.file, "area", area.id, area.name, area.last_reviewed)
        for service in area.services:
            consider(area.file, "service", service.id, service.name, service.last_reviewed)
        for contact in area.contacts:
            consider(area.file, "contact", contact.id, contact.name, contact.last_reviewed)
    for item in site.national:
        consider(site.national_file, "national help", item.id, item.name, item.last_reviewed)
    return found
