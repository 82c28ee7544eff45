#!/usr/bin/env python3
"""Lighthouse on one page of each template: python scripts/lighthouse.py [SITE_DIR] [--only NAME]

Builds the site from services/ (or takes an already built SITE_DIR), serves it on loopback with
no compression (the worst a host can do), and runs Lighthouse from npm (scripts/lighthouse/,
installed by `make lighthouse`) against Debian's chromium with its default mobile profile:
a mid-range phone, 4x slower processor, slow 4G simulated. For each template it prints the four
category scores, first contentful paint, largest contentful paint, total blocking time, layout
shift and the first view's weight (every byte the page loads before the network goes quiet,
as Lighthouse's total-byte-weight counts it).

Targets (docs/performance.md): performance ≥ 0.98, accessibility 1.0, FCP ≤ 1.8 s, first view
≤ 250 KB. Figures, not a test: Lighthouse scales the processor time it observes, so a busy
machine lowers the performance score; --runs 3 prints each page's median run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sitebuild import build_site  # noqa: E402

LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("HSB_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def template_pages(site_dir: Path, services_dir: Path) -> list[tuple[str, str]]:
    """(template, site-relative address): one page of each template, picked from the data."""
    from signpost.content import load_site
    from signpost.render import urls
    site = load_site(services_dir)
    area = max(site.areas, key=lambda a: len(a.contacts))
    pathway = next(p for a in site.areas for p in a.pathways.values())
    step = next(n for n in pathway.order() if n.type != "outcome")
    pages = [("home", ""), ("audience (parents)", "parents/"), ("area index", "areas/"),
             ("comparison", "compare/"), ("glossary", "glossary/"),
             ("hand-written (cover your tracks)", "cover-your-tracks/"),
             ("area", urls.area(area.id)), ("contact sheet", urls.contact_sheet(area.id)),
             ("pathway overview", urls.pathway(pathway.area_id, pathway.id)),
             ("pathway step", urls.node(pathway.area_id, pathway.id, step.id)),
             ("not found (404)", "404.html")]
    return [(name, address) for name, address in pages
            if (site_dir / address).exists() or (site_dir / address / "index.html").exists()]


def run_lighthouse(url: str, keep: Path | None = None) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with tempfile.TemporaryDirectory(prefix="hsb-lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
        proc = subprocess.run(cmd, env={**env, "TMPDIR": tmp}, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0 or not report.exists():
            raise SystemExit(f"Lighthouse failed on {url}:\n{proc.stderr[-3000:]}")
        if keep is not None:
            keep.write_text(report.read_text("utf-8"), encoding="utf-8")
        return json.loads(report.read_text("utf-8"))


def figures(report: dict) -> dict:
    audits = report["audits"]
    out = {c: report["categories"][c]["score"] for c in CATEGORIES}
    out.update(fcp_s=audits["first-contentful-paint"]["numericValue"] / 1000,
               lcp_s=audits["largest-contentful-paint"]["numericValue"] / 1000,
               tbt_ms=audits["total-blocking-time"]["numericValue"],
               cls=audits["cumulative-layout-shift"]["numericValue"],
               weight_kb=audits["total-byte-weight"]["numericValue"] / 1000,
               requests=len(audits["network-requests"]["details"]["items"]),
               failed=[a["id"] for c in ("accessibility", "best-practices", "seo")
                       for a in report["categories"][c]["auditRefs"]
                       if audits[a["id"]]["score"] is not None and audits[a["id"]]["score"] < 1
                       and audits[a["id"]]["scoreDisplayMode"] == "binary"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="a built site (default: build one from services/)")
    parser.add_argument("--services", type=Path, default=ROOT / "services")
    parser.add_argument("--only", help="run only templates whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--runs", type=int, default=1,
                        help="run each page this many times and print the median run (Lighthouse's advice on a busy machine)")
    parser.add_argument("--reports", type=Path, help="keep each template's whole Lighthouse report in this folder")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make lighthouse` (it installs scripts/lighthouse/)")
    with tempfile.TemporaryDirectory(prefix="hsb-lighthouse-site-") as tmp:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            built = build_site(site_dir, args.services)
            if built.returncode != 0:
                raise SystemExit(f"the site did not build:\n{built.stderr[-3000:]}")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site_dir)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        results = {}
        header = (f"{'template':34} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'FCP s':>6} "
                  f"{'LCP s':>6} {'TBT ms':>7} {'CLS':>6} {'KB':>6} {'req':>4}")
        print(header)
        try:
            for name, address in template_pages(site_dir, args.services):
                if args.only and args.only not in name:
                    continue
                keep = None
                if args.reports:
                    args.reports.mkdir(parents=True, exist_ok=True)
                    keep = args.reports / (re.sub(r"[^a-z0-9]+", "-", name).strip("-") + ".json")
                runs = sorted((figures(run_lighthouse(base + address, keep)) for _ in range(args.runs)),
                              key=lambda r: (r["performance"], -r["fcp_s"]))
                f = runs[len(runs) // 2]
                results[name] = {"address": "/" + address, **f}
                print(f"{name:34} {f['performance']:5.2f} {f['accessibility']:5.2f} {f['best-practices']:5.2f} "
                      f"{f['seo']:5.2f} {f['fcp_s']:6.2f} {f['lcp_s']:6.2f} {f['tbt_ms']:7.0f} "
                      f"{f['cls']:6.3f} {f['weight_kb']:6.1f} {f['requests']:4d}", flush=True)
                if f["failed"]:
                    print(f"{'':34} failed: {', '.join(f['failed'])}", flush=True)
        finally:
            server.shutdown()
            server.server_close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
