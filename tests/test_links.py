"""Every internal link and anchor of the built site works: linkchecker over HTTP on loopback.

linkchecker reads the site as a browser would (served over HTTP, so /areas/ means
/areas/index.html). External links are not followed here: the weekly workflow checks them.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from site_build import serve

LINKCHECKER = str(Path(sys.executable).parent / "linkchecker")


def run_linkchecker(url: str, tmp_path: Path) -> subprocess.CompletedProcess:
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=200\nthreads=4\n", "utf-8")
    return subprocess.run(
        [LINKCHECKER, "-f", str(config), "--no-warnings", "--no-status", "--no-robots",
         "--ignore-url=^(mailto|tel):", "--output=text", url],
        capture_output=True, text=True, timeout=600)


def test_no_broken_internal_links_or_anchors(built_site, tmp_path):
    with serve(built_site) as url:
        result = run_linkchecker(url, tmp_path)
    assert result.returncode == 0, f"broken links:\n{result.stdout[-5000:]}\n{result.stderr[-2000:]}"
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower()


def test_linkchecker_catches_a_broken_link(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "glossary" / "index.html"
    page.write_text(page.read_text("utf-8").replace(
        "</article>", '<a href="../no-such-page/">a broken link</a></article>', 1), "utf-8")
    with serve(copy) as url:
        result = run_linkchecker(url, tmp_path)
    assert result.returncode == 1
    assert "no-such-page" in result.stdout


def test_every_internal_anchor_exists(built_site):
    """linkchecker's anchor plugin does not read anchors in this site's raw HTML, so anchors
    are checked here: each href="page/#id" must land on an element with that id."""
    import posixpath
    import re
    from urllib.parse import urldefrag, urlsplit

    ids_cache: dict[Path, set[str]] = {}

    def ids(page: Path) -> set[str]:
        if page not in ids_cache:
            ids_cache[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text("utf-8")))
        return ids_cache[page]

    missing = []
    for page in built_site.rglob("*.html"):
        rel_dir = posixpath.dirname(page.relative_to(built_site).as_posix())
        for href in re.findall(r'\bhref="([^"]*#[^"]+)"', page.read_text("utf-8")):
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            path, fragment = urldefrag(href)
            target_rel = posixpath.normpath(posixpath.join(rel_dir, path)) if path else \
                page.relative_to(built_site).as_posix()
            target = built_site / target_rel
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            if not target.exists() or fragment not in ids(target):
                missing.append(f"{page.relative_to(built_site)}: {href}")
    assert not missing, "links to anchors that do not exist:\n" + "\n".join(missing[:50])
