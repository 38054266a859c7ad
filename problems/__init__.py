"""Problems: the problem model, loaders for the formats users have, package validation,
and the bundled problem sets (``problems/sets/``)."""

from .errors import ProblemError, UnknownFormat, UnsupportedProblem
from .loader import load
from .model import Interface, Problem, ProblemSet, TestCase

__all__ = ["Interface", "Problem", "ProblemError", "ProblemSet", "TestCase", "UnknownFormat",
           "UnsupportedProblem", "load"]
