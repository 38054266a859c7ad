"""``codesolve report``: report.md, report.json and report.png for a run directory."""

from __future__ import annotations

import argparse
import sys

from . import HELP
from .common import Subparsers, UsageError


def add_parser(sub: Subparsers) -> None:
    """Add ``report`` to the subcommands."""
    p = sub.add_parser("report", help=HELP["report"])
    p.add_argument("run_dir", metavar="DIR")
    p.add_argument("--draws", type=int, default=100,
                   help="random subsets per sample budget for the solve-rate curve (default 100)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the report; the markdown on stdout, the paths on stderr."""
    from ..report import write
    from ..store import RunStore

    try:
        store = RunStore.open_existing(args.run_dir)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    try:
        paths = write(store, args.draws)
    finally:
        store.close()
    with open(paths["markdown"]) as f:
        sys.stdout.write(f.read())
    print("written: " + ", ".join(paths.values()), file=sys.stderr)
    return 0
