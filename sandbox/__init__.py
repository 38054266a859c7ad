"""Run untrusted programs under limits, isolated: the ``Sandbox`` contract and its backends."""

from .backends import BACKENDS, open_sandbox
from .base import Sandbox, StopRule
from .errors import BoxCrashed, IsolationUnavailable, SandboxError, UnsupportedLanguage
from .languages import LANGUAGES, Language, get_language, language_for_path
from .limits import COMPILE_LIMITS, Limits
from .programs import CompileResult, Executable, Program, RunInput
from .results import Interaction, RunResult, Status

__all__ = [
    "BACKENDS", "BoxCrashed", "COMPILE_LIMITS", "CompileResult", "Executable", "Interaction", "IsolationUnavailable",
    "LANGUAGES", "Language", "Limits", "Program", "RunInput", "RunResult", "Sandbox", "SandboxError", "Status",
    "StopRule", "UnsupportedLanguage", "get_language", "language_for_path", "open_sandbox",
]
