"""Clustering candidates by behaviour and choosing the submissions: the one selection policy.

The pipeline (:mod:`solver.pipeline`) and the report's re-selection on subsets of a pool
(:mod:`solver.report`) both call :func:`rank` and :func:`select`; nothing else orders
clusters.

**Behaviour.** Candidates that passed the examples are run on the test inputs. On each
input a run's behaviour is an *output class* (``o0``, ``o1``, ... in order of first
appearance on that input; outputs compared as the problem's checker would see them:
tokens, case folded unless case matters, numbers rounded to the float tolerance, JSON
values canonical) or its failure (``TLE``, ``MLE``, ``RE``, ``OLE``, ``SE``, ``not-run``).
For problems with a custom output validator outputs are grouped by the validator itself
(:func:`output_classes`). On an interactive problem the interactor judges every run: the
behaviour is ``o0`` (accepted), ``WA`` (rejected: a failure), ``JE`` (the interactor
failed) or the program's failure (:func:`interaction_classes`). Two candidates with the
same behaviour on every input form one cluster; a cluster's size counts its members' duplicates.

**Tests with expected outputs** (written by the tests model; CodeT): each distinct test
(input, expected answer) carries a weight, the number of times the tests model wrote it,
and the output class on its input that the checker accepts against the answer, if any.
A cluster *passes* a test when its behaviour on the test's input is that class.

**Order** (:func:`rank`): clusters are compared by, in turn,

1. when every input was accepted by the problem's own input validators: fewer inputs on
   which they fail (a crashing or too-slow cluster is penalised, not dropped);
2. the CodeT dual-agreement score when tests exist: clusters passing the same set of
   tests form a consensus set, scored (candidates in it) ** a x (sum over the tests it
   passes of weight ** b), with the *ranking weights* a = 0.5 (a square root) and b = 1
   (every copy of a test counts) by default (:class:`RankWeights`; ``codesolve tune``
   searches them on recorded runs, ``--rank-size-exponent`` and
   ``--rank-test-weight-exponent`` set them);
3. fewer failures, when the inputs were not validated by the problem's own validators:
   then only inputs on which most candidates run fine count, and only after agreement,
   since an input may be outside the constraints (a model's, a mutation) and a right
   program may crash there (:func:`runnable_inputs`);
4. more members;
5. the earliest member (a stable, documented tie-break).

(Measured on a recorded pool of real model output, CodeGen-16B's HumanEval samples and
tests: failures first gave 32.9% first-submission accuracy, this order 36.0%.)

**Submissions** (:func:`select`) are taken round-robin: the first member of each cluster
in order, then the second members, until ``k`` are chosen, one per distinct program.
(Inside a cluster the pipeline lists members clearly slower than the fastest last, then
compiled before interpreted, then the most typical program first, the one whose tokens
the cluster's members share most, copies counted: :func:`solver.pipeline.distinct_members`.)
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Mapping, Sequence

from problems.judging import Checker
from sandbox import RunResult, Status

#: Behaviours that are failures of the program on an input.
FAILURES = frozenset({"TLE", "MLE", "RE", "OLE", "SE", "not-run", "WA"})


@dataclass(frozen=True)
class Cluster:
    signature: str
    members: tuple[int, ...]
    failures: int
    #: Per input: the output class (``o<k>``) or the failure.
    behaviour: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class ExpectedTest:
    """A distinct test with an expected answer: its input's index, the output class the
    checker accepts (None when no candidate produced it) and how often it was written."""

    input: int
    expected: str | None
    weight: int = 1


@dataclass(frozen=True)
class RankWeights:
    """The weights of the CodeT score (see the module): a consensus set scores
    ``size ** size_exponent * sum(weight ** test_weight_exponent)`` over the tests it passes.
    ``size_exponent`` 0 ranks by tests alone, 1 as the CodeT paper's product;
    ``test_weight_exponent`` 0 counts each distinct test once, 1 every copy written."""

    size_exponent: float = 0.5
    test_weight_exponent: float = 1.0

    def to_json(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> RankWeights:
        """The weights a trace recorded (the defaults for a trace that recorded none)."""
        data = data or {}
        default = cls()
        return cls(float(data.get("size_exponent", default.size_exponent)),
                   float(data.get("test_weight_exponent", default.test_weight_exponent)))


@dataclass(frozen=True)
class Ranked:
    """A cluster in rank order with the components of its score (kept in the trace)."""

    cluster: Cluster
    components: dict[str, float] = field(default_factory=dict)


# --------------------------------------------------------------------------- behaviour

def canonical_output(output: bytes, checker: Checker) -> bytes:
    """The output as the checker compares it: JSON values canonical (floats to 9 significant
    digits), else tokens (case folded unless case matters, numbers rounded to the float
    tolerance)."""
    if checker.kind == "json":
        try:
            return json.dumps(_round_json(json.loads(output)), sort_keys=True).encode()
        except (ValueError, RecursionError):
            pass
    tokens = output.split()
    if not checker.case_sensitive:
        tokens = [t.lower() for t in tokens]
    if checker.has_float_tolerance:
        tol = max(checker.float_absolute_tolerance or 0.0, checker.float_relative_tolerance or 0.0, 1e-12)
        digits = max(0, int(-math.log10(tol)) - 1)
        tokens = [_round(t, digits) for t in tokens]
    return b" ".join(tokens)


def _round_json(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.9g}") if math.isfinite(value) else repr(value)
    if isinstance(value, list):
        return [_round_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _round_json(v) for k, v in value.items()}
    return value


def _round(token: bytes, digits: int) -> bytes:
    try:
        return f"{float(token):.{digits}e}".encode()
    except ValueError:
        return token


def output_classes(runs: Mapping[int, Sequence[RunResult | None]], checker: Checker,
                   accepts: Callable[[int, list[tuple[bytes, bytes]]], list[bool]] | None = None,
                   ) -> tuple[dict[int, list[str]], list[list[bytes]]]:
    """Each candidate's behaviour per input, and per input the representative output of each
    class (class ``o<k>`` is ``outputs[input][k]``). With ``accepts`` (a custom output
    validator) an output joins the first class whose representative, used as the answer,
    the validator accepts it against, and the other way round."""
    cids = sorted(runs)
    n_inputs = max((len(r) for r in runs.values()), default=0)
    labels: dict[int, list[str]] = {cid: [] for cid in cids}
    outputs: list[list[bytes]] = []
    for i in range(n_inputs):
        reps: list[bytes] = []
        keys: dict[bytes, int] = {}
        for cid in cids:
            run = runs[cid][i] if i < len(runs[cid]) else None
            if run is None or run.status is not Status.OK:
                labels[cid].append(run.status.value if run is not None else "not-run")
                continue
            if accepts is None:
                key = canonical_output(run.stdout, checker)
                if key not in keys:
                    keys[key] = len(reps)
                    reps.append(run.stdout)
                labels[cid].append(f"o{keys[key]}")
                continue
            label = _validator_class(i, run.stdout, reps, accepts)
            if label is None:
                reps.append(run.stdout)
                label = len(reps) - 1
            labels[cid].append(f"o{label}")
        outputs.append(reps)
    return labels, outputs


def interaction_classes(runs: Mapping[int, Sequence[RunResult | None]],
                        ) -> tuple[dict[int, list[str]], list[list[bytes]]]:
    """:func:`output_classes` of an interactive problem, whose interactor is the judge of every
    run: per input, ``o0`` (accepted, output ``AC``), ``WA`` (rejected: a failure), ``JE`` (the
    interactor failed: not the program's failure) or the program's own failure."""
    cids = sorted(runs)
    n_inputs = max((len(r) for r in runs.values()), default=0)
    labels: dict[int, list[str]] = {cid: [] for cid in cids}
    for i in range(n_inputs):
        for cid in cids:
            run = runs[cid][i] if i < len(runs[cid]) else None
            if run is None:
                labels[cid].append("not-run")
            elif run.status is Status.OK:
                labels[cid].append("o0")
            elif run.stdout in (b"WA", b"JE") and run.reason.startswith("interactor:"):
                labels[cid].append(run.stdout.decode())
            else:
                labels[cid].append(run.status.value)
    return labels, [[b"AC"] for _ in range(n_inputs)]


def _validator_class(i: int, output: bytes, reps: list[bytes],
                     accepts: Callable[[int, list[tuple[bytes, bytes]]], list[bool]]) -> int | None:
    if not reps:
        return None
    forward = accepts(i, [(rep, output) for rep in reps])
    candidates = [j for j, ok in enumerate(forward) if ok]
    backward = accepts(i, [(output, reps[j]) for j in candidates])
    return next((j for j, ok in zip(candidates, backward) if ok), None)


def cluster(labels: Mapping[int, Sequence[str]]) -> list[Cluster]:
    """Group candidates (id -> behaviour per input) by identical behaviour, in order of
    their first member."""
    groups: dict[str, list[int]] = {}
    behaviour: dict[str, tuple[str, ...]] = {}
    for cid in sorted(labels):
        parts = tuple(labels[cid])
        sig = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
        groups.setdefault(sig, []).append(cid)
        behaviour[sig] = parts
    return [Cluster(sig, tuple(m), sum(p in FAILURES for p in behaviour[sig]), behaviour[sig])
            for sig, m in groups.items()]


# --------------------------------------------------------------------------- order

def passes(c: Cluster, test: ExpectedTest) -> bool:
    return test.expected is not None and test.input < len(c.behaviour) and c.behaviour[test.input] == test.expected


def codet_scores(clusters: Sequence[Cluster], tests: Sequence[ExpectedTest],
                 weights: RankWeights = RankWeights()) -> dict[str, float]:
    """CodeT dual agreement per cluster signature: clusters passing the same set of tests
    form a consensus set, scored (candidates in it) ** a x (sum of weight ** b over the tests
    it passes), a and b the ``weights``."""
    passed = {c.signature: frozenset(j for j, t in enumerate(tests) if passes(c, t)) for c in clusters}
    sizes: dict[frozenset[int], int] = {}
    for c in clusters:
        sizes[passed[c.signature]] = sizes.get(passed[c.signature], 0) + c.size
    a, b = weights.size_exponent, weights.test_weight_exponent
    return {c.signature: _power(sizes[passed[c.signature]], a) * sum(_power(tests[j].weight, b)
                                                                    for j in passed[c.signature])
            for c in clusters}


def _power(x: int, exponent: float) -> float:
    """``x ** exponent``, a square root exactly as ``math.sqrt`` gives it."""
    return math.sqrt(x) if exponent == 0.5 else float(x) ** exponent


def runnable_inputs(clusters: Sequence[Cluster]) -> set[int]:
    """Inputs on which most candidates (duplicates counted) do not fail: a failure there
    counts against a cluster. On the others (an input outside the constraints, which most
    correct programs reject or crash on) failing is no evidence of being wrong."""
    total = sum(c.size for c in clusters)
    width = max((len(c.behaviour) for c in clusters), default=0)
    fine = [0] * width
    for c in clusters:
        for i, b in enumerate(c.behaviour):
            if b not in FAILURES:
                fine[i] += c.size
    return {i for i in range(width) if 2 * fine[i] > total}


def rank(clusters: Sequence[Cluster], tests: Sequence[ExpectedTest] = (),
         preferences: Sequence[tuple[str, str]] = (), inputs_valid: bool = False,
         weights: RankWeights = RankWeights()) -> list[Ranked]:
    """The clusters in selection order, each with its score components (see the module).
    ``inputs_valid``: every input was accepted by the problem's own input validators, so a
    failure on any of them counts. ``preferences`` are (winner, loser) signatures decided by
    adjudication (S*): a winner ranked below its loser moves to just above it. ``weights``:
    those of the CodeT score."""
    codet = codet_scores(clusters, tests, weights) if tests else {}
    runnable = runnable_inputs(clusters)
    ranked = []
    for c in clusters:
        failures = sum(b in FAILURES for i, b in enumerate(c.behaviour) if inputs_valid or i in runnable)
        ranked.append(Ranked(c, {"failures": failures, "codet": codet.get(c.signature, 0.0), "size": c.size}))
    # On validated inputs a failure outweighs agreement; on unvalidated ones (an input may be
    # outside the constraints, where a right program may crash) agreement comes first.
    ranked.sort(key=lambda r: (r.components["failures"] if inputs_valid else 0, -r.components["codet"],
                               r.components["failures"], -r.cluster.size, min(r.cluster.members)))
    for winner, loser in preferences:
        where = {r.cluster.signature: i for i, r in enumerate(ranked)}
        if winner in where and loser in where and where[loser] < where[winner]:
            moved = ranked.pop(where[winner])
            moved.components["adjudicated"] = 1.0
            ranked.insert(where[loser], moved)
    return ranked


def select(clusters: Sequence[Cluster], k: int) -> list[int]:
    """``k`` submissions round-robin over the clusters in order."""
    chosen: list[int] = []
    depth = 0
    while len(chosen) < k and any(depth < c.size for c in clusters):
        for c in clusters:
            if depth < c.size and len(chosen) < k:
                chosen.append(c.members[depth])
        depth += 1
    return chosen


__all__ = ["Cluster", "ExpectedTest", "FAILURES", "RankWeights", "Ranked", "canonical_output", "cluster",
           "codet_scores", "output_classes", "passes", "rank", "select"]
