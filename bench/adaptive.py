"""The adaptive sample budget on a recorded run: how many samples it would spend, and what it
would choose, against the fixed budget the run used.

Give it the run directory of a fixed-budget run (for example one ``bench/pool.py`` made by
replaying a recorded pool with ``-n 100``). For each first-round size and stop rule, the rule
is replayed on prefixes of every problem's recorded pool (:func:`solver.budget.simulate`, the
same replay ``codesolve report`` prints for the configured rule): the mean samples spent per
problem, as a share of the fixed budget, and the first-submission rate, beside the fixed
budget's own curve (random subsets of m samples, from ``report.json``). No model call, no
execution. The figures describe selection on that recorded output. Nothing is asserted.

    python bench/adaptive.py RUN_DIR [--firsts 1,2,4,8,16] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from solver.budget import StopRule, simulate
from solver.report import ProblemFigures, build
from solver.store import RunStore

RULES = [StopRule(), StopRule(min_size=1), StopRule(min_size=3), StopRule(allow_failures=True),
         StopRule(stable_rounds=2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run_dir")
    parser.add_argument("--firsts", default="1,2,4,8,16", help="first-round sizes, comma-separated")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    store = RunStore.open_existing(args.run_dir)
    try:
        report = build(store, draws=50)
        figures = [ProblemFigures(r, 1) for r in store.problems() if r["status"] == "done" and r["judged"]]
    finally:
        store.close()
    fixed_n = sum(fig.n for fig in figures)
    fixed_first = sum(fig.first for fig in figures) / len(figures)
    curve = report["curve"]
    print(f"{args.run_dir}: {len(figures)} problems, {fixed_n / len(figures):.0f} samples each; fixed budget: "
          f"first submission {100 * fixed_first:.2f}%")
    print("fixed budget, random subsets of m samples: "
          + ", ".join(f"m={m}: {100 * x:.1f}%" for m, x in zip(curve["samples"], curve["1_at_k"])))
    rows: list[dict[str, Any]] = []
    print(f"\n{'rule':58s} {'first':>5s} {'samples':>8s} {'first submission':>17s} {'of fixed':>9s}")
    for rule in RULES:
        for first in (int(x) for x in args.firsts.split(",")):
            spent = right = 0
            for fig in figures:
                drawn, chosen = simulate(fig.attempt, first, rule, 1)
                spent += drawn
                right += bool(chosen) and fig.correct[chosen[0]]
            rate = right / len(figures)
            share = spent / fixed_n
            of_fixed = rate / fixed_first if fixed_first else 0.0
            rows.append({"rule": rule.to_json(), "first_round": first, "samples_share": share,
                         "first_submission": rate, "of_fixed": of_fixed})
            label = (f"unchanged {rule.stable_rounds}x, >= {rule.min_size} members"
                     + (", failures allowed" if rule.allow_failures else ", no failures"))
            print(f"{label:58s} {first:5d} {100 * share:7.1f}% {100 * rate:16.2f}% {100 * of_fixed:8.1f}%")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"run_dir": args.run_dir, "fixed_first_submission": fixed_first, "fixed_curve": curve,
                       "adaptive": rows}, f, indent=2)


if __name__ == "__main__":
    main()
