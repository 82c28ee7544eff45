"""Small modules with one job: no product module over 300 lines, no function over 60.

A newcomer reads a module whole and a function at a glance; past these sizes a file usually
does more than one job. The walk covers the product code (signpost/, scripts/, hooks/), and
names each module or function over the limit with its size, so the failure says what to split.
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("signpost", "scripts", "hooks")
MODULE_LINES = 300
FUNCTION_LINES = 60

# Known exceptions ('<file>' or '<file>:<function>' → its lines), each to be split by whoever
# next changes it; none may grow. There are none.
EXCEPTIONS: dict[str, int] = {}


@lru_cache(maxsize=None)
def sizes(root: Path = ROOT) -> dict[str, int]:
    """'<file>' → lines for each module, '<file>:<function>' → lines for each function."""
    found = {}
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            if "node_modules" in path.parts:  # npm tools' own code (scripts/<tool>/)
                continue
            name = path.relative_to(root).as_posix()
            text = path.read_text("utf-8")
            found[name] = len(text.splitlines())
            for node in ast.walk(ast.parse(text, name)):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    qualified = f"{name}:{node.name}"
                    lines = node.end_lineno - node.lineno + 1
                    found[qualified] = max(lines, found.get(qualified, 0))
    return found


def test_no_module_or_function_is_over_its_limit():
    too_long = []
    for name, lines in sizes().items():
        limit = FUNCTION_LINES if ":" in name else MODULE_LINES
        limit = max(limit, EXCEPTIONS.get(name, 0))
        if lines > limit:
            too_long.append(f"{name}: {lines} lines (at most {limit})")
    assert not too_long, "split these:\n" + "\n".join(too_long)


def test_every_exception_is_still_needed():
    found = sizes()
    limits = {name: FUNCTION_LINES if ":" in name else MODULE_LINES for name in EXCEPTIONS}
    stale = [name for name in EXCEPTIONS if found.get(name, 0) <= limits[name]]
    assert not stale, f"no longer over the limit, remove from EXCEPTIONS: {stale}"


def test_the_walk_measures_modules_and_functions(tmp_path):
    """The measure itself, on a made-up tree: a function of 61 lines and a module of 301."""
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    text = "class A:\n    def long(self):\n" + "\n".join("    " + line for line in body.splitlines())
    text += "\n" + "\n".join(f"y{i} = {i}" for i in range(301 - 62)) + "\n"
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "big.py").write_text(text, encoding="utf-8")
    found = sizes(tmp_path)
    assert found == {"scripts/big.py": 301, "scripts/big.py:long": 61}
