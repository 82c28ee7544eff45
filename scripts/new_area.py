#!/usr/bin/env python3
"""Start a new area file: python scripts/new_area.py "Area name" [--services DIR] [--nation England]

Writes services/<area-id>.yml with every section of the area schema in place, notes on what
goes where, and TODO in each text the editor must fill in from the area's source document.
The validator reports every TODO, so the file does not pass until it is filled in: that is on
purpose. Never overwrites a file that is already there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost import checks, schema_check  # noqa: E402
from signpost.load import load_yaml  # noqa: E402
from signpost.problems import dotted  # noqa: E402

NATIONS: list[str] = schema_check.schema("area")["properties"]["nation"]["enum"]
ID_MAX = 60  # record ids are '<area-id>-<something>', and an id may be 80 characters at most


def area_id_for(name: str) -> str:
    """The area's id and file name: lower-case words joined by hyphens.

    'Bath and North East Somerset' → 'bath-and-north-east-somerset'; '&' is read as 'and',
    apostrophes are dropped ("King's Lynn" → 'kings-lynn') and accents are taken off letters.
    """
    plain = unicodedata.normalize("NFKD", name.replace("&", " and "))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"['’]", "", plain.casefold())
    area_id = "-".join(re.findall(r"[a-z0-9]+", plain))
    if not area_id:
        raise ValueError("the name needs at least one letter or digit")
    if len(area_id) > ID_MAX:
        raise ValueError(f"the id '{area_id}' would be longer than {ID_MAX} characters; "
                         "use a shorter form of the name (the full name can go in the file)")
    return area_id


def _yaml_text(text: str) -> str:
    """``text`` as a YAML value: plain when YAML reads it back unchanged, quoted otherwise."""
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML quoted string


def area_template(name: str, area_id: str, nation: str, today: dt.date) -> str:
    """The text of a new area file: valid in shape, with TODO where the editor must write."""
    return _TEMPLATE.format(name=name, name_yaml=_yaml_text(name), id_yaml=_yaml_text(area_id),
                            id=area_id, nation=nation, today=today.isoformat())


def count_todos(path: Path) -> int:
    """How many TODOs the validator will report in ``path``: the editor's to-do list."""
    loaded = load_yaml(path)
    # A TODO may stand where the schema wants a date: that is still a to-do, not a wrong shape.
    todo_paths = {dotted(path) for path, text in loaded.strings if "TODO" in text}
    if loaded.problems or [p for p in schema_check.check(loaded, "area") if p.path not in todo_paths]:
        raise RuntimeError(f"{path}: the new file does not have the shape the schema asks for")
    return sum("TODO" in p.message for p in checks.check_common(loaded, dt.date.today()))


def _nation(text: str) -> str:
    """Accept a nation in any case ('wales' → 'Wales'); the schema's spelling is written."""
    for nation in NATIONS:
        if text.strip().casefold() == nation.casefold():
            return nation
    raise argparse.ArgumentTypeError(f"'{text}' is not a nation: write one of {', '.join(NATIONS)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the area's name as people know it, in quotes, "
                                     "for example \"Bath and North East Somerset\"")
    parser.add_argument("--services", default=Path("services"), type=Path, metavar="DIR",
                        help="the folder of content files (default: services)")
    parser.add_argument("--nation", default="England", type=_nation,
                        help=f"the UK nation the area is in: {', '.join(NATIONS)} (default: England)")
    args = parser.parse_args(argv)

    name = " ".join(args.name.split())
    try:
        area_id = area_id_for(name)
    except ValueError as err:
        print(f"Cannot start an area called '{args.name}': {err}", file=sys.stderr)
        return 1
    if not args.services.is_dir():
        print(f"{args.services}: no such folder. Run this from the top folder of the project, "
              "or give the content folder with --services.", file=sys.stderr)
        return 1
    target = args.services / f"{area_id}.yml"
    if target.exists():
        print(f"{target} already exists, so nothing was written. To change that area, edit the "
              "file. To start a different area, give a different name.", file=sys.stderr)
        return 1

    text = area_template(name, area_id, args.nation, dt.date.today())
    with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)

    todos = count_todos(target)
    validate = "python scripts/validate.py" + ("" if args.services == Path("services")
                                               else f" {args.services.as_posix()}")
    print(f"Created {target} for {name} ({args.nation}).")
    print(f"Its id is '{area_id}', so its page will be /areas/{area_id}/.")
    print(f"""
Next:
  1. Open {target}. Replace each of its {todos} TODOs with the words of
     the area's source document. Delete any field or section the document has
     nothing for. Lines starting with # are notes for you; the site never shows them.
  2. Check it:   {validate}
     It lists each problem with its line number, until none is left.
  3. Preview it: make preview AREA={area_id}
     then open http://127.0.0.1:8000/areas/{area_id}/ in your browser; the page
     reloads each time you save the file.
  4. Add a line for the new file to .github/CODEOWNERS, then open a pull request.
     CONTRIBUTING.md has the checklist reviewers will use.""")
    return 0


# The new file. Placeholders in braces; the rest is written as it stands.
_TEMPLATE = """\
# yaml-language-server: $schema=schema/area.schema.json
#
# {name}: harmful sexual behaviour (HSB) guidance and services.
#
# How to fill this in (CONTRIBUTING.md has worked examples):
# - Copy from the area's source document only. Never make up a phone number,
#   step or criterion, and never leave out one the document gives.
# - Replace every TODO with the document's words. Where the document has
#   nothing for a field or a whole section, delete it, with the lines under it.
# - Lines starting with # are notes: they never appear on the site. Some
#   optional fields are written as notes, for example "# phone: ...". To use
#   one, delete the "# " and keep the spaces before it, so the field lines up
#   with the fields above and below it.
# - Indent with spaces, never tabs. Text containing ": " goes in quotes, or
#   after ">-" on the lines below it, indented (as in 'summary').
# - Check your work with: python scripts/validate.py
#   It lists every TODO still left, with its line number.

id: {id_yaml}    # the file name without .yml; it makes the page address, so never change it
name: {name_yaml}
# short_name: a shorter name for tables, only if the area has one (for example B&NES)
nation: {nation}
# A partnership in Wales publishes in English and Welsh: each text may then carry its Welsh
# (CONTRIBUTING.md, "Welsh"), and the validator lists the texts still without it.
# languages: [en, cy]
# missing_welsh: refuse    # only with Welsh: stop the build while any text has no Welsh
partnership: TODO the safeguarding partnership that owns this content, as the document names it
# covers: only when the document covers more or less than one local authority area

source:
  title: TODO the document's title, exactly as printed on it
  publisher: TODO who published the document
  # url: the web address of the document, if it is published online, starting https://
  # notes: anything a reader should know about the document

# The date you check this file against the document, as YYYY-MM-DD, once you have: it tells
# readers how current the page is, so it is never filled in before the check.
last_reviewed: TODO

summary: >-
  TODO two or three plain sentences. What help exists in this area, and how
  to ask for it. Shown at the top of the area page and in search results.

# Who to call first: the id of the contact (in 'contacts' below) a worried
# parent or professional should reach first. Name it even if the document
# gives it no number: the site then says so and offers national lines.
front_door: {id}-contact
# out_of_hours: the id of an out-of-hours contact, only if the document gives one
# Who receives readers' reports of a mistake on this area's pages, only if the
# partnership has agreed an address for it (never a made-up one):
# content_contact:
#   email: web.team@example.gov.uk
#   name: the team that reads the reports

# What happens after someone asks for help: 3 to 5 short steps in the
# document's words. Shown near the top of the area page.
# next_steps:
#   - the first thing that happens
#   - the next
#   - the next

# Definitions of harmful sexual behaviour that the document quotes.
definitions:
  - id: {id}-definition    # a short id, unique across the whole site
    text: >-
      TODO the definition, word for word as the document gives it.
    quoted_from: TODO who or what the definition is quoted from, as the document cites it
    # note: anything the document adds about the definition

# The next four sections each have an optional title and intro, then a list
# of items (one "- " line each, in the document's order) and notes after it.
indicators:
  intro: TODO the text before the list of signs or characteristics
  items:
    - TODO the first sign or characteristic the document lists
  # notes:
  #   - a paragraph after the list

risk_factors:
  intro: TODO what the document says about identifying risk
  items:
    - TODO the first risk factor the document lists

healthy_behaviour:
  intro: TODO what the document says healthy, age-appropriate sexual behaviour looks like
  items:
    - TODO the first example the document gives

cause_for_concern:
  intro: TODO what the document says is a cause for concern
  items:
    - TODO the first concern or question the document lists

# Services that help children who display HSB, and their families.
# Copy the whole block from "- id:" for each further service.
services:
  - id: {id}-hsb-service    # a short id, unique across the site; keep it once published
    name: TODO the service's name
    provider: TODO the organisation that runs the service
    # managed_by: the organisation that manages the provider, if the document says
    description: >-
      TODO what the service is and does, in the document's words.
    for_whom: TODO who the service is for, in the document's words
    # ages:    # only if the document gives the ages, as whole numbers of years
    #   from: the youngest age
    #   to: the oldest age
    #   wording: the document's own words for the ages
    covers: TODO where the service works, for example the area's name
    eligibility:
      - TODO a condition the child or young person must meet
    access:
      - TODO what a referrer must do or have before referring
    offers:
      - TODO something the service offers
    assessment:
      aim: TODO what the assessment is for, as the document puts it
      models:
        - TODO a named assessment model the service uses, for example AIM3
      includes:
        - TODO something the assessment includes
      report_presents:
        - TODO something the assessment report presents
    interventions:
      - title: TODO the name of a therapy or other intervention
        aim: TODO what it is for
        text: TODO what it involves
    follow_up:
      aim: TODO what the follow-up is for
      text: TODO what happens after the work ends
    contacts:    # ids from the 'contacts' list further down
      - {id}-contact
    # website: the service's own web page, starting https://, if the document gives one
    # last_reviewed: only if this service was checked on a different date from the file

# Conditions a referral must meet, each one a statement a referrer can tick off.
referral_criteria:
  - id: {id}-criterion    # copy this block for each criterion, with a new id
    text: TODO a condition a referral must meet, as a statement in the document's words
    service: {id}-hsb-service    # the id of the service it is for
    # detail: anything the document adds, for example an exception

# How a referral is made. Every step the document gives, in its order:
# never leave a step out, and never add one the document does not give.
referral_routes:
  - id: {id}-referral-route
    name: TODO the route's name, as the document gives it
    who_can_use: TODO who the route is for, or who can refer through it
    service: {id}-hsb-service
    lead_agency: TODO the agency that leads once the referral is made
    form: TODO the form to use, as the document names it
    # form_url: where the form can be downloaded, starting https://
    steps:
      - text: TODO the first step, in the document's words
        who: TODO who does it
        timescale: TODO how soon, as the document says
      - text: TODO the next step (copy the lines from "- text:" for each further step)
    timescales:
      - TODO a timescale the document gives for the route as a whole
    contacts:
      - {id}-contact
    pathway: referral    # the id of the pathway below that walks through this route

# Teams, services and people to contact. Give only the numbers, emails and
# addresses the document gives, exactly as it gives them.
contacts:
  - id: {id}-contact    # services, routes and pathway steps point to this id
    name: TODO the team or service
    organisation: TODO the organisation the team belongs to
    # person: a named person, only if the document names one (then 'role' is needed)
    role: TODO what to contact them for, or the person's role
    # phone: "the number exactly as the document gives it, in quotes"
    # email: the email address, only if the document gives one
    # website: a web page for the contact, starting https://
    hours: TODO when the line is open
    # address: a postal address, only if the document gives one
    how_to_contact: TODO how to reach them if the document gives no phone number or email
    # note: for editors, what the document leaves out (for example "The document gives no phone number.")
    have_ready:
      - TODO something to have ready when you call or refer
    # last_reviewed: only if these details were checked on a different date from the file

# Sections of guidance that are not services, routes or criteria.
guidance:
  - id: {id}-guidance    # becomes the section's anchor on the page
    title: TODO the section heading
    audience:    # who it is mainly for: professionals, parents, or both (one per line)
      - professionals
    paragraphs:
      - TODO the section's first paragraph
    # items:
    #   - a bulleted list, after the paragraphs
    # after:
    #   - a paragraph after the list

# Useful links the document gives.
links:
  - title: TODO link text that makes sense on its own
    url: https://TODO.invalid/    # replace the whole address with the link's, starting https://
    description: TODO what the reader will find there

# Decision trees, shown one step per page. Each node is a question (the
# reader picks an answer), a step (something happens, then 'next') or an
# outcome (where the path ends). Node ids become page addresses: keep them.
pathways:
  referral:    # the pathway's id, part of its page address
    title: TODO the pathway's name
    # source-flowchart if the document draws this pathway itself (a flowchart or process
    # map); built-from-text if you put the steps in order from the document's prose.
    provenance: built-from-text
    summary: TODO who the pathway is for and where it starts
    start: first-question
    nodes:
      first-question:
        type: question
        title: TODO the first question the document asks
        options:
          - label: TODO the first answer, for example Yes
            next: first-step
          - label: TODO the second answer, for example No
            next: no-referral
      first-step:
        type: step
        title: TODO what this step is
        text: TODO what happens, in the document's words
        who: TODO who does it
        timescale: TODO how soon, as the document says
        contacts:
          - {id}-contact
        next: referral-made
      referral-made:
        type: outcome
        title: TODO what the outcome is
        text: TODO what happens now
        lead: TODO who leads from here
        contacts:
          - {id}-contact
      no-referral:
        type: outcome
        title: TODO what the other outcome is
        text: TODO what happens now

# For parents and carers, in plain words: the page /areas/{id}/families/. Optional:
# write it once the rest is done. Each 'text' restates its 'source', the document's
# sentence copied exactly; save the document's text as services/sources/{id}.txt.
# CONTRIBUTING.md, "Write for families", explains it. Delete the # and keep the spaces.
# families:
#   steps:
#     - title: a short heading in plain words
#       text: what happens, in short sentences and everyday words
#       source: the document's sentence, copied exactly
#   how_long:
#     - text: how long it takes, only if the document says
#       source: the document's sentence, copied exactly
#   contacts:
#     - {id}-contact
"""


if __name__ == "__main__":
    sys.exit(main())
