"""One synthetic area's data (signpost.synth): contacts, services, routes and pathways, every
choice made by one random generator so a seed repeats exactly; its sections of prose (definitions,
signs, guidance, links) are the example area's (signpost.example_area).
"""
from __future__ import annotations

import datetime as dt
import random

from .example_area import example_area
from .synth_pathway import make_pathway
from .synth_words import (AGE_WORDINGS, CHARITIES, DRAMA_FREEPHONE, DRAMA_PHONES, FIRST_NAMES,
                          FRONT_DOOR, HEALTH, LAST_NAMES, MODELS, NEWEST_REVIEW,
                          OLDEST_REVIEW_DAYS, PARTNERSHIP)


_EXAMPLE_ONLY = ("front_door", "out_of_hours", "next_steps", "families")


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

    # routes and criteria -----------------------------------------------------------------

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
            pathways[pid] = make_pathway(rng, self.name, title, contact_ids, other)
        partnership = PARTNERSHIP[self.nation].format(name=self.name)
        # The example area (signpost.example_area) gives the sections of prose and the order
        # of the fields; everything else is made here. Its front door, out-of-hours line, next
        # steps and page for families name its own contacts and document, so they are left out.
        area = {key: value for key, value in example_area(self.id, self.name).items()
                if key not in _EXAMPLE_ONLY}
        area.update({
            "nation": self.nation, "partnership": partnership,
            "source": {"title": f"{self.name} Harmful Sexual Behaviour Guidance",
                       "publisher": partnership, "url": self.url("guidance.pdf")},
            "last_reviewed": self.reviewed.isoformat(),
            "summary": (f"In {self.name}, worries about a child's sexual behaviour go to the "
                        f"{FRONT_DOOR[self.nation]}. Specialist help comes from "
                        f"{services[0]['provider']} and partners."),
            "services": services,
            "referral_criteria": self.criteria(service_ids),
            "referral_routes": self.routes(contact_ids, service_ids, pathway_ids),
            "contacts": contacts,
            "pathways": pathways,
        })
        return area


def make_area(rng: random.Random, area_id: str, name: str, nation: str) -> dict:
    """One area file's data."""
    return _AreaMaker(rng, area_id, name, nation).build()
