"""mkdocs hooks: the Welsh tree (mkdocs.yml ``extra.publish_welsh``), built beside the English one.

The English build starts a second build of the same config, as a process of its own, into
<site>/cy/ with HSB_TREE_LANGUAGE=cy: the same hooks and generator, the theme's interface in
Welsh and the pages rendered in Welsh (signpost.render.alternates links the twins). It runs
while the English pages are written, so two cores build both trees at once, and it holds none
of the English build's memory. The English build waits for it before indexing the search over
both trees (hooks/signpost_hooks.py, listed after this file), and fails if it failed.

Chosen over mkdocs-static-i18n on figures (docs/architecture.md, Welsh).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from signpost import language
from signpost.render.alternates import WELSH_FOLDER

TREE_LANGUAGE = "HSB_TREE_LANGUAGE"   # set for the Welsh tree's build only

_welsh_build: subprocess.Popen | None = None


def on_config(config):
    """In the Welsh tree's build: the pages and the theme's interface in Welsh."""
    lang = os.environ.get(TREE_LANGUAGE)
    if lang:
        if lang not in language.LANGUAGES:
            raise PluginError(f"{TREE_LANGUAGE}={lang!r}: the site publishes {', '.join(language.LANGUAGES)}")
        config.extra["hsb_language"] = lang
        config.theme["language"] = lang
    return config


def on_files(files, config):
    """Start the Welsh tree's build (the engine has emptied the output folder by now)."""
    global _welsh_build
    _stop()
    if config.extra.get("publish_welsh") and not os.environ.get(TREE_LANGUAGE):
        # The engine building the English tree builds the Welsh one: MkDocs or ProperDocs.
        engine = type(config).__module__.split(".")[0]
        command = [sys.executable, "-m", engine, "build", "-q", "-f", str(config.config_file_path),
                   "-d", str(Path(config.site_dir) / WELSH_FOLDER.rstrip("/"))]
        if config.strict:
            command.append("--strict")
        _welsh_build = subprocess.Popen(command, env={**os.environ, TREE_LANGUAGE: language.WELSH})
    return files


def on_post_build(config):
    """Wait for the Welsh tree: the English build is not finished without it."""
    global _welsh_build
    if _welsh_build is None:
        return
    welsh, _welsh_build = _welsh_build, None
    if welsh.wait():
        raise PluginError("The Welsh tree (cy/) did not build (its messages are above); "
                          "the site was not built")


def on_build_error(error):
    _stop()


def _stop() -> None:
    """A Welsh build left from a failed or restarted English build is not waited for."""
    global _welsh_build
    if _welsh_build is not None and _welsh_build.poll() is None:
        _welsh_build.kill()
        _welsh_build.wait()
    _welsh_build = None
