"""``python -m bench``: run the benchmarks, print the results table, write the JSON file.

Exits 0 when every benchmark ran (a budget missed is a finding, reported in the table, not
an error) and 1 when one could not run.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

from bench.measure import RESULTS_DIR, Outcome, Row, machine_facts, qpa_platform
from bench.report import README_END, README_START, table, update_readme, write_json

#: In the order they run (and appear in the table).
BENCHMARKS = (
    "cold_start",
    "issue_latency",
    "history_queries",
    "memory",
    "board_repaint",
    "ticket_printing",
    "sync_call",
    "sync_converge",
    "sync_mesh",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="CNAIM Desk benchmarks, measured against DESIGN.md's budgets.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller counts, for a smoke run (minutes less)"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only this benchmark (repeat, or separate by commas): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=RESULTS_DIR / "latest.json",
        metavar="PATH",
        help="where to write the results (default: bench/results/latest.json)",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help=f"rewrite the table between {README_START} and {README_END} in README.md",
    )
    return parser


def _selected(only: list[str] | None) -> list[str]:
    if not only:
        return list(BENCHMARKS)
    names = [name.strip() for item in only for name in item.split(",") if name.strip()]
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(
            f"python -m bench: unknown benchmark {', '.join(unknown)}; "
            f"choose from {', '.join(BENCHMARKS)}"
        )
    return [name for name in BENCHMARKS if name in names]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    names = _selected(args.only)
    # Every window measured here, in this process or its children, is offscreen, on one
    # 1920×1080 screen.
    os.environ["QT_QPA_PLATFORM"] = qpa_platform()
    facts = machine_facts()
    outcomes: list[Outcome] = []
    failed = False
    for name in names:
        print(f"[{name}]", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}")
            outcome = module.run(quick=args.quick)
        except Exception as error:
            traceback.print_exc()
            failed = True
            outcome = Outcome(name, rows=[Row(f"{name} could not run", f"error: {error}")])
        outcome.seconds = time.perf_counter() - started
        print(f"  done in {outcome.seconds:.1f} s", file=sys.stderr, flush=True)
        outcomes.append(outcome)
        gc.collect()
        # Written after each benchmark: a run stopped before its end keeps what it measured.
        text = table(outcomes, facts, args.quick)
        write_json(args.json, outcomes, facts, args.quick)
        readme_updated = args.update_readme and update_readme(text)

    print(text)
    print(f"\nResults written to {args.json}")
    if args.update_readme:
        if readme_updated:
            print("README.md: table updated between the bench markers.")
        else:
            print(
                f"README.md has no {README_START} … {README_END} markers: the table is above, "
                "README.md was left as it is."
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
