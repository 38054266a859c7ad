"""Batch runs: solve a whole problem set into a run directory, resumably.

``solve_set(problem_set, config, sandbox, store)`` solves the problems not yet finished in the run
directory, ``config.jobs`` at a time, then judges every distinct candidate that passed the
samples on the hidden tests (``config.judge``), recording each problem as it finishes (see
:mod:`solver.store`). All model calls of the run go through one event loop, so the
endpoint's concurrency bound (``max_concurrency``) holds across problems; executions are
bounded by the sandbox's boxes. Every model sample and every execution is recorded the
moment it completes, so a run killed at any instant and started again repeats no finished
model call and no finished execution, and reaches the results an uninterrupted run would.

A problem that fails (it does not load, a model request fails for good) is recorded with
its error and the batch goes on; it is tried again when the run is resumed. A model that
refuses the key or does not exist stops the batch (no problem could succeed).
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from problems import Problem, ProblemSet
from problems.judging import Verdict, judge_problem
from problems.judging.judge import PreparedChecker
from sandbox import Program, Sandbox

from .config import RunConfig, differences
from .errors import RunDirError
from .models import CompletionCache, Endpoints, Model, ModelUnusable, UsageLog, display_name, open_model
from .pipeline import Attempt, solve
from .store import RecordingSandbox, RunStore

log = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    run_dir: str
    solved: list[str] = field(default_factory=list)
    unsolved: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)     #: finished by an earlier invocation
    executions: int = 0                                   #: programs really run by this invocation


class _Loop:
    """One event loop in a thread, running the model calls of every problem of the run."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="codesolve-models", daemon=True)
        self.thread.start()

    def __call__(self, coro: Awaitable[Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()  # type: ignore[arg-type]

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


class _Counted:
    """A model that reports how many samples it handed out (for the progress bar)."""

    def __init__(self, model: Model, on_samples: Callable[[int], None]) -> None:
        self.model, self.on_samples = model, on_samples
        self.name = model.name
        self.usage = getattr(model, "usage", None)

    async def generate(self, messages: Any, n: int = 1, **kwargs: Any) -> Any:
        generations = await self.model.generate(messages, n, **kwargs)
        self.on_samples(len(generations))
        return generations


def open_run(config: RunConfig, force: bool = False) -> RunStore:
    """The run directory's store; a directory made with another configuration is refused
    unless ``force`` (which keeps recorded samples and executions and drops the per-problem
    results)."""
    store = RunStore(config.run_dir())
    old = store.get_meta("config")
    if old is not None and differences(old, config):
        if not force:
            store.close()
            raise RunDirError(f"{config.run_dir()} holds a run made with another configuration ("
                              + "; ".join(differences(old, config))
                              + "). Use another --out, or --force to re-run the selection with the new "
                                "configuration there (recorded samples and executions are reused where they apply)")
        store.forget_problems()
    store.set_meta("config", config.identity())
    if store.get_meta("created") is None:
        store.set_meta("created", time.time())
    return store


def make_models(config: RunConfig, store: RunStore, usage: UsageLog) -> tuple[list[Model], Model | None]:
    """The solve models (a cascade's in order; their usage is kept under the role ``solve``,
    or ``solve:NAME`` per model of a cascade) and the tests model."""
    cache = CompletionCache(store.path)
    endpoints = Endpoints()
    common = {"max_concurrency": config.max_concurrency, "timeout_s": config.timeout_s,
              "max_attempts": config.max_attempts}
    names = config.models
    models = []
    for name in names:
        base_url, key_env, prompt_price, completion_price = config.settings_of(name)
        role = "solve" if len(names) == 1 else f"solve:{display_name(name)}"
        models.append(open_model(name, role, base_url or None, os.environ.get(key_env) or None, cache, usage,
                                 endpoints, price_prompt_per_mtok=prompt_price,
                                 price_completion_per_mtok=completion_price, **common))
    tests_model = None
    if config.tests_model:
        key_env = config.tests_api_key_env or config.api_key_env
        tests_model = open_model(config.tests_model, "tests", config.tests_base_url or config.base_url or None,
                                 os.environ.get(key_env) or None, cache, usage, endpoints,
                                 price_prompt_per_mtok=config.tests_price_prompt_per_mtok,
                                 price_completion_per_mtok=config.tests_price_completion_per_mtok, **common)
    return models, tests_model


def judge_candidates(problem: Problem, attempt: Attempt, sandbox: Sandbox) -> dict[str, Any] | None:
    """Verdicts on the hidden tests of every distinct candidate that passed the samples
    (others are wrong by their sample verdict; duplicates share their original's). When
    the samples are examples the judge does not check (``problem.soft_examples``), every
    distinct candidate that compiled is judged."""
    if not problem.tests and problem.test_program is None:
        return None
    survivors = [c for c in attempt.candidates
                 if c.duplicate_of is None and c.code is not None
                 and (c.sample_verdict == Verdict.AC.value or (problem.soft_examples and c.compile_ok))]
    checker = PreparedChecker(sandbox, problem.checker) if survivors and not problem.test_program else None

    def one(cand: Any) -> tuple[int, str]:
        result = judge_problem(sandbox, Program(cand.language, cand.code), problem, checker=checker)
        return cand.id, result.verdict.value

    with ThreadPoolExecutor(max_workers=max(1, min(len(survivors), os.cpu_count() or 1))) as pool:
        verdicts = dict(pool.map(one, survivors))
    return {"tests": problem.test_count, "verdicts": {str(k): v for k, v in sorted(verdicts.items())}}


def solve_set(problem_set: ProblemSet, config: RunConfig, sandbox: Sandbox, store: RunStore,
              progress: bool = True) -> BatchOutcome:
    """Solve (and judge) every problem of the set not finished in ``store``."""
    from tqdm import tqdm

    outcome = BatchOutcome(store.dir)
    finished = store.finished()
    problems = list(problem_set)
    todo = [(i, p) for i, p in enumerate(problems) if p.id not in finished]
    outcome.skipped = [p.id for p in problems if p.id in finished]
    for name, message in problem_set.broken:
        store.record_problem(name, -1, None, None, message, 0.0)
        outcome.errors[name] = message
    if not todo:
        return outcome
    def bar(position: int, **kwargs: Any) -> Any:
        return tqdm(position=position, file=sys.stderr, disable=None if progress else True, dynamic_ncols=True,
                    **kwargs)

    bars = {"problems": bar(0, total=len(problems), initial=len(outcome.skipped), desc="problems", unit="problem"),
            "samples": bar(1, total=len(todo) * sum(config.budgets()) * len(config.languages), desc="samples",
                           unit="sample"),
            "executions": bar(2, desc="executions", unit="run")}
    executed = [0]
    lock = threading.Lock()

    def on_run(count: int) -> None:
        with lock:
            executed[0] += count
        bars["executions"].update(count)

    recording = RecordingSandbox(sandbox, store, on_run)
    usage = UsageLog()
    models, tests_model = make_models(config, store, usage)
    counted = [_Counted(m, bars["samples"].update) for m in models]
    loop = _Loop()
    try:  # an unreachable endpoint or a refused key stops the batch before any problem starts
        for m in (*models, tests_model):
            if m is not None and hasattr(m, "check"):
                loop(m.check())
    except BaseException:
        loop.close()
        for each in bars.values():
            each.close()
        raise
    solve_config = config.solve_config()
    work: queue.Queue[tuple[int, Problem]] = queue.Queue()
    done: queue.Queue[tuple[str, Any]] = queue.Queue()
    stopping = threading.Event()
    for item in todo:
        work.put(item)

    def worker() -> None:
        while not stopping.is_set():
            try:
                item = work.get_nowait()
            except queue.Empty:
                return
            position, problem = item
            t0 = time.monotonic()
            try:
                attempt = solve(problem, solve_config, counted if len(counted) > 1 else counted[0], recording,
                                tests_model, loop)
                t_judge = time.monotonic()
                judged = judge_candidates(problem, attempt, recording) if config.judge else None
                attempt.timings["judge"] = time.monotonic() - t_judge
            except ModelUnusable as exc:
                done.put(("fatal", exc))
                return
            except Exception as exc:
                if stopping.is_set():
                    return
                log.debug("problem %s failed", problem.id, exc_info=True)
                message = f"{type(exc).__name__}: {exc}"
                store.record_problem(problem.id, position, None, None, message, time.monotonic() - t0)
                done.put(("error", (problem.id, message)))
                continue
            if stopping.is_set():
                return
            store.record_problem(problem.id, position, attempt.to_json(), judged, None, time.monotonic() - t0)
            done.put(("done", (problem.id, attempt, judged)))

    threads = [threading.Thread(target=worker, name=f"codesolve-problem-{i}", daemon=True)
               for i in range(min(config.jobs, len(todo)))]
    try:
        for t in threads:
            t.start()
        remaining = len(todo)
        while remaining:
            try:
                kind, payload = done.get(timeout=0.5)
            except queue.Empty:
                if not any(t.is_alive() for t in threads) and done.empty():
                    break
                continue
            if kind == "fatal":
                raise payload
            remaining -= 1
            bars["problems"].update(1)
            if kind == "error":
                pid, message = payload
                outcome.errors[pid] = message
                bars["problems"].write(f"codesolve solve: {pid}: {message}", file=sys.stderr)
            else:
                pid, attempt, judged = payload
                solved = bool(judged) and any(judged["verdicts"].get(str(s)) == Verdict.AC.value
                                              for s in attempt.submissions)
                (outcome.solved if solved else outcome.unsolved).append(pid)
    finally:
        stopping.set()
        loop.close()
        for each in bars.values():
            each.close()
    outcome.executions = executed[0]
    return outcome


__all__ = ["BatchOutcome", "RunDirError", "judge_candidates", "make_models", "open_run", "solve_set"]
