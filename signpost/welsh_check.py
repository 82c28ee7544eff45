"""Which texts of an area published in Welsh still have no Welsh, or only a draft.

An area lists the languages it publishes in (``languages: [en, cy]``; English only when left
out). For such an area every text the schema calls a text (its ``text`` and ``shortText``
definitions) is looked at: a text with no Welsh is translation work left, a Welsh text no Welsh
speaker has checked (``cy_reviewed`` not true) is a draft. Both are listed by the validator, as
warnings, and by the review report. With ``missing_welsh: refuse`` (the Welsh Language
Standards' "at the same time") a text with no Welsh stops the build instead.

The source document's own words (the ``source`` record, and the passage each families'
statement quotes) are left out: they are quoted as the document prints them, and the site never
translates a document and presents it as the partnership's. They may carry Welsh only from a
Welsh edition of the document (families_check checks such a quotation against it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from . import bilingual, language
from .load import LoadedFile
from .problems import Problem, dotted
from .schema_check import schema

_TEXT_DEFS = ("/$defs/text", "/$defs/shortText")
REFUSE = "refuse"
REPORT = "report"


@dataclass(frozen=True, order=True)
class WelshGap:
    """One text whose Welsh is missing or a draft."""

    file: str
    line: int
    column: int
    path: str
    state: str          # bilingual.MISSING or bilingual.DRAFT
    english: str


def publishes_welsh(data: dict) -> bool:
    return language.WELSH in (data.get("languages") or ())


def _follow(node: dict, root: dict) -> tuple[dict, dict]:
    ref = node.get("$ref", "")
    if not ref:
        return node, root
    document, _, pointer = ref.partition("#")
    if document:
        root = schema(document.removesuffix(".schema.json"))
    target = root
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return _follow(target, root)


def text_values(data: object, kind: str) -> Iterator[tuple[tuple, object]]:
    """(path, value) for every value the schema of ``kind`` calls a text, in the file's order."""
    root = schema(kind)

    def walk(value, node: dict, root: dict, path: tuple):
        if node.get("$ref", "").endswith(_TEXT_DEFS):
            yield path, value
            return
        node, root = _follow(node, root)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            extra = node.get("additionalProperties")
            for branch in node.get("allOf", ()):  # pathway nodes: the fields of their type
                wanted = branch.get("if", {}).get("properties", {}).get("type", {}).get("const")
                if wanted is not None and value.get("type") == wanted:
                    yield from walk(value, branch["then"], root, path)
            for key, inner in value.items():
                if key in properties:
                    yield from walk(inner, properties[key], root, path + (key,))
                elif isinstance(extra, dict):
                    yield from walk(inner, extra, root, path + (key,))
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for i, inner in enumerate(value):
                yield from walk(inner, node["items"], root, path + (i,))

    yield from walk(data, root, root, ())


def _document_words(path: tuple) -> bool:
    """The source document's own words: its title, date, publisher…, and quoted passages."""
    return (path[:1] == ("source",) and path[1:] != ("notes",)) or \
        (path[:1] == ("families",) and path[-1] == "source")


def gaps(loaded: LoadedFile, kind: str = "area") -> list[WelshGap]:
    """Every text in ``loaded`` (already lifted) without Welsh, or with draft Welsh."""
    found = []
    for path, value in text_values(loaded.data, kind):
        if kind == "area" and _document_words(path):
            continue
        status = bilingual.state(value)
        if status == bilingual.REVIEWED:
            continue
        line, column = loaded.marks.locate(path)
        found.append(WelshGap(loaded.label, line, column, dotted(path), status, str(value)))
    return found


_ADD_WELSH = "write the English under 'en:' and the Welsh under 'cy:' (CONTRIBUTING.md, \"Welsh\")"


def check_settings(loaded: LoadedFile) -> list[Problem]:
    """An area is published in English, and 'missing_welsh' means nothing in an area not
    published in Welsh: say so."""
    data = loaded.data
    if "languages" in data and language.ENGLISH not in data["languages"]:
        return [loaded.problem(("languages",), "the area's pages are always published in English",
                         "add 'en' to the list: languages: [en, cy]")]
    if "missing_welsh" in data and not publishes_welsh(data):
        return [loaded.problem(("missing_welsh",), "'missing_welsh' is set, but the area is "
                         "not published in Welsh",
                         "add 'languages: [en, cy]' if the area publishes in Welsh, or remove "
                         "'missing_welsh'")]
    return []


def to_messages(found: list[WelshGap], *, refuse: bool) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) for the gaps of one file: a missing Welsh text is a problem when the
    area refuses to publish without it, a warning otherwise; a draft is always a warning."""
    problems, warnings = [], []
    for gap in found:
        line, col = gap.line, gap.column
        if gap.state == bilingual.MISSING and refuse:
            problems.append(Problem(
                gap.file, line, col, gap.path,
                "this text has no Welsh, and the area publishes Welsh at the same time as "
                "English (missing_welsh: refuse)",
                f"{_ADD_WELSH}; or set 'missing_welsh: report' to publish the English on the "
                "Welsh page, marked as English, until the Welsh is written"))
        elif gap.state == bilingual.MISSING:
            warnings.append(Problem(
                gap.file, line, col, gap.path,
                "warning: no Welsh yet (translation work left)",
                f"{_ADD_WELSH}; until then the Welsh page shows the English, marked as English"))
        else:
            warnings.append(Problem(
                gap.file, line, col, gap.path,
                "warning: the Welsh is a draft: no Welsh speaker has checked it yet",
                "once a Welsh speaker has checked 'cy' against 'en', add 'cy_reviewed: true'"))
    return problems, warnings


def counts(work) -> dict[str, tuple[int, int]]:
    """File → (texts without Welsh, drafts), in file order."""
    out: dict[str, list[int]] = {}
    for gap in sorted(work):
        tally = out.setdefault(gap.file, [0, 0])
        tally[gap.state != bilingual.MISSING] += 1
    return {file: (missing, drafts) for file, (missing, drafts) in out.items()}


def summary(site) -> str:
    """How much Welsh is left to write and to check, file by file, and where the list is."""
    parts = [f"{file}: {missing} without Welsh, {drafts} draft{'s' if drafts != 1 else ''}"
             for file, (missing, drafts) in counts(site.welsh_work).items()]
    return ("Welsh still to write or check (" + "; ".join(parts) + "). "
            "python scripts/review_report.py lists them all.")
