"""Things measured inside a page, shared by the browser tests and the measuring scripts, so a
figure printed by scripts/measure_*.py means what the tests assert."""
from __future__ import annotations

# The first visible tel: link that is not an emergency number: its top in page coordinates, and
# whether it can be tapped (in the layout, big enough, not covered by another element).
FIRST_NUMBER_JS = """() => {
  for (const a of document.querySelectorAll('.md-content a[href^="tel:"]')) {
    const tel = a.getAttribute('href').replace(/\\D/g, '');
    if (tel === '999' || tel === '112') continue;
    const box = a.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const top = box.top + window.scrollY;
    a.scrollIntoView({block: 'center'});
    const now = a.getBoundingClientRect();
    const hit = document.elementFromPoint(now.left + now.width / 2, now.top + now.height / 2);
    return {top: Math.round(top), height: box.height, tel: a.getAttribute('href'),
            tappable: hit === a || a.contains(hit)};
  }
  return null;
}"""

# How tall and how wide the page is, against the viewport (wider means sideways scrolling).
PAGE_SIZE_JS = """() => ({height: document.documentElement.scrollHeight,
  width: document.documentElement.scrollWidth, viewport: window.innerWidth})"""
