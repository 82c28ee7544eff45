"""What one page of a pathway shows, worked out before its template prints it.

pages/pathway-node.html gets a ``NodeView``: the page's kind and stages, its step number, where
Back leads, the ways on, its contacts and the answers that lead to it. Routes are asked of
signpost.pathway_pages (which asks signpost.pathway_graph). Texts stay the model's own, printed
by the template through the escaping filters, so one view serves either language.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import Area, Contact, Node, Pathway
from . import urls


@dataclass(frozen=True)
class PageLink:
    """A page of the site: its site-relative address and the heading it is named by."""
    url: str
    title: str


@dataclass(frozen=True)
class WayOn:
    """A way from this page to the next: the answer chosen (None after a process) and where."""
    answer: str | None
    hint: str | None
    to: PageLink


@dataclass(frozen=True)
class AnswerGiven:
    """One answer on the single route to this page: the question's page and the answer."""
    question: PageLink
    answer: str


class NodeView:
    """The page at one node's address: the node's own page, or the process it is a stage of."""

    def __init__(self, area: Area, pathway: Pathway, node: Node):
        self.area, self.pathway, self.node = area, pathway, node
        self._pages = pathway.pages
        self.page = self._pages.page_of[node.id]   # the id of the page shown

    def _link(self, page: str) -> PageLink:
        return PageLink(urls.node(self.area.id, self.pathway.id, page), self._pages.title(page))

    @cached_property
    def stages(self) -> tuple[Node, ...]:
        """The nodes the page shows: the stages of a process, else the one node."""
        return self._pages.stages[self.page]

    @property
    def head(self) -> Node:
        """The question, the outcome or the first stage: it names the page."""
        return self.stages[0]

    @property
    def kind(self) -> str:
        """question | process | outcome."""
        return self._pages.kind(self.page)

    @property
    def has_stages(self) -> bool:
        """A process of several stages: headed "What happens next", its stages numbered."""
        return self.kind == "process" and len(self.stages) > 1

    @property
    def marked_stage(self) -> str | None:
        """The stage this address points at, when it is not the process's first."""
        return self.node.id if self.node.id != self.page else None

    @property
    def step_number(self) -> int | None:
        """The page's position on every route to it; None where routes disagree."""
        return self._pages.step_number(self.page)

    @property
    def is_start(self) -> bool:
        return self.node.id == self.pathway.start

    @cached_property
    def back(self) -> list[PageLink]:
        """The pages that lead straight here: one is Back, several are offered to choose from."""
        return [self._link(parent) for parent in self._pages.parents(self.page)]

    @cached_property
    def ways_on(self) -> list[WayOn]:
        """The answers of a question, or the one Continue of a process; none from an outcome."""
        return [WayOn(edge.answer, edge.hint, self._link(edge.target))
                for edge in self._pages.edges[self.page]]

    @cached_property
    def contacts(self) -> list[Contact]:
        """The contacts the stages name, each once, in the order they are first named."""
        out: list[Contact] = []
        for stage in self.stages:
            for contact in stage.contacts:
                if contact not in out:
                    out.append(contact)
        return out

    @cached_property
    def see_also(self) -> list[PageLink]:
        """The pathways an outcome leads on to."""
        if self.kind != "outcome":
            return []
        pathways = [self.area.pathways[pathway_id] for pathway_id in self.head.see_also]
        return [PageLink(urls.pathway(self.area.id, p.id), p.title) for p in pathways]

    @cached_property
    def answers_given(self) -> list[AnswerGiven]:
        """The answers on the single route to this page, in the order they were given (none
        where several routes lead here)."""
        return [AnswerGiven(self._link(before), edge.answer)
                for before, edge in self._pages.only_route(self.page) or [] if edge.answer]
