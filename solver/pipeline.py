"""``solve(problem, config, model, sandbox)``: one problem to k chosen submissions.

Stages (each timed and kept in the returned :class:`Attempt`):

1. sample: ``n`` replies per language from the ``solve`` model, spread over the prompt
   variants (each variant draws its own sample indices, so the cache keeps them apart);
2. extract and de-duplicate the code (identical programs up to comments and layout are
   one candidate, counted in ``duplicates``); a reply to a function problem with starter
   code that does not define the function continues the starter code (HumanEval);
3. filter: compile and run every candidate on the statement's samples; survivors are the
   ones that pass them all. Examples read from a statement's text that the judge does
   not check (HumanEval's docstrings) may be wrong: when no candidate passes them all,
   the candidates passing the most survive;
4. repair (``repair_rounds``, AlphaCodium style): up to ``repair_max`` candidates that fail a
   sample are shown the failing example (input, expected, got) and asked for a fix; the
   fixes go through steps 2-3 as new candidates;
5. test inputs: from the ``tests`` model (the inputs of its tests with expected outputs,
   ``tests_samples`` replies of them, every test counted as often as it was written, as
   CodeT counts; an input generator run with many seeds; inputs written directly) when one
   is given, plus mutations of the sample inputs and of the tests model's inputs, and
   inputs grown from the samples toward the sizes the statement's constraints allow
   (:mod:`solver.growth`, stdin problems); validated by the problem's input validators (one
   that cannot run fails the solve, as a broken output validator does), or else by a
   validator the ``tests`` model writes that must accept every sample input (one that cannot
   run is dropped, with a note); de-duplicated and bounded;
6. rank: run the survivors on those inputs within a calibrated budget
   (:mod:`solver.execution`), cluster them by behaviour and order the clusters
   (:func:`solver.ranker.rank`, the one selection policy), then pick ``k`` submissions
   round-robin.

Python candidates of function-call problems run as one process per candidate and stage
(:func:`sandbox.run_calls`), each call under the problem's per-call limit
(:func:`problems.judging.call_limits`).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Awaitable, Callable, Coroutine, Sequence

from problems import Problem
from problems.errors import ValidatorError
from problems.judging import (
    PreparedChecker,
    Test,
    Verdict,
    call_limits,
    compile_validator,
    function_calls_program,
    interaction_verdict,
    interactor_input,
    interactor_limits,
    judge_interactions,
    judge_runs,
    run_calls,
    run_validator,
    solution_program,
)
from sandbox import Interaction, Limits, Program, RunInput, RunResult, Sandbox, Status, get_language

from .budget import StopRule, Tracker, cascade_rounds, rounds
from .execution import FLOOR_S, execute, timeouts_stop
from .extract import completed_program, extract_code, fingerprint, similarity, token_set
from .growth import grown_inputs
from .models import Model, ModelUnusable, ReplayMissing
from .prompts import (
    VARIANTS,
    adjudicate_messages,
    distinguish_messages,
    expected_tests_messages,
    generator_messages,
    inputs_messages,
    read_verdict,
    repair_messages,
    solve_messages,
    validator_messages,
)
from .ranker import (
    Cluster,
    ExpectedTest,
    Ranked,
    RankWeights,
    canonical_output,
    cluster,
    interaction_classes,
    output_classes,
    rank,
    select,
)
from .testgen import MAX_INPUT_BYTES, expected_tests_from_reply, inputs_from_reply, sample_mutations, validate_inputs

#: Runs a coroutine to completion and returns its result.
Runner = Callable[[Coroutine[Any, Any, Any]], Any]

#: Characters of each distinct output kept in the trace (for reading, not for ranking).
OUTPUT_SHOWN = 200
#: Bytes of each input kept in the trace (a grown input may be a megabyte).
INPUT_SHOWN = 4096
#: How the tests model's input validator is named in errors and notes.
MODEL_VALIDATOR = "the tests model's input validator"


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
    generated_inputs: int = 20            #: mutations of the sample inputs (and of the tests model's)
    grown_inputs: int = 6                 #: inputs grown from the samples toward the constraints' sizes
    generator_seeds: int = 20             #: runs of the tests model's generator
    model_inputs: int = 10                #: inputs the tests model writes directly
    codet_tests: int = 10                 #: tests with expected outputs asked for in one reply (CodeT)
    tests_samples: int = 10               #: replies of such tests (each test counted as often as written)
    distinguish: int = 5                  #: S*: inputs asked to split the top two clusters (0: no S* round)
    repair_rounds: int = 1
    repair_max: int = 4                   #: candidates repaired per round
    seed: int = 0
    #: Adaptive budget: samples drawn in the first round, doubling until ``samples``; a problem
    #: stops once its selection is settled by ``stop_rule`` (0: all samples at once).
    first_round: int = 0
    stop_rule: StopRule = StopRule()
    #: A cascade (several solve models, cheap first): samples each model draws at most.
    cascade_samples: tuple[int, ...] = ()
    #: The weights of the ranker's CodeT score (see :class:`solver.ranker.RankWeights`).
    rank_weights: RankWeights = RankWeights()


@dataclass
class Candidate:
    id: int
    language: str
    code: str | None
    variant: str
    sample_index: int
    duplicate_of: int | None = None
    #: The solve model that wrote it (its name; a cascade has several).
    model: str = ""
    repaired_from: int | None = None
    compile_ok: bool = False
    sample_verdict: str = ""
    #: How many of the samples it passes (all run only for soft examples).
    samples_passed: int = 0
    #: What went wrong on the first failing sample (shown to the model by the repair loop).
    feedback: str = ""
    cluster: int | None = None
    #: Clearly slower than the fastest member of its cluster (see :func:`_fast_first`).
    slow: bool = False


@dataclass
class Attempt:
    problem_id: str
    #: The problem's title and statement as the prompts showed it (what the viewer shows).
    title: str = ""
    statement: str = ""
    submissions: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    #: Clusters in rank order, with their score components (``scores[i]`` for ``clusters[i]``).
    clusters: list[Cluster] = field(default_factory=list)
    scores: list[dict[str, float]] = field(default_factory=list)
    inputs: list[bytes] = field(default_factory=list)
    #: Per input, the distinct outputs (class ``o<k>`` is ``outputs[input][k]``), shortened.
    outputs: list[list[str]] = field(default_factory=list)
    #: Tests with expected outputs written by the tests model (CodeT), on the kept inputs.
    expected_tests: list[ExpectedTest] = field(default_factory=list)
    #: Where the inputs came from: source name -> how many were kept.
    input_sources: dict[str, int] = field(default_factory=dict)
    #: How the execution budget was set (see :mod:`solver.execution`).
    execution: dict[str, float | int] = field(default_factory=dict)
    #: Model usage for this problem: role -> requests, samples, tokens, latency, cost.
    usage: dict[str, dict[str, float]] = field(default_factory=dict)
    #: The same per stage: stage -> role -> the amounts that stage added.
    stage_usage: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    #: What did not go as asked (an optional model request that failed, ...).
    notes: list[str] = field(default_factory=list)
    #: Every input was accepted by the problem's own input validators (failures count on all).
    inputs_valid: bool = False
    #: The S* round: the pair of clusters, the distinguishing inputs, the verdicts, the winner.
    adjudication: dict[str, Any] = field(default_factory=dict)
    #: The adaptive budget's rounds, when it was on (see :mod:`solver.budget`).
    budget: dict[str, Any] = field(default_factory=dict)
    #: The ranking weights the clusters were ordered with (:class:`solver.ranker.RankWeights`).
    ranking: dict[str, float] = field(default_factory=dict)

    def submission_programs(self) -> list[Program]:
        by_id = {c.id: c for c in self.candidates}
        return [Program(by_id[i].language, by_id[i].code or "") for i in self.submissions]

    def to_json(self) -> dict[str, Any]:
        return {"problem": self.problem_id, "title": self.title, "statement": self.statement,
                "submissions": self.submissions,
                "candidates": [asdict(c) for c in self.candidates],
                "clusters": [{"signature": c.signature, "members": list(c.members), "failures": c.failures,
                              "behaviour": list(c.behaviour), "score": score}
                             for c, score in zip(self.clusters, self.scores or [{}] * len(self.clusters))],
                "expected_tests": [asdict(t) for t in self.expected_tests],
                "inputs": [_shown_input(i) for i in self.inputs], "input_sources": self.input_sources,
                "outputs": self.outputs, "execution": self.execution,
                "usage": self.usage, "stage_usage": self.stage_usage, "timings": self.timings, "notes": self.notes,
                "inputs_valid": self.inputs_valid, "adjudication": self.adjudication, "budget": self.budget,
                "ranking": self.ranking}


async def _replies(problem: Problem, config: SolveConfig, model: Model, lo: int = 0,
                   hi: int | None = None) -> list[tuple[str, str, list[Any]]]:
    """Samples ``lo`` .. ``hi - 1`` (default: all ``config.samples``) per language, spread
    over the prompt variants."""
    count = (config.samples if hi is None else hi) - lo
    jobs = []
    for language in config.languages:
        per_variant = [count // len(config.variants)] * len(config.variants)
        for i in range(count % len(config.variants)):
            per_variant[i] += 1
        start = lo  # variants draw consecutive sample indices (a replay then serves each row once)
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
        self.problem, self.config, self.model = problem, config, model
        #: Sample indices past this are the repairs' (the current model's budget).
        self.repair_base = config.samples
        self.sandbox, self.tests_model = sandbox, tests_model
        self.run_async = runner
        self.attempt = Attempt(problem.id, problem.title, problem.statement)
        self.checker = PreparedChecker(sandbox, problem.checker)
        self.samples = [t.to_test() for t in problem.samples]
        #: Examples read from the statement's text, which the judge does not check: a few may be
        #: wrong, so when no candidate passes them all the ones passing the most survive.
        self.soft_examples = problem.soft_examples
        self.limits = call_limits(problem)
        self.executables: dict[int, Any] = {}
        self.seen: dict[str, int] = {}
        #: Tests with expected outputs as written (input, answer) -> how many times.
        self.expected: dict[tuple[bytes, bytes], int] = {}
        #: The input validator the tests model wrote, when the problem has none of its own.
        self._validate: Callable[[list[bytes]], list[bool]] | None = None
        #: The limits of a run on a generated input (calibrated in the rank stage).
        self.input_limits = self.limits

    # ------------------------------------------------------------------ candidates
    def sample(self, lo: int = 0, hi: int | None = None) -> list[Candidate]:
        """Draw samples ``lo`` .. ``hi - 1`` (default: all) as new candidates."""
        iface = self.problem.interface
        before = len(self.attempt.candidates)
        for language, variant, gens in self.run_async(_replies(self.problem, self.config, self.model, lo, hi)):
            for g in gens:
                cand = self.add(language, completed_program(g.text, language, iface.starter_code, iface.entry_point),
                                variant, g.index)
                cand.model = self.model.name
        return self.attempt.candidates[before:]

    def add(self, language: str, code: str | None, variant: str, index: int,
            repaired_from: int | None = None) -> Candidate:
        cand = Candidate(len(self.attempt.candidates), language, code, variant, index, repaired_from=repaired_from)
        if code is not None:
            fp = fingerprint(code, language)
            if fp in self.seen:
                cand.duplicate_of = self.seen[fp]
            else:
                self.seen[fp] = cand.id
        self.attempt.candidates.append(cand)
        return cand

    def _calls(self, cand: Candidate) -> bool:
        """Python candidates of function-call problems run all their inputs in one process."""
        return self.problem.interface.kind == "function" and cand.language == "python"

    def program(self, cand: Candidate) -> Program:
        assert cand.code is not None
        if self._calls(cand):
            assert self.problem.interface.entry_point
            return function_calls_program(cand.code, self.problem.interface.entry_point)
        return solution_program(self.problem, Program(cand.language, cand.code))

    def execute(self, cid: int, inputs: Sequence[bytes], limits: Limits, max_timeouts: int) -> list[RunResult | None]:
        """Candidate ``cid`` on ``inputs`` (``limits`` per input or call), stopping after
        ``max_timeouts`` timeouts. On an interactive problem each input is the interactor's
        data (no answer file content) and a run's behaviour is the interactor's verdict
        (:func:`interaction_run`)."""
        if self.problem.interactive:
            assert self.checker.validator is not None
            items = [interactor_input(Test(f"input-{i}", data, b""), self.problem.checker.validator_args)
                     for i, data in enumerate(inputs)]
            seen = [0]

            def stop(_: int, interaction: Interaction) -> bool:
                seen[0] += interaction.program.status is Status.TLE
                return seen[0] >= max_timeouts

            interactions = self.sandbox.interact(self.executables[cid], self.checker.validator, items, limits,
                                                 interactor_limits(limits), stop=stop)
            return [None if x is None else interaction_run(x) for x in interactions]
        if self._calls(self.attempt.candidates[cid]):
            return run_calls(self.sandbox, self.executables[cid], inputs, limits, max_timeouts)
        return self.sandbox.run_batch(self.executables[cid], list(inputs), limits, stop=timeouts_stop(max_timeouts))

    # ------------------------------------------------------------------ filter and repair
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
                cand.samples_passed = original.samples_passed

    def _check_samples(self, cand: Candidate) -> None:
        compiled = self.sandbox.compile(self.program(cand))
        cand.compile_ok = compiled.ok
        if not compiled.ok:
            cand.sample_verdict = Verdict.CE.value
            cand.feedback = "compilation failed:\n" + compiled.run.stderr.decode(errors="replace")[-1500:]
            return
        self.executables[cand.id] = compiled.executable
        if self.problem.interactive:
            self._check_interactive_samples(cand)
            return
        # Soft examples are all run (how many pass counts); judged samples stop at the first failure.
        patience = len(self.samples) if self.soft_examples else 1
        runs = self.execute(cand.id, [t.input for t in self.samples], self.limits, patience)
        if not self.soft_examples:  # stop at the first failing sample, as a judge would
            first_bad = next((i for i, r in enumerate(runs) if r is not None and not r.ok), len(runs))
            runs = [r if i <= first_bad else None for i, r in enumerate(runs)]
        result = judge_runs(self.samples, runs, self.checker, stop_on_failure=not self.soft_examples)
        cand.sample_verdict = result.verdict.value
        cand.samples_passed = sum(t.verdict is Verdict.AC for t in result.tests)
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

    def _check_interactive_samples(self, cand: Candidate) -> None:
        """An interactive problem's candidate against the interactor on the samples."""
        result = judge_interactions(self.sandbox, self.executables[cand.id], self.samples, self.limits,
                                    self.checker)
        cand.sample_verdict = result.verdict.value
        cand.samples_passed = sum(t.verdict is Verdict.AC for t in result.tests)
        failed = result.failed_test
        if failed is not None:
            sample = next(t for t in self.problem.samples if t.name == failed.name)
            err = failed.run.stderr.decode(errors="replace")[-800:] if failed.run else ""
            shown = sample.interaction or f"The judge's data:\n{sample.input.decode(errors='replace')[:1500]}"
            cand.feedback = (f"Sample interaction:\n{shown[:2000]}\n"
                             f"Your program's verdict: {failed.verdict.value}"
                             + (f" ({failed.message[:300]})" if failed.message else "")
                             + (f"\nStandard error:\n{err}" if err.strip() else ""))

    def survivors(self) -> list[int]:
        """Distinct candidates that pass every sample; with soft examples and none passing
        them all, the compiled ones passing the most."""
        distinct = [c for c in self.attempt.candidates if c.duplicate_of is None and c.compile_ok]
        passing = [c.id for c in distinct if c.sample_verdict == Verdict.AC.value]
        if passing or not self.soft_examples or not distinct:
            return passing
        best = max(c.samples_passed for c in distinct)
        return [c.id for c in distinct if c.samples_passed == best]

    async def repair_replies(self, cands: list[Candidate]) -> list[Any]:
        jobs = []
        for cand in cands:
            messages = repair_messages(self.problem, cand.language, cand.variant, self.config.with_metadata,
                                       cand.code or "", cand.feedback)
            # A repair draws its own sample index, past the pool's; a model that cannot serve it
            # (a replay) simply yields no repair.
            jobs.append(self.model.generate(messages, 1, start=self.repair_base + cand.id,
                                            temperature=self.config.temperature,
                                            max_tokens=self.config.max_tokens, seed=self.config.seed,
                                            key=self.problem.id))
        return list(await asyncio.gather(*jobs, return_exceptions=True))

    def repair(self) -> None:
        tried: set[int] = set()
        iface = self.problem.interface
        for _ in range(self.config.repair_rounds):
            broken = [c for c in self.attempt.candidates
                      if c.duplicate_of is None and c.code is not None and c.id not in tried
                      and c.sample_verdict not in (Verdict.AC.value, "no code")][: self.config.repair_max]
            if not broken:
                return
            tried.update(c.id for c in broken)
            replies = self.run_async(self.repair_replies(broken))
            _raise_unusable(replies)
            fixes = [self.add(c.language, completed_program(r[0].text, c.language, iface.starter_code,
                                                            iface.entry_point), "repair", r[0].index, c.id)
                     for c, r in zip(broken, replies) if not isinstance(r, BaseException)]
            self.filter(fixes)

    # ------------------------------------------------------------------ test inputs
    def inputs(self) -> None:
        problem, config, sandbox = self.problem, self.config, self.sandbox
        sources: dict[str, list[bytes]] = {}
        validate = self.validate
        if self.tests_model is not None:
            gen, direct, val, expected = self.run_async(self._ask_tests_model())
            written = Counter(p for g in expected for p in expected_tests_from_reply(problem, g.text))
            if val is not None and not problem.input_validators:
                known = [i for i, _ in written] + (inputs_from_reply(direct[0].text) if direct else [])
                self._validate = self._model_validator(val, known) or (lambda items: [True] * len(items))
            if written:
                distinct = list(written)
                ok = dict(zip(distinct, validate([i for i, _ in distinct])))
                self.expected = {p: n for p, n in written.items() if ok[p]}
                # Every input a test was written for joins the inputs (a sample's too: the
                # test still votes), most often written first.
                sources["tests"] = sorted(dict.fromkeys(i for i, _ in self.expected),
                                          key=lambda i: -sum(n for (j, _), n in self.expected.items() if j == i))
            code = extract_code(gen[0].text, "python") if gen else None
            if code:
                generator = sandbox.compile(Program("python", code)).executable
                if generator is not None:
                    seed_args = [RunInput(args=(str(config.seed + i),)) for i in range(config.generator_seeds)]
                    runs = sandbox.run_batch(generator, seed_args, Limits(time_s=5, memory_mb=512, output_mb=4))
                    sources["generator"] = [r.stdout for r in runs if r is not None and r.ok and r.stdout.strip()]
            if direct:
                sources["model"] = inputs_from_reply(direct[0].text)
        seeds = [i for name in ("tests", "model") for i in sources.get(name, [])]
        sources["mutation"] = sample_mutations(problem, sandbox, config.generated_inputs, config.seed, validate, seeds)
        if config.grown_inputs > 0:
            sources["growth"] = grown_inputs(problem, config.grown_inputs, config.seed)
        samples = {t.input for t in problem.samples}
        seen: set[bytes] = set()
        found: list[bytes] = []
        for name, items in sources.items():
            items = [i for i in dict.fromkeys(items)
                     if i not in seen and (name == "tests" or i not in samples) and len(i) <= MAX_INPUT_BYTES]
            if name not in ("mutation", "tests"):  # mutations and tests were validated already
                accepted = validate(items)
                items = [i for i, good in zip(items, accepted) if good]
            seen.update(items)
            found += items
            self.attempt.input_sources[name] = len(items)
        self.attempt.inputs = found

    async def _ask_tests_model(self) -> tuple[Any, Any, Any, list[Any]]:
        """Generator, direct inputs, validator (only without the problem's own) and
        ``tests_samples`` replies of tests with expected outputs; an optional request that
        fails gives nothing, not a failed solve (a replay with no row for the problem does)."""
        assert self.tests_model is not None
        m, p, c = self.tests_model, self.problem, self.config

        async def ask(messages: list[dict[str, str]] | None, purpose: str, n: int = 1) -> Any:
            if not messages or n <= 0:
                return None
            return await m.generate(messages, n, key=p.id, seed=c.seed, temperature=c.tests_temperature,
                                    max_tokens=c.max_tokens, purpose=purpose)

        results = await asyncio.gather(
            ask(generator_messages(p), "generator"), ask(inputs_messages(p, c.model_inputs), "inputs"),
            ask(validator_messages(p) if not p.input_validators else None, "validator"),
            ask(expected_tests_messages(p, c.codet_tests) if c.codet_tests and not p.interactive else None,
                "tests", c.tests_samples),
            return_exceptions=True)
        _raise_unusable(results)
        for purpose, r in zip(("generator", "inputs", "validator", "tests"), results):
            if isinstance(r, BaseException):
                self.attempt.notes.append(f"tests model ({purpose}): {r}")
        r = [None if isinstance(x, BaseException) else x for x in results]
        return r[0], r[1], r[2], r[3] or []

    def _model_validator(self, reply: Any, known: list[bytes]) -> Callable[[list[bytes]], list[bool]] | None:
        """A validator the tests model wrote, used only if it accepts every sample input; with
        no samples, only if it accepts most of the ``known`` inputs (the tests model's own).
        One that cannot run (does not compile, or the sandbox cannot run it), now or on a later
        input, is dropped with a note: the inputs are then not validated. One that crashes on
        an input rejects it (:func:`problems.judging.input_verdict`)."""
        code = extract_code(reply[0].text, "python") if reply else None
        if not code:
            return None
        try:
            exe = compile_validator(self.sandbox, Program("python", code), MODEL_VALIDATOR)
        except ValidatorError as exc:
            self._drop_model_validator(exc)
            return None

        def accepts(items: list[bytes]) -> list[bool]:
            return [r.accepted for r in run_validator(self.sandbox, exe, items, name=MODEL_VALIDATOR)]

        def check(items: list[bytes]) -> list[bool]:
            try:
                return accepts(items)
            except ValidatorError as exc:
                self._drop_model_validator(exc)
                return [True] * len(items)

        known = list(dict.fromkeys(known))
        try:
            if self.problem.samples:
                trusted = all(accepts([t.input for t in self.problem.samples]))
            else:
                trusted = bool(known) and 2 * sum(accepts(known)) > len(known)
        except ValidatorError as exc:
            self._drop_model_validator(exc)
            return None
        return check if trusted else None

    def _drop_model_validator(self, error: ValidatorError) -> None:
        """Stop using the tests model's validator, which cannot run, and say so in the notes."""
        self._validate = None
        self.attempt.notes.append(f"tests model (validator): dropped, the inputs are not validated: "
                                  f"{str(error)[:1000]}")

    # ------------------------------------------------------------------ ranking
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

    def _accepts(self, output: bytes, answer: bytes) -> bool:
        checker = self.problem.checker
        if checker.kind == "validator":  # a custom validator needs the sandbox; count agreement of tokens
            return output.split() == answer.split()
        try:
            return checker.compare(output, answer).accepted
        except Exception:  # noqa: BLE001 - a malformed expected answer from the model
            return False

    def rank(self) -> None:
        attempt, problem = self.attempt, self.problem
        attempt.inputs_valid = bool(problem.input_validators)
        survivors = self.survivors()
        floor = FLOOR_S["call" if problem.interface.kind == "function" else "process"]
        execution = execute(survivors, attempt.inputs, self.execute, self.limits, floor)
        # Inputs nobody could run in time are dropped (see solver.execution).
        attempt.inputs = [attempt.inputs[i] for i in execution.kept]
        attempt.execution = execution.summary()
        runs = execution.runs
        accepts = (self._validator_accepts if self.checker.validator is not None and attempt.inputs
                   and not problem.interactive else None)
        if problem.interactive:
            labels, outputs = interaction_classes(runs)
        else:
            labels, outputs = output_classes(runs, problem.checker, accepts)
        clusters = cluster(labels)
        tests = self._expected_tests(outputs)
        # A duplicate belongs to its original's cluster and counts toward its size.
        dups: dict[int, list[int]] = {}
        for cand in attempt.candidates:
            if cand.duplicate_of is not None and cand.duplicate_of in runs:
                dups.setdefault(cand.duplicate_of, []).append(cand.id)
        merged = [replace(c, members=_fast_first([m for cid in c.members for m in [cid, *dups.get(cid, [])]],
                                                 runs, attempt.candidates, self._calls)) for c in clusters]
        attempt.expected_tests = tests
        attempt.outputs = [[o[:OUTPUT_SHOWN].decode(errors="replace") for o in per] for per in outputs]
        self.input_limits = replace(self.limits, time_s=execution.limit_s or self.limits.time_s, wall_s=None)
        self.order(merged)

    def order(self, clusters: Sequence[Cluster], preferences: Sequence[tuple[str, str]] = ()) -> None:
        """Rank the clusters (with the S* round's preferences) and choose the submissions."""
        attempt = self.attempt
        weights = self.config.rank_weights
        attempt.ranking = weights.to_json()
        ranked = rank(clusters, attempt.expected_tests, preferences, attempt.inputs_valid, weights)
        attempt.clusters = [r.cluster for r in ranked]
        attempt.scores = [r.components for r in ranked]
        for i, c in enumerate(attempt.clusters):
            for member in c.members:
                attempt.candidates[member].cluster = i
        attempt.submissions = select(distinct_members(attempt.clusters, attempt.candidates, self.config.k),
                                     self.config.k)

    # ------------------------------------------------------------------ S*
    def distinguish(self) -> None:
        """S*: the tests model writes inputs meant to split the two leading clusters; both run
        on them; where their outputs differ, a run that fails loses, and two outputs are
        adjudicated by the solve model (one request per input, up to :data:`ADJUDICATIONS`).
        The majority winner is ranked first. Everything is recorded in ``adjudication``."""
        attempt, problem = self.attempt, self.problem
        if self.tests_model is None or self.config.distinguish <= 0 or len(attempt.clusters) < 2:
            return
        a, b = attempt.clusters[0], attempt.clusters[1]
        ra, rb = (_root(attempt.candidates, c.members[0]) for c in (a, b))
        programs = (attempt.candidates[ra].code or "", attempt.candidates[rb].code or "")
        messages = distinguish_messages(problem, programs, self.config.distinguish)
        replies = self.run_async(_optional(self.tests_model.generate(
            messages, 1, key=problem.id, seed=self.config.seed, temperature=self.config.tests_temperature,
            max_tokens=self.config.max_tokens, purpose="distinguish")))
        record: dict[str, Any] = {"pair": [a.signature, b.signature], "inputs": [], "differ": [], "winner": None}
        attempt.adjudication = record
        if isinstance(replies, BaseException):
            attempt.notes.append(f"tests model (distinguish): {replies}")
            return
        items = [i for i in dict.fromkeys(inputs_from_reply(replies[0].text)) if len(i) <= MAX_INPUT_BYTES]
        items = [i for i, ok in zip(items, self.validate(items)) if ok][: self.config.distinguish]
        record["inputs"] = [i.decode(errors="replace") for i in items]
        if not items:
            return
        runs = {cid: self.execute(cid, items, self.input_limits, len(items) + 1) for cid in (ra, rb)}
        votes = {a.signature: 0, b.signature: 0}
        asked = 0
        for i, data in enumerate(items):
            x, y = runs[ra][i], runs[rb][i]
            if x is None or y is None or not (x.ok or y.ok):
                continue
            if x.ok != y.ok:  # a run that fails on a valid input loses without asking anyone
                survivor = a.signature if x.ok else b.signature
                votes[survivor] += 1
                record["differ"].append({"input": i, "outputs": [_shown(x), _shown(y)], "verdict": "run",
                                         "winner": survivor})
                continue
            if self.checker.validator is not None or \
                    canonical_output(x.stdout, problem.checker) == canonical_output(y.stdout, problem.checker):
                continue  # several answers may be right (a validator), or the outputs agree
            if asked >= ADJUDICATIONS:
                continue
            flip = asked % 2 == 1  # alternate which output is shown first (position bias)
            shown = (y, x) if flip else (x, y)
            reply = self.run_async(_optional(self.model.generate(
                adjudicate_messages(problem, data.decode(errors="replace"),
                                    (shown[0].stdout.decode(errors="replace")[:2000],
                                     shown[1].stdout.decode(errors="replace")[:2000])),
                1, start=asked, key=problem.id, seed=self.config.seed, temperature=0.0,
                max_tokens=self.config.max_tokens, purpose="adjudicate")))
            asked += 1
            if isinstance(reply, BaseException):
                attempt.notes.append(f"solve model (adjudicate): {reply}")
                continue
            verdict = read_verdict(reply[0].text)
            winner = None
            if verdict is not None:
                winner = a.signature if (verdict == "A") != flip else b.signature
                votes[winner] += 1
            record["differ"].append({"input": i, "outputs": [_shown(x), _shown(y)], "verdict": verdict,
                                     "winner": winner})
        if votes[b.signature] > votes[a.signature]:
            record["winner"] = b.signature
            self.order(attempt.clusters, [(b.signature, a.signature)])
        elif votes[a.signature] > votes[b.signature]:
            record["winner"] = a.signature

    def validate(self, items: list[bytes]) -> list[bool]:
        """The problem's input validators on ``items`` (all accepted without any), or else
        the tests model's validator when it earned trust (see :meth:`_model_validator`)."""
        return self._validate(items) if self._validate else validate_inputs(self.problem, self.sandbox, items)

    def _expected_tests(self, outputs: list[list[bytes]]) -> list[ExpectedTest]:
        """The tests model's tests on the kept inputs, each with the output class its answer
        accepts (the first class the checker accepts) and how often it was written."""
        where = {data: i for i, data in enumerate(self.attempt.inputs)}
        tests = []
        for (data, answer), weight in self.expected.items():
            i = where.get(data)
            if i is None:
                continue
            cls = next((f"o{k}" for k, out in enumerate(outputs[i]) if self._accepts(out, answer)), None)
            tests.append(ExpectedTest(i, cls, weight))
        return tests


#: S*: the most adjudication requests per problem.
ADJUDICATIONS = 3


def interaction_run(interaction: Interaction) -> RunResult:
    """An interactive run as the ranker sees a run: accepted by the interactor, status OK and
    output ``AC``; rejected, status RE with output ``WA`` and the interactor's message as the
    reason (a failure: see :func:`solver.ranker.interaction_classes`); the program's own
    failure (TLE, MLE, RE) as it is; an interactor that failed, status RE with output ``JE``."""
    verdict = interaction_verdict("", interaction)
    program = interaction.program
    if verdict.verdict is Verdict.AC:
        return replace(program, status=Status.OK, stdout=b"AC")
    if verdict.verdict in (Verdict.WA, Verdict.JE):
        return replace(program, status=Status.RE, stdout=verdict.verdict.value.encode(),
                       reason=f"interactor: {verdict.verdict.value}: {verdict.message}"[:500])
    return program


async def _optional(request: Awaitable[Any]) -> Any:
    """An optional request's reply, or the exception it failed with (a model that cannot
    serve any request still stops the solve)."""
    try:
        return await request
    except (ModelUnusable, ReplayMissing):
        raise
    except Exception as exc:  # noqa: BLE001 - recorded in the attempt's notes by the caller
        return exc


def _shown_input(data: bytes) -> str:
    if len(data) <= INPUT_SHOWN:
        return data.decode(errors="replace")
    return data[:INPUT_SHOWN].decode(errors="replace") + f"... ({len(data)} bytes in all)"


def _shown(run: RunResult) -> str:
    return run.stdout[:OUTPUT_SHOWN].decode(errors="replace") if run.ok else run.status.value


def distinct_members(clusters: Sequence[Cluster], candidates: Sequence[Any], limit: int | None = None
                     ) -> list[Cluster]:
    """The clusters with one member per distinct program: what :func:`select` picks from
    (the first ``limit`` clusters only, when given: ``select`` of ``k`` never reaches past
    the first ``k``).

    A distinct program stands in by its first member (a duplicate stands in for its original
    only when the original is absent). Inside a cluster the programs keep the pipeline's tiers
    (clearly slower members last, then compiled before interpreted; :func:`_fast_first`), and
    within a tier the most *typical* program comes first: the one whose tokens the cluster's
    members share most, its summed similarity (:func:`solver.extract.similarity` of token
    sets, comments left out) to every member, duplicates counted, itself included. The
    members behave alike on every input; a program written often, or close to what was
    written often, is the model's most likely version of that behaviour, and one with a
    token the others lack (``>=`` where they wrote ``>``) the least. Ties keep the members'
    order. Only the members given count, so a re-selection on a subset of the samples
    looks at those alone."""
    out = []
    for c in clusters[:limit]:
        copies: dict[int, int] = {}
        first: dict[int, int] = {}
        for m in c.members:
            root = _root(candidates, m)
            copies[root] = copies.get(root, 0) + 1
            first.setdefault(root, m)
        # Of two programs the one with more copies is the more typical (the difference of
        # their sums is the difference of their copies times 1 - their similarity).
        typical = _typicality(copies, candidates) if len(copies) > 2 else copies
        position = {m: i for i, m in enumerate(c.members)}
        members = sorted(first.values(), key=lambda m: (*_tier(candidates[m]), -typical[_root(candidates, m)],
                                                        position[m]))
        out.append(replace(c, members=tuple(members)))
    return out


def _typicality(copies: dict[int, int], candidates: Sequence[Any]) -> dict[int, float]:
    """Per distinct program (root id -> its copies in a cluster): its summed token-set
    similarity to every member of the cluster, itself and its copies included."""
    roots = list(copies)
    sets = [token_set(_field(candidates[r], "code") or "", str(_field(candidates[r], "language"))) for r in roots]
    score = [float(copies[r]) for r in roots]
    for i, j in itertools.combinations(range(len(roots)), 2):
        sim = similarity(sets[i], sets[j])
        score[i] += copies[roots[j]] * sim
        score[j] += copies[roots[i]] * sim
    return {r: round(x, 9) for r, x in zip(roots, score)}


def _tier(cand: Any) -> tuple[bool, bool]:
    """(clearly slower than its cluster's fastest, interpreted): the order of submission
    inside a cluster before anything else (a trace written before ``slow`` was recorded
    counts every member as fast; one with no language, as compiled)."""
    language = _field(cand, "language")
    return bool(_field(cand, "slow", False)), bool(language) and get_language(str(language)).interpreted


def _root(candidates: Sequence[Any], cid: int) -> int:
    dup = _field(candidates[cid], "duplicate_of")
    return cid if dup is None else dup


def _field(cand: Any, name: str, default: Any = None) -> Any:
    """A field of a candidate: a :class:`Candidate`, or its dict in a recorded trace (where a
    trace written before the field existed lacks it: ``default``)."""
    return cand.get(name, default) if isinstance(cand, dict) else getattr(cand, name, default)


def _raise_unusable(results: Sequence[Any]) -> None:
    """Failed optional requests (repairs, tests) are skipped, but a model that can serve no
    request at all (refused key, unknown model), or a replay with no row for the problem,
    is an error for the caller."""
    for r in results:
        if isinstance(r, (ModelUnusable, ReplayMissing)):
            raise r




def _fast_first(members: list[int], runs: dict[int, list[RunResult | None]],
                candidates: list[Candidate], calls: Callable[[Candidate], bool] = lambda c: False) -> tuple[int, ...]:
    """A cluster's members, those clearly slower than the fastest member measured the same
    way (more than 1.5x its CPU time on the generated inputs, and 20 ms more) last: members
    behave alike, so a slow program is not submitted while a faster twin exists. (A call in
    a running process, ``calls``, is timed without the process start a run of its own
    pays, so the two are not compared.) Then compiled before interpreted (on equal
    behaviour a compiled program is the safer submission against the time limit), then
    candidate order. Each member's ``slow`` is recorded on its candidate, so that
    :func:`distinct_members` (and a report's re-selection from the trace) keeps these tiers."""
    def root(m: int) -> Candidate:
        dup = candidates[m].duplicate_of
        return candidates[m if dup is None else dup]

    def cpu(m: int) -> float:
        return sum(r.cpu_s for r in runs.get(root(m).id, []) if r is not None)

    fastest: dict[bool, float] = {}
    for m in members:
        kind = calls(root(m))
        fastest[kind] = min(fastest.get(kind, cpu(m)), cpu(m))
    for m in members:
        candidates[m].slow = cpu(m) > 1.5 * fastest[calls(root(m))] + 0.02
    return tuple(sorted(members, key=lambda m: (*_tier(candidates[m]), m)))


def solve(problem: Problem, config: SolveConfig, model: Model | Sequence[Model], sandbox: Sandbox,
          tests_model: Model | None = None, runner: Runner = asyncio.run) -> Attempt:
    """Turn one problem into ``config.k`` chosen submissions, with the full trace.

    Model calls are coroutines handed to ``runner`` (by default ``asyncio.run``; a batch run
    passes one shared event loop so that every problem's requests share the endpoint's
    concurrency bound)."""
    cascade = list(model) if isinstance(model, Sequence) else [model]
    run = _Run(problem, config, cascade[0], sandbox, tests_model, runner)
    models = [m for m in {id(x): x for x in (*cascade, tests_model) if x is not None}.values()]
    attempt = run.attempt

    def stage(name: str, step: Callable[[], Any]) -> Any:
        """Run one stage, adding its time and model usage to the stage's (a stage of the
        adaptive budget's rounds runs once per round)."""
        before = _usage(models, problem.id)
        t = time.monotonic()
        result = step()
        attempt.timings[name] = attempt.timings.get(name, 0.0) + time.monotonic() - t
        after = _usage(models, problem.id)
        for role, amounts in after.items():
            for key, value in amounts.items():
                delta = value - before.get(role, {}).get(key, 0)
                if delta:
                    per_role = attempt.stage_usage.setdefault(name, {}).setdefault(role, {})
                    per_role[key] = per_role.get(key, 0) + delta
        return result

    plan = rounds(config.first_round, config.samples) if config.first_round else [config.samples]
    if len(cascade) > 1:
        budgets = config.cascade_samples or (config.samples,) * len(cascade)
        _adaptive(run, list(zip(cascade, budgets)), config.first_round or CASCADE_FIRST_ROUND, stage)
    elif len(plan) == 1:
        for name, step in (("sample", run.sample), ("filter", lambda: run.filter(list(attempt.candidates))),
                           ("repair", run.repair), ("tests", run.inputs), ("rank", run.rank),
                           ("distinguish", run.distinguish)):
            stage(name, step)
    else:
        _adaptive(run, [(run.model, config.samples)], config.first_round, stage)
    attempt.usage = _usage(models, problem.id)
    return attempt


#: A cascade's first round when ``first_round`` is not set (a cascade moves on only when a
#: model's rounds did not settle the selection, so it always samples in rounds).
CASCADE_FIRST_ROUND = 4


def _adaptive(run: _Run, stages: list[tuple[Model, int]], first: int,
              stage: Callable[[str, Callable[[], Any]], Any]) -> None:
    """The adaptive budget's rounds (:mod:`solver.budget`), model after model of a cascade
    (each with its budget; rounds from ``first``, a later model's doubling all the samples
    drawn, :func:`solver.budget.cascade_rounds`): draw, filter, rank, until the stop rule
    settles the selection (every candidate so far, of every model, is ranked together) or
    the model's budget is drawn, then the next model (one with no budget is skipped); then
    repair (by the last model drawn from) and the S* round."""
    attempt, config = run.attempt, run.config
    tracker = Tracker(config.stop_rule)
    #: Every model of the cascade, the ones never reached with 0 samples (what tune replays).
    spent: list[dict[str, Any]] = [{"model": model.name, "samples": 0, "of": budget} for model, budget in stages]
    settled = False
    for index, (model, budget) in enumerate(stages):
        if budget <= 0:
            continue
        run.model, run.repair_base = model, budget
        drawn = 0
        for m in cascade_rounds(first, budget, sum(s["samples"] for s in spent)):
            new = stage("sample", lambda: run.sample(drawn, m))
            stage("filter", lambda: run.filter(new))
            if "tests" not in attempt.timings:  # the test inputs are built once, in the first round
                stage("tests", run.inputs)
            stage("rank", run.rank)
            drawn = spent[index]["samples"] = m
            if tracker.settled(sum(s["samples"] for s in spent),
                               [Ranked(c, s) for c, s in zip(attempt.clusters, attempt.scores)]):
                settled = True
                break
        if settled:
            break
    before = len(attempt.candidates)
    stage("repair", run.repair)
    if len(attempt.candidates) > before:
        stage("rank", run.rank)
    stage("distinguish", run.distinguish)
    attempt.budget = {"first_round": config.first_round or (CASCADE_FIRST_ROUND if len(stages) > 1 else 0),
                      "rule": config.stop_rule.to_json(), "samples": sum(s["samples"] for s in spent),
                      "of": sum(b for _, b in stages), "settled": settled, "models": spent,
                      "rounds": tracker.history}


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
