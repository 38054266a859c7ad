"""What several commands share: the usage error, reading a program, the limit and sandbox
flags, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from sandbox import Limits, Program, Sandbox, get_language, language_for_path
from sandbox.backends import BACKENDS, open_sandbox

if TYPE_CHECKING:
    from problems.model import ProblemSet

#: What ``add_subparsers`` returns: each command module adds its parser to it.
Subparsers = argparse._SubParsersAction


class UsageError(Exception):
    """Bad command-line input; the message names the file or option."""


def read_program(path: str, language: str | None) -> Program:
    """The program in ``path``, in ``language`` or the one its extension names."""
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the program: {exc.strerror}") from None
    lang = get_language(language) if language else language_for_path(path)
    return Program(lang.name, source)


def add_limits(p: argparse.ArgumentParser, problem_note: str = "") -> None:
    """``--time-limit``, ``--wall-limit``, ``--memory-limit`` and ``--output-limit``."""
    d = Limits()
    p.add_argument("--time-limit", type=float, metavar="S", help=f"CPU seconds (default {d.time_s:g}{problem_note})")
    p.add_argument("--wall-limit", type=float, metavar="S", help="wall seconds (default 2*time+1)")
    p.add_argument("--memory-limit", type=int, metavar="MB", help=f"memory in MB (default {d.memory_mb}{problem_note})")
    p.add_argument("--output-limit", type=int, metavar="MB",
                   help=f"output and file size in MB (default {d.output_mb}{problem_note})")


def limits(args: argparse.Namespace, base: Limits = Limits()) -> Limits:
    """``base`` with the limits given on the command line."""
    given = {"time_s": args.time_limit, "memory_mb": args.memory_limit, "output_mb": args.output_limit,
             "wall_s": args.wall_limit}
    try:
        return base.with_(**{k: v for k, v in given.items() if v is not None})
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def add_sandbox(p: argparse.ArgumentParser, warm: bool = True) -> None:
    """``--backend`` and, for a command that runs many programs or inputs (``warm``),
    ``--warm-python`` and ``--warm-native``; a command that runs one program once starts it
    cold (a warm interpreter or a fork server would cost its start and save nothing)."""
    p.add_argument("--backend", default="local", choices=sorted(BACKENDS))
    if warm:
        p.add_argument("--warm-python", action=argparse.BooleanOptionalAction, default=True,
                       help="run Python programs as forks of a warm interpreter "
                            "(default; results are the same either way)")
        p.add_argument("--warm-native", action=argparse.BooleanOptionalAction, default=True,
                       help="run a compiled program given several inputs as forks of one loaded copy of itself "
                            "(default; results are the same either way)")


def sandbox_from(args: argparse.Namespace, prestart: bool = True) -> Sandbox:
    """The sandbox the flags of :func:`add_sandbox` ask for; with ``prestart``, its boxes
    (one per worker) already starting in the background while the command reads its input."""
    sandbox: Sandbox = open_sandbox(args.backend, warm_python=getattr(args, "warm_python", False),
                                    warm_native=getattr(args, "warm_native", False))
    if prestart:
        sandbox.prestart()
    return sandbox


#: Exit code of a command that did its work on a folder of packages but skipped broken ones.
SKIPPED_EXIT = 3


def load_problems(path: str) -> ProblemSet:
    """The problems at ``path``; a package of a folder that fails to load is skipped and
    named on stderr with its reason (the set's ``broken``), the rest are loaded."""
    from problems import load

    problem_set = load(path, skip_broken=True)
    for name, message in problem_set.broken:
        print(f"codesolve: skipped {name}: {message}", file=sys.stderr)
    return problem_set


def print_json(obj: Any) -> None:
    """``obj`` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
