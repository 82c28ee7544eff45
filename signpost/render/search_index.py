"""What the site search indexes on generated pages.

The theme indexes every section of every page in full. An area page holds the whole of its
guidance, so at hundreds of areas the index would reach many megabytes, all downloaded by the
first search on a phone. Search is for finding an area, a service or a contact: generated pages
keep their title and opening text, and the sections that name services, contacts, routes and
criteria, each cut to its first words. The full text stays on the pages themselves.
"""
from __future__ import annotations

import re

# Sections of an area page worth finding, by the id of their heading.
_KEPT_SECTION = re.compile(r"^(contacts|contact-[a-z0-9-]+|services|service-[a-z0-9-]+?(?<!-offers)"
                           r"(?<!-eligibility)(?<!-access)(?<!-assessment)(?<!-follow-up)|"
                           r"how-to-refer|referral-criteria|route-[a-z0-9-]+|pathways)$")
_INTERVENTION = re.compile(r"-intervention-\d+$")
TEXT_LIMIT = 200


def _cut(text: str, limit: int = TEXT_LIMIT) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def trim(index: dict, generated: set[str]) -> dict:
    """The search index with generated pages (by location, e.g. areas/x/) cut down."""
    docs = []
    for doc in index.get("docs", []):
        page, _, anchor = doc["location"].partition("#")
        if page not in generated:
            docs.append(doc)
            continue
        if anchor and (not _KEPT_SECTION.match(anchor) or _INTERVENTION.search(anchor)):
            continue
        docs.append({**doc, "text": _cut(doc.get("text", ""))})
    return {**index, "docs": docs}
