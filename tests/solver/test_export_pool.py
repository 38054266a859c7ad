"""``codesolve export-pool``: a run made with a (scripted) live model, exported as a replay
pool, replays to the same selection, and its recorded tokens are accounted and priced like
the live model's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]
from test_batch import ROOT, problem_set, results, run, scripts, solve_args  # type: ignore[import-not-found]

PRICES = ("--price-prompt-per-mtok", "3", "--price-completion-per-mtok", "7",
          "--tests-price-prompt-per-mtok", "1", "--tests-price-completion-per-mtok", "2")


def test_a_run_exported_as_a_pool_replays_to_the_same_selection(tmp_path: Path, sandbox):
    problems = problem_set(tmp_path)
    live = tmp_path / "live"
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        proc = run(solve_args(problems, live, server.base_url, "--tests-model", "cheap", "--repair-rounds", "0",
                              "--backend", sandbox.name, *PRICES))
    assert proc.returncode == 0, proc.stderr

    exported = subprocess.run([sys.executable, "-m", "solver.cli", "export-pool", str(live)], capture_output=True,
                              text=True, cwd=ROOT, timeout=120)
    assert exported.returncode == 0, exported.stderr
    pool = live / "pool.jsonl"
    rows = [json.loads(line) for line in pool.read_text().splitlines()]
    assert f"{pool}: " in exported.stderr and "of 3 problems" in exported.stderr
    solve_rows = [r for r in rows if r["role"] == "solve" and "purpose" not in r]
    assert sorted({r["task_id"] for r in solve_rows}) == ["caravantolls", "meteorlog", "snackhike"]
    assert all(sum(r["task_id"] == t for r in solve_rows) == 4 for t in ("caravantolls", "meteorlog", "snackhike"))
    assert {r["purpose"] for r in rows if r["role"] == "tests"} >= {"generator", "inputs"}
    assert all(r["usage"]["completion_tokens"] > 0 and r["model"] in ("scripted", "cheap") for r in rows)

    replayed = tmp_path / "replayed"
    proc = run([sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", f"replay:{pool}",
                "--tests-model", f"replay:{pool}", "-n", "4", "-k", "2", "--variants", "direct",
                "--generated-inputs", "6", "--repair-rounds", "0", "--out", str(replayed), "-q",
                "--backend", sandbox.name, *PRICES])
    assert proc.returncode == 0, proc.stderr
    strip = {pid: {k: v for k, v in r.items() if k != "judged"} for pid, r in results(live).items()}
    assert {pid: {k: v for k, v in r.items() if k != "judged"} for pid, r in results(replayed).items()} == strip

    # The replay accounts the recorded tokens of what it served, priced as given.
    report = json.loads((replayed / "report.json").read_text())
    served = {"solve": [r for r in rows if r["role"] == "solve"], "tests": [r for r in rows if r["role"] == "tests"]}
    for role, price in (("solve", (3, 7)), ("tests", (1, 2))):
        usage = report["usage"][role]
        prompt = sum(r["usage"]["prompt_tokens"] for r in served[role])
        completion = sum(r["usage"]["completion_tokens"] for r in served[role])
        assert (usage["prompt_tokens"], usage["completion_tokens"]) == (prompt, completion)
        assert abs(usage["cost"] - (prompt * price[0] + completion * price[1]) / 1e6) < 1e-12
    # ... and the live run's cost is the same to within the rounding of tokens split among a request's samples.
    live_report = json.loads((live / "report.json").read_text())
    assert abs(live_report["cost"] - report["cost"]) <= 0.01 * live_report["cost"]


def test_export_of_a_replayed_run_says_there_is_nothing_of_its_own(tmp_path: Path):
    from solver.models import CompletionCache

    CompletionCache(str(tmp_path / "run.sqlite")).close()
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "export-pool", str(tmp_path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "recorded no sample of a live model" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "export-pool", str(tmp_path / "nothing")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and "not a run directory" in proc.stderr


def test_replay_rows_carry_usage_and_a_bad_one_is_named(tmp_path: Path):
    import asyncio

    import pytest

    from solver.errors import ModelError
    from solver.models import ReplayModel, UsageLog

    pool = tmp_path / "pool.jsonl"
    pool.write_text(json.dumps({"task_id": "a", "completion": "x", "usage": {"prompt_tokens": 100,
                                                                             "completion_tokens": 40}}) + "\n"
                    + json.dumps({"task_id": "a", "completion": "y"}) + "\n")
    usage = UsageLog()
    model = ReplayModel(str(pool), usage=usage, price_prompt_per_mtok=2.0, price_completion_per_mtok=10.0)
    got = asyncio.run(model.generate([], 2, key="a"))
    assert [(g.text, g.prompt_tokens, g.completion_tokens) for g in got] == [("x", 100, 40), ("y", 0, 0)]
    solve = usage.by_role["solve"]
    assert (solve.prompt_tokens, solve.completion_tokens, solve.samples) == (100, 40, 2)
    assert abs(solve.cost - (100 * 2.0 + 40 * 10.0) / 1e6) < 1e-15
    pool.write_text(json.dumps({"task_id": "a", "completion": "x", "usage": {"prompt_tokens": -1}}) + "\n")
    with pytest.raises(ModelError, match="pool.jsonl: task 'a': usage: expected"):
        ReplayModel(str(pool))
