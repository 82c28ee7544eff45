"""The Welsh tree (extra.publish_welsh, on in mkdocs.yml): every page again at the same path
under /cy/, in Welsh, linked to its English twin and back; the quick exit, search and printing
working there as on the English pages; and axe finding nothing on a Welsh page of each template.
Uses the session's built site (tests/conftest.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser_fixtures import (browser, describe_violations, exit_url, open_template,  # noqa: F401
                              page_js, page_nojs, run_axe, search_for, site_model, template_pages,
                              SEARCH_PAGE)
from site_build import ROOT
from signpost.catalogue import load_site
from signpost.render import urls

SITE = load_site(ROOT / "services")
WELSH_AREA = next(a for a in SITE.areas if a.publishes_welsh)
# Not reader pages: the Welsh tree itself, the search and open-data files, and the staff's
# form editor (one English page for the whole site, at /admin/).
_NOT_PAGES = ("cy/", "pagefind/", "assets/", "api/", "search/words", "admin/")


def _pages(site_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html")
                  if not str(p.relative_to(site_dir)).startswith(_NOT_PAGES))


def test_every_english_page_has_a_welsh_twin_at_the_same_path(built_site):
    english = _pages(built_site)
    assert len(english) > 100
    missing = [p for p in english if not (built_site / "cy" / p).is_file()]
    assert not missing, f"{len(missing)} English pages have no Welsh twin under /cy/: {missing[:5]}"
    for path in english:
        welsh = (built_site / "cy" / path).read_text("utf-8")
        assert re.search(r'<html lang="cy"', welsh), f"cy/{path} is not marked Welsh"
        if path == "404.html":
            continue
        depth = path.count("/")  # areas/x/index.html is two folders down
        to_english = "../" * (depth + 1) + path.removesuffix("index.html")
        assert f'<link rel="alternate" hreflang="en" href="{to_english or "../"}">' in welsh, path
        assert f'hreflang="en" lang="en">English</a>' in welsh, f"cy/{path} has no link to its English page"
        english_page = (built_site / path).read_text("utf-8")
        assert 'hreflang="cy" lang="cy">Cymraeg</a>' in english_page, f"{path} has no link to its Welsh page"
        assert '<link rel="alternate" hreflang="cy"' in english_page, path


def test_a_welsh_page_shows_the_interface_in_welsh_and_english_content_marked_english(built_site):
    area = (built_site / "cy" / urls.area(WELSH_AREA.id) / "index.html").read_text("utf-8")
    assert "Pwy i’w ffonio" in area and "Gwneud atgyfeiriad" in area  # the interface, in Welsh
    assert "Who to call" not in area and "Make a referral" not in area
    assert 'class="hsb-cy-notice"' in area  # the content has no Welsh yet: the page says so
    assert f'<h1 id="top"><span lang="en">{WELSH_AREA.name}</span></h1>' in area
    handwritten = (built_site / "cy" / "parents" / "index.html").read_text("utf-8")
    assert '<div lang="en">' in handwritten and "Mae’r dudalen hon yn Saesneg yn unig am y tro." in handwritten


def test_a_welsh_page_in_english_is_named_in_welsh_where_the_navigation_names_it(built_site):
    """The <title> and header of a hand-written page the navigation names say its Welsh name;
    a page the navigation does not name keeps its English title, marked English in the header."""
    def title_and_topic(path):
        page = (built_site / "cy" / path / "index.html").read_text("utf-8")
        topic = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis"([^>]*)>\s*([^<]*?)\s*</span>', page)
        return re.search(r"<title>([^<]*)</title>", page).group(1), topic.group(1), topic.group(2)

    assert title_and_topic("parents") == ("Rhieni a gofalwyr - HSB signpost", "", "Rhieni a gofalwyr")
    assert title_and_topic("areas")[0] == "Ardaloedd - HSB signpost"  # the section's own first page
    assert title_and_topic("parents/is-this-normal") == (
        "Is this normal? - HSB signpost", ' lang="en"', "Is this normal?")


def test_a_welsh_report_page_says_in_welsh_what_it_knows_without_javascript(built_site):
    from signpost import interface
    page = (built_site / "cy" / urls.area(WELSH_AREA.id) / "report-a-problem" / "index.html").read_text("utf-8")
    expected = interface.text("report.default_page_in_area", "cy").format(area=WELSH_AREA.name)
    assert f"data-hsb-report-page>{expected}<" in page
    assert "write which one" not in page
    site_wide = (built_site / "cy" / "report-a-problem" / "index.html").read_text("utf-8")
    assert f'data-hsb-report-page>{interface.text("report.default_page", "cy")}<' in site_wide
    assert "(not known)" not in site_wide


# ---- in the browser --------------------------------------------------------------------------

FOLLOWED = [
    ("pathway step", urls.node(WELSH_AREA.id, *next((p.id, n.id) for p in WELSH_AREA.pathways.values()
                                                    for n in p.order() if n.type == "question"))),
    ("contact sheet", urls.contact_sheet(WELSH_AREA.id)),
    ("families' page", urls.families(WELSH_AREA.id)),
]


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("name,address", FOLLOWED, ids=[n for n, _ in FOLLOWED])
def test_the_language_link_leads_to_the_same_page_in_the_other_language(
        page_js, page_nojs, site_url, javascript, name, address):
    page = page_js if javascript else page_nojs
    page.goto(site_url + address)
    page.get_by_role("link", name="Cymraeg", exact=True).click()
    page.wait_for_url(site_url + "cy/" + address)
    assert page.evaluate("document.documentElement.lang") == "cy"
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(site_url + address)
    assert page.evaluate("document.documentElement.lang") == "en"


WELSH_TEMPLATES = [(name, address if address.startswith("#") else "cy/" + address)
                   for name, address in template_pages(SITE)
                   if not name.startswith("area ") or name == f"area {WELSH_AREA.id}"]


@pytest.mark.browser
@pytest.mark.parametrize("name,address", WELSH_TEMPLATES, ids=[n for n, _ in WELSH_TEMPLATES])
def test_axe_finds_nothing_on_a_welsh_page_of_each_template(page_js, site_url, built_site, name, address):
    if address == "#404":
        open_template(page_js, site_url, built_site / "cy", address)
    elif address.startswith("#search:"):
        page_js.goto(site_url + "cy/" + SEARCH_PAGE)
        assert search_for(page_js, address.split(":", 1)[1])
    else:
        open_template(page_js, site_url, built_site, address)
    assert page_js.evaluate("document.documentElement.lang") == "cy"
    violations = run_axe(page_js)
    assert not violations, f"axe-core on Welsh {name} ({page_js.url}):\n{describe_violations(violations)}"


@pytest.mark.browser
def test_shift_three_times_exits_a_welsh_page_counting_in_welsh(page_js, site_url, exit_url):
    page = page_js
    page.goto(site_url + "cy/" + urls.area(WELSH_AREA.id))
    status = page.locator("[data-hsb-exit-status]")
    count = page.locator("[data-hsb-exit-count]")
    page.keyboard.press("Shift")
    assert status.text_content() == "Pwyswch 'Shift' 2 gwaith arall"
    assert count.is_visible() and count.get_attribute("title") == "Pwyswyd Shift 1 o 3 gwaith"
    page.keyboard.press("Shift")
    assert status.text_content() == "Pwyswch 'Shift' 1 mwy o amser"
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


@pytest.mark.browser
def test_the_exit_button_is_a_welsh_link_that_leaves_without_javascript(page_nojs, site_url, exit_url):
    page = page_nojs
    page.goto(site_url + "cy/" + urls.area(WELSH_AREA.id))
    page.get_by_role("button", name="Gadael y dudalen hon").click()
    page.wait_for_url(exit_url)


@pytest.mark.browser
def test_a_welsh_search_searches_the_welsh_tree(page_js, site_url):
    """Pagefind keeps one index per language (the page's lang): a search from a Welsh page
    finds Welsh pages only, and one from an English page English pages only."""
    page_js.goto(site_url + "cy/" + SEARCH_PAGE)
    found = search_for(page_js, "Blackpool")
    assert found and all("/cy/" in href for href in found), found
    found = search_for(page_js, "atgyfeirio")  # in the Welsh pages' headings only
    assert found and all("/cy/" in href for href in found), found
    assert "o dudalennau wedi’u canfod" in page_js.locator("[data-hsb-search-status]").text_content()
    page_js.goto(site_url + SEARCH_PAGE)
    for words in ("Blackpool", "atgyfeirio"):
        found = search_for(page_js, words)
        assert not any("/cy/" in href for href in found), found


@pytest.mark.browser
def test_a_printed_welsh_contact_sheet_says_where_and_when_in_welsh(page_js, site_url):
    page = page_js
    page.goto(site_url + "cy/" + urls.contact_sheet(WELSH_AREA.id))
    page.emulate_media(media="print")
    printed = page.locator(".hsb-sheet__printed").inner_text()
    assert printed.startswith("Argraffwyd o ") and "/cy/" + urls.contact_sheet(WELSH_AREA.id) in printed
    months = ("Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr").split()
    assert any(month in printed for month in months), printed
    assert not page.locator(".md-header").is_visible() and not page.locator(".hsb-exit").is_visible()
    assert page.locator(".hsb-card").first.is_visible()


def test_the_site_check_refuses_a_welsh_tree_that_lost_pages(built_site, tmp_path):
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    check = [sys.executable, str(ROOT / "scripts" / "check_site.py"), str(copy)]
    assert subprocess.run(check, capture_output=True, text=True).returncode == 0
    shutil.rmtree(copy / "cy" / urls.area(WELSH_AREA.id))
    done = subprocess.run(check, capture_output=True, text=True)
    assert done.returncode == 1 and "cy: " in done.stderr and f"{urls.area(WELSH_AREA.id)}index.html: missing" in done.stderr


def test_navigation_title_names_a_page_in_welsh_only_where_the_catalogue_does():
    from signpost.render.alternates import navigation_title
    assert navigation_title("cy", "Rhieni a gofalwyr", "A guide for parents and carers") == "Rhieni a gofalwyr"
    assert navigation_title("cy", "Areas", "Areas") == "Ardaloedd"          # from nav.Areas
    assert navigation_title("cy", "Is this normal?", "Is this normal?") is None  # no Welsh name
    assert navigation_title("en", "Parents and carers", "A guide for parents and carers") is None
    assert navigation_title("cy", "Hafan", None) is None
