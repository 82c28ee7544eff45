"""What the generator changes in a hand-written page's HTML (signpost.render.hand_written)."""
from __future__ import annotations

import re

from signpost.render.hand_written import finish

TABLE = "<table><thead><tr><th>Template</th><th>Page</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"


def _labels(html: str) -> list[str]:
    return re.findall(r'role="region" tabindex="0" aria-label="([^"]*)"', html)


def test_a_wide_table_scrolls_in_a_region_named_by_its_headings():
    assert _labels(finish(TABLE)) == ["Table: Template, Page"]


def test_two_tables_with_the_same_headings_get_names_of_their_own():
    """axe's landmark-unique: two regions may not share a name (the performance page has two
    tables of Lighthouse figures, before and after)."""
    other = TABLE.replace("Template", "Step")
    assert _labels(finish(TABLE + other + TABLE)) == [
        "Table: Template, Page", "Table: Step, Page", "Table 3: Template, Page"]


def test_links_to_other_sites_send_no_address_along():
    assert finish('<a href="https://example.org/x">x</a>') == '<a href="https://example.org/x" rel="noopener noreferrer">x</a>'
    assert finish('<a href="../glossary/">g</a>') == '<a href="../glossary/">g</a>'
