"""The files the site search needs beside the pages: the reader's words (search/words.json, from
signpost.render.search_index) and Pagefind's index of the built site, from the pagefind package
on PyPI (its binary). A failure stops the build: a site whose search box finds nothing must not
be published."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from ..model import Site
from . import search_index

# What Pagefind writes that the site's own search code (docs/assets/search.js) does not use:
# its ready-made interfaces, its highlighter and its worker (the search runs on the page).
_PAGEFIND_UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*",
                    "pagefind-highlight.js", "pagefind-worker.js", "wasm.unknown.pagefind")


class IndexingFailed(Exception):
    """Pagefind could not run or did not write its index: the message says what to do."""


def write_words(site_dir: Path, site: Site) -> None:
    """search/words.json: the abbreviations and readers' phrases the search page's code loads."""
    words = site_dir / "search" / "words.json"
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text(json.dumps(search_index.words(site), ensure_ascii=False, separators=(",", ":")), "utf-8")


def index(site_dir: Path) -> None:
    """Index every tree of the built site (one index per page language) into site_dir/pagefind."""
    bundle = site_dir / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IndexingFailed(f"Search indexing could not run ({error}); "
                             "install the site's packages with 'make build'") from error
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise IndexingFailed("Search indexing failed; the site was not finished:\n"
                             f"{(done.stderr or done.stdout).strip()[-2000:]}\n"
                             "If it says pagefind is missing, install the site's packages with 'make build'.")
    # A language Pagefind has no stemmer for (Welsh) is searched with its "unknown" module.
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    needs_unknown = any(not lang.get("wasm") for lang in entry.get("languages", {}).values())
    for pattern in _PAGEFIND_UNUSED:
        if needs_unknown and pattern == "wasm.unknown.pagefind":
            continue
        for path in bundle.glob(pattern):
            path.unlink()
