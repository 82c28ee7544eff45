"""The content editor's workflow: start an area, fill it in, review dates, CI, editor tooling.

Every test builds its own services folder (tests/helpers_content.py) and never reads the real
area files, which partnerships change all the time.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

from helpers_content import (REPO, REVIEWED, minimal_national, required_area, run_script,
                             small_area, write_minimal_services, write_yaml)
from signpost import schema_check
from signpost.content import validate
from signpost.freshness import add_months, describe_gap, overdue_records

WORKFLOWS = REPO / ".github" / "workflows"
PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>\S+): (?P<rest>.*)$")


def _load_script(name: str):
    """Import a script from scripts/ as a module, to test its functions directly."""
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), REPO / "scripts" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fill_todos(value, key=None):
    """What an editor does, at its simplest: write something real wherever TODO stands."""
    if isinstance(value, dict):
        return {k: _fill_todos(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill_todos(v, key) for v in value]
    if isinstance(value, str) and "TODO" in value:
        if key in ("url", "website", "form_url"):
            return "https://www.example.org/"
        if key == "last_reviewed":
            return "2026-01-15"  # the day the editor checked the file against the document
        return value.replace("TODO", "Written")
    return value


@pytest.fixture
def workspace(tmp_path):
    """A project-like folder: services/ with schema, national, glossary and one area."""
    write_minimal_services(tmp_path / "services")
    return tmp_path


# --- Starting a new area -------------------------------------------------------------------

def test_new_area_writes_a_commented_file_with_every_schema_section(workspace):
    result = run_script("new_area.py", "North Exampleshire", cwd=workspace)
    assert result.returncode == 0, result.stderr
    target = workspace / "services" / "north-exampleshire.yml"
    assert "services/north-exampleshire.yml" in result.stdout
    assert "Next:" in result.stdout and "python scripts/validate.py" in result.stdout

    text = target.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schema/area.schema.json"
    data = yaml.safe_load(text)
    assert data["id"] == "north-exampleshire"
    assert data["name"] == "North Exampleshire"
    assert data["nation"] == "England"
    # Every top-level field of the schema is there: as a field, or as a note to uncomment.
    for field in schema_check.schema("area")["properties"]:
        assert field in data or re.search(rf"^# {field}:", text, re.M), field


def test_new_area_file_fails_with_a_located_todo_for_each_gap(workspace):
    run_script("new_area.py", "North Exampleshire", "--nation", "wales", cwd=workspace)
    target = workspace / "services" / "north-exampleshire.yml"
    lines = target.read_text("utf-8").splitlines()
    assert yaml.safe_load("\n".join(lines))["nation"] == "Wales"

    result = run_script("validate.py", cwd=workspace)
    assert result.returncode == 1
    problems = [PROBLEM_LINE.match(line) for line in result.stdout.splitlines()]
    assert problems and all(problems), result.stdout
    # Only the new file has problems, and every one of them is a TODO on the line it names
    # (or on the line after, for text written as a block after '>-').
    assert {p["file"] for p in problems} == {"services/north-exampleshire.yml"}
    for p in problems:
        assert "this still says TODO" in p["rest"]
        line = int(p["line"])
        assert "TODO" in lines[line - 1] or "TODO" in lines[line], p.group(0)
    todo_lines = [i for i, line in enumerate(lines) if "TODO" in line and not line.lstrip().startswith("#")]
    assert len(problems) == len(todo_lines)
    assert f"{len(problems)} TODOs" in run_script(
        "new_area.py", "Another Exampleshire", cwd=workspace).stdout


@pytest.mark.parametrize("how", ["fill every TODO", "delete what the document lacks"])
def test_new_area_file_passes_once_filled_in(workspace, how):
    run_script("new_area.py", "North Exampleshire", cwd=workspace)
    target = workspace / "services" / "north-exampleshire.yml"
    data = yaml.safe_load(target.read_text("utf-8"))
    if how == "delete what the document lacks":
        required = schema_check.schema("area")["required"]
        data = {k: v for k, v in data.items() if k in required}
    write_yaml(target, _fill_todos(data))

    result = run_script("validate.py", cwd=workspace)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK: 2 areas")


def test_new_area_never_overwrites(workspace):
    target = workspace / "services" / "north-exampleshire.yml"
    target.write_text("# someone's work in progress\n", "utf-8")
    result = run_script("new_area.py", "North Exampleshire", cwd=workspace)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert target.read_text("utf-8") == "# someone's work in progress\n"


def test_new_area_explains_a_missing_folder_or_bad_name(tmp_path):
    no_folder = run_script("new_area.py", "Exampleton", cwd=tmp_path)
    assert no_folder.returncode == 1 and "no such folder" in no_folder.stderr
    (tmp_path / "services").mkdir()
    no_letters = run_script("new_area.py", "!!!", cwd=tmp_path)
    assert no_letters.returncode == 1 and "at least one letter" in no_letters.stderr
    bad_nation = run_script("new_area.py", "Exampleton", "--nation", "France", cwd=tmp_path)
    assert bad_nation.returncode == 2 and "Northern Ireland" in bad_nation.stderr
    assert list((tmp_path / "services").iterdir()) == []


@pytest.mark.parametrize("name, area_id", [
    ("Bath and North East Somerset", "bath-and-north-east-somerset"),
    ("Brighton & Hove", "brighton-and-hove"),
    ("King's Lynn and West Norfolk", "kings-lynn-and-west-norfolk"),
    ("Ynys Môn", "ynys-mon"),
    ("  Stockton-on-Tees  ", "stockton-on-tees"),
])
def test_area_id_is_the_name_in_lower_case_with_hyphens(name, area_id):
    assert _load_script("new_area.py").area_id_for(name) == area_id


def test_names_yaml_would_misread_are_quoted(workspace):
    # An area called "Yes" must not become the id true.
    run_script("new_area.py", "Yes", cwd=workspace)
    data = yaml.safe_load((workspace / "services" / "yes.yml").read_text("utf-8"))
    assert data["id"] == "yes" and data["name"] == "Yes"


# --- Review dates ----------------------------------------------------------------------------

def _dated_services(folder: Path) -> Path:
    old = small_area("oldtown", "Oldtown", reviewed="2025-01-10")
    old["contacts"][0]["last_reviewed"] = "2026-10-01"  # checked on its own, recently
    new = small_area("newtown", "Newtown", reviewed="2026-10-01")
    return write_minimal_services(folder, areas=[old, new],
                                  national=minimal_national(reviewed="2026-10-01"))


def test_review_report_lists_overdue_records_not_fresh_ones(tmp_path):
    _dated_services(tmp_path / "services")
    result = run_script("review_report.py", "services", "--today", "2026-11-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n\n")[0].splitlines()  # the first part: records due
    rows = [line for line in lines if line.startswith("services/")]
    assert any(re.search(r"\barea\s+oldtown\s+Oldtown\s+2025-01-10\s+9 months$", r) for r in rows), rows
    assert any(re.search(r"\bservice\s+oldtown-service\b.*2025-01-10", r) for r in rows), rows
    assert not any("oldtown-contact" in r or "newtown" in r or "national" in r for r in rows), rows
    # Aligned: each column starts at the same place on every row as in the heading.
    heading = lines[0]
    for row in rows:
        assert row.index("2025-01-10") == heading.index("Last reviewed")
    assert "2 records not reviewed within the last 12 months" in result.stdout


def test_review_report_says_so_when_nothing_is_due(tmp_path):
    _dated_services(tmp_path / "services")
    result = run_script("review_report.py", "services", "--months", "24", "--today", "2026-11-01",
                        cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "All records were reviewed within the last 24 months."


def test_review_report_lists_national_lines_to_confirm_and_areas_without_a_number(tmp_path):
    with_number = small_area("numbertown", "Numbertown", reviewed="2026-10-01")
    without = small_area("quietshire", "Quietshire", reviewed="2026-10-01")
    without["contacts"][0].pop("phone", None)
    without["contacts"][0]["how_to_contact"] = "Send the referral form."
    without["front_door"] = without["contacts"][0]["id"]
    national = minimal_national(reviewed="2026-10-01")
    national["help"][1]["confirm_at"] = "https://www.example.org/contact"
    national["help"][1]["confirmed_on"] = "2026-09-30"
    write_minimal_services(tmp_path / "services", areas=[with_number, without], national=national)
    result = run_script("review_report.py", "--today", "2026-11-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _, confirm, gaps, stops, welsh = result.stdout.split("\n\n")
    assert stops.strip() == "No referral route stops where its document stops."
    assert welsh.startswith("No area is published in Welsh")
    assert confirm.startswith("National lines to confirm")
    assert re.search(r"^services/national\.yml\s+emergency\s+999\s+\(add confirm_at\)\s+never$", confirm, re.M)
    assert re.search(r"^services/national\.yml\s+example-helpline\s+0808 157 0123\s+"
                     r"https://www\.example\.org/contact\s+2026-09-30$", confirm, re.M)
    assert gaps.startswith("1 area without a local phone number")
    assert re.search(r"^services/quietshire\.yml\s+quietshire\s+Quietshire\s+no phone number for its "
                     r"front door, ", gaps, re.M)
    assert "numbertown" not in gaps


def test_review_report_includes_national_help(tmp_path):
    write_minimal_services(tmp_path / "services", areas=[small_area(reviewed="2026-10-01")],
                           national=minimal_national(reviewed="2025-01-10"))
    result = run_script("review_report.py", "--today", "2026-11-01", cwd=tmp_path)
    assert re.search(r"^services/national\.yml\s+national help\s+emergency\b", result.stdout, re.M)


def test_review_report_refuses_content_that_does_not_validate(tmp_path):
    services = write_minimal_services(tmp_path / "services")
    (services / "testshire.yml").write_text("id: [\n", "utf-8")
    result = run_script("review_report.py", cwd=tmp_path)
    assert result.returncode == 1 and "scripts/validate.py" in result.stderr


def test_overdue_records_counts_whole_calendar_months(tmp_path):
    site, problems = validate(write_minimal_services(tmp_path / "services"))
    assert not problems
    reviewed = dt.date.fromisoformat(REVIEWED)
    due = add_months(reviewed, 12)
    assert overdue_records(site, 12, due) == []  # exactly a year old is not yet overdue
    late = overdue_records(site, 12, due + dt.timedelta(days=1))
    assert {(r.kind, r.id) for r in late} >= {("area", "testshire"), ("service", "testshire-service"),
                                              ("contact", "testshire-contact"),
                                              ("national help", "emergency")}
    assert all(r.overdue_by == "1 day" and r.days_overdue == 1 for r in late)
    assert str(late[0]).endswith("testshire.yml: area 'testshire' (Testshire) last reviewed "
                                 "2026-01-15, overdue by 1 day")


@pytest.mark.parametrize("start, months, end", [
    ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"),
    ("2025-11-15", 2, "2026-01-15"), ("2024-02-29", 12, "2025-02-28"),
])
def test_add_months_keeps_to_the_calendar(start, months, end):
    assert add_months(dt.date.fromisoformat(start), months) == dt.date.fromisoformat(end)


@pytest.mark.parametrize("start, end, words", [
    ("2026-01-15", "2026-01-16", "1 day"), ("2026-01-15", "2026-02-14", "30 days"),
    ("2026-01-15", "2026-02-15", "1 month"), ("2025-01-15", "2026-04-20", "1 year 3 months"),
    ("2024-01-15", "2026-01-15", "2 years"),
])
def test_describe_gap_in_plain_words(start, end, words):
    assert describe_gap(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == words


# --- Workflows -------------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "uses" in step]


def test_pull_request_workflow_runs_every_check():
    pr = _workflow("pr.yml")
    assert "pull_request" in pr["on"]
    jobs = pr["jobs"]
    assert {"validate", "build", "test", "links"} <= set(jobs)
    assert "python scripts/validate.py" in _runs(jobs["validate"])
    assert "mkdocs build --strict" in _runs(jobs["build"])
    assert "make test" in _runs(jobs["test"])
    assert "apt-get install -y" in _runs(jobs["test"]) and "chromium" in _runs(jobs["test"])
    links = _runs(jobs["links"])
    assert "mkdocs build --strict" in links and "scripts/check-links.sh site" in links
    assert "--check-extern" not in links


def test_link_check_script_serves_on_loopback_and_checks_inside_links_by_default():
    script = (REPO / "scripts" / "check-links.sh").read_text("utf-8")
    assert "python -m http.server" in script and "--bind 127.0.0.1" in script
    assert "linkchecker --no-warnings" in script
    assert "--ignore-url='^https?://(?!127\\.0\\.0\\.1)'" in script


def test_deploy_workflow_publishes_only_after_every_check():
    deploy = _workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    # Publishing rights belong to the deploy job alone (test_security checks every job).
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"]
    jobs = deploy["jobs"]
    needs = jobs["deploy"]["needs"]
    assert set(needs) == set(jobs) - {"deploy"}
    assert {"validate", "test", "build", "links"} <= set(needs)
    uses = " ".join(_uses(deploy))
    for action in ("actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses


def test_external_link_workflow_reports_without_failing():
    external = _workflow("external-links.yml")
    assert "schedule" in external["on"] and "workflow_dispatch" in external["on"]
    steps = [s for job in external["jobs"].values() for s in job["steps"]]
    check = next(s for s in steps if "scripts/check-links.sh" in s.get("run", ""))
    assert "--check-extern" in check["run"] and check.get("continue-on-error") is True
    assert any("GITHUB_STEP_SUMMARY" in s.get("run", "") for s in steps)
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml", "external-links.yml"])
def test_workflow_actions_are_pinned_and_python_is_311(name):
    workflow = _workflow(name)
    for action in _uses(workflow):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["python-version"] == "3.11"
                assert step["with"]["cache"] == "pip"
        if "container" in job:
            assert "python:3.11" in job["container"]["image"]


# --- Editor tooling --------------------------------------------------------------------------

def test_vscode_associates_each_schema_with_its_files():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    schemas = settings["yaml.schemas"]
    area = schemas["./services/schema/area.schema.json"]
    assert "services/*.yml" in area
    assert "!services/national.yml" in area and "!services/glossary.yml" in area
    assert schemas["./services/schema/national.schema.json"] == ["services/national.yml"]
    assert schemas["./services/schema/glossary.schema.json"] == ["services/glossary.yml"]
    for path in schemas:
        assert (REPO / path).is_file(), path


def test_pre_commit_runs_the_validator_and_a_pinned_yamllint():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    repos = {r["repo"]: r for r in config["repos"]}
    yamllint = repos["https://github.com/adrienverge/yamllint"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", yamllint["rev"])
    hook = repos["local"]["hooks"][0]
    assert hook["entry"] == "python scripts/validate.py"
    assert re.match(hook["files"], "services/blackpool.yml") and hook["pass_filenames"] is False


def test_yamllint_accepts_the_scaffold_and_catches_yes_no(workspace):
    linter = pytest.importorskip("yamllint.linter")
    from yamllint.config import YamlLintConfig
    config = YamlLintConfig(file=str(REPO / ".yamllint.yml"))

    def errors(text):
        return [p for p in linter.run(text, config) if p.level == "error"]

    run_script("new_area.py", "North Exampleshire", cwd=workspace)
    assert errors((workspace / "services" / "north-exampleshire.yml").read_text("utf-8")) == []
    for workflow in WORKFLOWS.glob("*.yml"):
        assert errors(workflow.read_text("utf-8")) == [], workflow.name
    assert [p.rule for p in errors("label: yes\n")] == ["truthy"]
    assert errors("x: " + " ".join(["long text"] * 30) + "\n") == []  # long lines are fine


def test_codeowners_lines_each_name_a_pattern_and_owners():
    text = (REPO / ".github" / "CODEOWNERS").read_text("utf-8")
    rules = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert rules
    for pattern, *owners in rules:
        assert owners and all(o.startswith("@") for o in owners), pattern
    assert any(p == "/services/schema/" for p, *_ in rules)


def test_pull_request_template_asks_for_source_and_review_date():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text("utf-8")
    for words in ("What changed", "source document", "last_reviewed", "- [ ]"):
        assert words in text


# --- CONTRIBUTING.md quotes what the checks really print --------------------------------------

EXAMPLETON = """\
# yaml-language-server: $schema=schema/area.schema.json
id: exampleton
name: Exampleton
nation: England
source:
  title: Exampleton harmful sexual behaviour guidance
last_reviewed: 2026-01-15
summary: Exampleton Council's HSB service helps children and their families.

services:
  - id: exampleton-hsb-service
    name: Exampleton HSB Service
    provider: Exampleton Council
    description: Assessment and support.
    contacts:
      - exampleton-front-door

contacts:
  - id: exampleton-front-door
    name: Front Door team
    phone: "020 7946 0123"

pathways:
  worried-about-a-child:
    title: Worried about a child's sexual behaviour
    provenance: built-from-text
    start: in-danger
    nodes:
      in-danger:
        type: question
        title: Is the child or anyone else in danger now?
        options:
          - label: "Yes"
            next: call-999
          - label: "No"
            next: talk-to-your-lead
      talk-to-your-lead:
        type: step
        title: Talk to your safeguarding lead
        next: contact-front-door
      write-it-down:
        type: step
        title: Write down what you saw or heard
        next: contact-front-door
      contact-front-door:
        type: outcome
        title: Contact the Front Door team
      call-999:
        type: outcome
        title: Call 999
"""

# (what the editor got wrong, the change to the example, the field the check names)
MISTAKES = [
    ("a digit missing", '"020 7946 0123"', '"020 7946 012"', "contacts.0.phone"),
    ("a made-up field", '    phone: "020 7946 0123"\n',
     '    phone: "020 7946 0123"\n    phone_2: "0808 157 0123"\n', "contacts.0.phone_2"),
    ("a required field left out", "    provider: Exampleton Council\n", "", "services.0"),
    ("Yes not in quotes", 'label: "Yes"', "label: Yes",
     "pathways.worried-about-a-child.nodes.in-danger.options.0.label"),
    ("a type with a capital", "        type: step\n        title: Write",
     "        type: Step\n        title: Write",
     "pathways.worried-about-a-child.nodes.write-it-down.type"),
]


@pytest.mark.parametrize("what, old, new, field", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_contributing_quotes_the_real_message(tmp_path, what, old, new, field):
    assert old in EXAMPLETON
    services = write_minimal_services(tmp_path / "services", areas=[])
    (services / "exampleton.yml").write_text(EXAMPLETON.replace(old, new, 1), "utf-8")
    result = run_script("validate.py", cwd=tmp_path)
    found = [PROBLEM_LINE.match(line) for line in result.stdout.splitlines()]
    message = next(m for m in found if m and m["path"] == field)
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    # The wording must match; the guide's example may have its mistake in another record.
    assert f": {message['rest']}\n" in guide, f"CONTRIBUTING.md should quote: {message.group(0)}"


def test_contributing_quotes_the_unreachable_step_message(tmp_path):
    # The example's write-it-down step has nothing leading to it: the mistake the guide shows.
    services = write_minimal_services(tmp_path / "services", areas=[])
    (services / "exampleton.yml").write_text(EXAMPLETON, "utf-8")
    result = run_script("validate.py", cwd=tmp_path)
    match = PROBLEM_LINE.match(result.stdout.splitlines()[0])
    assert match["path"] == "pathways.worried-about-a-child.nodes.write-it-down"
    assert f"{match['path']}: {match['rest']}" in (REPO / "CONTRIBUTING.md").read_text("utf-8")


def test_contributing_quotes_what_new_area_and_the_todo_check_print(workspace):
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    started = run_script("new_area.py", "North Exampleshire", cwd=workspace).stdout
    assert started.rstrip("\n") in guide
    first = run_script("validate.py", cwd=workspace).stdout.splitlines()[0]
    assert first in guide


def test_required_area_fixture_is_valid(tmp_path):
    """The bare fixture other tests can build on passes on its own."""
    services = write_minimal_services(tmp_path / "services", areas=[required_area()])
    assert validate(services)[1] == []


FAMILIES = """
families:
  steps:
    - title: Someone talks with you about your worries
      text: >-
        Following the referral, if the decision is made to offer a consultation,
        it is important that these discussions take place with the parents or
        carers as soon after the referral as possible.
      source: The Front Door team offers a consultation to parents.
  how_long:
    - text: They talk to you within 3 working days.
      source: The team will talk to the family within 3 working days.
"""
EXAMPLETON_DOCUMENT = ("Exampleton guidance\\n\\nThe Front Door team offers a consultation to parents.\\n"
                       "The team will talk to the family within 5 working days.\\n")


def test_contributing_quotes_the_families_messages(tmp_path):
    services = write_minimal_services(tmp_path / "services", areas=[])
    (services / "exampleton.yml").write_text(EXAMPLETON.replace(
        "        next: contact-front-door\n      write-it-down:", "        next: write-it-down\n      write-it-down:")
        + FAMILIES, "utf-8")
    (services / "sources").mkdir()
    (services / "sources" / "exampleton.txt").write_text(EXAMPLETON_DOCUMENT.replace("\\n", "\n"), "utf-8")
    result = run_script("validate.py", cwd=tmp_path)
    found = {m["path"]: m for m in map(PROBLEM_LINE.match, result.stdout.splitlines()) if m}
    assert set(found) == {"families.steps.0.text", "families.how_long.0.source"}, result.stdout
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for match in found.values():
        assert f"{match['path']}: {match['rest']}\n" in guide, f"CONTRIBUTING.md should quote: {match.group(0)}"
