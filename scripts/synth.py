#!/usr/bin/env python3
"""Write synthetic area files for tests and benchmarks: python scripts/synth.py [N] [--out DIR] [--seed S]

Writes N (default 400) fictional, valid area files into DIR (default: a new temporary folder),
with national.yml and glossary.yml (copied from services/ when they exist there, else minimal
ones) and a copy of the schema folder, then prints the folder. Check it with
`python scripts/validate.py DIR`. The same seed always writes the same files.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signpost.synth import write_dataset  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=400, help="how many areas (default 400)")
    parser.add_argument("--out", type=Path, help="folder to write into (default: a new temporary one)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--minimal", action="store_true",
                        help="write minimal national.yml and glossary.yml instead of copying services/ ones")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    out = args.out or Path(tempfile.mkdtemp(prefix="signpost-synth-"))
    written = write_dataset(out, n=args.n, seed=args.seed,
                            real_services=None if args.minimal else ROOT / "services")
    print(f"{len(written)} areas written to {out}")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
