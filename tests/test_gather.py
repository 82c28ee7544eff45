"""Audience pages gather a bounded amount from every area, however many areas there are."""
from __future__ import annotations

import pytest

from signpost.content import load_site
from signpost.render.gather import distinct_sections, guidance_for
from signpost.synth import write_dataset


@pytest.fixture(scope="module")
def many_areas(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gather") / "services"
    write_dataset(folder, n=30, seed=3)
    return load_site(folder)


def test_guidance_is_limited_and_the_rest_counted(many_areas):
    having = [a for a in many_areas.areas if any("parents" in g.audience for g in a.guidance)]
    entries, more = guidance_for(many_areas, "parents", limit=4)
    assert len(entries) == min(4, len(having))
    assert more == len(having) - len(entries)
    assert all(all("parents" in g.audience for g in sections) for _, sections in entries)


@pytest.mark.parametrize("field", ["definitions", "healthy_behaviour", "cause_for_concern"])
def test_each_distinct_text_once_with_every_area_that_publishes_it(many_areas, field):
    groups, more = distinct_sections(many_areas, field, limit=3)
    values = [value for value, _ in groups]
    assert len(values) == len(set(values)) <= 3
    for value, areas in groups:
        assert areas and all(getattr(a, field) == value for a in areas)
    shown = sum(len(areas) for _, areas in groups)
    assert shown + more == sum(1 for a in many_areas.areas if getattr(a, field))
