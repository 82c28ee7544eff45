"""'Report a problem with this page': where each page's report link leads and what the report
page offers.

Every page links, near its foot, to the report page of its area (or the site-wide one), with
the page's address and record id in the link's query. The report page is static: it first tells
the reader not to write about a child and who to call instead, then offers two routes, both
opened by the reader and neither sent by the site:

- an email to the area's ``content_contact`` (a ``mailto:`` link), where the area gives one;
- the repository's issue form (``.github/ISSUE_TEMPLATE/report-a-problem.yml``), where the
  site's settings name the repository (``extra.report_repo_url``).

The links are written with two tokens standing for the page and the record. The page is built
with the tokens replaced by what is known without JavaScript (the area's file, "write which
page"); docs/assets/site.js replaces them with the values from the query, when those belong to
this report page's area. One formatting, in Python, for both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .. import bilingual, interface, language
from ..model import Area

SITE_WIDE = "report-a-problem/"
AREA_PAGE = "report-a-problem"           # areas/<area>/report-a-problem/
ISSUE_TEMPLATE = "report-a-problem.yml"  # in .github/ISSUE_TEMPLATE/
# The issue form's field ids, which are also the report page's query parameters.
PAGE_FIELD = "page"
RECORD_FIELD = "record"
PAGE_TOKEN = "HSB-PAGE"
RECORD_TOKEN = "HSB-RECORD"

_REPO_URL = re.compile(r"^https://github\.com/[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$")


def report_page(area_id: str | None) -> str:
    """The report page for a page of ``area_id`` (None: a page that belongs to no area)."""
    return f"areas/{area_id}/{AREA_PAGE}/" if area_id else SITE_WIDE


def area_record(area_id: str, *path: str) -> str:
    """A record id as an editor finds it: the file, then the field path the validator prints,
    for example services/blackpool.yml#pathways.worried.nodes.call-999."""
    file = f"services/{area_id}.yml"
    return f"{file}#{'.'.join(path)}" if path else file


def docs_record(src_uri: str) -> str:
    """The record id of a hand-written page: its file under docs/."""
    return f"docs/{src_uri}"


def repo_url_problem(value) -> str | None:
    """Why ``extra.report_repo_url`` cannot be used, or None when it can (or is unset)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _REPO_URL.match(value):
        return (f"{value!r} is not a GitHub repository address — write it as "
                "https://github.com/OWNER/REPOSITORY (no trailing slash), or leave it out to "
                "offer no issue form")
    return None


@dataclass(frozen=True)
class ReportSettings:
    """What the report pages need from the site's settings (mkdocs.yml)."""
    site_name: str = "HSB signpost"
    repo_url: str | None = None      # extra.report_repo_url; None: no issue form offered


@dataclass(frozen=True)
class ReportRoutes:
    """What one report page offers. Links hold PAGE_TOKEN and RECORD_TOKEN (see the module)."""
    area: Area | None
    scope_page: str          # the pages this report page is for: their addresses start so
    scope_record: str        # and their record ids start so
    default_page: str        # said where the page is not known (no JavaScript)
    default_record: str
    email: str | None
    email_name: str | None
    mailto: str | None
    issue: str | None

    def filled(self, template: str | None) -> str | None:
        """A link with what is known without JavaScript in place of the tokens."""
        if template is None:
            return None
        return (template.replace(PAGE_TOKEN, quote(self.default_page, safe=""))
                .replace(RECORD_TOKEN, quote(self.default_record, safe="")))


def _mailto(email: str, site_name: str) -> str:
    subject = f"Problem on {site_name}: {PAGE_TOKEN} ({RECORD_TOKEN})"
    # Line breaks in a mailto: body are CRLF (RFC 6068).
    body = (f"Page: {PAGE_TOKEN}\r\nRecord: {RECORD_TOKEN}\r\n\r\n"
            "What is wrong (please write nothing about a child or family):\r\n\r\n")
    return f"mailto:{email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def _issue(repo_url: str) -> str:
    title = f"Problem on a page: {RECORD_TOKEN}"
    return (f"{repo_url}/issues/new?template={ISSUE_TEMPLATE}&title={quote(title, safe='')}"
            f"&{PAGE_FIELD}={PAGE_TOKEN}&{RECORD_FIELD}={RECORD_TOKEN}")


def report_routes(area: Area | None, settings: ReportSettings) -> ReportRoutes:
    contact = area.content_contact if area else None
    if area:
        scope_page, scope_record = f"areas/{area.id}/", area_record(area.id)
        name = bilingual.in_language(area.name, language.current())
        default_page = interface.text("report.default_page_in_area").format(area=name)
    else:
        scope_page, scope_record = "", "docs/"
        default_page = interface.text("report.default_page")
    return ReportRoutes(
        area=area, scope_page=scope_page, scope_record=scope_record,
        default_page=default_page, default_record=scope_record if area else interface.text("report.record_not_known"),
        email=contact.email if contact else None, email_name=contact.name if contact else None,
        mailto=_mailto(contact.email, settings.site_name) if contact else None,
        issue=_issue(settings.repo_url) if settings.repo_url else None)


def settings_from(site_name: str | None, extra: dict) -> ReportSettings:
    """The report settings from mkdocs.yml's values; ValueError says what is wrong."""
    repo = extra.get("report_repo_url")
    problem = repo_url_problem(repo)
    if problem:
        raise ValueError(f"extra.report_repo_url: {problem}")
    return ReportSettings(site_name=site_name or ReportSettings.site_name, repo_url=repo or None)
