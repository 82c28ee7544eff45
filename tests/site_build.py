"""Building the real site for tests: into a temporary folder, from any services folder.

The site is built with the project's own mkdocs.yml, docs/, overrides/ and hooks/; only the
content folder (extra.services_dir) and the output folder change. Used by the build, link and
browser tests.
"""
from __future__ import annotations

import sys
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sitebuild import build_site, write_config  # noqa: E402,F401  (re-exported for the tests)


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


@contextmanager
def given_or_built(site_dir: Path | None, services_dir: Path | None = None):
    """The built site at ``site_dir``, or (when None) one built now into a temporary folder that
    is removed afterwards. Raises SystemExit with the build's messages if the build fails."""
    if site_dir is not None:
        yield Path(site_dir)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        result = build_site(out, services_dir)
        if result.returncode:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(1)
        yield out
