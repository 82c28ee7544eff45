"""A pathway's flow diagram, drawn at build time as inline SVG: nothing is fetched.

Boxes are the pages of signpost.pathway_pages (question, what happens, outcome), numbered as in
the pathway's outline, which is the diagram's text alternative: the SVG is one image
(role="img") whose description points to it. Rows follow the longest route from the start, so
every arrow points down the page; answers label the arrows.
"""
from __future__ import annotations

import textwrap

from markupsafe import Markup, escape

from .. import bilingual, interface, language
from ..model import Pathway
from ..plaintext import plain


def _plain(text) -> str:
    """A content text without markup, in the page's language where it has it."""
    return plain(bilingual.in_language(text, language.current()))

BOX_W, LINE_H, PAD, GAP_X, GAP_Y = 210, 16, 8, 30, 54
MAX_LINES, CHARS = 4, 28
KIND_STYLE = {  # fill, border: every text colour on them is #0b0c0c (over 15:1)
    "question": ("#ffffff", "#1d4ed8"),
    "process": ("#f3f2f1", "#505a5f"),
    "outcome": ("#e8f5ec", "#00703c"),
}
# The words for each kind of box, from the interface catalogue (interface/<language>.yml).
KIND_WORD = {"question": "pathway.kind.question", "process": "pathway.kind.step", "outcome": "pathway.kind.outcome"}


def _lines(text: str, width: int = CHARS, most: int = MAX_LINES) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _layout(pathway: Pathway) -> tuple[dict, float, float]:
    """Each page's box (item, kind, lines, x, y, h), and the drawing's width and height. Row of
    each page: its longest distance from the start, so arrows always go down."""
    pages = pathway.pages
    outline = pages.outline
    row = pages.graph.longest_distance
    rows: dict[int, list] = {}
    for item in outline:
        rows.setdefault(row[item.page], []).append(item)

    boxes = {}
    for item in outline:
        first = item.nodes[0]
        kind = pages.kind(item.page)
        title = _plain(first.title) if len(item.nodes) == 1 else interface.text("flow.stages").format(n=len(item.nodes), title=_plain(first.title))
        boxes[item.page] = {"item": item, "kind": kind,
                            "lines": _lines(f"{item.number}. {title}")}
    widest = max(len(r) for r in rows.values())
    width = widest * BOX_W + (widest - 1) * GAP_X + 2 * PAD
    y = PAD
    for r in sorted(rows):
        items = rows[r]
        height = max(len(boxes[i.page]["lines"]) for i in items) * LINE_H + LINE_H + 2 * PAD
        offset = (width - (len(items) * BOX_W + (len(items) - 1) * GAP_X)) / 2
        for k, item in enumerate(items):
            box = boxes[item.page]
            box.update(x=offset + k * (BOX_W + GAP_X), y=y, h=height)
        y += height + GAP_Y
    return boxes, width, y - GAP_Y + PAD


def _arrows(outline: list, boxes: dict) -> list[str]:
    out = []
    labels_into: dict[str, int] = {}
    for item in outline:
        src = boxes[item.page]
        for edge, _ in item.edges:
            dst = boxes[edge.target]
            x1, y1 = src["x"] + BOX_W / 2, src["y"] + src["h"]
            x2, y2 = dst["x"] + BOX_W / 2, dst["y"]
            mid = (y1 + y2) / 2
            out.append(f'<path d="M{x1:.0f},{y1:.0f} C{x1:.0f},{mid:.0f} {x2:.0f},{mid:.0f} {x2:.0f},{y2 - 2:.0f}" '
                       'class="hsb-flow__arrow" marker-end="url(#hsb-arrow)"/>')
            if edge.answer:
                label = _lines(_plain(edge.answer), 24, 1)[0]
                # Just above the box the answer leads to; stacked when several lead there.
                stacked = labels_into.get(edge.target, 0)
                labels_into[edge.target] = stacked + 1
                lx, ly = x2, y2 - 8 - stacked * 14
                out.append(f'<text x="{lx:.0f}" y="{ly:.0f}" class="hsb-flow__answer" text-anchor="middle">'
                           f'{escape(label)}</text>')
    return out


def _boxes(boxes: dict) -> list[str]:
    out = []
    for page, box in boxes.items():
        fill, border = KIND_STYLE[box["kind"]]
        out.append(f'<rect x="{box["x"]:.0f}" y="{box["y"]:.0f}" width="{BOX_W}" height="{box["h"]}" '
                   f'rx="6" fill="{fill}" stroke="{border}" stroke-width="2"/>')
        tx, ty = box["x"] + PAD, box["y"] + PAD + LINE_H - 4
        out.append(f'<text x="{tx:.0f}" y="{ty:.0f}" class="hsb-flow__kind">{interface.text(KIND_WORD[box["kind"]])}</text>')
        for n, line in enumerate(box["lines"], start=1):
            out.append(f'<text x="{tx:.0f}" y="{ty + n * LINE_H:.0f}" class="hsb-flow__text">{escape(line)}</text>')
    return out


def render(pathway: Pathway) -> Markup:
    boxes, width, total_h = _layout(pathway)
    outline = pathway.pages.outline
    # Arrows first, so boxes sit on top of them.
    out = _arrows(outline, boxes) + _boxes(boxes)

    title_id = f"flow-title-{pathway.id}"
    desc_id = f"flow-desc-{pathway.id}"
    head = (f'<svg class="hsb-flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {total_h:.0f}" '
            f'width="{width:.0f}" height="{total_h:.0f}" style="width:{width:.0f}px;max-width:none" role="img" aria-labelledby="{title_id} {desc_id}">'
            f'<title id="{title_id}">{escape(interface.text("flow.title").format(title=_plain(pathway.title)))}</title>'
            f'<desc id="{desc_id}">{len(outline)} numbered boxes joined by arrows. The numbered list '
            'of the whole pathway on this page says the same in words.</desc>'
            '<defs><marker id="hsb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#0b0c0c"/>'
            '</marker></defs>')
    return Markup(head + "".join(out) + "</svg>")
