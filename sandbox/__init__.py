"""Run untrusted programs under limits, isolated; compare outputs; judge."""

from .backends import BACKENDS, open_sandbox
from .checkers import Checker, CheckResult
from .errors import BoxCrashed, CheckerError, IsolationUnavailable, SandboxError, UnsupportedLanguage
from .languages import LANGUAGES, Language, get_language, language_for_path
from .limits import COMPILE_LIMITS, Limits
from .programs import CompileResult, Executable, Program, RunInput
from .results import RunResult, Status
from .judging import JudgeResult, Test, TestVerdict, Verdict, judge
from .harness import function_call_program, function_calls_program, judge_test_program, run_calls, test_program

__all__ = [
    "BACKENDS", "CheckResult", "Checker", "JudgeResult", "Test", "TestVerdict", "Verdict", "judge",
    "function_call_program", "function_calls_program", "judge_test_program", "open_sandbox", "run_calls",
    "test_program",
    "BoxCrashed", "COMPILE_LIMITS", "CheckerError", "CompileResult", "Executable", "IsolationUnavailable",
    "LANGUAGES", "Language", "Limits", "Program", "RunInput", "RunResult", "SandboxError", "Status",
    "UnsupportedLanguage", "get_language", "language_for_path",
]
