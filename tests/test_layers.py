"""The layers import downwards only: the content layer (signpost/) knows nothing of the
generator (signpost/render/) or of any site engine, and the generator knows no engine; only the
adapters (hooks/, scripts/) import mkdocs. docs/architecture.md draws them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("mkdocs", "properdocs", "zensical", "material")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as an absolute dotted name (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _modules(folder: str, recursive: bool = False) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py") if recursive else (ROOT / folder).glob("*.py"))


def _reaches(imports: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(i for i in imports if any(i == p or i.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("path", _modules("signpost"), ids=lambda p: p.name)
def test_the_content_layer_imports_neither_the_generator_nor_an_engine(path):
    assert _reaches(_imports(path), ("signpost.render",) + ENGINES) == []


@pytest.mark.parametrize("path", _modules("signpost/render") + _modules("signpost/export"), ids=lambda p: p.name)
def test_the_generator_imports_no_engine(path):
    assert _reaches(_imports(path), ENGINES) == []


def test_the_check_sees_an_upward_import():
    module = ROOT / "signpost" / "render" / "text.py"
    assert "signpost.welsh_record" in _imports(module)  # from .. import welsh_record
    assert _reaches({"signpost.render.text", "mkdocs.config"}, ("signpost.render",) + ENGINES) == [
        "mkdocs.config", "signpost.render.text"]
