"""The site search, used as a reader would: words typed key by key into the search page's box,
results read from the page, links followed. Also what the build indexes, and the page without
JavaScript. The site is the real one built from services/."""
from __future__ import annotations

import re

import pytest
import yaml

from browser_fixtures import (SEARCH_PAGE, browser, describe_violations, page_js,  # noqa: F401
                              page_nojs, run_axe, search_for, site_model)
from site_build import ROOT
from signpost.render import urls


def _project_pages() -> list[str]:
    """The addresses of the pages mkdocs.yml files under the sections search leaves out."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    leave_out = set(config["extra"]["search_leave_out"])
    found = []

    def walk(entries, inside):
        for entry in entries:
            for title, value in (entry.items() if isinstance(entry, dict) else [("", entry)]):
                if isinstance(value, list):
                    walk(value, inside or title in leave_out)
                elif inside:
                    found.append(value.removesuffix(".md") + "/")
    walk(config["nav"], False)
    return found


PROJECT_PAGES = _project_pages()


def test_the_rule_leaves_out_the_pages_about_the_project():
    assert {"editors/", "architecture/", "performance/", "open-data/", "accessibility/"} <= set(PROJECT_PAGES)


# ---- what the build indexes ----------------------------------------------------------------

def test_every_page_a_reader_needs_is_indexed_and_no_page_about_the_project(built_site, site_model):
    def indexed(address):
        return "<div data-pagefind-body>" in (built_site / address / "index.html").read_text("utf-8")
    area = site_model.area("blackpool")
    pathway = next(iter(area.pathways.values()))
    for address in ("", "parents/", "professionals/", "areas/", "glossary/", urls.area(area.id),
                    urls.pathway(area.id, pathway.id), urls.node(area.id, pathway.id, pathway.start)):
        assert indexed(address), f"/{address} is not in the search"
    for address in PROJECT_PAGES + [SEARCH_PAGE, urls.contact_sheet(area.id)]:
        assert not indexed(address), f"/{address} is in the search"
    bundle = built_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("index/*.pf_index"))
    assert not list(bundle.glob("pagefind-ui*")), "Pagefind's unused interfaces were published"


def test_numbers_are_indexed_as_one_run_of_digits(built_site):
    page = (built_site / urls.area("bath-and-north-east-somerset") / "index.html").read_text("utf-8")
    assert re.search(r'href="tel:\+441225396313"[^>]*data-hsb-digits="01225396313"', page)


# ---- readers' words, typed -----------------------------------------------------------------

@pytest.fixture
def search_page(page_js, site_url):
    page_js.goto(site_url + SEARCH_PAGE)
    return page_js


def _opens_and_shows(page, site_url, href, text):
    page.goto(site_url.rstrip("/") + href)
    return text in page.locator("article").inner_text()


@pytest.mark.parametrize("typed", ["01225396313", "+44 1225 396313", "01225 396 313"])
def test_a_number_however_it_is_typed_finds_the_page_that_gives_it(search_page, site_url, typed):
    results = search_for(search_page, typed)
    assert results, f"nothing found for {typed}"
    assert "bath-and-north-east-somerset" in results[0], results[:3]
    assert _opens_and_shows(search_page, site_url, results[0], "01225 396313")


def test_a_number_finds_first_the_area_page_whose_card_gives_it(search_page, site_model):
    """Typed as a professional reads it off a letter, a local number leads first to the area
    page, whose contact card says whose number it is, not to a step that only mentions it."""
    areas_of = {}
    for area in site_model.areas:
        for contact in area.contacts:
            if contact.phone:
                areas_of.setdefault(contact.phone.digits, set()).add(area.id)
    checked = 0
    for area in site_model.areas:
        for contact in [c for c in area.contacts if c.phone and areas_of[c.phone.digits] == {area.id}]:
            results = search_for(search_page, contact.phone.display)
            assert results and results[0] == "/" + urls.area(area.id), (contact.phone.display, results[:3])
            checked += 1
    assert checked >= 2  # the source documents give few local numbers: B&NES's two


@pytest.mark.parametrize("typed", ["my son touched his sister", "worried about my son's sexual behaviour",
                                   "is it normal for my daughter"])
def test_a_parents_phrase_leads_first_to_a_page_for_parents(search_page, typed):
    """The guide for parents, or the home page that opens on a parent's worry, comes first:
    not a pathway step for professionals, nor "Cover your tracks"."""
    results = search_for(search_page, typed)
    assert results and (results[0] == "/" or results[0].startswith("/parents/")), f"{typed!r}: {results[:5]}"
    assert "/cover-your-tracks/" not in results[:3]


@pytest.mark.parametrize("typed", ["worried about my son's sexual behaviour", "my son is touching other children"])
def test_pages_named_for_a_readers_phrase_rank_above_pages_that_only_share_its_words(search_page, site_model, typed):
    """search-synonyms.yml says which pages answer a reader's phrase: when the query holds one,
    those pages come first, before pathway steps that merely use the same words."""
    query = typed.casefold().replace("'s", "")
    named = {"/" + page.lstrip("/") for entry in site_model.search_synonyms
             if any(re.search(rf"(^|\W){re.escape(p.casefold())}($|\W)", query) for p in entry.readers_write)
             for page in entry.pages}
    assert named, f"no entry of search-synonyms.yml matches {typed!r}: the test needs one"
    results = search_for(search_page, typed)
    first = results[:len(named)]
    assert set(first) == named, f"{typed!r}: expected {sorted(named)} first, got {results[:len(named) + 2]}"


def test_a_term_from_a_pathway_step_finds_the_step(search_page, site_url):
    results = search_for(search_page, "strategy meeting")
    steps = [r for r in results[:5] if re.fullmatch(r"/areas/[^/]+/[^/]+/[^/]+/", r)]
    assert steps, f"no pathway step among {results[:5]}"
    first = search_page.locator(".hsb-search__result").first
    assert "strategy" in first.locator("a").inner_text().lower()
    assert " · " in first.locator(".hsb-search__context").inner_text()  # its area and pathway
    assert _opens_and_shows(search_page, site_url, steps[0], "trategy")


def test_an_abbreviation_and_its_full_term_find_each_other(search_page, site_model):
    yos = next(t for t in site_model.glossary if t.term == "YOS")
    # The full term finds steps that only write the abbreviation.
    search_for(search_page, yos.stands_for)
    titles = search_page.locator(".hsb-search__result a").all_inner_texts()
    assert any(re.search(r"\bYOS\b", t) and yos.stands_for not in t for t in titles), titles[:8]
    # And the abbreviation finds what it stands for.
    search_for(search_page, "MASH")
    text = " ".join(search_page.locator(".hsb-search__result").all_inner_texts())
    assert "MASH" in text


@pytest.mark.parametrize("typed", ["how to refer", "accessibility", "yaml", "worried", "performance"])
def test_no_page_about_the_project_answers_a_readers_search(search_page, typed):
    results = search_for(search_page, typed)
    shown = [r for r in results if r.strip("/") + "/" in PROJECT_PAGES]
    assert not shown, f"{typed!r} found pages about the project: {shown}"


def test_nothing_found_says_so_and_where_to_go(search_page):
    search_for(search_page, "zzqxj")
    status = search_page.locator("[data-hsb-search-status]").inner_text()
    assert "Nothing found" in status and "list of areas" in status


# ---- keyboard, history, storage --------------------------------------------------------------

def test_enter_keeps_the_words_out_of_the_address_and_the_history(search_page, site_url):
    entries = search_page.evaluate("history.length")
    search_for(search_page, "Blackpool")
    search_page.keyboard.press("Enter")
    search_page.wait_for_timeout(300)
    assert search_page.url == site_url + SEARCH_PAGE
    assert search_page.evaluate("history.length") == entries
    assert search_page.locator("#hsb-search-input").get_attribute("autocomplete") == "off"
    state = search_page.context.storage_state()
    assert state["origins"] == [] and state["cookies"] == []
    assert search_page.evaluate("sessionStorage.length") == 0
    # Tab reaches the first result; Enter opens it in the same history entry.
    search_page.keyboard.press("Tab")
    search_page.keyboard.press("Tab")
    focused = search_page.evaluate("document.activeElement.closest('.hsb-search__result') !== null")
    assert focused, "Tab from the search button does not reach the first result"
    search_page.keyboard.press("Enter")
    search_page.wait_for_url(re.compile(r".*/areas/blackpool/.*"))
    assert search_page.evaluate("history.length") == entries


def test_the_search_is_clean_for_axe_with_results_open(search_page):
    search_for(search_page, "strategy meeting")
    violations = run_axe(search_page)
    assert not violations, describe_violations(violations)


def test_without_javascript_the_box_gives_way_to_plain_links(page_nojs, site_url):
    page = page_nojs
    page.goto(site_url + SEARCH_PAGE)
    assert not page.locator("#hsb-search-input").is_visible()
    links = page.locator("[data-hsb-search-nojs] a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.rstrip("/").endswith("areas") for h in hrefs), hrefs
    assert any(h.rstrip("/").endswith("parents") for h in hrefs), hrefs
    # The header's search link is a plain link that works without JavaScript too.
    page.goto(site_url)
    page.locator("a.hsb-search-link").click()
    page.wait_for_url(site_url + SEARCH_PAGE)
