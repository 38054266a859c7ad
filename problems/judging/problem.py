"""Judging a program on a problem: the right harness, tests, limits and checker.

This module decides *what* to run; the sandbox runs it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sandbox import Limits, Program, Sandbox

from .harness import function_call_program, judge_test_program
from .judge import JudgeResult, PreparedChecker, judge

if TYPE_CHECKING:  # the problem model imports the checkers from here
    from ..model import Problem


def solution_program(problem: Problem, program: Program) -> Program:
    """What actually runs for a contestant program: itself, or a function-call harness around it."""
    if problem.interface.kind == "function":
        assert problem.interface.entry_point
        return function_call_program(program.language, program.source_bytes, problem.interface.entry_point)
    return program


#: The limit of one call of a function whose hidden tests are a test program (HumanEval,
#: MBPP): the problem's own limit is that of the whole program, every assertion in one run.
TEST_PROGRAM_CALL_LIMITS = Limits(time_s=1.0)


def call_limits(problem: Problem) -> Limits:
    """The limits of one run on one test input: the problem's, except for a problem judged
    by a test program, where one call gets :data:`TEST_PROGRAM_CALL_LIMITS` (memory as the
    problem's)."""
    if problem.test_program is not None and not problem.tests:
        return replace(problem.limits, time_s=min(problem.limits.time_s, TEST_PROGRAM_CALL_LIMITS.time_s),
                       wall_s=None)
    return problem.limits


def judge_problem(sandbox: Sandbox, program: Program, problem: Problem, limits: Limits | None = None,
                  checker: PreparedChecker | None = None, stop_on_failure: bool = True,
                  samples: bool = True) -> JudgeResult:
    """Judge ``program`` on the problem's samples (unless ``samples=False``) and hidden tests,
    with the problem's limits (or ``limits``) and checker (pass a prepared ``checker`` to
    compile a custom validator once for many programs)."""
    limits = limits or problem.limits
    if problem.test_program is not None and not problem.tests:
        return judge_test_program(sandbox, program.source_bytes, problem.test_program,
                                  problem.interface.entry_point or "", limits)
    tests = [t.to_test() for t in (problem.all_tests() if samples else problem.tests)]
    prepared = checker or PreparedChecker(sandbox, problem.checker)
    return judge(sandbox, solution_program(problem, program), tests, limits, prepared, stop_on_failure)


def with_time_limit(problem: Problem, time_s: float) -> Problem:
    """The same problem with another time limit (e.g. one derived by Kattis's rule)."""
    return replace(problem, limits=replace(problem.limits, time_s=time_s),
                   metadata={**problem.metadata, "time_limit_source": "derived from the slowest accepted submission"})
