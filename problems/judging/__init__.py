"""Judging, in one place (running is the sandbox's; deciding is here): output checkers
(Kattis default semantics, JSON, output validators), the function-call and test-program
harnesses, judging a program on tests, and judging it on a problem.
"""

from ..errors import CheckerError
from .checkers import Checker, CheckResult
from .harness import function_call_program, function_calls_program, judge_test_program, run_calls, test_program
from .judge import VALIDATOR_LIMITS, JudgeResult, PreparedChecker, Test, TestVerdict, Verdict, judge, judge_runs
from .problem import call_limits, judge_problem, solution_program, with_time_limit

__all__ = [
    "CheckResult", "Checker", "CheckerError", "JudgeResult", "PreparedChecker", "Test", "TestVerdict",
    "VALIDATOR_LIMITS", "Verdict", "call_limits", "function_call_program", "function_calls_program", "judge",
    "judge_problem", "judge_runs", "judge_test_program", "run_calls", "solution_program", "test_program",
    "with_time_limit",
]
