"""Synthetic content: any number of fictional but realistic area files that pass validation.

For tests and benchmarks, never for the site. Places, people and organisations are made up;
every phone number is in one of Ofcom's ranges kept for TV and radio drama, so none reaches a
real person; every web address is on example.org and every email on an example.org host.
The same seed always gives the same files.

    write_dataset(Path("/tmp/areas"), n=400, seed=1)   # then: validate(Path("/tmp/areas"))
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from .content import GLOSSARY, NATIONAL, SYNONYMS
from .schema_check import SCHEMA_DIR
from .synth_area import make_area
from .synth_words import (DRAMA_FREEPHONE, DRAMA_PHONES, NATION_CYCLE,  # noqa: F401 (tests)
                          NEWEST_REVIEW, place_names)

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def make_areas(n: int = 400, seed: int = 0) -> list[dict]:
    """``n`` areas' data; the same seed always gives the same areas."""
    rng = random.Random(seed)
    return [make_area(rng, area_id, name, NATION_CYCLE[i % len(NATION_CYCLE)])
            for i, (area_id, name) in enumerate(place_names(n, rng))]


# -- national.yml, glossary.yml and writing ----------------------------------------------------

MINIMAL_NATIONAL = {
    "last_reviewed": NEWEST_REVIEW.isoformat(),
    "help": [{"id": "emergency", "name": "Emergency services", "emergency": True,
              "for": "If a child is in immediate danger.", "phone": "999",
              "provenance": "Synthetic test data",
              "last_reviewed": NEWEST_REVIEW.isoformat()}],
}
MINIMAL_GLOSSARY = {"terms": [
    {"term": "HSB", "stands_for": "Harmful sexual behaviour",
     "meaning": "Sexual behaviour by a child that is harmful to themselves or others."},
    {"term": "AIM", "stands_for": "Assessment, Intervention and Moving On",
     "meaning": "A way of assessing children who display harmful sexual behaviour."},
    {"term": "MASH", "stands_for": "Multi-Agency Safeguarding Hub",
     "meaning": "Where agencies decide together what to do about a worry about a child."},
]}


def dump(data: dict) -> str:
    """Data as YAML that the signpost loader reads back unchanged."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)


def with_welsh(area: dict) -> dict:
    """The area published in English and Welsh, every second text written with en:/cy: (its
    "Welsh" the English itself, alternately checked and draft; the rest left without Welsh), as
    a partnership part way through its translation would have it. For measuring, not for reading."""
    from .welsh_check import _document_words, text_values
    area = {**area, "languages": ["en", "cy"]}
    for i, (path, value) in enumerate(list(text_values(area, "area"))):
        if i % 2 or _document_words(path):
            continue
        parent = area
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = {"en": value, "cy": value, "cy_reviewed": i % 4 == 0}
    return area


def write_dataset(out_dir: Path, n: int = 400, seed: int = 0,
                  real_services: Path | None = None, welsh_every: int = 0) -> list[Path]:
    """Write ``n`` area files, national.yml, glossary.yml and schema/ into ``out_dir``.

    national.yml and glossary.yml are copied from ``real_services`` when it has them, else
    minimal valid ones are written. ``welsh_every``: one area in that many is published in
    Welsh too (with_welsh). Returns the area files written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i, area in enumerate(make_areas(n, seed)):
        if welsh_every and i % welsh_every == 0:
            area = with_welsh(area)
        path = out_dir / f"{area['id']}.yml"
        path.write_text("# yaml-language-server: $schema=schema/area.schema.json\n" + dump(area),
                        encoding="utf-8")
        written.append(path)
    real = Path(real_services) / SYNONYMS if real_services else None
    if real and real.is_file():  # optional: copied when there is one
        shutil.copyfile(real, out_dir / SYNONYMS)
    for name, minimal in ((NATIONAL, MINIMAL_NATIONAL), (GLOSSARY, MINIMAL_GLOSSARY)):
        real = Path(real_services) / name if real_services else None
        if real and real.is_file():
            shutil.copyfile(real, out_dir / name)
        else:
            (out_dir / name).write_text(dump(minimal), encoding="utf-8")
    shutil.copytree(SCHEMA_DIR, out_dir / "schema", dirs_exist_ok=True)
    return written
