"""Reading level of text written for families, measured with textstat.

The Flesch-Kincaid grade is the US school grade a reader needs; Flesch reading ease runs from
0 (very hard) to 100 (very easy). The site's targets for families: grade 8 or below and ease 60
or above overall; any one field above grade 9 is refused by the validator.

textstat is imported on first use: loading its pronouncing dictionary takes about a second,
and a site with no text for families should not pay for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .plaintext import plain

GRADE_LIMIT = 9.0     # a field above this fails validation
TARGET_GRADE = 8.0    # what a page and the whole guide aim for
TARGET_EASE = 60.0

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Reading:
    grade: float
    ease: float
    words: int
    longest_sentence: str

    @property
    def meets_target(self) -> bool:
        return self.grade <= TARGET_GRADE and self.ease >= TARGET_EASE


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def longest_sentence(text: str) -> str:
    return max(sentences(text) or [""], key=lambda s: len(s.split()))


def measure(text: str) -> Reading:
    """The reading level of ``text`` (content markup such as **bold** is ignored)."""
    import textstat  # noqa: PLC0415 - see the module docstring

    text = plain(text)
    return Reading(grade=round(textstat.flesch_kincaid_grade(text), 1),
                   ease=round(textstat.flesch_reading_ease(text), 1),
                   words=len(text.split()), longest_sentence=longest_sentence(text))
