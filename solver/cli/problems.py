"""``codesolve problems list`` and ``codesolve problems validate``."""

from __future__ import annotations

import argparse
import sys

from . import HELP
from .common import SKIPPED_EXIT, Subparsers, add_sandbox, load_problems, sandbox_from


def add_parser(sub: Subparsers) -> None:
    """Add ``problems`` and its subcommands."""
    problems = sub.add_parser("problems", help=HELP["problems"]).add_subparsers(
        dest="problems_command", required=True)
    p = problems.add_parser("list", help="one line per problem: id, title, interface, tests, limits")
    p.add_argument("path", help="a problem package, a folder of packages or a data file")
    p.set_defaults(func=list_problems)
    p = problems.add_parser("validate", help="check packages as problem setters do (validators, submissions)")
    p.add_argument("path", help="a problem package or a folder of packages")
    add_sandbox(p)
    p.set_defaults(func=validate)


def list_problems(args: argparse.Namespace) -> int:
    """One line per problem; each broken package named on stderr (exit code 3)."""
    problem_set = load_problems(args.path)
    for problem in problem_set:
        print(problem.describe())
    return SKIPPED_EXIT if problem_set.broken else 0


def validate(args: argparse.Namespace) -> int:
    """A table of the checks (a broken package's is that it loads); exit code 1 when one fails."""
    from tqdm import tqdm

    from problems.validation import Check, format_table, validate_problem

    problem_set = load_problems(args.path)
    checks = [Check(name, "package", "loads", "error", message) for name, message in problem_set.broken]
    with sandbox_from(args) as sandbox:
        with tqdm(problem_set, desc="validating", unit="problem", file=sys.stderr) as bar:
            for problem in bar:
                bar.set_postfix_str(problem.id)
                checks += validate_problem(sandbox, problem)
    print(format_table(checks))
    return 0 if all(c.ok for c in checks) else 1
