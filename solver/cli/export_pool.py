"""``codesolve export-pool``: a run directory's model samples as a replay pool."""

from __future__ import annotations

import argparse
import os
import sys

from . import HELP
from .common import Subparsers, UsageError


def add_parser(sub: Subparsers) -> None:
    """Add ``export-pool`` to the subcommands."""
    p = sub.add_parser("export-pool", help=HELP["export-pool"])
    p.add_argument("run_dir", metavar="DIR")
    p.add_argument("--out", metavar="FILE", help="the pool to write (default: DIR/pool.jsonl)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the pool; a summary on stderr. Exit code 1 when the run recorded no sample of a
    live model (a run that replayed a pool has nothing of its own to export)."""
    from ..export import export_pool
    from ..store import DB_NAME

    db = os.path.join(args.run_dir, DB_NAME)
    if not os.path.isfile(db):
        raise UsageError(f"{args.run_dir}: not a run directory (no {DB_NAME}; make one with codesolve solve --out DIR)")
    out = args.out or os.path.join(args.run_dir, "pool.jsonl")
    summary = export_pool(db, out)
    written = ", ".join(f"{n} {role}" for role, n in sorted(summary["rows"].items())) or "no"
    print(f"{out}: {written} samples of {summary['problems']} problems"
          + (f"; {summary['left_out']} left out after a gap in their indices" if summary["left_out"] else ""),
          file=sys.stderr)
    if not summary["rows"]:
        print(f"codesolve export-pool: {args.run_dir} recorded no sample of a live model (a replayed run "
              "has its pool already)", file=sys.stderr)
        return 1
    return 0
