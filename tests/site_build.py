"""Building the real site for tests: into a temporary folder, from any services folder.

The site is built with the project's own mkdocs.yml, docs/, overrides/ and hooks/; only the
content folder (extra.services_dir) and the output folder change. Used by the build, link and
browser tests.
"""
from __future__ import annotations

import sys
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
