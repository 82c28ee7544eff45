"""Pathway checks: every link resolves, every node is reachable, every path ends, no loops."""
from __future__ import annotations

from .load import LoadedFile
from .pathway_graph import Graph, dict_ways_out
from .problems import Problem


def _link_problems(loaded: LoadedFile, here: tuple, node_id: str, node: dict, nodes: dict,
                   contacts: set[str], others: set[str]) -> list[Problem]:
    """The node's ways out, contacts and "see also" name what this file has."""
    problems = []
    node_list = ", ".join(nodes)
    for sub, target in dict_ways_out(node):
        if target not in nodes:
            problems.append(loaded.problem(here + sub, f"'{target}' is not a node of this pathway",
                                           f"use one of: {node_list}"))
        elif target == node_id:
            problems.append(loaded.problem(here + sub, "this node leads to itself",
                                           "point 'next' at a later node"))
    for j, ref in enumerate(node.get("contacts", [])):
        if ref not in contacts:
            problems.append(loaded.problem(
                here + ("contacts", j), f"no contact with the id '{ref}' in this file",
                f"use one of the contacts ids: {', '.join(sorted(contacts)) or 'none yet'}"))
    for j, ref in enumerate(node.get("see_also", [])):
        if ref not in others:
            problems.append(loaded.problem(
                here + ("see_also", j), f"'{ref}' is not another pathway in this file",
                f"use one of: {', '.join(sorted(others)) or 'none yet'}"))
    return problems


def _answer_problems(loaded: LoadedFile, here: tuple, node: dict) -> list[Problem]:
    problems = []
    labels = [o["label"] for o in node.get("options", [])]
    for j, label in enumerate(labels):
        if label in labels[:j]:
            problems.append(loaded.problem(here + ("options", j, "label"),
                                           f"the answer '{label}' is given twice",
                                           "each answer to a question must be different"))
    # Answers come in one order on every page, so a reader's thumb finds Yes in one place.
    firsts = [str(label).split(",")[0].split()[0].lower() if str(label).split() else ""
              for label in labels]
    if "yes" in firsts and "no" in firsts and firsts.index("no") < firsts.index("yes"):
        j = firsts.index("yes")
        problems.append(loaded.problem(
            here + ("options", j, "label"),
            f"the answer '{labels[j]}' comes after '{labels[firsts.index('no')]}'",
            "put the Yes answer before the No answer, as on every other question"))
    return problems


def _walk_problems(loaded: LoadedFile, base: tuple, pathway: dict) -> list[Problem]:
    """Loops and nodes the start cannot reach, walking from the start. A node that leads to
    itself is reported with the links, with its own message."""
    nodes = pathway["nodes"]
    ways = {node_id: dict_ways_out(node) for node_id, node in nodes.items()}
    graph = Graph(pathway["start"], {n: [t for _, t in out] for n, out in ways.items()})
    problems = []
    for loop in graph.loops():
        if loop.target != loop.source:
            problems.append(loaded.problem(
                base + ("nodes", loop.source) + ways[loop.source][loop.index][0],
                f"this leads back to '{loop.target}', which comes earlier: the pathway would loop",
                "every path must end at an outcome; point it at a later node or an outcome"))
    reached = graph.reachable()
    for node_id in nodes:
        if node_id not in reached:
            problems.append(loaded.problem(
                base + ("nodes", node_id),
                f"the node '{node_id}' cannot be reached from the start '{pathway['start']}'",
                "point a 'next' or an answer at it, or remove it"))
    return problems


def check_pathway(loaded: LoadedFile, pathway_id: str, pathway: dict,
                  contacts: set[str], pathways: set[str]) -> list[Problem]:
    base = ("pathways", pathway_id)
    nodes = pathway["nodes"]
    problems: list[Problem] = []
    if pathway["start"] not in nodes:
        problems.append(loaded.problem(base + ("start",),
                                       f"the start node '{pathway['start']}' does not exist",
                                       f"use one of this pathway's nodes: {', '.join(nodes)}"))
    for node_id, node in nodes.items():
        here = base + ("nodes", node_id)
        problems += _link_problems(loaded, here, node_id, node, nodes, contacts,
                                   pathways - {pathway_id})
        problems += _answer_problems(loaded, here, node)
    if pathway["start"] not in nodes:
        return problems
    problems += _walk_problems(loaded, base, pathway)
    if not any(n["type"] == "outcome" for n in nodes.values()):
        problems.append(loaded.problem(base + ("nodes",), "the pathway has no outcome",
                                       "add a node with type: outcome"))
    return problems
