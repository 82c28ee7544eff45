#!/usr/bin/env python3
"""What a reader's first search costs on a built site: python scripts/measure_search.py SITE_DIR

Serves the built site on loopback, opens the search page in headless Chromium (Debian's) and,
for each query, in a fresh browser context (an empty cache, as on a first visit), puts the
cursor in the box (which starts loading the search code), types the query and presses Enter,
then records:
- first_query_kb: the bytes downloaded for the search from opening the page until the results
  show: the search code (search.js, Pagefind's code and WebAssembly), the reader's words, the
  index parts the words need, and the first results' fragments (the page itself not counted);
- first_query_ms: from pressing Enter to the results shown, for that first query (the code has
  loaded while the reader typed; the index parts are fetched now);
- query_ms: the same for each later query in the same context.
Bytes are as stored, not compressed in transfer: a host that compresses sends less.
Used by scripts/benchmark.py; prints JSON.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

QUERIES = ("strategy meeting", "my son touched his sister", "how to refer", "MASH", "01225396313")
CHROMIUM = "/usr/bin/chromium"
_FOR_SEARCH = re.compile(r"/(pagefind/|search/words\.json|assets/search\.js)")


def _search(page, words: str) -> float:
    """Type words, press Enter, wait for the answer; seconds from Enter to the answer."""
    box = page.locator("#hsb-search-input")
    box.fill(words)
    page.evaluate("document.querySelector('[data-hsb-search-status]').textContent = ''")
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-hsb-search-status]').textContent !== ''",
                           timeout=30000)
    return time.perf_counter() - started


def measure(site_dir: Path, queries=QUERIES) -> dict:
    from playwright.sync_api import sync_playwright
    from site_build import serve

    first_kb, first_ms, later_ms = [], [], []
    with serve(Path(site_dir)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for i, query in enumerate(queries):
                context = browser.new_context()
                page = context.new_page()
                sizes: list[int] = []
                page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"])
                        if _FOR_SEARCH.search(r.url) else None)
                page.goto(base + "search/", wait_until="load")
                page.locator("#hsb-search-input").focus()
                page.wait_for_load_state("networkidle")
                first_ms.append(_search(page, query) * 1000)
                page.wait_for_load_state("networkidle")
                first_kb.append(sum(sizes) / 1000)
                for other in queries[i + 1:] + queries[:i]:
                    later_ms.append(_search(page, other) * 1000)
                context.close()
        finally:
            browser.close()
    return {"first_query_kb": max(first_kb), "first_query_kb_median": statistics.median(first_kb),
            "first_query_ms": max(first_ms), "query_ms_median": statistics.median(later_ms),
            "query_ms_max": max(later_ms)}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(args[0])), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
