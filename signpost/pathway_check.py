"""Pathway checks: every link resolves, every node is reachable, every path ends, no loops."""
from __future__ import annotations

from .load import LoadedFile
from .pathway_graph import Graph, dict_ways_out
from .problems import Problem


def check_pathway(loaded: LoadedFile, pathway_id: str, pathway: dict,
                  contacts: set[str], pathways: set[str]) -> list[Problem]:
    base = ("pathways", pathway_id)
    nodes = pathway["nodes"]
    problems: list[Problem] = []

    def report(path, message, allowed):
        problems.append(loaded.problem(path, message, allowed))

    node_list = ", ".join(nodes)
    if pathway["start"] not in nodes:
        report(base + ("start",), f"the start node '{pathway['start']}' does not exist",
               f"use one of this pathway's nodes: {node_list}")

    for node_id, node in nodes.items():
        here = base + ("nodes", node_id)
        for sub, target in dict_ways_out(node):
            if target not in nodes:
                report(here + sub, f"'{target}' is not a node of this pathway",
                       f"use one of: {node_list}")
            elif target == node_id:
                report(here + sub, "this node leads to itself", "point 'next' at a later node")
        for j, ref in enumerate(node.get("contacts", [])):
            if ref not in contacts:
                report(here + ("contacts", j), f"no contact with the id '{ref}' in this file",
                       f"use one of the contacts ids: {', '.join(sorted(contacts)) or 'none yet'}")
        for j, ref in enumerate(node.get("see_also", [])):
            if ref not in pathways or ref == pathway_id:
                report(here + ("see_also", j), f"'{ref}' is not another pathway in this file",
                       f"use one of: {', '.join(sorted(pathways - {pathway_id})) or 'none yet'}")
        labels = [o["label"] for o in node.get("options", [])]
        for j, label in enumerate(labels):
            if label in labels[:j]:
                report(here + ("options", j, "label"), f"the answer '{label}' is given twice",
                       "each answer to a question must be different")
        # Answers come in one order on every page, so a reader's thumb finds Yes in one place.
        firsts = [str(label).split(",")[0].split()[0].lower() if str(label).split() else ""
                  for label in labels]
        if "yes" in firsts and "no" in firsts and firsts.index("no") < firsts.index("yes"):
            j = firsts.index("yes")
            report(here + ("options", j, "label"),
                   f"the answer '{labels[j]}' comes after '{labels[firsts.index('no')]}'",
                   "put the Yes answer before the No answer, as on every other question")

    if pathway["start"] not in nodes:
        return problems

    # Loops and reachability, walking from the start. A node that leads to itself is
    # reported above, with its own message.
    ways = {node_id: dict_ways_out(node) for node_id, node in nodes.items()}
    graph = Graph(pathway["start"], {n: [t for _, t in out] for n, out in ways.items()})
    for loop in graph.loops():
        if loop.target != loop.source:
            report(base + ("nodes", loop.source) + ways[loop.source][loop.index][0],
                   f"this leads back to '{loop.target}', which comes earlier: the pathway would loop",
                   "every path must end at an outcome; point it at a later node or an outcome")
    reached = graph.reachable()
    for node_id in nodes:
        if node_id not in reached:
            report(base + ("nodes", node_id),
                   f"the node '{node_id}' cannot be reached from the start '{pathway['start']}'",
                   "point a 'next' or an answer at it, or remove it")
    if not any(n["type"] == "outcome" for n in nodes.values()):
        report(base + ("nodes",), "the pathway has no outcome", "add a node with type: outcome")
    return problems
