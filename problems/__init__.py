"""Problems: the problem model, loaders for the formats users have, package validation,
judging (``problems.judging``) and the bundled problem sets (``problems/sets/``)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> the module defining it, imported on first use (a command that only names
#: the errors does not load every loader).
_PUBLIC = {
    **dict.fromkeys(("ProblemError", "UnknownFormat", "UnsupportedProblem"), "errors"),
    **dict.fromkeys(("bundled_sets", "load"), "loader"),
    **dict.fromkeys(("Interface", "Problem", "ProblemSet", "TestCase"), "model"),
}

__all__ = ["Interface", "Problem", "ProblemError", "ProblemSet", "TestCase", "UnknownFormat", "UnsupportedProblem",
           "bundled_sets", "load"]

if TYPE_CHECKING:  # the same names, eagerly, for the type checker
    from .errors import ProblemError, UnknownFormat, UnsupportedProblem
    from .loader import bundled_sets, load
    from .model import Interface, Problem, ProblemSet, TestCase


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'problems' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
