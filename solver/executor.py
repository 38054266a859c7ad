"""Executors: where a run's compilations and executions happen.

* ``local`` (the default): the sandbox backend on this machine, one box per core.
* ``ray``: the same sandbox interface, spread over a Ray cluster. Each Ray worker (an
  actor, one CPU) holds its own sandbox of the configured backend on its node;
  ``run_batch`` ships inputs in chunks (large enough that scheduling costs little next to
  the runs, at most ``in_flight`` chunks per worker at a time, so memory stays bounded)
  and gathers the results in input order. Executables travel once per node through Ray's
  object store, keyed by their content hash, and so do large inputs. A worker that dies is
  restarted (on any node) and its chunk retried there; executions are pure functions of
  (program, input, limits), so a retry neither loses nor duplicates a result.

Both give the solver a ``Sandbox`` (``compile``, ``run_batch``, ``interact``, ``run``,
``close``), so the
pipeline, the run database and resume work the same on either.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import os
import threading
from collections import OrderedDict
from typing import Any, Callable, Sequence, TypeVar

from sandbox import (
                     COMPILE_LIMITS,
                     CompileResult,
                     Executable,
                     Interaction,
                     Limits,
                     Program,
                     RunResult,
                     Sandbox,
                     SandboxError,
                     Status,
)
from sandbox.backends import open_sandbox
from sandbox.programs import InputLike, RunInput, as_run_input

log = logging.getLogger(__name__)

EXECUTORS = ("local", "ray")
T = TypeVar("T")
#: Inputs larger than this travel through the object store once, by content hash.
LARGE_INPUT = 64 << 10


class ExecutorError(SandboxError):
    """An executor cannot be used (its package is missing, the cluster is unreachable)."""


def open_executor(name: str, backend: str = "local", ray_address: str | None = None, workers: int = 0,
                  warm_python: bool = True, warm_native: bool = True) -> Sandbox:
    """A sandbox that runs on this machine (``local``) or on Ray (``ray``)."""
    if name == "local":
        return open_sandbox(backend, warm_python=warm_python, warm_native=warm_native)
    if name == "ray":
        return RayExecutor(backend, ray_address or None, workers, warm_python=warm_python, warm_native=warm_native)
    raise ExecutorError(f"unknown executor {name!r}; available: {', '.join(EXECUTORS)}")


class _BoxWorker:
    """One Ray actor: a one-box sandbox of the configured backend on its node."""

    def __init__(self, backend: str, warm_python: bool = True, warm_native: bool = True) -> None:
        self.sandbox: Sandbox = open_sandbox(backend, workers=1, warm_python=warm_python, warm_native=warm_native)

    def pid(self) -> int:
        return os.getpid()

    def compile(self, program: Program, limits: Limits) -> CompileResult:
        return self.sandbox.compile(program, limits)

    def run(self, executable: Executable, inputs: list[Any], limits: Limits) -> list[RunResult | None]:
        import ray

        items = [ray.get(x) if isinstance(x, ray.ObjectRef) else x for x in inputs]
        return self.sandbox.run_batch(executable, items, limits)

    def interact(self, program: Executable, interactor: Executable, inputs: list[Any], limits: Limits,
                 interactor_limits: Limits) -> list[Interaction | None]:
        import ray

        items = [ray.get(x) if isinstance(x, ray.ObjectRef) else x for x in inputs]
        return self.sandbox.interact(program, interactor, items, limits, interactor_limits)


class RayExecutor(Sandbox):
    """The sandbox interface over a Ray cluster (``address`` None: a local Ray instance)."""

    name = "ray"

    def __init__(self, backend: str = "local", address: str | None = None, workers: int = 0, chunk: int = 32,
                 in_flight: int = 2, warm_python: bool = True, warm_native: bool = True) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ExecutorError("the ray executor needs Ray: pip install 'codesolve[ray]'") from exc
        self._ray = ray
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no telemetry leaves this machine
        self._owns_ray = not ray.is_initialized()
        if self._owns_ray:
            try:
                if address:
                    ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
                else:
                    ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                             logging_level=logging.WARNING, log_to_driver=False)
            except Exception as exc:
                raise ExecutorError(f"cannot reach the Ray cluster at {address or 'a new local instance'}: "
                                    f"{exc}") from exc
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=3)(_BoxWorker)
        self.actors = [actor.remote(backend, warm_python, warm_native) for _ in range(count)]
        try:
            # ray.remote turns each method into a remote handle, which the type checker cannot see.
            self.pids = ray.get([a.pid.remote() for a in self.actors], timeout=120)  # type: ignore[attr-defined]
        except Exception as exc:
            self.close()
            raise ExecutorError(f"the {backend} sandbox does not start on the Ray workers: {exc}") from exc
        self.chunk, self.in_flight = chunk, in_flight
        self._lock = threading.Lock()
        self._next = 0
        self._refs: OrderedDict[str, Any] = OrderedDict()

    # ------------------------------------------------------------------ helpers
    def _actor(self) -> Any:
        with self._lock:
            self._next += 1
            return self.actors[self._next % len(self.actors)]

    def _ref(self, key: str, value: Any) -> Any:
        """``value`` in the object store, put there once per content hash (LRU of 512)."""
        with self._lock:
            ref = self._refs.get(key)
            if ref is not None:
                self._refs.move_to_end(key)
                return ref
        ref = self._ray.put(value)
        with self._lock:
            self._refs[key] = ref
            while len(self._refs) > 512:
                self._refs.popitem(last=False)
        return ref

    def _input(self, item: RunInput) -> Any:
        size = len(item.stdin) + sum(len(v) for v in item.files.values())
        if size < LARGE_INPUT:
            return item
        h = hashlib.sha256(item.stdin)
        for name in sorted(item.files):
            h.update(name.encode() + b"\0" + bytes(item.files[name]))
        h.update(repr((item.args, item.dirs, item.collect)).encode())
        return self._ref("input:" + h.hexdigest(), item)

    # ------------------------------------------------------------------ sandbox interface
    def compile(self, program: Program, limits: Limits = COMPILE_LIMITS) -> CompileResult:
        try:
            return self._ray.get(self._actor().compile.remote(program, limits))
        except Exception as exc:  # noqa: BLE001 - a worker lost for good: a sandbox failure
            return CompileResult(None, RunResult(Status.SE, reason=f"ray worker: {exc}"))

    def run_batch(self, executable: Executable, inputs: Sequence[InputLike], limits: Limits = Limits(),
                  stop: Callable[[int, RunResult], bool] | None = None) -> list[RunResult | None]:
        """Chunks of inputs to the workers, ``in_flight`` per worker at most; results in input
        order. After ``stop(index, result)`` returns True no further chunk is sent."""
        exe_ref = self._ref("exe:" + executable.digest, executable)
        failed = RunResult(Status.SE)
        return self._spread(lambda actor, part: actor.run.remote(exe_ref, part, limits), inputs,
                            lambda why: dataclasses.replace(failed, reason=why), stop)

    def interact(self, program: Executable, interactor: Executable, inputs: Sequence[InputLike],
                 limits: Limits = Limits(), interactor_limits: Limits = Limits(),
                 stop: Callable[[int, Interaction], bool] | None = None) -> list[Interaction | None]:
        """As ``run_batch``: chunks of interactive runs, each run on one worker's pair of boxes."""
        refs = [self._ref("exe:" + e.digest, e) for e in (program, interactor)]

        def failed(why: str) -> Interaction:
            return Interaction(RunResult(Status.SE, reason=why), RunResult(Status.SE, reason=why))

        return self._spread(lambda actor, part: actor.interact.remote(*refs, part, limits, interactor_limits),
                            inputs, failed, stop)

    def _spread(self, call: Callable[[Any, list[Any]], Any], inputs: Sequence[InputLike],
                failed: Callable[[str], T], stop: Callable[[int, T], bool] | None) -> list[T | None]:
        """``call(actor, chunk)`` for chunks of ``inputs``, at most ``in_flight`` per worker;
        the results in input order (``failed(reason)`` for a chunk whose worker was lost)."""
        ray = self._ray
        items = [as_run_input(x) for x in inputs]
        results: list[T | None] = [None] * len(items)
        if not items:
            return results
        size = max(1, min(self.chunk, math.ceil(len(items) / len(self.actors))))
        pending: dict[Any, tuple[int, int]] = {}
        start, stopped = 0, False
        while (start < len(items) and not stopped) or pending:
            while start < len(items) and not stopped and len(pending) < self.in_flight * len(self.actors):
                end = min(start + size, len(items))
                ref = call(self._actor(), [self._input(i) for i in items[start:end]])
                pending[ref] = (start, end)
                start = end
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                lo, hi = pending.pop(ref)
                try:
                    part = ray.get(ref)
                except Exception as exc:  # noqa: BLE001 - retries exhausted: sandbox failures, not verdicts
                    part = [failed(f"ray worker: {exc}")] * (hi - lo)
                for i, r in enumerate(part, lo):
                    results[i] = r
                    if stop is not None and r is not None and stop(i, r):
                        stopped = True
        return results

    def close(self) -> None:
        for actor in getattr(self, "actors", []):
            try:
                self._ray.kill(actor)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self.actors = []
        if self._owns_ray and self._ray.is_initialized():
            self._ray.shutdown()



__all__ = ["EXECUTORS", "ExecutorError", "RayExecutor", "open_executor"]
