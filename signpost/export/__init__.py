"""Exports of the validated model for other systems (open data, address books).

Each exporter reads only :class:`signpost.model.Site` and its parts, never the YAML, so what is
published is exactly what the site shows.
"""
from __future__ import annotations

import uuid

# Never change this: every published id (open data records, vCard UIDs) is derived from it,
# and importers key their copies of our records on those ids.
NAMESPACE = uuid.UUID("fd0357a2-f7ff-4baf-950a-6bfb25b498ca")


def stable_id(*parts: str) -> str:
    """The same UUID in every build for the same path.

    ``stable_id('blackpool', 'service', 'x')`` is the UUID 5 of ``blackpool/service/x``.
    """
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))
