"""A recorded pool in the HumanEval format, replayed through ``codesolve solve`` as a user runs
it: task ids ``Pool/0``, completions that continue the prompt, a tests file whose rows name
no role, docstring examples, CodeT tests, a too-slow candidate. The pool (``fixtures/pool``)
is ours: three small tasks whose right and wrong samples are known.

* ``Pool/0``: two samples count lower-case vowels only; the docstring's example
  (``count_vowels("Education")`` is 5) filters them out.
* ``Pool/1``: three samples forget that values repeat (``sorted(numbers)[-2]``), one is right;
  the tests model's asserts (written three times each) outvote the bigger cluster.
* ``Pool/2``: two samples know only 6 and 28, one is right but quadratic in n (it cannot do
  8589869056 in time), one is right and fast; the fast one is chosen.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POOL = ROOT / "tests" / "solver" / "fixtures" / "pool"


def solve(out: Path, problems: Path, *extra: str, backend: str = "local") -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", f"replay:{POOL / 'samples.jsonl'}",
            "--tests-model", f"replay:{POOL / 'tests.jsonl'}", "-n", "4", "-k", "1", "--tests-samples", "3",
            "--out", str(out), "-q", "--backend", backend, *extra]
    return subprocess.run(args, capture_output=True, text=True, timeout=600, cwd=ROOT)


def attempts(out: Path) -> dict[str, dict]:
    with sqlite3.connect(out / "run.sqlite") as db:
        return {pid: {"attempt": json.loads(a), "judged": json.loads(j)}
                for pid, a, j in db.execute("SELECT id, attempt, judged FROM problems WHERE status = 'done'")}


def test_a_recorded_pool_replays_through_the_cli(tmp_path, sandbox):
    proc = solve(tmp_path / "run", POOL / "problems.jsonl", backend=sandbox.name)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "run" / "report.json").read_text())
    assert report["judged"] == 3 and report["1_at_k"] == 1.0 and report["coverage"] == 1.0
    # random pick: 2, 1 and 1 correct samples of 4
    assert abs(report["pass_at_k"]["1"] - (2 / 4 + 1 / 4 + 1 / 4) / 3) < 1e-9
    assert set(report["time_per_stage_s"]) >= {"filter", "rank", "distinguish", "judge"}
    runs = attempts(tmp_path / "run")
    vowels = runs["Pool_0"]["attempt"]
    # The docstring example filtered the lower-case-only samples (the completions continued the prompt).
    assert [c["sample_verdict"] for c in vowels["candidates"]] == ["WA", "WA", "AC", "AC"]
    assert vowels["candidates"][2]["code"].startswith("def count_vowels(text: str) -> int:")
    second = runs["Pool_1"]["attempt"]
    assert [t["weight"] for t in second["expected_tests"]] == [3, 3, 3]  # each assert written three times
    assert second["submissions"] == [3] and [c["members"] for c in second["clusters"]][1] == [0, 1, 2]
    perfect = runs["Pool_2"]
    assert perfect["attempt"]["submissions"] == [3]
    slow = next(c for c in perfect["attempt"]["clusters"] if 2 in c["members"])
    assert "TLE" in slow["behaviour"]  # 8589869056 under the calibrated limit
    assert perfect["judged"]["verdicts"]["2"] == "TLE" and perfect["judged"]["verdicts"]["3"] == "AC"
    # Per call, a limit of its own (the test program's 3 s is for all assertions at once).
    assert perfect["attempt"]["execution"]["limit_s"] < 1.0


def test_a_problem_the_replay_has_no_rows_for_is_an_error_naming_the_file(tmp_path, sandbox):
    problems = tmp_path / "problems.jsonl"
    rows = [json.loads(line) for line in (POOL / "problems.jsonl").read_text().splitlines()]
    rows.append({**rows[0], "task_id": "Pool/9"})
    problems.write_text("".join(json.dumps(r) + "\n" for r in rows))
    proc = solve(tmp_path / "run", problems, backend=sandbox.name)
    assert proc.returncode == 1
    assert "Pool_9" in proc.stdout and "samples.jsonl: no recorded solve samples for the problem 'Pool_9'" in proc.stdout
    assert set(attempts(tmp_path / "run")) == {"Pool_0", "Pool_1", "Pool_2"}


def test_the_ranking_weights_are_flags_and_recorded(tmp_path, sandbox):
    from solver.ranker import RankWeights, codet_scores
    from solver.report import ranked_subset, select_ranked, trace_clusters

    proc = solve(tmp_path / "run", POOL / "problems.jsonl", "--rank-size-exponent", "1",
                 "--rank-test-weight-exponent", "0", backend=sandbox.name)
    assert proc.returncode == 0, proc.stderr
    weights = RankWeights(1.0, 0.0)
    for pid, run in attempts(tmp_path / "run").items():
        attempt = run["attempt"]
        assert attempt["ranking"] == weights.to_json(), pid
        clusters, tests = trace_clusters(attempt)
        if tests:  # the recorded scores are CodeT's with these weights
            scores = codet_scores(clusters, tests, weights)
            assert [c["score"]["codet"] for c in attempt["clusters"]] == [scores[c.signature] for c in clusters]
        # The report's re-selection (the adaptive curve, tune) ranks with the weights the run recorded.
        keep = {c["id"] for c in attempt["candidates"]}
        assert select_ranked(attempt, ranked_subset(attempt, keep), 1) == attempt["submissions"], pid
