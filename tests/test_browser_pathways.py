"""Pathways in a real browser: walked by a reader without JavaScript, by a keyboard-only reader,
and every node of every pathway of every area checked against the model.

The expected text comes from services/*.yml through the model, so a content change moves the
expectations with it; only the node ids of Blackpool's pathway are named here.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from browser_fixtures import (browser, focus_style, focus_visible, folded, page_js,  # noqa: F401
                              page_nojs, plain, site_model)
from signpost.content import load_site
from signpost.render import urls
from site_build import ROOT

pytestmark = pytest.mark.browser

AREA = "blackpool"
PATHWAY = "sexually-harmful-behaviour"


def rx(text: str) -> str:
    """``text`` escaped for a regular expression Playwright hands to the page ("/" included)."""
    return re.escape(text).replace("/", r"\/")


def node_url(site_url: str, area: str, pathway: str, node: str) -> str:
    return site_url + urls.node(area, pathway, node)


def h1_text(page) -> str:
    return folded(page.locator("h1").inner_text())


def main_text(page) -> str:
    return folded(page.locator("article").inner_text())


def page_heading(pathway, page_id: str) -> str:
    """The h1 of a pathway page: the question or outcome, or the process's stage when it has
    one stage; "What happens next" above several."""
    stages = pathway.pages.stages[page_id]
    return plain(stages[0].title) if len(stages) == 1 else "What happens next"


def assert_node_page(page, site_url, pathway, node_id):
    """The page is the page that shows the node: its address, one h1, the text of every stage."""
    pages = pathway.pages
    page_id = pages.page_of[node_id]
    assert page.url.split("#")[0] == node_url(site_url, pathway.area_id, pathway.id, page_id)
    assert page.locator("h1").count() == 1
    assert h1_text(page) == page_heading(pathway, page_id)
    text = main_text(page)
    for node in pages.stages[page_id]:
        for value in (node.title, node.text, node.who, node.lead, node.timescale, *node.actions):
            if value:
                assert plain(value) in text, f"{node.id}: {value!r} is not on the page"
        for contact in node.contacts:
            card = page.locator(f"#contact-{contact.id}")
            assert card.is_visible(), f"{node.id}: no card for {contact.id}"
            assert folded(card.inner_text()) == plain(contact.name)
    return text


def option_link(page, label: str):
    """The answer link whose visible label is exactly ``label``."""
    links = page.locator("a.hsb-option").filter(
        has=page.locator(".hsb-option__label", has_text=re.compile(rf"^\s*{rx(plain(label))}\s*$")))
    assert links.count() == 1, f"expected one answer labelled {label!r}, found {links.count()}"
    return links


def continue_link(page, next_title: str):
    """The one link forward from a process: its accessible name names the next page."""
    link = page.get_by_role("link", name=re.compile(rf"^Continue\b.*{rx(plain(next_title))}"))
    assert link.count() == 1, f"expected one Continue link to {next_title!r}, found {link.count()}"
    return link


def back_link(page, to_title: str):
    """The Back link at the top of the page that goes to the page titled ``to_title``."""
    nav = page.locator("nav.hsb-back-nav")
    link = nav.get_by_role("link", name=re.compile(rf"^Back\b.*{rx(plain(to_title))}"))
    if link.count() == 0:  # several pages lead here: "Back to:" and the title of each
        link = nav.get_by_role("link", name=plain(to_title), exact=True)
    assert link.count() >= 1, f"no Back link to {to_title!r} on {page.url}"
    return link.first


# ---- 1. Blackpool, new request, amber/red to the strategy meeting, without JavaScript ---------

def test_blackpool_pathway_without_javascript(page_nojs, site_url, site_model):
    page = page_nojs
    area = site_model.area(AREA)
    pathway = area.pathways[PATHWAY]
    nodes = pathway.nodes
    pages = pathway.pages

    page.goto(site_url + urls.area(AREA))
    assert h1_text(page) == area.name
    start = page.get_by_role("link", name=re.compile(rf"^Start\b.*{rx(plain(pathway.title))}"))
    assert start.count() == 1, "the area page has no link to start the pathway"
    start.click()
    assert_node_page(page, site_url, pathway, pathway.start)

    visited = [pathway.start]

    def answer(node_id: str, target: str):
        option = next(o for o in nodes[node_id].options if o.next == target)
        option_link(page, option.label).click()
        visited.append(pages.page_of[target])
        return assert_node_page(page, site_url, pathway, target)

    def cont(page_id: str):
        target = pages.edges[page_id][0].target
        continue_link(page, pages.title(target)).click()
        visited.append(target)
        return assert_node_page(page, site_url, pathway, target)

    # Back sits at the top of a question page, before the question.
    assert page.locator("nav.hsb-back-nav").count() == 0, "the first question has nowhere to go back to"

    # Not an open case: a new request for support to the Families Rock hub, then the screening,
    # one process page of two stages.
    text = answer("already-open-case", "request-for-support")
    hub = nodes["request-for-support"].contacts[0]
    assert plain(hub.name) in text
    assert plain(nodes["screening"].who) in text
    stages = page.locator("ol.hsb-stages > li h2").all_inner_texts()
    assert [re.sub(r"^Stage (\d+) ?:", r"\1:", folded(t)) for t in stages] == [
        f"{i}: {plain(nodes[n].title)}" for i, n in enumerate(("request-for-support", "screening"), start=1)]
    cont("request-for-support")
    assert visited[-1] == "screening-result"
    back_at_top = page.evaluate("""() => {
        const back = document.querySelector('nav.hsb-back-nav'), h1 = document.querySelector('h1');
        return !!back && !!(back.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert back_at_top, "Back is not above the question"
    labels = [folded(t) for t in page.locator(".hsb-option__label").all_inner_texts()]
    assert labels == [plain(o.label) for o in nodes["screening-result"].options]

    # Amber or red: safeguarding concerns through to the strategy meeting, on one page.
    text = answer("screening-result", "amber-red")
    discussion = nodes["strategy-discussion"]
    timescales = [folded(t) for t in page.locator(".hsb-timescale").all_inner_texts()]
    assert plain(discussion.timescale) in timescales
    assert "within 24hrs" in text
    for invitee in ("Police", "Youth Offending Service", "Children’s services"):
        assert invitee in plain(discussion.who)
        assert invitee in text
    for stage in ("assessment-and-support-team", "interim-safeguarding-measures", "child-and-family-assessment"):
        assert plain(nodes[stage].title) in text
    cont("amber-red")
    assert visited[-1] == "strategy-meeting"
    actions = [folded(t) for t in page.locator("ul.hsb-stage__actions > li").all_inner_texts()]
    assert actions == [plain(a) for a in nodes["strategy-meeting"].actions]
    text = cont("strategy-meeting")
    assert visited[-1] == "strategy-meeting-outcome"
    assert page.url.endswith("/areas/blackpool/sexually-harmful-behaviour/strategy-meeting-outcome/")
    assert "Section 47 enquiry" in text
    # Each outcome the meeting can reach says what it means, from the glossary, with a link.
    glossary = page.locator("ul.hsb-outcomes a[href*='glossary/#term-section-47-enquiry']")
    assert glossary.count() == 1
    meaning = next(t.meaning for t in site_model.glossary if t.term == "Section 47 enquiry")
    assert plain(meaning) in text
    follow_on = area.pathways[nodes["strategy-meeting-outcome"].see_also[0]]
    follow_link = page.get_by_role("link", name=plain(follow_on.title), exact=True)
    assert urljoin(page.url, follow_link.get_attribute("href")) == site_url + urls.pathway(AREA, follow_on.id)

    # Back, one page at a time, the way this reader came, to the screening question.
    while visited[-1] != "screening-result":
        here = visited.pop()
        back_link(page, pages.title(visited[-1])).click()
        assert page.url == node_url(site_url, AREA, PATHWAY, visited[-1]), (
            f"Back on {here!r} went to {page.url}, not to {visited[-1]!r}, the step this reader came from")

    # Green this time, then a request for support from early help.
    answer("screening-result", "green")
    text = answer("green", "early-help-request")
    assert page.url.endswith("/areas/blackpool/sexually-harmful-behaviour/early-help-request/")
    early = nodes["early-help-request"]
    assert plain(early.lead) in text
    assert "Early Help Assessment" in text


# ---- 2. Keyboard only, JavaScript on -----------------------------------------------------------

def tab_to(page, selector: str, limit: int = 80) -> list[dict]:
    """Press Tab until an element matching ``selector`` has focus; every stop passed on the way
    must show where the focus is. Returns the focus styles seen."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        style = focus_style(page)
        if style is None:
            continue
        seen.append(style)
        assert focus_visible(style), f"focus is not visible on {style} at {page.url}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return seen
    raise AssertionError(f"{selector} never got focus after {limit} Tab presses on {page.url}")


def test_keyboard_only_pathway(page_js, site_url, site_model):
    page = page_js
    pathway = site_model.area(AREA).pathways[PATHWAY]
    page.goto(node_url(site_url, AREA, PATHWAY, pathway.start))
    pages = pathway.pages
    node = pathway.nodes[pathway.start]
    steps = 0
    while node.type != "outcome":
        steps += 1
        assert steps < 30, "the pathway never reached an outcome"
        # Skip link first, as a keyboard reader would; focus then lands on the main content.
        tab_to(page, "a.hsb-skip")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content"
        if node.type == "question":
            tab_to(page, "a.hsb-option")
            target = node.options[0].next
            label = folded(page.evaluate("document.activeElement.querySelector('.hsb-option__label').innerText"))
            assert label == plain(node.options[0].label)
        else:
            tab_to(page, "a.hsb-button")
            target = pages.edges[pages.page_of[node.id]][0].target
        with page.expect_navigation():
            page.keyboard.press("Enter")
        node = pathway.nodes[pages.page_of[target]]
        assert_node_page(page, site_url, pathway, node.id)
    assert node.type == "outcome"


# ---- 3. Every node of every pathway of every area ----------------------------------------------

PAGE_FACTS_JS = """() => {
  const text = el => el.innerText.split(/\\s+/).filter(Boolean).join(' ');
  return {
    h1: [...document.querySelectorAll('h1')].map(text),
    options: [...document.querySelectorAll('a.hsb-option')].map(a => ({
      label: text(a.querySelector('.hsb-option__label')), href: a.href})),
    continues: [...document.querySelectorAll('a.hsb-button')].map(a => a.href),
    cards: Object.fromEntries([...document.querySelectorAll('section.hsb-card')].map(card => [
      card.querySelector('.hsb-card__title').id,
      {visible: card.getClientRects().length > 0,
       title: text(card.querySelector('.hsb-card__title')),
       tel: [...card.querySelectorAll('a[href^="tel:"]')].map(a => [a.getAttribute('href'), text(a)])}])),
  };
}"""


def test_every_pathway_node(page_nojs, site_url, site_model):
    """Each node's address: HTTP 200, the heading of the page that shows it, each answer or
    Continue link going to the right page (which answers 200), and a card for each contact of
    each stage with the phone to call."""
    page = page_nojs
    status: dict[str, int] = {}

    def fetch_status(url: str) -> int:
        if url not in status:
            status[url] = page.request.get(url).status
        return status[url]

    problems = []
    checked = 0
    for area in site_model.areas:
        for pathway in area.pathways.values():
            pages = pathway.pages
            assert len(pathway.order()) == len(pathway.nodes), f"{area.id}/{pathway.id}: unreachable nodes"
            for node in pathway.order():
                url = node_url(site_url, area.id, pathway.id, node.id)
                where = f"{area.id}/{pathway.id}/{node.id}"
                response = page.goto(url)
                if response is None or response.status != 200:
                    problems.append(f"{where}: HTTP {response and response.status}")
                    continue
                status[url] = 200
                checked += 1
                facts = page.evaluate(PAGE_FACTS_JS)
                page_id = pages.page_of[node.id]
                if facts["h1"] != [page_heading(pathway, page_id)]:
                    problems.append(f"{where}: h1 {facts['h1']} is not {page_heading(pathway, page_id)!r}")
                last = pages.stages[page_id][-1]
                found = [(o["label"], o["href"]) for o in facts["options"]]
                targets = []
                if last.type == "question":
                    wanted = [(plain(o.label), node_url(site_url, area.id, pathway.id, pages.page_of[o.next]))
                              for o in last.options]
                    if found != wanted:
                        problems.append(f"{where}: answers {found} are not {wanted}")
                    targets = [href for _, href in found]
                elif found:
                    problems.append(f"{where}: a {last.type} page offers answers {found}")
                if last.type == "step":
                    targets = facts["continues"]
                    wanted_url = node_url(site_url, area.id, pathway.id, pages.page_of[last.next])
                    if targets != [wanted_url]:
                        problems.append(f"{where}: Continue goes to {targets}, not {wanted_url}")
                elif facts["continues"]:
                    problems.append(f"{where}: a {last.type} page has Continue links {facts['continues']}")
                for target in targets:
                    if fetch_status(target) != 200:
                        problems.append(f"{where}: {target} answers HTTP {fetch_status(target)}")
                for contact in (c for stage in pages.stages[page_id] for c in stage.contacts):
                    card = facts["cards"].get(f"contact-{contact.id}")
                    if not card or not card["visible"] or card["title"] != plain(contact.name):
                        problems.append(f"{where}: no contact card for {contact.name!r} ({card})")
                        continue
                    if contact.phone:
                        wanted_tel = [[contact.phone.tel, contact.phone.display]]
                        if card["tel"] != wanted_tel:
                            problems.append(f"{where}: card {contact.id} links {card['tel']}, not {wanted_tel}")
                    elif card["tel"]:
                        problems.append(f"{where}: card {contact.id} shows a phone number the content "
                                        f"does not give: {card['tel']}")
                if page.locator(f"[data-hsb-provenance='{pathway.provenance}']").count() != 1:
                    problems.append(f"{where}: the page does not say where the pathway comes from")
    assert checked == sum(len(p.nodes) for a in site_model.areas for p in a.pathways.values())
    assert not problems, "\n".join(problems)


# ---- 4. Routes that merge: no page states an answer or a step the reader did not take ---------

def all_routes(pathway) -> list[list[tuple[str, str | None]]]:
    """Every route through the pathway's pages: (page id, answer chosen there or None)."""
    pages = pathway.pages
    routes = []

    def walk(page_id, so_far):
        edges = pages.edges[page_id]
        if not edges:
            routes.append(so_far + [(page_id, None)])
        for edge in edges:
            walk(edge.target, so_far + [(page_id, edge.answer)])
    walk(pathway.start, [])
    return routes


def merging_routes(site) -> list:
    """For every page that several ways lead to, one route along each of those ways: the fewest
    walks that reach every merge from every side."""
    cases = []
    for area in site.areas:
        for pathway in area.pathways.values():
            pages = pathway.pages
            routes = all_routes(pathway)
            chosen: list[int] = []
            for target, ways in pages.incoming.items():
                if len(ways) < 2:
                    continue
                for before, edge in ways:
                    step = (before, edge.answer)
                    n = next(i for i, r in enumerate(routes)
                             if step in r and r[r.index(step) + 1][0] == target)
                    if n not in chosen:
                        chosen.append(n)
            cases += [pytest.param(area.id, pathway.id, n, id=f"{area.id}/{pathway.id}/{n}")
                      for n in sorted(chosen)]
    return cases


ROUTE_FACTS_JS = """() => {
  const text = el => el.innerText.split(/\\s+/).filter(Boolean).join(' ');
  const section = document.querySelector('[data-hsb-answers]');
  const shown = section && !section.hidden && section.getClientRects().length > 0;
  const number = document.querySelector('[data-hsb-step-number]');
  return {
    answers: shown ? [...section.querySelectorAll('li')].map(li => ({
        question: text(li.querySelector('a')), answer: text(li.querySelector('strong')),
        href: li.querySelector('a').href})) : [],
    heading: shown ? text(section.querySelector('h2')) : null,
    number: number ? text(number) : null,
  };
}"""


def walk_route(page, site_url, site, area_id, pathway_id, n, javascript: bool):
    pathway = site.area(area_id).pathways[pathway_id]
    pages = pathway.pages
    route = all_routes(pathway)[n]
    page.goto(node_url(site_url, area_id, pathway_id, pathway.start))
    given: list[tuple[str, str]] = []      # (question, answer) this reader chose, in order
    visited: list[str] = []
    last_number = 0
    for position, (page_id, answer) in enumerate(route, start=1):
        assert page.url == node_url(site_url, area_id, pathway_id, page_id)
        visited.append(page.url)
        facts = page.evaluate(ROUTE_FACTS_JS)
        where = f"{area_id}/{pathway_id}/{page_id} on route {n} (JavaScript {'on' if javascript else 'off'})"
        # Only answers this reader gave, each on a page this reader saw.
        shown = [(a["question"], a["answer"]) for a in facts["answers"]]
        assert set(shown) <= set(given), f"{where}: shows answers not given: {set(shown) - set(given)}"
        assert all(a["href"] in visited for a in facts["answers"]), f"{where}: links a page not visited"
        if javascript:
            assert shown == given, f"{where}: lists {shown}, but the reader answered {given}"
            if given:
                assert facts["heading"] == "How you got here"
        elif pages.only_route(page_id) is None:
            assert not shown, f"{where}: several routes lead here, yet it lists answers {shown}"
        # A step number, where shown, is this page's place on the walk: it only ever rises.
        if facts["number"]:
            number = int(facts["number"].split()[-1])
            assert number == position, f"{where}: says {facts['number']} at page {position} of the walk"
            assert number > last_number
            last_number = number
        if answer is not None:
            given.append((plain(pages.title(page_id)), plain(answer)))
            link = option_link(page, answer)
        elif pages.edges[page_id]:
            link = page.locator("a[data-hsb-continue]")
        else:
            break
        with page.expect_navigation():  # and site.js has run: the next page has loaded
            link.click()
    return visited


ROUTES = merging_routes(load_site(ROOT / "services"))


@pytest.mark.parametrize("area_id,pathway_id,n", ROUTES)
def test_merging_route_with_javascript(page_js, site_url, site_model, area_id, pathway_id, n):
    walk_route(page_js, site_url, site_model, area_id, pathway_id, n, javascript=True)


@pytest.mark.parametrize("area_id,pathway_id,n", ROUTES)
def test_merging_route_without_javascript(page_nojs, site_url, site_model, area_id, pathway_id, n):
    walk_route(page_nojs, site_url, site_model, area_id, pathway_id, n, javascript=False)


@pytest.mark.parametrize("tree, back", [("", "Back"), ("cy/", "Yn ôl")], ids=["English", "Welsh"])
def test_back_at_a_merge_goes_where_this_reader_came_from(page_js, site_url, site_model, tree, back):
    """With JavaScript, a page several pages lead to offers one Back (in the page's language):
    to the page this reader came from; after going back, the answers list forgets the answer
    taken back."""
    pathway = site_model.area(AREA).pathways[PATHWAY]
    page = page_js
    site_url += tree
    page.goto(node_url(site_url, AREA, PATHWAY, pathway.start))

    def follow(link):
        with page.expect_navigation():
            link.click()
    follow(option_link(page, "Yes"))
    follow(page.locator("a[data-hsb-continue]"))
    follow(option_link(page, "Red or Amber"))
    follow(page.locator("a[data-hsb-continue]"))
    assert page.url == node_url(site_url, AREA, PATHWAY, "strategy-meeting")
    backs = page.locator("nav.hsb-back-nav a")
    assert backs.count() == 1 and backs.first.inner_text() == back
    follow(backs.first)
    assert page.url == node_url(site_url, AREA, PATHWAY, "open-case-red-amber")
    follow(page.locator("nav.hsb-back-nav a.hsb-back"))  # and Back again, to the screening question
    assert page.url == node_url(site_url, AREA, PATHWAY, "open-case-screening-result")
    follow(option_link(page, "Green"))
    answers = page.evaluate(ROUTE_FACTS_JS)["answers"]
    assert [a["answer"] for a in answers] == ["Yes", "Green"]


def test_summary_is_kept_in_this_tab_only(browser, site_url, site_model):
    """The route lives in sessionStorage: another tab (another session) knows nothing of it, and
    the site sets no cookie."""
    from browser_fixtures import stub_other_hosts
    pathway = site_model.area(AREA).pathways[PATHWAY]
    context = browser.new_context()
    stub_other_hosts(context)
    try:
        first = context.new_page()
        first.goto(node_url(site_url, AREA, PATHWAY, pathway.start))
        option_link(first, "No").click()
        assert first.evaluate("Object.keys(window.localStorage).length") == 0
        assert first.evaluate("Object.keys(window.sessionStorage).length") == 1
        second = context.new_page()
        second.goto(first.url)
        assert second.evaluate("Object.keys(window.sessionStorage).length") <= 1
        assert second.evaluate(ROUTE_FACTS_JS)["heading"] != "How you got here"
        assert context.cookies() == []
    finally:
        context.close()
