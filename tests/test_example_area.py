"""signpost.example_area: the area schema's own example, renamed for each area made from it."""
from __future__ import annotations

import json

from helpers_content import write_minimal_services
from signpost.content import validate
from signpost.example_area import example_area


def test_the_example_passes_both_layers_of_validation(tmp_path):
    services = write_minimal_services(tmp_path / "services",
                                      areas=[example_area(), example_area("otherton", "Otherton")])
    site, problems = validate(services)
    assert problems == []
    assert [a.id for a in site.areas] == ["otherton", "testshire"]


def test_a_renamed_example_keeps_nothing_of_testshire():
    area = example_area("otherton", "Otherton")
    assert "testshire" not in json.dumps(area).casefold()
    assert area["id"] == "otherton" and area["name"] == "Otherton"
    assert all(s["id"].startswith("otherton-") for s in area["services"])


def test_each_call_gives_a_fresh_copy():
    area = example_area()
    area["services"][0]["name"] = "Changed"
    assert example_area()["services"][0]["name"] == "Testshire HSB service"
