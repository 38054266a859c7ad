"""Shared fixtures: a sandbox per backend, isolation probes, host-untouched checks."""

from __future__ import annotations

import json
import os
from typing import Iterator

import pytest

from sandbox import Limits, Program, RunResult, Sandbox, Status
from sandbox.backends import open_sandbox
from sandbox.native import forkserver_library
from sandbox.pool import NATIVE_ZYGOTE_INPUTS
from sandbox.programs import CompileResult, InputLike

#: Every backend in this list runs the whole conformance suite. The docker backend needs a
#: running Docker engine and the sandbox image: CI provides both (.ci/run), so there a
#: backend that cannot start is a failure; elsewhere it is skipped with the reason.
BACKENDS_UNDER_TEST = ["local", "docker"]
#: Every implementation of the sandbox contract: the backends, the Ray executor (a local Ray
#: instance of two workers over the local backend) and the run store's recording sandbox
#: (over the local backend). The conformance suite runs against each one.
IMPLEMENTATIONS = [*BACKENDS_UNDER_TEST, "ray", "recording"]
#: What the tests' own Ray instance needs: no usage statistics, no token authentication.
RAY_SETTINGS = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}

#: Box uids are drawn from this range; no other process on the host uses it.
BOX_UID_MIN = 200_000


def open_implementation(name: str, tmp_dir: str) -> Sandbox:
    """The implementation of the sandbox contract called ``name`` (see ``IMPLEMENTATIONS``);
    the recording sandbox keeps its run database in ``tmp_dir``."""
    if name == "recording":
        from solver.store import RecordingSandbox, RunStore

        return RecordingSandbox(open_sandbox("local"), RunStore(tmp_dir))
    if name == "ray":
        from solver.executor import RayExecutor

        os.environ.update(RAY_SETTINGS)
        return RayExecutor("local", workers=2)
    return open_sandbox(name)


def opened(name: str, tmp_dir: str) -> Iterator[Sandbox]:
    """``open_implementation`` as a fixture body: skipped (elsewhere than CI) or failed with
    the reason when it cannot start here, closed afterwards."""
    try:
        sb = open_implementation(name, tmp_dir)
    except Exception as exc:  # noqa: BLE001 - reported as a failure below
        if name != "local" and not os.environ.get("CI"):
            pytest.skip(f"{name} unavailable here: {exc}")
        pytest.fail(f"{name} cannot start: {exc}")
    yield sb
    sb.close()


@pytest.fixture(scope="session", params=BACKENDS_UNDER_TEST)
def sandbox(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    yield from opened(request.param, str(tmp_path_factory.mktemp("runs")))


class Runner:
    """Compile-and-run helper bound to one sandbox.

    ``warm``: a Python program runs twice in one batch, forked from a warm interpreter of
    the box, and a C++ program ``NATIVE_ZYGOTE_INPUTS`` times, forked from a fork server
    (all runs must end alike; the last is returned); else one run, on ``cold`` when given
    (a sandbox with the warm paths off: an interpreter start, an exec) or on ``sandbox``."""

    def __init__(self, sandbox: Sandbox, warm: bool = False, cold: Sandbox | None = None) -> None:
        self.sandbox = sandbox
        self.warm = warm
        self.cold = cold
        self._cache: dict[tuple[str, str], CompileResult] = {}

    def compile(self, language: str, source: str, limits: Limits | None = None) -> CompileResult:
        key = (language, source)
        if key not in self._cache or limits is not None:
            compiled = self.sandbox.compile(Program(language, source), *((limits,) if limits else ()))
            if limits is not None:
                return compiled
            self._cache[key] = compiled
        return self._cache[key]

    def run(self, language: str, source: str, stdin: InputLike = b"", limits: Limits = Limits(time_s=1.0),
            ) -> RunResult:
        compiled = self.compile(language, source)
        assert compiled.ok and compiled.executable, compiled.run.stderr.decode(errors="replace")
        native = language == "cpp" and forkserver_library() is not None
        if not (self.warm and (language == "python" or native)):
            return (self.cold or self.sandbox).run(compiled.executable, stdin, limits)
        stats = self.sandbox.stats  # type: ignore[attr-defined]  # a box pool's (sandbox.pool.BoxSandbox)
        before = stats.warm_runs
        count = NATIVE_ZYGOTE_INPUTS if native else 2
        results = self.sandbox.run_batch(compiled.executable, [stdin] * count, limits)
        assert all(r is not None for r in results)
        assert stats.warm_runs - before == count, "the runs did not go warm"
        assert len({r.status for r in results if r is not None}) == 1, results
        last = results[-1]
        assert last is not None
        return last


@pytest.fixture(scope="session")
def cold_sandbox(sandbox: Sandbox) -> Iterator[Sandbox]:
    """The same backend as ``sandbox`` with the warm paths off: every Python run is a real
    interpreter start (a single run on ``sandbox`` is forked from its generic zygote), every
    compiled one an exec."""
    with open_sandbox(sandbox.name, warm_python=False, warm_native=False) as cold:  # type: ignore[attr-defined]  # a backend's
        yield cold


@pytest.fixture(scope="module")
def one_box(sandbox: Sandbox) -> Iterator[Sandbox]:
    """A one-box sandbox of the backend under test, warm paths on: every run of a batch meets
    the same zygote or fork server."""
    with open_sandbox(sandbox.name, workers=1) as sb:  # type: ignore[attr-defined]  # a backend's
        yield sb


@pytest.fixture(scope="session", params=["cold", "warm"])
def runner(sandbox: Sandbox, cold_sandbox: Sandbox, request: pytest.FixtureRequest) -> Runner:
    """Programs started cold, or forked from a warm interpreter (Python) or a fork server (C++)."""
    return Runner(sandbox, warm=request.param == "warm", cold=cold_sandbox)


def _processes() -> dict[int, tuple[int, int, bytes]]:
    """pid -> (ppid, effective uid, cmdline) of every process on the host."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
            table[int(entry)] = (int(fields["PPid"]), int(fields["Uid"].split()[1]), cmd)
        except (OSError, KeyError, ValueError):
            continue
    return table


def box_uids(owner: int | None = None) -> set[int]:
    """The uids of the boxes started by ``owner`` (default: this process) and its children."""
    owner = owner or os.getpid()
    table = _processes()
    uids = set()
    for pid, (ppid, _, cmd) in table.items():
        if b"_box.py" not in cmd:
            continue
        try:
            cfg = json.loads(cmd.split(b"\0")[-2])
        except (ValueError, IndexError):
            continue
        if cfg.get("owner") == owner:  # a container box: its parent is the container runtime
            uids.add(cfg["uid"])
            continue
        ancestor, seen = ppid, 0
        while ancestor not in (0, 1, owner) and ancestor in table and seen < 64:
            ancestor, seen = table[ancestor][0], seen + 1
        if ancestor == owner:
            try:
                uids.add(json.loads(cmd.split(b"\0")[-2])["uid"])
            except (ValueError, KeyError, IndexError):
                continue
    return uids


def box_processes(uids: set[int] | None = None) -> list[tuple[int, int, str]]:
    """Processes whose effective uid is one of ``uids`` (default: this process's boxes):
    programs left running. A box supervisor keeps effective uid 0 and is not counted.
    (Other sandboxes on the same machine have other uids and are not counted either.)"""
    uids = box_uids() if uids is None else uids
    return [(pid, euid, cmd.replace(b"\0", b" ").decode(errors="replace")[:80])
            for pid, (_, euid, cmd) in _processes().items() if euid in uids and euid >= BOX_UID_MIN]


_PROBE_PY = r"""
import os, sys, subprocess
what = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read().strip()
if what == "pid":
    procs = [p for p in os.listdir('/proc') if p.isdigit()]
    with open(f'/proc/{os.getppid()}/stat') as f:
        grandparent = int(f.read().rsplit(')', 1)[1].split()[1])
    print(1 if 1 in (os.getppid(), grandparent) else os.getppid(), len(procs))
elif what == "fs":
    seen = [p for p in ('/work', '/root', '/home', '/etc/shadow', '/var') if os.path.exists(p)]
    try:
        open('/probe-write', 'w'); seen.append('/ writable')
    except OSError:
        pass
    print('visible:', ' '.join(seen) or 'none')
elif what == "memory":
    blocks = []
    for i in range(64):
        blocks.append(bytearray(8 << 20))
    print('allocated', len(blocks) * 8, 'MB')
elif what == "pids":
    kids = []
    try:
        for i in range(24):
            kids.append(subprocess.Popen(['sleep', '5']))
    except OSError:
        pass
    print(len(kids))
"""


@pytest.fixture(scope="session")
def isolation(sandbox: Sandbox, cold_sandbox: Sandbox) -> dict[str, str]:
    """Harmless probes of the isolation layer, each run cold and warm; each maps to '' when
    it works, else why not."""
    problems: dict[str, str] = {}
    for runner in (Runner(sandbox, cold=cold_sandbox), Runner(sandbox, warm=True)):
        mode = "warm" if runner.warm else "cold"
        r = runner.run("python", _PROBE_PY, b"pid")
        # In its own pid namespace a program's parent is the box's init (pid 1), or the warm
        # interpreter it was forked from, whose parent is init; it sees only a handful of processes.
        if not (r.ok and r.stdout.split() and int(r.stdout.split()[0]) == 1 and int(r.stdout.split()[1]) < 10):
            problems[f"pid namespace ({mode})"] = f"pid probe printed {r.stdout!r} ({r.status.value})"
        r = runner.run("python", _PROBE_PY, b"fs")
        if r.stdout.strip() != b"visible: none":
            problems[f"file-system view ({mode})"] = f"fs probe printed {r.stdout!r} ({r.status.value})"
        r = runner.run("python", _PROBE_PY, b"memory", Limits(time_s=5, memory_mb=128))
        if r.status is not Status.MLE:
            problems[f"memory limit ({mode})"] = f"512 MB allocation under a 128 MB limit ended {r.status.value}"
        r = runner.run("python", _PROBE_PY, b"pids", Limits(time_s=5, processes=8))
        if not (r.ok and int(r.stdout or b"99") < 8):
            problems[f"process limit ({mode})"] = f"24 processes under a limit of 8: {r.stdout!r} ({r.status.value})"
        leftovers = box_processes()
        if leftovers:
            problems[f"clean-up ({mode})"] = f"processes left after the probes: {leftovers[:3]}"
    return problems


@pytest.fixture
def isolated(isolation: dict[str, str]) -> None:
    """Skip a dangerous test unless every isolation probe passed."""
    if isolation:
        pytest.skip("isolation probes failed, dangerous test not run: "
                    + "; ".join(f"{k}: {v}" for k, v in isolation.items()))


def _listing(path: str) -> set[str]:
    try:
        return set(os.listdir(path))
    except OSError:
        return set()


_HOSTILE_NAMES = ("fill", "big.bin", "mark-", "probe-write")


def _sandbox_made(path: str) -> bool:
    try:
        owner = os.lstat(path).st_uid
    except OSError:
        return False
    return owner >= BOX_UID_MIN or os.path.basename(path).startswith(_HOSTILE_NAMES)


@pytest.fixture
def host_untouched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Snapshots the host around a test: no new files in /tmp or /dev/shm, the caller's
    sentinel file intact, and no process left running as a box uid."""
    sentinel_dir = tmp_path_factory.mktemp("caller")
    sentinel = sentinel_dir / "secret.txt"
    sentinel.write_text("caller secret 8f3a\n")
    before = {p: _listing(p) for p in ("/tmp", "/dev/shm")}
    uids = box_uids()
    yield {"sentinel": str(sentinel)}
    assert sentinel.read_text() == "caller secret 8f3a\n"
    for path, names in before.items():
        # Other processes on a developer's machine may create files here too: count only
        # what a sandboxed program could have made (a box uid, or the hostile tests' names).
        new = [n for n in _listing(path) - names if _sandbox_made(os.path.join(path, n))]
        assert not new, f"the program left files in the host's {path}: {sorted(new)[:5]}"
    assert box_processes(uids | box_uids()) == [], "processes still running after the run"
