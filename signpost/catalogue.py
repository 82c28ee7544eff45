"""Load everything under services/, validate it in two layers and build the typed model.

    site = load_site(Path("services"))    # raises ContentError listing every problem

Files: one ``<area-id>.yml`` per area, plus ``national.yml`` and ``glossary.yml``.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

from . import checks, families_check, schema_check
from .build import build_area, build_glossary, build_national
from .load import LoadedFile, load_yaml
from .model import Site
from .problems import ContentError, Problem

NATIONAL = "national.yml"
GLOSSARY = "glossary.yml"


def file_label(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when it is inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return Path(path).as_posix()
    return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def area_files(services_dir: Path) -> list[Path]:
    return sorted(p for p in Path(services_dir).glob("*.yml") if p.name not in (NATIONAL, GLOSSARY))


def validate(services_dir: Path, today: dt.date | None = None) -> tuple[Site | None, list[Problem]]:
    """Every problem in the content, and the model when there are none."""
    # Loading makes millions of small objects and no reference cycles: the cycle collector
    # would spend a quarter of the time finding nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _validate(Path(services_dir), today)
    finally:
        if collecting:
            gc.enable()


def _validate(services_dir: Path, today: dt.date | None) -> tuple[Site | None, list[Problem]]:
    today = today or dt.date.today()
    problems: list[Problem] = []
    ids = checks.IdRegistry()

    for stray in sorted(services_dir.glob("*.yaml")):
        problems.append(Problem(file_label(stray), 1, 1, "", "content files end in .yml",
                                f"rename it to {stray.stem}.yml"))

    def read(path: Path, kind: str) -> LoadedFile | None:
        if not path.exists():
            problems.append(Problem(file_label(path), 1, 1, "", f"the {kind} file is missing",
                                    f"create {path.name}; its schema is services/schema/{kind}.schema.json"))
            return None
        loaded = load_yaml(path, file_label(path))
        problems.extend(loaded.problems)
        if loaded.data is None or loaded.problems:
            return None
        found = schema_check.check(loaded, kind)
        problems.extend(found)
        # Phone, date, link and TODO checks run even when the schema found something, so one
        # misspelt field does not hide a wrong number; a field the schema already reported is
        # not reported twice.
        reported = {p.path for p in found}
        problems.extend(p for p in checks.check_common(loaded, today) if p.path not in reported)
        return None if found else loaded

    national = read(services_dir / NATIONAL, "national")
    if national:
        problems.extend(checks.check_national(national, ids))
    glossary = read(services_dir / GLOSSARY, "glossary")
    if glossary:
        problems.extend(checks.check_glossary(glossary))
    areas = []
    for path in area_files(services_dir):
        loaded = read(path, "area")
        if loaded:
            problems.extend(checks.check_area(loaded, ids))
            problems.extend(families_check.check_families(loaded, services_dir))
            areas.append(loaded)
    if not areas and not problems:
        problems.append(Problem(file_label(services_dir), 1, 1, "", "there are no area files",
                                "add one with: python scripts/new_area.py \"Area name\""))
    if problems:
        return None, sorted(set(problems))

    built = sorted((build_area(a) for a in areas), key=lambda a: a.name.casefold())
    national_help, reviewed = build_national(national.data)
    return Site(areas=tuple(built), national=national_help,
                glossary=build_glossary(glossary.data), national_reviewed=reviewed,
                national_file=national.label), []


def load_site(services_dir: Path, today: dt.date | None = None) -> Site:
    """The validated model; raises ContentError with every problem if there are any."""
    site, problems = validate(services_dir, today)
    if problems:
        raise ContentError(problems)
    return site
