"""The real site, built with `mkdocs build --strict`: what readers get, checked in the HTML."""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from helpers_content import small_area, write_yaml
from site_build import ROOT, build_site
from signpost.content import load_site
from signpost.render import urls

SITE = load_site(ROOT / "services")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def text_of(html: str) -> str:
    """The visible text, roughly: tags removed, entities decoded, whitespace folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(abbr|strong|em|a|span|cite|time|code)\b[^>]*>", "", html)  # inline: no gap
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def plain(text: str) -> str:
    return " ".join(text.replace("**", "").split())


@pytest.mark.parametrize("area", SITE.areas, ids=lambda a: a.id)
def test_every_area_page_shows_its_facts_and_contact_links(built_site, area):
    html = page(built_site, urls.area(area.id))
    text = text_of(html)
    assert f"<h1 id=\"top\">{area.name}</h1>" in html.replace("&amp;", "&").replace("&#39;", "'")
    assert plain(area.summary) in text
    for contact in area.contacts:
        assert plain(contact.name) in text
        if contact.phone:
            assert f'href="{contact.phone.tel}"' in html
            assert contact.phone.display in text
    for service in area.services:
        assert plain(service.name) in text and plain(service.provider) in text
        if service.ages:
            assert plain(service.ages.wording) in text
    for criterion in area.referral_criteria:
        assert plain(criterion.text) in text
    for route in area.referral_routes:
        assert plain(route.name) in text
        section = html.split(f'id="route-{route.id}"', 1)[1].split("</ol>", 1)[0]
        assert section.count("<li>") == len(route.steps), "a route step is missing from the page"
        for step in route.steps:
            if step.timescale:
                assert plain(step.timescale) in text
    for pathway in area.pathways.values():
        assert f'href="{urls.relative(urls.area(area.id), urls.node(area.id, pathway.id, pathway.start))}"' in html
    assert area.source.title.replace("**", "") in text
    assert area.last_reviewed.isoformat() in html


def test_every_pathway_node_has_its_own_page(built_site):
    for area in SITE.areas:
        for pathway in area.pathways.values():
            overview = text_of(page(built_site, urls.pathway(area.id, pathway.id)))
            for node in pathway.nodes.values():
                html = page(built_site, urls.node(area.id, pathway.id, node.id))
                assert plain(node.title) in text_of(html)
                assert plain(node.title) in overview
                for option in node.options:
                    target = urls.relative(urls.node(area.id, pathway.id, node.id),
                                           urls.node(area.id, pathway.id, option.next))
                    assert f'href="{target}"' in html


def test_no_step_shows_the_answers_heading_over_an_empty_list(built_site):
    """Without JavaScript a step lists the answers that lead to it only when there are some: a
    single route of Continue steps gives none, and the heading stays hidden there."""
    answers = re.compile(r'<section class="hsb-answers"[^>]*?( hidden)?>.*?<ol class="hsb-route-taken">(.*?)</ol>', re.S)
    shown = empty = 0
    for area in SITE.areas:
        for pathway in area.pathways.values():
            for node in pathway.nodes.values():
                found = answers.search(page(built_site, urls.node(area.id, pathway.id, node.id)))
                assert found, f"{urls.node(area.id, pathway.id, node.id)} has no answers section"
                hidden, items = found.group(1), "<li>" in found.group(2)
                assert hidden or items, f"{urls.node(area.id, pathway.id, node.id)}: heading over an empty list"
                shown += bool(items)
                empty += not items
    assert shown and empty  # both kinds of page are among the areas' steps


def test_contact_sheet_and_vcards(built_site):
    bnes = SITE.area("bath-and-north-east-somerset")
    sheet = page(built_site, urls.contact_sheet(bnes.id))
    for contact in bnes.contacts:
        assert f'id="contact-{contact.id}"' in sheet
        if contact.phone:
            card = (built_site / urls.vcard(bnes.id, contact.id)).read_text("utf-8")
            assert "BEGIN:VCARD" in card and contact.phone.tel.removeprefix("tel:") in card


def test_abbreviations_are_explained_on_generated_and_written_pages(built_site):
    solihull = page(built_site, urls.area("solihull"))
    assert re.search(r'<abbr title="[^"]+">AIM2</abbr>', solihull) or \
        re.search(r'<abbr title="[^"]+">AIM 2</abbr>', solihull)
    assert re.search(r'<abbr title="[^"]+">YOS</abbr>', solihull)
    home = page(built_site, "")
    assert re.search(r"<abbr title=\"[^\"]+\">HSB</abbr>", home)


def test_area_index_lists_and_compares_every_area(built_site):
    html = page(built_site, "areas/")
    for area in SITE.areas:
        assert f'href="{area.id}/"' in html
    table = page(built_site, "compare/").split('class="hsb-compare"', 1)[1]
    assert table.count('<th scope="row">') == len(SITE.areas)
    assert "AIM2" in table and "12–18" in table and "5–21" in table


def test_national_help_and_999_on_every_page(built_site):
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text("utf-8")
        assert 'href="tel:999"' in html, f"no 999 notice on {html_file}"
        assert "data-hsb-exit" in html, f"no quick exit on {html_file}"
    home = text_of(page(built_site, ""))
    for item in SITE.national:
        assert item.name in home
        if item.phone:
            assert item.phone.display in home


def test_no_third_party_resources_in_the_built_site(built_site):
    loaded = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*(?:src|href)="(https?:)?//', re.I)
    for f in list(built_site.rglob("*.html")):
        html = f.read_text("utf-8")
        assert not loaded.search(html), f"{f} loads something from another host"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css.read_text("utf-8"))


def _indexed_text(html: str) -> str | None:
    """The text the search indexes on a page (Pagefind's data-pagefind-body, less the parts
    marked data-pagefind-ignore), or None when the page is not in the search."""
    if "<div data-pagefind-body>" not in html:
        return None
    body = html.split("<div data-pagefind-body>", 1)[1].split("</article>", 1)[0]
    body = re.sub(r'<section class="hsb-who"[^>]*data-pagefind-ignore.*?</section>', " ", body, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_search_finds_areas_services_contacts_and_pathway_steps(built_site):
    for area in SITE.areas:
        text = _indexed_text(page(built_site, urls.area(area.id)))
        assert text is not None, f"{area.id} is not in the search"
        for service in area.services:
            assert " ".join(plain(service.name).split(" (")[0].split()) in text
        for contact in area.contacts:
            assert " ".join(plain(contact.name).split()) in text
        for pathway in area.pathways.values():
            step = pathway.nodes[pathway.start]
            assert " ".join(plain(step.title).split()) in (_indexed_text(page(built_site, urls.node(area.id, pathway.id, step.id))) or "")


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory) -> Path:
    """A copy of the bundled content that a test may change."""
    target = tmp_path_factory.mktemp("content") / "services"
    shutil.copytree(ROOT / "services", target)
    return target


def test_a_new_area_file_is_all_it_takes(tmp_path, content_copy):
    write_yaml(content_copy / "otherton.yml", small_area("otherton", "Otherton"))
    out = tmp_path / "site"
    result = build_site(out, content_copy)
    assert result.returncode == 0, result.stderr
    assert "Otherton" in page(out, "areas/otherton/")
    assert 'href="otherton/"' in page(out, "areas/")
    nav = page(out, "glossary/")
    assert re.search(r'href="\.\./areas/otherton/"[^>]*>\s*(<span[^>]*>)?\s*Otherton', nav), \
        "the new area is not in the navigation"
    assert _indexed_text(page(out, "areas/otherton/")), "the new area is not in the search"
    assert (out / "areas/otherton/referral/worried/index.html").exists()
    (content_copy / "otherton.yml").unlink()


def test_navigation_stops_listing_areas_past_the_limit(tmp_path):
    out = tmp_path / "site"
    result = build_site(out, extra={"nav_area_limit": 2})
    assert result.returncode == 0, result.stderr
    nav = page(out, "glossary/")
    assert 'href="../areas/blackpool/"' not in nav
    assert 'href="../areas/"' in nav


def build_with_changes(out: Path, content: Path, changes: dict[str, str]):
    """Build from ``content`` with some files' text replaced, then put the files back."""
    originals = {name: (content / name).read_text("utf-8") for name in changes}
    try:
        for name, text in changes.items():
            (content / name).write_text(text, "utf-8")
        return build_site(out, content)
    finally:
        for name, text in originals.items():
            (content / name).write_text(text, "utf-8")


def changed_yaml(content: Path, name: str, change) -> str:
    """The text of ``content/name`` after ``change(data)`` edits its parsed YAML."""
    import yaml

    data = yaml.safe_load((content / name).read_text("utf-8"))
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_bad_data_stops_the_build_with_the_validators_message(tmp_path, content_copy):
    name = "bath-and-north-east-somerset.yml"
    original = (content_copy / name).read_text("utf-8")
    broken = original.replace("phone: 01225 396313", 'phone: "01225 3963"', 1)
    assert broken != original
    line = broken.splitlines().index(next(l for l in broken.splitlines() if '"01225 3963"' in l)) + 1
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the live site", "utf-8")
    result = build_with_changes(out, content_copy, {name: broken})
    assert result.returncode != 0
    assert f"{name}:{line}:" in result.stderr
    assert ".phone: '01225 3963' is not a valid UK phone number" in result.stderr
    # Nothing was written: the site that was there before is untouched.
    assert (out / "index.html").read_text("utf-8") == "the live site"
    assert not (out / "areas").exists()


def test_html_in_content_is_shown_as_text(tmp_path, content_copy):
    attack = '<script>alert(1)</script><img src=x onerror=alert(2)> **kept bold**'
    text = changed_yaml(content_copy, "blackpool.yml", lambda data: data.update(summary=attack))
    out = tmp_path / "site"
    result = build_with_changes(out, content_copy, {"blackpool.yml": text})
    assert result.returncode == 0, result.stderr
    html = page(out, "areas/blackpool/")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>kept bold</strong>" in html


def test_every_page_says_when_it_was_last_reviewed(built_site):
    for html_file in built_site.rglob("index.html"):
        if html_file.parent.name == "admin":
            continue  # the staff's form editor is a tool, not content to review
        html = html_file.read_text("utf-8")
        # In English, or on a Welsh page (under cy/) in Welsh.
        assert re.search(r"(?:[Ll]ast reviewed|[Aa]dolygwyd(?: y dudalen)? ddiwethaf(?: ar)?) "
                         r"<time datetime=\"\d{4}-\d{2}-\d{2}\">", html), \
            f"{html_file.relative_to(built_site)} does not show when it was last reviewed"


def test_html_in_the_glossary_is_shown_as_text(tmp_path, content_copy):
    """Glossary meanings become abbreviation tooltips on every page, written and generated."""
    def poison(data):
        hsb = next(t for t in data["terms"] if t["term"] == "HSB")
        hsb["stands_for"] = 'Harmful <img src=x onerror="alert(1)">\n\n<script>alert(2)</script> **behaviour**'

    out = tmp_path / "site"
    result = build_with_changes(out, content_copy,
                                {"glossary.yml": changed_yaml(content_copy, "glossary.yml", poison)})
    assert result.returncode == 0, result.stderr
    for url in ("", "parents/documents/", "areas/bath-and-north-east-somerset/"):
        html = page(out, url)
        assert "<img src=x" not in html and "<script>alert(2)" not in html
        assert re.search(r'<abbr title="Harmful &lt;img[^"]*behaviour">HSB</abbr>', html), url
