"""The site's model as Open Referral UK records (signpost.export.oruk writes and checks them).

An organisation record is made only for what the content names as an organisation; a service
record carries what the model holds and nothing invented (docs/open-data.md is the mapping).
"""
from __future__ import annotations

import phonenumbers

from ..model import Area, Contact, Service, Site
from ..phones import Phone
from ..plaintext import plain
from . import stable_id


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _list_of(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# Organisations -------------------------------------------------------------------------------
#
# An organisation record is published only for an organisation the content names as one: a
# service's provider, a panel's host, or, for a panel with no host, the area's partnership. A
# panel is never an organisation, and neither is any other text (its members, its description).

# What each role says in the organisation's description, for the areas where it plays it.
_ROLES = {
    "provides": "Provides help for children and young people who display harmful sexual "
                "behaviour, or their families, in {areas}.",
    "hosts": "Hosts a multi-agency panel on harmful sexual behaviour in {areas}.",
    "partnership": "The safeguarding partnership whose guidance describes a multi-agency panel "
                   "on harmful sexual behaviour in {areas}.",
}


def _organisation_of(area: Area, service: Service) -> tuple[str, str, str] | None:
    """(key, name, role) of the organisation answerable for ``service``, or None when the
    content names none (a panel with no host in an area that names no partnership)."""
    if service.provider:
        # Keyed on provider and manager so that one id always means one identical record.
        key = _normal(service.provider)
        if service.managed_by:
            key = f"{key}/managed-by/{_normal(service.managed_by)}"
        return key, service.provider, "provides"
    if service.hosted_by:
        return _normal(service.hosted_by), service.hosted_by, "hosts"
    if area.partnership:
        return _normal(area.partnership), area.partnership, "partnership"
    return None


def organisations(site: Site) -> dict[str, dict]:
    """One ORUK organization record per organisation, the same in every file that names it."""
    names: dict[str, str] = {}
    managers: dict[str, str] = {}
    roles: dict[str, dict[str, list[str]]] = {}
    for area in site.areas:
        for service in area.services:
            found = _organisation_of(area, service)
            if not found:
                continue
            key, name, role = found
            names.setdefault(key, name)
            if role == "provides" and service.managed_by:
                managers.setdefault(key, service.managed_by)
            areas = roles.setdefault(key, {}).setdefault(role, [])
            if area.name not in areas:
                areas.append(area.name)
    return {key: _organisation(key, names[key], roles[key], managers.get(key)) for key in names}


def _organisation(key: str, name: str, roles: dict[str, list[str]], managed_by: str | None) -> dict:
    # ORUK requires a description; the model has none for organisations, so it says only what
    # the site knows: what it does, of the kind the site lists, and where.
    description = " ".join(_ROLES[role].format(areas=_list_of(areas))
                           for role, areas in sorted(roles.items(), key=lambda r: list(_ROLES).index(r[0])))
    if managed_by:
        description += f" Managed by {plain(managed_by)}."
    return {"id": stable_id("organization", key), "name": plain(name), "description": description}


# Services ------------------------------------------------------------------------------------

def _number(phone: Phone) -> str:
    """The number in international format, as ORUK's examples write it ('+44 1234 234567')."""
    tel = phone.tel.removeprefix("tel:")
    if tel.startswith("+"):
        return phonenumbers.format_number(phonenumbers.parse(tel),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phone.display  # short numbers such as 116 123 are dialled as written


def _phone(record_id: str, owner: tuple[str, str], phone: Phone, description: str | None) -> dict:
    record = {"id": record_id, owner[0]: owner[1], "number": _number(phone)}
    if description:
        record["description"] = description
    return record


def _contact(base: tuple[str, ...], service_uuid: str, contact: Contact) -> dict:
    # One record per service a contact serves: HSDS repeats a shared contact with a new id.
    contact_uuid = stable_id(*base, "contact", contact.id)
    record = {"id": contact_uuid, "service_id": service_uuid,
              "name": plain(contact.person or contact.name)}
    if contact.role:
        record["title"] = plain(contact.role)
    if contact.person:
        record["department"] = plain(contact.name)
    if contact.email:
        record["email"] = contact.email
    if contact.phone:
        record["phones"] = [_phone(stable_id(*base, "contact", contact.id, "phone"),
                                   ("contact_id", contact_uuid), contact.phone,
                                   contact.hours and plain(contact.hours))]
    return record


def _service_phones(base: tuple[str, ...], service_uuid: str, service: Service) -> list[dict]:
    phones, seen = [], set()
    for contact in service.contacts:
        if not contact.phone or contact.phone.tel in seen:
            continue
        seen.add(contact.phone.tel)
        about = "; ".join(plain(x) for x in (contact.name, contact.hours) if x)
        phones.append(_phone(stable_id(*base, "phone", contact.id), ("service_id", service_uuid),
                             contact.phone, about))
    return phones


def _eligibility(area: Area, service: Service) -> str:
    lines = [service.for_whom] if service.for_whom else []
    if service.ages:
        lines.append(f"Ages: {service.ages.wording}")
    lines += service.eligibility
    lines += [f"{c.text} {c.detail}" if c.detail else c.text
              for c in area.referral_criteria if c.service == service.id]
    return "\n".join(plain(line) for line in lines)


def _application(area: Area, service: Service) -> str:
    lines = [service.intake_rule] if service.intake_rule else []
    lines += service.access
    for route in area.referral_routes:
        if route.service == service.id:
            lines.append(f"{route.name}:")
            lines += [f"{i}. {step.text}" for i, step in enumerate(route.steps, 1)]
            if route.document_stops:
                lines.append(DOCUMENT_STOPS)
    lines += [f"{c.name}: {c.how_to_contact}" for c in service.contacts if c.how_to_contact]
    for contact in service.contacts:
        for channel in ("phone", "email", "address"):
            lines += [f"{contact.name} ({_CHANNEL_WORDS[channel]}): {text}"
                      for text in contact.instructions_for(channel)]
    return "\n".join(plain(line) for line in lines)


DOCUMENT_STOPS = "The document does not say what happens next."
_CHANNEL_WORDS = {"phone": "by phone", "email": "by email", "address": "by post or in person"}


def _description(service: Service) -> str:
    """The service's description; for a panel, with what kind of service it is and its
    members, which ORUK has no field for."""
    text = plain(service.description)
    if service.kind == "panel":
        text += "\n\nA multi-agency panel."
        if service.members:
            text += " Members: " + "; ".join(plain(m) for m in service.members) + "."
    elif service.kind == "front_door":
        text += "\n\nA front door: the first place to go with a worry about a child."
    return text


def _source(area: Area) -> dict:
    """The document the record was transcribed from: not an ORUK field (importers may ignore
    it), so that a reader of the data can judge it as a reader of the page can."""
    source = area.source
    record = {"title": plain(source.title)}
    for name in ("publisher", "date", "version", "part_of"):
        value = getattr(source, name)
        if value:
            record[name] = plain(value)
    if source.url:
        record["url"] = source.url
    return record


def _service(area: Area, service: Service, organisation: dict | None) -> dict:
    base = (area.id, "service", service.id)
    service_uuid = stable_id(*base)
    record = {"id": service_uuid}
    if organisation:
        record["organization_id"] = organisation["id"]
    record.update(name=plain(service.name), description=_description(service))
    if service.website:
        record["url"] = service.website
    record["status"] = "active"
    eligibility, application = _eligibility(area, service), _application(area, service)
    if eligibility:
        record["eligibility_description"] = eligibility
    if application:
        record["application_process"] = application
    if service.ages and service.ages.from_ is not None:
        record["minimum_age"] = service.ages.from_
        record["maximum_age"] = service.ages.to
    record["assured_date"] = service.last_reviewed.isoformat()
    phones = _service_phones(base, service_uuid, service)
    if phones:
        record["phones"] = phones
    # Where the service works, only when the content says: an area's name is not a claim that
    # a service covers all of it.
    if service.covers:
        record["service_areas"] = [{"id": stable_id(*base, "service_area"), "service_id": service_uuid,
                                    "name": area.name, "service_area": plain(service.covers)}]
    if service.meets:
        record["schedules"] = [{"id": stable_id(*base, "schedule"), "service_id": service_uuid,
                                "description": "Meets: " + plain(service.meets)}]
    if organisation:
        record["organization"] = organisation
    if service.contacts:
        record["contacts"] = [_contact(base, service_uuid, c) for c in service.contacts]
    record["source"] = _source(area)
    return record


def services_for_area(area: Area, site: Site, *, _organisations: dict | None = None) -> list[dict]:
    """The area's services as ORUK service records, in the area's order.

    ``site`` is needed because an organisation's record (same id everywhere) names every area
    it works in. ``_organisations`` lets :func:`write_open_data` compute that table once.
    """
    orgs = _organisations if _organisations is not None else organisations(site)
    found = [(s, _organisation_of(area, s)) for s in area.services]
    return [_service(area, s, orgs[org[0]] if org else None) for s, org in found]
