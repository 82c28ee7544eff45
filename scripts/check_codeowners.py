#!/usr/bin/env python3
"""Are the owners in .github/CODEOWNERS real? python scripts/check_codeowners.py

CODEOWNERS ships with placeholder teams (@your-org/...). Until a deployment replaces them with
its own teams, "Require review from Code Owners" enforces nothing: GitHub ignores owners that do
not exist. Prints each placeholder as `.github/CODEOWNERS:line: ...` (and as a GitHub warning
annotation when run in Actions) and exits 1 while any remains.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

CODEOWNERS = Path(__file__).resolve().parent.parent / ".github" / "CODEOWNERS"
PLACEHOLDER = "@your-org/"


def main() -> int:
    found = 0
    for number, line in enumerate(CODEOWNERS.read_text("utf-8").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for owner in line.split()[1:]:
            if owner.startswith(PLACEHOLDER):
                found += 1
                message = (f"{owner} is a placeholder: replace it with a real team that has write "
                           "access, or required reviews enforce nothing")
                print(f".github/CODEOWNERS:{number}: {message}")
                if os.environ.get("GITHUB_ACTIONS") == "true":
                    print(f"::warning file=.github/CODEOWNERS,line={number}::{message}")
    if found:
        print(f"{found} placeholder owner(s): see the set-up steps in CONTRIBUTING.md", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
