"""Bad content is refused by `scripts/validate.py`, with a line an editor can act on.

Each case writes a small valid services folder (tests/helpers_content.py), breaks one thing in
it, runs the validator as an editor would and checks the printed line: the file, the line the
broken text is on (worked out from the text written, never hard-coded), the dotted field path
and a phrase that says what to do.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_build import build_site
from helpers_content import run_script, small_area, write_minimal_services, write_yaml

AREA = "testshire.yml"


# --- helpers -----------------------------------------------------------------------------------

def services(tmp_path: Path, **kwargs) -> Path:
    return write_minimal_services(tmp_path / "services", **kwargs)


def edit(path: Path, old: str, new: str) -> str:
    """Replace the one occurrence of ``old`` in ``path``; return the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should be in {path.name} exactly once:\n{text}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based number of the line holding the ``occurrence``-th line containing ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) >= occurrence, f"{needle!r} is not in the text {occurrence} time(s)"
    return found[occurrence - 1]


def validate(folder: Path):
    """Run scripts/validate.py on ``folder`` from its parent, so files print as services/x.yml."""
    return run_script("validate.py", folder.name, cwd=folder.parent)


_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>\S+): (?P<rest>.*)$")


def problems(result) -> list[dict]:
    """The printed problems, parsed; every stdout line must be one."""
    out = []
    for line in result.stdout.splitlines():
        match = _LINE.match(line)
        assert match, f"not in file:line:col: path: message form: {line!r}"
        out.append({**match.groupdict(), "line": int(match["line"]), "text": line})
    return out


def assert_reported(result, file: str, line: int, path: str, *phrases: str) -> dict:
    """Exit code 1 and a printed problem at file:line with this path containing every phrase."""
    assert result.returncode == 1, f"expected exit 1:\n{result.stdout}\n{result.stderr}"
    found = problems(result)
    for problem in found:
        if (problem["file"] == f"services/{file}" and problem["line"] == line
                and problem["path"] == path
                and all(p.casefold() in problem["rest"].casefold() for p in phrases)):
            return problem
    listing = "\n".join(p["text"] for p in found)
    raise AssertionError(f"no problem at services/{file}:{line} {path} saying {phrases}; got:\n{listing}")


def test_the_fixture_itself_is_valid(tmp_path):
    result = validate(services(tmp_path))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK:")


# --- one broken thing in the area file ---------------------------------------------------------

@dataclass
class Case:
    """Replace ``old`` with ``new`` in testshire.yml; expect a problem on the line of ``at``."""

    id: str
    old: str
    new: str
    at: str              # text on the line the problem must be reported at (in the new text)
    path: str            # dotted field path
    phrases: tuple       # what the message must say (case-insensitive)
    occurrence: int = 1  # which line containing ``at``


PROVIDER = "  provider: Testshire Council\n"
HOURS = "  hours: Monday to Friday, 9am to 5pm\n"
PHONE = "  phone: 020 7946 0123\n"
EMAIL = "  email: front.door@example.gov.uk\n"
REVIEWED = "last_reviewed: '2026-01-15'\n"

CASES = [
    Case("duplicate-key", PROVIDER, PROVIDER + "  provider: Another Council\n",
         "provider: Another Council", "services.0.provider", ("duplicate key 'provider'", "merge the two")),
    Case("unknown-key", PROVIDER, PROVIDER + "  provder_notes: x\n",
         "provder_notes", "services.0.provder_notes", ("unknown field", "did you mean 'provider'")),
    Case("unknown-top-level-key", "nation: England\n", "nation: England\nnaton: Wales\n",
         "naton: Wales", "naton", ("unknown field 'naton'", "did you mean 'nation'")),
    Case("unquoted-no", HOURS, "  hours: no\n",
         "hours: no", "contacts.0.hours", ("YAML reads no", 'put it in quotes: "no"')),
    Case("unquoted-yes", "  text: The child lives in the area.\n", "  text: yes\n",
         "text: yes", "referral_criteria.0.text", ("true/false", 'quotes: "yes"')),
    Case("unquoted-on", "        - label: 'Yes'\n", "        - label: on\n",
         "label: on", "pathways.referral.nodes.worried.options.0.label", ("YAML reads on", "put it in quotes")),
    Case("empty-value", PROVIDER, "  provider:\n",
         "provider:", "services.0.provider", ("the field is empty", "write text")),
    Case("phone-unquoted-number", PHONE, "  phone: 01210000000\n",
         "phone: 0121", "contacts.0.phone", ("reads 01210000000 as a number", 'quotes: "01210000000"')),
    Case("phone-unquoted-international", PHONE, "  phone: +441214960123\n",
         "phone: +44", "contacts.0.phone", ("as a number", "put it in quotes")),
    Case("phone-invalid", PHONE, "  phone: '0121 496 012'\n",
         "phone: '0121", "contacts.0.phone", ("not a valid UK phone number", "as it is dialled")),
    Case("phone-not-a-number", PHONE, "  phone: ring the office\n",
         "phone: ring", "contacts.0.phone", ("not a phone number", "UK number")),
    Case("phone-with-words", PHONE, "  phone: '116 123 (free)'\n",
         "phone: '116", "contacts.0.phone", ("not a phone number", "only digits")),
    Case("email-with-copy-to", EMAIL, "  email: front.door@example.gov.uk?cc=someone@example.org\n",
         "email: front", "contacts.0.email", ("QUESTION MARK", "only the address")),
    Case("phone-not-uk", PHONE, "  phone: '+1 202 555 0123'\n",
         "phone: '+1", "contacts.0.phone", ("is not a UK number", "UK number")),
    Case("email-double-at", EMAIL, "  email: front.door@@example.gov.uk\n",
         "email: front", "contacts.0.email", ("not a valid email address", "name@organisation")),
    Case("email-double-dot", EMAIL, "  email: front..door@example.gov.uk\n",
         "email: front", "contacts.0.email", ("not a valid email address", "name@organisation")),
    Case("email-no-at", EMAIL, "  email: front.door.example.gov.uk\n",
         "email: front", "contacts.0.email", ("not a valid email address", "name@organisation")),
    Case("url-javascript", HOURS, HOURS + "  website: javascript:alert(1)\n",
         "website: javascript", "contacts.0.website", ("javascript:alert(1)", "https://")),
    Case("url-ftp", HOURS, HOURS + "  website: ftp://files.example.org/form.pdf\n",
         "website: ftp", "contacts.0.website", ("ftp://", "https://")),
    Case("url-data", HOURS, HOURS + "  website: 'data:text/html,<script>alert(1)</script>'\n",
         "website: 'data:", "contacts.0.website", ("data:text/html", "https://")),
    Case("url-no-host", HOURS, HOURS + "  website: https://intranet/hsb\n",
         "website: https://intranet", "contacts.0.website", ("no proper host name", "real public site")),
    Case("url-with-password", HOURS, HOURS + "  website: https://user:secret@example.org/\n",
         "website: https://user", "contacts.0.website", ("user name or password",)),
    Case("date-impossible", REVIEWED, "last_reviewed: 2026-02-30\n",
         "last_reviewed", "last_reviewed", ("2026-02-30", "not a real date", "YYYY-MM-DD")),
    Case("date-impossible-month", REVIEWED, "last_reviewed: '2026-13-01'\n",
         "last_reviewed", "last_reviewed", ("not a real date",)),
    Case("date-future", REVIEWED, "last_reviewed: 2999-01-01\n",
         "last_reviewed", "last_reviewed", ("in the future", "date the check was actually done")),
    Case("date-wrong-format", REVIEWED, "last_reviewed: 15/01/2026\n",
         "last_reviewed", "last_reviewed", ("15/01/2026", "YYYY-MM-DD")),
    Case("date-words", REVIEWED, "last_reviewed: January 2026\n",
         "last_reviewed", "last_reviewed", ("not a real date", "YYYY-MM-DD")),
    Case("age-reversed", "    from: 10\n    to: 17\n", "    from: 17\n    to: 10\n",
         "to: 10", "services.0.ages.to", ("ends (10) before it starts (17)", "youngest")),
    Case("age-from-without-to", "    from: 10\n    to: 17\n", "    from: 10\n",
         "ages:", "services.0.ages", ("'to' is needed when from is given", "oldest age")),
    Case("age-not-a-number", "    from: 10\n", "    from: ten\n",
         "from: ten", "services.0.ages.from", ("this is text", "whole number")),
    Case("age-out-of-range", "    to: 17\n", "    to: 99\n",
         "to: 99", "services.0.ages.to", ("99 is out of range", "at most 25")),
    Case("nation-unknown", "nation: England\n", "nation: Englnd\n",
         "nation: Englnd", "nation", ("'Englnd' is not an allowed value", "did you mean 'England'")),
    Case("nation-other", "nation: England\n", "nation: Scotlnd\n",
         "nation: Scotlnd", "nation", ("did you mean 'Scotland'", "Northern Ireland")),
    Case("missing-required", PROVIDER, "",
         "- id: testshire-service", "services.0", ("required field 'provider' is missing", "organisation")),
    Case("yaml-tab-indentation", PROVIDER, "\tprovider: Testshire Council\n",
         "\tprovider", "(file)", ("YAML syntax error", "tab", "spaces")),
    Case("yaml-unclosed-quote", PROVIDER, '  provider: "Testshire Council\n',
         'provider: "Testshire', "(file)", ("YAML syntax error", "never closed")),
    Case("yaml-colon-in-text", PROVIDER, "  provider: Testshire Council: the HSB team\n",
         "provider: Testshire Council:", "(file)", ("mapping values", "in quotes")),
    Case("id-not-file-name", "id: testshire\n", "id: otherton\n",
         "id: otherton", "id", ("does not match the file name 'testshire.yml'", "rename the file")),
    Case("id-bad-form", "- id: testshire-contact\n", "- id: Front Door\n",
         "- id: Front Door", "contacts.0.id", ("not in the right form", "lower-case")),
    Case("contact-reference-missing", "  - testshire-contact\nreferral_criteria:",
         "  - testshire-contakt\nreferral_criteria:",
         "- testshire-contakt", "services.0.contacts.0",
         ("no contact with the id 'testshire-contakt'", "testshire-contact")),
    Case("front-door-missing", "nation: England\n", "nation: England\nfront_door: testshire-contakt\n",
         "front_door: testshire-contakt", "front_door",
         ("no contact with the id 'testshire-contakt'", "testshire-contact")),
    Case("out-of-hours-missing", "nation: England\n", "nation: England\nout_of_hours: nights\n",
         "out_of_hours: nights", "out_of_hours", ("no contact with the id 'nights'", "testshire-contact")),
    Case("next-steps-too-few", "nation: England\n", "nation: England\nnext_steps:\n- Call.\n- Wait.\n",
         "next_steps:", "next_steps", ("at least 3",)),
    Case("next-steps-too-many", "nation: England\n",
         "nation: England\nnext_steps:\n- a\n- b\n- c\n- d\n- e\n- f\n",
         "next_steps:", "next_steps", ("at most 5",)),
    Case("service-reference-missing", "  service: testshire-service\nreferral_routes:",
         "  service: testshire-servise\nreferral_routes:",
         "service: testshire-servise", "referral_criteria.0.service",
         ("no service with the id 'testshire-servise'",)),
    Case("route-pathway-missing", "  pathway: referral\n", "  pathway: referal\n",
         "pathway: referal", "referral_routes.0.pathway", ("no pathway with the id 'referal'",
                                                          "or delete the 'pathway:' line")),
    Case("pathway-next-missing", "        next: done\n", "        next: finished\n",
         "next: finished", "pathways.referral.nodes.refer.next",
         ("'finished' is not a node of this pathway", "worried, refer, call-999, done")),
    Case("pathway-start-missing", "    start: worried\n", "    start: worry\n",
         "start: worry", "pathways.referral.start", ("start node 'worry' does not exist", "worried")),
    Case("pathway-unreachable", "        title: The team replies\n",
         "        title: The team replies\n      orphan:\n        type: outcome\n        title: Lost\n",
         "orphan:", "pathways.referral.nodes.orphan", ("cannot be reached from the start", "remove it")),
    Case("pathway-cycle", "        next: done\n", "        next: worried\n",
         "next: worried", "pathways.referral.nodes.refer.next", ("would loop", "outcome")),
    Case("pathway-answers-no-before-yes",
         "        - label: 'Yes'\n          next: call-999\n        - label: 'No'\n          next: refer\n",
         "        - label: 'No'\n          next: refer\n        - label: 'Yes'\n          next: call-999\n",
         "label: 'Yes'", "pathways.referral.nodes.worried.options.1.label",
         ("'Yes' comes after 'No'", "Yes answer before the No answer")),
    Case("pathway-provenance-missing", "    provenance: built-from-text\n", "",
         "referral:", "pathways.referral", ("'provenance' is missing", "source-flowchart")),
    Case("pathway-self-loop", "        next: done\n", "        next: refer\n",
         "next: refer", "pathways.referral.nodes.refer.next", ("leads to itself",), 2),
    Case("question-one-option", "        - label: 'No'\n          next: refer\n", "",
         "options:", "pathways.referral.nodes.worried.options", ("at least 2 items", "at least two")),
    Case("question-same-answer-twice", "        - label: 'No'\n", "        - label: 'Yes'\n",
         "- label: 'Yes'", "pathways.referral.nodes.worried.options.1.label", ("given twice",), 2),
    Case("outcome-with-next", "        title: Call 999\n", "        title: Call 999\n        next: done\n",
         "next: done", "pathways.referral.nodes.call-999.next",
         ("unknown field 'next' in an outcome node", "outcome ends the pathway"), 2),
    Case("step-without-next", "        next: done\n", "",
         "refer:", "pathways.referral.nodes.refer", ("required field 'next' is missing",)),
    Case("node-type-misspelt", "        type: outcome\n        title: Call 999\n",
         "        type: outcom\n        title: Call 999\n",
         "type: outcom", "pathways.referral.nodes.call-999.type", ("did you mean 'outcome'",)),
    Case("node-id-bad-form", "      done:\n", "      Done_Node:\n",
         "Done_Node:", "pathways.referral.nodes.Done_Node", ("not a valid id", "lower-case")),
    Case("todo-left-in-text", HOURS, "  hours: TODO ask the team\n",
         "hours: TODO", "contacts.0.hours", ("still says TODO", "source document")),
    Case("person-without-role", HOURS, HOURS + "  person: Jo Example\n",
         "- id: testshire-contact", "contacts.0", ("'role' is needed when person is given",)),
    Case("anchor-and-alias", PROVIDER, "  provider: &who Testshire Council\n  covers: *who\n",
         "covers: *who", "services.0.covers", ("anchors and aliases", "write the text out")),
    Case("merge-key", PROVIDER, PROVIDER + "  <<: {covers: Testshire}\n",
         "<<:", "services.0.<<", ("merge keys", "write the fields out")),
    Case("python-tag", PROVIDER, "  provider: !!python/object/apply:os.system ['echo hi']\n",
         "provider: !!python", "services.0.provider", ("python/object/apply:os.system", "not allowed")),
    Case("custom-tag", PROVIDER, "  provider: !secret Testshire Council\n",
         "provider: !secret", "services.0.provider", ("the tag !secret is not allowed", "remove the '!' tag")),
    Case("list-where-text-expected", PROVIDER, "  provider:\n  - Testshire Council\n",
         "provider:", "services.0.provider", ("this is a list", "needs text")),
    Case("text-where-list-expected", "  contacts:\n  - testshire-contact\nreferral_criteria:",
         "  contacts: testshire-contact\nreferral_criteria:",
         "contacts: testshire-contact", "services.0.contacts", ("this is text", "needs a list")),
    # Hidden, look-alike and costly (security review: each reached the published site before).
    Case("hole5-text-right-to-left-override", PROVIDER, "  provider: \"Testshire \\u202eCouncil\"\n",
         "provider: \"Testshire", "services.0.provider", ("RIGHT-TO-LEFT OVERRIDE", "delete it")),
    Case("hole5-text-zero-width-space", PROVIDER, "  provider: \"Testshire\\u200b Council\"\n",
         "provider: \"Testshire", "services.0.provider", ("ZERO WIDTH SPACE", "invisible")),
    Case("hole5-text-control-character", PROVIDER, "  provider: \"Testshire\\x07 Council\"\n",
         "provider: \"Testshire", "services.0.provider", ("U+0007",)),
    Case("hole8-url-http", HOURS, HOURS + "  website: http://www.example.org/form\n",
         "website: http://", "contacts.0.website", ("not secure", "https://")),
    Case("hole5-url-punycode-host", HOURS, HOURS + "  website: https://xn--nspcc-8ua.org.uk/\n",
         "website: https://xn--", "contacts.0.website", ("punycode", "look-alike")),
    Case("hole5-url-look-alike-letters", HOURS, HOURS + "  website: https://www.n\u0455pcc.org.uk/\n",
         "website: https://www.n", "contacts.0.website", ("CYRILLIC SMALL LETTER DZE", "look-alike")),
    Case("hole5-url-loopback", HOURS, HOURS + "  website: https://127.0.0.1:8000/\n",
         "website: https://127", "contacts.0.website", ("numeric address",)),
    Case("hole5-url-localhost", HOURS, HOURS + "  website: https://intranet.localhost/\n",
         "website: https://intranet", "contacts.0.website", ("private or test host",)),
    Case("hole5-email-with-mailto", EMAIL, "  email: mailto:front.door@example.gov.uk\n",
         "email: mailto", "contacts.0.email", ("starts with 'mailto:'",)),
    Case("hole5-email-with-quotes-and-brackets", EMAIL, "  email: '\"Front door\" <front.door@example.gov.uk>'\n",
         "email: '", "contacts.0.email", ("QUOTATION MARK", "only the address")),
    Case("hole5-email-look-alike-domain", EMAIL, "  email: front.door@ex\u0430mple.gov.uk\n",
         "email: front", "contacts.0.email", ("CYRILLIC SMALL LETTER A",)),
    Case("hole6-phone-premium-rate", PHONE, "  phone: '0906 123 4567'\n",
         "phone: '0906", "contacts.0.phone", ("premium-rate or shared-cost", "cost")),
    Case("hole6-phone-shared-cost", PHONE, "  phone: '0845 123 4567'\n",
         "phone: '0845", "contacts.0.phone", ("premium-rate or shared-cost",)),
    Case("hole6-phone-directory-enquiries", PHONE, "  phone: '118 118'\n",
         "phone: '118", "contacts.0.phone", ("118 directory enquiry", "own number")),
    Case("hole7-text-too-long", "summary: Help in Testshire", "summary: Help in Testshire" + " x" * 2600,
         "summary: Help", "summary", ("longer than 5000 characters", "shorten")),
    Case("hole7-name-too-long", PROVIDER, "  provider: " + "Testshire " * 25 + "\n",
         "provider: Testshire", "services.0.provider", ("longer than 200 characters",)),
    Case("text-only-spaces", PROVIDER, "  provider: '   '\n",
         "provider: '", "services.0.provider", ("blank", "write the text")),
    # Numbers, emails and web addresses in sentences must be ones a record gives.
    Case("prose-phone-mismatch", "summary: Help in Testshire", "summary: Help in Testshire, call 020 7946 0132",
         "summary: Help", "summary", ("020 7946 0132 in the text matches no record", "did you mean 020 7946 0123")),
    Case("prose-phone-digit-missing", "summary: Help in Testshire", "summary: Help in Testshire, call 020 7946 012",
         "summary: Help", "summary", ("020 7946 012 in the text", "did you mean 020 7946 0123")),
    Case("prose-email-mismatch", "summary: Help in Testshire", "summary: Help in Testshire, email front.dor@example.gov.uk",
         "summary: Help", "summary", ("front.dor@example.gov.uk in the text matches no record",
                                      "did you mean front.door@example.gov.uk")),
    Case("prose-web-address-mismatch", "summary: Help in Testshire", "summary: Help in Testshire, see https://www.example.net/help",
         "summary: Help", "summary", ("https://www.example.net/help in the text matches no record",)),
    Case("panel-field-on-a-service", PROVIDER, PROVIDER + "  meets: the first Monday of each month\n",
         "meets: the first Monday", "services.0.meets", ("only for a multi-agency panel", "add 'kind: panel'")),
    Case("provider-on-a-panel", PROVIDER, PROVIDER + "  kind: panel\n",
         "provider: Testshire Council", "services.0.provider", ("no single provider", "hosted_by")),
    Case("provider-missing", PROVIDER, "",
         "- id: testshire-service", "services.0", ("required field 'provider'", "kind: panel", "hosted_by")),
    Case("instructions-for-a-missing-address", PHONE, PHONE + "  instructions:\n    address:\n    - Mark it private.\n",
         "address:", "contacts.0.instructions.address", ("has no 'address'", "phone, email")),
    Case("ask-without-document-stops", "  pathway: referral\n", "  pathway: referral\n  ask: testshire-contact\n",
         "ask: testshire-contact", "referral_routes.0.ask", ("document_stops: true",)),
    Case("ask-names-no-contact", "  pathway: referral\n", "  pathway: referral\n  document_stops: true\n  ask: testshire-team\n",
         "ask: testshire-team", "referral_routes.0.ask", ("no contact with the id 'testshire-team'", "testshire-contact")),
    Case("content-contact-mailto", REVIEWED,
         REVIEWED + "content_contact:\n  email: mailto:web.team@example.gov.uk\n",
         "email: mailto", "content_contact.email", ("only the address",)),
    Case("content-contact-without-email", REVIEWED,
         REVIEWED + "content_contact:\n  name: Web team\n",
         "content_contact:", "content_contact", ("email",)),
    Case("hole7-second-yaml-document", REVIEWED, REVIEWED + "---\nid: otherton\n",
         "---", "(file)", ("second YAML document", "remove the '---' line")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_one_broken_thing(tmp_path, case):
    folder = services(tmp_path)
    text = edit(folder / AREA, case.old, case.new)
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, case.at, case.occurrence), case.path, *case.phrases)
    # Only this file is blamed.
    assert {p["file"] for p in problems(result)} == {f"services/{AREA}"}
    assert "problem" in result.stderr


def test_missing_required_top_level_field(tmp_path):
    folder = services(tmp_path)
    text = edit(folder / AREA, "summary: Help in Testshire", "sumary: Help in Testshire")
    result = validate(folder)
    # The misspelt field is unknown (with a suggestion) and the real one is missing.
    assert_reported(result, AREA, line_of(text, "sumary:"), "sumary", "did you mean 'summary'")
    # A missing top-level field belongs to the whole file: line 1, path "(file)".
    assert_reported(result, AREA, 1, "(file)", "required field 'summary' is missing", "sentences")


# --- whole-file problems -----------------------------------------------------------------------

def test_empty_file(tmp_path):
    folder = services(tmp_path)
    (folder / AREA).write_text("", encoding="utf-8")
    assert_reported(validate(folder), AREA, 1, "(file)", "the file is empty", "new_area.py")


def test_file_of_only_comments_is_empty(tmp_path):
    folder = services(tmp_path)
    (folder / AREA).write_text("# to do\n# later\n", encoding="utf-8")
    assert_reported(validate(folder), AREA, 1, "(file)", "the file is empty")


def test_non_utf8_file(tmp_path):
    folder = services(tmp_path)
    text = (folder / AREA).read_text(encoding="utf-8").replace("Front door team", "Front door caf\u00e9")
    (folder / AREA).write_bytes(text.encode("latin-1"))
    problem = assert_reported(validate(folder), AREA, line_of(text, "caf\u00e9"), "(file)",
                              "not UTF-8", "0xe9", "save the file as UTF-8")
    assert int(problem["col"]) == text.splitlines()[line_of(text, "caf\u00e9") - 1].index("\u00e9") + 1


def test_byte_order_mark_is_fine(tmp_path):
    folder = services(tmp_path)
    (folder / AREA).write_bytes(b"\xef\xbb\xbf" + (folder / AREA).read_bytes())
    assert validate(folder).returncode == 0


def test_top_level_list(tmp_path):
    folder = services(tmp_path)
    (folder / AREA).write_text("- one\n- two\n", encoding="utf-8")
    assert_reported(validate(folder), AREA, 1, "(file)", "holds a list", "field: value")


def test_yaml_extension_is_refused(tmp_path):
    folder = services(tmp_path)
    write_yaml(folder / "otherton.yaml", small_area("otherton", "Otherton"))
    result = validate(folder)
    assert_reported(result, "otherton.yaml", 1, "(file)", "content files end in .yml",
                    "rename it to otherton.yml")


def test_missing_national_file(tmp_path):
    folder = services(tmp_path)
    (folder / "national.yml").unlink()
    assert_reported(validate(folder), "national.yml", 1, "(file)", "national file is missing",
                    "national.schema.json")


def test_national_bad_phone(tmp_path):
    folder = services(tmp_path)
    text = edit(folder / "national.yml", "phone: 0808 157 0123", "phone: '0808 157 012'")
    assert_reported(validate(folder), "national.yml", line_of(text, "phone: '0808"), "help.1.phone",
                    "not a valid UK phone number")


def test_national_confirmation_in_the_future(tmp_path):
    folder = services(tmp_path)
    text = edit(folder / "national.yml", "phone: 0808 157 0123", "phone: 0808 157 0123\n  confirmed_on: 2999-01-01")
    assert_reported(validate(folder), "national.yml", line_of(text, "confirmed_on: 2999"),
                    "help.1.confirmed_on", "in the future", "the date the check was actually done")


def test_national_line_without_provenance(tmp_path):
    folder = services(tmp_path)
    text = edit(folder / "national.yml", "  fallback: true\n  provenance: Test fixture\n", "  fallback: true\n")
    assert_reported(validate(folder), "national.yml", line_of(text, "id: example-helpline"), "help.1",
                    "'provenance' is missing")


def test_glossary_term_twice(tmp_path):
    glossary = {"terms": [{"term": "HSB", "stands_for": "Harmful sexual behaviour", "meaning": "x"},
                          {"term": "hsb", "meaning": "y"}]}
    folder = services(tmp_path, glossary=glossary)
    text = (folder / "glossary.yml").read_text(encoding="utf-8")
    assert_reported(validate(folder), "glossary.yml", line_of(text, "term: hsb"), "terms.1.term",
                    "already defined at line " + str(line_of(text, "term: HSB")))


# --- search synonyms (optional file) ----------------------------------------------------------

def test_search_synonyms_with_a_sign_the_search_cannot_use(tmp_path):
    folder = services(tmp_path)
    write_yaml(folder / "search-synonyms.yml", {"synonyms": [
        {"readers_write": ["my son", "touched <b>"], "pages": ["/parents/"]}]})
    text = (folder / "search-synonyms.yml").read_text(encoding="utf-8")
    assert_reported(validate(folder), "search-synonyms.yml", line_of(text, "touched <b>"),
                    "synonyms.0.readers_write.1", "letters, digits, spaces")


def test_search_synonyms_without_the_pages_that_answer(tmp_path):
    folder = services(tmp_path)
    write_yaml(folder / "search-synonyms.yml", {"synonyms": [{"readers_write": ["worried"]}]})
    text = (folder / "search-synonyms.yml").read_text(encoding="utf-8")
    assert_reported(validate(folder), "search-synonyms.yml", line_of(text, "readers_write"),
                    "synonyms.0", "pages")


def test_search_synonyms_naming_a_page_the_site_does_not_have_stop_the_build(tmp_path):
    folder = services(tmp_path)
    write_yaml(folder / "search-synonyms.yml", {"synonyms": [
        {"readers_write": ["my son"], "pages": ["/parents/"]},
        {"readers_write": ["worried"], "pages": ["/parent/"]}]})
    text = (folder / "search-synonyms.yml").read_text(encoding="utf-8")
    out = tmp_path / "site"
    (out).mkdir()
    (out / "index.html").write_text("the live site", "utf-8")
    result = build_site(out, folder)
    assert result.returncode != 0
    line = line_of(text, "readers_write", 2)
    assert f"search-synonyms.yml:{line}: pages: '/parent/' is not a page of the site" in result.stderr, result.stderr
    assert "'/parents/'" in result.stderr  # what to write instead
    assert (out / "index.html").read_text("utf-8") == "the live site"


def test_search_synonyms_are_optional_and_not_an_area(tmp_path):
    folder = services(tmp_path)
    write_yaml(folder / "search-synonyms.yml", {"synonyms": [
        {"readers_write": ["my son"], "pages": ["/parents/"]}]})
    result = validate(folder)
    assert result.returncode == 0, result.stdout + result.stderr


# --- across files ------------------------------------------------------------------------------

def test_duplicate_id_across_two_files_names_the_first(tmp_path):
    first, second = small_area("aaa", "Aaa"), small_area("bbb", "Bbb")
    second["referral_criteria"][0]["id"] = "aaa-criterion"
    folder = services(tmp_path, areas=[first, second])
    first_text = (folder / "aaa.yml").read_text(encoding="utf-8")
    second_text = (folder / "bbb.yml").read_text(encoding="utf-8")
    first_line = line_of(first_text, "- id: aaa-criterion")
    result = validate(folder)
    assert_reported(result, "bbb.yml", line_of(second_text, "- id: aaa-criterion"),
                    "referral_criteria.0.id", "the id 'aaa-criterion' is already used at",
                    f"services/aaa.yml:{first_line}", "unique across the site")
    assert {p["file"] for p in problems(result)} == {"services/bbb.yml"}


def test_duplicate_id_between_area_and_national(tmp_path):
    area = small_area()
    area["contacts"][0]["id"] = "example-helpline"
    for record in (area["services"][0], area["referral_routes"][0]):
        record["contacts"] = ["example-helpline"]
    area["pathways"]["referral"]["nodes"]["refer"]["contacts"] = ["example-helpline"]
    folder = services(tmp_path, areas=[area])
    text = (folder / AREA).read_text(encoding="utf-8")
    assert_reported(validate(folder), AREA, line_of(text, "- id: example-helpline"), "contacts.0.id",
                    "already used at services/national.yml")


def test_every_problem_in_one_file_is_reported(tmp_path):
    """Several schema problems in one file: all of them, each on its own line."""
    folder = services(tmp_path)
    path = folder / AREA
    edit(path, "nation: England\n", "nation: Englnd\n")
    edit(path, PROVIDER, PROVIDER + "  provder_notes: x\n")
    edit(path, "    from: 10\n", "    from: ten\n")
    edit(path, HOURS, "  hours: no\n")
    text = edit(path, EMAIL, "  email: nobody\n")
    result = validate(folder)
    expected = [
        (line_of(text, "nation: Englnd"), "nation", "did you mean 'England'"),
        (line_of(text, "provder_notes"), "services.0.provder_notes", "did you mean 'provider'"),
        (line_of(text, "from: ten"), "services.0.ages.from", "whole number"),
        (line_of(text, "hours: no"), "contacts.0.hours", "put it in quotes"),
        (line_of(text, "email: nobody"), "contacts.0.email", "email address"),
    ]
    for line, field, phrase in expected:
        assert_reported(result, AREA, line, field, phrase)
    assert len(problems(result)) == len(expected)
    assert f"{len(expected)} problems found." in result.stderr


def test_every_cross_record_problem_in_one_file_is_reported(tmp_path):
    """Several problems found after the schema (references, ages, phones, pathways): all of them."""
    folder = services(tmp_path)
    path = folder / AREA
    edit(path, "    from: 10\n    to: 17\n", "    from: 17\n    to: 10\n")
    edit(path, PHONE, "  phone: '0121 496 012'\n")
    edit(path, HOURS, "  hours: TODO\n")
    edit(path, "  pathway: referral\n", "  pathway: referal\n")
    edit(path, "        next: done\n", "        next: worried\n")
    text = edit(path, "id: testshire\n", "id: otherton\n")
    result = validate(folder)
    expected = [
        (line_of(text, "id: otherton"), "id", "does not match the file name"),
        (line_of(text, "to: 10"), "services.0.ages.to", "before it starts"),
        (line_of(text, "phone: '0121"), "contacts.0.phone", "not a valid UK phone number"),
        (line_of(text, "hours: TODO"), "contacts.0.hours", "TODO"),
        (line_of(text, "pathway: referal"), "referral_routes.0.pathway", "no pathway"),
        (line_of(text, "next: worried"), "pathways.referral.nodes.refer.next", "would loop"),
    ]
    for line, field, phrase in expected:
        assert_reported(result, AREA, line, field, phrase)


def test_a_bad_file_never_hides_problems_in_other_files(tmp_path):
    """A file that cannot even be read leaves every other file's problems reported."""
    folder = services(tmp_path, areas=[small_area("aaa", "Aaa"), small_area("bbb", "Bbb"),
                                       small_area("ccc", "Ccc")])
    edit(folder / "aaa.yml", "  provider: Aaa Council\n", '  provider: "Aaa Council\n')  # syntax error
    (folder / "bbb.yml").write_bytes("name: Bbb caf\u00e9\n".encode("latin-1"))          # not UTF-8
    ccc = edit(folder / "ccc.yml", "nation: England\n", "nation: Englnd\n")             # schema
    national = edit(folder / "national.yml", "phone: 0808 157 0123", "phone: '0808 157 012'")
    glossary = edit(folder / "glossary.yml", "term: Referral", "term: hsb")
    write_yaml(folder / "ddd.yml", small_area("ddd", "Ddd"))
    ddd = edit(folder / "ddd.yml", "        next: done\n", "        next: finished\n")  # pathway
    result = validate(folder)
    assert_reported(result, "aaa.yml", line_of((folder / "aaa.yml").read_text(), 'provider: "Aaa'),
                    "(file)", "never closed")
    assert_reported(result, "bbb.yml", 1, "(file)", "not UTF-8")
    assert_reported(result, "ccc.yml", line_of(ccc, "nation: Englnd"), "nation", "did you mean 'England'")
    assert_reported(result, "ddd.yml", line_of(ddd, "next: finished"), "pathways.referral.nodes.refer.next",
                    "not a node of this pathway")
    assert_reported(result, "national.yml", line_of(national, "phone: '0808"), "help.1.phone",
                    "not a valid UK phone number")
    assert_reported(result, "glossary.yml", line_of(glossary, "term: hsb"), "terms.1.term", "already defined")


def test_problems_are_sorted_by_file_and_line(tmp_path):
    folder = services(tmp_path, areas=[small_area("aaa", "Aaa"), small_area("bbb", "Bbb")])
    edit(folder / "bbb.yml", "nation: England\n", "nation: Englnd\n")
    edit(folder / "aaa.yml", "    from: 10\n", "    from: 30\n")
    edit(folder / "aaa.yml", "nation: England\n", "nation: Wails\n")
    found = problems(validate(folder))
    keys = [(p["file"], p["line"]) for p in found]
    assert len(found) == 3 and keys == sorted(keys)


def test_schema_problem_does_not_hide_second_layer_problems(tmp_path):
    folder = services(tmp_path)
    edit(folder / AREA, "nation: England\n", "nation: Englnd\n")
    text = edit(folder / AREA, HOURS, "  hours: TODO\n")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "nation: Englnd"), "nation", "did you mean")
    assert_reported(result, AREA, line_of(text, "hours: TODO"), "contacts.0.hours", "TODO")


def test_a_field_the_schema_reported_is_not_reported_twice(tmp_path):
    folder = services(tmp_path)
    edit(folder / AREA, REVIEWED, "last_reviewed: '26-01-2026'\n")
    found = problems(validate(folder))
    assert [p["path"] for p in found].count("last_reviewed") == 1


def test_missing_folder(tmp_path):
    result = run_script("validate.py", tmp_path / "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert "no such folder" in result.stderr


def test_no_area_files(tmp_path):
    folder = services(tmp_path, areas=[])
    result = validate(folder)
    assert result.returncode == 1
    assert "there are no area files" in result.stdout


def test_fixture_is_not_changed_by_the_helpers(tmp_path):
    """small_area() returns a fresh dict; the cases above never leak into one another."""
    area = small_area()
    before = copy.deepcopy(area)
    services(tmp_path, areas=[area])
    assert area == before


# --- what is in the content folder: nothing is skipped without a word --------------------------

@pytest.mark.parametrize("name, phrases", [
    ("otherton.YML", ("in small letters", "rename it to otherton.yml")),
    ("otherton.yml.bak", ("not read", "outside the repository")),
    ("notes.txt", ("not read", "only .yml files")),
], ids=["upper-case-extension", "backup-file", "stray-file"])
def test_hole7_files_the_site_would_not_read_are_reported(tmp_path, name, phrases):
    folder = services(tmp_path)
    write_yaml(folder / name, small_area("otherton", "Otherton"))
    assert_reported(validate(folder), name, 1, "(file)", *phrases)


def test_hole7_area_file_in_a_subfolder_is_reported(tmp_path):
    folder = services(tmp_path)
    (folder / "drafts").mkdir()
    write_yaml(folder / "drafts" / "otherton.yml", small_area("otherton", "Otherton"))
    assert_reported(validate(folder), "drafts", 1, "(file)", "folder inside services/ is not read",
                    "directly in services/")


@pytest.mark.parametrize("target", ["outside-file", "folder", "git-config"])
def test_hole3_symlinks_in_services_are_never_followed(tmp_path, target):
    folder = services(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yml"
    write_yaml(secret, small_area("otherton", "Otherton"))
    points_at = {"outside-file": secret, "folder": outside, "git-config": Path(__file__).resolve().parent.parent / ".git" / "config"}[target]
    (folder / "otherton.yml").symlink_to(points_at)
    result = validate(folder)
    assert_reported(result, "otherton.yml", 1, "(file)", "symbolic link", "not a link")
    assert "Traceback" not in result.stderr


def test_hole3_symlinked_national_file_is_refused(tmp_path):
    folder = services(tmp_path)
    real = tmp_path / "national-elsewhere.yml"
    (folder / "national.yml").rename(real)
    (folder / "national.yml").symlink_to(real)
    assert_reported(validate(folder), "national.yml", 1, "(file)", "symbolic link")


def test_hole3_a_pipe_does_not_hang_validation(tmp_path):
    import os
    folder = services(tmp_path)
    os.mkfifo(folder / "otherton.yml")
    result = validate(folder)  # run_script has a timeout: a hang fails the test
    assert_reported(result, "otherton.yml", 1, "(file)", "not a regular file")


# --- glossary terms the site could not show safely ----------------------------------------------

@pytest.mark.parametrize("term", ["x\\y", "<b>", "AIM*", "A`B"], ids=["backslash", "angle-brackets",
                                                                       "asterisk", "backtick"])
def test_hole1_glossary_terms_the_site_cannot_render_safely_are_refused(tmp_path, term):
    folder = services(tmp_path)
    text = edit(folder / "glossary.yml", "term: HSB\n", f"term: '{term}'\n")
    assert_reported(validate(folder), "glossary.yml", line_of(text, "term: '"), "terms.0.term",
                    "not in the right form", "letters")


def test_hole5_hidden_character_in_glossary_is_refused(tmp_path):
    folder = services(tmp_path)
    text = edit(folder / "glossary.yml", "stands_for: Harmful sexual behaviour\n",
                'stands_for: "Harmful \\u202esexual behaviour"\n')
    assert_reported(validate(folder), "glossary.yml", line_of(text, "stands_for:"),
                    "terms.0.stands_for", "RIGHT-TO-LEFT OVERRIDE")
@pytest.mark.parametrize("key", ["one_history_entry", "neutral_contact_cards"])
def test_a_privacy_setting_that_is_not_true_or_false_stops_the_build(tmp_path, key):
    """YAML reads `no` as false but "no" (quoted) as text: the build says so instead of guessing."""
    from site_build import build_site
    result = build_site(tmp_path / "site", extra={key: "no"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"extra.{key}: 'no' is not true or false" in output, output
    assert "write true (the default) or false" in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_sentence_written_in_two_fields_is_a_warning_not_a_failure(tmp_path):
    folder = services(tmp_path)
    sentence = "The panel is the only route for agreeing assessments in Testshire."
    text = edit(folder / AREA, "  description: Assessment and support for children and their families.\n",
                f"  description: Assessment and support for children and their families. {sentence}\n"
                f"  intake_rule: {sentence}\n")
    result = validate(folder)
    assert result.returncode == 0, result.stdout
    warning, = _warnings(result)
    assert warning["line"] == line_of(text, "intake_rule:")
    assert warning["path"] == "services.0.intake_rule"
    assert f"'{sentence}' is also written at services.0.description" in warning["rest"]
    assert "write it once" in warning["rest"]
    assert result.stdout.rstrip().splitlines()[-1].startswith("OK:")


def _warnings(result) -> list[dict]:
    out = []
    for line in result.stdout.splitlines():
        match = _LINE.match(line)
        if match and "warning:" in match["rest"]:
            out.append({**match.groupdict(), "line": int(match["line"]), "text": line})
    return out


def test_an_age_range_in_words_alone_is_kept(tmp_path):
    """A document that says 'children and young people' gives no numbers: none are invented."""
    folder = services(tmp_path)
    edit(folder / AREA, "    from: 10\n    to: 17\n", "")
    result = validate(folder)
    assert result.returncode == 0, result.stdout
    from signpost.content import load_site
    service = load_site(folder).areas[0].services[0]
    assert service.ages.from_ is None and str(service.ages) == service.ages.wording


# --- the families section: traceable to the document, and easy to read --------------------------

DOCUMENT = ("Testshire guidance\n\n- Call the front door team if you are worried about a child.\n"
            "- The team will **talk to the family** within 5 working days.\n")
HARD = ("Notwithstanding the aforementioned considerations, multi-agency safeguarding "
        "arrangements necessitate comprehensive interdisciplinary documentation.")


def with_families(tmp_path: Path, document: str | None = DOCUMENT) -> Path:
    """The small area with a families section, and its document's text in services/sources/."""
    area = small_area()
    area["families"] = {
        "steps": [{"title": "Call the team", "text": "Call the front door team if you are worried.",
                   "source": "Call the front door team if you are worried about a child."}],
        "how_long": [{"text": "They talk to you within 5 working days.",
                      "source": "The team will talk to the family within 5 working days."}],
        "contacts": ["testshire-contact"],
    }
    folder = services(tmp_path, areas=[area])
    if document is not None:
        (folder / "sources").mkdir()
        (folder / "sources" / "testshire.txt").write_text(document, encoding="utf-8")
    return folder


def test_families_fixture_is_valid(tmp_path):
    result = validate(with_families(tmp_path))
    assert result.returncode == 0, result.stdout


def test_families_text_above_grade_9_is_refused_with_its_grade_and_longest_sentence(tmp_path):
    folder = with_families(tmp_path)
    text = edit(folder / AREA, "text: Call the front door team if you are worried.", f"text: {HARD}")
    result = validate(folder)
    problem = assert_reported(result, AREA, line_of(text, "Notwithstanding"), "families.steps.0.text",
                              "reads at grade", "above the limit of 9", "longest sentence",
                              "Notwithstanding the aforementioned", "shorter sentences")
    grade = float(re.search(r"grade (\d+(?:\.\d+)?)", problem["rest"]).group(1))
    assert grade > 9


def test_families_source_not_in_the_document_is_refused_with_the_closest_sentence(tmp_path):
    folder = with_families(tmp_path)
    text = edit(folder / AREA, "source: The team will talk to the family within 5 working days.",
                "source: The team will talk to the family within 3 working days.")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "within 3 working days"), "families.how_long.0.source",
                    "not word for word in services/sources/testshire.txt",
                    "closest sentence in the document is: 'The team will talk to the family within 5")


def test_families_without_the_documents_text_is_refused(tmp_path):
    folder = with_families(tmp_path, document=None)
    text = (folder / AREA).read_text("utf-8")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "families:"), "families",
                    "no services/sources/testshire.txt", "save the document's text")


def test_families_contact_must_exist(tmp_path):
    folder = with_families(tmp_path)
    text = edit(folder / AREA, "5 working days.\n  contacts:\n  - testshire-contact\n",
                "5 working days.\n  contacts:\n  - testshire-frontdoor\n")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "- testshire-frontdoor"), "families.contacts.0",
                    "no contact with the id 'testshire-frontdoor'")


# --- Welsh: what is left to translate, and the "same time" setting -----------------------------

WELSH_SUMMARY = {"en": "Help in Testshire for children who display harmful sexual behaviour.",
                 "cy": "Help yn Testshire i blant sy'n dangos ymddygiad rhywiol niweidiol.",
                 "cy_reviewed": True}


def welsh_services(tmp_path: Path, **fields) -> tuple[Path, str]:
    """The small area published in English and Welsh, its summary in both (checked), every other
    text in English only; ``fields`` are set on the area. Returns the folder and the file's text."""
    area = small_area()
    area["languages"] = ["en", "cy"]
    area["summary"] = copy.deepcopy(WELSH_SUMMARY)
    area.update(fields)
    folder = services(tmp_path, areas=[area])
    return folder, (folder / AREA).read_text("utf-8")


def test_welsh_missing_is_reported_at_its_line_as_translation_work_not_a_failure(tmp_path):
    folder, text = welsh_services(tmp_path)
    result = validate(folder)
    assert result.returncode == 0, result.stdout
    by_path = {w["path"]: w for w in _warnings(result)}
    described = by_path["services.0.description"]
    assert described["file"] == f"services/{AREA}"
    assert described["line"] == line_of(text, "description: Assessment and support")
    assert "no Welsh yet" in described["rest"] and "under 'cy:'" in described["rest"]
    assert "summary" not in by_path  # its Welsh is written and checked
    assert "source.title" not in by_path  # the document's own title is quoted, never translated
    assert "Welsh still to write or check" in result.stdout


def test_welsh_missing_stops_the_build_with_the_same_time_setting(tmp_path):
    folder, text = welsh_services(tmp_path, missing_welsh="refuse")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "description: Assessment and support"),
                    "services.0.description", "has no Welsh", "missing_welsh: refuse",
                    "under 'cy:'", "missing_welsh: report")
    assert not any(p["path"] == "summary" for p in problems(result))
    built = build_site(tmp_path / "site", folder)
    assert built.returncode != 0
    assert "services.0.description: this text has no Welsh" in built.stdout + built.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_welsh_draft_is_a_warning_until_a_welsh_speaker_checks_it(tmp_path):
    folder, text = welsh_services(tmp_path, missing_welsh="refuse")
    summary = {**WELSH_SUMMARY, "cy_reviewed": False}
    area = small_area()
    for key in ("services", "referral_criteria", "referral_routes", "contacts", "pathways"):
        del area[key]
    area.update(languages=["en", "cy"], missing_welsh="refuse", summary=summary,
                name={"en": "Testshire", "cy": "Testshire", "cy_reviewed": True})
    area["source"]["title"] = "Testshire guidance"
    write_yaml(folder / AREA, area)
    text = (folder / AREA).read_text("utf-8")
    result = validate(folder)
    assert result.returncode == 0, result.stdout
    warning, = [w for w in _warnings(result) if w["path"] == "summary"]
    assert warning["line"] == line_of(text, "summary:")
    assert "the Welsh is a draft" in warning["rest"] and "cy_reviewed: true" in warning["rest"]


@pytest.mark.parametrize("welsh, phrases", [
    ("Help\u200b yn Testshire.", ("U+200B ZERO WIDTH SPACE",)),
    ("   ", ("the text is blank",)),
    ("TODO: cyfieithu", ("still says TODO",)),
    ("Ffoniwch 020 7946 0999.", ("020 7946 0999 in the text matches no record", "did you mean 020 7946 0123")),
    ("x" * 5001, ("longer than 5000 characters",)),
], ids=["hidden-character", "blank", "todo", "number-no-record-gives", "too-long"])
def test_welsh_text_passes_every_check_the_english_does(tmp_path, welsh, phrases):
    folder, text = welsh_services(tmp_path, summary={**WELSH_SUMMARY, "cy": welsh})
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "  cy:"), "summary.cy", *phrases)


@pytest.mark.parametrize("summary, at, path, phrases", [
    ({"en": "Help in Testshire.", "welsh": "Help yn Testshire."}, "welsh:", "summary.welsh",
     ("unknown field 'welsh'", "en, cy, cy_reviewed")),
    ({"en": "Help in Testshire.", "cy_reviewed": True}, "summary:", "summary",
     ("'cy' is needed when cy_reviewed is given",)),
    ({"en": "Help in Testshire.", "cy": "Help yn Testshire.", "cy_reviewed": "yes"}, "cy_reviewed:",
     "summary.cy_reviewed", ("true or false",)),
    ({"cy": "Help yn Testshire."}, "summary:", "summary", ("required field 'en' is missing",)),
], ids=["unknown-key", "reviewed-without-welsh", "reviewed-not-true-or-false", "welsh-without-english"])
def test_a_text_in_two_languages_written_wrongly(tmp_path, summary, at, path, phrases):
    folder, text = welsh_services(tmp_path, summary=summary)
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, at), path, *phrases)


def test_a_text_written_as_fields_without_en_or_cy_is_explained_as_text(tmp_path):
    folder, text = welsh_services(tmp_path, summary={"title": "Help"})
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "summary:"), "summary",
                    "a set of fields, but the field needs text", "under 'en:'")


def test_the_same_time_setting_in_an_area_not_published_in_welsh(tmp_path):
    folder, text = welsh_services(tmp_path, languages=["en"], missing_welsh="refuse")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "missing_welsh:"), "missing_welsh",
                    "not published in Welsh", "languages: [en, cy]")


def test_an_area_in_welsh_alone_is_refused(tmp_path):
    folder, text = welsh_services(tmp_path, languages=["cy"])
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "languages:"), "languages",
                    "always published in English", "languages: [en, cy]")


def test_families_welsh_quotation_must_be_in_the_welsh_edition(tmp_path):
    folder = with_families(tmp_path)
    text = edit(folder / AREA, "source: The team will talk to the family within 5 working days.",
                "source:\n      en: The team will talk to the family within 5 working days.\n"
                "      cy: Bydd y tîm yn siarad â'r teulu o fewn 3 diwrnod gwaith.")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "cy: Bydd"), "families.how_long.0.source.cy",
                    "no services/sources/testshire.cy.txt", "no Welsh edition")
    (folder / "sources" / "testshire.cy.txt").write_text(
        "Canllawiau Testshire\n\n- Bydd y tîm yn **siarad â'r teulu** o fewn 5 diwrnod gwaith.\n",
        encoding="utf-8")
    result = validate(folder)
    assert_reported(result, AREA, line_of(text, "cy: Bydd"), "families.how_long.0.source.cy",
                    "not word for word in services/sources/testshire.cy.txt",
                    "closest sentence in the Welsh edition is:", "o fewn 5 diwrnod gwaith")
