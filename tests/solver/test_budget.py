"""The adaptive sample budget (``--first-round``): the rounds, the stop rule, a live run
through the command line on a replayed pool, and the report's offline replay of the rule on
a fixed run, which must agree with the live adaptive run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from solver.budget import StopRule, Tracker, cascade_rounds, rounds
from solver.ranker import Cluster, Ranked

ROOT = Path(__file__).resolve().parents[2]
KATTIS = ROOT / "tests" / "problems" / "fixtures" / "kattis"


def ranked(*clusters: tuple[str, int, int]) -> list[Ranked]:
    """Clusters (signature, size, failures) in rank order."""
    out, next_id = [], 0
    for signature, size, failures in clusters:
        out.append(Ranked(Cluster(signature, tuple(range(next_id, next_id + size)), failures),
                          {"failures": failures, "codet": 0.0, "size": size}))
        next_id += size
    return out


def test_rounds_double_and_end_at_the_budget():
    assert rounds(4, 100) == [4, 8, 16, 32, 64, 100]
    assert rounds(1, 4) == [1, 2, 4]
    assert rounds(0, 8) == [8] and rounds(8, 8) == [8] and rounds(16, 8) == [8]


def test_a_later_model_of_a_cascade_doubles_every_sample_drawn():
    assert cascade_rounds(4, 20, 0) == rounds(4, 20) == [4, 8, 16, 20]
    # After the cheap model's 20: 20 more (40 in all), 60 (80), then the budget's 80 (100).
    assert cascade_rounds(4, 80, 20) == [20, 60, 80]
    assert cascade_rounds(2, 8, 8) == [8] and cascade_rounds(4, 5, 100) == [5]
    assert cascade_rounds(4, 30, 3) == [3, 9, 21, 30]


def test_the_stop_rule():
    tracker = Tracker(StopRule())
    assert not tracker.settled(4, ranked(("a", 2, 0), ("b", 1, 0)))  # nothing to compare with yet
    assert tracker.settled(8, ranked(("a", 3, 0), ("b", 2, 0)))      # unchanged, 3 members, no failures
    assert tracker.history[-1] == {"samples": 8, "clusters": 2, "top_size": 3, "top_failures": 0,
                                   "unchanged_for": 1, "stop": True}
    tracker = Tracker(StopRule())
    tracker.settled(4, ranked(("a", 1, 0)))
    assert not tracker.settled(8, ranked(("a", 1, 0), ("b", 1, 0)))  # a lone candidate is not trusted
    tracker = Tracker(StopRule())
    tracker.settled(4, ranked(("a", 2, 1)))
    assert not tracker.settled(8, ranked(("a", 4, 1)))                # its failures are not either...
    tracker = Tracker(StopRule(allow_failures=True))
    tracker.settled(4, ranked(("a", 2, 1)))
    assert tracker.settled(8, ranked(("a", 4, 1)))                    # ... unless allowed
    tracker = Tracker(StopRule(stable_rounds=2))
    tracker.settled(4, ranked(("a", 2, 0)))
    assert not tracker.settled(8, ranked(("a", 2, 0)))
    assert tracker.settled(16, ranked(("a", 2, 0)))
    tracker = Tracker(StopRule())
    tracker.settled(4, ranked(("a", 2, 0)))
    assert not tracker.settled(8, ranked(("b", 3, 0), ("a", 2, 0)))   # the top changed
    assert not tracker.settled(16, [])                                # nobody survived


def fence(code: str) -> str:
    return f"```python\n{code}```\n"


POOL = {
    # four right programs: settled after the second round (2 samples, the same cluster twice)
    "multiplier": ["print(2 * int(input()))\n", "n = int(input())\nprint(n + n)\n", "print(int(input()) * 2)\n",
                   "import sys\nprint(2 * int(sys.stdin.read()))\n"],
    # a wrong one first: no survivor after the first round, a lone one after the second, so all 4 are drawn
    "legacysum": ["print(0)\n", "print(sum(map(int, input().split())))\n", "a, b = map(int, input().split())\n"
                  "print(a + b)\n", "print(eval(input().replace(' ', '+')))\n"],
}


def solve(tmp: Path, out: str, *extra: str) -> dict:
    pool = tmp / "pool.jsonl"
    pool.write_text("".join(json.dumps({"task_id": t, "completion": fence(c)}) + "\n"
                            for t, codes in POOL.items() for c in codes))
    problems = tmp / "set"
    if not problems.exists():
        for name in POOL:
            shutil.copytree(KATTIS / name, problems / name)
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", f"replay:{pool}",
                           "-n", "4", "-k", "1", "--variants", "direct", "--out", str(tmp / out), "-q", *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((tmp / out / "report.json").read_text())


def test_an_adaptive_run_stops_settled_problems_early_and_the_report_replays_the_rule(tmp_path: Path):
    adaptive = solve(tmp_path, "adaptive", "--first-round", "1")
    spent = {p["id"]: p["samples"] for p in adaptive["per_problem"]}
    assert spent == {"multiplier": 2, "legacysum": 4}
    assert adaptive["samples_spent"]["adaptive"] and adaptive["samples_spent"]["mean"] == 3.0
    assert adaptive["1_at_k"] == 1.0 and adaptive["adaptive_curve"] is None
    assert adaptive["usage"]["solve"]["samples"] == 6  # what was drawn, no more

    fixed = solve(tmp_path, "fixed")
    assert [p["samples"] for p in fixed["per_problem"]] == [4, 4]
    curve = fixed["adaptive_curve"]
    # The report's offline replay of the rule on the fixed run: what the live adaptive run did.
    at_one = curve["first_round"].index(1.0)
    assert curve["samples"][at_one] == 3.0 and curve["1_at_k"][at_one] == adaptive["1_at_k"]
    md = (tmp_path / "fixed" / "report.md").read_text()
    assert "## Adaptive budget on this pool" in md and "| 1 | 3.0 | 100.0% |" in md
    assert "Adaptive budget (first round 1" in (tmp_path / "adaptive" / "report.md").read_text()


def test_a_run_directory_made_before_the_budget_options_existed_is_not_a_different_configuration():
    from solver.config import RunConfig, differences

    config = RunConfig(problems="p", model="m")
    old = {k: v for k, v in config.identity().items() if not k.startswith(("first_round", "stop_"))}
    assert differences(old, config) == []
    assert differences(old, RunConfig(problems="p", model="m", first_round=4)) == ["first_round: 0 -> 4"]
