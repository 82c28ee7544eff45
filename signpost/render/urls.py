"""Where each generated page lives. Addresses come from ids in the YAML, never list positions,
so a link in a letter or an email keeps working after the content changes around it."""
from __future__ import annotations

import posixpath



def area(area_id: str) -> str:
    return f"areas/{area_id}/"


def contact_sheet(area_id: str) -> str:
    return f"areas/{area_id}/contacts/"


def vcard(area_id: str, contact_id: str) -> str:
    return f"areas/{area_id}/contacts/{contact_id}.vcf"


def pathway(area_id: str, pathway_id: str) -> str:
    return f"areas/{area_id}/{pathway_id}/"


def node(area_id: str, pathway_id: str, node_id: str) -> str:
    return f"areas/{area_id}/{pathway_id}/{node_id}/"


def source_file(url: str) -> str:
    """The Markdown file that makes a directory-style address: areas/x/ → areas/x/index.md."""
    return url + "index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative, '' is the home
    page). Relative links keep working when the site is published under a sub-path."""
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url.rstrip("/")
    slash = "/" if to_url.endswith("/") or not to_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        return "./"
    return rel + slash
