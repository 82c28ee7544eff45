"""A problem found in the content, and the one way it is printed."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, located as precisely as the YAML allows.

    ``path`` is the dotted field path (``services.0.ages.to``); ``message`` says what is wrong;
    ``allowed`` says what to write instead. Lines and columns count from 1, as editors do.
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    allowed: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = self.path or "(file)"
        text = f"{where}: {field}: {self.message}"
        return f"{text} — {self.allowed}" if self.allowed else text


class ContentError(Exception):
    """Raised when content has problems; carries every one of them, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        return "\n".join(lines)


def dotted(path) -> str:
    """Join a path of keys and list indexes as editors read it: ``services.0.name``."""
    return ".".join(str(p) for p in path)
