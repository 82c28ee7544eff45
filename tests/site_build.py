"""Building the real site for tests: into a temporary folder, from any services folder.

The site is built with the project's own mkdocs.yml, docs/, overrides/ and hooks/; only the
content folder (extra.services_dir) and the output folder change. Used by the build, link and
browser tests.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def build_site(out_dir: Path, services_dir: Path | None = None, *, extra: dict | None = None,
               strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would; returns the finished process (check returncode).

    With another services folder, a config file is written beside the project's that inherits
    everything from mkdocs.yml and changes only extra.services_dir (and any other extra keys).
    """
    config = ROOT / "mkdocs.yml"
    if services_dir is not None or extra:
        settings = dict(extra or {})
        settings["services_dir"] = str(Path(services_dir or ROOT / "services").resolve())
        config = out_dir.parent / f"mkdocs-{out_dir.name}.yml"
        # INHERIT paths are relative to this file; docs_dir and custom_dir must stay the project's.
        config.write_text(yaml.safe_dump({
            "INHERIT": str(ROOT / "mkdocs.yml"),
            "docs_dir": str(ROOT / "docs"),
            "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
            "hooks": [str(ROOT / "hooks" / "signpost_hooks.py")],
            "plugins": _plugins_with_absolute_paths(),
            "extra": settings,
        }), encoding="utf-8")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out_dir)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def _plugins_with_absolute_paths() -> list:
    """mkdocs.yml's plugins, with the macros module named by absolute path (mkdocs-macros looks
    for it beside the config file, which here is in a temporary folder)."""
    plugins = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["plugins"]
    out = []
    for plugin in plugins:
        if isinstance(plugin, dict) and "macros" in plugin:
            macros = dict(plugin["macros"])
            macros["module_name"] = str(ROOT / macros["module_name"])
            plugin = {"macros": macros}
        out.append(plugin)
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # linkchecker waits up to 0.6 s between requests to one host unless the server says it
        # may go faster; this loopback test server does.
        self.send_header("LinkChecker", "no rate limit on loopback")
        super().end_headers()


@contextmanager
def serve(directory: Path):
    """Serve a built site over HTTP on loopback; yields the base URL ending in '/'."""
    handler = partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
