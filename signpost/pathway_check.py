"""Pathway checks: every link resolves, every node is reachable, every path ends, no loops."""
from __future__ import annotations

from .load import LoadedFile
from .problems import Problem, dotted


def _targets(node: dict) -> list[tuple[tuple, str]]:
    """(path inside the node, target id) for each way out of a node."""
    if node["type"] == "question":
        return [(("options", i, "next"), o["next"]) for i, o in enumerate(node["options"])]
    if node["type"] == "step":
        return [(("next",), node["next"])]
    return []


def check_pathway(loaded: LoadedFile, pathway_id: str, pathway: dict,
                  contacts: set[str], pathways: set[str]) -> list[Problem]:
    base = ("pathways", pathway_id)
    nodes = pathway["nodes"]
    problems: list[Problem] = []

    def report(path, message, allowed):
        line, col = loaded.marks.locate(path)
        problems.append(Problem(loaded.label, line, col, dotted(path), message, allowed))

    node_list = ", ".join(nodes)
    if pathway["start"] not in nodes:
        report(base + ("start",), f"the start node '{pathway['start']}' does not exist",
               f"use one of this pathway's nodes: {node_list}")

    for node_id, node in nodes.items():
        here = base + ("nodes", node_id)
        for sub, target in _targets(node):
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

    # Reachability, and loops, by depth-first search from the start.
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in nodes}
    stack = [(pathway["start"], iter(_targets(nodes[pathway["start"]])))]
    colour[pathway["start"]] = GREY
    while stack:
        node_id, out = stack[-1]
        advanced = False
        for sub, target in out:
            if target not in nodes or target == node_id:
                continue
            if colour[target] == GREY:
                report(base + ("nodes", node_id) + sub,
                       f"this leads back to '{target}', which comes earlier: the pathway would loop",
                       "every path must end at an outcome; point it at a later node or an outcome")
            elif colour[target] == WHITE:
                colour[target] = GREY
                stack.append((target, iter(_targets(nodes[target]))))
                advanced = True
                break
        if not advanced:
            colour[node_id] = BLACK
            stack.pop()
    for node_id in nodes:
        if colour[node_id] == WHITE:
            report(base + ("nodes", node_id),
                   f"the node '{node_id}' cannot be reached from the start '{pathway['start']}'",
                   "point a 'next' or an answer at it, or remove it")
    if not any(n["type"] == "outcome" for n in nodes.values()):
        report(base + ("nodes",), "the pathway has no outcome", "add a node with type: outcome")
    return problems
