"""How a pathway's nodes become the pages a reader walks through.

A question is a page of its own. A run of steps that follow one another with nothing joining
in between is one *process* page (GOV.UK step-by-step: numbered stages on one page), so a
reader never clicks Continue past a single sentence. Every node keeps its own address; a step
inside a run shows the run's page with its stage marked.

What a static page can honestly say about the reader's route is worked out here: a step
number only where every route gives the same one, and a list of the answers that lead to a
page only where a single route reaches it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .model import Node, Pathway
from .pathway_graph import Graph


@dataclass(frozen=True)
class Edge:
    """A way from one page to the next: the answer chosen (None after a process) and where."""
    answer: str | None
    hint: str | None
    target: str          # the page id (a node id: the question, outcome or first stage)


@dataclass(frozen=True)
class OutlineItem:
    number: int
    page: str
    nodes: tuple[Node, ...]               # one node, or the stages of a process
    edges: tuple[tuple[Edge, int], ...]   # each way on, with the item number it leads to


class PathwayPages:
    """The pages of one pathway and the routes between them. Built once per pathway."""

    def __init__(self, pathway: Pathway):
        self.pathway = pathway

    # ---- pages ------------------------------------------------------------------------------

    def _joins_run(self, node: Node) -> bool:
        """A step continues the run of the step before it when that step is its only parent."""
        parents = self.pathway.parents(node.id)
        return (node.type == "step" and len(parents) == 1 and parents[0].type == "step"
                and node.id != self.pathway.start)

    @cached_property
    def stages(self) -> dict[str, tuple[Node, ...]]:
        """Page id → the nodes the page shows (several for a process, else one)."""
        nodes = self.pathway.nodes
        runs = self.pathway.graph.runs(lambda node_id: self._joins_run(nodes[node_id]))
        return {first: tuple(nodes[node_id] for node_id in run) for first, run in runs.items()}

    @cached_property
    def page_of(self) -> dict[str, str]:
        """Node id → the id of the page that shows it."""
        return {n.id: page for page, run in self.stages.items() for n in run}

    def is_process(self, page: str) -> bool:
        return self.stages[page][0].type == "step"

    def kind(self, page: str) -> str:
        """question | process | outcome: what the page is, as its template and box show it."""
        return "process" if self.is_process(page) else self.stages[page][0].type

    @cached_property
    def edges(self) -> dict[str, tuple[Edge, ...]]:
        """Page id → the ways on from it, answers in the order the data gives them."""
        out = {}
        for page, run in self.stages.items():
            last = run[-1]
            if last.type == "question":
                out[page] = tuple(Edge(o.label, o.hint, self.page_of[o.next]) for o in last.options)
            elif last.type == "step":
                out[page] = (Edge(None, None, self.page_of[last.next]),)
            else:
                out[page] = ()
        return out

    @cached_property
    def graph(self) -> Graph:
        """The pages as a graph (signpost.pathway_graph), ways on in the data's order."""
        return Graph(self.pathway.start,
                     {page: [e.target for e in edges] for page, edges in self.edges.items()})

    @cached_property
    def incoming(self) -> dict[str, list[tuple[str, Edge]]]:
        """Page id → (page before, edge taken) for every way into it."""
        return {page: [(before, self.edges[before][i]) for before, i in self.graph.incoming(page)]
                for page in self.stages}

    def parents(self, page: str) -> list[str]:
        """The pages that lead straight here, each once."""
        return self.graph.parents(page)

    @property
    def topological(self) -> list[str]:
        """Pages in an order where every way on points forward, near reading order."""
        return self.graph.topological

    # ---- routes -----------------------------------------------------------------------------

    def step_number(self, page: str) -> int | None:
        """The page's position on every route to it, or None where routes disagree: a number
        shown only where it is the same on every route can never go backwards on a walk."""
        positions = self.graph.positions[page]
        return next(iter(positions)) if len(positions) == 1 else None

    def only_route(self, page: str) -> list[tuple[str, Edge]] | None:
        """The one route to ``page`` as (page, edge taken) pairs, or None when more than one
        route reaches it (a static page cannot know which one the reader took)."""
        route = self.graph.only_route(page)
        if route is None:
            return None
        return [(before, self.edges[before][i]) for before, i in route]

    def title(self, page: str) -> str:
        """A page's heading: the question or outcome, or the process's first stage."""
        return self.stages[page][0].title

    # ---- the whole pathway ------------------------------------------------------------------

    @cached_property
    def outline(self) -> list[OutlineItem]:
        """The pathway as a flat numbered list: each item says which numbers it leads to, and
        every one of those is a later number."""
        numbers = {page: i for i, page in enumerate(self.topological, start=1)}
        return [OutlineItem(numbers[page], page, self.stages[page],
                            tuple((e, numbers[e.target]) for e in self.edges[page]))
                for page in self.topological]

    def number_in_outline(self, page: str) -> int:
        return next(item.number for item in self.outline if item.page == page)
