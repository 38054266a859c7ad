"""The ``local`` backend: isolated boxes on this machine, no daemon needed.

Each box is a long-lived supervisor (``_box.py``) living in its own mount, pid, net,
ipc and uts namespaces with a minimal read-only root. Isolation is set up once per box;
each run is one posix_spawn inside it (see ``_box.py``). The pool of boxes (one per core)
and the runs on them are :class:`~sandbox.pool.BoxSandbox`'s; this module says how a box
process is started and what it isolates.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass

from . import _box
from .cgroups import BoxCgroup, create_box_cgroup, describe
from .errors import IsolationUnavailable
from .native import forkserver_library
from .pool import BOX_SCRIPT, ZYGOTE_SCRIPT, Box, BoxSandbox, preload_modules

log = logging.getLogger(__name__)

_ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives")
_TOP_DIRS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class LocalConfig:
    """Settings of the local backend.

    ``python`` is the interpreter candidates run under (default ``/usr/bin/python3`` when
    present, else this interpreter's base installation); ``scratch_mb`` the size of each
    private tmpfs (work dir, ``/tmp``, ``/dev/shm``); ``extra_ro_binds`` more host paths
    to expose read-only (a toolchain outside ``/usr``); ``warm_python`` runs a Python
    program given several inputs as forks of a warm interpreter that has loaded it once
    (``_zygote.py``) instead of one interpreter start per input; ``warm_native`` runs a
    compiled program given several inputs as forks of one loaded copy of itself
    (:mod:`sandbox.native`) instead of an exec per input.
    """

    workers: int = 0
    python: str | None = None
    scratch_mb: int = 256
    extra_ro_binds: tuple[str, ...] = ()
    warm_python: bool = True
    warm_native: bool = True

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def default_python() -> str:
    if os.path.exists("/usr/bin/python3"):
        return "/usr/bin/python3"
    return os.path.realpath(sys.executable)


def _python_prefix(python: str) -> str | None:
    """The directory to expose for an interpreter outside /usr (e.g. a pyenv build)."""
    real = os.path.realpath(python)
    if real.startswith("/usr/") or real.startswith("/bin/"):
        return None
    # <prefix>/bin/python3.X -> <prefix>
    return os.path.dirname(os.path.dirname(real))


#: How a box process starts: ``_box.py`` loaded as a module (not run as a script), so that its
#: compiled bytecode is cached beside it and not compiled again at every box start.
#: (Through the loader itself: ``importlib.util`` would import ``contextlib`` and more first.)
_LAUNCH = ("import sys; from importlib.machinery import SourceFileLoader; path = sys.argv[1]; "
           "sys.argv = sys.argv[1:]; box = type(sys)('_box'); box.__file__ = path; sys.modules['_box'] = box; "
           "SourceFileLoader('_box', path).exec_module(box); box.main()")


class ProcessBox(Box):
    """A box that is a supervisor process of this machine, in namespaces of its own."""

    def __init__(self, cfg: dict, cgroup: BoxCgroup | None) -> None:
        self.cgroup = cgroup
        host_end, box_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        cfg = dict(cfg, sock_fd=box_end.fileno(), cgroup=cgroup.spec if cgroup else None,
                   admission=cgroup is not None)
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _LAUNCH, BOX_SCRIPT, json.dumps(cfg)],
            pass_fds=[box_end.fileno()], stdin=subprocess.DEVNULL, start_new_session=True,
            env={"PATH": "/usr/bin:/bin"})
        box_end.close()
        self.sock = host_end
        self.reader = _box.Reader(host_end)
        if cgroup is not None:  # while the box's interpreter starts (see BoxCgroup.admit)
            try:
                _box.send_msg(host_end, {"admitted": cgroup.admit(self.proc.pid)})
            except OSError:  # the box is gone already: await_ready says why
                pass
        self.await_ready(30, lambda: f"exit code {self.proc.wait()}")

    def describe(self) -> str:
        return f"box pid {self.proc.pid} (exit {self.proc.poll()})"

    def kill(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        if self.cgroup is not None:
            self.cgroup.remove()




class LocalSandbox(BoxSandbox):
    """Runs programs in isolated boxes on this machine (needs root)."""

    name = "local"

    def __init__(self, config: LocalConfig | None = None, check_root: bool = True) -> None:
        self.config = config or LocalConfig()
        if check_root and os.geteuid() != 0:
            raise IsolationUnavailable(
                "the local backend needs root to create its namespaces and cgroups "
                "(run as root, or use --backend docker)")
        python = self.config.python or default_python()
        super().__init__(self.config.worker_count, python, self.config.warm_python, self._make_box_config(python))

    def _make_box_config(self, python: str) -> dict:
        symlinks: dict[str, str] = {}
        binds: list[str] = ["/usr"]
        for path in _TOP_DIRS:
            if os.path.islink(path):
                symlinks[path] = os.readlink(path)
            elif os.path.isdir(path):
                binds.append(path)
        binds += [p for p in _ETC_FILES if os.path.exists(p)]
        prefix = _python_prefix(python)
        if prefix:
            binds.append(prefix)
        binds += [p for p in self.config.extra_ro_binds if os.path.exists(p)]
        return {"symlinks": symlinks, "ro_binds": binds, "scratch_mb": self.config.scratch_mb,
                "zygote": ZYGOTE_SCRIPT if self.config.warm_python else None,
                "forkserver": forkserver_library() if self.config.warm_native else None}

    def _open_box(self, cfg: dict) -> ProcessBox:
        cgroup = create_box_cgroup()
        try:
            return ProcessBox(cfg, cgroup)
        except BaseException:
            if cgroup is not None:
                cgroup.remove()
            raise

    def _isolation(self, box: Box) -> dict:
        return {"namespaces": ["mount", "pid", "net", "ipc", "uts"],
                "uid": "unprivileged per-box uid, no capabilities, no_new_privs",
                "cgroup": describe(box.cgroup), "seccomp": box.seccomp, "python": self.python}


__all__ = ["LocalConfig", "LocalSandbox", "ProcessBox", "default_python", "preload_modules"]
