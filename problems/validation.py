"""``codesolve problems validate``: check packages the way problem setters do.

For every package: it loads; every input (samples and hidden) is accepted by every input
validator (exit 42; a validator that cannot run fails the check with its error); the time
limit is derived by Kattis's rule when the package gives none; every submission in
``submissions/accepted`` gets AC, and every one in ``wrong_answer``,
``time_limit_exceeded`` and ``run_time_error`` gets that verdict (WA, TLE, RE) on the
first test it fails.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from sandbox import Program, Sandbox

from .errors import ProblemError, ValidatorError
from .judging import PreparedChecker, Verdict, judge_problem, run_validator, with_time_limit
from .kattis import derive_time_limit, needs_derived_time_limit, program_from_path
from .model import Problem, TestCase

EXPECTED = {"accepted": Verdict.AC, "wrong_answer": Verdict.WA, "time_limit_exceeded": Verdict.TLE,
            "run_time_error": Verdict.RE}


@dataclass(frozen=True)
class Check:
    problem: str
    item: str
    expected: str
    got: str
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def validate_problem(sandbox: Sandbox, problem: Problem) -> list[Check]:
    checks: list[Check] = []
    try:
        tests = problem.all_tests()
        _ = problem.statement
    except ProblemError as exc:
        return [Check(problem.id, "package", "loads", "error", str(exc))]
    if not problem.tests:
        checks.append(Check(problem.id, "hidden tests", ">= 1", "0"))
    for i, validator in enumerate(problem.input_validators):
        checks.append(_check_inputs(sandbox, problem, i, validator, tests))
    try:
        checker = PreparedChecker(sandbox, problem.checker)
    except Exception as exc:  # noqa: BLE001 - a validator that does not compile
        return checks + [Check(problem.id, "output validator", "compiles", "error", str(exc))]
    if needs_derived_time_limit(problem):
        problem, check = _derive(sandbox, problem, checker)
        checks.append(check)
    for category, paths in problem.submissions.items():
        expected = EXPECTED.get(category)
        if expected is None:
            continue
        for path in paths:
            checks.append(_check_submission(sandbox, problem, checker, category, path, expected))
    return checks


def _check_inputs(sandbox: Sandbox, problem: Problem, index: int, validator: Program,
                  tests: Sequence[TestCase]) -> Check:
    """Input validator ``index`` accepts every input; one that cannot run fails the check
    with its error."""
    name = f"input validator {index + 1}"
    expected = f"accepts {len(tests)} inputs"
    args = tuple(problem.metadata.get("input_validator_args", ()))
    try:
        results = run_validator(sandbox, validator, [t.input for t in tests], args, name)
    except ValidatorError as exc:
        return Check(problem.id, name, expected, "error", str(exc)[-300:])
    rejected = [(t.name, r.message) for t, r in zip(tests, results) if not r.accepted]
    if not rejected:
        return Check(problem.id, name, expected, expected)
    test_name, why = rejected[0]
    return Check(problem.id, name, expected, f"rejects {len(rejected)}", f"first: {test_name}: {why or 'rejected'}")


def _derive(sandbox: Sandbox, problem: Problem, checker: PreparedChecker) -> tuple[Problem, Check]:
    slowest = 0.0
    generous = problem.limits
    for path in problem.submissions.get("accepted", ()):
        result = judge_problem(sandbox, program_from_path(path), problem, generous, checker)
        slowest = max([slowest] + [t.run.cpu_s for t in result.tests if t.run is not None])
    if not problem.submissions.get("accepted"):
        return problem, Check(problem.id, "time limit", "derivable", "no accepted submission")
    limit = derive_time_limit(problem, slowest)
    return with_time_limit(problem, limit), Check(problem.id, "time limit", "derived", "derived",
                                                  f"{limit:g}s from slowest accepted {slowest:.3f}s")


def _check_submission(sandbox: Sandbox, problem: Problem, checker: PreparedChecker, category: str, path: str,
                      expected: Verdict) -> Check:
    item = f"{category}/{os.path.basename(path)}"
    try:
        program = program_from_path(path)
    except ProblemError as exc:
        return Check(problem.id, item, expected.value, "error", str(exc))
    result = judge_problem(sandbox, program, problem, checker=checker)
    failed = result.failed_test
    detail = ""
    if failed is not None:
        detail = f"{failed.verdict.value} on {failed.name}"
        if failed.message:
            detail += f": {failed.message[:120]}"
    elif result.tests:
        slowest = max((t.run.cpu_s for t in result.tests if t.run), default=0.0)
        detail = f"{len(result.tests)} tests, slowest {slowest:.2f}s"
    if result.verdict is Verdict.CE and result.compile is not None:
        detail = result.compile.stderr.decode(errors="replace")[-200:]
    return Check(problem.id, item, expected.value, result.verdict.value, detail)


def validate(sandbox: Sandbox, problems: Iterable[Problem],
             progress: Callable[[Problem], None] | None = None) -> list[Check]:
    checks: list[Check] = []
    for problem in problems:
        if progress:
            progress(problem)
        checks += validate_problem(sandbox, problem)
    return checks


def format_table(checks: list[Check]) -> str:
    rows = [("problem", "check", "expected", "got", "ok", "detail")]
    rows += [(c.problem, c.item, c.expected, c.got, "ok" if c.ok else "FAIL", c.detail) for c in checks]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(5)) + "  " + r[5] for r in rows]
    failed = sum(not c.ok for c in checks)
    lines.append(f"{len(checks) - failed} passed, {failed} failed")
    return "\n".join(lines)


__all__ = ["Check", "format_table", "validate", "validate_problem"]
