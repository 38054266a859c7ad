"""The adaptive sample budget: sample in rounds, stop a problem once its selection is settled.

With ``first_round`` set (``--first-round N``), a problem's samples are drawn in rounds:
N samples, then as many again, doubling the samples drawn until ``samples`` (``-n``; the
last round tops up to it). After each round the new candidates are filtered on the
examples and every survivor is ranked on the test inputs (built once, in the first round);
the problem stops drawing when the selection is *settled* by the stop rule, or when
``samples`` are drawn. Repairs and the S* round come after the last round. With a replay
the rounds draw the pool in order, so a run is reproducible.

**The stop rule** (:class:`StopRule`): the top-ranked cluster is the same (the same
behaviour on every input) as after the previous round, for ``stable_rounds`` doublings in a
row; it holds at least ``min_size`` candidates (duplicates counted); and, unless
``allow_failures``, it fails on none of the inputs it is judged on. A selection that
survives a doubling of the samples is unlikely to change with more; a lone candidate or one
that crashes is not trusted. A problem with no candidate surviving the examples never stops
early.

**A cascade** (several solve models, cheap first) runs the rounds model after model, every
candidate drawn so far ranked together and the stop rule carried across models; a later
model's rounds each double the samples of all models drawn so far (:func:`cascade_rounds`),
so that the rule's "unchanged after a doubling" still holds.

The same rule is applied offline to any recorded run (:func:`simulate`): a round's
candidates are a prefix of the recorded pool and the selection on them is the one the
report recomputes on subsets (:func:`solver.report.ranked_subset`), so the figures of an
adaptive budget, for any rule and first round, come from one fixed run with no new model
call or execution (``codesolve report`` prints them; ``bench/adaptive.py`` sweeps them).

(Measured on a recorded pool of real model output, CodeGen-16B's 100 HumanEval samples per
task and its tests, replayed: the fixed 100 samples chose a right first submission on 64
of 164 tasks; this rule with a first round of 4 chose it on 63 with 30% of the samples.)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

from .ranker import Ranked, RankWeights


@dataclass(frozen=True)
class StopRule:
    """When a problem's selection is settled enough to stop sampling (see the module)."""

    stable_rounds: int = 1
    min_size: int = 2
    allow_failures: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def rounds(first: int, total: int) -> list[int]:
    """Samples drawn in all after each round: ``first``, doubling, ending at ``total``."""
    if first <= 0 or first >= total:
        return [total]
    out = [first]
    while out[-1] < total:
        out.append(min(total, out[-1] * 2))
    return out


def cascade_rounds(first: int, budget: int, before: int) -> list[int]:
    """A cascade model's rounds: its samples drawn after each, when the models before it
    drew ``before`` in all. The first model's are :func:`rounds`; a later model's each
    double the samples of every model drawn so far (its first draws ``before`` more), up to
    its ``budget``: the stop rule trusts a top cluster that survives a doubling, and a few
    samples added to many would barely test it."""
    if before <= 0:
        return rounds(first, budget)
    out: list[int] = []
    total = before
    while not out or out[-1] < budget:
        total *= 2
        out.append(min(budget, total - before))
    return out


@dataclass
class Tracker:
    """The stop rule applied round after round to one problem's rankings."""

    rule: StopRule
    previous: str | None = None
    streak: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)

    def settled(self, samples: int, ranked: Sequence[Ranked]) -> bool:
        """Whether to stop after a round that drew ``samples`` in all and ranked ``ranked``."""
        top = ranked[0] if ranked else None
        signature = top.cluster.signature if top else None
        self.streak = self.streak + 1 if signature is not None and signature == self.previous else 0
        self.previous = signature
        failures = int(top.components.get("failures", 0)) if top else 0
        size = top.cluster.size if top else 0
        done = (top is not None and self.streak >= self.rule.stable_rounds and size >= self.rule.min_size
                and (self.rule.allow_failures or failures == 0))
        self.history.append({"samples": samples, "clusters": len(ranked), "top_size": size,
                             "top_failures": failures, "unchanged_for": self.streak, "stop": done})
        return done


def simulate(attempt: dict[str, Any], first: int, rule: StopRule, k: int,
             weights: RankWeights | None = None) -> tuple[int, list[int]]:
    """What the adaptive budget would have drawn and chosen on a recorded problem: (samples
    drawn, submissions). The pool is the recorded candidates that are not repairs, in order;
    a repair counts when what it repaired was drawn (as in the report's curve). ``weights``:
    ranking weights other than the run's."""
    from .report import _with_repairs, ranked_subset, select_ranked

    cands = attempt["candidates"]
    pool = [c["id"] for c in cands if c["variant"] != "repair"]
    tracker = Tracker(rule)
    plan = rounds(first, len(pool))
    for m in plan:
        ranked = ranked_subset(attempt, _with_repairs(cands, pool[:m]), weights)
        if tracker.settled(m, ranked) or m == plan[-1]:
            return m, select_ranked(attempt, ranked, k)
    return 0, []


def cascade_models(attempt: dict[str, Any]) -> list[dict[str, Any]]:
    """The models of a recorded cascade problem, in order, each with the samples it drew and
    its budget (``budget.models`` of the trace); empty for a problem of one solve model."""
    models = list((attempt.get("budget") or {}).get("models") or [])
    return models if len(models) > 1 else []


def simulate_cascade(attempt: dict[str, Any], budgets: Sequence[int], first: int, rule: StopRule,
                     k: int, models: Sequence[str] | None = None,
                     weights: RankWeights | None = None) -> tuple[list[int], list[int]] | None:
    """What a cascade with per-model ``budgets`` would have drawn and chosen on a recorded
    cascade problem: (samples drawn per model, submissions), as the pipeline runs it (each
    model's rounds up to its budget, :func:`cascade_rounds`, every candidate drawn so far ranked
    together, the stop rule carried across models; a model with budget 0 is skipped). None
    when that needs a sample the recorded run never drew (it stopped earlier, or its budget
    was smaller): such a setting cannot be judged on this problem. ``models``: the cascade's
    model names in order (default: as the trace lists them; a trace written before it listed
    the models it never reached lists fewer); ``weights``: ranking weights other than the run's."""
    from .report import _with_repairs, ranked_subset, select_ranked

    cands = attempt["candidates"]
    names = list(models) if models is not None else [m["model"] for m in cascade_models(attempt)]
    if len(budgets) != len(names):
        raise ValueError(f"{len(budgets)} budgets for a cascade of {len(names)} models")
    pools = [[c["id"] for c in cands if c["variant"] != "repair" and c.get("model") == name] for name in names]
    drawn = [0] * len(names)
    tracker = Tracker(rule)
    ranked: list[Ranked] = []
    for i, budget in enumerate(budgets):
        for m in cascade_rounds(first, budget, sum(drawn)) if budget > 0 else []:
            if m > len(pools[i]):
                return None
            drawn[i] = m
            keep = [cid for pool, n in zip(pools, drawn) for cid in pool[:n]]
            ranked = ranked_subset(attempt, _with_repairs(cands, keep), weights)
            if tracker.settled(sum(drawn), ranked):
                return drawn, select_ranked(attempt, ranked, k)
    return drawn, select_ranked(attempt, ranked, k)


__all__ = ["StopRule", "Tracker", "cascade_models", "rounds", "simulate", "simulate_cascade"]
