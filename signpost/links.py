"""Which link addresses the content may contain."""
from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("https", "http")


def web_address_problem(url: str) -> str | None:
    """Why ``url`` is not a usable web address, or None when it is."""
    parts = urlsplit(url)
    if parts.scheme not in WEB_SCHEMES:
        return f"'{parts.scheme or url}' links are not allowed here"
    host = parts.hostname or ""
    if "." not in host:
        return f"'{url}' has no proper host name"
    if parts.username or parts.password:
        return "web addresses with a user name or password are not allowed"
    return None
