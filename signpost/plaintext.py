"""Content text without its markup, on one line: for titles, tooltips, metadata and exports."""
from __future__ import annotations

import re

# The one markup content may use: **bold** (signpost.render.text renders it).
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def plain(text: str | None) -> str:
    """``**bold**`` marks removed and all whitespace folded to single spaces."""
    return " ".join(BOLD.sub(r"\1", str(text or "")).replace("**", "").split())
