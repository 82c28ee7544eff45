"""Unit tests for signpost.render.urls."""
from __future__ import annotations

import posixpath

from signpost.render.urls import relative


def test_relative_links_match_posix_paths():
    """urls.relative is hand-written for speed; it must agree with posixpath everywhere."""
    def expected(from_url, to_url):
        base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
        rel = posixpath.relpath(to_url.rstrip("/") or ".", base or ".")
        return "./" if rel == "." else rel + ("/" if to_url.endswith("/") or not to_url else "")

    pages = ["", "areas/", "areas/x/", "areas/x/p/", "areas/x/p/n/", "areas/y/", "parents/",
             "areas/x/contacts/"]
    targets = pages + ["areas/x/contacts/c.vcf", "a/b.vcf", "areas/x/p/n/q.vcf"]
    for page in pages:
        for target in targets:
            assert relative(page, target) == expected(page, target), (page, target)
