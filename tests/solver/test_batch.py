"""``codesolve solve`` and ``codesolve report`` end to end: the real command line, the real
sandbox, real HTTP to the scripted OpenAI-compatible server.

Three bundled problems (plus a broken package) are solved with pools whose correct samples
are known, so pass@k, n@k and coverage can be checked against values computed by hand; a
run is killed with SIGKILL half-way and resumed, and must end where an uninterrupted run
ends, with no completed model call and no finished execution repeated; a run through
injected faults must lose nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]

from solver.report import select_subset
from solver.store import RunStore

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "problems" / "sets" / "core"
PROBLEMS = ("caravantolls", "meteorlog", "snackhike")


def fence(code: str, tag: str = "python") -> str:
    return f"Here you go.\n\n```{tag}\n{code}```\n"


def sub(problem: str, path: str) -> str:
    return (CORE / problem / "submissions" / path).read_text()


CRASH = "raise SystemExit(3)\n"
METEOR_GENERATOR = ("import random, sys\nrandom.seed(int(sys.argv[1]))\nn = random.randint(1, 6)\n"
                    "q = random.randint(1, 4)\nprint(n, q)\nprint(*[random.randint(0, 9) for _ in range(n)])\n"
                    "for _ in range(q):\n    print(random.randint(1, n), random.randint(1, n))\n")


def scripts() -> dict[str, list[str]]:
    """Markers of the tests model's prompts come first (its prompts also hold the title)."""
    meteor_ok, meteor_wrong = sub("meteorlog", "accepted/meteors.py"), sub("meteorlog", "wrong_answer/assumes_ordered.py")
    snack_ok, snack_wrong = sub("snackhike", "accepted/snacks.py"), sub("snackhike", "wrong_answer/strict_budget.py")
    caravan_ok = sub("caravantolls", "accepted/dijkstra.py")
    return {
        "ONE random valid input": [fence(METEOR_GENERATOR)],
        "distinct valid inputs": ["```input\n2 1\n3 4\n2 1\n```\n"],
        "Write 10 tests": ["no tests today"],
        # n = 4 per problem; correct: meteorlog 1, snackhike 2, caravantolls 2 (a duplicate counts: it is a sample)
        "Meteor Log": [fence(meteor_wrong), fence(meteor_wrong + "# second thoughts\n"), fence(meteor_ok), fence(CRASH)],
        "Snack Hike": [fence(snack_ok), fence(snack_ok + "# again\n"), fence(snack_wrong), "I cannot do this."],
        "Caravan Rest Stops": [fence(caravan_ok), fence(CRASH), "No idea.", fence(caravan_ok)],
    }


def problem_set(tmp_path: Path, broken: bool = False) -> Path:
    root = tmp_path / "set"
    for name in PROBLEMS:
        shutil.copytree(CORE / name, root / name)
    if broken:
        (root / "zzbroken" / "data").mkdir(parents=True)
        (root / "zzbroken" / "problem.yaml").write_text("name: [unclosed\n")
    return root


def solve_args(problems: Path, out: Path, base_url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", "scripted", "--base-url", base_url,
            "-n", "4", "-k", "2", "--variants", "direct", "--generated-inputs", "6", "--out", str(out), "-q", *extra]


def run(args: list[str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "OPENAI_API_KEY": "test-key"})


def results(out: Path) -> dict[str, Any]:
    """What a run concluded, per problem (timings and usage left out)."""
    store = RunStore.open_existing(str(out))
    try:
        rows = store.problems()
    finally:
        store.close()
    view = {}
    for r in rows:
        a = r["attempt"]
        view[r["id"]] = {
            "status": r["status"], "submissions": a and a["submissions"], "inputs": a and a["inputs"],
            "clusters": a and [c["members"] for c in a["clusters"]], "judged": r["judged"],
            "candidates": a and [(c["code"], c["sample_verdict"], c["duplicate_of"], c["cluster"], c["variant"])
                                 for c in a["candidates"]]}
    return view


def bodies(requests: list[dict[str, Any]]) -> Counter[str]:
    return Counter(json.dumps(b, sort_keys=True) for b in requests)


def count(db: Path, sql: str) -> int:
    """A count from a run database another process is writing (0 before its tables exist)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db, timeout=30)) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def repeated(out: Path, table: str) -> dict[str, int]:
    with closing(sqlite3.connect(out / "run.sqlite")) as db:
        return dict(db.execute(f"SELECT key, count FROM {table} WHERE count > 1").fetchall())


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, sandbox: Any) -> dict[str, Any]:
    """One uninterrupted run with a tests model, and what the server saw."""
    tmp = tmp_path_factory.mktemp("reference")
    problems = problem_set(tmp)
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        proc = run(solve_args(problems, tmp / "run", server.base_url, "--tests-model", "cheap", "--backend",
                              sandbox.name))
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr
    return {"problems": problems, "out": tmp / "run", "results": results(tmp / "run"), "requests": requests,
            "stdout": proc.stdout}


def test_batch_report_matches_hand_computed_figures(tmp_path, sandbox, isolated):
    problems = problem_set(tmp_path, broken=True)
    out = tmp_path / "run"
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        server.delay_s = 0.3  # requests overlap: the bound on requests in flight is what limits them
        proc = run(solve_args(problems, out, server.base_url, "--backend", sandbox.name, "--jobs", "3",
                              "--max-concurrency", "2", "--price-prompt-per-mtok", "1",
                              "--price-completion-per-mtok", "2"))
        served = list(server.requests)
        assert server.max_in_flight == 2
    # The broken package is reported and skipped; the exit code says the batch is incomplete.
    assert proc.returncode == 1, proc.stderr
    assert "failed: zzbroken" in proc.stdout and "not valid YAML" in proc.stdout
    assert "solved 3/3 judged problems" in proc.stdout
    report = json.loads((out / "report.json").read_text())
    assert set(report["errors"]) == {"zzbroken"} and report["judged"] == 3
    by_id = {p["id"]: p for p in report["per_problem"]}
    assert {i: (p["samples"], p["correct_samples"]) for i, p in by_id.items()} == {
        "caravantolls": (4, 2), "meteorlog": (4, 1), "snackhike": (4, 2)}
    # pass@k = 1 - C(n-c, k) / C(n, k), by hand for (n, c) = (4, 1), (4, 2), (4, 2):
    # k=1: (1/4 + 1/2 + 1/2) / 3;  k=2: (1/2 + 5/6 + 5/6) / 3;  k=3: (3/4 + 1 + 1) / 3;  k=4: 1
    assert report["pass_at_k"] == pytest.approx({"1": 1.25 / 3, "2": (0.5 + 5 / 6 + 5 / 6) / 3, "3": 2.75 / 3,
                                                 "4": 1.0})
    # Meteor Log: the wrong program is sampled twice and outvotes the right one, so its first
    # submission is wrong and the second (k = 2) right; the others lead with a right one.
    assert by_id["meteorlog"]["first_verdict"] == "WA" and by_id["meteorlog"]["solved"]
    assert by_id["snackhike"]["first_verdict"] == "AC" and by_id["caravantolls"]["first_verdict"] == "AC"
    assert report["2_at_k"] == 1.0 and report["1_at_k"] == pytest.approx(2 / 3) and report["coverage"] == 1.0
    # The curve: with one sample the selection submits that sample or its repair (4 subsets per
    # problem, all enumerated). The repair of Caravan's crashing sample is the right program, so
    # there 3 of 4 single samples solve it: 2@1 = 1@1 = (1/4 + 2/4 + 3/4) / 3, while pass@1
    # (the model's samples alone) is (1/4 + 2/4 + 2/4) / 3. With all 4 it is the run's own result.
    curve = report["curve"]
    assert curve["samples"] == [1, 2, 3, 4] and curve["pass_at_k"][0] == pytest.approx(1.25 / 3)
    assert curve["2_at_k"][0] == pytest.approx(0.5) and curve["1_at_k"][0] == pytest.approx(0.5)
    assert curve["2_at_k"][-1] == 1.0 and curve["1_at_k"][-1] == pytest.approx(2 / 3)
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = (out / "report.md").read_text()
    meteor_tokens = next(p["tokens"] for p in report["per_problem"] if p["id"] == "meteorlog")
    assert meteor_tokens > 0  # the scripted server counts words as tokens
    assert f"| meteorlog | 4 | {meteor_tokens} | 4 | 1 |" in md and "zzbroken" in md
    # Usage and cost, per role, as the server reported it.
    usage = report["usage"]["solve"]
    assert usage["requests"] == len(served)
    assert usage["cost"] == pytest.approx((usage["prompt_tokens"] * 1 + usage["completion_tokens"] * 2) / 1e6)
    # Re-running the selection on the whole recorded pool gives the recorded submissions.
    store = RunStore.open_existing(str(out))
    try:
        for row in store.problems():
            if row["attempt"]:
                everything = {c["id"] for c in row["attempt"]["candidates"]}
                assert select_subset(row["attempt"], everything, 2) == row["attempt"]["submissions"]
    finally:
        store.close()
    # codesolve report re-derives the same figures from the database.
    again = run([sys.executable, "-m", "solver.cli", "report", str(out)])
    assert again.returncode == 0 and "| 3 | 100.0% | 66.7% | 100.0% |" in again.stdout


def test_killed_run_resumes_without_repeating_work(tmp_path, sandbox, isolated, reference):
    out = tmp_path / "run"
    problems = reference["problems"]
    with ScriptedOpenAI(scripts(), per_request=True) as first:
        first.delay_s = 0.05
        proc = subprocess.Popen(solve_args(problems, out, first.base_url, "--tests-model", "cheap", "--jobs", "1",
                                           "--backend", sandbox.name), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ, "OPENAI_API_KEY": "test-key"})
        try:
            db = out / "run.sqlite"
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and proc.poll() is None:  # one problem done, the next under way
                if count(db, "SELECT count(*) FROM problems WHERE status = 'done'"):
                    break
                time.sleep(0.05)
            first.hold()  # requests from now on wait: the run cannot get past the next model call
            while first.in_flight:
                time.sleep(0.02)
            # Every answer the server finished is in the database before the kill (no answer is
            # lost in the gap between the server's write and the client's commit).
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if count(db, "SELECT count(*) FROM completions") == first.choices_served:
                    break
                time.sleep(0.02)
            assert proc.poll() is None, "the run ended before it could be killed"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        answered_before = list(first.completed)
        done_before = count(db, "SELECT count(*) FROM problems WHERE status = 'done'")
        assert 1 <= done_before < len(PROBLEMS)
        # The resumed run talks to another server (an endpoint is not part of a run's identity).
        with ScriptedOpenAI(scripts(), per_request=True) as second:
            resumed = run(solve_args(problems, out, second.base_url, "--tests-model", "cheap", "--jobs", "1",
                                     "--backend", sandbox.name))
            asked_after = list(second.requests)
    assert resumed.returncode == 0, resumed.stderr
    assert f"earlier runs: {done_before}" in resumed.stdout
    # No answered request is asked again, and together the two halves asked exactly what the
    # uninterrupted run asked.
    assert not set(bodies(answered_before)) & set(bodies(asked_after))
    assert bodies(answered_before) + bodies(asked_after) == bodies(reference["requests"])
    # No finished execution or compilation ran twice.
    assert repeated(out, "executions") == {} and repeated(out, "compiles") == {}
    assert repeated(reference["out"], "executions") == {}
    assert results(out) == reference["results"]


def test_faults_of_the_endpoint_lose_nothing(tmp_path, sandbox, isolated, reference):
    out = tmp_path / "run"
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        server.faults = [("429", 0), ("500",), ("truncated",), ("malformed",), ("429", 0), ("500",)]
        proc = run(solve_args(reference["problems"], out, server.base_url, "--tests-model", "cheap",
                              "--backend", sandbox.name))
    assert proc.returncode == 0, proc.stderr
    assert results(out) == reference["results"]
    report = json.loads((out / "report.json").read_text())
    retries = sum(u["retries"] for u in report["usage"].values())
    assert retries == 6


def test_configuration_file_environment_and_refusals(tmp_path, sandbox, isolated, reference):
    config = tmp_path / "run.toml"
    config.write_text('samples = 4\nlanguages = ["python"]\nk = 2\nvariants = ["direct"]\n')
    base = [sys.executable, "-m", "solver.cli", "solve", str(reference["problems"])]
    env_run = subprocess.run(base + ["--config", str(config), "--print-config", "--model", "m"], capture_output=True,
                             text=True, cwd=ROOT, env={**os.environ, "CODESOLVE_K": "3", "CODESOLVE_SEED": "7",
                                                       "OPENAI_API_KEY": "sekrit-123"})
    assert env_run.returncode == 0, env_run.stderr
    assert f"samples = 4  # {config}" in env_run.stdout and "k = 3  # $CODESOLVE_K" in env_run.stdout
    assert "seed = 7  # $CODESOLVE_SEED" in env_run.stdout and 'model = "m"  # --model' in env_run.stdout
    assert "sekrit-123" not in env_run.stdout
    (tmp_path / "bad.toml").write_text("samples = 'many'\n")
    bad = run(base + ["--config", str(tmp_path / "bad.toml"), "--model", "m"])
    assert bad.returncode == 2 and "bad.toml: field 'samples': expected an integer" in bad.stderr
    (tmp_path / "typo.toml").write_text("sample = 3\n")
    typo = run(base + ["--config", str(tmp_path / "typo.toml"), "--model", "m"])
    assert typo.returncode == 2 and "unknown field 'sample'" in typo.stderr
    missing = run([sys.executable, "-m", "solver.cli", "solve", str(tmp_path / "nowhere"), "--model", "m"])
    assert missing.returncode == 2 and "nowhere: no such file or folder" in missing.stderr
    # A finished run directory: the same command finishes at once; another configuration is refused.
    copy = tmp_path / "copy"
    shutil.copytree(reference["out"], copy)
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        same = run(solve_args(reference["problems"], copy, server.base_url, "--tests-model", "cheap",
                              "--backend", sandbox.name))
        assert same.returncode == 0 and "earlier runs: 3" in same.stdout and server.requests == []
        other = run(solve_args(reference["problems"], copy, server.base_url, "--backend", sandbox.name))
        assert other.returncode == 2 and "tests_model: 'cheap' -> ''" in other.stderr and "--force" in other.stderr
        forced = run(solve_args(reference["problems"], copy, server.base_url, "--backend", sandbox.name, "--force"))
        assert forced.returncode == 0, forced.stderr
        # The selection was re-run without the tests model; every sample came from the database.
        assert server.requests == []


def test_a_refused_key_stops_the_batch(tmp_path, sandbox, isolated, reference):
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        server.faults = [("401",)] * 10
        proc = run(solve_args(reference["problems"], tmp_path / "run", server.base_url, "--backend", sandbox.name))
    assert proc.returncode == 2
    assert "refused the API key (401)" in proc.stderr


def test_replay_per_role_needs_no_model(tmp_path, sandbox, isolated, reference):
    """Both roles replayed from files: the same samples and test inputs as the served run, and
    no endpoint at all (none is given)."""
    pools = scripts()
    markers = {"caravantolls": "Caravan Rest Stops", "meteorlog": "Meteor Log", "snackhike": "Snack Hike"}
    solve_file, tests_file = tmp_path / "solve.jsonl", tmp_path / "tests.jsonl"
    with open(solve_file, "w") as f:
        for pid, marker in markers.items():
            for text in pools[marker]:
                f.write(json.dumps({"task_id": pid, "completion": text}) + "\n")
    with open(tests_file, "w") as f:
        for pid in markers:
            for purpose, marker in (("generator", "ONE random valid input"), ("inputs", "distinct valid inputs"),
                                    ("tests", "Write 10 tests")):
                f.write(json.dumps({"task_id": pid, "role": "tests", "purpose": purpose,
                                    "completion": pools[marker][0]}) + "\n")
    out = tmp_path / "run"
    proc = run([sys.executable, "-m", "solver.cli", "solve", str(reference["problems"]), "--model",
                f"replay:{solve_file}", "--tests-model", f"replay:{tests_file}", "-n", "4", "-k", "2", "--variants",
                "direct", "--generated-inputs", "6", "--tests-samples", "1", "--out", str(out), "-q", "--backend",
                sandbox.name])
    assert proc.returncode == 0, proc.stderr
    replayed, served = results(out), reference["results"]
    for pid in markers:
        # A replay has no sample for a repair request, so repairs are absent; the rest is identical.
        def sampled(view: dict[str, Any]) -> list[tuple[Any, ...]]:
            return [(c[0], c[1], c[2], c[4]) for c in view["candidates"] if c[4] != "repair"]

        assert sampled(replayed[pid]) == sampled(served[pid])
        assert replayed[pid]["inputs"] == served[pid]["inputs"]
    report = json.loads((out / "report.json").read_text())
    assert report["usage"]["solve"]["requests"] == 0 and report["usage"]["tests"]["requests"] == 0
    assert report["usage"]["tests"]["samples"] == 3 * 3  # generator, inputs and tests, per problem


def test_ctrl_c_stops_the_run_and_says_how_to_resume(tmp_path, sandbox, isolated, reference):
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        server.hold()  # the run waits on its first model call
        proc = subprocess.Popen(solve_args(reference["problems"], tmp_path / "run", server.base_url, "--backend",
                                           sandbox.name), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "OPENAI_API_KEY": "test-key"})
        deadline = time.monotonic() + 60
        while not count(tmp_path / "run" / "run.sqlite", "SELECT count(*) FROM meta") and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err and "Run the same command again to resume" in err


def test_an_unreachable_endpoint_stops_the_batch_at_once(tmp_path, sandbox, isolated, reference):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]  # nothing listens here once the socket is closed
    t0 = time.monotonic()
    proc = run(solve_args(reference["problems"], tmp_path / "run", f"http://127.0.0.1:{closed}/v1", "--backend",
                          sandbox.name))
    assert proc.returncode == 2 and "cannot reach the endpoint http://127.0.0.1:" in proc.stderr
    assert time.monotonic() - t0 < 60
