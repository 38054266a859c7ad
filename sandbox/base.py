"""The public sandbox contract: what every backend (local, docker), the Ray executor and any
wrapper (the run store's recording sandbox) implement, and what the rest of codesolve asks of
them. The conformance suite (``tests/sandbox/test_conformance.py``) checks it for each one.

``compile`` turns a program into an executable once; ``run_batch`` runs one executable on
many inputs under limits and is the hot path; ``interact`` runs a program against an
interactor (interactive problems). ``run`` (one input), ``close`` and the context
manager are written here once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Callable, Sequence

from .limits import COMPILE_LIMITS, Limits
from .programs import CompileResult, Executable, InputLike, Program
from .results import Interaction, RunResult

#: ``stop(i, result)`` is called as results arrive; True stops the batch (unstarted runs stay None).
StopRule = Callable[[int, RunResult], bool]
#: The same for a batch of interactive runs.
InteractionStopRule = Callable[[int, Interaction], bool]


class Sandbox(ABC):
    """Compile once, run on many inputs, under limits, isolated."""

    @abstractmethod
    def compile(self, program: Program, limits: Limits = COMPILE_LIMITS) -> CompileResult:
        """Compile (or syntax-check) ``program``; the result carries the executable when it worked."""

    @abstractmethod
    def run_batch(self, executable: Executable, inputs: Sequence[InputLike], limits: Limits = Limits(),
                  stop: StopRule | None = None) -> list[RunResult | None]:
        """Run ``executable`` once per input, in parallel where the backend can; results in input
        order. A run ``stop`` cut off before it started is None."""

    @abstractmethod
    def interact(self, program: Executable, interactor: Executable, inputs: Sequence[InputLike],
                 limits: Limits = Limits(), interactor_limits: Limits = Limits(),
                 stop: InteractionStopRule | None = None) -> list[Interaction | None]:
        """Run ``program`` against ``interactor`` once per input, each in its own box, their
        standard streams crossed (see :class:`Interaction`); the input is the interactor's
        (its stdin is the program's output, so only its files and arguments count). Results
        in input order; a run ``stop`` cut off before it started is None."""

    def run(self, executable: Executable, input: InputLike = b"", limits: Limits = Limits()) -> RunResult:
        """Run ``executable`` on one input."""
        result = self.run_batch(executable, [input], limits)[0]
        assert result is not None  # no stop rule, so every run happens
        return result

    def prestart(self, boxes: int | None = None) -> None:
        """Start getting ready for runs (up to ``boxes`` of them at once; default: all the
        backend would use) in the background, and return at once: a command calls it first
        and does its own set-up meanwhile. Only a hint: nothing by default."""

    def isolation(self) -> dict[str, Any]:
        """What isolates the programs this sandbox runs (namespaces, cgroups, limits enforced),
        for ``sandbox doctor`` and run records. A backend that isolates says so here."""
        return {"backend": type(self).__name__}

    def close(self) -> None:
        """Release what the sandbox holds (boxes, containers, connections). Idempotent."""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
