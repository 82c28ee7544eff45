"""Warnings, not errors: the same sentence written in several fields of one area file.

A fact written three times (summary, assessment, guidance) is shown three times, and the day it
changes one copy is missed. Each field has one place on the site (its schema description ends
"Appears: …"), so the editor is told to write the sentence once, where it belongs. Short
sentences ("Monday to Friday.") repeat by nature and are left alone, and so are the fields that
retell a document's sequence (route steps, next steps, criteria, pathways).
"""
from __future__ import annotations

import re

from .load import LoadedFile
from .plaintext import plain
from .problems import Problem, dotted

MIN_WORDS = 6
# The fields where one fact could be written in place of another: what a service is, who it is
# for, how work reaches it, when it meets, how to use a contact, guidance prose. Steps, next
# steps, criteria and pathways retell a document's sequence in its own words, and documents
# repeat themselves there by design, so they are not compared.
_COMPARED = re.compile(
    r"^(summary"
    r"|services\.\d+\.(description|for_whom|intake_rule|meets|eligibility\.\d+|access\.\d+"
    r"|assessment\.aim)"
    r"|contacts\.\d+\.(how_to_contact|instructions\.\w+\.\d+)"
    r"|referral_routes\.\d+\.(who_can_use|timescales\.\d+)"
    r"|guidance\.\d+\.(paragraphs|items|after)\.\d+)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(plain(text)) if s.strip()]


def _key(sentence: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", sentence.casefold()).split())


def _field(path: tuple) -> tuple:
    """The field a text belongs to: a text written with en:/cy: is its field's English."""
    return path[:-1] if path and path[-1] == "en" else path


def _skipped(path: tuple) -> bool:
    # Welsh (…cy) is not compared: its repeats mirror the English ones, already warned about.
    return not _COMPARED.match(dotted(_field(path)))


def _shape(path: tuple) -> str:
    return re.sub(r"\.\d+", ".N", dotted(_field(path)))


def repeated_sentences(loaded: LoadedFile) -> list[Problem]:
    """One warning for each later field that repeats a sentence an earlier field has."""
    first: dict[str, tuple[tuple, str]] = {}
    warnings = []
    for path, text in loaded.strings:
        if _skipped(path):
            continue
        seen_here = set()
        for sentence in sentences(text):
            key = _key(sentence)
            if len(key.split()) < MIN_WORDS or key in seen_here:
                continue
            seen_here.add(key)
            if key not in first:
                first[key] = (path, sentence)
                continue
            earlier, _ = first[key]
            if _shape(earlier) == _shape(path):
                continue  # the same field of two records (two routes' timescales) may agree
            line, column = loaded.marks.locate(path)
            earlier_line, _ = loaded.marks.locate(earlier)
            warnings.append(Problem(
                loaded.label, line, column, dotted(path),
                f"warning: the sentence '{sentence}' is also written at {dotted(earlier)} "
                f"(line {earlier_line})",
                "write it once, in the field where it belongs (see \"Where each field "
                "appears\" in CONTRIBUTING.md)"))
    return warnings
