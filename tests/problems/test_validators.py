"""Validators, one protocol: exit 42 accepts, 43 rejects; an input validator that ends otherwise rejects
with the reason; one that cannot run (does not compile) is an error, never an accept."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from problems.errors import CheckerError, ValidatorError
from problems.judging import VALIDATOR_LIMITS, Checker, PreparedChecker, Test, run_validator
from problems.judging.judge import VALIDATOR_LIMITS as JUDGE_LIMITS
from problems.kattis import load_package
from problems.validation import validate_problem
from sandbox import Limits, Program
from solver.testgen import validate_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "kattis"

#: Accepts one integer in [0, 10], saying why it rejects on stderr.
RANGE = ("import sys\nn = int(sys.stdin.read())\n"
         "if not 0 <= n <= 10:\n    sys.stderr.write(f'{n} out of range')\n    sys.exit(43)\nsys.exit(42)\n")


def test_accepts_and_rejects_each_input(sandbox):
    results = run_validator(sandbox, Program("python", RANGE), [b"3\n", b"11\n", b"0\n", b"-1\n"])
    assert [r.accepted for r in results] == [True, False, True, False]
    assert results[1].message == "11 out of range" and results[0].message == ""


def test_a_compiled_validator_runs_with_its_arguments(sandbox):
    source = "import sys\nsys.exit(42 if sys.stdin.read().strip() == sys.argv[1] else 43)\n"
    compiled = sandbox.compile(Program("python", source))
    assert compiled.ok
    results = run_validator(sandbox, compiled.executable, [b"yes\n", b"no\n"], args=("yes",))
    assert [r.accepted for r in results] == [True, False]
    assert run_validator(sandbox, compiled.executable, []) == []


def test_a_validator_that_does_not_compile_raises(sandbox):
    with pytest.raises(ValidatorError) as info:
        run_validator(sandbox, Program("python", "def broken(:\n"), [b"1\n"], name="input validator 2")
    assert isinstance(info.value, CheckerError)
    assert str(info.value).startswith("input validator 2 does not compile")
    assert info.value.validator == "input validator 2"


def test_an_input_validator_that_exits_3_rejects_that_input_and_says_why(sandbox):
    source = "import sys\nn = int(sys.stdin.read())\nsys.exit(3 if n == 7 else 42)\n"
    results = run_validator(sandbox, Program("python", source), [b"1\n", b"7\n", b"2\n"])
    assert [r.accepted for r in results] == [True, False, True]
    assert results[1].message.startswith("the input validator failed (RE, exit 3")


def test_an_input_validator_that_crashes_rejects_with_its_stderr(sandbox):
    [result] = run_validator(sandbox, Program("python", RANGE), [b"not a number\n"])
    assert not result.accepted and "ValueError" in result.message


def test_an_input_validator_that_loops_hits_the_limit_and_rejects(sandbox):
    # Every caller runs under VALIDATOR_LIMITS (30 s of CPU); a small limit keeps this test short.
    [result] = run_validator(sandbox, Program("python", "while True:\n    pass\n"), [b"1\n"],
                             limits=Limits(time_s=0.5, wall_s=2.0))
    assert not result.accepted and "TLE" in result.message


def test_output_validators_share_the_limits_and_the_failure_rule(sandbox):
    assert JUDGE_LIMITS is VALIDATOR_LIMITS
    with pytest.raises(ValidatorError, match="the output validator does not compile"):
        PreparedChecker(sandbox, Checker("validator", validator=Program("python", "def broken(:\n")))
    exits = "import sys\nsys.exit({'1': 42, '2': 43}.get(sys.stdin.read().strip(), 3))\n"
    checker = PreparedChecker(sandbox, Checker("validator", validator=Program("python", exits)))
    test = Test("t", b"", b"")
    assert [r.accepted for r in checker.check_many([(test, b"1\n"), (test, b"2\n")])] == [True, False]
    with pytest.raises(ValidatorError, match=r"the output validator failed \(RE, exit 3"):
        checker.check_many([(test, b"5\n")])


def test_package_validation_reports_a_validator_that_cannot_run(sandbox, tmp_path):
    pkg = tmp_path / "legacysum"
    shutil.copytree(FIXTURES / "legacysum", pkg)
    shutil.rmtree(pkg / "submissions")
    (pkg / "input_validators" / "range" / "range.py").write_text("def broken(:\n")
    checks = {c.item: c for c in validate_problem(sandbox, load_package(str(pkg)))}
    check = checks["input validator 1"]
    assert not check.ok and check.got == "error" and check.expected == "accepts 5 inputs"
    assert check.detail.startswith("input validator 1 does not compile")


def test_the_problems_own_validator_that_cannot_run_is_an_error(sandbox):
    problem = load_package(str(FIXTURES / "legacysum"))
    assert validate_inputs(problem, sandbox, [b"1 2\n", b"-1 2\n"]) == [True, False]
    crashing = dataclasses.replace(problem, input_validators=(Program("python", "import sys\nsys.exit(1)\n"),))
    assert validate_inputs(crashing, sandbox, [b"1 2\n"]) == [False]
    broken = dataclasses.replace(problem, input_validators=(Program("python", "def broken(:\n"),))
    with pytest.raises(ValidatorError, match="input validator 1 of legacysum does not compile"):
        validate_inputs(broken, sandbox, [b"1 2\n"])
