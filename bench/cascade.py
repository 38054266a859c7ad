"""A two-model cascade on a synthetic pool made from one recorded pool.

The recorded pool's samples are split per task: the first ``--cheap`` samples become the
"cheap" model, the rest the "strong" one, each priced differently. Each sample is given
token counts so the cost can be computed: its completion's whitespace-separated words, and
the task prompt's words for the prompt. These are an approximation, the same for both
"models". Then three runs of ``codesolve solve`` replay the pool exactly as a user runs it:

* the strong model alone with a fixed budget (all its samples);
* the strong model alone with the adaptive budget (``--first-round``);
* the cascade, cheap first (``--model CHEAP,STRONG --cascade-samples N,M``), each model with
  its own prices from a config file.

Each run prints the first-submission rate, the cost and the cost per solved problem.

With ``--tune``, a fourth run records the cascade with every model's whole budget drawn (a
stop rule that never settles: ``--stop-stable-rounds 100000``), and ``codesolve tune`` on it
searches the first round, the stop rule and each model's budget on a dev half of the tasks
and prints the held-out figures beside the defaults'.

**What this synthetic pool can show:** that the cascade's bookkeeping works on real model
output (it stops where the cheap samples settle the selection and moves on otherwise), and
what that saves at the given prices.

**What it cannot show:** whether a stronger model is worth its price. Both "models" are the
same model's samples, so the strong one is not better; a cascade of two real models would
also trade accuracy. Its figures describe selection on that recorded output, not a model's
solve rate. Nothing is asserted.

    python bench/cascade.py PROBLEMS --samples FILE [--tests FILE] [--cheap 20] [--out DIR] [--tune] [-- SOLVE ARGS]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

from problems._rows import safe_id

PRICES = {"cheap": (0.15, 0.6), "strong": (3.0, 15.0)}  # per million prompt / completion tokens


def build_pool(problems: str, samples: str, cheap: int, out: str) -> tuple[str, str]:
    """Write the cheap and strong pools; their paths."""
    prompts: dict[str, int] = {}
    with open(problems) as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                prompts[safe_id(str(row.get("task_id", row.get("name", ""))))] = len(
                    str(row.get("prompt", row.get("text", ""))).split())
    seen: dict[str, int] = {}
    paths = {name: os.path.join(out, f"{name}.jsonl") for name in ("cheap", "strong")}
    with open(samples) as f, open(paths["cheap"], "w") as c, open(paths["strong"], "w") as s:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            task = safe_id(str(row["task_id"]))
            text = row.get("completion", row.get("code", ""))
            index = seen.get(task, 0)
            seen[task] = index + 1
            row["usage"] = {"prompt_tokens": prompts.get(task, 0), "completion_tokens": len(str(text).split())}
            (c if index < cheap else s).write(json.dumps(row) + "\n")
    return paths["cheap"], paths["strong"]


def solve(args: argparse.Namespace, out: str, model: str, extra: list[str], config: str | None = None
          ) -> dict[str, Any]:
    command = [sys.executable, "-m", "solver.cli", "solve", args.problems, "--model", model, "-k", "1",
               "--out", out, "-q", "--force"]
    if args.tests:
        command += ["--tests-model", f"replay:{args.tests}"]
    if config:
        command += ["--config", config]
    t0 = time.monotonic()
    proc = subprocess.run(command + extra, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command + extra)} failed:\n{proc.stderr[-3000:]}")
    with open(os.path.join(out, "report.json")) as f:
        report: dict[str, Any] = json.load(f)
    report["wall_s"] = time.monotonic() - t0
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problems")
    parser.add_argument("--samples", required=True)
    parser.add_argument("--tests")
    parser.add_argument("--cheap", type=int, default=20, help="samples per task of the cheap model (default 20)")
    parser.add_argument("--first-round", default="4")
    parser.add_argument("--out", default=os.path.join("runs", "cascade-bench"))
    parser.add_argument("--tune", action="store_true", help="also record the whole cascade and tune it (see above)")
    args, extra = parser.parse_known_args()
    extra = [x for x in extra if x != "--"]
    os.makedirs(args.out, exist_ok=True)
    cheap, strong = build_pool(args.problems, args.samples, args.cheap, args.out)
    with open(strong) as f:
        per_task: dict[str, int] = {}
        for line in f:
            task = safe_id(str(json.loads(line)["task_id"]))
            per_task[task] = per_task.get(task, 0) + 1
    rest = min(per_task.values())
    config = os.path.join(args.out, "prices.toml")
    with open(config, "w") as f:
        for name, path in (("cheap", cheap), ("strong", strong)):
            f.write(f'[models."replay:{path}"]\nprice_prompt_per_mtok = {PRICES[name][0]}\n'
                    f"price_completion_per_mtok = {PRICES[name][1]}\n\n")
    runs = {
        f"strong alone, fixed ({rest} samples)": solve(args, os.path.join(args.out, "strong-fixed"),
                                                       f"replay:{strong}", ["-n", str(rest), *extra], config),
        f"strong alone, adaptive (first round {args.first_round})": solve(
            args, os.path.join(args.out, "strong-adaptive"), f"replay:{strong}",
            ["-n", str(rest), "--first-round", args.first_round, *extra], config),
        f"cascade cheap {args.cheap} then strong {rest} (first round {args.first_round})": solve(
            args, os.path.join(args.out, "cascade"), f"replay:{cheap},replay:{strong}",
            ["--cascade-samples", f"{args.cheap},{rest}", "--first-round", args.first_round, *extra], config),
    }
    if args.tune:
        recorded = os.path.join(args.out, "cascade-recorded")
        runs[f"cascade cheap {args.cheap} then strong {rest}, every sample drawn (for tune)"] = solve(
            args, recorded, f"replay:{cheap},replay:{strong}",
            ["--cascade-samples", f"{args.cheap},{rest}", "--first-round", args.first_round,
             "--stop-stable-rounds", "100000", *extra], config)
    print(f"prices per million tokens (prompt, completion): cheap {PRICES['cheap']}, strong {PRICES['strong']}; "
          "tokens are word counts (see the module)\n")
    print(f"{'run':52s} {'first submission':>16s} {'samples/problem':>15s} {'cost':>9s} {'cost per solved':>15s} "
          f"{'wall':>7s}")
    for name, r in runs.items():
        per_solved = r["cost"] / (r["1_at_k"] * r["judged"]) if r["1_at_k"] else float("nan")
        print(f"{name:52s} {100 * r['1_at_k']:15.2f}% {r['samples_spent']['mean']:15.1f} {r['cost']:9.4f} "
              f"{per_solved:15.5f} {r['wall_s'] / 60:6.1f}m")
    stages = runs[[name for name in runs if name.startswith("cascade")][0]].get("cascade") or []
    for s in stages:
        print(f"  cascade stage {os.path.basename(s['model'])}: sampling ended here for {s['problems_ended']} problems "
              f"({s['first_solved']} first submissions right), {s['samples']} samples, cost {s['cost']:.4f}")

    if args.tune:
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", recorded, "--out",
                               os.path.join(args.out, "tuned.toml")], capture_output=True, text=True)
        print(f"\ncodesolve tune {recorded} ({(time.monotonic() - t0) / 60:.1f} min):\n{proc.stdout}{proc.stderr}")


if __name__ == "__main__":
    main()
