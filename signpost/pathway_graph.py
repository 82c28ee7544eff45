"""A pathway as a graph: the one place that walks its edges.

The validator (raw, unchecked data), the model (nodes), the pages a reader walks (runs of
nodes) and the flow diagram all ask the same questions of one small directed graph: which ids
follow which, what can be reached from the start, where it loops, in what order to read it, at
what position a page stands on each route and how many routes reach it. They build a
``Graph`` from the ids each id leads to and ask it.

Ways out are kept in the data's order and with repeats (two answers may lead to one page), as
both decide what a reader sees: answers in order, and one route per answer.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property


def dict_ways_out(node: dict) -> list[tuple[tuple, str]]:
    """(path inside the node, target id) for each way out of a node as the YAML has it."""
    if node["type"] == "question":
        return [(("options", i, "next"), o["next"]) for i, o in enumerate(node["options"])]
    if node["type"] == "step":
        return [(("next",), node["next"])]
    return []


@dataclass(frozen=True)
class Loop:
    """A way out that leads back to an id on the route that reached it."""
    source: str
    index: int                  # which of the source's ways out
    target: str
    trail: tuple[str, ...]      # the route from the start to the source


class Graph:
    """Ids from ``start``, each with the ids it leads to. A way out to an id that is not in
    ``ways_out`` is left out of every walk (the validator reports it on its own)."""

    def __init__(self, start: str, ways_out: Mapping[str, Sequence[str]]):
        self.start = start
        self.ways_out = {n: tuple(out) for n, out in ways_out.items()}

    def edges(self, source: str) -> list[tuple[int, str]]:
        """(index, target) for each way out of ``source`` to an id of this graph."""
        return [(i, t) for i, t in enumerate(self.ways_out[source]) if t in self.ways_out]

    @cached_property
    def _incoming(self) -> dict[str, list[tuple[str, int]]]:
        incoming: dict[str, list[tuple[str, int]]] = {n: [] for n in self.ways_out}
        for source in self.ways_out:
            for index, target in self.edges(source):
                incoming[target].append((source, index))
        return incoming

    def incoming(self, target: str) -> list[tuple[str, int]]:
        """(source, index of its way out) for every way into ``target``, sources in order."""
        return self._incoming[target]

    def parents(self, target: str) -> list[str]:
        """The ids that lead straight to ``target``, each once."""
        return list(dict.fromkeys(source for source, _ in self._incoming[target]))

    # ---- walks from the start ---------------------------------------------------------------

    def breadth_first(self) -> list[str]:
        """Ids reachable from the start, breadth first, ways out in order."""
        seen, queue, out = {self.start}, deque([self.start]), []
        while queue:
            node = queue.popleft()
            out.append(node)
            for _, target in self.edges(node):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return out

    def reachable(self) -> set[str]:
        return set(self.breadth_first())

    def runs(self, joins: Callable[[str], bool]) -> dict[str, tuple[str, ...]]:
        """The ids the start reaches, grouped into runs: ``joins(id)`` says that an id continues
        the run of the id that leads to it. First id of each run → the run, breadth first."""
        out: dict[str, tuple[str, ...]] = {}
        for first in self.breadth_first():
            if joins(first):
                continue
            run = [first]
            while following := [t for _, t in self.edges(run[-1]) if t not in run and joins(t)]:
                run.append(following[0])
            out[first] = tuple(run)
        return out

    def loops(self) -> list[Loop]:
        """Every way out that leads back to an id on the route that reached it, in the order
        a depth-first walk from the start (ways out in order) meets them. A node that leads to
        itself is one."""
        on_route: dict[str, None] = {}   # the depth-first route, in order
        done: set[str] = set()
        found: list[Loop] = []
        stack = [(self.start, iter(self.edges(self.start)))]
        on_route[self.start] = None
        while stack:
            node, out = stack[-1]
            for index, target in out:
                if target in on_route:
                    found.append(Loop(node, index, target, tuple(on_route)))
                elif target not in done:
                    on_route[target] = None
                    stack.append((target, iter(self.edges(target))))
                    break
            else:
                del on_route[node]
                done.add(node)
                stack.pop()
        return found

    def depth_first_rank(self) -> dict[str, int]:
        """Id → the order a depth-first walk from the start (ways out in order) first meets
        it: a branch stays together."""
        rank: dict[str, int] = {}
        stack = [self.start]
        while stack:
            node = stack.pop()
            if node not in rank:
                rank[node] = len(rank)
                stack.extend(t for _, t in reversed(self.edges(node)) if t not in rank)
        return rank

    @cached_property
    def _incoming_reached(self) -> dict[str, list[tuple[str, int]]]:
        """Ways in from ids the start reaches: the only ones on a route."""
        reached = self.reachable()
        return {n: [(s, i) for s, i in ways if s in reached] for n, ways in self._incoming.items()}

    @cached_property
    def topological(self) -> list[str]:
        """Ids the start reaches, in an order where every way out points forward, near reading
        order (depth first). Needs a graph without loops: ids on a loop are left out."""
        rank = self.depth_first_rank()
        waiting = {n: len(self._incoming_reached[n]) for n in self.ways_out}
        ready, out = [self.start], []
        while ready:
            ready.sort(key=rank.__getitem__)
            node = ready.pop(0)
            out.append(node)
            for _, target in self.edges(node):
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
        return out

    # ---- routes from the start (a graph without loops) --------------------------------------

    @cached_property
    def positions(self) -> dict[str, frozenset[int]]:
        """Id → every position (1 for the start) it has on some route from the start."""
        positions: dict[str, frozenset[int]] = {}
        for node in self.topological:
            positions[node] = frozenset({1}) if node == self.start else frozenset(
                n + 1 for source, _ in self._incoming_reached[node] for n in positions[source])
        return positions

    @cached_property
    def route_counts(self) -> dict[str, int]:
        """Id → how many routes from the start reach it (each way out is a route of its own)."""
        counts: dict[str, int] = {}
        for node in self.topological:
            counts[node] = 1 if node == self.start else sum(
                counts[source] for source, _ in self._incoming_reached[node])
        return counts

    def only_route(self, target: str) -> list[tuple[str, int]] | None:
        """The one route to ``target`` as (id, index of the way out taken) pairs from the
        start, or None when more than one route reaches it."""
        if self.route_counts[target] != 1:
            return None
        route = []
        while target != self.start:
            source, index = self._incoming_reached[target][0]
            route.append((source, index))
            target = source
        route.reverse()
        return route

    @cached_property
    def longest_distance(self) -> dict[str, int]:
        """Id → the length of the longest route to it from the start (0 for the start)."""
        distance: dict[str, int] = {}
        for node in self.topological:
            distance.setdefault(node, 0)
            for _, target in self.edges(node):
                distance[target] = max(distance.get(target, 0), distance[node] + 1)
        return distance
