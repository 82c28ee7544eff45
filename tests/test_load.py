"""Unit tests for signpost.load (YAML → data with marks)."""
from __future__ import annotations

from pathlib import Path

import pytest

from signpost.load import Marks, load_yaml

BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


def load(tmp_path: Path, text: str | bytes, name: str = "area.yml"):
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return load_yaml(path, name)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


NESTED = """\
id: testshire
services:
  - id: one
    ages:
      from: 10
      to: 17
    contacts:
      - first
      - second
pathways:
  referral:
    nodes:
      start-here:
        type: question
        options:
          - label: "Yes"
            next: done
"""


# --- marks -------------------------------------------------------------------------------------

def test_values_and_keys_are_marked_at_every_depth(tmp_path):
    loaded = load(tmp_path, NESTED)
    assert loaded.problems == []
    values, keys = loaded.marks.values, loaded.marks.keys
    # The value of ages.to sits after "to: " on its own line; its key at the start of the word.
    line = line_of(NESTED, "to: 17")
    assert values[("services", 0, "ages", "to")] == (line, 11)
    assert keys[("services", 0, "ages", "to")] == (line, 7)
    # A list item is marked where the item starts, after "- ".
    assert values[("services", 0, "contacts", 1)] == (line_of(NESTED, "- second"), 9)
    assert values[("services", 0)] == (line_of(NESTED, "- id: one"), 5)
    # Deep inside a pathway, through mapping keys and list indexes.
    path = ("pathways", "referral", "nodes", "start-here", "options", 0, "next")
    assert values[path] == (line_of(NESTED, "next: done"), 19)
    assert keys[path] == (line_of(NESTED, "next: done"), 13)
    assert values[()] == (1, 1)


def test_locate_falls_back_to_the_nearest_marked_ancestor(tmp_path):
    loaded = load(tmp_path, NESTED)
    marks = loaded.marks
    # A field that is missing (so unmarked) is located at its parent record.
    assert marks.locate(("services", 0, "provider")) == marks.values[("services", 0)]
    assert marks.locate(("services", 0, "ages", "to"), key=True) == marks.keys[("services", 0, "ages", "to")]
    # key=True on a path without a key mark (a list item) falls back to the value.
    assert marks.locate(("services", 0, "contacts", 0), key=True) == \
        marks.values[("services", 0, "contacts", 0)]
    assert Marks().locate(("anything", 3)) == (1, 1)


def test_plain_data_comes_back_unchanged(tmp_path):
    loaded = load(tmp_path, NESTED)
    assert loaded.data["services"][0]["ages"] == {"from": 10, "to": 17}
    assert loaded.data["services"][0]["contacts"] == ["first", "second"]
    assert loaded.data["pathways"]["referral"]["nodes"]["start-here"]["options"][0]["label"] == "Yes"


# --- typed scalars -----------------------------------------------------------------------------

TYPED = """\
hours: no
open: on
label: "no"
quoted_phone: "0121 496 0123"
phone: 01210000000
count: 12
ratio: 1.5
empty:
tilde: ~
reviewed: 2026-01-15
impossible: 2026-02-30
text: plain words
"""


def test_scalars_yaml_did_not_read_as_text_are_recorded(tmp_path):
    loaded = load(tmp_path, TYPED)
    typed, data = loaded.marks.typed, loaded.data
    assert typed[("hours",)] == (BOOL, "no") and data["hours"] is False
    assert typed[("open",)] == (BOOL, "on") and data["open"] is True
    assert typed[("phone",)] == (INT, "01210000000")  # a leading 0 and digits 0-7: octal to YAML 1.1
    assert typed[("count",)] == (INT, "12") and data["count"] == 12
    assert typed[("ratio",)] == (FLOAT, "1.5") and data["ratio"] == 1.5
    assert typed[("empty",)] == (NULL, "") and data["empty"] is None
    assert typed[("tilde",)] == (NULL, "~") and data["tilde"] is None
    # Quoted values and plain words are text, and not recorded as typed.
    for key in ("label", "quoted_phone", "text"):
        assert (key,) not in typed
        assert isinstance(data[key], str)
    assert data["label"] == "no"


def test_dates_stay_text_even_when_impossible(tmp_path):
    loaded = load(tmp_path, TYPED)
    assert loaded.problems == []
    assert loaded.data["reviewed"] == "2026-01-15"
    assert loaded.data["impossible"] == "2026-02-30"  # no constructor crash; checks.py reports it
    assert loaded.marks.typed[("reviewed",)] == (TIMESTAMP, "2026-01-15")


# --- encodings and line endings ----------------------------------------------------------------

def test_byte_order_mark_is_ignored(tmp_path):
    text = "id: testshire\nname: Testshire\n"
    loaded = load(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert loaded.problems == []
    assert loaded.data == {"id": "testshire", "name": "Testshire"}
    assert "\ufeff" not in next(iter(loaded.data))  # the first key is 'id', not '\ufeffid'
    assert loaded.marks.keys[("id",)] == (1, 1)
    assert loaded.marks.values[("name",)] == (2, 7)


def test_windows_line_endings_keep_line_numbers(tmp_path):
    loaded = load(tmp_path, "id: a\r\nname: b\r\nnation: c\r\n")
    assert loaded.data == {"id": "a", "name": "b", "nation": "c"}
    assert loaded.marks.values[("nation",)] == (3, 9)


def test_non_utf8_file_is_reported_at_the_bad_byte(tmp_path):
    text = "id: testshire\nname: Front door caf\u00e9\n"
    loaded = load(tmp_path, text.encode("latin-1"))
    assert loaded.data is None
    [problem] = loaded.problems
    assert (problem.line, problem.column) == (2, 21)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message
    assert "UTF-8" in problem.allowed


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(tmp_path, text):
    loaded = load(tmp_path, text)
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.message == "the file is empty"
    assert problem.line == 1


@pytest.mark.parametrize("text, kind", [("- a\n- b\n", "list"), ("just words\n", "single value")])
def test_top_level_must_be_fields(tmp_path, text, kind):
    loaded = load(tmp_path, text)
    [problem] = loaded.problems
    assert f"holds a {kind}" in problem.message


# --- refused constructs ------------------------------------------------------------------------

def test_duplicate_key_is_refused_at_the_second_occurrence(tmp_path):
    text = "id: a\nservices:\n  - id: one\n    name: First\n    name: Second\n"
    loaded = load(tmp_path, text)
    [problem] = loaded.problems
    assert (problem.line, problem.column) == (5, 5)
    assert problem.path == "services.0.name"
    assert "duplicate key 'name'" in problem.message and "line 4" in problem.message
    assert loaded.data["services"][0]["name"] == "First"  # never silently the last one


def test_alias_is_reported_where_it_is_used(tmp_path):
    text = ("services:\n"
            "  - provider: &who Testshire Council\n"
            "    name: Service\n"
            "    covers: *who\n")
    loaded = load(tmp_path, text)
    [problem] = loaded.problems
    assert problem.path == "services.0.covers"
    assert (problem.line, problem.column) == (4, 13)
    assert "anchors and aliases" in problem.message
    assert loaded.marks.values[("services", 0, "covers")] == (4, 13)


def test_alias_in_a_list_is_reported_where_it_is_used(tmp_path):
    text = ("steps:\n"
            "  - &first\n"
            "    text: Talk to your lead.\n"
            "  - text: Send the form.\n"
            "  - *first\n"
            "  - text: Wait.\n"
            "  - *first\n")
    loaded = load(tmp_path, text)
    assert [(p.path, p.line, p.column) for p in loaded.problems] == [
        ("steps.2", 5, 5), ("steps.4", 7, 5)]


def test_merge_key_is_refused(tmp_path):
    loaded = load(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")
    assert any("merge keys" in p.message and p.line == 3 for p in loaded.problems)


@pytest.mark.parametrize("value", ["!secret Testshire", "!!python/object:os.system echo",
                                   "!!binary aGVsbG8=", "!!set {a, b}"])
def test_custom_tags_are_refused(tmp_path, value):
    loaded = load(tmp_path, f"id: a\nprovider: {value}\n")
    [problem] = loaded.problems
    assert problem.path == "provider" and problem.line == 2
    assert "is not allowed" in problem.message


def test_python_tags_are_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = f'id: a\nprovider: !!python/object/apply:os.system ["touch {marker}"]\n'
    loaded = load(tmp_path, text)
    assert not marker.exists()
    assert loaded.problems and "not allowed" in loaded.problems[0].message


def test_unclosed_quote_is_reported_on_the_line_it_opens(tmp_path):
    text = 'id: a\nname: "Testshire\nnation: England\nsummary: words\n'
    loaded = load(tmp_path, text)
    [problem] = loaded.problems
    assert problem.line == 2
    assert "never closed" in problem.allowed


def test_tab_indentation_says_use_spaces(tmp_path):
    loaded = load(tmp_path, "source:\n  title: x\n\tnotes: y\n")
    [problem] = loaded.problems
    assert problem.line == 3
    assert "tab" in (problem.message + problem.allowed)
    assert "spaces" in problem.allowed


def test_colon_in_unquoted_text_says_quote_it(tmp_path):
    loaded = load(tmp_path, "id: a\nname: Team: front door\n")
    [problem] = loaded.problems
    assert (problem.line, problem.column) == (2, 11)
    assert "quotes" in problem.allowed


@pytest.mark.parametrize("raw", [
    b"\x00\x01\x02", b"{{{{", b"]", b"key: [unclosed", b"a: b\n  c: d\n", b"? ? ?", b"- - -\n  -",
    b"*undefined", b"&a [*a]", b"a: !!str\n", "caf\u00e9: \u2603\n".encode("utf-8"), b"\xff\xfe\x00a",
])
def test_load_never_raises(tmp_path, raw):
    loaded = load(tmp_path, raw)
    assert loaded.data is not None or loaded.problems
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1


def test_records_under_a_key_are_marked_at_the_key(tmp_path):
    """A set of fields or a list under a key points at the key line, the line naming the record."""
    loaded = load(tmp_path, NESTED)
    values = loaded.marks.values
    assert values[("services", 0, "ages")] == (line_of(NESTED, "ages:"), 5)
    assert values[("services", 0, "contacts")] == (line_of(NESTED, "contacts:"), 5)
    assert values[("pathways", "referral", "nodes", "start-here")] == (line_of(NESTED, "start-here:"), 7)
    # A missing field inside a node is located at the node's own line.
    assert loaded.marks.locate(("pathways", "referral", "nodes", "start-here", "title")) == \
        (line_of(NESTED, "start-here:"), 7)
    # Flow collections on the key's line: the same line either way.
    flow = load(tmp_path, "a:\n  b: [1, 2]\n  c: {d: 1}\n", "flow.yml")
    assert flow.marks.values[("a", "b")][0] == 2 and flow.marks.values[("a", "c")][0] == 3
