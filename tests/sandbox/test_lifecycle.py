"""Boxes end with their owner: on close, and when the owning process is killed."""

from __future__ import annotations

import glob
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import box_processes, box_uids  # type: ignore[import-not-found]

from sandbox import IsolationUnavailable, Limits, Program, Status
from sandbox.local import LocalConfig, LocalSandbox


def _box_supervisors(owner: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmd = f.read()
                with open(f"/proc/{entry}/status") as f:
                    ppid = int(next(line for line in f if line.startswith("PPid:")).split()[1])
            except (OSError, StopIteration):
                continue
            if b"_box.py" in cmd and ppid == owner:
                pids.append(int(entry))
    return pids


def test_close_ends_every_box_and_removes_its_cgroups():
    others = set(_box_supervisors(os.getpid()))  # e.g. the session's shared sandbox
    sb = LocalSandbox(LocalConfig(workers=2))
    exe = sb.compile(Program("python", "print(1)")).executable
    assert all(r.ok for r in sb.run_batch(exe, [b""] * 4))
    mine = set(_box_supervisors(os.getpid())) - others
    assert len(mine) == 2
    leaves = {os.path.dirname(p) for box in sb._boxes for p in box.cgroup.spec["procs"]}
    sb.close()
    assert not mine & set(_box_supervisors(os.getpid()))
    assert not any(os.path.exists(p) for p in leaves)
    with pytest.raises(IsolationUnavailable):
        sb.run(exe, b"")


def _start_owner(tmp_path) -> subprocess.Popen:
    """A process that owns a sandbox whose box is running a long program."""
    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {os.getcwd()!r})
        from sandbox.local import LocalSandbox
        from sandbox import Program, Limits
        sb = LocalSandbox()
        exe = sb.compile(Program("python", "import time\\nprint('started', flush=True)\\ntime.sleep(60)")).executable
        sb.run(sb.compile(Program("python", "pass")).executable, b"")  # a box is up (boxes start on demand)
        print("ready", flush=True)
        sb.run(exe, b"", Limits(time_s=100, wall_s=100))
    """))
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=os.getcwd())
    assert owner.stdout.readline() == b"ready\n"
    return owner


def _leaves(owner: int | None = None) -> list[str]:
    leaves = glob.glob("/sys/fs/cgroup/*/**/codesolve/box-*", recursive=True)
    return [p for p in leaves if owner is None or os.path.basename(p).split("-")[1] == str(owner)]


def test_killing_the_owner_ends_its_boxes_and_their_programs(tmp_path):
    owner = _start_owner(tmp_path)
    uids = box_uids(owner.pid)
    assert uids, "the owner started no box"
    deadline = time.time() + 10
    while not box_processes(uids) and time.time() < deadline:
        time.sleep(0.05)
    assert box_processes(uids), "the sleeping program never started"
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.time() + 10
    while box_processes(uids) and time.time() < deadline:
        time.sleep(0.05)
    assert box_processes(uids) == []


def test_a_new_sandbox_sweeps_cgroups_left_by_a_killed_owner(tmp_path):
    owner = _start_owner(tmp_path)
    assert _leaves(owner.pid), "the owner made no cgroup"
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    # At once, while the killed owner's box may still be going down with its programs.
    dead_before = {p for p in _leaves() if not os.path.exists(f"/proc/{os.path.basename(p).split('-')[1]}")}
    sb = LocalSandbox(LocalConfig(workers=1))
    try:
        assert sb.run(sb.compile(Program("python", "print(2)")).executable, b"").ok
        assert _leaves(owner.pid) == [], "the killed owner's cgroups were not swept"
        # Only where this process makes its leaves: other cgroups may belong to other pid namespaces.
        swept = {os.path.dirname(d) for box in sb._boxes for d in box.cgroup.dirs}
        left = {p for p in dead_before & set(_leaves()) if os.path.dirname(p) in swept}
        assert not left, "stale cgroups of dead processes not swept"
    finally:
        sb.close()


def test_a_box_that_dies_is_replaced():
    with LocalSandbox(LocalConfig(workers=2)) as sandbox:
        exe = sandbox.compile(Program("python", "import sys\nprint(sys.stdin.read())")).executable
        assert all(r.ok for r in sandbox.run_batch(exe, [b"warm"] * 4, Limits()))
        for box in list(sandbox._boxes):  # kill every box's supervisor behind the sandbox's back
            box.proc.send_signal(signal.SIGKILL)
            box.proc.wait()
        results = sandbox.run_batch(exe, [b"a", b"b", b"c", b"d"], Limits())
        assert {r.status for r in results} <= {Status.SE, Status.OK}
        assert any(r.status is Status.SE for r in results)  # the dead boxes' runs are errors, not verdicts
        again = sandbox.run_batch(exe, [b"x", b"y"], Limits())
        assert [r.stdout for r in again] == [b"x\n", b"y\n"]


def test_prestart_starts_the_boxes_ahead_and_runs_use_them():
    others = set(_box_supervisors(os.getpid()))
    with LocalSandbox(LocalConfig(workers=2)) as sandbox:
        sandbox.prestart(1)  # up to one box in all
        sandbox.prestart(1)  # a second call does not start another
        deadline = time.monotonic() + 30
        while len(set(_box_supervisors(os.getpid())) - others) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        started = set(_box_supervisors(os.getpid())) - others
        assert len(started) == 1
        exe = sandbox.compile(Program("python", "print(6 * 7)")).executable
        assert sandbox.run(exe).stdout == b"42\n"
        assert set(_box_supervisors(os.getpid())) - others == started  # the run used the started box
        sandbox.prestart()  # the rest, up to one per worker
        deadline = time.monotonic() + 30
        while len(sandbox._boxes) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(sandbox._boxes) == 2
        assert [r.stdout for r in sandbox.run_batch(exe, [b""] * 4)] == [b"42\n"] * 4
    assert not set(_box_supervisors(os.getpid())) - others


def test_closing_while_boxes_start_ahead_leaves_none_behind():
    others = set(_box_supervisors(os.getpid()))
    sandbox = LocalSandbox(LocalConfig(workers=2))
    sandbox.prestart()
    sandbox.close()  # at once: the starting boxes are waited for and ended
    assert not set(_box_supervisors(os.getpid())) - others
    assert not sandbox._boxes
    with pytest.raises(IsolationUnavailable):
        sandbox.run(sandbox.compile(Program("python", "print(1)")).executable)
