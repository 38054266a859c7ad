"""Run directories the viewer tests look at: real runs of the recorded pool fixture
(``fixtures/pool``, replayed through the CLI) and a synthetic run of any size written straight
into a run database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from solver.store import RunStore

ROOT = Path(__file__).resolve().parents[2]
POOL = ROOT / "tests" / "solver" / "fixtures" / "pool"


def replay_run(out: Path, tests_model: bool) -> Path:
    """The pool replayed through ``codesolve solve`` (local backend), with or without its tests
    model: with it every task is solved; without it two tasks are missed (a right sample, not
    chosen)."""
    args = [sys.executable, "-m", "solver.cli", "solve", str(POOL / "problems.jsonl"), "--model",
            f"replay:{POOL / 'samples.jsonl'}", "-n", "4", "-k", "1", "--out", str(out), "-q", "--backend", "local"]
    if tests_model:
        args += ["--tests-model", f"replay:{POOL / 'tests.jsonl'}", "--tests-samples", "3"]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return out


def synthetic_run(out: Path, count: int) -> Path:
    """A run of ``count`` problems, each with three candidates in two clusters on four inputs;
    problem ``i`` is solved when ``i % 4 == 0``, missed (a correct candidate not chosen) when
    ``i % 4 == 1``, unsolved when ``i % 4 == 2``, and failed with an error when ``i % 4 == 3``."""
    store = RunStore(str(out))
    store.set_meta("config", {"problems": "synthetic", "model": "synthetic-model", "tests_model": "",
                              "samples": 3, "k": 1, "languages": ["python"]})
    for i in range(count):
        pid = f"p{i:05d}"
        if i % 4 == 3:
            store.record_problem(pid, i, None, None, f"synthetic failure of {pid}", 0.5)
            continue
        cands = [{"id": c, "language": "python", "code": f"print({c})\n", "variant": "direct", "sample_index": c,
                  "duplicate_of": None, "model": "", "repaired_from": None, "compile_ok": True, "sample_verdict": "AC",
                  "samples_passed": 1, "feedback": "", "cluster": 0 if c < 2 else 1} for c in range(3)]
        attempt = {"problem": pid, "title": f"Synthetic {i}", "statement": f"Print something ({i}).",
                   "submissions": [0], "candidates": cands,
                   "clusters": [{"signature": "a", "members": [0, 1], "failures": 0, "behaviour": ["o0"] * 4,
                                 "score": {"size": 2}},
                                {"signature": "b", "members": [2], "failures": 0, "behaviour": ["o1"] * 4,
                                 "score": {"size": 1}}],
                   "expected_tests": [], "inputs": [f"{j}\n" for j in range(4)], "input_sources": {"growth": 4},
                   "outputs": [["0\n", "2\n"]] * 4, "execution": {}, "timings": {"sample": 0.1, "rank": 0.2},
                   "usage": {"solve": {"requests": 1, "samples": 3, "prompt_tokens": 100, "completion_tokens": 50,
                                       "cost": 0.001 * (i % 7)}},
                   "stage_usage": {}, "notes": [], "inputs_valid": False, "adjudication": {}, "budget": {}}
        good = {0: "AC", 1: "WA", 2: "WA"}[i % 4]
        missed = "AC" if i % 4 == 1 else "WA"
        judged = {"tests": 2, "verdicts": {"0": good, "1": good, "2": missed}}
        store.record_problem(pid, i, attempt, judged, None, 1.0 + (i % 13))
    store.close()
    return out


def read_report(run: Path) -> dict:
    return json.loads((run / "report.json").read_text())
