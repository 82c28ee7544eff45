#!/usr/bin/env python3
"""How long validation takes on a large site: python scripts/bench_validate.py [N] [--seed S] [--welsh-every K]

Writes N (default 400) synthetic areas into a temporary folder, times
signpost.content.validate on it and prints `validate_seconds: X.XX` (wall clock) and
`validate_cpu_seconds: X.XX` with the counts.
With --welsh-every K, one area in K is published in Welsh with half its texts translated
(signpost.synth.with_welsh), and the texts left to translate are counted (`welsh_work`).
The folder is removed afterwards unless --keep is given. Target: under 2 seconds for 400.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signpost.content import validate  # noqa: E402
from signpost.synth import write_dataset  # noqa: E402

TARGET_SECONDS = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=400, help="areas to generate (default 400)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    parser.add_argument("--welsh-every", type=int, default=0, metavar="K",
                        help="publish one area in K in Welsh too (default: none)")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="signpost-bench-"))
    try:
        # Minimal national and glossary files: the figure must not depend on content in progress.
        write_dataset(folder, n=args.n, seed=args.seed, welsh_every=args.welsh_every)
        started, cpu_started = time.perf_counter(), time.process_time()
        site, problems = validate(folder)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    finally:
        if args.keep:
            print(f"folder: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if problems:
        for problem in problems[:20]:
            print(problem)
        print(f"{len(problems)} problems: the synthetic data should be valid", file=sys.stderr)
        return 1
    services = sum(len(a.services) for a in site.areas)
    contacts = sum(len(a.contacts) for a in site.areas)
    nodes = sum(len(p.nodes) for a in site.areas for p in a.pathways.values())
    print(f"areas: {len(site.areas)}")
    print(f"services: {services}")
    print(f"contacts: {contacts}")
    print(f"pathway_nodes: {nodes}")
    print(f"welsh_areas: {sum(1 for a in site.areas if a.publishes_welsh)}")
    print(f"welsh_work: {len(site.welsh_work)}")
    print(f"validate_seconds: {seconds:.2f}")
    # CPU time too: on a busy machine the wall clock also counts other processes' turns.
    print(f"validate_cpu_seconds: {cpu_seconds:.2f}")
    print(f"target: < {TARGET_SECONDS:.0f} s ({'met' if seconds < TARGET_SECONDS else 'missed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
