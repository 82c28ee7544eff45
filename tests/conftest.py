"""Shared fixtures: the real site, built once per test run from services/, and served on loopback."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_build import ROOT, build_site, serve  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built with `mkdocs build --strict` from the bundled services/ content."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = build_site(out)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL (ending in '/') of the built site served over HTTP on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def services_dir() -> Path:
    return ROOT / "services"
