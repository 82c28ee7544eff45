#!/usr/bin/env python3
"""Build the site from another content folder, as `mkdocs build` would from services/.

    python scripts/sitebuild.py OUT_DIR [--services DIR] [--no-strict]

Writes a config beside OUT_DIR that inherits everything from mkdocs.yml and changes only
extra.services_dir, then runs mkdocs. Used by the tests and the benchmark; on its own it is a
way to preview a folder of content without copying it into services/.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _plugins_with_absolute_paths() -> list:
    """mkdocs.yml's plugins, with the macros module named by absolute path (mkdocs-macros looks
    for it beside the config file, which here is elsewhere)."""
    plugins = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["plugins"]
    out = []
    for plugin in plugins:
        if isinstance(plugin, dict) and "macros" in plugin:
            macros = dict(plugin["macros"])
            macros["module_name"] = str(ROOT / macros["module_name"])
            plugin = {"macros": macros}
        out.append(plugin)
    return out


def write_config(config: Path, services_dir: Path | None = None, extra: dict | None = None,
                 docs_dir: Path | None = None) -> Path:
    """A config file at ``config`` inheriting mkdocs.yml, with another content folder (and,
    for tests of hand-written pages, another docs folder)."""
    settings = dict(extra or {})
    settings["services_dir"] = str(Path(services_dir or ROOT / "services").resolve())
    # INHERIT paths are relative to the new file; docs_dir, custom_dir and hooks stay the project's.
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(Path(docs_dir or ROOT / "docs").resolve()),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / p) for p in yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["hooks"]],
        "plugins": _plugins_with_absolute_paths(),
        "watch": [settings["services_dir"], str(ROOT / "overrides"),
                  str(ROOT / "signpost" / "templates"), str(ROOT / "hooks")],
        "extra": settings,
    }), encoding="utf-8")
    return config


def build_site(out_dir: Path, services_dir: Path | None = None, *, extra: dict | None = None,
               strict: bool = True, docs_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would; returns the finished process (check returncode)."""
    out_dir = Path(out_dir)
    config = ROOT / "mkdocs.yml"
    if services_dir is not None or extra or docs_dir is not None:
        config = write_config(out_dir.parent / f"mkdocs-{out_dir.name}.yml", services_dir, extra, docs_dir)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out_dir)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--services", type=Path, default=None, help="content folder (default services/)")
    parser.add_argument("--no-strict", action="store_true")
    args = parser.parse_args(argv)
    result = build_site(args.out_dir, args.services, strict=not args.no_strict)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
