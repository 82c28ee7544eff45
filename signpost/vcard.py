"""A contact as a vCard, so a reader can save a team's details to their phone or address book.

vCard 3.0 (RFC 2426, with the line rules of RFC 2425): it is the version phones and desktop
address books all import, where 4.0 support is patchy. Lines end in CRLF, text values escape
backslash, comma, semicolon and newlines, and lines longer than 75 octets are folded.

A card stays in the phone's address book, where someone else may see it. So by default a card is
*neutral*: it is saved under the person's name, or "<area> contact" for a team, and carries only
what is needed to get in touch (number, email, hours), never the service's name, its role or a
link that could say what the contact is about. ``neutral=False`` (mkdocs.yml
``extra.neutral_contact_cards: false``) writes the full card: organisation, role, address, website
and the notes on how to contact. The file name never names the service either (urls.vcard).
"""
from __future__ import annotations

import re

from .export import stable_id
from .model import Contact
from .plaintext import plain

CRLF = "\r\n"
MAX_OCTETS = 75  # RFC 2425 5.8.1: lines SHOULD NOT be longer than 75 octets

# How each way in is named before its instructions in a card's NOTE.
CHANNELS = (("phone", "When you call"), ("email", "When you email"), ("address", "When you write"))
# Words that say what a contact is about. A neutral card carries an instruction only when it
# has none of them (nor the team's own name): "Use secure email" is kept, "Mark it HSB
# consultation" is not, because the card stays in an address book others may see.
_REVEALING = re.compile(r"\b(hsb|harmful|sexual\w*|sexuali[sz]ed|abuse\w*|assault\w*|safeguard\w*|"
                        r"mash|child protection|exploitation|aim\d?|consultation forum|panel)\b",
                        re.IGNORECASE)


def escape(text: str) -> str:
    """A TEXT value as RFC 2426 4 writes it: \\\\, \\, \\; and \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF and a space.

    The space opening each continuation counts towards its 75 octets, and a UTF-8 character
    is never split, so every physical line is valid UTF-8 of at most 75 octets.
    """
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def _structured(*components: str | None) -> str:
    """A structured value (N, ORG, ADR): escaped components joined by unescaped semicolons."""
    return ";".join(escape(c) if c else "" for c in components)


def _name(person: str) -> str:
    # N wants family;given. Names are written "Given Family", so the last word is the family
    # name; nothing else is guessed (no prefixes, no middle names split out).
    given, _, family = person.strip().rpartition(" ")
    return _structured(family, given)


def _org(contact: Contact) -> str:
    # ORG is organisation;unit. With no organisation the team is the organisation.
    return "ORG:" + _structured(*(x for x in (contact.organisation, contact.name) if x))


def _note(contact: Contact, area_name: str) -> str:
    lines = [f"Area: {area_name}"]
    if contact.how_to_contact:
        lines.append(f"How to contact: {contact.how_to_contact}")
    lines += instruction_lines(contact, neutral=False)
    if contact.hours:
        lines.append(f"Hours: {contact.hours}")
    if contact.have_ready:
        lines.append("Have ready: " + "; ".join(contact.have_ready))
    return escape("\n".join(lines))


def names_subject(text: str, contact: Contact) -> bool:
    """Whether ``text`` says what the contact is about (HSB, safeguarding, the team's name)."""
    folded = " ".join(text.split()).casefold()
    return bool(_REVEALING.search(text)) or any(
        name and " ".join(name.split()).casefold() in folded
        for name in (contact.name, contact.organisation, contact.role))


def instruction_lines(contact: Contact, neutral: bool) -> list[str]:
    """The contact's instructions, one line per way in ("When you email: ...; ..."), as the
    card's NOTE gives them; a neutral card leaves out any that names the subject."""
    lines = []
    for channel, lead in CHANNELS:
        if neutral and channel == "address":
            continue  # a neutral card carries no address, so nothing about one either
        items = [plain(i) for i in contact.instructions_for(channel)]
        if neutral:
            items = [i for i in items if not names_subject(i, contact)]
        if items:
            lines.append(f"{lead}: " + " ".join(i if i.endswith((".", "!", "?")) else i + "."
                                                for i in items))
    return lines


def card_name(contact: Contact, area_name: str, neutral: bool = True) -> str:
    """The name the card is saved under in the address book."""
    if contact.person:
        return contact.person
    return f"{area_name} contact" if neutral else contact.name


def _neutral_vcard(contact: Contact, area_name: str) -> list[str]:
    name = card_name(contact, area_name)
    lines = [f"N:{_name(contact.person)}" if contact.person else "N:;;;;", f"FN:{escape(name)}"]
    if contact.phone:
        lines.append(f"TEL;TYPE=VOICE:{contact.phone.tel.removeprefix('tel:')}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{contact.email}")
    note = [f"Hours: {contact.hours}"] if contact.hours else []
    note += instruction_lines(contact, neutral=True)
    if note:
        lines.append(f"NOTE:{escape(chr(10).join(note))}")
    return lines


def vcard(contact: Contact, area_name: str, neutral: bool = True) -> str:
    """The contact as a vCard 3.0 text, CRLF line endings, ready to serve as text/vcard."""
    # PRODID names the software that wrote the card: never the project's name, which says "hsb".
    lines = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//signpost//contact card//EN"]
    if neutral:
        lines += _neutral_vcard(contact, area_name)
    else:
        lines += _full_vcard(contact, area_name)
    if contact.area_id:
        lines.append(f"UID:urn:uuid:{stable_id(contact.area_id, 'contact', contact.id)}")
    lines += [f"REV:{contact.last_reviewed.isoformat()}", "END:VCARD"]
    return "".join(fold(line) + CRLF for line in lines)


def _full_vcard(contact: Contact, area_name: str) -> list[str]:
    lines = []
    if contact.person:
        lines += [f"N:{_name(contact.person)}", f"FN:{escape(contact.person)}", _org(contact)]
    else:
        # A team, not a person: an empty N, and Apple's flag to show the card as a company.
        lines += ["N:;;;;", f"FN:{escape(contact.name)}", _org(contact), "X-ABShowAs:COMPANY"]
    if contact.role:
        lines.append(f"TITLE:{escape(contact.role)}")
    if contact.phone:
        # The E.164 form (+441225396313) dials from anywhere; short numbers stay as dialled.
        lines.append(f"TEL;TYPE=WORK,VOICE:{contact.phone.tel.removeprefix('tel:')}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{contact.email}")
    if contact.website:
        lines.append(f"URL:{contact.website}")  # a URI value: RFC 2426 text escaping does not apply
    if contact.address:
        # The address is free text, so it all goes in the street component.
        street = contact.address
        lines.append(f"ADR;TYPE=WORK:{_structured(None, None, street, None, None, None, None)}")
    lines.append(f"NOTE:{_note(contact, area_name)}")
    lines.append(f"CATEGORIES:{escape(area_name)}")
    return lines
