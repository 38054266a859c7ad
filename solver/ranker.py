"""Clustering candidates by behaviour and choosing the submissions (AlphaCode).

Candidates that passed the samples are run on the generated inputs; two candidates are in
the same cluster when they behave identically on every input: the same outputs (compared
as the problem's checker would see them: tokens, case folded unless case matters, numbers
rounded to the float tolerance) and the same failures (a crash or a timeout is part of
the behaviour). Clusters are ordered by, in turn: fewer inputs on which they fail (a
crashing or too-slow cluster is penalised, not dropped), the CodeT dual-agreement score
when tests with expected outputs exist (see :func:`codet_scores`), more members, then the
cluster's first member (a stable, documented tie-break). Inside a cluster the pipeline lists
members clearly slower than the fastest (1.5x its CPU time and 20 ms more) last, then
compiled before interpreted members, else in candidate order.
Submissions are taken round-robin: the first member of each cluster in order, then the
second members, until ``k`` are chosen.

For problems with a custom output validator, several outputs may be right: there outputs
are grouped by the validator itself, one output serving as the answer file for the other
(:func:`answer_classes`).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Callable

from sandbox import Checker, RunResult, Status


@dataclass(frozen=True)
class Cluster:
    signature: str
    members: tuple[int, ...]
    failures: int

    @property
    def size(self) -> int:
        return len(self.members)


def behaviour(run: RunResult | None, checker: Checker) -> str:
    if run is None:
        return "not-run"
    if run.status is not Status.OK:
        return run.status.value
    tokens = run.stdout.split()
    if not checker.case_sensitive:
        tokens = [t.lower() for t in tokens]
    if checker.has_float_tolerance:
        tol = max(checker.float_absolute_tolerance or 0.0, checker.float_relative_tolerance or 0.0, 1e-12)
        digits = max(0, int(-math.log10(tol)) - 1)
        tokens = [_round(t, digits) for t in tokens]
    return hashlib.sha256(b" ".join(tokens)).hexdigest()[:16]


def _round(token: bytes, digits: int) -> bytes:
    try:
        return f"{float(token):.{digits}e}".encode()
    except ValueError:
        return token


def cluster(runs: dict[int, list[RunResult | None]], checker: Checker,
            behaviours: dict[int, list[str]] | None = None) -> list[Cluster]:
    """Group candidates (id -> runs on the generated inputs, in input order) by behaviour.
    ``behaviours`` may give each candidate's behaviour per input directly (see
    :func:`answer_classes`); by default it is derived from the runs."""
    groups: dict[str, list[int]] = {}
    fails: dict[str, int] = {}
    for cid in sorted(runs):
        parts = behaviours[cid] if behaviours is not None else [behaviour(r, checker) for r in runs[cid]]
        sig = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
        groups.setdefault(sig, []).append(cid)
        fails[sig] = sum(p in ("TLE", "MLE", "RE", "OLE", "SE", "not-run") for p in parts)
    return order([Cluster(sig, tuple(m), fails[sig]) for sig, m in groups.items()])


def answer_classes(runs: dict[int, list[RunResult | None]],
                   accepts: Callable[[int, list[tuple[bytes, bytes]]], list[bool]]) -> dict[int, list[str]]:
    """Behaviour per input for problems with a custom output validator, where several
    outputs can be right: on each input, an output joins the first class whose
    representative output, used as the answer file, makes the validator accept it (and the
    other way round); otherwise it starts a class. Failures keep their status.
    ``accepts(input_index, [(answer, output), ...])`` runs the validator."""
    cids = sorted(runs)
    n_inputs = max((len(r) for r in runs.values()), default=0)
    out: dict[int, list[str]] = {cid: [] for cid in cids}
    for i in range(n_inputs):
        reps: list[bytes] = []
        for cid in cids:
            run = runs[cid][i]
            if run is None or run.status is not Status.OK:
                out[cid].append(run.status.value if run is not None else "not-run")
                continue
            label = None
            if reps:
                forward = accepts(i, [(rep, run.stdout) for rep in reps])
                backward = accepts(i, [(run.stdout, rep) for rep, ok in zip(reps, forward) if ok])
                candidates = [j for j, ok in enumerate(forward) if ok]
                for j, ok in zip(candidates, backward):
                    if ok:
                        label = j
                        break
            if label is None:
                reps.append(run.stdout)
                label = len(reps) - 1
            out[cid].append(f"class-{label}")
    return out


def codet_scores(clusters: list[Cluster], passed: dict[int, frozenset[int]]) -> dict[str, float]:
    """CodeT dual agreement. Clusters whose representatives pass the same set of generated
    tests (with expected outputs) form one consensus set; its score is
    sqrt(number of candidates in it) x (number of tests they pass). Returns the score of
    each cluster's consensus set, by cluster signature."""
    sizes: dict[frozenset[int], int] = {}
    for c in clusters:
        key = passed.get(c.members[0], frozenset())
        sizes[key] = sizes.get(key, 0) + c.size
    return {c.signature: math.sqrt(sizes[passed.get(c.members[0], frozenset())])
            * len(passed.get(c.members[0], frozenset())) for c in clusters}


def order(clusters: list[Cluster], scores: dict[str, float] | None = None) -> list[Cluster]:
    scores = scores or {}
    return sorted(clusters, key=lambda c: (c.failures, -scores.get(c.signature, 0.0), -c.size, min(c.members)))


def select(clusters: list[Cluster], k: int) -> list[int]:
    chosen: list[int] = []
    depth = 0
    while len(chosen) < k and any(depth < c.size for c in clusters):
        for c in clusters:
            if depth < c.size and len(chosen) < k:
                chosen.append(c.members[depth])
        depth += 1
    return chosen
