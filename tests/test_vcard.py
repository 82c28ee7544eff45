"""vCard 3.0 cards for contacts: CRLF, escaping, 75-octet folding, they parse back, and by
default they are neutral (nothing in the address book or the file name says what they are for)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from signpost.content import load_site
from signpost.model import Contact
from signpost.phones import parse_phone
from signpost.synth import write_dataset
from signpost.render import urls
from signpost.vcard import card_name, vcard

REVIEWED = dt.date(2026, 1, 5)


def _contact(**fields) -> Contact:
    return Contact(**{"id": "test-team", "name": "HSB Team", "last_reviewed": REVIEWED, **fields})


# -- a tiny RFC 2425/2426 reader, independent of the writer ------------------------------------

def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, current, i = [], "", 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            current += value[i:i + 2]
            i += 2
            continue
        if value[i] == sep:
            parts.append(current)
            current = ""
        else:
            current += value[i]
        i += 1
    return parts + [current]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def parse(card: str) -> dict[str, list[tuple[str, list[str]]]]:
    """{property name: [(parameters, components)]}, unfolded and unescaped."""
    assert card.endswith("\r\n")
    unfolded = re.sub(r"\r\n[ \t]", "", card)
    props: dict[str, list[tuple[str, list[str]]]] = {}
    for line in unfolded.split("\r\n")[:-1]:
        head, _, value = line.partition(":")
        name, _, params = head.partition(";")
        props.setdefault(name.upper(), []).append(
            (params, [_unescape(c) for c in _split_unescaped(value, ";")]))
    return props


def one(props, name) -> str:
    (params, components), = props[name]
    return ";".join(components)


# -- format ------------------------------------------------------------------------------------

def test_lines_end_in_crlf_and_no_bare_newlines():
    card = vcard(_contact(how_to_contact="Line one\nLine two\r\nLine three"), "Testshire", neutral=False)
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert card.endswith("END:VCARD\r\n")
    assert "\n" not in card.replace("\r\n", "")
    assert "\r" not in card.replace("\r\n", "")


def test_text_values_escape_backslash_comma_semicolon_and_newline():
    contact = _contact(name="Smith, Jones; Partners \\ Co", role="Leads; advises, consults",
                       how_to_contact="Write to us.\nOr call.")
    card = vcard(contact, "Bath, and North; East", neutral=False)
    raw = re.sub(r"\r\n[ \t]", "", card)
    assert "FN:Smith\\, Jones\\; Partners \\\\ Co\r\n" in raw
    assert "TITLE:Leads\\; advises\\, consults\r\n" in raw
    assert "How to contact: Write to us.\\nOr call." in raw
    assert "CATEGORIES:Bath\\, and North\\; East\r\n" in raw
    props = parse(card)
    assert one(props, "FN") == "Smith, Jones; Partners \\ Co"
    assert one(props, "TITLE") == "Leads; advises, consults"


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    long_note = "Ring the duty desk – it’s open late – and ask for the HSB practitioner. " * 6
    card = vcard(_contact(how_to_contact=long_note, address="Café Row, Ünterstraße " * 8), "Área", neutral=False)
    physical = card.split("\r\n")[:-1]
    assert any(len(line.encode("utf-8")) == 75 or line.startswith(" ") for line in physical)
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
        line.encode("utf-8").decode("utf-8")  # whole characters only
    props = parse(card)
    assert one(props, "NOTE") == f"Area: Área\nHow to contact: {long_note}"
    assert props["ADR"][0][1][2] == "Café Row, Ünterstraße " * 8


def test_full_contact_parses_back():
    contact = _contact(person="Jo Anne Bloggs", role="Practice lead", organisation="Testshire Council",
                       phone=parse_phone("0117 496 0123"), email="hsb@testshire.example.org",
                       website="https://example.org/testshire/hsb?a=1,2", hours="Mon to Fri, 9am to 5pm",
                       address="Civic Centre, 1 Market Street, Testshire", how_to_contact="Ask for the duty worker",
                       have_ready=["The child's name", "Your role"], area_id="testshire")
    props = parse(vcard(contact, "Testshire", neutral=False))
    assert one(props, "VERSION") == "3.0"
    assert one(props, "FN") == "Jo Anne Bloggs"
    assert props["N"][0][1][:2] == ["Bloggs", "Jo Anne"]
    assert props["ORG"][0][1] == ["Testshire Council", "HSB Team"]
    assert one(props, "TITLE") == "Practice lead"
    assert props["TEL"] == [("TYPE=WORK,VOICE", ["+441174960123"])]
    assert props["EMAIL"] == [("TYPE=INTERNET,WORK", ["hsb@testshire.example.org"])]
    assert props["URL"][0][1] == ["https://example.org/testshire/hsb?a=1,2"]  # URIs are not escaped
    assert props["ADR"][0][0] == "TYPE=WORK"
    assert props["ADR"][0][1] == ["", "", "Civic Centre, 1 Market Street, Testshire", "", "", "", ""]
    assert one(props, "NOTE").splitlines() == [
        "Area: Testshire", "How to contact: Ask for the duty worker",
        "Hours: Mon to Fri, 9am to 5pm", "Have ready: The child's name; Your role"]
    assert one(props, "REV") == "2026-01-05"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", one(props, "UID"))
    assert "X-ABSHOWAS" not in props  # a person, not a company card


def test_team_card_has_empty_name_and_no_invented_fields():
    props = parse(vcard(_contact(), "Testshire", neutral=False))
    assert props["N"][0][1] == ["", "", "", "", ""]
    assert one(props, "FN") == "HSB Team"
    assert props["ORG"][0][1] == ["HSB Team"]
    assert one(props, "X-ABSHOWAS") == "COMPANY"
    for absent in ("TEL", "EMAIL", "URL", "ADR", "TITLE", "UID"):
        assert absent not in props
    assert one(props, "NOTE") == "Area: Testshire"


def test_short_numbers_are_dialled_as_written():
    props = parse(vcard(_contact(phone=parse_phone("999")), "Testshire"))
    assert props["TEL"][0][1] == ["999"]


# -- neutral by default -------------------------------------------------------------------------

SENSITIVE = re.compile(r"harmful|sexual|\bhsb\b|abuse|offend|AIM", re.IGNORECASE)

WORDY = dict(name="Harmful Sexual Behaviour consultation", organisation="HSB Service",
             role="Consultation for harmful sexual behaviour (HSB)", phone=parse_phone("0117 496 0123"),
             email="duty@testshire.example.org", website="https://example.org/hsb-service",
             address="HSB Service, 1 Market Street", hours="Mon to Fri, 9am to 5pm",
             how_to_contact="Ask for the HSB practitioner", have_ready=["Details of the harmful behaviour"],
             area_id="testshire")


def test_a_neutral_card_says_nothing_of_what_the_contact_is_for():
    card = vcard(_contact(**WORDY), "Testshire")
    assert not SENSITIVE.search(card), card
    props = parse(card)
    assert one(props, "FN") == "Testshire contact" == card_name(_contact(**WORDY), "Testshire")
    assert props["TEL"][0][1] == ["+441174960123"]
    assert props["EMAIL"][0][1] == ["duty@testshire.example.org"]
    assert one(props, "NOTE") == "Hours: Mon to Fri, 9am to 5pm"
    for absent in ("ORG", "TITLE", "URL", "ADR", "CATEGORIES"):
        assert absent not in props, absent


def test_a_neutral_card_for_a_person_is_saved_under_their_name():
    props = parse(vcard(_contact(person="Jo Bloggs", **WORDY), "Testshire"))
    assert one(props, "FN") == "Jo Bloggs"
    assert props["N"][0][1][:2] == ["Bloggs", "Jo"]
    assert "ORG" not in props and "TITLE" not in props


def test_the_full_card_keeps_the_service_name_when_asked():
    props = parse(vcard(_contact(**WORDY), "Testshire", neutral=False))
    assert one(props, "FN") == WORDY["name"] == card_name(_contact(**WORDY), "Testshire", neutral=False)
    assert one(props, "TITLE") == WORDY["role"]


def test_the_file_name_never_names_the_service():
    path = urls.vcard("testshire", "testshire-hsb-consultation")
    assert re.fullmatch(r"areas/testshire/contacts/contact-[0-9a-f]{10}\.vcf", path), path
    assert path == urls.vcard("testshire", "testshire-hsb-consultation")  # stable: links keep working
    assert path != urls.vcard("testshire", "testshire-front-door")


@pytest.fixture(scope="module")
def synth_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    write_dataset(folder, n=8, seed=11)
    return load_site(folder)


def test_every_synthetic_contact_makes_a_card_that_parses_back(synth_site):
    names = set()
    for area in synth_site.areas:
        for contact in area.contacts:
            card = vcard(contact, area.name, neutral=False)
            for line in card.split("\r\n")[:-1]:
                assert len(line.encode("utf-8")) <= 75
            props = parse(card)
            assert one(props, "FN") == (contact.person or contact.name)
            if contact.phone:
                assert props["TEL"][0][1] == [contact.phone.tel.removeprefix("tel:")]
            names.add(urls.vcard(area.id, contact.id))
    assert len(names) == sum(len(a.contacts) for a in synth_site.areas)  # no two cards share a file
