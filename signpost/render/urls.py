"""Where each generated page lives. Addresses come from ids in the YAML, never list positions,
so a link in a letter or an email keeps working after the content changes around it."""
from __future__ import annotations

import hashlib


def area(area_id: str) -> str:
    return f"areas/{area_id}/"


def contact_sheet(area_id: str) -> str:
    return f"areas/{area_id}/contacts/"


def families(area_id: str) -> str:
    return f"areas/{area_id}/families/"


def vcard(area_id: str, contact_id: str) -> str:
    """A contact's card. The file keeps this name in the phone's downloads, so it is named by a
    hash of the ids (stable while the ids are) and never by the service: ids can say "hsb"."""
    digest = hashlib.sha256(f"{area_id}/{contact_id}".encode("utf-8")).hexdigest()[:10]
    return f"areas/{area_id}/contacts/contact-{digest}.vcf"


def pathway(area_id: str, pathway_id: str) -> str:
    return f"areas/{area_id}/{pathway_id}/"


def node(area_id: str, pathway_id: str, node_id: str) -> str:
    return f"areas/{area_id}/{pathway_id}/{node_id}/"


def source_file(url: str) -> str:
    """The Markdown file that makes a directory-style address: areas/x/ → areas/x/index.md."""
    return url + "index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative directory-style
    addresses, '' for the home page). Relative links keep working when the site is published
    under a sub-path. Written out rather than via posixpath.relpath, which took a fifth of the
    time spent rendering a page."""
    here = [part for part in from_url.split("/") if part]
    target = [part for part in to_url.split("/") if part]
    is_folder = to_url.endswith("/") or not to_url
    folders = target if is_folder else target[:-1]  # a file's own name is never shared
    common = 0
    while common < min(len(here), len(folders)) and here[common] == folders[common]:
        common += 1
    parts = [".."] * (len(here) - common) + target[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if is_folder else "")
