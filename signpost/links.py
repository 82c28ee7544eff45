"""Which link addresses and email addresses the content may contain.

A reader cannot see where a link goes (its text hides the address), and a reviewer reads a pull
request as text: so an address must be https, name a public host in plain ASCII (no punycode,
no look-alike letters from other scripts), and carry no user name, password or private address.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

WEB_SCHEMES = ("https",)
_HOST_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$")
_LOCAL_HOSTS = ("localhost", "localdomain", "local", "internal", "invalid", "test", "example")


def _character(char: str) -> str:
    return f"'{char}' ({unicodedata.name(char, f'U+{ord(char):04X}')})"


def _host_problem(host: str, whole: str) -> str | None:
    """Why ``host`` (already lower-case) is not a plain public host name, or None."""
    odd = next((c for c in host if not (c.isascii() and (c.isalnum() or c in ".-"))), None)
    if odd:
        return (f"'{whole}' has the character {_character(odd)} in its host name; "
                "look-alike letters can send a reader to another site")
    try:
        ipaddress.ip_address(host)
        return f"'{whole}' names a numeric address, not a site"
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return f"'{whole}' has no proper host name"
    if any(label.startswith("xn--") for label in labels):
        return (f"'{whole}' is an encoded (punycode) host name, which can spell a look-alike "
                "of another site")
    if labels[-1] in _LOCAL_HOSTS:
        return f"'{whole}' names a private or test host that readers cannot reach"
    return None


def web_address_problem(url: str) -> str | None:
    """Why ``url`` is not a usable web address, or None when it is."""
    parts = urlsplit(url)
    if parts.scheme not in WEB_SCHEMES:
        if parts.scheme == "http":
            return f"'{url}' is not secure: pages and forms opened from it travel unencrypted"
        return f"'{url}' is not a web address: only https:// links are allowed here"
    # The host as written, before urlsplit lower-cases it (and before any IDNA decoding).
    written = parts.netloc.rpartition("@")[2]
    written = written[1:].partition("]")[0] if written.startswith("[") else written.partition(":")[0]
    if parts.username or parts.password:
        return "web addresses with a user name or password are not allowed"
    return _host_problem(written.lower(), url)


def email_problem(address: str) -> str | None:
    """Why ``address`` is not a plain email address, or None when it is."""
    if address.lower().startswith("mailto:"):
        return f"'{address}' starts with 'mailto:', which the site adds itself"
    odd = next((c for c in address if not (c.isascii() and (c.isalnum() or c in "@._+-"))), None)
    if odd:
        return f"'{address}' has the character {_character(odd)}, which an email address cannot hold"
    match = _EMAIL.match(address)
    if not match or ".." in address or address.startswith("."):
        return f"'{address}' is not a valid email address"
    return _host_problem(match.group(1).lower(), address)
