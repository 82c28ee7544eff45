"""mkdocs hooks: the only code that knows mkdocs.

on_config validates services/ and stops the build with every problem if there is one (nothing
half-built is ever published); on_files adds one generated page per area, contact sheet, pathway
and pathway step, and a vCard per contact; on_page_content puts each generated page's rendered
HTML in place (it skips Markdown and macros: it is HTML already, escaped by signpost.render);
on_page_context decides which pages the search finds (signpost.render.search_index);
on_post_build writes the open-data files and indexes the site for search with Pagefind.
"""
from __future__ import annotations

import html
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from signpost.export.oruk import write_open_data
from signpost.pages_check import page_problems
from signpost.freshness import overdue_records
from signpost.plaintext import plain
from signpost.render import output, search_index, state, urls
from signpost.render import report as problem_reports
from signpost.site_check import missing_pages, report

log = logging.getLogger("mkdocs.hooks.signpost")

PLACEHOLDER = "<!-- signpost: generated page -->"
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\brel=)')
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


# Areas whose pages are listed in the navigation, decided once per build in on_config.
_areas_in_nav: set[str] = set()
# Page address → the readers' words services/search-synonyms.yml gives it, also once per build.
_readers_words: dict[str, str] = {}


# Privacy settings in mkdocs.yml `extra`: on unless set to false (see docs/architecture.md).
PRIVACY_SWITCHES = ("one_history_entry", "neutral_contact_cards")


def _check_privacy_switches(config) -> None:
    """A misspelt value ("no", "off") must not quietly leave a reader's trail on or off."""
    for key in PRIVACY_SWITCHES:
        value = config.extra.get(key, True)
        if not isinstance(value, bool):
            raise PluginError(f"{config.config_file_path}: extra.{key}: {value!r} is not true or false "
                              f"— write true (the default) or false, without quotes")


def on_config(config):
    _check_privacy_switches(config)
    root = Path(config.config_file_path).parent
    services_dir = root / config.extra.get("services_dir", "services")
    template_dir = Path(config.theme.custom_dir) / "partials" / "hsb"
    try:
        report_settings = problem_reports.settings_from(config.site_name, config.extra)
    except ValueError as err:
        raise PluginError(f"{config.config_file_path}: {err}") from None
    build, problems = state.start(services_dir, template_dir,
                                  neutral_cards=config.extra.get("neutral_contact_cards", True),
                                  report_settings=report_settings)
    if problems:
        report = "\n".join(str(p) for p in problems)
        raise PluginError(f"The content has {len(problems)} problem(s); the site was not built:\n{report}\n"
                          "Run 'python scripts/validate.py' to check the content on its own.")
    _refuse_unsafe_pages(config)
    _check_search_synonyms(config, build)
    _add_areas_to_nav(config, build)
    _explain_abbreviations(config, build)
    return config


def _check_search_synonyms(config, build) -> None:
    """Every page search-synonyms.yml names must be a page of the site: checked here, before
    mkdocs empties the output folder, so a mistake never takes the live site down."""
    docs = Path(config.docs_dir)
    addresses = {spec.url for spec in build.pages.values()}
    for path in docs.rglob("*.md"):
        parts = path.relative_to(docs).with_suffix("").parts
        parts = parts[:-1] if parts[-1] in ("index", "README") else parts
        addresses.add("".join(f"{part}/" for part in parts))
    problems = search_index.unknown_pages(build.site, addresses)
    if problems:
        raise PluginError("The search synonyms name pages the site does not have; the site was not built:\n"
                          + "\n".join(problems))
    _readers_words.clear()
    _readers_words.update(search_index.readers_words(build.site))


def _refuse_unsafe_pages(config) -> None:
    """Hand-written pages may only call the site's macros, and docs/ holds only real files
    (signpost.pages_check says why). Runs after mkdocs-macros has loaded its macros: plugins'
    on_config runs before the hooks'."""
    macros_plugin = config.plugins.get("macros")
    macros = frozenset(getattr(macros_plugin, "variables", {}).get("hsb_page_macros") or ())
    if not macros:
        raise PluginError("the macros plugin has not loaded hooks/macros.py; the site was not built")
    problems = page_problems(Path(config.docs_dir), macros)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in docs/; the site was not built:\n"
                          + "\n".join(problems))


def _explain_abbreviations(config, build) -> None:
    """Hand-written pages explain the glossary's abbreviations wherever they appear.

    The glossary is handed to Python-Markdown's abbr extension as data (its ``glossary``
    option), never appended to the page as Markdown: the extension builds each <abbr> as an
    element and the serializer escapes its title, so no glossary text can become markup."""
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(build.site.abbreviations)


def _add_areas_to_nav(config, build) -> None:
    """List each area under 'Areas' while there are few; past the limit the area index alone
    leads to them, so no page carries hundreds of navigation links."""
    _areas_in_nav.clear()
    limit = int(config.extra.get("nav_area_limit", 12))
    if len(build.site.areas) > limit or not config.nav:
        return
    _areas_in_nav.update(urls.source_file(urls.area(a.id)) for a in build.site.areas)
    for i, entry in enumerate(config.nav):
        if isinstance(entry, dict) and list(entry.values()) == ["areas/index.md"]:
            title = next(iter(entry))
            config.nav[i] = {title: ["areas/index.md"] + [
                {html.escape(a.name): urls.source_file(urls.area(a.id))} for a in build.site.areas]}


def on_files(files, config):
    build = state.current()
    for src_uri, spec in build.pages.items():
        # The body is filled in by on_page_content: generated pages are HTML already, so they
        # skip Markdown and macros, which would only re-parse them.
        content = output.front_matter(spec) + f"{PLACEHOLDER}\n"
        inclusion = InclusionLevel.UNDEFINED if src_uri in _areas_in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    for path, content in output.static_files(build).items():
        files.append(File.generated(config, path, content=content))
    # The theme's source maps (1.3 MB) help nobody reading the site: they are not published.
    for source_map in [f for f in files if f.src_uri.endswith(".map")]:
        files.remove(source_map)
    return files


def on_env(env, config, files):
    """The theme's own templates (the 404 page) get the "who to call" box for pages that belong
    to no area: it holds only tel: and https: links, so it works at any address."""
    build = state.current()
    env.globals["hsb_who_to_call"] = build.renderer.render_macro(
        "components/who-to-call.html", "who_to_call", "", None, None)
    return env


def _scrolling_table(match: re.Match) -> str:
    """A wide table scrolls inside its own region, which a keyboard can reach and a screen
    reader names by the table's column headings (WCAG 1.4.10 reflow, 2.1.1 keyboard). The class
    keeps the theme from wrapping it again in a region no keyboard can scroll."""
    headers = [html.unescape(_TAG.sub("", cell)).strip() for cell in _HEADER_CELL.findall(match.group(1))]
    label = html.escape("Table: " + ", ".join(h for h in headers if h)[:120], quote=True)
    return (f'<div class="hsb-table-wrap" role="region" tabindex="0" aria-label="{label}">'
            f'<table class="hsb-table">{match.group(1)}</table></div>')


def on_page_content(html, page, config, files):
    """Generated pages get their body; links to other sites never send the page address along;
    tables on hand-written pages scroll inside a region of their own."""
    if page.file.generated_by and PLACEHOLDER in html:
        return state.current().render_page(page.file.src_uri)
    html = _TABLE.sub(_scrolling_table, html)
    return _EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener noreferrer"', html)


def _address(url: str) -> str:
    """A page's address as search-synonyms.yml names it, less the leading slash ('' for home;
    mkdocs writes the home page's as './')."""
    return "" if url in ("", "./", ".") else url.lstrip("/")


def on_page_context(context, page, config, nav):
    """The rule for what search finds is applied here, where the navigation is known:
    main.html marks the content of each page it lets in with data-pagefind-body."""
    spec = state.current().pages.get(page.file.src_uri) if page.file.generated_by else None
    sections = [s.title for s in page.ancestors if getattr(s, "title", None)]
    leave_out = config.extra.get("search_leave_out", search_index.DEFAULT_LEAVE_OUT)
    page.meta["hsb_search"] = search_index.indexed(
        sections, page.meta, spec.searchable if spec else None, leave_out)
    # The readers' words search-synonyms.yml gives this page (parents/ for "my son touched").
    page.meta["hsb_search_words"] = _readers_words.get(_address(page.url), "") if page.meta["hsb_search"] else ""
    # Such a page is also tagged with its address, so that the search can rank it first when a
    # query holds one of those words (search.js, Pagefind's "answers" filter).
    page.meta["hsb_search_answers"] = "/" + _address(page.url) if page.meta["hsb_search_words"] else ""
    # A result names the area (and pathway) a generated page belongs to, under its title.
    if spec and spec.context.get("area"):
        where = [spec.context["area"].name]
        if "pathway" in spec.context and "node" in spec.context:
            where.append(plain(spec.context["pathway"].title))
        page.meta["hsb_search_context"] = " · ".join(where)
    return context


# What Pagefind writes that the site's own search code (docs/assets/search.js) does not use:
# its ready-made interfaces, its highlighter and its worker (the search runs on the page).
_PAGEFIND_UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*",
                    "pagefind-highlight.js", "pagefind-worker.js", "wasm.unknown.pagefind")


def _index_for_search(site_dir: Path, build) -> None:
    """Index the built site with Pagefind (the binary from the pagefind package on PyPI) and
    write the reader's words the search code loads. A failure stops the build: a site whose
    search box finds nothing must not be published."""
    words = site_dir / "search" / "words.json"
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text(json.dumps(search_index.words(build.site), ensure_ascii=False,
                                separators=(",", ":")), "utf-8")
    bundle = site_dir / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"Search indexing could not run ({error}); "
                          "install the site's packages with 'make build'") from error
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise PluginError("Search indexing failed; the site was not finished:\n"
                          f"{(done.stderr or done.stdout).strip()[-2000:]}\n"
                          "If it says pagefind is missing, install the site's packages with 'make build'.")
    for pattern in _PAGEFIND_UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()


_SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def _drop_source_map_comments(site_dir: Path) -> None:
    """The theme's scripts and stylesheets name source maps that are not published."""
    for path in [*site_dir.glob("assets/javascripts/**/*.js"), *site_dir.glob("assets/stylesheets/*.css")]:
        data = path.read_bytes()
        trimmed = _SOURCE_MAP_COMMENT.sub(b"\n", data)
        if trimmed != data:
            path.write_bytes(trimmed)


def on_post_build(config):
    build = state.current()
    expected = output.expected_pages(build)
    missing = missing_pages(Path(config.site_dir), expected)
    if missing:
        raise PluginError(report(missing, len(expected)))
    _drop_source_map_comments(Path(config.site_dir))
    written = write_open_data(build.site, Path(config.site_dir))
    log.info("Open data: wrote %d files under api/", len(written))
    _index_for_search(Path(config.site_dir), build)
    months = int(config.extra.get("review_months", 12))
    for record in overdue_records(build.site, months=months):
        log.info("Review overdue: %s", record)
