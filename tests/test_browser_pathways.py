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
from signpost.render import urls

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


def assert_node_page(page, site_url, pathway, node_id):
    """The page is the node's own page: its address, its title as the only h1, its text."""
    node = pathway.nodes[node_id]
    assert page.url == node_url(site_url, pathway.area_id, pathway.id, node_id)
    assert page.locator("h1").count() == 1
    assert h1_text(page) == plain(node.title)
    text = main_text(page)
    for value in (node.text, node.who, node.lead, node.timescale, *node.actions):
        if value:
            assert plain(value) in text, f"{node_id}: {value!r} is not on the page"
    for contact in node.contacts:
        card = page.locator(f"#contact-{contact.id}")
        assert card.is_visible(), f"{node_id}: no card for {contact.id}"
        assert folded(card.inner_text()) == plain(contact.name)
    return text


def option_link(page, label: str):
    """The answer link whose visible label is exactly ``label``."""
    links = page.locator("a.hsb-option").filter(
        has=page.locator(".hsb-option__label", has_text=re.compile(rf"^\s*{rx(plain(label))}\s*$")))
    assert links.count() == 1, f"expected one answer labelled {label!r}, found {links.count()}"
    return links


def continue_link(page, next_title: str):
    """The one link forward from a step: its accessible name names the next step."""
    link = page.get_by_role("link", name=re.compile(rf"^Continue\b.*{rx(plain(next_title))}"))
    assert link.count() == 1, f"expected one Continue link to {next_title!r}, found {link.count()}"
    return link


def back_link(page, to_title: str):
    link = page.get_by_role("link", name=re.compile(rf"^Back\b.*{rx(plain(to_title))}"))
    assert link.count() >= 1, f"no Back link to {to_title!r} on {page.url}"
    return link.first


# ---- 1. Blackpool, new request, amber/red to the strategy meeting, without JavaScript ---------

def test_blackpool_pathway_without_javascript(page_nojs, site_url, site_model):
    page = page_nojs
    area = site_model.area(AREA)
    pathway = area.pathways[PATHWAY]
    nodes = pathway.nodes

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
        visited.append(target)
        return assert_node_page(page, site_url, pathway, target)

    def cont(node_id: str):
        target = nodes[node_id].next
        continue_link(page, nodes[target].title).click()
        visited.append(target)
        return assert_node_page(page, site_url, pathway, target)

    # Not an open case: a new request for support to the Families Rock hub.
    text = answer("already-open-case", "request-for-support")
    hub = nodes["request-for-support"].contacts[0]
    assert plain(hub.name) in text
    text = cont("request-for-support")
    assert visited[-1] == "screening"
    assert plain(nodes["screening"].who) in text
    text = cont("screening")
    assert visited[-1] == "screening-result"
    labels = [folded(t) for t in page.locator(".hsb-option__label").all_inner_texts()]
    assert labels == [plain(o.label) for o in nodes["screening-result"].options]

    # Amber or red: safeguarding concerns, through to the strategy meeting and its outcome.
    answer("screening-result", "amber-red")
    cont("amber-red")
    assert visited[-1] == "assessment-and-support-team"
    text = cont("assessment-and-support-team")
    assert visited[-1] == "strategy-discussion"
    discussion = nodes["strategy-discussion"]
    timescale = page.locator(".hsb-timescale")
    assert folded(timescale.inner_text()) == plain(discussion.timescale)
    assert "within 24hrs" in timescale.inner_text()
    for invitee in ("Police", "Youth Offending Service", "Children’s services"):
        assert invitee in plain(discussion.who)
        assert invitee in text
    cont("strategy-discussion")
    cont("interim-safeguarding-measures")
    cont("child-and-family-assessment")
    assert visited[-1] == "strategy-meeting"
    steps = [folded(t) for t in page.locator("ol.hsb-steps > li").all_inner_texts()]
    assert steps == [plain(a) for a in nodes["strategy-meeting"].actions]
    text = cont("strategy-meeting")
    assert visited[-1] == "strategy-meeting-outcome"
    assert page.url.endswith("/areas/blackpool/sexually-harmful-behaviour/strategy-meeting-outcome/")
    assert "Section 47 enquiry" in text
    follow_on = area.pathways[nodes["strategy-meeting-outcome"].see_also[0]]
    follow_link = page.get_by_role("link", name=plain(follow_on.title), exact=True)
    assert urljoin(page.url, follow_link.get_attribute("href")) == site_url + urls.pathway(AREA, follow_on.id)

    # Back, one step at a time, the way this reader came, to the screening question.
    while visited[-1] != "screening-result":
        here = visited.pop()
        back_link(page, nodes[visited[-1]].title).click()
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
            target = node.next
        with page.expect_navigation():
            page.keyboard.press("Enter")
        node = pathway.nodes[target]
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
    """Each node page: HTTP 200, its title as the one h1, each answer or Continue link going to the
    right page (which answers 200), and a card for each of its contacts with the phone to call."""
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
                if facts["h1"] != [plain(node.title)]:
                    problems.append(f"{where}: h1 {facts['h1']} is not the node title {plain(node.title)!r}")
                found = [(o["label"], o["href"]) for o in facts["options"]]
                if node.type == "question":
                    wanted = [(plain(o.label), node_url(site_url, area.id, pathway.id, o.next))
                              for o in node.options]
                    if found != wanted:
                        problems.append(f"{where}: answers {found} are not {wanted}")
                    targets = [href for _, href in found]
                elif found:
                    problems.append(f"{where}: a {node.type} page offers answers {found}")
                if node.type == "step":
                    targets = facts["continues"]
                    wanted_url = node_url(site_url, area.id, pathway.id, node.next)
                    if targets != [wanted_url]:
                        problems.append(f"{where}: Continue goes to {targets}, not {wanted_url}")
                elif facts["continues"]:
                    problems.append(f"{where}: a {node.type} page has Continue links {facts['continues']}")
                if node.type == "outcome":
                    targets = []
                for target in targets:
                    if fetch_status(target) != 200:
                        problems.append(f"{where}: {target} answers HTTP {fetch_status(target)}")
                for contact in node.contacts:
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
    assert checked == sum(len(p.nodes) for a in site_model.areas for p in a.pathways.values())
    assert not problems, "\n".join(problems)
