"""Per-box control groups for memory, process-count and CPU accounting.

Both cgroup v2 (one unified hierarchy, what most users' machines run) and cgroup v1
(controllers mounted separately) are supported. When neither is writable the local
backend falls back to rlimits and says so (see :func:`describe`).
"""

from __future__ import annotations

import errno
import itertools
import logging
import os
import signal
import time
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

CGROUP_ROOT = "/sys/fs/cgroup"
#: The files a box uses, by the key the supervisor knows them under: per controller (v1) ...
V1_FILES = {
    "memory": {"memory_limit": "memory.limit_in_bytes", "memsw_limit": "memory.memsw.limit_in_bytes",
               "memory_peak": "memory.max_usage_in_bytes", "memory_usage": "memory.usage_in_bytes",
               "memory_stat": "memory.stat", "oom": "memory.oom_control"},
    "pids": {"pids_max": "pids.max"},
    "cpuacct": {"cpu_usage": "cpuacct.usage"},
}
#: ... and in the unified hierarchy (v2).
V2_FILES = {"memory_limit": "memory.max", "memsw_limit": "memory.swap.max", "memory_peak": "memory.peak",
            "memory_usage": "memory.current", "memory_stat": "memory.stat", "oom": "memory.events",
            "pids_max": "pids.max",
            "cpu_usage": "cpu.stat"}
_counter = itertools.count()


@dataclass
class BoxCgroup:
    """A leaf cgroup (one per box). ``spec`` is what the box opens before pivoting."""

    version: int
    dirs: list[str]
    spec: dict = field(default_factory=dict)

    @property
    def enforced(self) -> list[str]:
        keys = {"memory_limit": "memory", "pids_max": "processes", "cpu_usage": "cpu accounting",
                "memory_peak": "peak memory"}
        return [name for key, name in keys.items() if key in self.spec]

    def admit(self, pid: int) -> list[bool]:
        """Move process ``pid`` (a box that is starting) into this cgroup, hierarchy by
        hierarchy; per entry of ``spec["procs"]``, whether it was moved. A cgroup v1 migration
        waits for an RCU grace period per hierarchy (5-10 ms each here): done by the host while
        the box's interpreter starts, it is off the box's start-up path."""
        moved = []
        for path in self.spec.get("procs", []):
            try:
                with open(path, "w") as f:
                    f.write(str(pid))
                moved.append(True)
            except OSError as exc:
                log.debug("could not move pid %d into %s: %s", pid, path, exc)
                moved.append(False)
        return moved

    def remove(self) -> None:
        for path in self.dirs:
            try:
                os.rmdir(path)
            except OSError as exc:
                log.debug("could not remove cgroup %s: %s", path, exc)


def _own_paths() -> dict[str, str]:
    """Controller name (or '' for the unified hierarchy) -> this process's cgroup path."""
    paths: dict[str, str] = {}
    try:
        with open("/proc/self/cgroup") as f:
            for line in f:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                for ctrl in controllers.split(","):
                    paths[ctrl] = path
    except OSError:
        pass
    return paths


def _sweep_stale(parent: str) -> None:
    """Remove leaves left by processes that died without cleaning up (kill -9)."""
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        parts = name.split("-")
        if len(parts) == 3 and parts[0] == "box" and parts[1].isdigit() and not _alive(int(parts[1])):
            _remove_orphan(os.path.join(parent, name))


def _remove_orphan(leaf: str, patience_s: float = 2.0) -> None:
    """Remove the leaf of a dead owner. Its box may still be dying (the supervisor is
    killed with its owner but takes its pid namespace down first): kill what is left
    in it and wait, a little, for the leaf to empty."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            os.rmdir(leaf)
            return
        except FileNotFoundError:
            return
        except OSError as exc:
            if exc.errno != errno.EBUSY or time.monotonic() > deadline:
                log.debug("could not remove stale cgroup %s: %s", leaf, exc)
                return
        try:
            with open(os.path.join(leaf, "cgroup.procs")) as f:
                pids = [int(line) for line in f if line.strip()]
        except OSError:
            pids = []
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.02)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mkdir_leaf(candidates: list[str], name: str) -> str | None:
    for base in candidates:
        _sweep_stale(os.path.join(base, "codesolve"))
        leaf = os.path.join(base, "codesolve", name)
        try:
            os.makedirs(leaf, exist_ok=True)
            return leaf
        except OSError:
            continue
    return None


def _v1(name: str) -> BoxCgroup | None:
    own = _own_paths()
    spec: dict = {"version": 1, "procs": [], "procs_of": []}
    dirs: list[str] = []
    for ctrl, files in V1_FILES.items():
        mnt = os.path.join(CGROUP_ROOT, ctrl)
        if not os.path.isfile(os.path.join(mnt, "cgroup.procs")):
            continue
        candidates = [mnt + own.get(ctrl, "/"), mnt]
        leaf = _mkdir_leaf(candidates, name)
        if leaf is None:
            continue
        dirs.append(leaf)
        spec["procs"].append(os.path.join(leaf, "cgroup.procs"))
        spec["procs_of"].append(ctrl)
        for key, fname in files.items():
            if os.path.exists(os.path.join(leaf, fname)):
                spec[key] = os.path.join(leaf, fname)
    if not dirs:
        return None
    return BoxCgroup(version=1, dirs=dirs, spec=spec)


def _v2(name: str) -> BoxCgroup | None:
    root = CGROUP_ROOT
    try:
        with open(os.path.join(root, "cgroup.controllers")) as f:
            available = set(f.read().split())
    except OSError:
        return None
    want = [c for c in ("memory", "pids", "cpu") if c in available]
    if not want:
        return None
    enable = " ".join("+" + c for c in want)
    base = os.path.join(root, "codesolve")
    try:
        with open(os.path.join(root, "cgroup.subtree_control"), "w") as f:
            f.write(enable)
        os.makedirs(base, exist_ok=True)
        _sweep_stale(base)
        with open(os.path.join(base, "cgroup.subtree_control"), "w") as f:
            f.write(enable)
        leaf = os.path.join(base, name)
        os.makedirs(leaf, exist_ok=True)
    except OSError as exc:
        log.debug("cgroup v2 not writable: %s", exc)
        return None
    spec: dict = {"version": 2, "procs": [os.path.join(leaf, "cgroup.procs")], "procs_of": ["unified"]}
    for key, fname in V2_FILES.items():
        if os.path.exists(os.path.join(leaf, fname)):
            spec[key] = os.path.join(leaf, fname)
    return BoxCgroup(version=2, dirs=[leaf], spec=spec)


def create_box_cgroup() -> BoxCgroup | None:
    """Create a leaf cgroup for one box, or None when no hierarchy is writable."""
    name = f"box-{os.getpid()}-{next(_counter)}"
    unified_only = os.path.isfile(os.path.join(CGROUP_ROOT, "cgroup.controllers"))
    if unified_only:
        return _v2(name)
    return _v1(name)


def describe(cgroup: BoxCgroup | None) -> str:
    """One line saying which limits are enforced by what."""
    if cgroup is None:
        return ("no writable cgroup hierarchy: memory is enforced by RLIMIT_AS (address space), "
                "processes by RLIMIT_NPROC (per box uid), CPU by polling /proc; peak memory is the "
                "main process's max RSS")
    missing = {"memory", "processes", "cpu accounting", "peak memory"} - set(cgroup.enforced)
    text = f"cgroup v{cgroup.version}: " + ", ".join(cgroup.enforced)
    if missing:
        text += "; without cgroup support for: " + ", ".join(sorted(missing)) + " (rlimit fallback)"
    return text
