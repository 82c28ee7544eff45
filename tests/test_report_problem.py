"""'Report a problem with this page': a plain link near the foot of every page, leading to the
report page of the page's area (or the site-wide one), which warns first, says who to call, and
offers an email to the area's content contact and the repository's issue form, each carrying the
page's address and record id. Built from small content with one area that names a content
contact and one that does not; the real site (no repository set) shows no issue form.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml

from browser_fixtures import (browser, describe_violations, page_js, page_nojs, run_axe,  # noqa: F401
                              stub_other_hosts)
from helpers_content import small_area, write_minimal_services
from site_build import ROOT, build_site, serve
from signpost.content import load_site
from signpost.render import report, urls
from signpost.render.pages import page_specs

REPO = "https://github.com/example-partnership/hsb-signpost"
CONTACT = "web.content@example.gov.uk"
_FOOTER_LINK = re.compile(r'<p class="hsb-footer__report"><a href="([^"]+)">Report a problem with this page</a>')
_ROUTE = re.compile(r'<a class="hsb-report__(email|issue)" href="([^"]+)"')


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    with_contact = small_area("testshire", "Testshire")
    with_contact["content_contact"] = {"email": CONTACT, "name": "Testshire web team"}
    without = small_area("otherton", "Otherton")
    return write_minimal_services(tmp_path_factory.mktemp("report") / "services",
                                  areas=[with_contact, without])


@pytest.fixture(scope="module")
def small_site(content) -> Path:
    out = content.parent / "site"
    result = build_site(out, content, extra={"report_repo_url": REPO})
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def small_url(small_site):
    with serve(small_site) as url:
        yield url


def html_pages(site: Path) -> list[Path]:
    """The English tree's pages (the Welsh tree under cy/ links to its own report pages)."""
    return sorted(p for p in site.rglob("index.html")
                  if "assets" not in p.parts and p.relative_to(site).parts[0] != "cy")


def address_of(site: Path, page: Path) -> str:
    """The site-relative address of a built page: areas/x/ for areas/x/index.html."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


# ---- every page links to its report page ------------------------------------------------------

def test_every_page_links_to_the_report_page_of_its_area(small_site, content):
    site = load_site(content)
    specs = {spec.url: spec for spec in page_specs(site)}
    report_pages = {report.report_page(None)} | {report.report_page(a.id) for a in site.areas}
    checked = 0
    for page in html_pages(small_site):
        address = address_of(small_site, page)
        if address == "admin/":
            continue  # the staff's form editor: a tool, with no content of its own to report
        html = page.read_text("utf-8")
        links = _FOOTER_LINK.findall(html)
        if address in report_pages:
            assert not links, f"{address}: a report page links to a report page"
            continue
        assert len(links) == 1, f"{address}: {len(links)} report links"
        href = unescape(links[0])
        target = urljoin("https://site.test/" + address, href)
        query = parse_qs(urlsplit(target).query, keep_blank_values=True)
        assert query["page"] == [address], address
        spec = specs.get(address)
        if spec:  # a generated page: its area's report page and its record in the file
            assert urlsplit(target).path == "/" + spec.report, address
            assert query["record"] == [spec.record]
        else:  # a hand-written page: the site-wide report page, and its file under docs/
            assert urlsplit(target).path == "/" + report.SITE_WIDE, address
            assert query["record"][0].startswith("docs/") and query["record"][0].endswith(".md")
            assert (ROOT / query["record"][0]).is_file(), query["record"]
        checked += 1
    assert checked > 20
    # The link is plain: it carries no script and loads nothing until it is followed.
    assert "onclick" not in (small_site / urls.area("testshire") / "index.html").read_text("utf-8")


def test_a_step_links_to_its_areas_report_page_with_its_record(small_site):
    html = (small_site / urls.node("testshire", "referral", "refer") / "index.html").read_text("utf-8")
    href = unescape(_FOOTER_LINK.search(html).group(1))
    assert href.startswith("../../report-a-problem/?")
    query = parse_qs(urlsplit(href).query)
    assert query == {"page": ["areas/testshire/referral/refer/"],
                     "record": ["services/testshire.yml#pathways.referral.nodes.refer"]}


def test_the_404_page_links_to_the_site_wide_report_page(small_site):
    assert _FOOTER_LINK.search((small_site / "404.html").read_text("utf-8"))


# ---- the report pages ---------------------------------------------------------------------------

def routes_on(site: Path, address: str) -> dict[str, str]:
    html = (site / address / "index.html").read_text("utf-8")
    return {kind: unescape(href) for kind, href in _ROUTE.findall(html)}


def test_report_pages_are_kept_out_of_search(small_site):
    for address in (report.SITE_WIDE, report.report_page("testshire"), report.report_page("otherton")):
        html = (small_site / address / "index.html").read_text("utf-8")
        assert '<meta name="robots" content="noindex, noarchive">' in html, address
        # The search (Pagefind) indexes only what a page marks data-pagefind-body.
        assert "data-pagefind-body" not in html, address
        assert 'class="hsb-exit__button"' in html, f"{address}: no quick exit"
    area_html = (small_site / urls.area("testshire") / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noarchive">' in area_html
    assert "data-pagefind-body" in area_html, "the area page itself is searchable"


def test_report_page_warns_first_then_who_to_call_then_the_routes(small_site):
    html = (small_site / report.report_page("testshire") / "index.html").read_text("utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    warning = text.index("Do not write anything about a child or family here")
    danger = text.index("If a child is in danger now, call")
    worried = text.index("If you are worried about a child")
    routes = text.index("How to report it")
    assert warning < danger < worried < routes
    # The area's own front door in the box, as on every page of the area.
    box = html[html.index('class="hsb-who"'):]
    assert 'href="tel:+442079460123"' in box[:box.index("</section>")]


def test_email_route_carries_the_area_record_without_javascript(small_site):
    routes = routes_on(small_site, report.report_page("testshire"))
    mailto = urlsplit(routes["email"])
    assert mailto.scheme == "mailto" and mailto.path == CONTACT
    fields = parse_qs(mailto.query)
    assert "services/testshire.yml" in fields["subject"][0]
    assert "Record: services/testshire.yml" in fields["body"][0]
    assert "a page about Testshire (write which one)" in fields["body"][0]
    assert "child or family" in fields["body"][0]
    assert report.PAGE_TOKEN not in routes["email"] and report.RECORD_TOKEN not in routes["email"]


def test_issue_route_opens_the_form_with_page_and_record(small_site):
    issue = urlsplit(routes_on(small_site, report.report_page("testshire"))["issue"])
    assert f"{issue.scheme}://{issue.netloc}{issue.path}" == f"{REPO}/issues/new"
    query = parse_qs(issue.query)
    assert query["template"] == [report.ISSUE_TEMPLATE]
    assert query[report.RECORD_FIELD] == ["services/testshire.yml"]
    assert report.PAGE_FIELD in query


def test_an_area_without_a_content_contact_says_so_and_offers_only_the_form(small_site):
    html = (small_site / report.report_page("otherton") / "index.html").read_text("utf-8")
    assert set(routes_on(small_site, report.report_page("otherton"))) == {"issue"}
    assert "Otherton has not given an email address for reports: please use the form on GitHub." in html
    assert "mailto:" not in html


def test_without_a_repository_setting_no_issue_form_is_offered(built_site):
    """The real settings name no repository and the seeds give no content contact."""
    assert "report_repo_url" not in (yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"])
    for area in load_site(ROOT / "services").areas:
        html = (built_site / report.report_page(area.id) / "index.html").read_text("utf-8")
        assert "github.com" not in html and "hsb-report__issue" not in html
        if area.content_contact is None:
            assert f"{area.name} has not given an email address for reports." in html
            assert "This website has no way set up yet to receive reports." in html
            assert re.search(r"Last reviewed <time datetime=\"\d{4}-\d{2}-\d{2}\">", html)


def test_the_issue_form_asks_for_the_fields_the_site_fills_in():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / report.ISSUE_TEMPLATE).read_text("utf-8"))
    assert form["labels"], "the form sets its labels itself"
    ids = {item.get("id") for item in form["body"]}
    assert {report.PAGE_FIELD, report.RECORD_FIELD} <= ids
    warning = form["body"][0]
    assert warning["type"] == "markdown" and "child or family" in warning["attributes"]["value"]


@pytest.mark.parametrize("value", ["github.com/owner/repo", "https://github.com/owner/repo/",
                                   "https://gitlab.com/owner/repo", "https://github.com/owner/repo?x=1", 3])
def test_a_bad_repository_setting_is_refused(value):
    assert report.repo_url_problem(value)


def test_a_bad_repository_setting_stops_the_build(tmp_path, content):
    result = build_site(tmp_path / "site", content, extra={"report_repo_url": "github.com/owner/repo"})
    assert result.returncode != 0
    assert "extra.report_repo_url" in result.stderr and "https://github.com/OWNER/REPOSITORY" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


# ---- in a browser -----------------------------------------------------------------------------

@pytest.mark.browser
def test_report_from_a_pathway_step_carries_that_page(page_js, small_url):
    step = urls.node("testshire", "referral", "refer")
    page_js.goto(small_url + step)
    page_js.get_by_role("link", name="Report a problem with this page").click()
    page_js.wait_for_url("**/areas/testshire/report-a-problem/**")
    assert page_js.locator("h2", has_text="Do not write anything about a child or family here").is_visible()
    record = "services/testshire.yml#pathways.referral.nodes.refer"
    assert page_js.locator("[data-hsb-report-page]").inner_text() == small_url + step
    assert page_js.locator("[data-hsb-report-record]").inner_text() == record
    mailto = urlsplit(page_js.locator("a.hsb-report__email").get_attribute("href"))
    assert mailto.path == CONTACT
    fields = parse_qs(mailto.query)
    assert small_url + step in fields["subject"][0] and record in fields["subject"][0]
    assert f"Page: {small_url + step}\r\nRecord: {record}\r\n" in fields["body"][0]
    issue = parse_qs(urlsplit(page_js.locator("a.hsb-report__issue").get_attribute("href")).query)
    assert issue[report.PAGE_FIELD] == [small_url + step] and issue[report.RECORD_FIELD] == [record]
    violations = run_axe(page_js)
    assert not violations, describe_violations(violations)


@pytest.mark.browser
def test_a_query_naming_another_area_or_odd_text_is_ignored(page_js, small_url):
    base = small_url + report.report_page("testshire")
    for query in ("?page=areas/otherton/&record=services/otherton.yml",
                  "?page=areas/testshire/%3Cb%3E/&record=services/testshire.yml",
                  "?page=https://evil.example/&record=services/testshire.yml"):
        page_js.goto(base + query)
        assert page_js.locator("[data-hsb-report-page]").inner_text() == "a page about Testshire (write which one)"
        mailto = unquote(page_js.locator("a.hsb-report__email").get_attribute("href"))
        assert "otherton" not in mailto and "evil" not in mailto and "<b>" not in mailto
    # A page of the area with a record of another file keeps the area's own record.
    page_js.goto(base + "?page=areas/testshire/&record=services/otherton.yml")
    assert page_js.locator("[data-hsb-report-record]").inner_text() == "services/testshire.yml"


@pytest.mark.browser
def test_without_javascript_the_report_page_still_works(page_nojs, small_url):
    page_nojs.goto(small_url + urls.node("testshire", "referral", "refer"))
    page_nojs.get_by_role("link", name="Report a problem with this page").click()
    page_nojs.wait_for_url("**/areas/testshire/report-a-problem/**")
    assert page_nojs.locator("[data-hsb-report-record]").inner_text() == "services/testshire.yml"
    href = page_nojs.locator("a.hsb-report__email").get_attribute("href")
    assert href.startswith(f"mailto:{CONTACT}?") and "testshire.yml" in unquote(href)
    assert page_nojs.locator(".hsb-who a[href^='tel:']").first.is_visible()


@pytest.mark.browser
def test_report_pages_fit_a_small_phone(browser, small_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    stub_other_hosts(context)
    page = context.new_page()
    try:
        for address in (report.SITE_WIDE, report.report_page("testshire")):
            page.goto(small_url + address)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, address
            violations = run_axe(page)
            assert not violations, f"{address}:\n{describe_violations(violations)}"
    finally:
        context.close()
