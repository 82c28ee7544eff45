"""The content's one YAML style (scripts/format_yaml.py): every file under services/ is in it,
formatting twice changes nothing, comments and the schema line survive, and a one-field edit
gives a one-field diff, whether an editor types it or a program rewrites the whole file."""
from __future__ import annotations

import difflib
import io
import shutil
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML

from helpers_content import run_script
from site_build import ROOT
from signpost.content import load_site
from signpost.yaml_style import StyleError, format_text

SERVICES = sorted((ROOT / "services").glob("*.yml"))


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_every_content_file_is_in_the_style(tmp_path):
    result = run_script("format_yaml.py", "--check", cwd=ROOT)
    assert result.returncode == 0, (result.stdout + result.stderr
                                    + "\nRun: python scripts/format_yaml.py, and commit the result.")
    assert "OK:" in result.stdout


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_formatting_twice_changes_nothing_and_keeps_every_comment(path):
    text = path.read_text("utf-8")
    once = format_text(text).text
    assert format_text(once).text == once
    if text.startswith("# yaml-language-server"):
        assert once.splitlines()[0] == text.splitlines()[0]
    assert yaml.safe_load(once) == yaml.safe_load(text)


def test_check_lists_a_file_out_of_style_and_formatting_fixes_it(tmp_path):
    """A shared file (not edited in the form) keeps its comments."""
    sample = tmp_path / "sample.yml"
    sample.write_text("# yaml-language-server: $schema=schema/glossary.schema.json\n---\n"
                      "id: x   \nlist:\n- a\n- b\nflow: [c, d]\nnested:\n    deep: 'Yes'  # keep me\n",
                      encoding="utf-8")
    check = run_script("format_yaml.py", "--check", sample, cwd=tmp_path)
    assert check.returncode == 1
    assert f"{sample.as_posix()}: not in the project's YAML style" in check.stdout
    assert run_script("format_yaml.py", sample, cwd=tmp_path).returncode == 0
    assert sample.read_text("utf-8") == ("# yaml-language-server: $schema=schema/glossary.schema.json\n"
                                         "id: x\nlist:\n  - a\n  - b\nflow:\n  - c\n  - d\n"
                                         "nested:\n  deep: 'Yes'    # keep me\n")  # the comment keeps its column
    assert run_script("format_yaml.py", "--check", sample, cwd=tmp_path).returncode == 0


def test_an_area_file_out_of_style_is_listed_and_brought_to_the_editors_style(tmp_path):
    sample = tmp_path / "sample.yml"
    sample.write_text("# yaml-language-server: $schema=schema/area.schema.json\n---\n"
                      "id: x   \nlist:\n- a\n- b\nflow: [c, d]\nnested:\n    deep: >-\n      Yes,\n      folded\n",
                      encoding="utf-8")
    assert run_script("format_yaml.py", "--check", sample, cwd=tmp_path).returncode == 1
    assert run_script("format_yaml.py", sample, cwd=tmp_path).returncode == 0
    assert sample.read_text("utf-8") == ("# yaml-language-server: $schema=schema/area.schema.json\n"
                                         "id: x\nlist:\n  - a\n  - b\nflow:\n  - c\n  - d\n"
                                         "nested:\n  deep: Yes, folded\n")


def test_windows_line_ends_become_unix_ones():
    assert format_text("a: 1\r\nb: two\r\n").text == "a: 1\nb: two\n"


def test_a_file_that_cannot_be_read_is_left_alone_with_its_line(tmp_path):
    sample = tmp_path / "broken.yml"
    sample.write_text("# note\nid: x\nlist: [a,\n", encoding="utf-8")
    result = run_script("format_yaml.py", sample, cwd=tmp_path)
    assert result.returncode == 1
    assert f"{sample.as_posix()}:4: YAML syntax error" in result.stderr
    assert sample.read_text("utf-8") == "# note\nid: x\nlist: [a,\n"
    with pytest.raises(StyleError):
        format_text("a: [\n")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "services"
    shutil.copytree(ROOT / "services", target)
    return target


def _first_phone(data, path=()):
    """(path, value) of the first 'phone' field in the loaded data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "phone" and isinstance(value, str):
                return path + (key,), value
            found = _first_phone(value, path + (key,))
            if found:
                return found
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found = _first_phone(value, path + (i,))
            if found:
                return found
    return None


def test_a_program_that_rewrites_the_file_changes_only_the_edited_line(content_copy):
    """What a form editor does: read the whole file, change one value, write the whole file."""
    file = next(p for p in sorted(content_copy.glob("*.yml"))
                if _first_phone(yaml.safe_load(p.read_text("utf-8"))))
    before = file.read_text("utf-8")
    path, number = _first_phone(yaml.safe_load(before))
    writer = YAML()
    writer.preserve_quotes = True
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 4096
    data = writer.load(before)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "020 7946 0999"
    out = io.StringIO()
    writer.dump(data, out)
    after = format_text(out.getvalue()).text
    changes = changed_lines(before, after)
    assert len(changes) == 2, changes
    assert number in changes[0] and "020 7946 0999" in changes[1]


def test_an_editors_edit_to_one_field_stays_one_field(content_copy):
    file = content_copy / "blackpool.yml"
    before = file.read_text("utf-8")
    line = next(line for line in before.splitlines() if line.startswith("last_reviewed:"))
    edited = before.replace(line, "last_reviewed: 2026-11-24", 1)
    assert format_text(edited).text == edited  # already in the style: nothing else moves


def test_the_model_is_the_same_after_formatting(content_copy):
    before = load_site(content_copy)
    for file in content_copy.glob("*.yml"):
        file.write_text(format_text(file.read_text("utf-8")).text, encoding="utf-8")
    assert load_site(content_copy) == before


# ---- the area files: the form editor's style ---------------------------------------------------

AREA_FILES = [p for p in SERVICES if p.read_text("utf-8").startswith("# yaml-language-server: $schema=schema/area")]
TRICKY = {
    "id": "tricky",
    "name": "Wales: a name with a colon",
    "texts": ["yes", "No", "0121 788 4300", "+441234567890", "1:30", "9:00", "2026-11-23", "2026-11-23 10:00",
              "- a dash", "# not a comment", "a # hash", "ends with colon:", "'quoted'", '"double"', "back\\slash",
              "tab\there", " leading space", "trailing space ", "", "~", "null", "1e3", "0x1F", ".5", "’curly’",
              "first line\n\nsecond line", "ends with newline\n", "two newlines\n\n", " indented\nblock",
              "trailing space \nblock", "Cymraeg: ŵ ŷ â", "=", "<<", "@handle", "%percent", "`tick`"],
    "numbers": [0, 7, 25], "flags": [True, False], "nothing": None, "empty_list": [], "empty_map": {},
    "nested": [{"a": [{"b": "c", "d": ["e", {"f": "g"}]}], "h": {"i": "multi\nline"}}, [["deep"]]],
}


def _editor_writes(*paths: Path) -> list[str]:
    """What the form editor's own reader and writer (overrides/admin/canonical-yaml.mjs) make of
    each file, run under Node with the yaml package the editor loads."""
    import json
    import subprocess
    result = subprocess.run(["node", str(ROOT / "scripts" / "decap-cms" / "canonical.mjs"), *map(str, paths)],
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_every_area_file_is_exactly_what_the_form_editor_writes():
    assert len(AREA_FILES) >= 5
    for path, written in zip(AREA_FILES, _editor_writes(*AREA_FILES)):
        text = path.read_text("utf-8")
        assert written == text, f"{path.name}: the form editor would rewrite it:\n" + "\n".join(changed_lines(text, written)[:10])


def test_python_and_the_editor_write_awkward_texts_alike(tmp_path):
    from signpost.yaml_style import AREA_SCHEMA_LINE, dump_area
    sample = tmp_path / "tricky.yml"
    text = dump_area(TRICKY, {"id": AREA_SCHEMA_LINE[2:]})
    sample.write_text(text, encoding="utf-8")
    assert _editor_writes(sample) == [text]
    # Every text reads back as it was (a date stays a plain date, as the files have always had it).
    import json
    assert json.loads(json.dumps(yaml.safe_load(text), default=str)) == TRICKY
    assert format_text(text).text == text


def test_an_area_file_with_a_comment_is_refused_with_its_line(tmp_path):
    text = (AREA_FILES[0].read_text("utf-8").replace("\nname:", "\n# a note the form would drop\nname:", 1))
    with pytest.raises(StyleError) as err:
        format_text(text)
    assert err.value.line == 3 and "keeps no comment" in str(err.value)
