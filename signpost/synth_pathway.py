"""One synthetic pathway (signpost.synth): a graph of 8-15 nodes where every edge points
forward and every end is an outcome, worded from signpost.synth_words.

The random generator is called in one fixed order (shape, then titles, then each node), so a
seed repeats exactly.
"""
from __future__ import annotations

import random

from .synth_words import LABEL_SETS, OUTCOMES, QUESTIONS, STEPS, slug


def _shape(rng: random.Random) -> tuple[list[str], list[list[int]], int]:
    """The kind of each node (questions and steps, then ``k`` outcomes), the indexes each leads
    to, and ``k``. Node 0 is the start; the last node is "Call 999"."""
    n = rng.randint(8, 15)
    k = rng.randint(2, 4)  # outcomes, placed last
    m = n - k
    middle = [rng.choice(("question", "step")) for _ in range(m - 2)]
    kinds = ["question", *middle, "question"]
    while kinds.count("question") > len(QUESTIONS):  # never more nodes than wordings
        kinds[kinds.index("question", 1)] = "step"
    capacity = [2] + [rng.choice((2, 3)) if t == "question" else 1 for t in kinds[1:]]
    children: list[list[int]] = [[] for _ in range(n)]
    children[0].append(n - 1)  # the start asks about danger: "Yes" leads to "Call 999"
    # A spanning tree first, so every node is reachable from the start.
    for j in range(1, n - 1):
        parents = [i for i in range(min(j, m)) if len(children[i]) < capacity[i]]
        if not parents:  # only late outcomes can get here; widen a question to 4 answers
            parents = [i for i in range(min(j, m))
                       if kinds[i] == "question" and capacity[i] < 4]
            capacity[parents[-1]] += 1
            parents = parents[-1:]
        children[rng.choice(parents)].append(j)
    # Then every question needs two answers and every step a next.
    for i in range(m):
        need = 2 if kinds[i] == "question" else 1
        while len(children[i]) < need:
            target = rng.randrange(i + 1, n)
            if target not in children[i]:
                children[i].append(target)
    return kinds + ["outcome"] * k, children, k


def _titles(rng: random.Random, kinds: list[str], k: int) -> list[str]:
    """Each node's title, in node order: the start asks about danger, the last is Call 999."""
    questions, steps = kinds.count("question"), kinds.count("step")
    titles = ([QUESTIONS[0]] + rng.sample(QUESTIONS[1:], questions - 1)
              + rng.sample(STEPS, steps) + rng.sample(OUTCOMES[1:], k - 1) + [OUTCOMES[0]])
    by_kind = {"question": iter(titles[:questions]),
               "step": iter(titles[questions:questions + steps]),
               "outcome": iter(titles[questions + steps:])}
    return [next(by_kind[kind]) for kind in kinds]


def _node(rng: random.Random, i: int, kind: str, title: str, leads_to: list[str],
          contact_ids: list[str], other: str | None) -> dict:
    node = {"type": kind, "title": title}
    if kind == "question":
        labels = ("Yes", "No") if i == 0 else rng.choice(LABEL_SETS[len(leads_to)])
        node["options"] = [{"label": label, "next": target}
                           for label, target in zip(labels, leads_to)]
        if rng.random() < 0.4:
            node["text"] = "If you are not sure, talk to your safeguarding lead."
    elif kind == "step":
        node.update({"text": "This happens before any decision is made.",
                     "who": rng.choice(("Referrer", "Social worker", "Police",
                                        "Designated safeguarding lead")),
                     "timescale": rng.choice(("within 24 hours", "the same day",
                                              "within 5 working days")),
                     "actions": ["Write down what you saw or heard",
                                 "Share it with the people who need to know"],
                     "next": leads_to[0]})
        if rng.random() < 0.5:
            node["contacts"] = rng.sample(contact_ids, 1)
    else:
        node.update({"text": "The lead agency contacts the family.",
                     "lead": rng.choice(("Children's social care", "Police",
                                         "Youth justice service", "Early help")),
                     "timescale": "within 10 working days",
                     "contacts": rng.sample(contact_ids, rng.randint(1, 2))})
        if other and rng.random() < 0.5:
            node["see_also"] = [other]
    return node


def make_pathway(rng: random.Random, area_name: str, title: str, contact_ids: list[str],
                 other: str | None) -> dict:
    """A pathway's data; ``other`` is the area's other pathway, for outcomes' "see also"."""
    kinds, children, k = _shape(rng)
    titles = _titles(rng, kinds, k)
    ids = [slug(node_title)[:60].strip("-") for node_title in titles]
    nodes = {ids[i]: _node(rng, i, kind, titles[i], [ids[t] for t in children[i]],
                           contact_ids, other)
             for i, kind in enumerate(kinds)}
    return {"title": title, "provenance": "built-from-text",
            "summary": f"For professionals in {area_name} worried about a child's sexual "
                       "behaviour.",
            "start": ids[0], "nodes": nodes}
