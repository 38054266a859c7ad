"""Running validators: the Kattis protocol, in one place.

A validator reads what it checks (an input on stdin for an input validator; for an output
validator the team's output on stdin, the input and the answer as files) and exits 42 to
accept or 43 to reject. Every validator runs under :data:`VALIDATOR_LIMITS`.

The failure rule: a validator that cannot run (does not compile, or the sandbox could not
run it) is an error, a :class:`ValidatorError`, never an accept. An input validator that
runs but ends otherwise on an input (crashes, exceeds a limit, exits with another code)
rejects that input, with what happened as the reason, as problem-package tools treat it: a
validator may well fail on a malformed input. An output validator that ends otherwise is
an error (:func:`validator_accepts`): there is no verdict to give.
"""

from __future__ import annotations

from typing import Sequence

from sandbox import COMPILE_LIMITS, Executable, Limits, Program, RunInput, RunResult, Sandbox, Status

from ..errors import ValidatorError
from .checkers import CheckResult

#: Limits of every validator run, input or output (trusted code, but still sandboxed).
VALIDATOR_LIMITS = Limits(time_s=30.0, wall_s=60.0, memory_mb=2048, output_mb=64, processes=16)

ACCEPT, REJECT = 42, 43


def compile_validator(sandbox: Sandbox, program: Program, name: str) -> Executable:
    """``program`` compiled; :class:`ValidatorError` when it does not compile."""
    compiled = sandbox.compile(program, COMPILE_LIMITS)
    if not compiled.ok or compiled.executable is None:
        raise ValidatorError(name, "does not compile:\n" + compiled.run.stderr.decode(errors="replace")[-2000:])
    return compiled.executable


def validator_accepts(run: RunResult | None, name: str, where: str = "") -> bool:
    """The verdict of one validator run: True on exit 42, False on exit 43; any other
    ending raises :class:`ValidatorError` (``where`` says on what, e.g. ``"on input 3"``)."""
    if run is None:
        raise ValidatorError(name, f"did not run{where}")
    if run.exit_code in (ACCEPT, REJECT):
        return run.exit_code == ACCEPT
    detail = "; ".join(x for x in (run.reason, run.stderr.decode(errors="replace").strip()[-1000:]) if x)
    raise ValidatorError(name, f"failed{where} ({run.status.value}, exit {run.exit_code}, signal {run.signal})"
                         + (f": {detail}" if detail else ""))


def input_verdict(run: RunResult | None, name: str, where: str = "") -> CheckResult:
    """The verdict of one input-validator run: accepted on exit 42; rejected on exit 43 (the
    end of its stderr as the reason) or on any other ending (what happened as the reason);
    :class:`ValidatorError` when it did not run at all."""
    if run is None or run.status is Status.SE:
        reason = f": {run.reason}" if run is not None and run.reason else ""
        raise ValidatorError(name, f"could not run{where}{reason}")
    if run.exit_code == ACCEPT:
        return CheckResult(True)
    stderr = run.stderr.decode(errors="replace").strip()
    if run.exit_code == REJECT:
        return CheckResult(False, stderr[-200:])
    detail = "; ".join(x for x in (run.reason, stderr[-200:]) if x)
    return CheckResult(False, f"{name} failed ({run.status.value}, exit {run.exit_code}, signal {run.signal})"
                       + (f": {detail}" if detail else ""))


def _cannot_run(index: int, run: RunResult) -> bool:
    """Stop rule of a validator batch: a run the sandbox could not carry out is an error."""
    return run.status is Status.SE


def run_validator(sandbox: Sandbox, validator: Program | Executable, inputs: Sequence[bytes],
                  args: Sequence[str] = (), name: str = "the input validator",
                  limits: Limits = VALIDATOR_LIMITS) -> list[CheckResult]:
    """Run an input validator (a program, compiled here, or an executable) with ``args`` on
    each of ``inputs`` as one sandbox batch: per input, :func:`input_verdict`. Raises
    :class:`ValidatorError` if it does not compile or cannot run. ``limits`` is for tests
    only; every caller uses :data:`VALIDATOR_LIMITS`."""
    exe = validator if isinstance(validator, Executable) else compile_validator(sandbox, validator, name)
    if not inputs:
        return []
    runs = sandbox.run_batch(exe, [RunInput(stdin=data, args=tuple(args)) for data in inputs], limits,
                             stop=_cannot_run)
    # Report the run that failed, not one the stop rule left unstarted before it in order.
    order = sorted(range(len(runs)), key=lambda i: runs[i] is None)
    verdicts = {i: input_verdict(runs[i], name, f" on input {i + 1} of {len(runs)}") for i in order}
    return [verdicts[i] for i in range(len(runs))]


__all__ = ["VALIDATOR_LIMITS", "ValidatorError", "compile_validator", "input_verdict", "run_validator",
           "validator_accepts"]
