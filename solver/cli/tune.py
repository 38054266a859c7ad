"""``codesolve tune``: choose the ranking weights and the adaptive budget's knobs on recorded runs (see
:mod:`solver.tune`)."""

from __future__ import annotations

import argparse
import sys

from . import HELP
from .common import Subparsers, UsageError


def add_parser(sub: Subparsers) -> None:
    """Add ``tune`` to the subcommands."""
    p = sub.add_parser("tune", help=HELP["tune"])
    p.add_argument("run_dirs", nargs="+", metavar="DIR",
                   help="run directories: fixed-budget runs, or cascade runs that drew every model's whole budget")
    p.add_argument("--dev", type=float, default=0.5, metavar="FRACTION",
                   help="share of the problems the search sees (default 0.5); the rest are held out")
    p.add_argument("--seed", type=int, default=0, help="seed of the dev/held-out split (default 0)")
    p.add_argument("--out", metavar="FILE", default="tuned.toml",
                   help="config file of the chosen setting, for codesolve solve --config (default tuned.toml)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the split and the figures; write the chosen setting as a config file."""
    from ..report import ProblemFigures
    from ..store import RunStore
    from ..tune import format_result, tune

    if not 0 < args.dev < 1:
        raise UsageError(f"--dev {args.dev}: expected a fraction between 0 and 1")
    figures = []
    for run_dir in args.run_dirs:
        try:
            store = RunStore.open_existing(run_dir)
        except FileNotFoundError as exc:
            raise UsageError(str(exc)) from None
        try:
            rows = store.problems()
        finally:
            store.close()
        figures += [ProblemFigures(dict(r, id=f"{run_dir}:{r['id']}" if len(args.run_dirs) > 1 else r["id"]), 1)
                    for r in rows if r["status"] == "done" and r["judged"] is not None and r["attempt"]]
    try:
        result = tune(figures, args.dev, args.seed)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(format_result(result))
    with open(args.out, "w") as f:
        f.write(f"# codesolve tune {' '.join(args.run_dirs)} --dev {args.dev} --seed {args.seed}\n")
        f.write(result["chosen"].to_toml())
    print(f"written: {args.out} (codesolve solve --config {args.out} ...)", file=sys.stderr)
    return 0
