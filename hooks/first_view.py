"""What a page loads, and when (docs/performance.md, "A light first view").

- The theme's stylesheets are cut down after the build to the rules the built pages and the
  scripts every page loads can use (signpost.stylesheet), in place, under the theme's own file
  names. The rules only the theme's script can make apply go to a separate file,
  assets/stylesheets/theme-script.css, which is loaded with that script.
- The theme's script (search, tooltips) is not loaded with the page: the page names it in
  ``hsb_theme_script`` for overrides/main.html, and assets/javascripts/theme-on-demand.js
  fetches it the first time the reader opens search.
"""
from __future__ import annotations

from pathlib import Path

from signpost.stylesheet import UsedNames, drop_unused_properties, trim

THEME_SCRIPT_STYLES = "assets/stylesheets/theme-script.css"

_used = UsedNames()


def _theme_bundle(config) -> str:
    """The theme's script, as a site-relative path (its name carries the theme's version hash)."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return f"assets/javascripts/{found[0].name}"
    return ""


def on_config(config):
    global _used
    _used = UsedNames()  # mkdocs serve builds again in the same process
    return config


def on_env(env, config, files):
    env.globals["hsb_theme_script"] = _theme_bundle(config)
    env.globals["hsb_theme_script_styles"] = THEME_SCRIPT_STYLES
    return env


def on_post_page(output, page, config):
    _used.add_page(output)
    return output


def on_post_build(config):
    site_dir = Path(config.site_dir)
    bundle = _theme_bundle(config)
    # Every script a page loads at once: the site's own and the theme's small helpers.
    first_view = _used.copy()
    for path in site_dir.glob("assets/**/*.js"):
        if path.name != Path(bundle).name and "workers" not in path.parts and "lunr" not in path.parts:
            first_view.add_script(path.read_text("utf-8"))
    with_theme_script = first_view.copy()
    if bundle and (site_dir / bundle).exists():
        with_theme_script.add_script((site_dir / bundle).read_text("utf-8"))
    sheets = sorted(site_dir.glob("assets/stylesheets/*.min.css"))
    later, trimmed = [], {}
    for sheet in sheets:
        css = sheet.read_text("utf-8")
        later.append(trim(css, with_theme_script, already=first_view))
        trimmed[sheet] = trim(css, first_view)
    (site_dir / THEME_SCRIPT_STYLES).write_text("".join(later), "utf-8")
    # Custom properties no stylesheet or script reads (the theme's icons for features this site
    # does not use) go too.
    scripts = "".join(p.read_text("utf-8") for p in site_dir.glob("assets/**/*.js") if "lunr" not in p.parts)
    own_styles = "".join(p.read_text("utf-8") for p in site_dir.glob("assets/*.css"))
    for sheet, css in trimmed.items():
        elsewhere = "".join(other for path, other in trimmed.items() if path != sheet)
        sheet.write_text(drop_unused_properties(css, elsewhere + "".join(later) + own_styles + scripts), "utf-8")
