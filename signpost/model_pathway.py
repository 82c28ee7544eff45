"""A pathway and its nodes, as typed, read-only objects (signpost.model gathers them). What
leads where is asked of signpost.pathway_graph; the pages a reader walks, of
signpost.pathway_pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .model_records import Contact
from .pathway_graph import Graph


@dataclass(frozen=True)
class Option:
    label: str
    next: str
    hint: str | None = None


@dataclass(frozen=True)
class Node:
    id: str
    type: str  # question | step | outcome
    title: str
    text: str | None = None
    who: str | None = None
    lead: str | None = None
    timescale: str | None = None
    actions: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    options: tuple[Option, ...] = ()
    next: str | None = None
    see_also: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the nodes this node leads to."""
        if self.type == "question":
            return tuple(o.next for o in self.options)
        return (self.next,) if self.next else ()


@dataclass(frozen=True)
class Pathway:
    id: str
    area_id: str
    title: str
    start: str
    nodes: dict[str, Node]
    provenance: str = "built-from-text"  # source-flowchart | built-from-text
    summary: str | None = None
    audience: tuple[str, ...] = ()

    @property
    def for_professionals_only(self) -> bool:
        """Asks what only a professional can answer: its pages send families elsewhere."""
        return self.audience == ("professionals",)

    @property
    def from_source_flowchart(self) -> bool:
        """Whether the source document draws this pathway itself (else the site built it from
        the document's text)."""
        return self.provenance == "source-flowchart"

    @cached_property
    def pages(self):
        """The pages a reader walks through (signpost.pathway_pages), worked out once."""
        from .pathway_pages import PathwayPages
        return PathwayPages(self)

    @cached_property
    def graph(self) -> Graph:
        """The nodes as a graph (signpost.pathway_graph): what leads where."""
        return Graph(self.start, {node_id: node.targets for node_id, node in self.nodes.items()})

    def order(self) -> list[Node]:
        """Nodes in reading order: breadth first from the start, then by first appearance."""
        return [self.nodes[node_id] for node_id in self.graph.breadth_first()]

    def parents(self, node_id: str) -> list[Node]:
        """The nodes that lead straight to ``node_id``."""
        return [self.nodes[parent] for parent in self.graph.parents(node_id)]

    @property
    def outcomes(self) -> list[Node]:
        return [n for n in self.order() if n.type == "outcome"]
