"""Judging, in one place (running is the sandbox's; deciding is here): output checkers
(Kattis default semantics, JSON, output validators), running validators (input and output,
one protocol, one set of limits), interactive problems (a program against an interactor),
the function-call and test-program harnesses, judging a program on tests, and judging it
on a problem.
"""

from ..errors import CheckerError
from .checkers import Checker, CheckResult
from .harness import function_call_program, function_calls_program, judge_test_program, run_calls, test_program
from .interactive import interaction_verdict, interactor_input, interactor_limits, judge_interactions
from .judge import JudgeResult, PreparedChecker, Test, TestVerdict, Verdict, judge, judge_runs
from .problem import call_limits, judge_problem, solution_program, with_time_limit
from .validators import (
                         VALIDATOR_LIMITS,
                         ValidatorError,
                         compile_validator,
                         input_verdict,
                         run_validator,
                         validator_accepts,
)

__all__ = [
    "CheckResult", "Checker", "CheckerError", "JudgeResult", "PreparedChecker", "Test", "TestVerdict",
    "VALIDATOR_LIMITS", "ValidatorError", "Verdict", "call_limits", "compile_validator", "function_call_program",
    "input_verdict", "interaction_verdict", "interactor_input", "interactor_limits", "judge_interactions",
    "function_calls_program", "judge", "judge_problem", "judge_runs", "judge_test_program", "run_calls",
    "run_validator", "solution_program", "test_program", "validator_accepts", "with_time_limit",
]
