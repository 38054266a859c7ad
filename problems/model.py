"""The problem model every loader maps into."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

from sandbox import Limits, Program

from .judging import Checker, Test

Loader = Callable[[], Any]


@dataclass(frozen=True)
class TestCase:
    """One test. ``input``/``answer`` are read on first use when the test lives in files.

    For function-call problems the input is one JSON array of arguments and the answer the
    JSON of the expected return value.
    """

    __test__ = False  # not a pytest test class

    name: str
    input_ref: bytes | str
    answer_ref: bytes | str | None = None
    group: str = "secret"
    #: An interactive problem's sample conversation (a Kattis ``.interaction`` file: ``<``
    #: before a line the program reads, ``>`` before one it writes), or None.
    interaction_ref: bytes | str | None = None

    @functools.cached_property
    def input(self) -> bytes:
        return _read(self.input_ref)

    @functools.cached_property
    def answer(self) -> bytes:
        return b"" if self.answer_ref is None else _read(self.answer_ref)

    @functools.cached_property
    def interaction(self) -> str:
        return "" if self.interaction_ref is None else _read(self.interaction_ref).decode("utf-8", errors="replace")

    def to_test(self) -> Test:
        return Test(self.name, self.input, self.answer)


def _read(ref: bytes | str) -> bytes:
    if isinstance(ref, bytes):
        return ref
    with open(ref, "rb") as f:
        return f.read()


@dataclass(frozen=True)
class Interface:
    """How a solution talks to the judge: ``stdio``, or a ``function`` call.

    A function-call problem names its ``entry_point``; ``signature`` is a Python-style
    signature (``def f(xs: list[int]) -> int``) and ``starter_code`` what the statement
    hands the contestant, when the source has them.
    """

    kind: str = "stdio"
    entry_point: str | None = None
    signature: str | None = None
    starter_code: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("stdio", "function"):
            raise ValueError(f"interface kind must be stdio or function, got {self.kind!r}")
        if self.kind == "function" and not self.entry_point:
            raise ValueError("a function interface needs an entry point")


@dataclass(frozen=True, eq=False)
class Problem:
    """A problem, whatever format it came from.

    ``statement``, ``samples`` and ``tests`` may be given as values or as loaders (zero-
    argument callables) run on first access, so listing a large set reads little.
    ``tests`` are the hidden tests. ``test_program`` is set instead of (or besides) tests
    for problems whose hidden tests are a program (HumanEval's ``check(candidate)``).
    ``submissions`` maps a Kattis category (``accepted``, ``wrong_answer``, ...) to source
    paths; ``input_validators`` are programs that exit 42 on a valid input.
    """

    id: str
    title: str
    statement_ref: str | Loader = ""
    samples_ref: Sequence[TestCase] | Loader = ()
    tests_ref: Sequence[TestCase] | Loader = ()
    limits: Limits = Limits()
    checker: Checker = Checker()
    interface: Interface = Interface()
    test_program: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""
    submissions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    input_validators: tuple[Program, ...] = ()
    #: How many hidden tests there are, when known without loading them.
    test_count_hint: int | None = None

    @functools.cached_property
    def statement(self) -> str:
        ref = self.statement_ref
        return ref() if callable(ref) else ref

    @functools.cached_property
    def samples(self) -> tuple[TestCase, ...]:
        ref = self.samples_ref
        return tuple(ref() if callable(ref) else ref)

    @functools.cached_property
    def tests(self) -> tuple[TestCase, ...]:
        ref = self.tests_ref
        return tuple(ref() if callable(ref) else ref)

    @property
    def test_count(self) -> int:
        if self.test_count_hint is not None:
            return self.test_count_hint
        return len(self.tests)

    @property
    def interactive(self) -> bool:
        """The program talks with an interactor (the checker) instead of writing an output."""
        return self.checker.interactive

    @property
    def soft_examples(self) -> bool:
        """The samples are examples read from the statement's text (group ``example``) that
        the judge does not check: a candidate failing one may still be right."""
        return bool(self.samples) and all(t.group == "example" for t in self.samples)

    def all_tests(self) -> tuple[TestCase, ...]:
        """Samples first, then hidden tests (the order a judge uses)."""
        return self.samples + self.tests

    def describe(self) -> str:
        """One line: id, title, interface, number of tests, limits."""
        iface = "interactive" if self.interactive else self.interface.kind
        if self.interface.kind == "function":
            iface += f":{self.interface.entry_point}"
        tests = f"{self.test_count} tests" if not self.test_program else "test program"
        return (f"{self.id}\t{self.title}\t{iface}\t{tests}\t"
                f"{self.limits.time_s:g}s {self.limits.memory_mb}MB")


@dataclass(frozen=True)
class ProblemSet:
    """An ordered collection of problems (loaded lazily where the format allows)."""

    name: str
    problems: tuple[Problem, ...]
    source: str = ""
    #: Problems left out because they failed to load: (name, error message).
    broken: tuple[tuple[str, str], ...] = ()

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __getitem__(self, key: int | str) -> Problem:
        if isinstance(key, int):
            return self.problems[key]
        for problem in self.problems:
            if problem.id == key:
                return problem
        raise KeyError(key)


def display_path(path: str) -> str:
    """A path as users typed it when possible (relative to the working directory)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("../..") else path
