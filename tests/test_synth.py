"""Synthetic content: valid, realistic in shape, safe to dial, and the same for the same seed."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
import yaml

from signpost.content import validate
from signpost.synth import (DRAMA_FREEPHONE, DRAMA_PHONES, MINIMAL_NATIONAL, dump, make_areas,
                            place_names, write_dataset)

ROOT = Path(__file__).resolve().parent.parent
NATIONS = {"England", "Wales", "Scotland", "Northern Ireland"}


@pytest.fixture(scope="module")
def twenty(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("twenty")
    write_dataset(folder, n=20, seed=5)
    return folder


def test_twenty_areas_pass_both_layers_of_validation(twenty):
    site, problems = validate(twenty)
    assert problems == []
    assert len(site.areas) == 20
    assert sum(len(a.services) for a in site.areas) == 100
    assert {a.nation for a in site.areas} == NATIONS


def test_each_area_has_the_promised_shape(twenty):
    site, _ = validate(twenty)
    for area in site.areas:
        assert len(area.services) == 5
        assert 3 <= len(area.contacts) <= 6
        assert len(area.referral_routes) == 2
        assert all(route.steps for route in area.referral_routes)
        assert area.referral_criteria and area.guidance and area.links
        assert 1 <= len(area.pathways) <= 2
        for service in area.services:
            assert service.ages and service.eligibility and service.assessment.models
        for pathway in area.pathways.values():
            assert 8 <= len(pathway.nodes) <= 15
            assert {n.type for n in pathway.nodes.values()} >= {"question", "outcome"}
            # A DAG from the start: everything reachable, every non-outcome leads on,
            # and only outcomes end a path.
            assert len(pathway.order()) == len(pathway.nodes)
            for node in pathway.nodes.values():
                assert bool(node.targets) == (node.type != "outcome")
            assert len(pathway.pages.outline) <= len(pathway.nodes)


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    one, two, other = tmp_path / "one", tmp_path / "two", tmp_path / "other"
    write_dataset(one, n=6, seed=42)
    write_dataset(two, n=6, seed=42)
    write_dataset(other, n=6, seed=43)
    files = sorted(p.name for p in one.glob("*.yml"))
    assert files == sorted(p.name for p in two.glob("*.yml"))
    for name in files:
        assert (one / name).read_bytes() == (two / name).read_bytes()
    assert [(one / n).read_bytes() for n in files] != [
        (other / n).read_bytes() for n in sorted(p.name for p in other.glob("*.yml"))]


def test_every_phone_is_a_valid_ofcom_drama_number():
    prefixes = tuple(p for ranges in DRAMA_PHONES.values() for p in ranges) + (DRAMA_FREEPHONE,)
    count = 0
    for area in make_areas(40, seed=9):
        for contact in area["contacts"]:
            if "phone" in contact:
                number = contact["phone"]
                assert number.startswith(prefixes), number
                assert len(number.replace(" ", "")) == 11
                assert phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")), number
                count += 1
    assert count > 40


def test_phones_match_the_area_nation():
    for area in make_areas(20, seed=2):
        local = DRAMA_PHONES[area["nation"]]
        for contact in area["contacts"]:
            if "phone" in contact and not contact["phone"].startswith(DRAMA_FREEPHONE):
                assert contact["phone"].startswith(local)


def test_place_names_are_unique_well_past_the_single_names():
    names = place_names(1500, random.Random(1))
    assert len({area_id for area_id, _ in names}) == 1500
    assert all(len(area_id) <= 40 for area_id, _ in names)


def test_minimal_national_and_glossary_without_real_ones(tmp_path):
    write_dataset(tmp_path, n=1, seed=0)
    assert yaml.safe_load((tmp_path / "national.yml").read_text("utf-8")) == MINIMAL_NATIONAL
    assert (tmp_path / "schema" / "area.schema.json").is_file()


def test_real_national_and_glossary_are_copied_when_given(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "national.yml").write_text(dump(MINIMAL_NATIONAL) + "# the real one\n", "utf-8")
    out = tmp_path / "out"
    write_dataset(out, n=1, seed=0, real_services=real)
    assert (out / "national.yml").read_text("utf-8").endswith("# the real one\n")
    assert (out / "glossary.yml").is_file()  # not in real/: a minimal one instead


def test_the_script_writes_a_folder_validate_accepts(tmp_path):
    out = tmp_path / "synth"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "synth.py"), "3", "--out", str(out),
                          "--seed", "1", "--minimal"], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == str(out)
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(out)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "OK: 3 areas, 15 services" in check.stdout
