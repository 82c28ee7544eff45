"""Did the finished site get its content? A check any engine's output can be put through.

An engine that skips our hooks (Zensical ignores ``hooks:``), or a build that left the
generated pages out for any other reason, would otherwise publish a site with a home page and no
areas. This compares the built folder with the pages the content says it must hold.
"""
from __future__ import annotations

from pathlib import Path


def missing_pages(site_dir: Path, expected: dict[str, str]) -> list[str]:
    """Each expected page (site path → title) that is absent from ``site_dir`` or does not
    carry its title; empty when the site is whole."""
    site_dir = Path(site_dir)
    missing = []
    # Shallow pages first: a missing area page says more than its hundredth pathway step.
    for path, title in sorted(expected.items(), key=lambda item: (item[0].count("/"), item[0])):
        page = site_dir / path
        if not page.is_file():
            missing.append(f"{path}: missing ({title})")
        elif title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("&amp;", "&") not in _head(page):
            missing.append(f"{path}: does not show its title ({title})")
    return missing


def _head(page: Path) -> str:
    """The start of a page, where its <title> is: reading only that keeps the check fast at
    thousands of pages."""
    with page.open("rb") as handle:
        start = handle.read(16384).decode("utf-8", "replace")
    return start.replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&")


def report(missing: list[str], expected: int) -> str:
    shown = "\n".join(f"  {line}" for line in missing[:20])
    more = f"\n  … and {len(missing) - 20} more" if len(missing) > 20 else ""
    return (f"{len(missing)} of the {expected} pages generated from the content are not in the "
            f"built site, so it must not be published:\n{shown}{more}\n"
            "If the site engine skips hooks/ (Zensical does), generate the pages first: "
            "python scripts/generate.py")


def built_pages(site_dir: Path) -> list[str]:
    """Every page of a built site, as site-relative addresses ("" for the home page, else
    "areas/blackpool/"): the index.html files, in address order."""
    out = []
    for path in sorted(Path(site_dir).rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out
