"""The ``codesolve`` command line.

Exit codes, for every command: 2 bad input (a file, an option, a configuration, a model
endpoint that cannot serve) or an error of the sandbox itself, 130 interrupted, 141 a
closed pipe; else 0, except: ``judge`` 1 when the program is rejected; ``problems
validate`` 1 when a check fails; ``solve`` 1 when some problem failed (the rest are done
and reported, broken packages included); ``sandbox doctor`` 1 when no backend works; ``problems
list`` and ``eval`` 3 when they skipped broken packages of a folder (each is named on
stderr with its reason; ``problems validate`` reports them as failed checks). Results are printed on stdout
(JSON for ``run``, ``judge`` and ``eval``); messages on stderr.

A module per command (``run``, ``judge``, ``eval``, ``solve``, ``report``, ``export-pool``
(``export_pool``), ``compare``, ``view``, ``tune``, ``sandbox``, ``problems``), each with
``add_parser(subparsers)``; the reference docs/cli.md is written from this parser by :mod:`solver.cli.reference`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import Sequence

from problems.errors import CheckerError, ProblemError
from sandbox import SandboxError

from ..errors import ConfigError, ModelError, RunDirError
from .common import UsageError

#: The commands, in the order ``codesolve --help`` lists them, and their one-line help. The
#: module of a command has its name and is imported only when the parser needs its options.
HELP = {
    "run": "run one program on one input in the sandbox; print a JSON result",
    "judge": "judge a program on a folder of tests or on a problem's tests",
    "eval": "grade external samples ({task_id, completion} JSONL) and report pass@k",
    "solve": "solve a problem set with a model into a run directory (resumable)",
    "report": "write report.md, report.json and report.png for a run directory",
    "export-pool": "write a run directory's model samples as a replay pool (JSONL)",
    "compare": "compare runs: solve rates, cost and time with bootstrap intervals, paired differences",
    "view": "browse a run directory in the browser (a loopback server, or one static HTML file)",
    "tune": "choose the ranking weights, the adaptive budget's first round and stop rule and a cascade's "
            "budgets on recorded runs (dev/held-out split)",
    "sandbox": "sandbox backends: diagnose, build the docker image",
    "problems": "list and validate problem sets",
}

#: What a command may raise that is the user's to fix (exit code 2, the message on stderr).
USER_ERRORS = (UsageError, SandboxError, ProblemError, CheckerError, ModelError, ConfigError, RunDirError)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command (or, with ``only``, the full parser of that command and
    the names and help of the others: what parsing its command line needs, and no more of
    the package is imported); each command sets ``func``, the function that runs it."""
    parser = argparse.ArgumentParser(prog="codesolve", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help in HELP.items():
        if only is None or name == only:
            importlib.import_module(f".{name.replace('-', '_')}", __name__).add_parser(sub)
        else:
            sub.add_parser(name, help=help)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, when it names a known one."""
    words = [a for a in argv if not a.startswith("-")]
    return words[0] if words and words[0] in HELP else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` names; the exit code (see above)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=_command_in(argv))
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


__all__ = ["HELP", "USER_ERRORS", "UsageError", "build_parser", "main"]
