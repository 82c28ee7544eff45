"""One generator, any engine: the site is the same whichever engine builds it, and a build that
lost its generated pages is caught before it could be published."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import yaml

from site_build import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*cmd, cwd=ROOT, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=timeout)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def main_text(html: str) -> str:
    """The page's article, as text: what a reader reads, whichever engine wrote the page."""
    article = re.search(r"<article\b.*?</article>", html, re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", article.group(0) if article else html, flags=re.S)
    # Hidden spans are for the search index only (the hooks add them): no reader sees them.
    text = re.sub(r"<span hidden\b[^>]*>.*?</span>", " ", text, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_properdocs_builds_the_same_pages_with_the_same_text(built_site, tmp_path):
    """ProperDocs, the maintained fork of MkDocs 1.6, is the fallback engine: it must build the
    very same site from the same mkdocs.yml, hooks included."""
    out = tmp_path / "properdocs-site"
    result = run(Path(sys.executable).parent / "properdocs", "build", "-q", "--strict", "-d", out)
    assert result.returncode == 0, result.stderr
    assert pages(out) == pages(built_site)
    differ = [p for p in sorted(pages(built_site))
              if main_text((out / p).read_text("utf-8")) != main_text((built_site / p).read_text("utf-8"))]
    assert not differ, f"{len(differ)} pages differ, for example {differ[:3]}"


def test_a_build_that_skips_the_hooks_is_refused_by_the_site_check(tmp_path):
    """An engine that ignores hooks: (Zensical does) builds the hand-written pages only."""
    settings = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    settings.pop("hooks")
    settings["docs_dir"] = str(ROOT / "docs")
    settings["theme"]["custom_dir"] = str(ROOT / "overrides")
    settings["extra"]["services_dir"] = str(ROOT / "services")
    settings["watch"] = []
    for plugin in settings["plugins"]:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin["macros"]["module_name"] = str(ROOT / plugin["macros"]["module_name"])
    config = tmp_path / "no-hooks.yml"
    config.write_text(yaml.safe_dump(settings), "utf-8")
    build = run(sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", tmp_path / "site")
    assert build.returncode == 0, build.stderr  # the engine itself sees nothing wrong...
    assert (tmp_path / "site" / "index.html").exists()
    check = run(sys.executable, ROOT / "scripts" / "check_site.py", tmp_path / "site")
    assert check.returncode == 1  # ...the check does
    assert "are not in the built site, so it must not be published" in check.stderr
    assert "areas/blackpool/index.html: missing (Blackpool)" in check.stderr
    assert "python scripts/generate.py" in check.stderr


def test_the_generated_tree_builds_whole_without_hooks(built_site, tmp_path):
    """scripts/generate.py writes what any engine needs; built with no hooks at all, the area
    pages are the same as the hooked build's."""
    out = tmp_path / "generated"
    assert run(sys.executable, ROOT / "scripts" / "generate.py", out).returncode == 0
    settings = yaml.load((out / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    assert "hooks" not in settings
    build = run(sys.executable, "-m", "mkdocs", "build", "-q", "-f", out / "mkdocs.yml")
    assert build.returncode == 0, build.stderr
    check = run(sys.executable, ROOT / "scripts" / "check_site.py", out / "site")
    assert check.returncode == 0, check.stderr
    for page in ("areas/blackpool/index.html", "areas/solihull/contacts/index.html"):
        assert main_text((out / "site" / page).read_text("utf-8")) == \
            main_text((built_site / page).read_text("utf-8")), page
    assert (out / "site" / "api" / "services.json").exists()


def test_the_hooked_build_checks_itself(tmp_path):
    """MkDocs and ProperDocs run the same check at the end of the build."""
    from signpost.render import state
    from signpost.render.output import expected_pages
    from signpost.site_check import missing_pages

    build, problems = state.start(ROOT / "services")
    assert not problems
    expected = expected_pages(build)
    assert len(missing_pages(tmp_path, expected)) == len(expected)
