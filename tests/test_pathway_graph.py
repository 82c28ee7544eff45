"""signpost.pathway_graph on small graphs whose answers can be worked out by hand.

The graph below has a branch (ask → yes | no), a join (yes and no both lead to refer), two
answers that lead to one place (check → done twice), a node nothing reaches (orphan) and a
way out to an id that is not a node (stray → missing):

    ask ─► yes ─► refer ─► check ═► done
     └───► no ──────┘
    orphan ─► done         stray ─► missing
"""
from __future__ import annotations

from signpost.pathway_graph import Graph, Loop, dict_ways_out

WAYS = {
    "ask": ["yes", "no"],
    "yes": ["refer"],
    "no": ["refer"],
    "refer": ["check"],
    "check": ["done", "done"],
    "done": [],
    "orphan": ["done"],
    "stray": ["missing"],
}


def graph() -> Graph:
    return Graph("ask", WAYS)


def test_edges_leave_out_ids_that_are_not_nodes():
    assert graph().edges("ask") == [(0, "yes"), (1, "no")]
    assert graph().edges("stray") == []


def test_incoming_keeps_every_way_in_and_parents_name_each_once():
    g = graph()
    assert g.incoming("refer") == [("yes", 0), ("no", 0)]
    assert g.incoming("done") == [("check", 0), ("check", 1), ("orphan", 0)]
    assert g.parents("done") == ["check", "orphan"]
    assert g.parents("ask") == []


def test_reading_order_is_breadth_first_and_leaves_out_what_cannot_be_reached():
    assert graph().breadth_first() == ["ask", "yes", "no", "refer", "check", "done"]
    assert graph().reachable() == {"ask", "yes", "no", "refer", "check", "done"}


def test_runs_group_the_ids_that_join_the_one_before():
    # check continues the run of refer, the one id that leads to it.
    runs = graph().runs(lambda node_id: node_id == "check")
    assert runs == {"ask": ("ask",), "yes": ("yes",), "no": ("no",), "refer": ("refer", "check"),
                    "done": ("done",)}


def test_a_run_never_comes_back_to_itself():
    assert Graph("a", {"a": ["b"], "b": ["a"]}).runs(lambda node_id: True) == {}
    assert Graph("a", {"a": ["b"], "b": ["a"]}).runs(lambda node_id: node_id == "b") == {
        "a": ("a", "b")}


def test_a_graph_without_loops_has_none():
    assert graph().loops() == []


def test_a_loop_is_found_at_the_way_out_that_closes_it():
    looped = Graph("ask", {**WAYS, "check": ["done", "yes"]})
    assert looped.loops() == [Loop("check", 1, "yes", ("ask", "yes", "refer", "check"))]


def test_a_node_that_leads_to_itself_is_a_loop():
    assert Graph("a", {"a": ["b"], "b": ["b", "c"], "c": []}).loops() == [
        Loop("b", 0, "b", ("a", "b"))]


def test_every_loop_is_found_once_in_walking_order():
    g = Graph("a", {"a": ["b", "c"], "b": ["a"], "c": ["c"]})
    assert [(loop.source, loop.target) for loop in g.loops()] == [("b", "a"), ("c", "c")]


def test_topological_order_points_every_way_forward_and_keeps_a_branch_together():
    order = graph().topological
    assert order == ["ask", "yes", "no", "refer", "check", "done"]
    # A deeper branch is read to its end before the next answer's branch.
    deep = Graph("q", {"q": ["a1", "b1"], "a1": ["a2"], "a2": ["end"], "b1": ["end"], "end": []})
    assert deep.topological == ["q", "a1", "a2", "b1", "end"]
    assert deep.depth_first_rank() == {"q": 0, "a1": 1, "a2": 2, "end": 3, "b1": 4}


def test_positions_on_every_route():
    deep = Graph("q", {"q": ["a1", "b1"], "a1": ["a2"], "a2": ["end"], "b1": ["end"], "end": []})
    assert deep.positions == {"q": frozenset({1}), "a1": frozenset({2}), "b1": frozenset({2}),
                              "a2": frozenset({3}), "end": frozenset({3, 4})}
    assert deep.longest_distance == {"q": 0, "a1": 1, "b1": 1, "a2": 2, "end": 3}


def test_routes_are_counted_per_way_in_and_only_a_single_route_is_given():
    g = graph()
    assert g.route_counts == {"ask": 1, "yes": 1, "no": 1, "refer": 2, "check": 2, "done": 4}
    assert g.only_route("no") == [("ask", 1)]
    assert g.only_route("ask") == []
    assert g.only_route("refer") is None
    # Two answers leading to one place are two routes.
    assert Graph("a", {"a": ["b", "b"], "b": []}).only_route("b") is None


def test_ways_out_of_a_node_as_the_yaml_has_it():
    question = {"type": "question", "options": [{"label": "Yes", "next": "a"},
                                                {"label": "No", "next": "b"}]}
    assert dict_ways_out(question) == [(("options", 0, "next"), "a"), (("options", 1, "next"), "b")]
    assert dict_ways_out({"type": "step", "next": "c"}) == [(("next",), "c")]
    assert dict_ways_out({"type": "outcome"}) == []
