"""Selection on a recorded pool: ``codesolve solve`` run exactly as a user runs it, then the figures.

A *pool* is real model output recorded once: a samples file (``{task_id, completion}``
rows, replayed as the solve model) and optionally a tests file (the tests model's
replies), for a problem file. This runs

    codesolve solve PROBLEMS --model replay:SAMPLES [--tests-model replay:TESTS] -k 1 --out DIR ...

as a subprocess (any further arguments after ``--`` are passed on, e.g. ``-n 100
--tests-samples 100``), then reads ``DIR/report.json`` and prints, side by side:

* first submission: the share of problems whose first chosen program passes the hidden
  tests (1@k; what selection is for);
* random pick: the unbiased pass@1 of the pool's samples (what choosing at random gives);
* oracle: coverage, some sample is correct (what a perfect chooser gives);
* the pool's reference figures, when given (``--reference "CodeT=37.24,random=22.12"``);
* wall time of the whole run, and time per stage summed over problems (sample, filter,
  repair, tests, rank, judge).

The figures describe selection on that recorded output, not a model's solve rate under
codesolve. Nothing is asserted. With ``--json FILE`` the figures are also written as JSON.

    python bench/pool.py PROBLEMS --samples FILE [--tests FILE] [--out DIR] [--reference TEXT]
                         [--json FILE] [-- EXTRA SOLVE ARGUMENTS]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def solve_command(args: argparse.Namespace, extra: list[str]) -> list[str]:
    command = [sys.executable, "-m", "solver.cli", "solve", args.problems, "--model", f"replay:{args.samples}",
               "-k", "1", "--out", args.out, "-q"]
    if args.tests:
        command += ["--tests-model", f"replay:{args.tests}"]
    return command + extra


def parse_reference(text: str) -> dict[str, float]:
    out = {}
    for item in filter(None, (x.strip() for x in text.split(","))):
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise SystemExit(f"--reference: expected NAME=PERCENT items, got {item!r}") from None
    return out


def figures(report: dict[str, Any], wall_s: float) -> dict[str, Any]:
    return {"problems": report["judged"], "failed": len(report["errors"]),
            "first_submission": 100 * report["1_at_k"], "random_pick": 100 * report["pass_at_k"].get("1", 0.0),
            "oracle": 100 * report["coverage"], "wall_minutes": wall_s / 60,
            "stage_minutes": {s: v / 60 for s, v in report["time_per_stage_s"].items()}}


def show(fig: dict[str, Any], reference: dict[str, float], command: list[str]) -> str:
    lines = [f"$ {' '.join(command)}", "",
             f"problems judged: {fig['problems']}" + (f" ({fig['failed']} failed)" if fig["failed"] else ""), "",
             "| selection | first choice right, % |", "| --- | ---: |",
             f"| codesolve (first submission) | {fig['first_submission']:.2f} |",
             f"| random pick (pass@1 of the pool) | {fig['random_pick']:.2f} |",
             f"| oracle (any sample right) | {fig['oracle']:.2f} |"]
    lines += [f"| reference: {name} | {value:.2f} |" for name, value in reference.items()]
    stages = fig["stage_minutes"]
    lines += ["", f"wall time: {fig['wall_minutes']:.1f} min; summed per stage (min): "
              + ", ".join(f"{s} {m:.1f}" for s, m in stages.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("problems", help="the pool's problem file")
    parser.add_argument("--samples", required=True, help="the pool's samples (replayed as the solve model)")
    parser.add_argument("--tests", help="the pool's tests replies (replayed as the tests model)")
    parser.add_argument("--out", default=os.path.join("runs", "pool-bench"), help="run directory (made afresh)")
    parser.add_argument("--reference", default="", help='reference figures, e.g. "CodeT=37.24,random=22.12"')
    parser.add_argument("--keep", action="store_true", help="resume the run directory instead of starting afresh")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    reference = parse_reference(args.reference)
    if not args.keep and os.path.isdir(args.out):
        shutil.rmtree(args.out)
    command = solve_command(args, extra)
    t0 = time.monotonic()
    proc = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": ROOT})
    wall = time.monotonic() - t0
    path = os.path.join(args.out if os.path.isabs(args.out) else os.path.join(ROOT, args.out), "report.json")
    if not os.path.exists(path):
        print(f"codesolve solve exited {proc.returncode} and wrote no report", file=sys.stderr)
        return 1
    with open(path) as f:
        fig = figures(json.load(f), wall)
    print(show(fig, reference, command))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({**fig, "reference": reference, "command": command}, f, indent=2)
    return 0 if proc.returncode in (0, 1) else proc.returncode


if __name__ == "__main__":
    sys.exit(main())
