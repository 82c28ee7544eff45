"""mkdocs hooks: the only code that knows mkdocs.

on_config validates services/ and stops the build with every problem if there is one (nothing
half-built is ever published); on_files adds one generated page per area, contact sheet, pathway
and pathway step, and a vCard per contact; on_page_content puts each generated page's rendered
HTML in place (it skips Markdown and macros: it is HTML already, escaped by signpost.render);
on_page_context decides which pages the search finds (signpost.render.search_index);
on_post_build writes the open-data files and the staff's form editor (/admin/), and indexes the site for search with Pagefind.

With extra.publish_welsh, hooks/welsh_tree.py builds the Welsh tree into <site>/cy/ beside the
English build (extra.hsb_language "cy" there); the search index is made once, here, over both
trees, after the Welsh one is built.
"""
from __future__ import annotations

import html
import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from signpost import bilingual, interface, language
from signpost.export.oruk import write_open_data
from signpost.pages_check import page_problems
from signpost.freshness import overdue_records
from signpost.plaintext import plain
from signpost.render import alternates, hand_written, output, search_files, search_index, state, urls
from signpost.render import report as problem_reports
from signpost.render.admin import EditorMissing, write_for_site
from signpost.site_check import missing_pages, report

log = logging.getLogger("mkdocs.hooks.signpost")

PLACEHOLDER = "<!-- signpost: generated page -->"


# Privacy settings in mkdocs.yml `extra`: on unless set to false (see docs/architecture.md).
PRIVACY_SWITCHES = ("one_history_entry", "neutral_contact_cards")
# Publishing switches in mkdocs.yml `extra`, off unless set to true.
PUBLISHING_SWITCHES = ("publish_welsh",)


def _language(config) -> str:
    """The language of the tree this build makes: "cy" only in the Welsh tree's build."""
    return config.extra.get("hsb_language", language.ENGLISH)


def _check_privacy_switches(config) -> None:
    """A misspelt value ("no", "off") must not quietly leave a reader's trail on or off."""
    for key, default in [*((k, False) for k in PUBLISHING_SWITCHES), *((k, True) for k in PRIVACY_SWITCHES)]:
        value = config.extra.get(key, default)
        if not isinstance(value, bool):
            choices = "true (the default) or false" if default else "true or false (the default)"
            raise PluginError(f"{config.config_file_path}: extra.{key}: {value!r} is not true or false "
                              f"— write {choices}, without quotes")


def on_config(config):
    _check_privacy_switches(config)
    root = Path(config.config_file_path).parent
    services_dir = root / config.extra.get("services_dir", "services")
    try:
        report_settings = problem_reports.settings_from(config.site_name, config.extra)
    except ValueError as err:
        raise PluginError(f"{config.config_file_path}: {err}") from None
    lang = _language(config)
    # The theme's templates read the interface's words here (overrides/partials/hsb/say.html).
    config.extra["hsb_words"] = {key: interface.text(key, lang) for key in interface.entries(lang)}
    build, problems = state.start(services_dir,
                                  neutral_cards=config.extra.get("neutral_contact_cards", True),
                                  report_settings=report_settings, lang=lang)
    if problems:
        report = "\n".join(str(p) for p in problems)
        raise PluginError(f"The content has {len(problems)} problem(s); the site was not built:\n{report}\n"
                          "Run 'python scripts/validate.py' to check the content on its own.")
    _refuse_unsafe_pages(config)
    _check_search_synonyms(config, build)
    if lang != language.ENGLISH and config.nav:
        try:
            config.nav = alternates.nav_in(lang, config.nav)
        except ValueError as err:
            raise PluginError(str(err)) from None
    _add_areas_to_nav(config, build)
    _explain_abbreviations(config, build)
    return config


def _check_search_synonyms(config, build) -> None:
    """Every page search-synonyms.yml names must be a page of the site: checked here, before
    mkdocs empties the output folder, so a mistake never takes the live site down."""
    addresses = {spec.url for spec in build.pages.values()} | search_index.page_addresses(Path(config.docs_dir))
    problems = search_index.unknown_pages(build.site, addresses)
    if problems:
        raise PluginError("The search synonyms name pages the site does not have; the site was not built:\n"
                          + "\n".join(problems))


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
    """List each area under 'Areas' while there are few (BuildState.list_areas_in_nav)."""
    if not config.nav:  # the engine's own navigation lists every page it is not told to leave out
        return
    areas = build.list_areas_in_nav(int(config.extra.get("nav_area_limit", 12)))
    for i, entry in enumerate(config.nav):
        if isinstance(entry, dict) and list(entry.values()) == ["areas/index.md"]:
            title = next(iter(entry))
            config.nav[i] = {title: ["areas/index.md"] + [
                {html.escape(bilingual.in_language(a.name, _language(config))): urls.source_file(urls.area(a.id))}
                for a in areas]}


def on_files(files, config):
    build = state.current()
    for url, spec in build.pages.items():
        # The body is filled in by on_page_content: generated pages are HTML already, so they
        # skip Markdown and macros, which would only re-parse them.
        content = output.front_matter(spec) + f"{PLACEHOLDER}\n"
        inclusion = InclusionLevel.UNDEFINED if url in build.areas_in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, spec.src_uri, content=content, inclusion=inclusion))
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
    with language.rendering_in(_language(config)):
        env.globals["hsb_who_to_call"] = build.renderer.render_macro(
            "components/who-to-call.html", "who_to_call", "", None, None)
    return env


def on_page_content(html, page, config, files):
    """Generated pages get their body; links to other sites never send the page address along;
    tables on hand-written pages scroll inside a region of their own."""
    if page.file.generated_by and PLACEHOLDER in html:
        build = state.current()
        return build.render_page(build.page_for_source(page.file.src_uri).url)
    html = hand_written.finish(html)
    if _language(config) != language.ENGLISH:
        # A hand-written page has no Welsh yet: it is shown as it is, marked English (WCAG
        # 3.1.2), under one line in Welsh saying so.
        page.meta["hsb_in_english"] = True
        notice = interface.say("welsh.page_in_english", _language(config))
        html = f'<p class="hsb-cy-notice">{notice}</p>\n<div lang="en">\n{html}\n</div>'
    return html


def _address(url: str) -> str:
    """A page's address as search-synonyms.yml names it, less the leading slash ('' for home;
    mkdocs writes the home page's as './')."""
    return "" if url in ("", "./", ".") else url.lstrip("/")


def on_page_context(context, page, config, nav):
    """The rule for what search finds is applied here, where the navigation is known:
    main.html marks the content of each page it lets in with data-pagefind-body."""
    build = state.current()
    spec = build.page_for_source(page.file.src_uri) if page.file.generated_by else None
    sections = [s.title for s in page.ancestors if getattr(s, "title", None)]
    leave_out = config.extra.get("search_leave_out", search_index.DEFAULT_LEAVE_OUT)
    lang = _language(config)
    if lang != language.ENGLISH:  # the sections' titles are the navigation's, in Welsh
        leave_out = [t for title in leave_out for t in (title, interface.text(f"nav.{title}", lang))]
    title = alternates.navigation_title(lang, page.title, page.meta.get("title"))
    if page.meta.get("hsb_in_english") and title:
        # A hand-written page the navigation names in Welsh: its <title> and header say that
        # name, not the English title its text starts with.
        page.meta.update(title=title, hsb_title_in_welsh=True)
    if config.extra.get("publish_welsh") and page.url is not None:
        # The same page in the other language (the header's language link) and both, for the
        # head's hreflang alternates: relative links, so they work at any address.
        other = alternates.other(lang)
        page.meta["hsb_language_link"] = {"href": alternates.href(lang, page.url, other), "lang": other,
                                          "text": interface.text("language.other_link", lang)}
        page.meta["hsb_alternates"] = [{"lang": code, "href": alternates.href(lang, page.url, code)}
                                       for code in language.LANGUAGES]
    page.meta["hsb_search"] = search_index.indexed(
        sections, page.meta, spec.searchable if spec else None, leave_out)
    # The readers' words search-synonyms.yml gives this page (parents/ for "my son touched").
    page.meta["hsb_search_words"] = build.readers_words.get(_address(page.url), "") if page.meta["hsb_search"] else ""
    # Such a page is also tagged with its address, so that the search can rank it first when a
    # query holds one of those words (search.js, Pagefind's "answers" filter).
    page.meta["hsb_search_answers"] = "/" + _address(page.url) if page.meta["hsb_search_words"] else ""
    # The page with the area's contact cards is tagged so that a number typed in the search
    # finds first whose number it is (search.js, Pagefind's "cards" filter).
    page.meta["hsb_search_cards"] = bool(spec and spec.cards and page.meta["hsb_search"])
    # A result names the area (and pathway) a generated page belongs to, under its title.
    if spec and spec.context.get("area"):
        where = [spec.context["area"].name]
        if "pathway" in spec.context and "node" in spec.context:
            where.append(plain(spec.context["pathway"].title))
        page.meta["hsb_search_context"] = " · ".join(where)
    return context


def _write_editor(config) -> None:
    """The staff's form editor at /admin/. Without its npm package (a preview on a machine
    without npm) the site is built without it, and scripts/check_site.py refuses to publish it."""
    try:
        write_for_site(config)
    except EditorMissing as err:
        log.warning("No content editor at /admin/: %s", err)


def on_post_build(config):
    build = state.current()
    lang = _language(config)
    expected = output.expected_pages(build)
    missing = missing_pages(Path(config.site_dir), expected)
    if missing:
        raise PluginError(report(missing, len(expected)))
    output.drop_source_map_comments(Path(config.site_dir))
    if lang != language.ENGLISH:
        # The index, the open data and the form editor (whose files the theme copied here too)
        # are the whole site's, made by the English build; this tree's search reads its words.
        shutil.rmtree(Path(config.site_dir) / "admin", ignore_errors=True)
        search_files.write_words(Path(config.site_dir), build.site)
        return
    written = write_open_data(build.site, Path(config.site_dir))
    log.info("Open data: wrote %d files under api/", len(written))
    _write_editor(config)
    search_files.write_words(Path(config.site_dir), build.site)
    try:
        search_files.index(Path(config.site_dir))
    except search_files.IndexingFailed as error:
        raise PluginError(str(error)) from error
    months = int(config.extra.get("review_months", 12))
    for record in overdue_records(build.site, months=months):
        log.info("Review overdue: %s", record)
