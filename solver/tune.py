"""``codesolve tune``: choose the adaptive budget's knobs on recorded runs, judge them on held-out problems.

The knobs searched are those that need no new sample: the first round and the stop rule of
the adaptive budget (:mod:`solver.budget`), on cascade runs each model's budget, and the
ranking weights (:class:`solver.ranker.RankWeights`: the exponents of a consensus set's size
and of a test's weight in the CodeT score). Every setting is replayed offline on the
recorded runs (:func:`solver.budget.simulate`: prefixes of each problem's pool, the recorded
clusters ranked again with the setting's weights; :func:`solver.budget.simulate_cascade`
for a cascade, model after model), so a search costs no model call and no execution. On cascade
runs each model's samples are priced at that model's cost per sample over the runs, and a
setting that needs samples the runs never drew (they stopped a problem earlier) is left out.

The problems of the runs are split once, by a hash of their id and the seed, into a *dev*
share (``--dev``, default 0.5) and a *held-out* rest. On the dev problems every setting gets
its solve rate (1@k, the first submission) and its cost: the samples it would draw, each
priced at its problem's recorded cost per sample (the solve role's cost; its tokens when the
run had no prices; else one unit per sample, and the unit is said). The chosen setting is,
among those that solve at least as many dev problems as the defaults and cost no more
unless they solve more, the one with the most solved per cost (the defaults when none does
better): a search on a few dozen problems finds settings that look better by chance, so it
may save cost, or spend more to solve more, but never trades solve rate for cost. The
held-out figures of the chosen setting are printed beside the defaults' and the recorded
budget's, and the setting is written as a config file
``codesolve solve --config`` takes. The search goes in stages, each under the best setting
of the stages before it (a grid of every combination would multiply their sizes): the
ranking weights under the default budget (they decide which cluster is right), then the
first round and stop rule, then on cascade runs the per-model budgets.

(Measured on the recorded CodeT pool, 164 HumanEval tasks with CodeGen-16B's 100 samples,
replayed, split in halves with seeds 0 to 5: the chosen setting's held-out cost per solved
problem was at or below the defaults' for every seed, by 0 to 15%.)
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

from .budget import StopRule, cascade_models, simulate, simulate_cascade
from .ranker import RankWeights
from .report import ProblemFigures

#: The settings searched: first rounds and stop rules.
FIRST_ROUNDS = (1, 2, 4, 8, 16)
RULES = tuple(StopRule(stable, size, failures)
              for stable, size, failures in itertools.product((1, 2), (1, 2, 3, 4), (False, True)))
#: The ranking weights searched: a consensus set's size to the power 0 (tests alone), 1/4,
#: 1/2 (the default) or 1 (CodeT's product); a test's weight to the power 0 (distinct tests
#: once), 1/2 or 1 (every copy, the default).
WEIGHTS = tuple(RankWeights(a, b) for a, b in itertools.product((0.0, 0.25, 0.5, 1.0), (0.0, 0.5, 1.0)))


@dataclass(frozen=True)
class Setting:
    first_round: int
    rule: StopRule
    #: A cascade's samples per model (empty: each model's budget as the runs recorded it).
    budgets: tuple[int, ...] = ()
    weights: RankWeights = RankWeights()

    def to_toml(self) -> str:
        text = (f"first_round = {self.first_round}\nstop_stable_rounds = {self.rule.stable_rounds}\n"
                f"stop_min_size = {self.rule.min_size}\n"
                f"stop_allow_failures = {'true' if self.rule.allow_failures else 'false'}\n"
                f"rank_size_exponent = {self.weights.size_exponent!r}\n"
                f"rank_test_weight_exponent = {self.weights.test_weight_exponent!r}\n")
        if self.budgets:
            text += "cascade_samples = [" + ", ".join(f'"{b}"' for b in self.budgets) + "]\n"
        return text

    def describe(self) -> str:
        return (f"first round {self.first_round}, stop when the top cluster is unchanged for "
                f"{self.rule.stable_rounds} doubling(s), holds >= {self.rule.min_size} candidates"
                + (", failures allowed" if self.rule.allow_failures else ", no failures")
                + (f"; samples per model {', '.join(map(str, self.budgets))}" if self.budgets else "")
                + f"; ranking weights: size ** {self.weights.size_exponent:g}, "
                  f"test weight ** {self.weights.test_weight_exponent:g}")


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


def cascade_of(figures: Sequence[ProblemFigures]) -> list[tuple[str, int]]:
    """The cascade of the runs: each model's name and recorded budget, in order (the longest
    list a trace gives: a trace written before traces listed every model lists only those it
    reached); empty for runs of one solve model."""
    longest = max((cascade_models(f.attempt) for f in figures), key=len, default=[])
    return [(m["model"], int(m["of"])) for m in longest]


def model_units(figures: Sequence[ProblemFigures]) -> dict[str, tuple[float, str]]:
    """Per model of cascade runs: its cost per sample over all the runs' problems (the cost of
    its role ``solve:NAME`` over the samples it drew; its tokens when the runs had no prices;
    else one unit per sample), and the unit."""
    totals: dict[str, dict[str, float]] = {}
    for f in figures:
        for m in cascade_models(f.attempt):
            into = totals.setdefault(m["model"], {"samples": 0.0, "cost": 0.0, "tokens": 0.0})
            usage = f.attempt.get("usage", {}).get(f"solve:{m['model']}", {})
            into["samples"] += m["samples"]
            into["cost"] += usage.get("cost", 0.0)
            into["tokens"] += usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)
    units: dict[str, tuple[float, str]] = {}
    for name, t in totals.items():
        drawn = max(t["samples"], 1.0)
        units[name] = ((t["cost"] / drawn, "cost") if t["cost"] else (t["tokens"] / drawn, "tokens") if t["tokens"]
                       else (1.0, "samples"))
    return units


def evaluate(figures: Sequence[ProblemFigures], setting: Setting | None,
             units: dict[str, tuple[float, str]] | None = None) -> Figures | None:
    """A setting's figures on ``figures`` (``None``: the budget the runs used). A problem of a
    cascade run is replayed with :func:`solver.budget.simulate_cascade`, each model's samples
    priced at its cost per sample (``units``, from :func:`model_units` of the same figures by
    default); None when the setting needs samples a recorded run never drew."""
    units = model_units(figures) if units is None else units
    cascade = cascade_of(figures)
    names = [name for name, _ in cascade]
    right = 0
    cost = samples = 0.0
    for f in figures:
        if cascade:
            if setting is None:
                recorded = {m["model"]: m["samples"] for m in cascade_models(f.attempt)}
                per_model, first = [recorded.get(name, 0) for name in names], f.first
            else:
                budgets = setting.budgets or tuple(of for _, of in cascade)
                replay = simulate_cascade(f.attempt, budgets, setting.first_round, setting.rule, 1, names,
                                          setting.weights)
                if replay is None:
                    return None
                per_model, chosen = replay
                first = bool(chosen) and f.correct[chosen[0]]
            drawn = sum(per_model)
            cost += sum(n * units.get(name, (0.0, ""))[0] for n, name in zip(per_model, names))
        else:
            per_sample, _ = unit_costs(f)
            if setting is None:
                drawn, first = f.n, f.first
            else:
                drawn, chosen = simulate(f.attempt, setting.first_round, setting.rule, 1, setting.weights)
                first = bool(chosen) and f.correct[chosen[0]]
            cost += drawn * per_sample
        right += first
        samples += drawn
    n = max(len(figures), 1)
    return Figures(len(figures), right / n, cost, samples / n)


def budget_grid(figures: Sequence[ProblemFigures], first: int) -> list[tuple[int, ...]]:
    """The per-model budgets searched for cascade runs: for each model, its recorded budget and
    the powers of two from ``first`` below it, and 0 (the model skipped) for every model but
    the first; not all zero."""
    options = []
    for i, (_, top) in enumerate(cascade_of(figures)):
        sizes = {top} | {2 ** j for j in range(12) if first <= 2 ** j < top} | ({0} if i else set())
        options.append(sorted(sizes))
    return [b for b in itertools.product(*options) if any(b)]


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
    names = [name for name, _ in cascade_of(figures)]
    for f in figures:  # every problem of the same cascade (its models a prefix of the longest list), or none
        listed = [m["model"] for m in cascade_models(f.attempt)]
        if bool(listed) != bool(names) or listed != names[:len(listed)]:
            raise ValueError("the runs mix different solve models or cascades: tune runs of one kind at a time")
    cascade = bool(names)
    units = model_units(figures)

    def feasible(setting: Setting) -> Figures | None:
        """The dev figures of a setting that can be replayed on every problem (dev and
        held-out: whether the runs recorded the samples it needs says nothing of its solve rate)."""
        dev_figures = evaluate(dev_set, setting, units)
        return dev_figures if dev_figures is not None and evaluate(held, setting, units) is not None else None

    scored: list[tuple[Setting, Figures]] = []
    seen: set[Setting] = set()

    def search(pool: Iterable[Setting]) -> None:
        for s in pool:
            if s not in seen:
                seen.add(s)
                if (fig := feasible(s)) is not None:
                    scored.append((s, fig))

    search([*(settings or [replace(DEFAULT, weights=w) for w in WEIGHTS]), DEFAULT])
    default_dev = next((fig for s, fig in scored if s == DEFAULT), None)
    if default_dev is None:
        raise ValueError("the default setting cannot be replayed on these runs (they did not draw the samples "
                         "it needs); record them with every model's whole budget drawn, e.g. --stop-stable-rounds "
                         "1000, and tune again")

    def best(pool: list[tuple[Setting, Figures]]) -> tuple[Setting, Figures]:
        assert default_dev is not None
        eligible = [(s, fig) for s, fig in pool if fig.solved >= default_dev.solved
                    and (fig.cost <= default_dev.cost or fig.solved > default_dev.solved)]
        return max(eligible, key=lambda x: (x[1].solved / x[1].cost if x[1].cost else float("inf"), x[0] == DEFAULT))

    if settings is None:
        # The ranking weights came first, under the default budget; then the first round and
        # stop rule under the best weights; then, on cascade runs, each model's budget.
        lead, _ = best(scored)
        search(Setting(first, rule, weights=lead.weights) for first in FIRST_ROUNDS for rule in RULES)
        if cascade:
            lead, _ = best(scored)
            search(Setting(lead.first_round, lead.rule, b, lead.weights)
                   for b in budget_grid(figures, lead.first_round))
    searched = len(seen)
    chosen, chosen_dev = best(scored)
    unit_names = ({u for _, u in units.values()} if cascade else {unit_costs(f)[1] for f in figures})

    def both(setting: Setting | None) -> dict[str, Figures | None]:
        return {"dev": evaluate(dev_set, setting, units), "held_out": evaluate(held, setting, units)}

    return {
        "dev": sorted(dev_ids), "held_out": sorted(held_ids), "settings_searched": searched,
        "settings_replayable": len(scored), "cascade": cascade,
        "cost_unit": "/".join(sorted(unit_names)), "chosen": chosen,
        "figures": {"chosen": both(chosen), "default": both(DEFAULT), "fixed": both(None)},
    }


def format_result(result: dict[str, Any]) -> str:
    chosen: Setting = result["chosen"]
    left_out = result["settings_searched"] - result["settings_replayable"]
    lines = [f"split: {len(result['dev'])} dev problems, {len(result['held_out'])} held out "
             f"(by a hash of the id and the seed); {result['settings_searched']} settings searched on the dev "
             f"problems" + (f" ({left_out} left out: they need samples the runs did not draw)" if left_out else "")
             + f"; cost in {result['cost_unit']}",
             f"chosen: {chosen.describe()} (the most solved per cost on the dev problems among the settings that "
             "solve as many as the defaults and cost no more unless they solve more)", "",
             f"{'setting':10s} {'split':9s} {'problems':>8s} {'first submission':>17s} {'samples/problem':>16s} "
             f"{'cost':>12s} {'cost per solved':>16s}"]
    for name in ("chosen", "default", "fixed"):
        label = "recorded" if name == "fixed" and result.get("cascade") else name
        for part in ("dev", "held_out"):
            fig: Figures = result["figures"][name][part]
            per_solved = f"{fig.cost / fig.solved:.4g}" if fig.solved else "-"
            lines.append(f"{label:10s} {part:9s} {fig.problems:8d} {100 * fig.first_submission:16.2f}% "
                         f"{fig.samples:16.1f} {fig.cost:12.4g} {per_solved:>16s}")
    return "\n".join(lines) + "\n"


__all__ = ["DEFAULT", "FIRST_ROUNDS", "Figures", "RULES", "WEIGHTS", "Setting", "budget_grid", "cascade_of", "evaluate",
           "format_result", "model_units", "split", "tune"]
