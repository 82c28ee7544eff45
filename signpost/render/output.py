"""What a build produces from the content, independent of any site engine.

The generator's output is: one Markdown source per generated page (front matter, then the page's
finished HTML), the static files (vCards, and the open data written by signpost.export), and the
list of pages a finished site must contain. Two thin adapters place it:

- hooks/signpost_hooks.py for MkDocs and ProperDocs (``mkdocs serve`` reloads, ``mkdocs build``),
  which registers each page with a placeholder body and renders it only when the engine asks;
- scripts/generate.py, which writes everything into a folder beside a copy of docs/, for any
  engine that reads Markdown but does not run our hooks (Zensical today).

Nothing here imports an engine, and the templates the theme renders need no Python call.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from ..plaintext import plain
from ..vcard import vcard
from .pages import PageSpec
from .state import BuildState


def front_matter(spec: PageSpec) -> str:
    """The page's front matter. Themes print titles and descriptions into the page unescaped
    (mkdocs' own Jinja has autoescape off), so they are escaped here, once, on the way in."""
    meta = {"title": html.escape(spec.title), "hide": ["toc"]}
    if spec.description:
        meta["description"] = html.escape(plain(spec.description)[:300])
    if not spec.searchable:
        meta["search"] = {"exclude": True}
    if spec.report:
        # The theme's footer links to the report page with this page's record id
        # (overrides/partials/copyright.html); a report page has neither.
        meta["hsb_report"] = spec.report
        meta["hsb_record"] = spec.record
    if spec.noindex:
        meta["hsb_noindex"] = True  # overrides/main.html asks search engines to leave it out
    meta["render_macros"] = False
    # JSON is valid YAML, and json.dumps escapes anything a title could contain.
    lines = [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def page_source(build: BuildState, url: str) -> str:
    """The generated page at ``url`` as a Markdown file: front matter, then its HTML as one raw block."""
    body = build.render_page(url)
    return f"{front_matter(build.pages[url])}\n<div class=\"hsb-generated\" markdown=\"0\">\n{body}\n</div>\n"


def static_files(build: BuildState) -> dict[str, str]:
    """Generated files that are not pages, by site path: a vCard per contact."""
    return {static.path: vcard(static.contact, static.area.name, build.renderer.neutral_cards)
            for static in build.statics}


def expected_pages(build: BuildState) -> dict[str, str]:
    """Every generated page a finished site must hold: site path of its HTML → its title."""
    return {f"{spec.url}index.html": spec.title for spec in build.pages.values()}


def write_tree(build: BuildState, docs_dir: Path, out_dir: Path) -> int:
    """Copy the hand-written pages (regular files only) to ``out_dir`` and write every
    generated page and static file beside them; returns the number of files written."""
    from ..export.oruk import write_open_data

    docs_dir, out_dir = Path(docs_dir), Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(docs_dir, out_dir, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if (Path(folder) / n).is_symlink()])
    count = 0
    for url, spec in build.pages.items():
        target = out_dir / spec.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(build, url), "utf-8")
        count += 1
    for path, content in static_files(build).items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8", newline="")
        count += 1
    return count + len(write_open_data(build.site, out_dir))


# The comment naming a source map at the end of a script or stylesheet (maps are not published).
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def drop_source_map_comments(site_dir: Path) -> None:
    """The theme's scripts and stylesheets name source maps that are not published."""
    for path in [*site_dir.glob("assets/javascripts/**/*.js"), *site_dir.glob("assets/stylesheets/*.css")]:
        data = path.read_bytes()
        trimmed = SOURCE_MAP_COMMENT.sub(b"\n", data)
        if trimmed != data:
            path.write_bytes(trimmed)
