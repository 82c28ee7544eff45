"""The staff's form editor at /admin/: Decap CMS's prebuilt bundle, from the npm package pinned
in scripts/decap-cms/ (never a CDN), its configuration generated from the schema
(signpost.cms_config), and a page of the project's own with the exit link and the 999 line.

The editor is a single-page application that needs what no other page of the site allows, so
its page carries its own policy (ADMIN_POLICY); every other page keeps the site's policy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from signpost.cms_config import config_text

from .output import SOURCE_MAP_COMMENT

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_DIR = ROOT / "scripts" / "decap-cms" / "node_modules" / "decap-cms" / "dist"
YAML_DIR = ROOT / "scripts" / "decap-cms" / "node_modules" / "yaml"
TEMPLATE_DIR = ROOT / "overrides" / "admin"
# The project's own scripts for the page: the flag that holds the editor's start, the area files'
# reader and writer, and the module that registers them and starts the editor.
OWN_FILES = ("admin.css", "manual-init.js", "canonical-yaml.mjs", "editor.mjs")

# Why each part (docs/architecture.md, "The staff's form editor"):
# - script-src 'unsafe-eval': the editor checks its configuration with ajv, which compiles
#   checks into functions; no inline script is allowed, as on every page.
# - style-src 'unsafe-inline': the editor's interface styles itself at run time (emotion).
# - connect-src: GitHub's API (the backend), and the local backend (decap-server) that the
#   editor looks for only when the page itself is on localhost.
# - img-src: avatars of signed-in users come from GitHub; blob:/data: are the editor's own.
ADMIN_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self' data:",
    "connect-src 'self' https://api.github.com http://localhost:* http://127.0.0.1:*",
    "worker-src 'self' blob:",
    "manifest-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])



class EditorMissing(Exception):
    pass


def bundle_files(bundle_dir: Path = BUNDLE_DIR) -> list[Path]:
    """The editor's script, the parts it loads on demand, and its licence notice."""
    main = bundle_dir / "decap-cms.js"
    if not main.is_file():
        raise EditorMissing(
            f"the content editor's bundle is not installed ({main}): run "
            "make scripts/decap-cms/node_modules/.installed (npm ci in scripts/decap-cms)")
    return [main, *sorted(bundle_dir.glob("[0-9]*.decap-cms.js")), *sorted(bundle_dir.glob("*.wasm")),
            bundle_dir / "decap-cms.js.LICENSE.txt"]


def page_html(site_name: str, exit_url: str, home: str = "../") -> str:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(["html"]))
    return env.get_template("index.html").render(policy=ADMIN_POLICY, site_name=site_name,
                                                 exit_url=exit_url, home=home)


def write_admin(site_dir: Path, services_dir: Path, *, site_name: str, exit_url: str,
                repo_url: str | None = None, auth_url: str | None = None,
                bundle_dir: Path = BUNDLE_DIR) -> Path:
    """Write /admin/ into a built site; returns its folder."""
    files = bundle_files(bundle_dir)
    out = Path(site_dir) / "admin"
    out.mkdir(parents=True, exist_ok=True)
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".js":
            data = SOURCE_MAP_COMMENT.sub(b"\n", data)  # the maps are not published
        (out / path.name).write_bytes(data)
    for name in OWN_FILES:
        shutil.copyfile(TEMPLATE_DIR / name, out / name)
    # The yaml package's browser build (ES modules) reads the area files in the editor.
    shutil.copytree(YAML_DIR / "browser" / "dist", out / "yaml", dirs_exist_ok=True)
    shutil.copyfile(YAML_DIR / "LICENSE", out / "yaml" / "LICENSE")
    (out / "index.html").write_text(page_html(site_name, exit_url), "utf-8")
    (out / "config.yml").write_text(config_text(services_dir, repo_url, auth_url), "utf-8")
    return out


def write_for_site(config) -> Path:
    """write_admin from a site engine's config (MkDocs or ProperDocs: attributes site_dir,
    config_file_path, site_name and extra)."""
    root = Path(config.config_file_path).parent
    return write_admin(Path(config.site_dir), root / config.extra.get("services_dir", "services"),
                       site_name=config.site_name, exit_url=config.extra.get("exit_url", "https://www.bbc.co.uk/weather"),
                       repo_url=config.extra.get("report_repo_url"), auth_url=config.extra.get("cms_auth_url"))
