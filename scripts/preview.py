#!/usr/bin/env python3
"""Preview one area quickly: python scripts/preview.py AREA [--services DIR] [--port 8000]

(make preview AREA=blackpool). Builds the site with only that area, national.yml and
glossary.yml, and the site's shared pages, serves it on http://127.0.0.1:PORT/ and builds again
whenever the area's file (or national.yml, glossary.yml, docs/, overrides/, hooks/) is saved;
the open page reloads itself. This is for an editor who wants to see their one change in seconds,
however many areas there are. AREA `all` builds and serves every area the same way (make serve).

The build reads a copy of the three files in a temporary folder; messages name the real files.
The page reloads through a small script file the preview server adds to each page (the site's
content security policy allows no inline script, which is why mkdocs serve's reload does not
run on this site).
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sitebuild import write_config  # noqa: E402

SHARED_FILES = ("national.yml", "glossary.yml", "search-synonyms.yml")
SOURCES = "sources"   # the documents' text, services/sources/<area>.txt (families_check)
ALL_AREAS = "all"
WATCHED_FOLDERS = ("docs", "overrides", "signpost/templates", "hooks")
RELOAD_PATH = "/__preview/reload.js"
BUILD_PATH = "/__preview/build"
RELOAD_SCRIPT = b"""// Preview only: reload the page when a new build is ready.
(function () {
  var seen = null;
  function poll() {
    fetch("/__preview/build", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (n) {
      if (seen !== null && n !== seen) { location.reload(); return; }
      seen = n;
      setTimeout(poll, 500);
    }, function () { setTimeout(poll, 2000); });
  }
  poll();
})();
"""


class Preview:
    """The current build of one area: where it is, its number, and how to make the next."""

    def __init__(self, area: str, services: Path, work: Path) -> None:
        self.area, self.services, self.work = area, services, work
        self.copy = work / "services"
        self.copy.mkdir()
        self.config = write_config(work / "mkdocs-preview.yml", self.copy)
        self.site: Path | None = None
        self.number = 0

    def area_files(self) -> list[Path]:
        if self.area == ALL_AREAS:
            return sorted(p for p in self.services.glob("*.yml") if p.name not in SHARED_FILES)
        return [self.services / f"{self.area}.yml"]

    def content_files(self) -> list[Path]:
        """The files of services/ this preview builds from (those that exist)."""
        areas = self.area_files()
        files = [*areas, *(self.services / SOURCES / f"{p.stem}.txt" for p in areas),
                 *(self.services / name for name in SHARED_FILES)]
        return [p for p in files if p.is_file()]

    def watched_files(self) -> list[Path]:
        files = self.content_files()
        for folder in WATCHED_FOLDERS:
            files.extend(p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        return files

    def stamp(self) -> dict[Path, float]:
        return {p: p.stat().st_mtime for p in self.watched_files() if p.exists()}

    def build(self) -> tuple[bool, float]:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException
        started = time.perf_counter()
        # A fresh copy each time, so an area file deleted meanwhile is gone from the preview too.
        shutil.rmtree(self.copy)
        (self.copy / SOURCES).mkdir(parents=True)
        for path in self.content_files():
            shutil.copyfile(path, self.copy / path.relative_to(self.services))
        out = self.work / f"site-{self.number + 1}"
        try:
            build(load_config(config_file=str(self.config), site_dir=str(out), strict=True))
        except (MkDocsException, SystemExit) as problem:
            # Name the editor's files, not the copies.
            text = str(problem).replace(os.path.relpath(self.copy) + "/", f"{os.path.relpath(self.services)}/")
            text = text.replace(str(self.copy) + "/", f"{os.path.relpath(self.services)}/")
            print(f"\nThe preview was not rebuilt:\n{text}\n", file=sys.stderr, flush=True)
            shutil.rmtree(out, ignore_errors=True)
            return False, time.perf_counter() - started
        old, self.site = self.site, out
        self.number += 1
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return True, time.perf_counter() - started


class _RealNames(logging.Filter):
    """Messages name the editor's files, not the preview's copies of them."""

    def __init__(self, copy: Path, services: Path) -> None:
        super().__init__()
        self.copy, self.services = str(copy), os.path.relpath(services)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.copy in message:
            record.msg, record.args = message.replace(self.copy, self.services), ()
        return True


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        site = self.preview.site or self.preview.work
        return super().translate_path(path).replace(os.getcwd(), str(site), 1)

    def do_GET(self):
        if self.path == BUILD_PATH:
            return self._send(str(self.preview.number).encode(), "text/plain")
        if self.path == RELOAD_PATH:
            return self._send(RELOAD_SCRIPT, "application/javascript")
        local = Path(self.translate_path(self.path.split("?")[0]))
        if local.is_dir():
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            page = local.read_bytes().replace(b"</body>", f'<script src="{RELOAD_PATH}"></script></body>'.encode(), 1)
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("area", help="the area's id: its file's name without .yml, e.g. blackpool; "
                                     f"or {ALL_AREAS} for every area")
    parser.add_argument("--services", type=Path, default=ROOT / "services", help="content folder (default services/)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--once", action="store_true", help="build once, print the time and stop (for measuring)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    every_area = args.area == ALL_AREAS
    area_file = args.services if every_area else args.services / f"{args.area}.yml"
    if not every_area and not area_file.is_file():
        known = sorted(p.stem for p in args.services.glob("*.yml") if p.name not in SHARED_FILES)
        sample = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
        print(f"{os.path.relpath(area_file)}: no such area file — AREA is a file's name in "
              f"{os.path.relpath(args.services)}/ without .yml, one of: {sample}", file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="hsb-preview-") as tmp:
        preview = Preview(args.area, args.services.resolve(), Path(tmp))
        for handler in logging.getLogger().handlers:
            handler.addFilter(_RealNames(preview.copy, preview.services))
        seen = preview.stamp()
        ok, seconds = preview.build()
        if not ok:
            return 1
        address = f"http://127.0.0.1:{args.port}/" + ("" if every_area else f"areas/{args.area}/")
        print(f"Built {'every area' if every_area else args.area} in {seconds:.1f} s ({time.perf_counter() - started:.1f} s since the command started, "
              f"{time.process_time():.1f} s of processor time).",
              flush=True)
        if args.once:
            return 0
        handler = type("Handler", (_Handler,), {"preview": preview})
        server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        saved = "a file in " + os.path.relpath(area_file) + "/" if every_area else os.path.relpath(area_file)
        print(f"Serving {address} — the page reloads when you save {saved}. "
              "Stop with Ctrl+C.", flush=True)
        try:
            while True:
                time.sleep(0.3)
                now = preview.stamp()
                if now != seen:
                    seen = now
                    cpu = time.process_time()
                    ok, seconds = preview.build()
                    if ok:
                        print(f"Rebuilt in {seconds:.1f} s ({time.process_time() - cpu:.1f} s of processor time).",
                              flush=True)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
