"""The ray executor on a local Ray instance (two workers, loopback only) started by the
tests: the same results as the local executor, a worker killed mid-batch retried with
nothing lost, and a killed run resumed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]
from test_batch import PROBLEMS, ROOT, count, reference, repeated, results, run, scripts, solve_args  # noqa: F401 - pytest fixtures and helpers shared with the batch tests

#: The test cluster: no usage statistics, and no token authentication (a cluster of the
#: tests' own, on this machine only); the codesolve processes inherit the same settings.
RAY_SETTINGS = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
RAY_ENV = {**os.environ, **RAY_SETTINGS}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ray_address():
    saved = {k: os.environ.get(k) for k in RAY_SETTINGS}
    os.environ.update(RAY_SETTINGS)
    ray_bin = os.path.join(os.path.dirname(sys.executable), "ray")
    if not os.path.exists(ray_bin):
        if os.environ.get("CI"):
            pytest.fail("ray is not installed in CI")
        pytest.skip("ray is not installed (pip install 'codesolve[ray]')")
    port = _free_port()
    start = subprocess.run([ray_bin, "start", "--head", "--num-cpus", "2", "--port", str(port),
                            "--node-ip-address", "127.0.0.1", "--include-dashboard", "false",
                            "--disable-usage-stats"], capture_output=True, text=True, env=RAY_ENV, timeout=180)
    assert start.returncode == 0, start.stdout + start.stderr
    yield f"127.0.0.1:{port}"
    subprocess.run([ray_bin, "stop", "--force"], capture_output=True, env=RAY_ENV, timeout=120)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def test_ray_gives_the_local_results(tmp_path, sandbox, isolated, reference, ray_address):  # noqa: F811 - fixture
    out = tmp_path / "run"
    with ScriptedOpenAI(scripts(), per_request=True) as server:
        proc = run(solve_args(reference["problems"], out, server.base_url, "--tests-model", "cheap", "--backend",
                              sandbox.name, "--executor", "ray", "--ray-address", ray_address))
    assert proc.returncode == 0, proc.stderr
    assert results(out) == reference["results"]
    assert repeated(out, "executions") == {}


def test_a_worker_killed_mid_batch_loses_nothing(sandbox, isolated, ray_address):
    import ray

    from sandbox import Limits, Program, Status
    from solver.executor import RayExecutor

    ray.init(address=ray_address, logging_level="WARNING", log_to_driver=False)
    ex = RayExecutor(sandbox.name, chunk=8)
    try:
        exe = ex.compile(Program("python", "import time\nn = int(input())\ntime.sleep(0.01)\nprint(n * n)\n"))
        assert exe.ok
        inputs = [f"{i}\n".encode() for i in range(300)]
        victim = ex.pids[0]
        import threading

        timer = threading.Timer(1.0, lambda: os.kill(victim, signal.SIGKILL))
        timer.start()
        t0 = time.monotonic()
        got = ex.run_batch(exe.executable, inputs, Limits(time_s=2))
        timer.join()
        assert time.monotonic() - t0 > 1.0, "the batch ended before the worker was killed"
        assert [r.status for r in got] == [Status.OK] * len(inputs)
        assert [r.stdout for r in got] == [f"{i * i}\n".encode() for i in range(len(inputs))]
        new_pids = ray.get([a.pid.remote() for a in ex.actors])
        assert victim not in new_pids  # the killed worker was restarted
    finally:
        ex.close()
        ray.shutdown()


def test_a_killed_ray_run_resumes(tmp_path, sandbox, isolated, reference, ray_address):  # noqa: F811 - fixture
    out = tmp_path / "run"
    args = ["--tests-model", "cheap", "--jobs", "1", "--backend", sandbox.name, "--executor", "ray",
            "--ray-address", ray_address]
    with ScriptedOpenAI(scripts(), per_request=True) as first:
        proc = subprocess.Popen(solve_args(reference["problems"], out, first.base_url, *args), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**RAY_ENV, "OPENAI_API_KEY": "test-key"})
        db = out / "run.sqlite"
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if count(db, "SELECT count(*) FROM problems WHERE status = 'done'"):
                break
            time.sleep(0.05)
        first.hold()
        assert proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    done_before = count(db, "SELECT count(*) FROM problems WHERE status = 'done'")
    assert 1 <= done_before < len(PROBLEMS)
    with ScriptedOpenAI(scripts(), per_request=True) as second:
        resumed = run(solve_args(reference["problems"], out, second.base_url, *args))
    assert resumed.returncode == 0, resumed.stderr
    assert f"earlier runs: {done_before}" in resumed.stdout
    assert results(out) == reference["results"]
    assert repeated(out, "executions") == {}
