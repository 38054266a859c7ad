"""``codesolve compare``: runs side by side, with bootstrap intervals and paired differences."""

from __future__ import annotations

import argparse
import sys

from . import HELP
from .common import Subparsers, UsageError


def add_parser(sub: Subparsers) -> None:
    """Add ``compare`` to the subcommands."""
    p = sub.add_parser("compare", help=HELP["compare"],
                       description=HELP["compare"] + ". The first run is the baseline.")
    p.add_argument("run_dirs", metavar="DIR", nargs="+",
                   help="run directories (at least two; the first is the baseline)")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON instead of markdown")
    p.add_argument("--draws", type=int, default=2000, help="bootstrap draws per interval (default 2000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap draws (default 0)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the comparison: markdown, or JSON with ``--json``."""
    if len(args.run_dirs) < 2:
        raise UsageError(f"compare needs at least two run directories, got {len(args.run_dirs)}: {args.run_dirs[0]}")
    if args.draws < 1:
        raise UsageError(f"--draws: need at least 1 bootstrap draw, got {args.draws}")
    from ..compare import compare_runs, markdown
    from .common import print_json

    comparison = compare_runs(args.run_dirs, draws=args.draws, seed=args.seed)
    if args.json:
        print_json(comparison)
    else:
        sys.stdout.write(markdown(comparison))
    return 0
