"""Checks on the hand-written pages in docs/, before the site engine reads them.

Two ways a change to docs/ could reach further than a page of text:
- mkdocs-macros renders each page as a Jinja template with full access to Python, so an
  expression such as ``cycler.__init__.__globals__`` could run commands during the build. A page
  may only call the site's own macros, with plain values (``{{ national_help() }}``,
  ``{{ area_sections("definitions", "Title") }}``), and choose between texts on a setting
  (``{% if config.extra.one_history_entry %}…{% else %}…{% endif %}``): anything else is
  refused, before any page is rendered.
- A symbolic link would publish whatever it points at (``.git/config``, a file outside the
  repository), and a pipe or device could hang the build: only regular files are allowed.
Nothing here knows mkdocs, so any engine can run the same checks.
"""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes


def unsafe_entries(folder: Path) -> list[str]:
    """A message for every symbolic link or non-regular file under ``folder``."""
    problems = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(here, name)
            label = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                problems.append(f"{label}: this is a symbolic link, which would publish whatever it "
                                f"points at — put the file itself in {folder.name}/")
            elif not (path.is_dir() or path.is_file()):
                problems.append(f"{label}: this is not a regular file — remove it")
    return problems


def _allowed_call(node: nodes.Node, macros: frozenset[str]) -> bool:
    """True for ``name(<literal>, key=<literal>)`` where name is one of the site's macros."""
    return (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
            and node.node.name in macros and node.dyn_args is None and node.dyn_kwargs is None
            and all(isinstance(a, nodes.Const) for a in node.args)
            and all(isinstance(k.value, nodes.Const) for k in node.kwargs))


def _setting(node: nodes.Node) -> bool:
    """True for ``config.extra.<name>``, optionally negated: reading a setting runs nothing."""
    if isinstance(node, nodes.Not):
        node = node.node
    return (isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Getattr)
            and node.node.attr == "extra" and isinstance(node.node.node, nodes.Name)
            and node.node.node.name == "config")


def _statement_problems(body: list, label: str, macros: frozenset[str], what_to_do: str) -> list[str]:
    problems = []
    for node in body:
        if isinstance(node, nodes.Output):
            problems += [f"{label}:{part.lineno}: this {{{{ … }}}} expression is not a plain call of "
                         f"one of the site's macros — {what_to_do}"
                         for part in node.nodes
                         if not (isinstance(part, nodes.TemplateData) or _allowed_call(part, macros))]
        elif isinstance(node, nodes.If) and (_setting(node.test) or _allowed_call(node.test, macros)):
            problems += _statement_problems(node.body + node.elif_ + node.else_, label, macros, what_to_do)
        else:
            problems.append(f"{label}:{node.lineno}: this {{% … %}} statement is not allowed — {what_to_do}")
    return problems


def macro_problems(text: str, label: str, macros: frozenset[str]) -> list[str]:
    """Why the page ``text`` is more than text, calls of the site's macros and ``{% if %}`` on a
    setting (``config.extra.<name>``); empty if it is fine."""
    if "{" not in text:
        return []
    allowed = ", ".join(f"{{{{ {name}(...) }}}}" for name in sorted(macros))
    what_to_do = (f"a page may only call the site's macros with plain values ({allowed}) and "
                  "choose text with {% if config.extra.<setting> %}; to show braces as text, "
                  "write &#123;")
    try:
        template = Environment().parse(text)
    except TemplateSyntaxError as err:
        return [f"{label}:{err.lineno}: the page's {{{{ }}}} or {{% %}} text is not a macro call "
                f"({err.message}) — {what_to_do}"]
    return _statement_problems(template.body, label, macros, what_to_do)


def page_problems(docs_dir: Path, macros: frozenset[str]) -> list[str]:
    """Every problem with the hand-written pages under ``docs_dir``."""
    docs_dir = Path(docs_dir)
    problems = unsafe_entries(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        if path.is_file() and not path.is_symlink():
            label = path.relative_to(docs_dir.parent).as_posix()
            problems += macro_problems(path.read_text("utf-8"), label, macros)
    return problems
