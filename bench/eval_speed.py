"""Grading speed of ``codesolve eval`` against HumanEval's own way of running tests.

Takes a HumanEval-format problem set (JSONL of task_id, prompt, entry_point, test) and a
samples JSONL ({task_id, completion}), keeps the first ``--limit`` samples and grades them
  * with ``codesolve eval`` (a subprocess, as a user runs it: the time includes starting
    the command and its boxes), once with warm Python on (the default: a Python program run
    once is a fork of the box's generic zygote) and once with ``--no-warm-python`` (an
    interpreter start per program);
  * with a bare, unisolated script: each sample's test program (prompt + completion + test
    + ``check(entry_point)``, as HumanEval's harness builds it) run once in its own
    ``python3`` subprocess, on ``--workers`` threads (default 2), with a timeout.
It prints samples per second for each, the ratios, and how many samples each found
correct (the verdicts should agree but for timing-dependent samples). Figures only:
nothing here is asserted.

    python bench/eval_speed.py PROBLEMS.jsonl SAMPLES.jsonl [--limit 400] [--workers 2]
                               [--backend local] [--timeout 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sandbox.local import default_python  # noqa: E402 - after the path set-up


def read_jsonl(path: str) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def run_eval(problems: str, samples: str, backend: str, warm: bool) -> tuple[float, int]:
    """Seconds ``codesolve eval`` took, and the samples it found correct."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        argv = [sys.executable, "-m", "solver.cli", "eval", samples, "--problems", problems, "--out", out,
                "--backend", backend, "--warm-python" if warm else "--no-warm-python"]
        t = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - t
        with open(out) as f:
            report = json.load(f)
    return elapsed, sum(row["correct"] for row in report["per_problem"])


def run_bare(problems: dict[str, dict], samples: list[dict], workers: int, timeout: float) -> tuple[float, int]:
    """Seconds the bare script took (each test program in its own python3, no isolation),
    and the samples that passed."""
    python = default_python()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, row in enumerate(samples):
            problem = problems[row["task_id"]]
            source = (problem["prompt"] + row["completion"] + "\n\n" + problem["test"] + "\n\n"
                      + f"check({problem['entry_point']})\n")
            path = os.path.join(tmp, f"sample_{i}.py")
            with open(path, "w") as f:
                f.write(source)
            paths.append(path)

        def one(path: str) -> bool:
            try:
                done = subprocess.run([python, path], cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, timeout=timeout)
            except subprocess.TimeoutExpired:
                return False
            return done.returncode == 0

        t = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            passed = sum(pool.map(one, paths))
        return time.perf_counter() - t, passed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("problems", help="HumanEval-format problems JSONL")
    ap.add_argument("samples", help="samples JSONL of {task_id, completion}")
    ap.add_argument("--limit", type=int, default=400, help="grade the first N samples (default 400)")
    ap.add_argument("--workers", type=int, default=2, help="threads of the bare script (default 2)")
    ap.add_argument("--backend", default="local", help="codesolve's sandbox backend (default local)")
    ap.add_argument("--timeout", type=float, default=10.0, help="the bare script's timeout per sample, seconds")
    args = ap.parse_args()

    problems = {row["task_id"]: row for row in read_jsonl(args.problems)}
    samples = [row for row in read_jsonl(args.samples) if row.get("task_id") in problems][:args.limit]
    n = len(samples)
    print(f"{n} samples of {len({row['task_id'] for row in samples})} problems; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        subset = os.path.join(tmp, "samples.jsonl")
        with open(subset, "w") as f:
            for row in samples:
                f.write(json.dumps(row) + "\n")
        figures: dict[str, tuple[float, int]] = {}
        figures["eval, warm Python"] = run_eval(args.problems, subset, args.backend, warm=True)
        figures["eval, --no-warm-python"] = run_eval(args.problems, subset, args.backend, warm=False)
        figures[f"bare python3 per sample, {args.workers} workers"] = run_bare(problems, samples, args.workers,
                                                                               args.timeout)
    rates = {name: n / seconds for name, (seconds, _) in figures.items()}
    for name, (seconds, correct) in figures.items():
        print(f"  {name:<40} {rates[name]:8.1f} samples/s   ({seconds:6.2f} s, {correct}/{n} correct)")
    warm, cold, bare = rates.values()
    print(f"  warm / no-warm: {warm / cold:.2f}x   warm / bare: {warm / bare:.2f}x"
          f"   no-warm / bare: {cold / bare:.2f}x")


if __name__ == "__main__":
    main()
