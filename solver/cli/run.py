"""``codesolve run``: one program on one input in the sandbox, the result as JSON."""

from __future__ import annotations

import argparse
import sys

from sandbox.programs import RunInput

from . import HELP
from .common import Subparsers, UsageError, add_limits, add_sandbox, limits, print_json, read_program, sandbox_from


def add_parser(sub: Subparsers) -> None:
    """Add ``run`` to the subcommands."""
    p = sub.add_parser("run", help=HELP["run"])
    p.add_argument("file", help="source file (.py or .cpp)")
    p.add_argument("--language", help="python or cpp (default: from the extension)")
    p.add_argument("--input", help="file to use as stdin (default: this process's stdin)")
    add_sandbox(p, warm=False)
    add_limits(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compile and run; exit code 2 when the sandbox itself failed (status SE)."""
    program = read_program(args.file, args.language)
    run_limits = limits(args)
    if args.input:
        try:
            with open(args.input, "rb") as f:
                stdin = f.read()
        except OSError as exc:
            raise UsageError(f"--input {args.input}: {exc.strerror}") from None
    else:
        stdin = sys.stdin.buffer.read()
    with sandbox_from(args, prestart=False) as sandbox:  # one run: nothing to do while a box starts
        compiled = sandbox.compile(program)
        if compiled.executable is None:
            result = compiled.run
        else:
            result = sandbox.run(compiled.executable, RunInput(stdin=stdin), run_limits)
    print_json(result.to_json())
    return 2 if result.status.value == "SE" else 0
