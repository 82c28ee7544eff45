"""make preview AREA=<id>: one area with the shared pages, served on loopback, and the open page
reloads itself when the editor saves the area's file (and never breaks the content policy)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
import yaml

from browser_fixtures import browser, stub_other_hosts  # noqa: F401
from helpers_content import REPO, small_area, write_minimal_services, write_yaml

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    # The real glossary: the shared pages link to its terms.
    glossary = yaml.safe_load((REPO / "services" / "glossary.yml").read_text("utf-8"))
    services = write_minimal_services(tmp_path / "services", glossary=glossary,
                                      areas=[small_area("testshire", "Testshire"), small_area("otherton", "Otherton")])
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(REPO / "scripts" / "preview.py"), "testshire",
                             "--services", str(services), "--port", str(port)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("Serving"):
                break
        assert lines and lines[-1].startswith("Serving"), "".join(lines)
        yield services, f"http://127.0.0.1:{port}/", lines
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_preview_shows_one_area_and_reloads_when_its_file_is_saved(browser, preview):
    services, base, lines = preview
    assert lines[0].startswith("Built testshire in "), lines
    context = browser.new_context()
    stub_other_hosts(context)
    page = context.new_page()
    page.add_init_script("window.__violations = [];"
                         "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));")
    page.goto(base + "areas/testshire/")
    assert page.locator("h1").inner_text().strip() == "Testshire"
    assert page.request.get(base + "areas/otherton/").status == 404, "only the one area is built"
    assert page.request.get(base + "parents/").ok, "the shared pages are there"

    area = small_area("testshire", "Testshire")
    area["name"] = "Testshire Renamed"
    time.sleep(1.1)  # a later modification time than the first build's
    write_yaml(services / "testshire.yml", area)
    # Polled from here: the site's policy refuses the string evaluation wait_for_function uses.
    deadline = time.monotonic() + 60
    while page.locator("h1").inner_text().strip() != "Testshire Renamed":
        assert time.monotonic() < deadline, "the page did not reload with the saved change"
        page.wait_for_timeout(250)
    assert page.evaluate("window.__violations") == []
    context.close()


def test_preview_names_the_areas_it_knows_when_the_id_is_wrong(tmp_path):
    services = write_minimal_services(tmp_path / "services")
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "preview.py"), "testshir",
                             "--services", str(services), "--once"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "testshir.yml: no such area file" in result.stderr and "testshire" in result.stderr


def _serve(args: list[str], cwd) -> tuple[subprocess.Popen, str, list[str]]:
    """Start scripts/preview.py and wait until it serves; returns the process, address and lines."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(REPO / "scripts" / "preview.py"), *args, "--port", str(port)],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("Serving"):
            break
    return proc, f"http://127.0.0.1:{port}/", lines


def test_preview_of_a_seed_area_carries_its_source_text_and_names_the_real_file(tmp_path):
    # A seed area's families' guide is checked against services/sources/<area>.txt: the
    # preview must copy it, or every real area fails to preview.
    import shutil
    services = tmp_path / "services"
    shutil.copytree(REPO / "services", services)
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "preview.py"), "blackpool",
                             "--services", str(services), "--once"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Built blackpool in ")
    # A mistake is reported against the editor's file, not the preview's copy of it.
    text = (services / "blackpool.yml").read_text("utf-8")
    (services / "blackpool.yml").write_text(text.replace("\nname: Blackpool", '\nname: "  "', 1), "utf-8")
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "preview.py"), "blackpool",
                             "--services", str(services), "--once"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "services/blackpool.yml:" in result.stderr and "hsb-preview-" not in result.stderr, result.stderr


def test_make_serve_previews_every_area_with_the_reload_script(tmp_path):
    import urllib.request
    glossary = yaml.safe_load((REPO / "services" / "glossary.yml").read_text("utf-8"))
    services = write_minimal_services(tmp_path / "services", glossary=glossary,
                                      areas=[small_area("testshire", "Testshire"), small_area("otherton", "Otherton")])
    proc, base, lines = _serve(["all", "--services", str(services)], tmp_path)
    try:
        assert lines and lines[0].startswith("Built every area in "), lines
        assert lines[-1].startswith(f"Serving {base} "), lines
        for area in ("testshire", "otherton"):
            with urllib.request.urlopen(base + f"areas/{area}/", timeout=10) as response:
                page = response.read().decode("utf-8")
            assert '<script src="/__preview/reload.js"></script></body>' in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "serve: validate\n\t$(PY) scripts/preview.py all " in (REPO / "Makefile").read_text("utf-8")
