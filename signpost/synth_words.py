"""What synthetic areas are made of: made-up places, people and organisations, Ofcom's numbers
kept for TV and radio drama, and the wording of pathways (signpost.synth).
"""
from __future__ import annotations

import datetime as dt
import random
import re

# Dates are fixed, not relative to today, so a seed gives the same files on any day.
NEWEST_REVIEW = dt.date(2025, 10, 1)
OLDEST_REVIEW_DAYS = 540

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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def place_names(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` distinct fictional (id, name) pairs: qualified stems first, then pairs of stems."""
    singles = [f"{q} {s}".strip() for q in QUALIFIERS for s in PLACE_STEMS]
    rng.shuffle(singles)
    names, seen = [], set()

    def take(name: str) -> None:
        if slug(name) not in seen:
            seen.add(slug(name))
            names.append(name)

    for name in singles:
        if len(names) == n:
            break
        take(name)
    while len(names) < n:  # beyond 600: "X and Y", then numbered districts
        a, b = rng.sample(PLACE_STEMS, 2)
        take(f"{a} and {b}" if len(seen) < 3000 else f"{a} District {len(names)}")
    return [(slug(name), name) for name in names]
