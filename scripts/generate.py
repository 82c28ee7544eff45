#!/usr/bin/env python3
"""Write the site's pages for any engine: python scripts/generate.py OUT_DIR [--services DIR]

Validates the content, then writes OUT_DIR/docs (the hand-written pages, every generated page as
Markdown holding its finished HTML, the vCards and the open data) and OUT_DIR/mkdocs.yml (the
project's settings, with that docs folder and no hooks). Any engine that reads mkdocs.yml can
then build it: `zensical build -f OUT_DIR/mkdocs.yml`, then check the result with
`python scripts/check_site.py OUT_DIR/site`. MkDocs and ProperDocs do not need this step: they
run the same generator through hooks/ (see docs/architecture.md).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signpost import interface  # noqa: E402
from signpost.render import report, state  # noqa: E402
from signpost.render.output import write_tree  # noqa: E402
from signpost.render.admin import EditorMissing, write_admin  # noqa: E402


MACROS_SHIM = '''"""Loads the project's macros ({path}) for an engine that reads this folder."""
import importlib.util

_spec = importlib.util.spec_from_file_location("hsb_site_macros", {path!r})
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
define_env = _module.define_env
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--services", type=Path, default=ROOT / "services")
    args = parser.parse_args(argv)
    settings = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    extra = settings.get("extra", {})
    try:
        report_settings = report.settings_from(settings.get("site_name"), extra)
    except ValueError as err:
        print(f"mkdocs.yml: {err}")
        return 1
    build, problems = state.start(args.services,
                                  neutral_cards=extra.get("neutral_contact_cards", True),
                                  report_settings=report_settings)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    out = args.out_dir.resolve()
    written = write_tree(build, ROOT / "docs", out / "docs")
    # The staff's form editor, as files the engine copies as they are (its page is no theme page).
    try:
        write_admin(out / "docs", args.services, site_name=settings.get("site_name", ""),
                    exit_url=extra.get("exit_url", "https://www.bbc.co.uk/weather"),
                    repo_url=extra.get("report_repo_url"), auth_url=extra.get("cms_auth_url"))
    except EditorMissing as err:
        print(f"No content editor at /admin/: {err}")
    settings.pop("hooks", None)
    # Relative to the config file: an engine may not take absolute folders (Zensical panics).
    settings["docs_dir"] = "docs"
    settings["site_dir"] = "site"
    settings["theme"]["custom_dir"] = str(ROOT / "overrides")
    settings.setdefault("extra", {})["services_dir"] = str(args.services.resolve())
    # The theme's templates read the interface's words from the config (partials/hsb/say.html).
    settings["extra"]["hsb_words"] = {key: interface.text(key, "en") for key in interface.entries("en")}
    settings["watch"] = []
    # The macros module is found beside the config file: a small one there loads the project's.
    for plugin in settings.get("plugins", []):
        if isinstance(plugin, dict) and "macros" in plugin:
            real = ROOT / (plugin["macros"]["module_name"] + ".py")
            (out / "hsb_macros.py").write_text(MACROS_SHIM.format(path=str(real)), "utf-8")
            plugin["macros"]["module_name"] = "hsb_macros"
    # Generated pages are listed nowhere in the navigation; say so rather than warn.
    settings["not_in_nav"] = "/areas/*/\n"
    (out / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    print(f"Wrote {written} files under {out / 'docs'} and {out / 'mkdocs.yml'}")
    if extra.get("publish_welsh"):
        # The Welsh tree (hooks/welsh_tree.py), its language links and hreflang are made by the hooks;
        # this folder holds the English tree only, and its pages link to no Welsh page.
        print("Not written: the Welsh tree (/cy/). mkdocs.yml publishes Welsh, and only MkDocs or "
              "ProperDocs build it (make build); an engine building this folder makes the English pages only.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
