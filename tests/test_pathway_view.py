"""signpost.render.pathway_view on a small pathway whose pages can be worked out by hand:

    ask ─Yes─► s1 ─► s2 ─► choose ─A─► done
     │                        └───B──► also-done
     └───No──────────────────────────► done

s1 and s2 are one process page (s1's); done is reached by two routes of different lengths.
"""
from __future__ import annotations

import datetime as dt

import pytest

from signpost.model import Area, Contact, Node, Option, Pathway, Source
from signpost.render import urls
from signpost.render.pathway_view import AnswerGiven, NodeView, PageLink, WayOn

REVIEWED = dt.date(2026, 1, 15)
DUTY = Contact("duty", "Duty team", REVIEWED, "testshire")
PANEL = Contact("panel", "HSB panel", REVIEWED, "testshire")

NODES = [
    Node("ask", "question", "Is the child known?", options=(
        Option("Yes", "s1", hint="An open case"), Option("No", "done"))),
    Node("s1", "step", "Call the duty team", next="s2", contacts=(DUTY,)),
    Node("s2", "step", "Meet the panel", next="choose", contacts=(DUTY, PANEL)),
    Node("choose", "question", "Is there a plan?", options=(
        Option("A plan", "done"), Option("No plan", "also-done"))),
    Node("done", "outcome", "Support", see_also=("other",)),
    Node("also-done", "outcome", "Review"),
]
PATHWAY = Pathway("referral", "testshire", "Referral", "ask", {n.id: n for n in NODES})
OTHER = Pathway("other", "testshire", "What comes after", "end",
                {"end": Node("end", "outcome", "The end")})
AREA = Area("testshire", "Testshire", "England", Source("A document"), REVIEWED, "A summary",
            pathways={"referral": PATHWAY, "other": OTHER})


def view(node_id: str) -> NodeView:
    return NodeView(AREA, PATHWAY, PATHWAY.nodes[node_id])


def link(page: str, title: str) -> PageLink:
    return PageLink(urls.node("testshire", "referral", page), title)


def test_the_start_is_a_question_with_its_answers_in_order():
    start = view("ask")
    assert (start.kind, start.is_start, start.step_number) == ("question", True, 1)
    assert start.head.id == "ask" and start.back == []
    assert start.ways_on == [WayOn("Yes", "An open case", link("s1", "Call the duty team")),
                             WayOn("No", None, link("done", "Support"))]
    assert start.answers_given == []


@pytest.mark.parametrize("node_id, marked", [("s1", None), ("s2", "s2")])
def test_a_run_of_steps_is_one_process_page_with_its_stage_marked(node_id, marked):
    process = view(node_id)
    assert process.page == "s1" and process.kind == "process" and process.has_stages
    assert [s.id for s in process.stages] == ["s1", "s2"]
    assert process.marked_stage == marked
    assert process.step_number == 2
    assert process.back == [link("ask", "Is the child known?")]
    assert process.ways_on == [WayOn(None, None, link("choose", "Is there a plan?"))]
    assert process.contacts == [DUTY, PANEL]   # each once, in the order first named


def test_a_page_one_route_reaches_lists_the_answers_on_it():
    choose = view("choose")
    assert choose.step_number == 3 and not choose.is_start
    assert choose.back == [link("s1", "Call the duty team")]
    assert choose.answers_given == [AnswerGiven(link("ask", "Is the child known?"), "Yes")]
    also = view("also-done")
    assert also.answers_given == [AnswerGiven(link("ask", "Is the child known?"), "Yes"),
                                  AnswerGiven(link("choose", "Is there a plan?"), "No plan")]


def test_a_page_several_routes_reach_has_no_number_and_offers_each_way_back():
    done = view("done")
    assert done.kind == "outcome" and not done.has_stages and done.ways_on == []
    assert done.step_number is None            # second on one route, fourth on the other
    assert done.back == [link("ask", "Is the child known?"), link("choose", "Is there a plan?")]
    assert done.answers_given == []


def test_an_outcome_links_the_pathways_that_follow():
    assert view("done").see_also == [PageLink(urls.pathway("testshire", "other"), "What comes after")]
    assert view("also-done").see_also == []
    assert view("ask").see_also == []
