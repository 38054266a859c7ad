"""``codesolve solve``: solve a problem set with a model into a run directory (resumable).

Its options are the fields of :class:`solver.config.RunConfig`: each field's metadata gives
its flag's help, short form and choices, so a field added there is a flag here."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import fields

from ..config import RunConfig, flag, option_help
from . import HELP
from .common import Subparsers, UsageError, load_problems


def add_parser(sub: Subparsers) -> None:
    """Add ``solve`` to the subcommands."""
    p = sub.add_parser("solve", help=HELP["solve"])
    p.add_argument("problems", nargs="?", help=RunConfig.__dataclass_fields__["problems"].metadata["help"])
    p.add_argument("--config", metavar="FILE", help="TOML file of options (also $CODESOLVE_CONFIG)")
    p.add_argument("--print-config", action="store_true", help="print the effective configuration and exit")
    p.add_argument("--force", action="store_true",
                   help="reuse a run directory made with another configuration (its per-problem results are "
                        "dropped; recorded samples and executions are reused)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    add_config_flags(p)
    p.set_defaults(func=run)


def add_config_flags(p: argparse.ArgumentParser) -> None:
    """A flag per field of the run configuration that has one, default None so that the
    config file and the environment show through."""
    for f in fields(RunConfig):
        meta = f.metadata
        if not meta["flag"]:
            continue
        help_text = option_help(f).replace("%", "%%")
        if meta["choices"]:
            p.add_argument(flag(f.name), choices=meta["choices"], default=None, help=help_text)
        elif isinstance(f.default, bool):
            p.add_argument(flag(f.name), action=argparse.BooleanOptionalAction, default=None, help=help_text)
        else:
            short = [meta["short"]] if meta["short"] else []
            p.add_argument(*short, flag(f.name), dest=f.name, default=None, metavar=f.name.upper(), help=help_text)


def run(args: argparse.Namespace) -> int:
    """Solve, write the report, print a summary; exit code 1 when some problem failed, 130
    when interrupted (what finished is recorded)."""
    from ..batch import open_run, solve_set
    from ..config import resolve, to_toml
    from ..executor import open_executor
    from ..report import summary, write

    cli = {f.name: getattr(args, f.name, None) for f in fields(RunConfig)}
    cli["problems"] = os.path.normpath(args.problems) if args.problems else None
    config, sources = resolve(cli, args.config)
    if args.problems:
        sources["problems"] = "command line"
    if args.print_config:
        sys.stdout.write(to_toml(config, sources))
        return 0
    if not config.problems:
        raise UsageError("no problems given (codesolve solve PROBLEMS, or problems = \"...\" in the config file)")
    if not config.model:
        raise UsageError("no model given (--model NAME with --base-url URL, or --model replay:FILE)")
    problem_set = load_problems(config.problems)
    store = open_run(config, args.force)
    try:
        sandbox = open_executor(config.executor, config.backend, config.ray_address or None,
                                warm_python=config.warm_python, warm_native=config.warm_native)
        try:
            outcome = solve_set(problem_set, config, sandbox, store, progress=not args.quiet)
        except KeyboardInterrupt:
            print(f"codesolve solve: interrupted; what finished is recorded in {store.dir}. Run the same "
                  "command again to resume.", file=sys.stderr)
            return 130
        finally:
            sandbox.close()
        paths = write(store)
    finally:
        store.close()
    judged = len(outcome.solved) + len(outcome.unsolved)
    print(f"{store.dir}: {len(problem_set)} problems; this run finished {judged + len(outcome.errors)}"
          + (f" (earlier runs: {len(outcome.skipped)})" if outcome.skipped else "")
          + f", {outcome.executions} executions")
    text, failed = summary(paths["json"])
    sys.stdout.write(text)
    print("report: " + ", ".join(paths.values()))
    return 1 if failed else 0
