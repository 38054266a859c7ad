"""Running candidates on test inputs within a budget that fits the work.

Ranking needs every survivor's behaviour on every generated input, and that is most of a
run's executions. Three rules keep it cheap without changing what a correct program shows:

* **A limit of its own, calibrated from the candidates.** A *pilot* (the first
  :data:`PILOT` survivors, in candidate order, so the choice is reproducible) runs on
  every input under the problem's limit (a function call's limit for function-call
  problems). The limit for everyone else is :data:`LIMIT_FACTOR` times the slowest input
  of the fastest pilot run on each input, never below :data:`FLOOR_S` (process start and
  timing noise) and never above the problem's limit, rounded up to a power of two times
  the floor so that close measurements give the same limit (and a resumed run the same
  recorded executions). The pilot's runs are judged by the same limit: a run over it is
  a ``TLE``.
* **Inputs nobody can run.** An input on which every pilot run that reached it ran out
  of time is dropped (a model's input beyond the constraints, which tells no candidates
  apart and costs a full limit per candidate).
* **Early stop.** A candidate that has run out of time on :data:`MAX_TIMEOUTS` inputs is
  not run on the rest (they count as ``not-run``, a failure like the timeouts).

Python candidates of function-call problems run as one process per candidate (the
candidate loaded once, a call per input, see :func:`sandbox.run_calls`); other programs
as one run per input (:meth:`Sandbox.run_batch`, spread over the boxes).
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from sandbox import Limits, RunResult, Status

#: Candidates run first under the problem's limit, to calibrate the limit of the others.
PILOT = 4
#: The generated-input limit is this multiple of the fastest pilot's time.
LIMIT_FACTOR = 10.0
#: ... and never below this (seconds): one call in a running process, or one process start.
FLOOR_S = {"call": 0.05, "process": 0.25}
#: A candidate out of time on this many inputs is not run on the rest.
MAX_TIMEOUTS = 3

#: Runs ``inputs`` for a candidate under ``limits``, stopping after ``max_timeouts`` timeouts.
RunFn = Callable[[int, Sequence[bytes], Limits, int], list[RunResult | None]]


@dataclass
class Execution:
    """Every candidate's runs on the kept inputs (``None``: not run), and how the budget was set."""

    runs: dict[int, list[RunResult | None]] = field(default_factory=dict)
    #: Indices (into the inputs given) of the inputs kept, in order.
    kept: list[int] = field(default_factory=list)
    limit_s: float = 0.0
    pilot: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        return {"limit_s": self.limit_s, "pilot": len(self.pilot), "kept_inputs": len(self.kept),
                "not_run": sum(r is None for runs in self.runs.values() for r in runs)}


def calibrated_limit(fastest: Sequence[float], cap_s: float, floor_s: float) -> float:
    """``LIMIT_FACTOR`` x the largest of ``fastest`` (the fastest time on each input),
    rounded up to ``floor_s`` x a power of two, within [floor_s, cap_s]."""
    want = LIMIT_FACTOR * max(fastest, default=0.0)
    if want <= floor_s:
        return min(floor_s, cap_s)
    return min(cap_s, floor_s * 2 ** math.ceil(math.log2(want / floor_s)))


def execute(survivors: Sequence[int], inputs: Sequence[bytes], run: RunFn, cap: Limits, floor_s: float,
            workers: int | None = None) -> Execution:
    """Run every survivor on ``inputs`` (see the module for the rules)."""
    out = Execution(kept=list(range(len(inputs))))
    if not survivors or not inputs:
        out.runs = {cid: [] for cid in survivors}
        out.kept = [] if not inputs else out.kept
        return out
    workers = workers or max(1, os.cpu_count() or 1)
    out.pilot = list(survivors[:PILOT])
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pilot_runs = dict(zip(out.pilot, pool.map(lambda cid: run(cid, inputs, cap, MAX_TIMEOUTS), out.pilot)))
        out.kept = [i for i in range(len(inputs)) if not _nobody_finishes(i, list(pilot_runs.values()))]
        fastest = [min(r.cpu_s for r in ok) for i in out.kept
                   if (ok := [r for rs in pilot_runs.values() if (r := rs[i]) is not None and r.ok])]
        out.limit_s = calibrated_limit(fastest, cap.time_s, floor_s)
        limits = replace(cap, time_s=out.limit_s, wall_s=min(cap.wall_limit_s, 2 * out.limit_s + 1))
        kept_inputs = [inputs[i] for i in out.kept]
        rest = [cid for cid in survivors if cid not in pilot_runs]
        others = dict(zip(rest, pool.map(lambda cid: run(cid, kept_inputs, limits, MAX_TIMEOUTS), rest)))
    for cid in survivors:
        if cid in pilot_runs:
            runs = [_within(pilot_runs[cid][i], out.limit_s) for i in out.kept]
            out.runs[cid] = _stop_after_timeouts(runs)
        else:
            out.runs[cid] = list(others[cid])
    return out


def _nobody_finishes(i: int, pilot_runs: Sequence[list[RunResult | None]]) -> bool:
    reached = [r for rs in pilot_runs if (r := rs[i]) is not None]
    return bool(reached) and all(r.status is Status.TLE for r in reached)


def _within(run: RunResult | None, limit_s: float) -> RunResult | None:
    """A pilot run judged by the calibrated limit (a run over it is a timeout)."""
    if run is None or run.status is not Status.OK or run.cpu_s <= limit_s:
        return run
    return replace(run, status=Status.TLE, stdout=b"", reason=f"over the calibrated limit of {limit_s:g} s")


def _stop_after_timeouts(runs: list[RunResult | None]) -> list[RunResult | None]:
    """What a run under the early-stop rule would have given: nothing after the
    ``MAX_TIMEOUTS``-th timeout."""
    seen = 0
    for i, r in enumerate(runs):
        if seen >= MAX_TIMEOUTS:
            runs[i] = None
        elif r is not None and r.status is Status.TLE:
            seen += 1
    return runs


def timeouts_stop(max_timeouts: int) -> Callable[[int, RunResult], bool]:
    """A ``run_batch`` stop rule: stop once ``max_timeouts`` runs have timed out."""
    seen = [0]

    def stop(_: int, result: RunResult) -> bool:
        if result.status is Status.TLE:
            seen[0] += 1
        return seen[0] >= max_timeouts

    return stop


__all__ = ["Execution", "FLOOR_S", "LIMIT_FACTOR", "MAX_TIMEOUTS", "PILOT", "calibrated_limit", "execute",
           "timeouts_stop"]
