"""Synthetic content: any number of fictional but realistic area files that pass validation.

For tests and benchmarks, never for the site. Places, people and organisations are made up;
every phone number is in one of Ofcom's ranges kept for TV and radio drama, so none reaches a
real person; every web address is on example.org and every email on an example.org host.
The same seed always gives the same files.

    write_dataset(Path("/tmp/areas"), n=400, seed=1)   # then: validate(Path("/tmp/areas"))
"""
from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

from .catalogue import GLOSSARY, NATIONAL, SYNONYMS
from .schema_check import SCHEMA_DIR

# Dates are fixed, not relative to today, so a seed gives the same files on any day.
NEWEST_REVIEW = dt.date(2025, 10, 1)
OLDEST_REVIEW_DAYS = 540

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# -- Places ------------------------------------------------------------------------------------

PLACE_STEMS = (
    "Ashcombe", "Brackley Vale", "Brightwell", "Caldmoor", "Carrow", "Dunholm", "Eastwick",
    "Elmsford", "Fallowfield", "Farleigh", "Glenmarsh", "Greystone", "Hadleigh Cross",
    "Hartwell", "Hollinmoor", "Ivyhythe", "Kelsford", "Kingsmere", "Larkhill Down",
    "Lowmoor", "Marlcombe", "Millbrook", "Netherby", "Northam Wold", "Oakhurst", "Orrington",
    "Pellow", "Penrose", "Quarrington", "Ravensholm", "Redcastle", "Rowanford", "Saltmarsh",
    "Sedgefold", "Shepley", "Stoneleigh", "Tamsworth", "Thornby Edge", "Upperby", "Valewick",
    "Wadecombe Moor", "Westermere", "Whitcombe", "Wickford Lea", "Willowdene", "Wyndham",
    "Yarrowby", "Amberleigh", "Bramblemoor", "Coldharbour", "Dovercourt Hill", "Ferndale Vale",
    "Goldthorpe", "Heathcote", "Lindenshaw", "Moorcroft", "Northwood Fell", "Oldcastle Bay",
    "Pinewick", "Rushmere",
)
QUALIFIERS = ("", "North", "South", "East", "West", "Upper", "Lower", "Greater", "Mid",
              "Vale of")
# Spread over the four nations roughly as local areas are.
NATION_CYCLE = ("England",) * 6 + ("Wales", "Scotland", "Scotland", "Northern Ireland")

# -- Ofcom drama numbers (prefix, then three digits 000-999) -----------------------------------

DRAMA_PHONES = {
    "England": ("0113 496 0", "0114 496 0", "0116 496 0", "0117 496 0", "0118 496 0",
                "0121 496 0", "0151 496 0", "0161 496 0", "0191 498 0", "020 7946 0"),
    "Wales": ("029 2018 0",),
    "Scotland": ("0131 496 0", "0141 496 0"),
    "Northern Ireland": ("028 9649 6",),
}
DRAMA_FREEPHONE = "0808 157 0"

# -- Organisations and people ------------------------------------------------------------------

CHARITIES = ("Brightpath Children's Charity", "Northstar Family Trust",
             "Kestrel Young People's Services", "Harbour Lights Foundation")
FIRST_NAMES = ("Alex", "Sam", "Jordan", "Priya", "Morgan", "Rhian", "Eilidh", "Ciaran", "Tomasz",
               "Aisha", "Gareth", "Niamh", "Kwame", "Fiona", "Dylan", "Mei")
LAST_NAMES = ("Morgan", "Okafor", "Campbell", "Hughes", "Patel", "Kowalski", "MacLeod",
              "O'Neill", "Evans", "Rahman", "Turner", "Doyle", "Sinclair", "Price")

FRONT_DOOR = {
    "England": "Multi-Agency Safeguarding Hub (MASH)",
    "Wales": "Information, Advice and Assistance Service",
    "Scotland": "Social Work Duty Team",
    "Northern Ireland": "Gateway Service",
}
PARTNERSHIP = {
    "England": "{name} Safeguarding Children Partnership",
    "Wales": "{name} Regional Safeguarding Board",
    "Scotland": "{name} Child Protection Committee",
    "Northern Ireland": "{name} Local Safeguarding Panel",
}
HEALTH = {
    "England": "{name} NHS Foundation Trust",
    "Wales": "{name} University Health Board",
    "Scotland": "NHS {name}",
    "Northern Ireland": "{name} Health and Social Care Trust",
}
MODELS = ("AIM3", "AIM2", "AIM Under 12s", "ERASOR", "J-SOAP-II", "Brook Traffic Light Tool")
AGE_WORDINGS = ("from {a} up to the age of {b}", "children and young people aged {a} to {b}",
                "{a}-{b} years", "aged {a} to {b} inclusive")

# -- Pathway wording ---------------------------------------------------------------------------

QUESTIONS = (
    "Is a child in immediate danger?",
    "Is the behaviour within the range of healthy sexual development?",
    "Does the behaviour involve force, threats or coercion?",
    "Is there a significant difference in age, size or power between the children?",
    "Is the child already an open case to children's social care?",
    "Has a crime been reported to the police?",
    "Are both children under 10?",
    "Do the parents or carers agree to a request for support?",
    "Has a strategy discussion been held?",
    "Is the behaviour happening online?",
    "Does the screening show amber or red concerns?",
    "Is a specialist assessment needed?",
    "Has the child been harmed by the behaviour?",
    "Is the child looked after or living away from home?",
    "Is the school already involved?",
)
STEPS = (
    "Record the concern", "Speak to your designated safeguarding lead",
    "Make a request for support", "Screening by a social worker", "Strategy discussion",
    "Interim safety plan", "Child and family assessment", "AIM assessment",
    "Multi-agency planning meeting", "Work with parents and carers", "Review meeting",
    "Information sharing with school",
    "Consultation with the HSB team", "Safety plan at school",
    "Record the decision and the reasons",
)
OUTCOMES = (
    "Call 999", "Universal support and education", "Early help assessment",
    "Referral to the harmful sexual behaviour service", "Section 47 enquiry",
    "Police investigation", "No further action: record and monitor",
    "Specialist therapeutic intervention",
)
LABEL_SETS = {
    2: (("Yes", "No"), ("Under 10", "10 or over"), ("Open case", "New request"),
        ("Green", "Amber or red")),
    3: (("Yes", "No", "Not sure"), ("Green", "Amber", "Red")),
    4: (("Green", "Amber", "Red", "Not known"),),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def place_names(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` distinct fictional (id, name) pairs: qualified stems first, then pairs of stems."""
    singles = [f"{q} {s}".strip() for q in QUALIFIERS for s in PLACE_STEMS]
    rng.shuffle(singles)
    names, seen = [], set()

    def take(name: str) -> None:
        if _slug(name) not in seen:
            seen.add(_slug(name))
            names.append(name)

    for name in singles:
        if len(names) == n:
            break
        take(name)
    while len(names) < n:  # beyond 600: "X and Y", then numbered districts
        a, b = rng.sample(PLACE_STEMS, 2)
        take(f"{a} and {b}" if len(seen) < 3000 else f"{a} District {len(names)}")
    return [(_slug(name), name) for name in names]


# -- One area ----------------------------------------------------------------------------------

class _AreaMaker:
    """Builds one area's data; ``rng`` decides every choice, so a seed repeats exactly."""

    def __init__(self, rng: random.Random, area_id: str, name: str, nation: str):
        self.rng, self.id, self.name, self.nation = rng, area_id, name, nation
        self.domain = f"{area_id}.example.org"
        self.reviewed = NEWEST_REVIEW - dt.timedelta(days=rng.randrange(OLDEST_REVIEW_DAYS))
        self.council = (f"{name} Council" if nation != "Northern Ireland"
                        else HEALTH[nation].format(name=name))

    def pick(self, seq, k=None):
        return self.rng.choice(seq) if k is None else self.rng.sample(seq, k)

    def url(self, *path: str) -> str:
        return "https://example.org/" + "/".join((self.id, *path))

    # contacts --------------------------------------------------------------------------------

    def contacts(self) -> list[dict]:
        digits = self.rng.sample(range(1000), 6)
        ranges = DRAMA_PHONES[self.nation]

        def phone(i: int, freephone=False) -> str:
            return (DRAMA_FREEPHONE if freephone else self.pick(ranges)) + f"{digits[i]:03d}"

        front = FRONT_DOOR[self.nation]
        made = [
            {"id": f"{self.id}-front-door", "name": front, "organisation": self.council,
             "role": "Requests for support and safeguarding concerns about a child",
             "phone": phone(0), "email": f"front.door@{self.domain}",
             "hours": "Monday to Thursday 8:30am to 5pm, Friday 8:30am to 4:30pm",
             "have_ready": ["The child's name, date of birth and address",
                            "What happened, when, and who was involved",
                            "Whether the parents or carers know you are calling"]},
            {"id": f"{self.id}-hsb-team", "name": "Harmful Sexual Behaviour Team",
             "organisation": self.council,
             "role": "Consultation about harmful sexual behaviour",
             "phone": phone(1), "email": f"hsb.team@{self.domain}",
             "website": self.url("hsb-team")},
        ]
        optional = [
            {"id": f"{self.id}-out-of-hours", "name": "Emergency Duty Team",
             "organisation": self.council, "phone": phone(2),
             "hours": "Evenings, weekends and bank holidays",
             "how_to_contact": "Call if a child is at risk of significant harm and the front "
                               "door is closed; in an emergency call 999."},
            {"id": f"{self.id}-practice-lead", "name": "Harmful Sexual Behaviour Team",
             "person": f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}",
             "role": "HSB Practice Lead", "email": f"hsb.lead@{self.domain}",
             "address": f"Civic Centre, 1 Market Street, {self.name}, XX1 1XX",
             "last_reviewed": (self.reviewed - dt.timedelta(days=30)).isoformat()},
            {"id": f"{self.id}-youth-justice", "name": "Youth Justice Service",
             "organisation": self.council, "phone": phone(3),
             "role": "Children aged 10 to 17 in the criminal justice system"},
            {"id": f"{self.id}-helpline", "name": "Parents and Carers Helpline",
             "organisation": self.pick(CHARITIES), "phone": phone(4, freephone=True),
             "hours": "Monday to Friday 9am to 9pm; Saturday 10am to 2pm"},
            {"id": f"{self.id}-referral-form", "name": "Referrals by form",
             "how_to_contact": "Send the inter-agency referral form by secure email to the "
                               "front door; do not send it by post."},
        ]
        return made + self.pick(optional, self.rng.randint(1, 4))

    # services --------------------------------------------------------------------------------

    def ages(self) -> dict:
        low, high = self.rng.randint(5, 12), self.pick((17, 18, 18, 19, 21, 25))
        return {"from": low, "to": high,
                "wording": self.pick(AGE_WORDINGS).format(a=low, b=high)}

    def services(self, contact_ids: list[str]) -> list[dict]:
        health = HEALTH[self.nation].format(name=self.name)
        charity = self.pick(CHARITIES)
        templates = [
            ("hsb-service", "Harmful Sexual Behaviour Service", self.council, None),
            ("turning-point", "Turning Point Project", charity, None),
            ("youth-justice-hsb", "Youth Justice HSB Programme",
             f"{self.name} Youth Justice Service", self.council),
            ("camhs-forensic", "Forensic Child and Adolescent Mental Health Service", health, None),
            ("family-support", "Family Support Service", f"{self.name} Family Centre", charity),
            ("early-help-consultation", "Early Help Consultation Line", self.council, None),
            ("group-work", "Healthy Relationships Group Work", charity, None),
        ]
        made = []
        for key, title, provider, manager in self.pick(templates, 5):
            service = {
                "id": f"{self.id}-{key}", "name": title, "provider": provider,
                "description": (
                    f"{title} works with children and young people in {self.name} whose sexual "
                    "behaviour is harmful to themselves or others, and with their families.\n\n"
                    "Work is planned with the child's network and reviewed regularly."),
                "for_whom": "Children and young people who display harmful sexual behaviour, "
                            "and their parents or carers.",
                "ages": self.ages(),
                "covers": self.name,
                "eligibility": self.pick([
                    f"The child lives in {self.name} or is looked after by {self.council}.",
                    "The behaviour has been screened using the Brook Traffic Light Tool.",
                    "A named professional will stay involved while the work goes on.",
                    "The parents or carers know about the referral, unless this would put a "
                    "child at risk."], self.rng.randint(2, 4)),
                "access": ["Discuss the referral with your manager or designated safeguarding "
                           "lead first."],
                "offers": self.pick(["Consultation for professionals", "Assessment",
                                     "One-to-one work with the child",
                                     "Work with parents and carers",
                                     "Safety planning with schools", "Training for staff"],
                                    self.rng.randint(2, 5)),
                "assessment": {
                    "aim": "To understand the behaviour and what help the child and family need.",
                    "models": self.pick(MODELS, self.rng.randint(1, 3)),
                    "includes": ["Interviews with the child, parents or carers",
                                 "Information from school and other agencies"],
                    "report_presents": ["Strengths and concerns", "A plan of intervention"]},
                "interventions": [{
                    "title": "Good Lives work", "aim": "Meeting needs in healthy ways",
                    "text": "Weekly sessions with the child over about six months."}],
                "follow_up": {"text": "A review three months after the work ends."},
                "contacts": self.pick(contact_ids, self.rng.randint(1, 2)),
                "website": self.url("services", key),
            }
            if manager:
                service["managed_by"] = manager
            if self.rng.random() < 0.2:
                service["last_reviewed"] = (self.reviewed - dt.timedelta(days=60)).isoformat()
            made.append(service)
        return made

    # routes, criteria, guidance --------------------------------------------------------------

    def criteria(self, service_ids: list[str]) -> list[dict]:
        return [
            {"id": f"{self.id}-criterion-consent",
             "text": "Parents or carers have been told about the referral, **unless** this "
                     "would put a child at risk."},
            {"id": f"{self.id}-criterion-screened",
             "text": "The behaviour has been screened with the Brook Traffic Light Tool.",
             "service": service_ids[0]},
            {"id": f"{self.id}-criterion-resident",
             "text": f"The child lives in {self.name}.", "service": service_ids[1],
             "detail": "Children placed out of area can be referred by their home authority."},
        ][: self.rng.randint(2, 3)]

    def routes(self, contact_ids: list[str], service_ids: list[str],
               pathway_ids: list[str]) -> list[dict]:
        steps_welfare = [
            {"text": "Make a request for support to the front door.", "who": "Any professional"},
            {"text": "The request is screened by a social worker.", "who": "Social worker",
             "timescale": "within 1 working day"},
            {"text": "Amber or red concerns lead to a strategy discussion.",
             "who": "Children's social care", "timescale": "within 24 hours"},
            {"text": "An assessment is agreed and a plan made with the family."},
            {"text": "The plan is reviewed at a multi-agency meeting.",
             "timescale": "every 6 weeks"},
        ]
        steps_criminal = [
            {"text": "The police record the incident and contact children's social care.",
             "who": "Police"},
            {"text": "A joint strategy discussion decides who leads.",
             "timescale": "within 24 hours"},
            {"text": "The youth justice service completes an assessment.",
             "who": "Youth justice service", "timescale": "within 20 working days"},
        ]
        welfare = {
            "id": f"{self.id}-welfare-route", "name": "Welfare route",
            "who_can_use": "Any professional worried about a child's sexual behaviour.",
            "service": service_ids[0], "lead_agency": "Children's social care",
            "form": "Inter-agency referral form", "form_url": self.url("forms", "referral.docx"),
            "steps": steps_welfare[: self.rng.randint(3, 5)],
            "timescales": ["A decision on the request within 1 working day."],
            "contacts": contact_ids[:2], "pathway": pathway_ids[0]}
        criminal = {
            "id": f"{self.id}-criminal-route", "name": "Criminal justice route",
            "who_can_use": "Where a crime has been reported to the police.",
            "lead_agency": "Police, then the youth justice service",
            "steps": steps_criminal,
            "timescales": ["The strategy discussion within 24 hours of the report."],
            "contacts": [contact_ids[0]]}
        if len(pathway_ids) > 1:
            criminal["pathway"] = pathway_ids[1]
        return [welfare, criminal]

    def guidance(self) -> list[dict]:
        return [
            {"id": f"{self.id}-talking-to-your-child", "title": "Talking to your child",
             "audience": ["parents"],
             "paragraphs": ["Stay calm and listen. Children often find it hard to talk about "
                            "sexual behaviour, and your reaction matters.",
                            "You do not have to have all the answers; you can ask for help."],
             "items": ["Use words your child understands", "Do not ask leading questions",
                       "Write down what was said as soon as you can"]},
            {"id": f"{self.id}-who-will-know", "title": "Who will know",
             "audience": ["parents", "professionals"],
             "paragraphs": ["Information is shared only with the people who need it to keep "
                            "children safe."],
             "after": ["You can ask to see what has been written about your family."]},
        ]

    # pathways --------------------------------------------------------------------------------

    def pathway(self, title: str, contact_ids: list[str], other: str | None) -> dict:
        """A DAG of 8-15 nodes: every edge points forward, every sink is an outcome."""
        rng = self.rng
        n = rng.randint(8, 15)
        k = rng.randint(2, 4)  # outcomes, placed last
        m = n - k
        middle = [rng.choice(("question", "step")) for _ in range(m - 2)]
        kinds = ["question", *middle, "question"]
        while kinds.count("question") > len(QUESTIONS):  # never more nodes than wordings
            kinds[kinds.index("question", 1)] = "step"
        capacity = [2] + [rng.choice((2, 3)) if t == "question" else 1 for t in kinds[1:]]
        children: list[list[int]] = [[] for _ in range(n)]
        children[0].append(n - 1)  # the start asks about danger: "Yes" leads to "Call 999"
        # A spanning tree first, so every node is reachable from the start.
        for j in range(1, n - 1):
            parents = [i for i in range(min(j, m)) if len(children[i]) < capacity[i]]
            if not parents:  # only late outcomes can get here; widen a question to 4 answers
                parents = [i for i in range(min(j, m))
                           if kinds[i] == "question" and capacity[i] < 4]
                capacity[parents[-1]] += 1
                parents = parents[-1:]
            children[rng.choice(parents)].append(j)
        # Then every question needs two answers and every step a next.
        for i in range(m):
            need = 2 if kinds[i] == "question" else 1
            while len(children[i]) < need:
                target = rng.randrange(i + 1, n)
                if target not in children[i]:
                    children[i].append(target)

        titles = ([QUESTIONS[0]] + rng.sample(QUESTIONS[1:], kinds.count("question") - 1)
                  + rng.sample(STEPS, kinds.count("step"))
                  + rng.sample(OUTCOMES[1:], k - 1) + [OUTCOMES[0]])
        by_kind = {"question": iter(titles[:kinds.count("question")]),
                   "step": iter(titles[kinds.count("question"):m]),
                   "outcome": iter(titles[m:])}
        ids, node_titles = [], []
        for kind in kinds + ["outcome"] * k:
            node_title = next(by_kind[kind])
            node_titles.append(node_title)
            ids.append(_slug(node_title)[:60].strip("-"))

        nodes = {}
        for i, kind in enumerate(kinds + ["outcome"] * k):
            node = {"type": kind, "title": node_titles[i]}
            if kind == "question":
                labels = ("Yes", "No") if i == 0 else rng.choice(LABEL_SETS[len(children[i])])
                node["options"] = [{"label": label, "next": ids[t]}
                                   for label, t in zip(labels, children[i])]
                if rng.random() < 0.4:
                    node["text"] = "If you are not sure, talk to your safeguarding lead."
            elif kind == "step":
                node.update({"text": "This happens before any decision is made.",
                             "who": rng.choice(("Referrer", "Social worker", "Police",
                                                "Designated safeguarding lead")),
                             "timescale": rng.choice(("within 24 hours", "the same day",
                                                      "within 5 working days")),
                             "actions": ["Write down what you saw or heard",
                                         "Share it with the people who need to know"],
                             "next": ids[children[i][0]]})
                if rng.random() < 0.5:
                    node["contacts"] = rng.sample(contact_ids, 1)
            else:
                node.update({"text": "The lead agency contacts the family.",
                             "lead": rng.choice(("Children's social care", "Police",
                                                 "Youth justice service", "Early help")),
                             "timescale": "within 10 working days",
                             "contacts": rng.sample(contact_ids, rng.randint(1, 2))})
                if other and rng.random() < 0.5:
                    node["see_also"] = [other]
            nodes[ids[i]] = node
        return {"title": title, "provenance": "built-from-text",
                "summary": f"For professionals in {self.name} worried about a child's sexual "
                           "behaviour.",
                "start": ids[0], "nodes": nodes}

    # the whole file --------------------------------------------------------------------------

    def build(self) -> dict:
        rng = self.rng
        contacts = self.contacts()
        contact_ids = [c["id"] for c in contacts]
        services = self.services(contact_ids)
        service_ids = [s["id"] for s in services]
        pathway_ids = ["hsb-pathway", "criminal-justice-pathway"][: rng.randint(1, 2)]
        pathways = {}
        for i, pid in enumerate(pathway_ids):
            other = pathway_ids[1 - i] if len(pathway_ids) == 2 else None
            title = "Harmful sexual behaviour pathway" if i == 0 else "Criminal justice pathway"
            pathways[pid] = self.pathway(title, contact_ids, other)
        partnership = PARTNERSHIP[self.nation].format(name=self.name)
        return {
            "id": self.id, "name": self.name, "nation": self.nation,
            "partnership": partnership,
            "source": {"title": f"{self.name} Harmful Sexual Behaviour Guidance",
                       "publisher": partnership, "url": self.url("guidance.pdf")},
            "last_reviewed": self.reviewed.isoformat(),
            "summary": (f"In {self.name}, worries about a child's sexual behaviour go to the "
                        f"{FRONT_DOOR[self.nation]}. Specialist help comes from "
                        f"{services[0]['provider']} and partners."),
            "definitions": [{"id": f"{self.id}-hsb-definition",
                             "text": "Sexual behaviours expressed by children and young people "
                                     "under the age of 18 years old that are developmentally "
                                     "inappropriate, may be harmful towards self or others, or "
                                     "be abusive towards another child, young person or adult.",
                             "quoted_from": "Hackett 2014"}],
            "indicators": {"intro": "Some children who display harmful sexual behaviour have:",
                           "items": ["experienced abuse or neglect",
                                     "seen domestic abuse at home",
                                     "had early exposure to sexual material"]},
            "risk_factors": {"items": ["Use of force or threats", "Secrecy",
                                       "A big difference in age or power"]},
            "healthy_behaviour": {"items": ["Curiosity about bodies in young children",
                                            "Consensual relationships between peers of a "
                                            "similar age"],
                                  "notes": ["Healthy behaviour is mutual, playful and "
                                            "light-hearted."]},
            "cause_for_concern": {"intro": "Ask yourself:",
                                  "items": ["Is it frequent or persistent?",
                                            "Is anyone upset or hurt?"]},
            "services": services,
            "referral_criteria": self.criteria(service_ids),
            "referral_routes": self.routes(contact_ids, service_ids, pathway_ids),
            "contacts": contacts,
            "guidance": self.guidance(),
            "links": [{"title": f"{self.name} safeguarding procedures",
                       "url": self.url("procedures"),
                       "description": "The partnership's child protection procedures."},
                      {"title": "Brook Traffic Light Tool guidance",
                       "url": "https://example.org/brook-traffic-light-tool"}],
            "pathways": pathways,
        }


def make_area(rng: random.Random, area_id: str, name: str, nation: str) -> dict:
    """One area file's data."""
    return _AreaMaker(rng, area_id, name, nation).build()


def make_areas(n: int = 400, seed: int = 0) -> list[dict]:
    """``n`` areas' data; the same seed always gives the same areas."""
    rng = random.Random(seed)
    return [make_area(rng, area_id, name, NATION_CYCLE[i % len(NATION_CYCLE)])
            for i, (area_id, name) in enumerate(place_names(n, rng))]


# -- national.yml, glossary.yml and writing ----------------------------------------------------

MINIMAL_NATIONAL = {
    "last_reviewed": NEWEST_REVIEW.isoformat(),
    "help": [{"id": "emergency", "name": "Emergency services", "emergency": True,
              "for": "If a child is in immediate danger.", "phone": "999",
              "provenance": "Synthetic test data",
              "last_reviewed": NEWEST_REVIEW.isoformat()}],
}
MINIMAL_GLOSSARY = {"terms": [
    {"term": "HSB", "stands_for": "Harmful sexual behaviour",
     "meaning": "Sexual behaviour by a child that is harmful to themselves or others."},
    {"term": "AIM", "stands_for": "Assessment, Intervention and Moving On",
     "meaning": "A way of assessing children who display harmful sexual behaviour."},
    {"term": "MASH", "stands_for": "Multi-Agency Safeguarding Hub",
     "meaning": "Where agencies decide together what to do about a worry about a child."},
]}


def dump(data: dict) -> str:
    """Data as YAML that the signpost loader reads back unchanged."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)


def with_welsh(area: dict) -> dict:
    """The area published in English and Welsh, every second text written with en:/cy: (its
    "Welsh" the English itself, alternately checked and draft; the rest left without Welsh), as
    a partnership part way through its translation would have it. For measuring, not for reading."""
    from .welsh_check import _document_words, text_values
    area = {**area, "languages": ["en", "cy"]}
    for i, (path, value) in enumerate(list(text_values(area, "area"))):
        if i % 2 or _document_words(path):
            continue
        parent = area
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = {"en": value, "cy": value, "cy_reviewed": i % 4 == 0}
    return area


def write_dataset(out_dir: Path, n: int = 400, seed: int = 0,
                  real_services: Path | None = None, welsh_every: int = 0) -> list[Path]:
    """Write ``n`` area files, national.yml, glossary.yml and schema/ into ``out_dir``.

    national.yml and glossary.yml are copied from ``real_services`` when it has them, else
    minimal valid ones are written. ``welsh_every``: one area in that many is published in
    Welsh too (with_welsh). Returns the area files written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i, area in enumerate(make_areas(n, seed)):
        if welsh_every and i % welsh_every == 0:
            area = with_welsh(area)
        path = out_dir / f"{area['id']}.yml"
        path.write_text("# yaml-language-server: $schema=schema/area.schema.json\n" + dump(area),
                        encoding="utf-8")
        written.append(path)
    real = Path(real_services) / SYNONYMS if real_services else None
    if real and real.is_file():  # optional: copied when there is one
        shutil.copyfile(real, out_dir / SYNONYMS)
    for name, minimal in ((NATIONAL, MINIMAL_NATIONAL), (GLOSSARY, MINIMAL_GLOSSARY)):
        real = Path(real_services) / name if real_services else None
        if real and real.is_file():
            shutil.copyfile(real, out_dir / name)
        else:
            (out_dir / name).write_text(dump(minimal), encoding="utf-8")
    shutil.copytree(SCHEMA_DIR, out_dir / "schema", dirs_exist_ok=True)
    return written
