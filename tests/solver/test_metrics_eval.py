"""pass@k against hand-computed values, and `codesolve eval` on bundled problems."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from solver.metrics import ks_for, mean_pass_at_k, pass_at_k

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "problems" / "sets" / "core"



def _eval(tmp_path: Path, rows: list[dict], problems: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """``codesolve eval`` of ``rows`` on ``problems``: the finished process and the JSON report."""
    samples, out = tmp_path / "samples.jsonl", tmp_path / "report.json"
    samples.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "eval", str(samples), "--problems", str(problems),
                           "--out", str(out)], capture_output=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc, json.loads(out.read_text())

def test_pass_at_k_hand_computed():
    assert pass_at_k(10, 0, 1) == 0.0
    assert pass_at_k(10, 10, 5) == 1.0
    assert pass_at_k(5, 1, 1) == pytest.approx(0.2)
    # n=5, c=2, k=2: 1 - C(3,2)/C(5,2) = 1 - 3/10
    assert pass_at_k(5, 2, 2) == pytest.approx(0.7)
    # n=4, c=1, k=3: 1 - C(3,3)/C(4,3) = 1 - 1/4
    assert pass_at_k(4, 1, 3) == pytest.approx(0.75)
    assert pass_at_k(3, 1, 3) == 1.0  # fewer wrong samples than k
    # Large n stays exact where the binomials would be huge.
    n, c, k = 2000, 3, 100
    exact = 1 - math.comb(n - c, k) / math.comb(n, k)
    assert pass_at_k(n, c, k) == pytest.approx(exact, rel=1e-12)
    with pytest.raises(ValueError):
        pass_at_k(3, 4, 1)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 4)


def test_mean_and_ks():
    assert mean_pass_at_k([(5, 1), (5, 5), (5, 0)], 1) == pytest.approx((0.2 + 1 + 0) / 3)
    assert ks_for([3, 5, 4]) == [1, 2, 3]
    assert ks_for([]) == []


def test_codesolve_eval(tmp_path):
    meteor = CORE / "meteorlog" / "submissions"
    snack = CORE / "snackhike" / "submissions"
    rows = [
        {"task_id": "meteorlog", "completion": "```python\n" + (meteor / "accepted/meteors.py").read_text() + "```"},
        {"task_id": "meteorlog", "code": (meteor / "accepted/meteors.cpp").read_text(), "language": "cpp"},
        {"task_id": "meteorlog", "completion": (meteor / "wrong_answer/assumes_ordered.py").read_text()},
        {"task_id": "meteorlog", "completion": "I do not know."},
        {"task_id": "snackhike", "completion": (snack / "accepted/snacks.py").read_text()},
        {"task_id": "snackhike", "completion": (snack / "wrong_answer/strict_budget.py").read_text()},
        {"task_id": "snackhike", "code": (snack / "accepted/snacks.cpp").read_text(), "language": "c++"},
        {"task_id": "snackhike", "completion": "def longest_snack_run(prices, budget):\n    return 0\n"},
        {"task_id": "not-a-problem", "completion": "print(1)"},
    ]
    proc, report = _eval(tmp_path, rows, CORE)
    per = {r["task_id"]: r for r in report["per_problem"]}
    assert per["meteorlog"]["verdicts"][:3] == ["AC", "AC", "WA"] and per["meteorlog"]["correct"] == 2
    assert per["snackhike"]["verdicts"] == ["AC", "WA", "AC", "WA"]
    # each problem: n=4, c=2 -> pass@1 = 0.5, pass@2 = 1 - C(2,2)/C(4,2) = 5/6, pass@3 = 1
    assert report["pass_at_k"]["1"] == pytest.approx(0.5)
    assert report["pass_at_k"]["2"] == pytest.approx(5 / 6)
    assert report["pass_at_k"]["3"] == 1.0
    assert "pass@1 0.5000" in proc.stdout.decode()
    assert b"not-a-problem" in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"task_id": "x"}\n')
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "eval", str(bad), "--problems", str(CORE)],
                          capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 2 and b"bad.jsonl:1" in proc.stderr


def test_eval_humaneval_completions_continue_the_prompt(tmp_path):
    fixture = ROOT / "tests" / "problems" / "fixtures" / "humaneval.jsonl"
    canonical = json.loads(fixture.read_text().splitlines()[0])["canonical_solution"]
    rows = [{"task_id": "HumanEval/0", "completion": canonical},
            {"task_id": "HumanEval/0", "completion": "    return numbers\n"}]
    _, report = _eval(tmp_path, rows, fixture)
    assert report["per_problem"][0]["verdicts"] == ["AC", "WA"] and report["pass_at_k"]["1"] == 0.5


def test_identical_samples_of_a_problem_are_judged_once(tmp_path):
    from problems import load
    from sandbox.local import LocalConfig, LocalSandbox
    from solver.evaluation import grade, read_samples

    fixture = ROOT / "tests" / "problems" / "fixtures" / "humaneval.jsonl"
    canonical = [json.loads(line)["canonical_solution"] for line in fixture.read_text().splitlines()]
    wrong, other_wrong = "    return numbers\n", "    return []\n"
    rows = [{"task_id": "HumanEval/0", "completion": c}
            for c in (canonical[0], wrong, canonical[0], other_wrong, wrong, canonical[0])]
    rows.append({"task_id": "HumanEval/1", "completion": canonical[1]})
    rows.append({"task_id": "HumanEval/1", "completion": canonical[1]})
    path = tmp_path / "samples.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    class Counting(LocalSandbox):
        compiled: list = []

        def compile(self, program, *args, **kwargs):
            self.compiled.append(program)
            return super().compile(program, *args, **kwargs)

    graded: list[str] = []
    with Counting(LocalConfig(warm_python=True)) as sandbox:
        grades, unknown = grade(sandbox, load(str(fixture)), read_samples(str(path)), graded.append)
    assert not unknown
    assert [g.verdicts for g in grades] == [["AC", "WA", "AC", "WA", "WA", "AC"], ["AC", "AC"]]
    assert len(Counting.compiled) == 4 == len(set(Counting.compiled))  # one per distinct program of a problem
    assert sorted(graded) == ["HumanEval_0"] * 6 + ["HumanEval_1"] * 2  # progress counts every sample
