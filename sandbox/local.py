"""The ``local`` backend: isolated boxes on this machine, no daemon needed.

Each box is a long-lived supervisor (``_box.py``) living in its own mount, pid, net,
ipc and uts namespaces with a minimal read-only root. Isolation is set up once per box;
each run is one posix_spawn inside it (see ``_box.py``). A sandbox holds one box per core
and ``run_batch`` spreads a batch over them.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import logging
import os
import queue
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from . import _box
from .base import Sandbox
from .cgroups import BoxCgroup, create_box_cgroup, describe
from .errors import BoxCrashed, IsolationUnavailable
from .languages import get_language
from .limits import COMPILE_LIMITS, Limits
from .programs import CompileResult, Executable, InputLike, Program, RunInput, as_run_input, parse_python
from .results import RunResult, Status

log = logging.getLogger(__name__)

BOX_SCRIPT = os.path.abspath(_box.__file__)
ZYGOTE_SCRIPT = os.path.join(os.path.dirname(BOX_SCRIPT), "_zygote.py")
_ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives")
_TOP_DIRS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
#: Most inputs a box receives in one request (amortises the host/box round trip).
MAX_GROUP = 16


@dataclass(frozen=True)
class LocalConfig:
    """Settings of the local backend.

    ``python`` is the interpreter candidates run under (default ``/usr/bin/python3`` when
    present, else this interpreter's base installation); ``scratch_mb`` the size of each
    private tmpfs (work dir, ``/tmp``, ``/dev/shm``); ``extra_ro_binds`` more host paths
    to expose read-only (a toolchain outside ``/usr``); ``warm_python`` runs a Python
    program given several inputs as forks of a warm interpreter that has loaded it once
    (``_zygote.py``) instead of one interpreter start per input.
    """

    workers: int = 0
    python: str | None = None
    scratch_mb: int = 256
    extra_ro_binds: tuple[str, ...] = ()
    warm_python: bool = True

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


class RunStats:
    """Cumulative time per phase of every run (seconds), runs that went warm and zygotes
    started, for benchmarks and diagnostics."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.runs = 0
        self.warm_runs = 0
        self.zygote_starts = 0
        self.seconds: dict[str, float] = {}

    def add(self, transport: float, phases: dict[str, float], warm: bool = False,
            zygote_started: bool = False) -> None:
        with self._lock:
            self.runs += 1
            self.warm_runs += warm
            self.zygote_starts += zygote_started
            for name, value in (("transport", transport), *phases.items()):
                self.seconds[name] = self.seconds.get(name, 0.0) + value

    def per_run_ms(self) -> dict[str, float]:
        with self._lock:
            return {k: 1000 * v / max(self.runs, 1) for k, v in self.seconds.items()}

    def reset(self) -> None:
        with self._lock:
            self.runs = 0
            self.warm_runs = 0
            self.zygote_starts = 0
            self.seconds.clear()


class _Box:
    """Host-side handle on one box process."""

    def __init__(self, cfg: dict, cgroup: BoxCgroup | None) -> None:
        self.cgroup = cgroup
        host_end, box_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        cfg = dict(cfg, sock_fd=box_end.fileno(), cgroup=cgroup.spec if cgroup else None)
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", BOX_SCRIPT, json.dumps(cfg)],
            pass_fds=[box_end.fileno()], stdin=subprocess.DEVNULL, start_new_session=True,
            env={"PATH": "/usr/bin:/bin"})
        box_end.close()
        self.sock = host_end
        self.reader = _box.Reader(host_end)
        self.await_ready(30, lambda: f"exit code {self.proc.wait()}")

    def await_ready(self, timeout: float, gone: Callable[[], str]) -> None:
        """Wait for the supervisor's ready message; ``gone()`` says why it closed instead."""
        self.sock.settimeout(timeout)
        try:
            msg = self.reader.recv_msg()
        except OSError as exc:
            self.kill()
            raise IsolationUnavailable(f"the box did not start: {exc}") from exc
        if msg is None or not msg[0].get("ready"):
            error = msg[0].get("error") if msg else gone()
            self.kill()
            raise IsolationUnavailable(f"could not set up the isolation box: {error}")
        self.sock.settimeout(None)

    def describe(self) -> str:
        """The box in error messages."""
        return f"box pid {self.proc.pid} (exit {self.proc.poll()})"

    def call(self, header: dict, payloads: list[bytes]) -> tuple[dict, list[bytes]]:
        try:
            _box.send_msg(self.sock, header, payloads)
        except OSError as exc:
            raise BoxCrashed(f"{self.describe()}: {exc}") from exc
        return self.receive()

    def receive(self) -> tuple[dict, list[bytes]]:
        try:
            msg = self.reader.recv_msg()
        except OSError as exc:
            raise BoxCrashed(f"{self.describe()}: {exc}") from exc
        if msg is None:
            raise BoxCrashed(f"{self.describe()} closed its connection")
        return msg

    def put(self, exe: Executable) -> None:
        header = {"op": "put", "digest": exe.digest, "names": [n for n, _ in exe.files]}
        reply, _ = self.call(header, [d for _, d in exe.files])
        if not reply.get("ok"):
            raise BoxCrashed(f"box refused the executable: {reply.get('error')}")

    def close(self) -> None:
        try:
            self.sock.settimeout(2)
            _box.send_msg(self.sock, {"op": "quit"})
            self.reader.recv_msg()
        except OSError:
            pass
        self.kill()

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


def _limits_json(limits: Limits) -> dict:
    return {"time_s": limits.time_s, "wall_s": limits.wall_limit_s, "memory_mb": limits.memory_mb,
            "output_mb": limits.output_mb, "processes": limits.processes,
            "open_files": limits.open_files, "stderr_kb": limits.stderr_kb}


class LocalSandbox(Sandbox):
    """Runs programs in isolated boxes on this machine (needs root)."""

    name = "local"
    #: Seconds past a run's wall limit after which a silent box counts as hung.
    reply_grace_s = 30.0

    def __init__(self, config: LocalConfig | None = None, check_root: bool = True) -> None:
        self.config = config or LocalConfig()
        if check_root and os.geteuid() != 0:
            raise IsolationUnavailable(
                "the local backend needs root to create its namespaces and cgroups "
                "(run as root, or use --backend docker)")
        self.python = self.config.python or default_python()
        self._box_cfg = self._make_box_config()
        self._boxes: list[_Box] = []
        self._idle: queue.Queue[_Box] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._starting = 0
        self.stats = RunStats()
        self._warm_cache: dict[str, dict] = {}
        self._finalizer = weakref.finalize(self, LocalSandbox._close_boxes, self._boxes)

    # ------------------------------------------------------------------ set-up
    def _make_box_config(self) -> dict:
        symlinks: dict[str, str] = {}
        binds: list[str] = ["/usr"]
        for path in _TOP_DIRS:
            if os.path.islink(path):
                symlinks[path] = os.readlink(path)
            elif os.path.isdir(path):
                binds.append(path)
        binds += [p for p in _ETC_FILES if os.path.exists(p)]
        prefix = _python_prefix(self.python)
        if prefix:
            binds.append(prefix)
        binds += [p for p in self.config.extra_ro_binds if os.path.exists(p)]
        return {"symlinks": symlinks, "ro_binds": binds, "scratch_mb": self.config.scratch_mb,
                "zygote": ZYGOTE_SCRIPT if self.config.warm_python else None}

    def _start_box(self) -> _Box:
        uid = random.SystemRandom().randrange(200_000, 2_000_000_000)
        cfg = dict(self._box_cfg, uid=uid, gid=uid)
        cgroup = create_box_cgroup()
        try:
            return _Box(cfg, cgroup)
        except BaseException:
            if cgroup is not None:
                cgroup.remove()
            raise

    def _acquire(self) -> _Box:
        """An idle box, starting one while fewer than ``workers`` exist."""
        while True:
            with self._lock:
                if self._closed:
                    raise IsolationUnavailable("the sandbox is closed")
                try:
                    return self._idle.get_nowait()
                except queue.Empty:
                    pass
                start = self._starting + len(self._boxes) < self.config.worker_count
                if start:
                    self._starting += 1
            if start:
                try:
                    box = self._start_box()
                finally:
                    with self._lock:
                        self._starting -= 1
                with self._lock:
                    self._boxes.append(box)
                return box
            try:
                return self._idle.get(timeout=0.2)  # re-check: a broken box frees a slot
            except queue.Empty:
                continue

    def _release(self, box: _Box, broken: bool = False) -> None:
        if broken:
            with self._lock:
                if box in self._boxes:
                    self._boxes.remove(box)
            box.kill()
            return
        self._idle.put(box)

    def isolation(self) -> dict:
        """What this backend enforces on this machine (starts a box to find out)."""
        box = self._acquire()
        try:
            return {"backend": self.name, "namespaces": ["mount", "pid", "net", "ipc", "uts"],
                    "uid": "unprivileged per-box uid, no capabilities, no_new_privs",
                    "cgroup": describe(box.cgroup), "python": self.python}
        finally:
            self._release(box)

    # ------------------------------------------------------------------ runs
    def _execute(self, box: _Box, exe: Executable | None, argv: Sequence[str], inp: RunInput,
                 limits: Limits) -> RunResult:
        """One run on one box (compilations; single runs)."""
        names = list(inp.files)
        header = {"op": "run", "digest": exe.digest if exe else None, "argv": self._argv(argv) + list(inp.args),
                  "limits": _limits_json(limits), "files": names, "dirs": list(inp.dirs),
                  "collect": list(inp.collect)}
        payloads = [inp.stdin] + [bytes(inp.files[n]) for n in names]
        box.sock.settimeout(limits.wall_limit_s + self.reply_grace_s)
        t0 = time.perf_counter()
        reply, out = box.call(header, payloads)
        if "missing" in reply and exe is not None:
            box.put(exe)
            t0 = time.perf_counter()
            reply, out = box.call(header, payloads)
        return self._result(reply, out, time.perf_counter() - t0)

    def _execute_many(self, box: _Box, exe: Executable, items: Sequence[RunInput],
                      limits: Limits) -> Iterator[RunResult]:
        """Several runs on one box in one request; results are yielded as each run ends."""
        header = {"op": "runs", "digest": exe.digest, "argv": self._argv(exe.argv), "limits": _limits_json(limits),
                  "items": [{"args": list(i.args), "files": list(i.files), "dirs": list(i.dirs),
                             "collect": list(i.collect)} for i in items]}
        warm = self._warm(exe)
        if warm is not None:
            header["warm"] = warm
        payloads = [p for i in items for p in [i.stdin, *(bytes(i.files[n]) for n in i.files)]]
        # A box answers every run within its wall limit; one that does not is hung (a frozen
        # container, a stuck supervisor): the timeout makes it a crashed box, replaced.
        box.sock.settimeout(limits.wall_limit_s + self.reply_grace_s)
        t0 = time.perf_counter()
        reply, out = box.call(header, payloads)
        if "missing" in reply:
            box.put(exe)
            t0 = time.perf_counter()
            reply, out = box.call(header, payloads)
        for k in range(len(items)):
            if k:
                t0 = time.perf_counter()
                reply, out = box.receive()
            yield self._result(reply, out, time.perf_counter() - t0)

    def _warm(self, exe: Executable) -> dict | None:
        """What the box needs to run ``exe`` warm, or None when it must start cold."""
        if not self.config.warm_python or tuple(exe.argv[:3]) != _WARM_ARGV:
            return None
        with self._lock:
            warm = self._warm_cache.get(exe.digest)
        if warm is None:
            warm = {"preload": preload_modules(exe)}
            with self._lock:
                if len(self._warm_cache) >= 256:
                    self._warm_cache.pop(next(iter(self._warm_cache)))
                self._warm_cache[exe.digest] = warm
        return warm

    def _argv(self, argv: Sequence[str]) -> list[str]:
        return [self.python if a == "python3" else a for a in argv]

    def _result(self, reply: dict, out: list[bytes], elapsed: float) -> RunResult:
        if "error" in reply:
            return RunResult(Status.SE, reason=f"sandbox: {reply['error']}")
        phases = reply.get("phases", {})
        self.stats.add(elapsed - sum(phases.values()), phases, reply.get("warm", False),
                       reply.get("zygote_started", False))
        return RunResult(
            status=Status(reply["status"]), exit_code=reply["exit_code"], signal=reply["signal"],
            cpu_s=reply["cpu_s"], wall_s=reply["wall_s"], peak_memory_mb=reply["peak_memory_mb"],
            stdout=out[0], stderr=out[1], files=dict(zip(reply["collected"], out[2:])),
            reason=reply.get("reason", ""))

    def _on_box(self, fn: Callable[[_Box], RunResult]) -> RunResult:
        box = self._acquire()
        try:
            result = fn(box)
        except BoxCrashed as exc:
            self._release(box, broken=True)
            return RunResult(Status.SE, reason=str(exc))
        except BaseException:
            self._release(box, broken=True)
            raise
        self._release(box)
        return result

    def compile(self, program: Program, limits: Limits = COMPILE_LIMITS) -> CompileResult:
        lang = get_language(program.language)
        files = {lang.source_name: program.source_bytes, **dict(program.extra_files)}
        if not lang.compile_argv:  # nothing to build: the sources are the executable
            errors = lang.syntax_check(files) if lang.syntax_check else ""
            if errors:
                return CompileResult(None, RunResult(Status.CE, 1, stderr=errors.encode(),
                                                     reason="compilation failed (syntax error)"))
            kept = {n: data for n, data in files.items() if any(_glob_match(n, p) for p in lang.artefacts)}
            return CompileResult(Executable(lang.name, tuple(sorted(kept.items())), lang.run_argv + program.args),
                                 RunResult(Status.OK, 0))
        inp = RunInput(files=files, collect=lang.artefacts)
        run = self._on_box(lambda box: self._execute(box, None, lang.compile_argv, inp, limits))
        if run.status is Status.OK and all(any(_glob_match(n, pat) for n in run.files)
                                           for pat in lang.artefacts):
            exe = Executable(lang.name, tuple(sorted(run.files.items())), lang.run_argv + program.args)
            return CompileResult(exe, run)
        if run.status is Status.SE:
            return CompileResult(None, run)
        reason = f"compilation failed ({run.status.value}{': ' + run.reason if run.reason else ''})"
        return CompileResult(None, RunResult(Status.CE, run.exit_code, run.signal, run.cpu_s, run.wall_s,
                                             run.peak_memory_mb, run.stdout, run.stderr, reason=reason))

    def run(self, executable: Executable, input: InputLike = b"", limits: Limits = Limits()) -> RunResult:
        inp = as_run_input(input)
        return self._on_box(lambda box: self._execute(box, executable, executable.argv, inp, limits))

    def run_batch(self, executable: Executable, inputs: Sequence[InputLike], limits: Limits = Limits(),
                  stop: Callable[[int, RunResult], bool] | None = None) -> list[RunResult | None]:
        """Run ``executable`` on every input, using every box. Results are in input order.

        Each box receives inputs in small groups (one request, one reply per run), fewer
        when the batch is small (but two at least for a Python program that can run warm).
        When ``stop(index, result)`` returns True no further group is started: inputs never
        started get ``None``, and every input before a started one was started.
        """
        items = [as_run_input(x) for x in inputs]
        results: list[RunResult | None] = [None] * len(items)
        n_workers = min(self.config.worker_count, len(items))
        group = max(1, min(MAX_GROUP, len(items) // (4 * max(n_workers, 1))))
        if self._warm(executable) is not None:
            group = max(group, 2)  # a box forks a warm interpreter for a request of two or more
        next_index = [0]
        stopped = threading.Event()
        lock = threading.Lock()
        errors: list[BaseException] = []

        def worker() -> None:
            box: _Box | None = None
            try:
                while not stopped.is_set():
                    with lock:
                        start = next_index[0]
                        if start >= len(items):
                            return
                        end = min(start + group, len(items))
                        next_index[0] = end
                    if box is None:
                        box = self._acquire()
                    i = start
                    try:
                        for i, result in enumerate(self._execute_many(box, executable, items[start:end], limits),
                                                   start):
                            results[i] = result
                            if stop is not None and stop(i, result):
                                stopped.set()
                    except BoxCrashed as exc:
                        self._release(box, broken=True)
                        box = None
                        for j in range(start, end):
                            if results[j] is None:
                                results[j] = RunResult(Status.SE, reason=str(exc))
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
                errors.append(exc)
                stopped.set()
                if box is not None:
                    self._release(box, broken=True)
                    box = None
            finally:
                if box is not None:
                    self._release(box)

        if n_workers <= 1:
            worker()
        else:
            threads = [threading.Thread(target=worker, daemon=True) for _ in range(n_workers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        if errors:
            raise errors[0]
        return results

    # ------------------------------------------------------------------ life cycle
    @staticmethod
    def _close_boxes(boxes: list[_Box]) -> None:
        for box in list(boxes):
            if box is not None:
                box.close()
        boxes.clear()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._finalizer()



#: The run command of a Python executable (the language table's), which the warm path replaces.
_WARM_ARGV = tuple(get_language("python").run_argv)
#: Standard modules never imported ahead of the program: importing them does something
#: visible (prints, opens a browser or a terminal) or starts processes of their own.
_NO_PRELOAD = frozenset({
    "__hello__", "__phello__", "antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "ensurepip",
    "venv", "pydoc", "pdb", "code", "readline", "rlcompleter", "curses", "webbrowser", "multiprocessing",
    "concurrent", "test", "lib2to3", "__main__"})


def preload_modules(exe: Executable) -> list[str]:
    """The standard modules ``exe``'s script imports (anywhere in it), in order, for a warm
    interpreter to import once. A module the executable ships itself is never included."""
    files = dict(exe.files)
    own = {name.split("/")[0].removesuffix(".py") for name in files}
    try:
        tree = parse_python(files.get("prog.py", b""))
    except (SyntaxError, ValueError):
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found = [node.module]
        else:
            continue
        for name in found:
            top = name.split(".")[0]
            if top in sys.stdlib_module_names and top not in _NO_PRELOAD and top not in own and name not in names:
                names.append(name)
    return names[:64]


def _glob_match(name: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(name, pattern)


__all__ = ["LocalConfig", "LocalSandbox", "default_python", "preload_modules"]
