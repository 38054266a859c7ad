"""``solve(problem, config, model, sandbox)``: one problem to k chosen submissions.

Stages (each timed and kept in the returned :class:`Attempt`):

1. sample: ``n`` replies per language from the ``solve`` model, spread over the prompt
   variants (each variant draws its own sample indices, so the cache keeps them apart);
2. extract and de-duplicate the code (identical programs up to comments and layout are
   one candidate, counted in ``duplicates``);
3. filter: compile and run every candidate on the statement's samples; survivors are the
   ones that pass them all;
4. repair (``repair_rounds``, AlphaCodium style): up to ``repair_max`` candidates that fail a
   sample are shown the failing example (input, expected, got) and asked for a fix; the
   fixes go through steps 2-3 as new candidates;
5. test inputs: from the ``tests`` model (an input generator run with many seeds, and
   inputs written directly) when one is given, plus mutations of the sample inputs; all
   validated by the problem's input validators, or else by a validator the ``tests``
   model writes that must accept every sample input; de-duplicated and bounded;
6. cluster the survivors by their behaviour on those inputs and pick ``k`` submissions
   round-robin over the clusters (see :mod:`solver.ranker`).

   When the ``tests`` model also wrote tests with expected outputs (``assert f(...) == ...``
   lines for function-call problems, input/output pairs otherwise), clusters are ordered by
   CodeT's dual-agreement score first (see :func:`solver.ranker.codet_scores`).
"""

from __future__ import annotations

import asyncio
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Awaitable, Callable

from problems import Problem
from problems.judging import solution_program
from sandbox import Limits, Program, RunInput, RunResult, Test, Verdict, judge
from sandbox.judging import PreparedChecker, Sandbox

from .extract import extract_code, fingerprint
from .models import Model, ModelUnusable
from .prompts import VARIANTS, solve_messages
from .ranker import Cluster, answer_classes, cluster, codet_scores, order, select
from .testgen import (MAX_INPUT_BYTES, expected_tests_from_reply, expected_tests_messages, generator_messages,
                      inputs_from_reply, inputs_messages, sample_mutations, validate_inputs, validator_messages)

#: Runs a coroutine to completion and returns its result.
Runner = Callable[[Awaitable[Any]], Any]


@dataclass(frozen=True)
class SolveConfig:
    samples: int = 8                      #: replies per language
    languages: tuple[str, ...] = ("python",)
    k: int = 10                           #: submissions to choose
    temperature: float = 0.8
    tests_temperature: float = 0.8       #: sampling temperature of the tests model
    max_tokens: int = 4096
    variants: tuple[str, ...] = VARIANTS
    with_metadata: bool = False
    generated_inputs: int = 20            #: mutations of the sample inputs
    generator_seeds: int = 20             #: runs of the tests model's generator
    model_inputs: int = 10                #: inputs the tests model writes directly
    codet_tests: int = 10                 #: tests with expected outputs the tests model writes (CodeT)
    repair_rounds: int = 1
    repair_max: int = 4                   #: candidates repaired per round
    seed: int = 0


@dataclass
class Candidate:
    id: int
    language: str
    code: str | None
    variant: str
    sample_index: int
    duplicate_of: int | None = None
    repaired_from: int | None = None
    compile_ok: bool = False
    sample_verdict: str = ""
    #: What went wrong on the first failing sample (shown to the model by the repair loop).
    feedback: str = ""
    cluster: int | None = None


@dataclass
class Attempt:
    problem_id: str
    submissions: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    inputs: list[bytes] = field(default_factory=list)
    #: Tests with expected outputs written by the tests model (CodeT), after validation.
    expected_tests: list[tuple[bytes, bytes]] = field(default_factory=list)
    #: CodeT: the expected-output tests each ranked survivor passes (candidate id -> test indices).
    codet_passed: dict[int, list[int]] = field(default_factory=dict)
    #: Where the inputs came from: source name -> how many were kept.
    input_sources: dict[str, int] = field(default_factory=dict)
    #: Model usage for this problem: role -> requests, samples, tokens, latency, cost.
    usage: dict[str, dict[str, float]] = field(default_factory=dict)
    #: The same per stage: stage -> role -> the amounts that stage added.
    stage_usage: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def submission_programs(self) -> list[Program]:
        by_id = {c.id: c for c in self.candidates}
        return [Program(by_id[i].language, by_id[i].code or "") for i in self.submissions]

    def to_json(self) -> dict[str, Any]:
        return {"problem": self.problem_id, "submissions": self.submissions,
                "candidates": [asdict(c) for c in self.candidates],
                "clusters": [{"signature": c.signature, "members": list(c.members), "failures": c.failures}
                             for c in self.clusters],
                "codet_passed": {str(k): v for k, v in self.codet_passed.items()},
                "expected_tests": len(self.expected_tests),
                "inputs": [i.decode(errors="replace") for i in self.inputs], "input_sources": self.input_sources,
                "usage": self.usage, "stage_usage": self.stage_usage, "timings": self.timings}


async def _replies(problem: Problem, config: SolveConfig, model: Model) -> list[tuple[str, str, list[Any]]]:
    jobs = []
    for language in config.languages:
        per_variant = [config.samples // len(config.variants)] * len(config.variants)
        for i in range(config.samples % len(config.variants)):
            per_variant[i] += 1
        start = 0  # variants draw consecutive sample indices (a replay then serves each row once)
        for variant, n in zip(config.variants, per_variant):
            if n:
                messages = solve_messages(problem, language, variant, config.with_metadata)
                jobs.append((language, variant, model.generate(messages, n, start=start,
                                                               temperature=config.temperature,
                                                               max_tokens=config.max_tokens, seed=config.seed,
                                                               key=problem.id)))
                start += n
    replies = await asyncio.gather(*(job for _, _, job in jobs))
    return [(language, variant, gens) for (language, variant, _), gens in zip(jobs, replies)]


class _Run:
    """The state of one solve: candidates, their executables, the dedup table."""

    def __init__(self, problem: Problem, config: SolveConfig, model: Model, sandbox: Sandbox,
                 tests_model: Model | None, runner: Runner = asyncio.run) -> None:
        self.problem, self.config, self.model, self.sandbox, self.tests_model = problem, config, model, sandbox, tests_model
        self.run_async = runner
        self.attempt = Attempt(problem.id)
        self.checker = PreparedChecker(sandbox, problem.checker)
        self.samples = [t.to_test() for t in problem.samples]
        self.executables: dict[int, Any] = {}
        self.seen: dict[str, int] = {}

    def sample(self) -> None:
        for language, variant, gens in self.run_async(_replies(self.problem, self.config, self.model)):
            for g in gens:
                self.add(language, extract_code(g.text, language), variant, g.index)

    def add(self, language: str, code: str | None, variant: str, index: int, repaired_from: int | None = None) -> Candidate:
        cand = Candidate(len(self.attempt.candidates), language, code, variant, index, repaired_from=repaired_from)
        if code is not None:
            fp = fingerprint(code, language)
            if fp in self.seen:
                cand.duplicate_of = self.seen[fp]
            else:
                self.seen[fp] = cand.id
        self.attempt.candidates.append(cand)
        return cand

    def filter(self, cands: list[Candidate]) -> None:
        """Compile and judge on the samples every new, distinct candidate (several at once:
        the sandbox spreads them over its boxes); duplicates take their original's result."""
        distinct = [c for c in cands if c.code is not None and c.duplicate_of is None]
        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            list(pool.map(self._check_samples, distinct))
        for cand in cands:
            if cand.code is None:
                cand.sample_verdict = "no code"
            elif cand.duplicate_of is not None:
                original = self.attempt.candidates[cand.duplicate_of]
                cand.compile_ok, cand.sample_verdict = original.compile_ok, original.sample_verdict

    def _check_samples(self, cand: Candidate) -> None:
        assert cand.code is not None
        compiled = self.sandbox.compile(solution_program(self.problem, Program(cand.language, cand.code)))
        cand.compile_ok = compiled.ok
        if not compiled.ok:
            cand.sample_verdict = Verdict.CE.value
            cand.feedback = "compilation failed:\n" + compiled.run.stderr.decode(errors="replace")[-1500:]
            return
        self.executables[cand.id] = compiled.executable
        result = judge(self.sandbox, compiled.executable, self.samples, self.problem.limits, self.checker)
        cand.sample_verdict = result.verdict.value
        failed = result.failed_test
        if failed is not None:
            test = next(t for t in self.samples if t.name == failed.name)
            got = failed.run.stdout.decode(errors="replace")[:1000] if failed.run else ""
            err = failed.run.stderr.decode(errors="replace")[-800:] if failed.run else ""
            cand.feedback = (f"Input:\n{test.input.decode(errors='replace')[:1500]}\n"
                             f"Expected output:\n{test.answer.decode(errors='replace')[:1000]}\n"
                             f"Your program's verdict: {failed.verdict.value}"
                             + (f" ({failed.message[:200]})" if failed.message else "")
                             + f"\nYour output:\n{got}" + (f"\nStandard error:\n{err}" if err.strip() else ""))

    async def repair_replies(self, cands: list[Candidate]) -> list[Any]:
        jobs = []
        for cand in cands:
            messages = solve_messages(self.problem, cand.language, cand.variant, self.config.with_metadata)
            fence_tag = "cpp" if cand.language == "cpp" else "python"
            messages += [{"role": "assistant", "content": f"```{fence_tag}\n{cand.code}```"},
                         {"role": "user", "content": "Your program fails this example.\n\n" + cand.feedback +
                          f"\n\nFind the mistake and give the whole corrected program in one ```{fence_tag} block."}]
            # A repair draws its own sample index, past the pool's; a model that cannot serve it
            # (a replay) simply yields no repair.
            jobs.append(self.model.generate(messages, 1, start=self.config.samples + cand.id,
                                            temperature=self.config.temperature,
                                            max_tokens=self.config.max_tokens, seed=self.config.seed,
                                            key=self.problem.id))
        return list(await asyncio.gather(*jobs, return_exceptions=True))

    def repair(self) -> None:
        tried: set[int] = set()
        for _ in range(self.config.repair_rounds):
            broken = [c for c in self.attempt.candidates
                      if c.duplicate_of is None and c.code is not None and c.id not in tried
                      and c.sample_verdict not in (Verdict.AC.value, "no code")][: self.config.repair_max]
            if not broken:
                return
            tried.update(c.id for c in broken)
            replies = self.run_async(self.repair_replies(broken))
            _raise_unusable(replies)
            fixes = [self.add(c.language, extract_code(r[0].text, c.language), "repair", r[0].index, c.id)
                     for c, r in zip(broken, replies) if not isinstance(r, BaseException)]
            self.filter(fixes)

    def inputs(self) -> None:
        problem, config, sandbox = self.problem, self.config, self.sandbox
        found: list[bytes] = []
        sources: dict[str, list[bytes]] = {}
        validate = None
        if self.tests_model is not None:
            gen, direct, val, expected = self.run_async(self._ask_tests_model())
            if expected:
                pairs = expected_tests_from_reply(problem, expected[0].text)
                pairs = list(dict.fromkeys(pairs))
                checker = validate or (lambda items: validate_inputs(problem, sandbox, items))
                ok = checker([i for i, _ in pairs]) if pairs else []
                self.attempt.expected_tests = [p for p, good in zip(pairs, ok) if good]
            validate = self._model_validator(val) if not problem.input_validators else None
            code = extract_code(gen[0].text, "python") if gen else None
            if code:
                compiled = sandbox.compile(Program("python", code))
                if compiled.ok:
                    runs = sandbox.run_batch(compiled.executable,
                                             [RunInput(args=(str(config.seed + i),)) for i in range(config.generator_seeds)],
                                             Limits(time_s=5, memory_mb=512, output_mb=4))
                    sources["generator"] = [r.stdout for r in runs if r is not None and r.ok and r.stdout.strip()]
            if direct:
                sources["model"] = inputs_from_reply(direct[0].text)
        sources["mutation"] = sample_mutations(problem, sandbox, config.generated_inputs, config.seed, validate)
        seen = {t.input for t in problem.samples}
        for name, items in sources.items():
            items = [i for i in dict.fromkeys(items) if i not in seen and len(i) <= MAX_INPUT_BYTES]
            if name != "mutation":  # mutations were validated as they were made
                ok = validate(items) if validate else validate_inputs(problem, sandbox, items)
                items = [i for i, good in zip(items, ok) if good]
            seen.update(items)
            found += items
            self.attempt.input_sources[name] = len(items)
        self.attempt.inputs = found

    async def _ask_tests_model(self) -> tuple[Any, Any, Any, Any]:
        """Generator, direct inputs, validator (only without the problem's own) and tests with
        expected outputs; a request that fails for good gives None, not a failed solve."""
        assert self.tests_model is not None
        m, p, c = self.tests_model, self.problem, self.config

        async def ask(messages: list[dict[str, str]] | None, purpose: str) -> Any:
            if not messages:
                return None
            return await m.generate(messages, 1, key=p.id, seed=c.seed, temperature=c.tests_temperature,
                                    max_tokens=c.max_tokens, purpose=purpose)

        results = await asyncio.gather(
            ask(generator_messages(p), "generator"), ask(inputs_messages(p, c.model_inputs), "inputs"),
            ask(validator_messages(p) if not p.input_validators else None, "validator"),
            ask(expected_tests_messages(p, c.codet_tests) if c.codet_tests else None, "tests"),
            return_exceptions=True)
        _raise_unusable(results)
        r = [None if isinstance(x, BaseException) else x for x in results]
        return r[0], r[1], r[2], r[3]

    def _model_validator(self, reply: Any) -> Any:
        """A validator the tests model wrote, used only if it accepts every sample input."""
        code = extract_code(reply[0].text, "python") if reply else None
        if not code:
            return None
        compiled = self.sandbox.compile(Program("python", code))
        if not compiled.ok:
            return None
        exe = compiled.executable
        limits = Limits(time_s=10, memory_mb=1024)

        def check(items: list[bytes]) -> list[bool]:
            runs = self.sandbox.run_batch(exe, list(items), limits)
            return [r is not None and r.exit_code == 42 for r in runs]

        return check if all(check([t.input for t in self.problem.samples])) else None

    def _passed(self, survivors: list[int]) -> dict[int, frozenset[int]]:
        """For each survivor, the indices of the expected-output tests it passes."""
        tests = self.attempt.expected_tests
        passed: dict[int, frozenset[int]] = {}
        for cid in survivors:
            runs = self.sandbox.run_batch(self.executables[cid], [i for i, _ in tests], self.problem.limits)
            passed[cid] = frozenset(j for j, (run, (_, answer)) in enumerate(zip(runs, tests))
                                    if run is not None and run.ok and self._accepts(run.stdout, answer))
        return passed

    def _accepts(self, output: bytes, answer: bytes) -> bool:
        checker = self.problem.checker
        if checker.kind == "validator":  # a custom validator needs the sandbox; count agreement of tokens
            return output.split() == answer.split()
        try:
            return checker.compare(output, answer).accepted
        except Exception:  # noqa: BLE001 - a malformed expected answer from the model
            return False

    def _validator_accepts(self, index: int, pairs: list[tuple[bytes, bytes]]) -> list[bool]:
        """The problem's output validator on (answer, output) pairs for generated input ``index``."""
        if not pairs:
            return []
        data = self.attempt.inputs[index]
        tests = [Test(f"pair-{j}", data, answer) for j, (answer, _) in enumerate(pairs)]
        try:
            results = self.checker.check_many(list(zip(tests, (out for _, out in pairs))))
        except Exception:  # noqa: BLE001 - a validator that fails on a model's input: no agreement
            return [False] * len(pairs)
        return [r.accepted for r in results]

    def rank(self) -> None:
        attempt = self.attempt
        survivors = [c.id for c in attempt.candidates if c.sample_verdict == Verdict.AC.value and c.duplicate_of is None]
        runs: dict[int, list[RunResult | None]] = {
            cid: self.sandbox.run_batch(self.executables[cid], attempt.inputs, self.problem.limits)
            if attempt.inputs else [] for cid in survivors}
        behaviours = None
        if self.checker.validator is not None and attempt.inputs:
            behaviours = answer_classes(runs, self._validator_accepts)
        clusters = cluster(runs, self.problem.checker, behaviours)
        # A duplicate belongs to its original's cluster and counts toward its size.
        dups: dict[int, list[int]] = {}
        for cand in attempt.candidates:
            if cand.duplicate_of is not None and cand.duplicate_of in runs:
                dups.setdefault(cand.duplicate_of, []).append(cand.id)
        merged = [Cluster(c.signature, _fast_first([m for cid in c.members for m in [cid, *dups.get(cid, [])]],
                                                   runs, attempt.candidates), c.failures) for c in clusters]
        passed = self._passed(survivors) if attempt.expected_tests else {}
        attempt.codet_passed = {cid: sorted(p) for cid, p in passed.items()}
        attempt.clusters = order(merged, codet_scores(merged, passed) if passed else None)
        for index, c in enumerate(attempt.clusters):
            for member in c.members:
                attempt.candidates[member].cluster = index
        originals = [Cluster(c.signature, tuple(m for m in c.members if attempt.candidates[m].duplicate_of is None),
                             c.failures) for c in attempt.clusters]
        attempt.submissions = select(originals, self.config.k)


def _raise_unusable(results: list[Any]) -> None:
    """Failed optional requests (repairs, tests) are skipped, but a model that can serve no
    request at all (refused key, unknown model) is an error for the caller."""
    for r in results:
        if isinstance(r, ModelUnusable):
            raise r


#: Languages whose programs run in an interpreter: on the small generated inputs a member in
#: one may look as fast as a compiled twin and still be the one too slow for the hidden tests.
INTERPRETED = frozenset({"python"})


def _fast_first(members: list[int], runs: dict[int, list[RunResult | None]],
                candidates: list[Candidate]) -> tuple[int, ...]:
    """A cluster's members, those clearly slower than its fastest (more than 1.5x its CPU time
    on the generated inputs, and 20 ms more) last: members behave alike, so a slow program
    is not submitted while a faster twin exists. Then compiled before interpreted (on equal
    behaviour a compiled program is the safer submission against the time limit), then
    candidate order."""
    def cpu(m: int) -> float:
        original = candidates[m].duplicate_of if candidates[m].duplicate_of is not None else m
        return sum(r.cpu_s for r in runs.get(original, []) if r is not None)

    fastest = min(cpu(m) for m in members)
    return tuple(sorted(members, key=lambda m: (cpu(m) > 1.5 * fastest + 0.02,
                                                candidates[m].language in INTERPRETED, m)))


def solve(problem: Problem, config: SolveConfig, model: Model, sandbox: Sandbox,
          tests_model: Model | None = None, runner: Runner = asyncio.run) -> Attempt:
    """Turn one problem into ``config.k`` chosen submissions, with the full trace.

    Model calls are coroutines handed to ``runner`` (by default ``asyncio.run``; a batch run
    passes one shared event loop so that every problem's requests share the endpoint's
    concurrency bound)."""
    run = _Run(problem, config, model, sandbox, tests_model, runner)
    models = [m for m in {id(x): x for x in (model, tests_model) if x is not None}.values()]
    for stage, step in (("sample", run.sample), ("filter", lambda: run.filter(list(run.attempt.candidates))),
                        ("repair", run.repair), ("tests", run.inputs), ("rank", run.rank)):
        before = _usage(models, problem.id)
        t = time.monotonic()
        step()
        run.attempt.timings[stage] = time.monotonic() - t
        after = _usage(models, problem.id)
        added = {role: {k: v - before.get(role, {}).get(k, 0) for k, v in amounts.items()
                        if v - before.get(role, {}).get(k, 0)} for role, amounts in after.items()}
        if any(added.values()):
            run.attempt.stage_usage[stage] = {role: a for role, a in added.items() if a}
    run.attempt.usage = _usage(models, problem.id)
    return run.attempt


def _usage(models: list[Model], key: str) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    logs = {id(log): log for log in (getattr(m, "usage", None) for m in models) if log is not None}
    for log in logs.values():  # models of a run may share one log: count it once
        for role, usage in log.by_problem.get(key, {}).items():
            merged = out.setdefault(role, {})
            for name, value in asdict(usage).items():
                merged[name] = merged.get(name, 0) + value
    return out


__all__ = ["Attempt", "Candidate", "SolveConfig", "solve"]
