"""``solve(problem, config, model, sandbox)``: one problem to k chosen submissions.

Stages (each timed and kept in the returned :class:`Attempt`):

1. sample: ``n`` replies per language from the ``solve`` model, spread over the prompt
   variants (each variant draws its own sample indices, so the cache keeps them apart);
2. extract and de-duplicate the code (identical programs up to comments and layout are
   one candidate, counted in ``duplicates``);
3. filter: compile and run every candidate on the statement's samples; survivors are the
   ones that pass them all;
4. test inputs: mutations of the sample inputs, validated by the problem's validators;
5. cluster the survivors by their behaviour on those inputs and pick ``k`` submissions
   round-robin over the clusters (see :mod:`solver.ranker`).

Not built yet (see the open solver issue): inputs written by the ``tests`` model, CodeT
dual agreement, and the repair loop.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from problems import Problem
from problems.judging import solution_program
from sandbox import Program, RunResult, Verdict, judge
from sandbox.judging import PreparedChecker, Sandbox

from .extract import extract_code, fingerprint
from .models import Model
from .prompts import VARIANTS, solve_messages
from .ranker import Cluster, cluster, select
from .testgen import sample_mutations


@dataclass(frozen=True)
class SolveConfig:
    samples: int = 8                      #: replies per language
    languages: tuple[str, ...] = ("python",)
    k: int = 10                           #: submissions to choose
    temperature: float = 0.8
    max_tokens: int = 4096
    variants: tuple[str, ...] = VARIANTS
    with_metadata: bool = False
    generated_inputs: int = 20
    seed: int = 0


@dataclass
class Candidate:
    id: int
    language: str
    code: str | None
    variant: str
    sample_index: int
    duplicate_of: int | None = None
    compile_ok: bool = False
    sample_verdict: str = ""
    cluster: int | None = None


@dataclass
class Attempt:
    problem_id: str
    submissions: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    inputs: list[bytes] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def submission_programs(self) -> list[Program]:
        by_id = {c.id: c for c in self.candidates}
        return [Program(by_id[i].language, by_id[i].code or "") for i in self.submissions]

    def to_json(self) -> dict[str, Any]:
        return {"problem": self.problem_id, "submissions": self.submissions,
                "candidates": [asdict(c) for c in self.candidates],
                "clusters": [{"members": list(c.members), "failures": c.failures} for c in self.clusters],
                "inputs": [i.decode(errors="replace") for i in self.inputs], "timings": self.timings}


async def _sample(problem: Problem, config: SolveConfig, model: Model) -> list[Candidate]:
    jobs = []
    for language in config.languages:
        per_variant = [config.samples // len(config.variants)] * len(config.variants)
        for i in range(config.samples % len(config.variants)):
            per_variant[i] += 1
        for variant, n in zip(config.variants, per_variant):
            if n:
                messages = solve_messages(problem, language, variant, config.with_metadata)
                jobs.append((language, variant, model.generate(messages, n, temperature=config.temperature,
                                                               max_tokens=config.max_tokens, seed=config.seed,
                                                               key=problem.id)))
    replies = await asyncio.gather(*(job for _, _, job in jobs))
    candidates: list[Candidate] = []
    seen: dict[str, int] = {}
    for (language, variant, _), gens in zip(jobs, replies):
        for g in gens:
            code = extract_code(g.text, language)
            cand = Candidate(len(candidates), language, code, variant, g.index)
            if code is not None:
                fp = fingerprint(code, language)
                if fp in seen:
                    cand.duplicate_of = seen[fp]
                else:
                    seen[fp] = cand.id
            candidates.append(cand)
    return candidates


def solve(problem: Problem, config: SolveConfig, model: Model, sandbox: Sandbox) -> Attempt:
    attempt = Attempt(problem.id)
    t = time.monotonic()
    attempt.candidates = asyncio.run(_sample(problem, config, model))
    attempt.timings["sample"] = time.monotonic() - t

    t = time.monotonic()
    checker = PreparedChecker(sandbox, problem.checker)
    samples = [s.to_test() for s in problem.samples]
    executables = {}
    for cand in attempt.candidates:
        if cand.code is None:
            cand.sample_verdict = "no code"
            continue
        if cand.duplicate_of is not None:
            continue
        compiled = sandbox.compile(solution_program(problem, Program(cand.language, cand.code)))
        cand.compile_ok = compiled.ok
        if not compiled.ok:
            cand.sample_verdict = Verdict.CE.value
            continue
        executables[cand.id] = compiled.executable
        cand.sample_verdict = judge(sandbox, compiled.executable, samples, problem.limits, checker).verdict.value
    for cand in attempt.candidates:
        if cand.duplicate_of is not None:
            original = attempt.candidates[cand.duplicate_of]
            cand.compile_ok, cand.sample_verdict = original.compile_ok, original.sample_verdict
    survivors = [c.id for c in attempt.candidates
                 if c.sample_verdict == Verdict.AC.value and c.duplicate_of is None]
    attempt.timings["filter"] = time.monotonic() - t

    t = time.monotonic()
    attempt.inputs = sample_mutations(problem, sandbox, config.generated_inputs, config.seed) if survivors else []
    attempt.timings["tests"] = time.monotonic() - t

    t = time.monotonic()
    runs: dict[int, list[RunResult | None]] = {}
    for cid in survivors:
        runs[cid] = sandbox.run_batch(executables[cid], attempt.inputs, problem.limits) if attempt.inputs else []
    clusters = cluster(runs, problem.checker)
    # A duplicate belongs to its original's cluster and counts toward its size.
    dups: dict[int, list[int]] = {}
    for cand in attempt.candidates:
        if cand.duplicate_of is not None and cand.duplicate_of in runs:
            dups.setdefault(cand.duplicate_of, []).append(cand.id)
    attempt.clusters = sorted(
        (Cluster(c.signature, tuple(sorted(m for cid in c.members for m in [cid, *dups.get(cid, [])])), c.failures)
         for c in clusters), key=lambda c: (c.failures, -c.size, c.members[0]))
    for index, c in enumerate(attempt.clusters):
        for member in c.members:
            attempt.candidates[member].cluster = index
    originals = [Cluster(c.signature, tuple(m for m in c.members if attempt.candidates[m].duplicate_of is None),
                         c.failures) for c in attempt.clusters]
    attempt.submissions = select(originals, config.k)
    attempt.timings["rank"] = time.monotonic() - t
    return attempt


__all__ = ["Attempt", "Candidate", "SolveConfig", "solve"]
