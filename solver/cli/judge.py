"""``codesolve judge``: a program on a folder of tests, or on a problem's tests."""

from __future__ import annotations

import argparse
import logging
import os

from problems.judging.checkers import Checker
from problems.judging.judge import Test, judge
from sandbox import Program, Sandbox

from . import HELP
from .common import Subparsers, UsageError, add_limits, add_sandbox, limits, print_json, read_program, sandbox_from

log = logging.getLogger("codesolve")


def add_parser(sub: Subparsers) -> None:
    """Add ``judge`` to the subcommands."""
    p = sub.add_parser("judge", help=HELP["judge"])
    p.add_argument("file", help="source file (.py or .cpp)")
    p.add_argument("--tests", metavar="DIR", help="folder of NAME.in and NAME.ans files")
    p.add_argument("--problem", metavar="PATH",
                   help="a problem (package, or a data file holding one problem): its samples and hidden "
                        "tests, limits and checker")
    p.add_argument("--checker", metavar="SPEC",
                   help="'default', 'json', Kattis validator flags such as 'float_tolerance 1e-6', "
                        "or the path of an output validator (a source file, or a folder: one main source or "
                        "build/run scripts)")
    p.add_argument("--language", help="python or cpp (default: from the extension)")
    p.add_argument("--all", action="store_true", help="run every test instead of stopping at the first failure")
    add_sandbox(p)
    add_limits(p, "; with --problem, the problem's")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the verdict as JSON; exit code 0 accepted, 1 rejected, 2 judge error."""
    if bool(args.tests) == bool(args.problem):
        raise UsageError("give exactly one of --tests DIR or --problem PATH")
    if args.problem and args.checker:
        raise UsageError("--checker goes with --tests; a problem brings its own checker")
    with sandbox_from(args) as sandbox:  # its boxes start while the program and the tests are read
        program = read_program(args.file, args.language)
        if args.problem:
            return _judge_problem(args, program, sandbox)
        test_limits = limits(args)
        tests = _read_tests(args.tests)
        checker = _checker(args.checker)
        result = judge(sandbox, program, tests, test_limits, checker, stop_on_failure=not args.all)
    print_json(result.to_json())
    if result.verdict.value == "JE":
        return 2
    return 0 if result.accepted else 1


def _judge_problem(args: argparse.Namespace, program: Program, sandbox: Sandbox) -> int:
    from problems import load
    from problems.judging import judge_problem
    from problems.kattis import needs_derived_time_limit

    problem_set = load(args.problem)
    if len(problem_set) != 1:
        raise UsageError(f"--problem {args.problem}: holds {len(problem_set)} problems; name one package")
    problem = problem_set[0]
    problem_limits = limits(args, problem.limits)
    if args.time_limit is None and needs_derived_time_limit(problem):
        log.warning("%s gives no time limit; using %gs (run 'codesolve problems validate' to derive it)",
                    problem.id, problem.limits.time_s)
    result = judge_problem(sandbox, program, problem, problem_limits, stop_on_failure=not args.all)
    print_json({"problem": problem.id, **result.to_json()})
    if result.verdict.value == "JE":
        return 2
    return 0 if result.accepted else 1


def _read_tests(folder: str) -> list[Test]:
    """The NAME.in / NAME.ans pairs of ``folder``, by name."""
    if not os.path.isdir(folder):
        raise UsageError(f"--tests {folder}: not a directory")
    names = set(os.listdir(folder))
    tests: list[Test] = []
    for name in sorted(names):
        if not name.endswith(".in"):
            continue
        stem = name[:-3]
        if stem + ".ans" not in names:
            raise UsageError(f"--tests {folder}: {name} has no matching {stem}.ans")
        tests.append(Test(stem, _read(os.path.join(folder, name)), _read(os.path.join(folder, stem + ".ans"))))
    if not tests:
        raise UsageError(f"--tests {folder}: no NAME.in / NAME.ans pairs found")
    return tests


def _read(path: str) -> bytes:
    """A file's bytes (without a buffered file object: a folder may hold thousands)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _checker(spec: str | None) -> Checker:
    """The checker ``--checker`` names (see its help)."""
    if not spec or spec == "default":
        return Checker()
    if spec == "json":
        return Checker(kind="json")
    if os.path.isdir(spec):  # one main source, or build/run scripts, as in a package
        from problems.kattis import program_from_path

        return Checker(kind="validator", validator=program_from_path(spec))
    if os.path.exists(spec):
        return Checker(kind="validator", validator=read_program(spec, None))
    return Checker.from_flags(spec)
