"""Load everything under services/, validate it in two layers and build the typed model.

    site = load_site(Path("services"))    # raises ContentError listing every problem

Files: one ``<area-id>.yml`` per area, plus ``national.yml`` and ``glossary.yml``.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

from . import bilingual, checks, families_check, schema_check, welsh_check
from .model_from_data import build_area, build_glossary, build_national, build_search_synonyms
from .load import LoadedFile, load_yaml
from .model import Site
from .problems import ContentError, Problem
from .prose_contacts import check_prose
from .repeats import repeated_sentences

NATIONAL = "national.yml"
GLOSSARY = "glossary.yml"
SYNONYMS = "search-synonyms.yml"   # optional: how readers put things, for the site search


def file_label(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when it is inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return Path(path).as_posix()
    return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()


# Folders inside services/ that hold something other than content files.
OWN_FOLDERS = ("schema", "sources")  # the schemas; the documents' text (families_check)


def area_files(services_dir: Path) -> list[Path]:
    """The area files: every regular ``*.yml`` file directly in the folder (no symlinks)."""
    return sorted(Path(entry.path) for entry in os.scandir(services_dir)
                  if entry.name.endswith(".yml") and entry.name not in (NATIONAL, GLOSSARY, SYNONYMS)
                  and entry.is_file(follow_symlinks=False))


def folder_problems(services_dir: Path) -> list[Problem]:
    """Everything in the content folder that would not be read as it is: links, folders, files
    with another ending. Nothing is skipped without a word: an editor who saved 'area.YML' or
    left a backup must learn that the site does not show it."""
    problems = []
    for entry in sorted(os.scandir(services_dir), key=lambda e: e.name):
        label, name = file_label(Path(entry.path)), entry.name
        if entry.is_symlink():
            problems.append(Problem(label, 1, 1, "", "this is a symbolic link, which the site never follows",
                                    "put the file itself here, not a link to it"))
        elif entry.is_dir(follow_symlinks=False):
            if name in OWN_FOLDERS:
                problems.extend(_links_inside(Path(entry.path)))
            else:
                problems.append(Problem(label, 1, 1, "", "a folder inside services/ is not read",
                                        "area files go directly in services/, one <area-id>.yml each"))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(Problem(label, 1, 1, "", "this is not a regular file",
                                    "remove it; services/ holds only .yml content files"))
        elif name.endswith(".yml"):
            continue
        elif name.lower().endswith((".yml", ".yaml")):
            stem = name.rsplit(".", 1)[0]
            problems.append(Problem(label, 1, 1, "", "content files end in .yml, in small letters",
                                    f"rename it to {stem}.yml"))
        else:
            problems.append(Problem(label, 1, 1, "", "this file is not read: only .yml files are content",
                                    "remove it (keep backups and notes outside the repository), or "
                                    "rename it to <area-id>.yml if it is an area"))
    return problems


def _links_inside(folder: Path) -> list[Problem]:
    """Symbolic links or odd files in one of the content folder's own folders."""
    return [Problem(file_label(path), 1, 1, "", "this is a symbolic link or not a regular file",
                    "put the file itself here")
            for path in sorted(folder.rglob("*")) if path.is_symlink()
            or not (path.is_file() or path.is_dir())]


def validate(services_dir: Path, today: dt.date | None = None,
             warnings: list[Problem] | None = None) -> tuple[Site | None, list[Problem]]:
    """Every problem in the content, and the model when there are none. Pass a list as
    ``warnings`` to collect what is worth an editor's look but never stops a build (a
    sentence written in several fields)."""
    # Loading makes millions of small objects and no reference cycles: the cycle collector
    # would spend a quarter of the time finding nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _validate(Path(services_dir), today, warnings)
    finally:
        if collecting:
            gc.enable()


def _read(path: Path, kind: str, today: dt.date, problems: list[Problem]) -> LoadedFile | None:
    """One file loaded and checked against its schema and the field checks, or None when it
    cannot be used; what is wrong is added to ``problems``."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return None  # folder_problems has said why
    if not path.exists():
        problems.append(Problem(file_label(path), 1, 1, "", f"the {kind} file is missing",
                                f"create {path.name}; its schema is services/schema/{kind}.schema.json"))
        return None
    loaded = load_yaml(path, file_label(path))
    problems.extend(loaded.problems)
    if loaded.data is None or loaded.problems:
        return None
    found = schema_check.check(loaded, kind)
    # Phone, date, link, character and TODO checks run even when the schema found
    # something, so one misspelt field does not hide a wrong number. Where both find fault
    # with one field, the field check's message is kept: it names the character or the
    # kind of number, where the schema can only say "not in the right form".
    common = checks.check_common(loaded, today)
    checked = {p.path for p in common}
    problems.extend(p for p in found if p.path not in checked)
    problems.extend(common)
    if found:
        return None
    bilingual.lift(loaded)  # texts written with en:/cy: become English strings with Welsh
    return loaded


def _validate(services_dir: Path, today: dt.date | None,
              warnings: list[Problem] | None) -> tuple[Site | None, list[Problem]]:
    today = today or dt.date.today()
    problems: list[Problem] = []
    ids = checks.IdRegistry()

    problems.extend(folder_problems(services_dir))

    national = _read(services_dir / NATIONAL, "national", today, problems)
    if national:
        problems.extend(checks.check_national(national, ids))
    glossary = _read(services_dir / GLOSSARY, "glossary", today, problems)
    if glossary:
        problems.extend(checks.check_glossary(glossary))
    synonyms = None
    if (services_dir / SYNONYMS).exists() or (services_dir / SYNONYMS).is_symlink():
        synonyms = _read(services_dir / SYNONYMS, "search-synonyms", today, problems)
    areas = []
    for path in area_files(services_dir):
        loaded = _read(path, "area", today, problems)
        if loaded:
            problems.extend(checks.check_area(loaded, ids))
            problems.extend(families_check.check_families(loaded, services_dir))
            problems.extend(check_prose(loaded, national.data if national else None))
            problems.extend(welsh_check.check_settings(loaded))
            if warnings is not None:
                warnings.extend(repeated_sentences(loaded))
            areas.append(loaded)
    welsh_work = _welsh_work(areas, national, glossary, problems, warnings)
    if not areas and not problems:
        problems.append(Problem(file_label(services_dir), 1, 1, "", "there are no area files",
                                "add one with: python scripts/new_area.py \"Area name\""))
    if problems:
        return None, sorted(set(problems))

    built = sorted((build_area(a) for a in areas), key=lambda a: a.name.casefold())
    national_help, reviewed = build_national(national.data)
    return Site(areas=tuple(built), national=national_help,
                glossary=build_glossary(glossary.data), national_reviewed=reviewed,
                national_file=national.label,
                search_synonyms=build_search_synonyms(synonyms),
                welsh_work=tuple(welsh_work)), []


def _welsh_work(areas: list[LoadedFile], national: LoadedFile | None, glossary: LoadedFile | None,
                problems: list[Problem], warnings: list[Problem] | None) -> list:
    """Texts still without Welsh, or with draft Welsh, in the areas published in Welsh (and, when
    any area is, in the national lines and the glossary its Welsh pages show too). A missing
    Welsh text stops the build only in an area with 'missing_welsh: refuse'."""
    welsh_areas = [a for a in areas if welsh_check.publishes_welsh(a.data)]
    if not welsh_areas:
        return []
    work = []
    shared = [(loaded, kind) for loaded, kind in ((national, "national"), (glossary, "glossary"))
              if loaded is not None]
    for loaded, kind in [(a, "area") for a in welsh_areas] + shared:
        found = welsh_check.gaps(loaded, kind)
        refuse = kind == "area" and loaded.data.get("missing_welsh") == welsh_check.REFUSE
        refused, noted = welsh_check.to_messages(found, refuse=refuse)
        problems.extend(refused)
        if warnings is not None and kind == "area":
            # The site-wide files' gaps (a line per glossary term) go to the review report only.
            warnings.extend(noted)
        work.extend(found)
    return sorted(work)


def load_site(services_dir: Path, today: dt.date | None = None) -> Site:
    """The validated model; raises ContentError with every problem if there are any."""
    site, problems = validate(services_dir, today)
    if problems:
        raise ContentError(problems)
    return site
