"""Checks on an area's text for families: traceable to the source, and easy to read.

Every statement in the ``families`` section records the passage of the source document it
restates (``source``). The document's own text is kept, as published, in
``services/sources/<area-id>.txt``; each ``source`` must occur in it, so a reviewer can trust
that the line under "What the document says" really is the document's. Each ``text`` must read
at Flesch-Kincaid grade 9 or below.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from .bilingual import welsh_of
from .load import LoadedFile
from .problems import Problem
from .readability import GRADE_LIMIT, measure, sentences

SOURCES = "sources"
_STATEMENT_LISTS = ("who_will_contact", "how_long", "who_will_know", "who_to_call")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"\*+|\[bookmark: [^\]]*\]")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-·•]|\d+\.)[ \t]+", re.M)


def source_file(services_dir: Path, area_id: str, welsh: bool = False) -> Path:
    """The document's text; ``welsh``: its Welsh edition, <area-id>.cy.txt."""
    return Path(services_dir) / SOURCES / f"{area_id}{'.cy' if welsh else ''}.txt"


def comparable(text: str) -> str:
    """Text as compared: HTML tags, list marks, Markdown emphasis and bookmarks dropped,
    whitespace folded.

    The copies of documents hold what the conversion from Word or PDF left in them; a sentence
    quoted in YAML is folded onto one line. Nothing else is changed: words, punctuation and
    quote marks must match exactly."""
    return " ".join(_EMPHASIS.sub("", _LIST_MARK.sub("", _TAG.sub(" ", text))).split())


def statements(families: dict) -> list[tuple[tuple, dict]]:
    """(path, statement) for every statement of a families section, in the file's order."""
    found = []
    if "intro" in families:
        found.append((("families", "intro"), families["intro"]))
    found += [(("families", "steps", i), s) for i, s in enumerate(families.get("steps", []))]
    for key in _STATEMENT_LISTS:
        found += [(("families", key, i), s) for i, s in enumerate(families.get(key, []))]
    return found


def _closest(quoted: str, document: str) -> str:
    candidates = sentences(document)
    match = difflib.get_close_matches(quoted, candidates, n=1, cutoff=0.5)
    return match[0] if match else ""


def check_families(loaded: LoadedFile, services_dir: Path) -> list[Problem]:
    families = loaded.data.get("families")
    if not families:
        return []
    problems: list[Problem] = []
    found = statements(families)
    path = source_file(services_dir, loaded.data["id"])
    label = f"services/{SOURCES}/{path.name}"
    if not path.exists():
        problems.append(loaded.problem(("families",), f"the source document's text is missing: there is no {label}",
            f"save the document's text, exactly as published, as {label}; every 'source' below "
            "is checked against it"))
        document = None
    else:
        document = comparable(path.read_text("utf-8"))
    for where, statement in found:
        if document is not None:
            quoted = comparable(statement["source"])
            if quoted not in document:
                closest = _closest(quoted, document)
                hint = (f"the closest sentence in the document is: '{closest}'" if closest
                        else "copy the sentence from the document")
                problems.append(loaded.problem((*where, "source"), f"this is not word for word in {label}",
                    f"copy the sentence exactly as the document prints it; {hint}"))
        welsh_source = welsh_of(statement["source"])
        if welsh_source is not None:
            problems.extend(_check_welsh_source(loaded, services_dir, (*where, "source", "cy"),
                                                welsh_source))
        # Flesch-Kincaid measures English; the Welsh is left to the Welsh speaker who checks it.
        reading = measure(statement["text"])
        if reading.grade > GRADE_LIMIT:
            problems.append(loaded.problem((*where, "text"),
                f"reads at grade {reading.grade:g}, above the limit of {GRADE_LIMIT:g} for text "
                f"written for families; its longest sentence ({len(reading.longest_sentence.split())} "
                f"words) is: '{reading.longest_sentence}'",
                "use shorter sentences (under 15 words) and everyday words; keep a technical "
                "term only where the glossary explains it"))
    return problems


def _check_welsh_source(loaded: LoadedFile, services_dir: Path, where: tuple, quoted: str) -> list[Problem]:
    """A Welsh quotation must be word for word in the Welsh edition of the document: the site
    never translates a document's words and presents them as the document's."""
    path = source_file(services_dir, loaded.data["id"], welsh=True)
    label = f"services/{SOURCES}/{path.name}"
    if not path.exists():
        return [loaded.problem(where, f"the Welsh edition's text is missing: there is no {label}",
                         f"save the Welsh edition of the document, exactly as published, as {label}; "
                         "if the document has no Welsh edition, remove this 'cy:': the Welsh page "
                         "quotes the English document, marked as English")]
    document = comparable(path.read_text("utf-8"))
    if comparable(quoted) in document:
        return []
    closest = _closest(comparable(quoted), document)
    hint = (f"the closest sentence in the Welsh edition is: '{closest}'" if closest
            else "copy the sentence from the Welsh edition")
    return [loaded.problem(where, f"this is not word for word in {label}",
                     f"copy the sentence exactly as the Welsh edition prints it; {hint}")]
