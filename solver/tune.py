"""``codesolve tune``: choose the adaptive budget's knobs on recorded runs, judge them on held-out problems.

The knobs searched are those that need no new sample: the first round and the stop rule of
the adaptive budget (:mod:`solver.budget`). Every setting is replayed offline on the
recorded runs (:func:`solver.budget.simulate`: prefixes of each problem's pool, the
selection recomputed), so a search costs no model call and no execution.

The problems of the runs are split once, by a hash of their id and the seed, into a *dev*
share (``--dev``, default 0.5) and a *held-out* rest. On the dev problems every setting gets
its solve rate (1@k, the first submission) and its cost: the samples it would draw, each
priced at its problem's recorded cost per sample (the solve role's cost; its tokens when the
run had no prices; else one unit per sample, and the unit is said). The chosen setting is,
among those that solve at least as many dev problems as the defaults at no more cost, the
one with the most solved per cost (the defaults when none does better): a search on a few
dozen problems finds settings that look better by chance, so it is allowed to save cost,
never to trade solve rate for it. The held-out figures of the chosen setting are printed
beside the defaults' and the fixed budget's, and the setting is written as a config file
``codesolve solve --config`` takes.

(Measured on the recorded CodeT pool, 164 HumanEval tasks with CodeGen-16B's 100 samples,
replayed, split in halves with seeds 0 to 5: the chosen setting's held-out cost per solved
problem was at or below the defaults' for every seed, by 0 to 15%.)
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .budget import StopRule, simulate
from .report import ProblemFigures

#: The settings searched: first rounds and stop rules.
FIRST_ROUNDS = (1, 2, 4, 8, 16)
RULES = tuple(StopRule(stable, size, failures)
              for stable, size, failures in itertools.product((1, 2), (1, 2, 3, 4), (False, True)))


@dataclass(frozen=True)
class Setting:
    first_round: int
    rule: StopRule

    def to_toml(self) -> str:
        return (f"first_round = {self.first_round}\nstop_stable_rounds = {self.rule.stable_rounds}\n"
                f"stop_min_size = {self.rule.min_size}\n"
                f"stop_allow_failures = {'true' if self.rule.allow_failures else 'false'}\n")


DEFAULT = Setting(4, StopRule())


@dataclass(frozen=True)
class Figures:
    """A setting's figures on a set of problems: solve rate (1@k), cost, samples spent."""

    problems: int
    first_submission: float
    cost: float
    samples: float

    @property
    def solved(self) -> int:
        return round(self.first_submission * self.problems)


def unit_costs(figure: ProblemFigures) -> tuple[float, str]:
    """A problem's recorded cost per solve sample, and its unit (cost, tokens or samples)."""
    roles = figure.attempt.get("usage", {})
    usage: dict[str, float] = {}
    for role, amounts in roles.items():  # "solve", or a cascade's "solve:NAME" roles
        if role == "solve" or role.startswith("solve:"):
            for key, value in amounts.items():
                usage[key] = usage.get(key, 0) + value
    drawn = max(figure.n, 1)
    if usage.get("cost"):
        return float(usage["cost"]) / drawn, "cost"
    tokens = float(usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0))
    if tokens:
        return tokens / drawn, "tokens"
    return 1.0, "samples"


def split(ids: Iterable[str], dev: float, seed: int = 0) -> tuple[set[str], set[str]]:
    """(dev, held-out): each id by the hash of its seed and id, dev when below ``dev``."""
    dev_ids: set[str] = set()
    held: set[str] = set()
    for pid in ids:
        h = int.from_bytes(hashlib.sha256(f"{seed}:{pid}".encode()).digest()[:8], "big") / 2 ** 64
        (dev_ids if h < dev else held).add(pid)
    return dev_ids, held


def evaluate(figures: Sequence[ProblemFigures], setting: Setting | None) -> Figures:
    """A setting's figures on ``figures`` (``None``: the fixed budget the runs used)."""
    right = 0
    cost = samples = 0.0
    for f in figures:
        per_sample, _ = unit_costs(f)
        if setting is None:
            drawn, first = f.n, f.first
        else:
            drawn, chosen = simulate(f.attempt, setting.first_round, setting.rule, 1)
            first = bool(chosen) and f.correct[chosen[0]]
        right += first
        cost += drawn * per_sample
        samples += drawn
    n = max(len(figures), 1)
    return Figures(len(figures), right / n, cost, samples / n)


def tune(figures: Sequence[ProblemFigures], dev: float = 0.5, seed: int = 0,
         settings: Sequence[Setting] | None = None) -> dict[str, Any]:
    """Search ``settings`` on the dev split; the chosen one and every figure (see the module)."""
    if not figures:
        raise ValueError("no judged problems in the runs")
    dev_ids, held_ids = split((f.id for f in figures), dev, seed)
    dev_set = [f for f in figures if f.id in dev_ids]
    held = [f for f in figures if f.id in held_ids]
    if not dev_set or not held:
        raise ValueError(f"the split left {len(dev_set)} dev and {len(held)} held-out problems; "
                         "give more problems or another --dev")
    candidates = list(settings or [Setting(first, rule) for first in FIRST_ROUNDS for rule in RULES])
    if DEFAULT not in candidates:
        candidates.append(DEFAULT)
    scored = [(s, evaluate(dev_set, s)) for s in candidates]
    default_dev = next(fig for s, fig in scored if s == DEFAULT)
    eligible = [(s, fig) for s, fig in scored if fig.solved >= default_dev.solved and fig.cost <= default_dev.cost]
    chosen, chosen_dev = max(eligible, key=lambda x: (x[1].solved / x[1].cost if x[1].cost else float("inf"),
                                                      x[0] == DEFAULT))
    units = {unit_costs(f)[1] for f in figures}
    return {
        "dev": sorted(dev_ids), "held_out": sorted(held_ids), "settings_searched": len(candidates),
        "cost_unit": "/".join(sorted(units)), "chosen": chosen,
        "figures": {
            "chosen": {"dev": chosen_dev, "held_out": evaluate(held, chosen)},
            "default": {"dev": evaluate(dev_set, DEFAULT), "held_out": evaluate(held, DEFAULT)},
            "fixed": {"dev": evaluate(dev_set, None), "held_out": evaluate(held, None)},
        },
    }


def format_result(result: dict[str, Any]) -> str:
    chosen: Setting = result["chosen"]
    lines = [f"split: {len(result['dev'])} dev problems, {len(result['held_out'])} held out "
             f"(by a hash of the id and the seed); {result['settings_searched']} settings searched on the dev "
             f"problems; cost in {result['cost_unit']}",
             f"chosen: first round {chosen.first_round}, stop when the top cluster is unchanged for "
             f"{chosen.rule.stable_rounds} doubling(s), holds >= {chosen.rule.min_size} candidates"
             + (", failures allowed" if chosen.rule.allow_failures else ", no failures")
             + " (the most solved per cost on the dev problems among the settings that solve as many as the "
               "defaults at no more cost)", "",
             f"{'setting':10s} {'split':9s} {'problems':>8s} {'first submission':>17s} {'samples/problem':>16s} "
             f"{'cost':>12s} {'cost per solved':>16s}"]
    for name in ("chosen", "default", "fixed"):
        for part in ("dev", "held_out"):
            fig: Figures = result["figures"][name][part]
            per_solved = f"{fig.cost / fig.solved:.4g}" if fig.solved else "-"
            lines.append(f"{name:10s} {part:9s} {fig.problems:8d} {100 * fig.first_submission:16.2f}% "
                         f"{fig.samples:16.1f} {fig.cost:12.4g} {per_solved:>16s}")
    return "\n".join(lines) + "\n"


__all__ = ["DEFAULT", "FIRST_ROUNDS", "Figures", "RULES", "Setting", "evaluate", "format_result", "split", "tune"]
