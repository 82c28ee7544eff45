"""The staff's form editor at /admin/ (Decap CMS): its configuration is generated from the schema
and covers every field; the page is the project's own (policy, exit, 999, out of search) and the
editor starts on it with that configuration, from the site itself.
"""
from __future__ import annotations

import json
import os
import re

import pytest
import yaml

from browser_fixtures import browser, describe_violations, run_axe, stub_other_hosts  # noqa: F401
from site_build import ROOT
from signpost.cms_config import SHARED_FILES, area_files, config_text, generate, load_schema
from signpost.render.admin import ADMIN_POLICY

SERVICES = ROOT / "services"


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        target = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def schema_paths(schema: dict, node: dict, prefix: str = "") -> set[str]:
    """Every field path the schema describes: 'a.b' for objects, 'a[].b' for lists, 'a.*.b' for
    maps keyed by id, and each node type's own fields (if/then) under the same '*'. A text that
    may be English or English-and-Welsh is one field (the form holds either)."""
    node = _resolve(schema, node)
    if any(_resolve(schema, o).get("type") == "string" for o in node.get("anyOf", [])):
        return set()
    out: set[str] = set()
    if node.get("type") == "array":
        return schema_paths(schema, node.get("items", {}), prefix + "[]")
    branches = [node] + [_resolve(schema, rule["then"]) for rule in node.get("allOf", []) if "then" in rule]
    for branch in branches:
        for key, sub in branch.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            out.add(path)
            out |= schema_paths(schema, sub, path)
        extra = branch.get("additionalProperties")
        if isinstance(extra, dict):
            out |= schema_paths(schema, extra, prefix + ".*")
    return out


def config_paths(fields: list[dict], prefix: str = "", maps: frozenset = frozenset()) -> set[str]:
    """The same paths in the form's fields; a field named after an id in a map counts as '*'."""
    out: set[str] = set()
    for field in fields:
        name = field["name"]
        path = (f"{prefix}.{name}" if prefix else name)
        if prefix in maps:
            path = prefix + ".*"
        out.add(path)
        inner = field.get("fields")
        if field.get("widget") == "list" and inner:
            out |= config_paths(inner, path + "[]", maps)
        elif field.get("widget") == "list" and field.get("field", {}).get("widget") == "object":
            out |= config_paths(field["field"]["fields"], path + "[]", maps)
        elif inner and not {f["name"] for f in inner} <= {"en", "cy", "cy_reviewed"}:
            out |= config_paths(inner, path, maps)
    return out


MAPS = frozenset({"pathways", "pathways.*.nodes"})


@pytest.fixture(scope="module")
def schema():
    return load_schema()


@pytest.fixture(scope="module")
def config(schema):
    return generate(schema, SERVICES)


def test_one_form_per_area_file_and_none_for_the_shared_files(config):
    files = config["collections"][0]["files"]
    assert [f["file"] for f in files] == [f"services/{p.name}" for p in area_files(SERVICES)]
    assert not {f["file"].split("/")[-1] for f in files} & set(SHARED_FILES)
    assert config["publish_mode"] == "editorial_workflow" and config["local_backend"] is True


def test_the_form_covers_every_field_of_the_schema(schema, config):
    wanted = schema_paths(schema, schema)
    assert {"services[].contacts", "contacts[].phone", "pathways.*.nodes.*.options[].next",
            "families.steps[].source"} <= wanted, "the schema walk is not reading the schema"
    found: set[str] = set()
    for entry in config["collections"][0]["files"]:
        # Each area's form holds every top-level field, whether or not the file uses it.
        top = {f["name"] for f in entry["fields"]}
        assert top == set(schema["properties"]), f"{entry['file']}: missing {set(schema['properties']) - top}"
        found |= config_paths(entry["fields"], maps=MAPS)
    missing = sorted(wanted - found)
    assert not missing, "fields of the schema the form does not offer:\n" + "\n".join(missing)


def _walk_fields(fields, schema_node, schema, where, samples, certain):
    """Each field's hint and choices are the schema's, and it is required where the schema
    requires it and the file has its group wherever the form shows it (``certain``: the editor
    would otherwise refuse to save a file that leaves an optional group out)."""
    node = _resolve(schema, schema_node)
    kind = next((f.get("default") for f in fields if f["name"] == "type" and f["widget"] == "hidden"), None)
    for rule in node.get("allOf", []):  # a pathway node: the fields of its own type
        if kind is not None and "then" in rule and rule.get("if", {}).get("properties", {}).get("type", {}).get("const") == kind:
            node = _resolve(schema, rule["then"])
    props = dict(node.get("properties", {}))
    required = set(node.get("required", []))
    parents = [s for s in samples if isinstance(s, dict)]
    for field in fields:
        name = field["name"]
        sub = props.get(name) or node.get("additionalProperties")
        assert isinstance(sub, dict), f"{where}.{name}: not in the schema"
        resolved = _resolve(schema, sub)
        values = [s[name] for s in parents if name in s]
        here = certain and bool(parents) and all(name in s for s in parents)
        if name in props:
            assert field["required"] == (name in required and certain), f"{where}.{name}: required"
            assert field.get("hint") == resolved.get("description"), f"{where}.{name}: hint"
        if "enum" in resolved:
            assert field["widget"] == "select" and field["options"] == resolved["enum"], f"{where}.{name}"
        if field.get("fields") and field["widget"] == "object":
            _walk_fields(field["fields"], sub, schema, f"{where}.{name}", values, here)
        if field.get("fields") and field["widget"] == "list":
            items = [item for v in values if isinstance(v, list) for item in v]
            _walk_fields(field["fields"], resolved["items"], schema, f"{where}.{name}[]", items, True)


def test_hints_choices_and_required_come_from_the_schema(schema, config):
    for entry in config["collections"][0]["files"]:
        data = yaml.safe_load((ROOT / entry["file"]).read_text("utf-8"))
        _walk_fields(entry["fields"], schema, schema, entry["name"], [data], True)
    contacts = next(f for f in config["collections"][0]["files"][0]["fields"] if f["name"] == "contacts")
    assert contacts["widget"] == "list" and {"name", "phone"} <= {f["name"] for f in contacts["fields"]}
    required = [f["name"] for f in config["collections"][0]["files"][0]["fields"] if f["required"]]
    assert required == schema["required"]


def test_the_served_configuration_is_the_generated_one(built_site):
    served = (built_site / "admin" / "config.yml").read_text("utf-8")
    extra = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader).get("extra", {})
    assert served == config_text(SERVICES, extra.get("report_repo_url"), extra.get("cms_auth_url"))
    assert yaml.safe_load(served)["collections"][0]["files"]


def test_the_editor_page_is_the_projects_own(built_site):
    html = (built_site / "admin" / "index.html").read_text("utf-8")
    head = html.split("</head>", 1)[0]
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)"', head)
    assert f'content="{ADMIN_POLICY}"' in head
    assert "data-pagefind-body" not in html and 'content="noindex' in head
    assert 'href="tel:999"' in html and "data-hsb-exit" in html
    assert '<script src="decap-cms.js"></script>' in html
    # The bundle is served from the site, with every part it loads, and names no source map.
    admin = built_site / "admin"
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    for script in admin.glob("*.js"):
        assert "sourceMappingURL" not in script.read_text("utf-8", "replace")[-300:], script.name
    assert not list(admin.glob("*.map"))


@pytest.mark.browser
def test_the_editor_starts_with_its_configuration_and_nothing_leaves_the_site(browser, site_url):  # noqa: F811
    """Decap checks the configuration against its own configuration schema when it starts, and
    shows 'Error loading the CMS configuration' if it does not pass; here it passes and the
    editor reaches its sign-in screen, from files of the site alone, within the page's policy."""
    context = browser.new_context()
    requests, problems = [], []
    context.on("request", lambda r: requests.append(r.url))
    stub_other_hosts(context)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(site_url + "admin/")
        page.get_by_role("button", name=re.compile("Login|Log in|Sign in", re.I)).wait_for(timeout=20_000)
        body = page.inner_text("body")
        assert "Error loading the CMS configuration" not in body and "Config Errors" not in body
        assert not [p for p in problems if "Content Security Policy" in p or "config" in p.lower()], problems
        # The editor looks for a local backend on this machine only; anything else is the site.
        outside = [u for u in requests if not u.startswith(site_url) and not re.match(r"http://(localhost|127\.0\.0\.1):8081/", u)]
        assert not outside, outside
        # axe on what the project controls: the bar with the exit link and the 999 line.
        violations = run_axe(page, context={"include": [".hsb-admin-bar"]})
        assert not violations, describe_violations(violations)
        exit_link = page.locator(".hsb-admin-bar [data-hsb-exit]")
        assert exit_link.is_visible() and exit_link.get_attribute("href").startswith("https://")
    finally:
        context.close()


# ---- an edit through the form, saved by the local backend ------------------------------------

DECAP_SERVER = ROOT / "scripts" / "decap-cms" / "node_modules" / "decap-server" / "dist" / "index.js"
SCREENSHOTS = ROOT / "contributing" / "editor"
AREA = "bath-and-north-east-somerset"


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def local_backend(tmp_path, built_site):
    """A git repository holding a copy of services/ (branch main), decap-server serving it, and
    the built /admin/ pointed at it; yields (site folder, repository)."""
    import shutil
    import socket
    import subprocess
    import time
    repo = tmp_path / "repo"
    shutil.copytree(SERVICES, repo / "services")
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], check=True)
    site = tmp_path / "site"
    shutil.copytree(built_site / "admin", site / "admin")
    port = _free_port()
    config = site / "admin" / "config.yml"
    # The served configuration asks for the local backend at its usual address; here it is on a
    # free port, so that tests running side by side do not meet.
    config.write_text(config.read_text("utf-8").replace(
        "local_backend: true", f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1"), "utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
           "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "HOME": str(tmp_path)}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("decap-server did not start: " + server.stdout.read1().decode())
        yield site, repo
    finally:
        server.terminate()
        server.wait(timeout=10)


def _saved(repo, old: str, timeout: float = 20.0) -> str:
    """The area file on the editor's branch (its pull request), once it differs from ``old``."""
    import subprocess
    import time
    deadline = time.time() + timeout
    while time.time() < deadline:
        shown = subprocess.run(["git", "-C", str(repo), "show", f"cms/areas/{AREA}:services/{AREA}.yml"],
                               capture_output=True, text=True)
        if shown.returncode == 0 and shown.stdout != old:
            return shown.stdout
        time.sleep(0.2)
    pytest.fail("the editor did not save the file to its branch")


def _validate(repo, tmp_path, text: str):
    import shutil
    import subprocess
    import sys
    folder = tmp_path / "check" / "services"
    shutil.copytree(repo / "services", folder)
    (folder / f"{AREA}.yml").write_text(text, "utf-8")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(folder)],
                          capture_output=True, text=True, timeout=120)


def _shot(page, name: str, shots: list) -> None:
    """Screenshots for CONTRIBUTING.md, written to contributing/editor/ when asked
    (make editor-screenshots sets HSB_EDITOR_SCREENSHOTS=1)."""
    shots.append(name)
    if os.environ.get("HSB_EDITOR_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{len(shots)}-{name}.png"))


def _open_phone_field(page, number: str):
    """The form's phone field holding ``number``, with the collapsed list item that holds it (the
    contact) opened, as a person would."""
    found = page.locator('input[id^="phone-field-"]').filter(has=page.locator(f'xpath=self::*[@value="{number}"]'))
    field = page.locator("#" + found.first.get_attribute("id"))  # its value changes as it is edited
    if not field.is_visible():
        field.evaluate("e => { for (let p = e.parentElement; p; p = p.parentElement)"
                       " if (/listControlItem/.test(p.className)) { p.setAttribute('data-hsb-item', ''); break; } }")
        page.locator("[data-hsb-item]").locator("button").first.click()
        field.wait_for(state="visible")
    return field


@pytest.mark.browser
def test_a_phone_number_changed_in_the_form_is_a_one_line_pull_request(browser, local_backend, tmp_path):  # noqa: F811
    import difflib
    from site_build import serve
    site, repo = local_backend
    original = (repo / "services" / f"{AREA}.yml").read_text("utf-8")
    data = yaml.safe_load(original)
    contact = next(c for c in data["contacts"] if c.get("phone"))
    old = contact["phone"]
    # The same number as the source prints it, written in international form: the text of the
    # area repeats the number, and the validator checks every number in the text against the
    # records, so a different number would also need those sentences changed.
    new = "+44 " + old[1:]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    stub_other_hosts(context)
    page = context.new_page()
    shots: list[str] = []
    try:
        with serve(site) as url:
            page.goto(url + "admin/")
            login = page.get_by_role("button", name="Login")
            login.wait_for()
            _shot(page, "sign-in", shots)
            login.click()
            page.goto(url + f"admin/#/collections/areas/entries/{AREA}")
            page.get_by_label("Id", exact=True).first.wait_for()
            _shot(page, "area-form", shots)
            field = _open_phone_field(page, old)
            field.fill(new)
            field.scroll_into_view_if_needed()
            _shot(page, "phone-edited", shots)
            page.get_by_role("button", name="Save").click()
            saved = _saved(repo, original)
            page.get_by_label("Id", exact=True).first.wait_for()  # the form, drawn again
            page.get_by_text("Status: Draft").first.wait_for()  # the change waits for review
            _shot(page, "saved-as-draft", shots)
            changes = [line for line in difflib.unified_diff(original.splitlines(), saved.splitlines(), lineterm="", n=0)
                       if line[:1] in "+-" and not line.startswith(("+++", "---"))]
            assert changes == [f"-    phone: {old}", f"+    phone: {new}"], changes
            # The file on main is untouched: the change waits on its branch for review.
            assert (repo / "services" / f"{AREA}.yml").read_text("utf-8") == original
            accepted = _validate(repo, tmp_path / "first", saved)
            assert accepted.returncode == 0, accepted.stdout + accepted.stderr

            # A second edit with a number that is not one: the form saves it, the checks refuse it.
            field = _open_phone_field(page, new)  # the form is drawn again after a save
            field.fill("01225 3963")
            page.get_by_role("button", name="Save").click()
            refused_text = _saved(repo, saved)
            refused = _validate(repo, tmp_path / "second", refused_text)
            assert refused.returncode == 1
            line = refused_text.splitlines().index("    phone: 01225 3963") + 1
            assert re.search(rf"{AREA}\.yml:{line}:\d+: contacts\.\d+\.phone: '01225 3963' is not a valid UK phone number",
                             refused.stdout + refused.stderr), refused.stdout + refused.stderr
    finally:
        context.close()
