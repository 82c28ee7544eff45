"""The real content under services/ says what the five source documents (the seeds) say.

Each area file was transcribed from one document. These tests load the real services/ folder
through signpost.content.load_site and check facts that must survive transcription: ages and
their wording, providers, every referral criterion and route, every strategy-meeting outcome,
timescales, and the phone numbers, which must be exactly the ones the documents give.

The seeds live outside the repository (SIGNPOST_SEEDS, default /work/shared/seeds). Where they
are present, every phrase checked here is also checked to be in its seed word for word, so the
tests cannot drift from the documents; where they are absent those seed-side checks are skipped
and the facts below still hold the content to the documents.
"""
from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from pathlib import Path

import pytest

from signpost.content import area_files, load_site
from signpost.pathway_graph import Graph
from signpost.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "services"
SEEDS = Path(os.environ.get("SIGNPOST_SEEDS", "/work/shared/seeds"))

# Which seed each area file was transcribed from (seed files are named NNN_<hash>.txt).
SEED_OF = {
    "south-gloucestershire": "000",
    "solihull": "001",
    "wales-better-futures-cymru": "002",
    "bath-and-north-east-somerset": "003",
    "blackpool": "004",
}
# Every phone number in the five seeds, as digits. Checked against the seeds when they are here.
SEED_PHONES = {"01225396313", "01225421686"}


# --- helpers -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    return load_site(SERVICES)


def normal(text: str) -> str:
    """Compare text as read: curly quotes straight, ** emphasis dropped, whitespace folded, any case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                                         "\u2013": "-", "\u00a0": " "}))
    return " ".join(text.replace("**", "").split()).casefold()


def strings(value):
    """Every text in a model object, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


def area_text(area) -> str:
    return normal("\n".join(strings(area)))


def seed_path(prefix: str) -> Path | None:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    return found[0] if found else None


def seed_text(prefix: str) -> str | None:
    path = seed_path(prefix)
    return normal(path.read_text(encoding="utf-8")) if path else None


def node_text(node) -> str:
    return normal("\n".join(strings(node)))


# --- phrases that must be in both the seed and the area, word for word --------------------------

PHRASES = {
    "south-gloucestershire": [
        "Polaris Children's Services deliver a service in South Gloucestershire for young people "
        "displaying harmful sexual behaviour",
        "from 12 up to the age of 18",
        "offer a therapeutic intervention programme which will consist of a tailor made plan to "
        "address the concerning behaviour",
        "Offer advice and support to family members, carers and support networks",
        "Offer consultation and training to South Gloucestershire Professionals including ongoing "
        "consultations",
        "has an allocated/named professional, with exceptions to be agreed",
        "is supported by a significant adult who is also willing to participate in the programme",
        "is considered to be living in a safe place to participate in the intervention programme",
        "must have been properly investigated by the appropriate Social Work team and/or Police, and "
        "any investigation and/or prosecution process has been completed",
        "Referrals for cases under current police investigation will be discussed on an individual "
        "basis regarding possible involvement at an early stage",
        "Appropriate multi-agency meetings have taken place, i.e. Strategy Meetings, Child Protection "
        "Conferences, Child Care Reviews/ Planning Meetings, and/or Family Group Conferences",
        "A full referral discussion",
        "previous assessment reports provided by lead professional",
        "Discussions with professionals involved with the young person including social care, "
        "education and health",
        "Meetings with the young person and parents or carers",
        "An analysis and understanding of the presenting harmful sexual behaviour",
        "A current resources profile",
        "Recommendations for the young person, parent/carer and network to increase safety at home "
        "and in the community",
        "Recommendations regarding further therapeutic work if needed",
        "A child and family friendly letter describing the above for the family to take home",
        "Following the completion of an AIM or ERASOR assessment we offer a bespoke therapy programme",
        "designed with the referring social worker",
        "We write child and family friendly reports after our assessments and therapeutic work",
        "If you are worried about a young person, a referral can be made via the Access and Response Team",
    ],
    "solihull": [
        "Behaviours expressed by children and young people under the age of 18 years old that are "
        "developmentally inappropriate, may be harmful towards self or others, or be abusive towards "
        "another child, young person or adult",
        "Hackett 2014 Children and Young People with Harmful Sexual Behaviours",
        "The current definition of Sexual Abuse in Working Together to Safeguard Children is also relevant",
        "Attachment disorders - poor nurturing and parental guidance",
        "Domestic violence and abuse",
        "Social rejection and loneliness",
        "Poor empathy skills",
        "approximately 40% of young people displaying this behaviour have varying degrees of learning "
        "difficulties",
        "Mutuality (Children of a similar developmental and chronological age)",
        "The Brook Traffic Light tool may also be useful",
        "Two thirds of contact sexual abuse is committed by peers",
        "The family context is also relevant in understanding behaviour and assessing risk",
        "The Youth Offending Service offers AIM 2 assessment and interventions for young people aged "
        "12-18 years of age",
        "Child Protection/Child in Need Route",
        "Criminal Justice Route",
        "A young person who has admitted or partially admitted a sexual offence to Court order for a "
        "sexual offence will be seen by the YOS",
        "The details provided should be accurately recorded by the person receiving the initial account",
        "The Strategy Discussion/Meeting is a forum for analysing risk, sharing background information "
        "on the young people and planning further action",
        "The roles and responsibilities of child welfare and criminal justice agencies",
        "it is still good and useful practice to hold a multi-agency planning meeting",
        "consideration should be given to convening a Child Protection Conference",
        "a meeting should be convened under the Multi-Agency Public Protection Arrangements",
        "A referral should then be made using the interagency referral form as available on the "
        "Solihull LSCB website",
        "Successful engagement of families significantly diminishes if there is a time delay in "
        "arranging specialist intervention",
        "usually with the proviso that the victim and specific incidents are not discussed",
        "the police can seek a request for AIM2 assessment if the police are seeking to bail the young "
        "person",
        "This is triggered with consent from the young person, parent or carer",
        "they are aware that sexually explicit conversations will take place",
        "This form should be sent through to MASH (CSWS) and the Youth Offending Services",
        "Where a Pre Sentence Report has been requested the YOS Officer will draw on the AIM2 assessment",
        "the AIM2 assessment will be delayed until the court has reached a verdict of guilty",
        "the secure establishment should commence the AIM2 assessment before the first review meeting",
        "Where there is no resolution then the LSCB complaints procedures should be followed",
        "aimproject.org.uk/",  # printed http://; the site links only over https
    ],
    "wales-better-futures-cymru": [
        "Better Futures Cymru is a service managed by Barnardo's which provides assessment and longer "
        "term therapeutic intervention services for children (5-21years old) and young people with "
        "sexualised histories across Wales, including young people who display problematic or Harmful "
        "Sexual Behaviour",
        "works with the network around the child and their family, such as schools and other support "
        "services, to encourage a trauma informed response",
        "provide consultation to practitioners to offer advice regarding potential referrals and better "
        "support children when a referral for the service isn't appropriate",
        "To access this service agreement is required from a senior manager in your organisation",
        "https://www.barnardos.org.uk/what-we-do/services/taith-service",
        "https://legacy.brook.org.uk/brook_tools/traffic/index.html?syn_partner",
        "https://learning.nspcc.org.uk/research-resources/2019/harmful-sexual-behaviour-framework",
        "This document is supplementary guidance",
        "The relevant All Wales Practice Guide is comprehensive",
        "confidentiality is imperative",
        "Can a risk management plan be put into place to manage the risk?",
        "Organisations such as Better Futures and your safeguarding leads are able to give advice on this",
    ],
    "bath-and-north-east-somerset": [
        "Harmful sexual behaviour by children and young people ranges from experimentation through to "
        "serious sexual assault or rape",
        "Harmful sexual behaviour involves one or more children engaging in sexual discussions or acts "
        "that are inappropriate for their age or stage of development",
        "Bath and North East Somerset Children's Services",
        "Youth Offending Team",
        "Child and Adolescent Mental Health Service (CAMHS)",
        "School Nurses",
        "overwhelmed with feelings of anxiety, confusion, guilt and shame",
        "The Police may decide that the child/young person is better supported through the assessment "
        "process rather than receiving a criminal conviction",
        "Offering consultation to parents/professionals",
        "Provide a co-ordinated multi-agency response via a strategy discussion",
        "Start the AIM2 process by making an Assessment of the child's/young person's/family's "
        "strengths/risks and needs",
        "usually working 1:1 with a professional who has specific training",
        "Assess the impact on the child/young person and assess levels of supervision that may be required",
        "Support the child/young person's family after an allegation has been made",
        "Support parents/carers to implement a safety plan with the child/young person",
        "Reduce potential for further incidents and maintain children and young people safely in their "
        "community",
        "unless there is a significant risk of harm a child",
        "with Children and Young People's Services in BANES",
        "01225 396313",
        "Clare Luxton",
        "01225 421686",
        "Have you got concerns about a child or a young person's sexual behaviour around other children?",
        "Does a child or a young person you know do or say things that make you feel uncomfortable?",
        "Has a child or a young person you know taken sexual exploration too far?",
    ],
    "blackpool": [
        "Request for support to the Blackpool Families Rock Advice and Support Hub",
        "Screened by social worker and Brook Traffic Light Tool utilised",
        "No further action",
        "Request for support from early help to include other professionals identified to complete work "
        "e.g. school, sexual health service school nurse, and to complete Early Help Assessment",
        "Transferred to Assessment and Support Team",
        "within 24hrs",
        "Children's services, Police, Youth Offending Service, and other professionals to be invited",
        "Interim Safeguarding measures to be put in place",
        "Child and family assessment (CAFA) to be commenced",
        "Identify risk, vulnerabilities and protective factors",
        "Multi agency safeguarding plan",
        "Consideration of Assessment, Intervention and Moving On (AIM) assessment",
        "continue with plan and consider request for support from early help",
        "within 24 hours where appropriate",
        "Current team manager to chair the meeting",
        "Early Help",
        "Child in Need",
        "Section 47 enquiry",
        "Threshold met for Initial Child Protection Conference",
        "Criminal prosecution",
        "AIM assessment (screening to identify if this is appropriate)",
        "A decision is made to undertake an AIM or AIM 2 assessment",
        "notification sent to Safeguarding Quality and Review (SQR) service",
        "co-working assessors will be identified by managers from the relevant agencies",
        "Children's Services will take the lead role and be responsible for all administration tasks",
        "The Youth Offending Service will take the lead role and be responsible for all administration tasks",
        "Police contact Children's Services and the Youth Offending Service to instigate an AIM strategy "
        "meeting/discussion",
        "Achieving Best Evidence (ABE) interview, where appropriate",
        "ideally within a timeframe of 6-8 weeks",
        "This may vary as a consequence of Court directions",
        "The assessment findings will be analysed and written in the agreed report format by the co-assessors",
        "to be chaired by the SQR service",
        "request via Head of Service to convene a Sexually Harmful Behaviour panel",
        "End sexually harmful behaviour strategy meeting will take place with the SQR service to review "
        "work undertaken and to review levels of concern",
    ],
}
PHRASE_CASES = [(area, phrase) for area, phrases in PHRASES.items() for phrase in phrases]


@pytest.mark.parametrize("area_id, phrase", PHRASE_CASES,
                         ids=[f"{a}:{p[:40]}" for a, p in PHRASE_CASES])
def test_phrase_from_the_seed_is_in_the_area(site, area_id, phrase):
    seed = seed_text(SEED_OF[area_id])
    if seed is not None:
        assert normal(phrase) in seed, f"the test's phrase is not in seed {SEED_OF[area_id]}: {phrase}"
    assert normal(phrase) in area_text(site.area(area_id)), f"{area_id} lost: {phrase}"


def test_every_seed_has_its_area(site):
    assert {a.id for a in site.areas} >= set(SEED_OF)
    if SEEDS.is_dir():
        for area_id, prefix in SEED_OF.items():
            assert seed_path(prefix), f"seed {prefix} for {area_id} is missing from {SEEDS}"


# --- 000 South Gloucestershire -----------------------------------------------------------------

def test_south_gloucestershire(site):
    area = site.area("south-gloucestershire")
    assert area.nation == "England"
    assert area.source.title == "South Gloucestershire Harmful Sexual Behaviour Service"
    [service] = area.services
    assert service.provider == "Polaris Children's Services"
    assert (service.ages.from_, service.ages.to) == (12, 18)
    assert service.ages.wording == "from 12 up to the age of 18"
    assert len(service.offers) == 3
    assert len(service.eligibility) == 3
    assert list(service.assessment.models) == ["AIM", "ERASOR"]
    assert len(service.assessment.includes) == 4
    assert len(service.assessment.report_presents) == 5
    # The three referral criteria, in the document's order, with its emphasis kept.
    criteria = [c.text for c in area.referral_criteria]
    assert len(criteria) == 3
    assert "**must have been properly investigated**" in criteria[0]
    assert "**any investigation and/or prosecution process has been completed**" in criteria[0]
    assert "**will be discussed on an individual basis**" in criteria[1]
    assert criteria[2].startswith("**Appropriate multi-agency meetings have taken place**")
    for meeting in ("Strategy Meetings", "Child Protection Conferences",
                    "Child Care Reviews/ Planning Meetings", "Family Group Conferences"):
        assert meeting in criteria[2]
    # The Access and Response Team: the document gives no number, email or address for it.
    [team] = area.contacts
    assert team.name == "Access and Response Team"
    assert team.phone is None and team.email is None and team.website is None and team.address is None
    assert service.contacts == (team,)
    assert [r.contacts for r in area.referral_routes] == [(team,)]


# --- 001 Solihull ------------------------------------------------------------------------------

def test_solihull(site):
    area = site.area("solihull")
    assert area.source.title == "Harmful Sexual Behaviours Policy"
    [service] = area.services
    assert service.provider.startswith("Youth Offending Service")
    assert (service.ages.from_, service.ages.to) == (12, 18)
    assert "12-18" in service.ages.wording
    assert "AIM2" in service.assessment.models
    # Exactly two referral routes.
    routes = [r.name for r in area.referral_routes]
    assert routes == ["Child Protection/Child in Need Route", "Criminal Justice Route"]
    assert all(r.service == service.id for r in area.referral_routes)
    # Hackett 2014 definition.
    [definition] = area.definitions
    assert "Hackett 2014" in definition.quoted_from
    assert definition.text.startswith("Behaviours expressed by children and young people under the "
                                      "age of 18 years old")
    # Five characteristics and the closing bullet; nine points on identifying risk.
    assert len(area.indicators.items) == 6
    assert len(area.risk_factors.items) == 9
    assert len(area.healthy_behaviour.items) == 3
    # The strategy meeting considers four things.
    strategy = next(g for g in area.guidance if g.id == "solihull-strategy-meeting")
    assert len(strategy.items) == 4
    # Criminal justice: the form goes to MASH (CSWS) and the Youth Offending Services.
    criminal = area.referral_routes[1]
    assert {c.id for c in criminal.contacts} >= {"solihull-mash-csws", "solihull-yos"}
    # The document prints http://aimproject.org.uk/; the site only links over https.
    assert any(link.url == "https://aimproject.org.uk/" for link in area.links)
    assert not any(c.phone or c.email for c in area.contacts)
    # Both routes are walked through as pathways.
    assert set(area.pathways) == {"child-protection-route", "criminal-justice-route"}


# --- 002 Wales: Better Futures Cymru -----------------------------------------------------------

TAITH = "https://www.barnardos.org.uk/what-we-do/services/taith-service"


def test_wales_better_futures_cymru(site):
    area = site.area("wales-better-futures-cymru")
    assert area.nation == "Wales"
    [service] = area.services
    assert service.name == "Better Futures Cymru"
    assert service.managed_by == "Barnardo's"
    assert (service.ages.from_, service.ages.to) == (5, 21)
    assert "5-21" in service.ages.wording
    assert "across Wales" in service.covers
    # Senior manager agreement is required, as a criterion and as an access condition.
    senior = "agreement is required from a senior manager in your organisation"
    assert any(senior in normal(a) for a in service.access)
    assert any(senior in normal(c.text) for c in area.referral_criteria)
    # The referral is downloaded from the taith-service page.
    [route] = area.referral_routes
    assert route.form_url == TAITH
    assert any(TAITH in step.text for step in route.steps)
    assert {link.url for link in area.links} == {
        "https://legacy.brook.org.uk/brook_tools/traffic/index.html?syn_partner",
        "https://learning.nspcc.org.uk/research-resources/2019/harmful-sexual-behaviour-framework"}
    # The document's link to the Wales Safeguarding Procedures had no address: none is invented.
    assert "wales safeguarding procedures" in normal(area.source.notes)
    assert not any(c.phone or c.email for c in area.contacts)


# --- 003 Bath and North East Somerset ----------------------------------------------------------

def test_bath_and_north_east_somerset(site):
    area = site.area("bath-and-north-east-somerset")
    assert area.short_name == "B&NES"
    contacts = {c.id: c for c in area.contacts}
    front = contacts["bnes-children-and-young-peoples-services"]
    assert normal(front.name) == normal("Children and Young People's Services in BANES")
    assert (front.phone.written, front.phone.display, front.phone.tel) == \
        ("01225 396313", "01225 396313", "tel:+441225396313")
    clare = contacts["bnes-hsb-consultation-clare-luxton"]
    assert clare.person == "Clare Luxton"
    assert normal(clare.name) == normal("Children's Social Care")  # her team
    assert clare.role and "consultation" in normal(clare.role)
    assert (clare.phone.display, clare.phone.tel) == ("01225 421686", "tel:+441225421686")
    assert len(area.phones) == 2
    # Who provides help: six agencies, in the document's order.
    who = next(g for g in area.guidance if g.id == "bnes-who-provides-help")
    assert [normal(i) for i in who.items] == [normal(i) for i in (
        "Bath and North East Somerset Children's Services", "Youth Offending Team",
        "Child and Adolescent Mental Health Service (CAMHS)", "School Nurses", "Schools", "Police")]
    [service] = area.services
    assert len(service.offers) == 4
    assert "AIM2" in service.assessment.models
    aims = next(g for g in area.guidance if g.id == "bnes-aims-of-the-work")
    assert len(aims.items) == 5
    assert len(area.cause_for_concern.items) == 3
    nspcc = next(d for d in area.definitions if d.quoted_from == "NSPCC")
    assert nspcc.text.startswith("Harmful sexual behaviour involves one or more children")


# --- 004 Blackpool -----------------------------------------------------------------------------

OUTCOMES = ("Early Help", "Child in Need", "Section 47 enquiry",
            "Threshold met for Initial Child Protection Conference", "Criminal prosecution")


def test_blackpool_sexually_harmful_behaviour_pathway(site):
    area = site.area("blackpool")
    pathway = area.pathways["sexually-harmful-behaviour"]
    nodes = pathway.nodes
    # The strategy meeting/discussion within 24 hours, on both routes.
    assert "within 24" in nodes["strategy-discussion"].timescale
    assert "within 24" in nodes["open-case-strategy-discussion"].timescale
    assert "current team manager to chair" in node_text(nodes["open-case-strategy-discussion"])
    # Green and amber/red after screening with the Brook Traffic Light Tool.
    labels = {o.label for o in nodes["screening-result"].options}
    assert labels == {"Green", "Amber or Red"}
    assert "brook traffic light tool" in node_text(nodes["screening"])
    # Every outcome of the strategy meeting, on the outcome page and in the guidance.
    outcome = nodes["strategy-meeting-outcome"]
    assert outcome.type == "outcome"
    for item in OUTCOMES:
        assert normal(item) in node_text(outcome)
    guidance = next(g for g in area.guidance if g.id == "blackpool-strategy-meeting-outcomes")
    assert list(guidance.items) == list(OUTCOMES)
    assert list(nodes["strategy-meeting"].actions) == [
        "Share information", "Identify risk, vulnerabilities and protective factors",
        "Multi agency safeguarding plan",
        "Consideration of Assessment, Intervention and Moving On (AIM) assessment"]
    # The new-request route has CAFA and the Assessment and Support Team; the open-case route not.
    route = [n.id for n in pathway.order()]
    assert "child-and-family-assessment" in route and "assessment-and-support-team" in route


def test_blackpool_aim_assessment_welfare_and_criminal(site):
    area = site.area("blackpool")
    pathway = area.pathways["aim-assessment"]
    start = pathway.nodes[pathway.start]
    assert {o.label for o in start.options} == {"Welfare", "Criminal"}
    branches = {o.label: o.next for o in start.options}

    def branch(first):
        """Node ids reachable from ``first`` until the branches meet at the report."""
        out, node_id = [], first
        while node_id != "assessment-report":
            out.append(node_id)
            node_id = pathway.nodes[node_id].next
        return out

    welfare = " ".join(node_text(pathway.nodes[n]) for n in branch(branches["Welfare"]))
    criminal = " ".join(node_text(pathway.nodes[n]) for n in branch(branches["Criminal"]))
    for text in (welfare, criminal):
        assert "6-8 weeks" in text
        assert "safeguarding quality and review (sqr)" in text
        assert "achieving best evidence (abe)" in text
    assert "children's services will take the lead role" in welfare
    assert "youth offending service will take the lead role" in criminal
    assert "court directions" in criminal and "court directions" not in welfare
    assert "police contact children's services" in criminal and "police contact" not in welfare
    # Shared ending: review chaired by SQR, panel via Head of Service, end meeting with SQR.
    assert "chaired by the sqr service" in node_text(pathway.nodes["review-strategy-meeting"])
    assert "head of service" in node_text(pathway.nodes["sexually-harmful-behaviour-panel"])
    assert pathway.nodes["end-strategy-meeting"].type == "outcome"
    # The two AIM routes, with their lead agencies.
    leads = {r.name: r.lead_agency for r in area.referral_routes}
    assert normal(leads["AIM assessment process: Welfare"]) == "children's services"
    assert leads["AIM assessment process: Criminal"] == "Youth Offending Service"
    assert not any(c.phone or c.email for c in area.contacts)


# --- site-wide: nothing invented ---------------------------------------------------------------

PHONE_LIKE = re.compile(r"(?<![\w/.=-])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){6,10}(?![\w/])")
SHORT_NUMBERS = re.compile(r"(?<![\w/.-])(?:999|112|111|101|116\s?\d{3})(?![\w/.-])")


def phone_digits(text: str) -> set[str]:
    """Phone numbers written in ``text``, as national digits (+44 becomes 0)."""
    out = set()
    for match in PHONE_LIKE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        out.add(digits)
    return out


def test_phone_finder_finds_numbers_however_written():
    text = ("Call 01225 396313, or +44 (0)1225 421686, or 0800 1111, or 0808-800-5000; "
            "not 2026-11-23, 6-8 weeks, 12-18, 5-21years, page 2019/harmful or section 47.")
    assert phone_digits(text) == {"01225396313", "01225421686", "08001111", "08088005000"}
    assert SHORT_NUMBERS.findall("ring 999 or 116 123, not 1999 or 999.5") == ["999", "116 123"]


def test_seed_phone_numbers_are_the_known_ones():
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= phone_digits(path.read_text(encoding="utf-8"))
    assert found == SEED_PHONES


@pytest.mark.parametrize("path", area_files(SERVICES), ids=lambda p: p.name)
def test_area_files_hold_only_seed_phone_numbers(path):
    text = path.read_text(encoding="utf-8")
    invented = phone_digits(text) - SEED_PHONES
    assert not invented, f"{path.name} has phone numbers no source document gives: {sorted(invented)}"
    assert not SHORT_NUMBERS.findall(text), \
        f"{path.name} has short numbers (999, 111 …) that belong in national.yml, not an area file"


def test_every_contact_phone_is_from_a_seed(site):
    used = set()
    for area in site.areas:
        for contact in area.contacts:
            if contact.phone:
                digits = "0" + contact.phone.tel.removeprefix("tel:+44")
                assert digits in SEED_PHONES, f"{area.id}/{contact.id}: {contact.phone.written}"
                used.add(digits)
    assert used == SEED_PHONES  # and every number a seed gives is offered to readers


@pytest.mark.parametrize("path", area_files(SERVICES), ids=lambda p: p.name)
def test_area_files_hold_only_seed_web_and_email_addresses(path):
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) \
        if SEEDS.is_dir() else None
    if seeds is None:
        pytest.skip(f"no seeds at {SEEDS}")
    text = path.read_text(encoding="utf-8")
    for url in re.findall(r"https?://[^\s'\"<>)]+", text):
        url = url.rstrip(".,;")
        # A document's http:// address is published in its https:// form, never the reverse.
        assert url in seeds or url.replace("https://", "http://", 1) in seeds, \
            f"{path.name}: {url} is in no source document"
    for email in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
        assert email in seeds, f"{path.name}: {email} is in no source document"


# --- site-wide: every pathway is a sound tree (model level) ------------------------------------

def pathway_cases():
    try:
        site = load_site(SERVICES)
    except ContentError as err:  # report it as a failing test, not a collection error
        return [pytest.param(None, err.report(), id="content-does-not-validate")]
    return [pytest.param(p, frozenset(a.pathways), id=f"{a.id}/{p.id}")
            for a in site.areas for p in a.pathways.values()]


@pytest.mark.parametrize("pathway, area_pathways", pathway_cases())
def test_pathway_is_reachable_and_ends_at_outcomes(pathway, area_pathways):
    if pathway is None:
        pytest.fail(f"services/ does not validate:\n{area_pathways}")
    nodes = pathway.nodes
    assert pathway.start in nodes
    for node in nodes.values():
        for target in node.targets:
            assert target in nodes, f"{node.id} leads to missing node {target}"
        if node.type == "outcome":
            assert node.targets == (), f"outcome {node.id} leads on"
        elif node.type == "step":
            assert len(node.targets) == 1 and not node.options, f"step {node.id}"
        else:
            assert node.type == "question"
            labels = [o.label for o in node.options]
            assert len(labels) >= 2 and len(set(labels)) == len(labels), f"question {node.id}"
    # Every node is reachable from the start.
    graph = Graph(pathway.start, {node_id: node.targets for node_id, node in nodes.items()})
    seen = graph.reachable()
    assert seen == set(nodes), f"unreachable: {sorted(set(nodes) - seen)}"
    # No loops: every path from the start ends, and it ends at an outcome.
    for loop in graph.loops():
        raise AssertionError(f"loop: {' → '.join(loop.trail + (loop.target,))}")
    for node_id in seen:
        if not nodes[node_id].targets:
            assert nodes[node_id].type == "outcome", f"{node_id} is a dead end but not an outcome"
    assert pathway.outcomes, "no outcome"
    # The model's own helpers agree: reading order covers every node; each has a route from start.
    assert {n.id for n in pathway.order()} == set(nodes)
    # Every node is on a page, and every page is reached from the first one.
    pages = pathway.pages
    assert set(pages.page_of) == set(nodes)
    assert set(pages.topological) == set(pages.stages)
    assert pages.topological[0] == pathway.start
    for node in nodes.values():
        for ref in node.see_also:
            assert ref in area_pathways and ref != pathway.id, f"{node.id} see_also {ref}"


# --- transcription faults found by reading the seeds against the pages --------------------------

def walk(pathway, *answers: str) -> list[str]:
    """The node ids a reader passes, answering each question with the next of ``answers`` (a
    label's start is enough) and continuing past each step, to the end."""
    node, left, passed = pathway.nodes[pathway.start], list(answers), []
    while True:
        passed.append(node.id)
        if node.type == "outcome":
            assert not left, f"answers left over at {node.id}: {left}"
            return passed
        if node.type == "step":
            node = pathway.nodes[node.next]
            continue
        wanted = left.pop(0)
        [option] = [o for o in node.options if o.label == wanted] or \
            [o for o in node.options if o.label.startswith(wanted)][:1]
        node = pathway.nodes[option.next]


def test_every_pathway_states_its_provenance(site):
    """Only Blackpool's document draws its pathways; the others were built from prose."""
    found = {(a.id, p.id): p.provenance for a in site.areas for p in a.pathways.values()}
    assert found == {
        ("bath-and-north-east-somerset", "consultation-to-moving-on"): "built-from-text",
        ("blackpool", "sexually-harmful-behaviour"): "source-flowchart",
        ("blackpool", "aim-assessment"): "source-flowchart",
        ("solihull", "child-protection-route"): "built-from-text",
        ("solihull", "criminal-justice-route"): "built-from-text",
        ("south-gloucestershire", "can-i-refer"): "built-from-text",
        ("wales-better-futures-cymru", "referring-to-better-futures"): "built-from-text",
    }


def test_south_gloucestershire_outcomes_name_the_referral_route(site):
    """The document: "If you are worried about a young person, a referral can be made via the
    Access and Response Team." The outcomes for criteria not yet met say so and name the team."""
    pathway = site.area("south-gloucestershire").pathways["can-i-refer"]
    for outcome in ("sg-out-investigate-first", "sg-out-process-not-completed"):
        node = pathway.nodes[outcome]
        assert [c.id for c in node.contacts] == ["sg-access-and-response-team"], outcome
        assert "a referral can be made via the Access and Response Team" in " ".join(node.text.split())


def test_south_gloucestershire_exceptions_branch_asks_every_question(site):
    """No allocated/named professional ("with exceptions to be agreed") still leads through the
    significant-adult and safe-place questions; the age question comes first, as a knock-out."""
    pathway = site.area("south-gloucestershire").pathways["can-i-refer"]
    route = walk(pathway, "Yes", "Yes", "Yes, any", "Yes", "No", "Yes", "Yes")
    assert route[0] == "sg-q-age-and-area"
    assert "sg-out-exceptions-to-be-agreed" in route
    assert route.index("sg-out-exceptions-to-be-agreed") < route.index("sg-q-significant-adult") \
        < route.index("sg-q-safe-place")
    assert route[-1] == "sg-out-refer"
    assert pathway.nodes["sg-out-exceptions-to-be-agreed"].type == "step"


def test_south_gloucestershire_police_investigation_is_not_properly_investigated(site):
    """A case under current police investigation is discussed on an individual basis: no hint
    tells the reader to answer that it has been properly investigated."""
    pathway = site.area("south-gloucestershire").pathways["can-i-refer"]
    question = pathway.nodes["sg-q-investigated"]
    yes = next(o for o in question.options if o.label == "Yes")
    assert yes.hint is None or "investigation" not in yes.hint
    assert walk(pathway, "Yes", "No, the case is under current police investigation")[-1] == \
        "sg-out-discussed-individually"


def test_bath_and_north_east_somerset_not_a_concern_is_a_way_out(site):
    """The consultation is "to consider whether the child's/young person sexualised behaviour is
    a concern": when it is not, the pathway ends there, before any strategy discussion."""
    pathway = site.area("bath-and-north-east-somerset").pathways["consultation-to-moving-on"]
    route = walk(pathway, "No")
    assert route[-1] == "not-a-concern"
    assert not {"strategy-discussion", "assessment", "intervention", "moving-on"} & set(route)
    assert route.index("consultation") < route.index("is-a-concern")


def test_solihull_criminal_justice_order_follows_the_policy(site):
    """Section 6.5: after a guilty plea the AIM2 assessment waits for the guilty verdict, so the
    assessment can inform the court's Pre Sentence Report only after that; custody follows."""
    pathway = site.area("solihull").pathways["criminal-justice-route"]
    route = walk(pathway, "Yes", "Yes", "No")
    assert route.index("cj-assessment-delayed") < route.index("cj-q-pre-sentence-report") \
        < route.index("cj-pre-sentence-report") < route.index("cj-q-custody")
    for answers in (("Yes", "Yes", "No"), ("No", "Yes", "No"), ("No", "No", "Yes", "Yes")):
        route = walk(pathway, *answers)
        if "cj-pre-sentence-report" in route:
            assert "cj-q-pleaded-guilty" in route[:route.index("cj-pre-sentence-report")]


def test_solihull_questions_ask_one_thing(site):
    """The victim-of-abuse question and the significant-harm question are asked one at a time."""
    pathway = site.area("solihull").pathways["child-protection-route"]
    for node in pathway.nodes.values():
        if node.type == "question":
            assert ", and is " not in node.title, f"{node.id} asks two things: {node.title}"
    assert "cp-q-victim-significant-harm" in walk(pathway, "Yes", "Yes", "Yes", "No", "No")
