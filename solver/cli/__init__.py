"""The ``codesolve`` command line.

Exit codes, for every command: 2 bad input (a file, an option, a configuration, a model
endpoint that cannot serve) or an error of the sandbox itself, 130 interrupted, 141 a
closed pipe; else 0, except: ``judge`` 1 when the program is rejected; ``problems
validate`` 1 when a check fails; ``solve`` 1 when some problem failed (the rest are done
and reported); ``sandbox doctor`` 1 when no backend works. Results are printed on stdout
(JSON for ``run``, ``judge`` and ``eval``); messages on stderr.

A module per command (``run``, ``judge``, ``eval``, ``solve``, ``report``, ``sandbox``,
``problems``), each with ``add_parser(subparsers)``; the reference docs/cli.md is written
from this parser by :mod:`solver.cli.reference`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Sequence

from problems.errors import CheckerError, ProblemError
from sandbox import SandboxError

from ..batch import RunDirError
from ..config import ConfigError
from ..models import ModelError
from . import eval, judge, problems, report, run, sandbox, solve
from .common import UsageError

#: The command modules, in the order ``codesolve --help`` lists them.
COMMANDS = (run, judge, eval, solve, report, sandbox, problems)

#: What a command may raise that is the user's to fix (exit code 2, the message on stderr).
USER_ERRORS = (UsageError, SandboxError, ProblemError, CheckerError, ModelError, ConfigError, RunDirError)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command; each sets ``func``, the function that runs it."""
    parser = argparse.ArgumentParser(prog="codesolve", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` names; the exit code (see above)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        code: int = args.func(args)
        return code
    except USER_ERRORS as exc:
        print(f"codesolve {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("codesolve: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


__all__ = ["COMMANDS", "USER_ERRORS", "UsageError", "build_parser", "main"]
