"""The box pool both isolated backends (``local``, ``docker``) are built on.

A box is a long-lived supervisor (``_box.py``) that runs programs on request over a UNIX
socket; isolation is set up once per box and each run is one posix_spawn (or fork of a warm
interpreter) inside it. :class:`BoxSandbox` holds up to one box per worker, started on
demand, and implements the sandbox contract on them: ``compile``, ``run_batch`` (a batch
spread over the boxes in small groups), the warm-Python path, statistics and clean-up. A
backend supplies only how a box is started (a :class:`Box` subclass and ``_open_box``) and
what its isolation is (``_isolation``).
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import math
import os
import queue
import random
import signal
import sys
import threading
import time
import weakref
from abc import abstractmethod
from typing import Any, Callable, Iterator, Sequence

from . import _box
from ._zygote import GENERIC_PRELOAD
from .base import InteractionStopRule, Sandbox, StopRule
from .cgroups import BoxCgroup
from .errors import BoxCrashed, IsolationUnavailable
from .languages import get_language
from .limits import COMPILE_LIMITS, Limits
from .native import warm_native_ok
from .programs import CompileResult, Executable, InputLike, Program, RunInput, as_run_input, parse_python
from .results import Interaction, RunResult, Status

#: The box supervisor and the warm interpreter, run (local) or mounted (docker) from this package.
BOX_SCRIPT = os.path.abspath(_box.__file__)
ZYGOTE_SCRIPT = os.path.join(os.path.dirname(BOX_SCRIPT), "_zygote.py")
#: Most inputs a box receives in one request (amortises the host/box round trip).
MAX_GROUP = 16
#: Digests of the executables last sent to a box that the host remembers (the box keeps 64).
SENT_KEPT = 64


class RunStats:
    """Cumulative time per phase of every run (seconds), runs that went warm (of them, those
    forked from a box's generic zygote) and zygotes started, for benchmarks and diagnostics."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.runs = 0
        self.warm_runs = 0
        self.generic_runs = 0
        self.zygote_starts = 0
        self.seconds: dict[str, float] = {}

    def add(self, transport: float, phases: dict[str, float], warm: bool = False,
            zygote_started: bool = False, generic: bool = False) -> None:
        with self._lock:
            self.runs += 1
            self.warm_runs += warm
            self.generic_runs += generic
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
            self.generic_runs = 0
            self.zygote_starts = 0
            self.seconds.clear()


class Box:
    """Host-side handle on one box: the request/reply protocol over its socket. A subclass
    starts the box (a process in namespaces, a container), connects ``sock`` and
    ``reader`` and calls :meth:`await_ready`; it says how the box is described and killed."""

    sock: Any
    reader: _box.Reader
    cgroup: BoxCgroup | None = None
    #: The executables last sent to the box (it may have dropped some since: it answers
    #: ``missing`` for those).
    sent: list[str]
    #: The box's syscall filter as its supervisor reported it when ready (``active: ...`` or
    #: ``absent: why``; see ``_box.load_syscall_filter``).
    seccomp: str = "absent: the box did not report it"

    def await_ready(self, timeout: float, gone: Callable[[], str]) -> None:
        """Wait for the supervisor's ready message; ``gone()`` says why it closed instead."""
        self.sent = []
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
        self.seccomp = str(msg[0].get("seccomp", self.seccomp))
        self.sock.settimeout(None)

    @abstractmethod
    def describe(self) -> str:
        """The box in error messages."""

    def call(self, header: dict, payloads: list[bytes]) -> tuple[dict, list[bytes]]:
        self.send(header, payloads)
        return self.receive()

    def send(self, header: dict, payloads: list[bytes], fds: tuple[int, ...] = ()) -> None:
        try:
            _box.send_msg(self.sock, header, payloads, fds)
        except OSError as exc:
            raise BoxCrashed(f"{self.describe()}: {exc}") from exc

    def receive(self) -> tuple[dict, list[bytes]]:
        try:
            msg = self.reader.recv_msg()
        except OSError as exc:
            raise BoxCrashed(f"{self.describe()}: {exc}") from exc
        if msg is None:
            raise BoxCrashed(f"{self.describe()} closed its connection")
        return msg

    def request(self, exe: Executable | None, header: dict, payloads: list[bytes]) -> tuple[dict, list[bytes], float]:
        """Send a request that runs ``exe`` and read its first reply; with the time the answered
        request was sent. An executable not sent to this box yet goes ahead of the request (one
        round trip, not a ``missing`` reply and another); one the box has dropped since is sent
        when it answers ``missing``."""
        ahead = exe if exe is not None and exe.digest not in self.sent else None
        if ahead is not None:
            self.send_put(ahead)
        t0 = time.perf_counter()
        self.send(header, payloads)
        if ahead is not None:
            self.put_done(ahead)
        reply, out = self.receive()
        if "missing" in reply and exe is not None:
            self.put(exe)
            t0 = time.perf_counter()
            reply, out = self.call(header, payloads)
        return reply, out, t0

    def ensure(self, exe: Executable) -> None:
        """``exe`` stored in the box (sent when the box does not hold it)."""
        reply, _ = self.call({"op": "has", "digest": exe.digest}, [])
        if not reply.get("has"):
            self.put(exe)

    def put(self, exe: Executable) -> None:
        self.send_put(exe)
        self.put_done(exe)

    def send_put(self, exe: Executable) -> None:
        """Send ``exe`` to the box; its reply is read by :meth:`put_done` (other requests may
        be sent in between: the box answers in order)."""
        self.send({"op": "put", "digest": exe.digest, "names": [n for n, _ in exe.files]}, [d for _, d in exe.files])

    def put_done(self, exe: Executable) -> None:
        reply, _ = self.receive()
        if not reply.get("ok"):
            raise BoxCrashed(f"box refused the executable: {reply.get('error')}")
        self.sent.append(exe.digest)
        del self.sent[:-SENT_KEPT]

    def close(self) -> None:
        try:
            self.sock.settimeout(2)
            _box.send_msg(self.sock, {"op": "quit"})
            self.reader.recv_msg()
        except OSError:
            pass
        self.kill()

    @abstractmethod
    def kill(self) -> None:
        """End the box at once and release what it holds (its process or container, cgroup, socket)."""


def _limits_json(limits: Limits) -> dict:
    return {"time_s": limits.time_s, "wall_s": limits.wall_limit_s, "memory_mb": limits.memory_mb,
            "output_mb": limits.output_mb, "processes": limits.processes,
            "open_files": limits.open_files, "stderr_kb": limits.stderr_kb}


class BoxSandbox(Sandbox):
    """The sandbox contract on a pool of boxes: up to ``workers`` boxes, started on demand,
    that run programs with ``python`` as the interpreter of Python programs (``warm_python``:
    a Python program given many inputs runs as forks of a warm interpreter that loaded it,
    any other Python run as a fork of a box's generic warm interpreter). With ``box_cfg``
    naming a fork server library (``forkserver``, :mod:`sandbox.native`), a compiled
    program given many inputs runs as forks of one loaded copy of itself. ``box_cfg`` is
    the supervisor's configuration, to which each box adds its own uid."""

    name = "boxes"
    #: Seconds past a run's wall limit after which a silent box counts as hung.
    reply_grace_s = 30.0

    def __init__(self, workers: int, python: str, warm_python: bool, box_cfg: dict) -> None:
        self.workers = workers
        self.python = python
        self.warm_python = warm_python
        self._box_cfg = box_cfg
        self._boxes: list[Box] = []
        self._idle: queue.Queue[Box] = queue.Queue()
        self._lock = threading.Lock()
        self._pair_lock = threading.Lock()
        self._closed = False
        self._starting = 0
        self._prestarts: list[threading.Thread] = []
        self._ahead = 0  # boxes being started by prestart
        self.stats = RunStats()
        self._warm_cache: dict[str, dict] = {}
        self._finalizer = weakref.finalize(self, BoxSandbox._close_boxes, self._boxes)

    # ------------------------------------------------------------------ what a backend supplies
    @abstractmethod
    def _open_box(self, cfg: dict) -> Box:
        """Start one box with supervisor configuration ``cfg`` (``box_cfg`` plus its uid and gid)."""

    @abstractmethod
    def _isolation(self, box: Box) -> dict:
        """What the backend enforces, as seen on ``box`` (for :meth:`isolation`)."""

    # ------------------------------------------------------------------ boxes
    def _start_box(self) -> Box:
        uid = random.SystemRandom().randrange(200_000, 2_000_000_000)
        return self._open_box(dict(self._box_cfg, uid=uid, gid=uid))

    def prestart(self, boxes: int | None = None) -> None:
        """Start boxes, up to ``boxes`` (default ``workers``) in all, each in a thread of its
        own, into the idle pool: the first requests find them ready. One that fails to
        start is left for a request to start again (and report why)."""
        with self._lock:
            if self._closed:
                return
            count = min(self.workers if boxes is None else boxes, self.workers) - self._starting - len(self._boxes)
            self._starting += max(count, 0)
            self._ahead += max(count, 0)
        for _ in range(count):
            thread = threading.Thread(target=self._start_idle, name="codesolve-box-start", daemon=True)
            self._prestarts.append(thread)
            thread.start()

    def _start_idle(self) -> None:
        box: Box | None = None
        try:
            box = self._start_box()
        except Exception:  # noqa: BLE001 - a request starts the box again, and raises why it fails
            pass
        with self._lock:
            self._starting -= 1
            self._ahead -= 1
            closed = self._closed
            if box is not None and not closed:
                self._boxes.append(box)
                self._idle.put(box)
        if box is not None and closed:
            box.kill()

    def _acquire(self, most: int = 0) -> Box:
        """An idle box, starting one while fewer than ``workers`` (or ``most``) exist and
        none is being started ahead (:meth:`prestart`; that one is ready sooner)."""
        most = max(most, self.workers)
        while True:
            with self._lock:
                if self._closed:
                    raise IsolationUnavailable("the sandbox is closed")
                try:
                    return self._idle.get_nowait()
                except queue.Empty:
                    pass
                start = not self._ahead and self._starting + len(self._boxes) < most
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

    def _acquire_pair(self) -> tuple[Box, Box]:
        """Two boxes for an interactive run (two exist even with one worker). Pairs are taken
        one at a time, so two callers never each hold one box and wait for a second."""
        with self._pair_lock:
            first = self._acquire(2)
            try:
                return first, self._acquire(2)
            except BaseException:
                self._release(first)
                raise

    def _release(self, box: Box, broken: bool = False) -> None:
        if broken:
            with self._lock:
                if box in self._boxes:
                    self._boxes.remove(box)
            box.kill()
            return
        self._idle.put(box)

    def isolation(self) -> dict[str, Any]:
        """What this backend enforces on this machine (starts a box to find out), and whether
        compiled programs may start as forks of a fork server (``fork_server``)."""
        box = self._acquire()
        try:
            server = self._box_cfg.get("forkserver")
            return {"backend": self.name, **self._isolation(box),
                    "fork_server": f"on: {server}" if server else "off: switched off, or no C compiler to build it"}
        finally:
            self._release(box)

    # ------------------------------------------------------------------ runs
    def _execute(self, box: Box, exe: Executable | None, argv: Sequence[str], inp: RunInput,
                 limits: Limits) -> RunResult:
        """One run on one box (compilations; single runs)."""
        names = list(inp.files)
        header = {"op": "run", "digest": exe.digest if exe else None, "argv": self._argv(argv) + list(inp.args),
                  "limits": _limits_json(limits), "files": names, "dirs": list(inp.dirs),
                  "collect": list(inp.collect)}
        payloads = [inp.stdin] + [bytes(inp.files[n]) for n in names]
        box.sock.settimeout(limits.wall_limit_s + self.reply_grace_s)
        reply, out, t0 = box.request(exe, header, payloads)
        return self._result(reply, out, time.perf_counter() - t0)

    def _execute_many(self, box: Box, exe: Executable, items: Sequence[RunInput],
                      limits: Limits, own_zygote: bool = False) -> Iterator[RunResult]:
        """Several runs on one box in one request; results are yielded as each run ends.
        ``own_zygote``: the box may start a zygote of ``exe`` (else the generic one serves)."""
        header = {"op": "runs", "digest": exe.digest, "argv": self._argv(exe.argv), "limits": _limits_json(limits),
                  "items": [{"args": list(i.args), "files": list(i.files), "dirs": list(i.dirs),
                             "collect": list(i.collect)} for i in items]}
        warm = self._warm(exe)
        if warm is not None:
            header["warm"] = dict(warm, own=own_zygote)
        payloads = [p for i in items for p in [i.stdin, *(bytes(i.files[n]) for n in i.files)]]
        # A box answers every run within its wall limit; one that does not is hung (a frozen
        # container, a stuck supervisor): the timeout makes it a crashed box, replaced.
        box.sock.settimeout(limits.wall_limit_s + self.reply_grace_s)
        reply, out, t0 = box.request(exe, header, payloads)
        for k in range(len(items)):
            if k:
                t0 = time.perf_counter()
                reply, out = box.receive()
            yield self._result(reply, out, time.perf_counter() - t0)

    def _warm(self, exe: Executable) -> dict | None:
        """What the box needs to run ``exe`` warm, or None when it must start cold."""
        if exe.argv and exe.argv[0].startswith("{dir}/") and self._box_cfg.get("forkserver"):
            return self._warm_native(exe)
        if not self.warm_python or tuple(exe.argv[:3]) != _WARM_ARGV:
            return None
        return self._warm_of(exe, lambda: {"preload": preload_modules(exe)})

    def _warm_native(self, exe: Executable) -> dict | None:
        """A compiled executable's fork server request, when its file may have one
        (:func:`sandbox.native.warm_native_ok`)."""
        def native() -> dict:
            data = dict(exe.files).get(exe.argv[0][len("{dir}/"):])
            return {"native": True} if data is not None and warm_native_ok(data) else {}

        return self._warm_of(exe, native) or None

    def _warm_of(self, exe: Executable, compute: Callable[[], dict]) -> dict:
        """``compute()`` for ``exe``, kept by digest (the 256 most recent)."""
        with self._lock:
            warm = self._warm_cache.get(exe.digest)
        if warm is None:
            warm = compute()
            with self._lock:
                if len(self._warm_cache) >= 256:
                    self._warm_cache.pop(next(iter(self._warm_cache)))
                self._warm_cache[exe.digest] = warm
        return warm

    def _own_zygote(self, exe: Executable, inputs: int) -> bool:
        """Whether a batch of ``inputs`` runs of ``exe`` is worth a zygote of its own (it has
        the candidate compiled and its imports done) over forks of the generic zygote (each
        child compiles the candidate and imports what the generic zygote has not): when the
        candidate imports a standard module the generic zygote lacks and runs at least twice,
        or when it runs ``OWN_ZYGOTE_INPUTS`` times or more."""
        warm = self._warm(exe)
        if warm is None or inputs < 2:
            return False
        if warm.get("native"):  # a fork server costs an exec and a handshake; each fork saves an exec
            return inputs >= NATIVE_ZYGOTE_INPUTS
        return inputs >= OWN_ZYGOTE_INPUTS or any(name not in _GENERIC for name in warm["preload"])

    def _argv(self, argv: Sequence[str]) -> list[str]:
        return [self.python if a == "python3" else a for a in argv]

    def _result(self, reply: dict, out: list[bytes], elapsed: float) -> RunResult:
        if "error" in reply:
            return RunResult(Status.SE, reason=f"sandbox: {reply['error']}")
        phases = reply.get("phases", {})
        self.stats.add(elapsed - sum(phases.values()), phases, reply.get("warm", False),
                       reply.get("zygote_started", False), reply.get("generic", False))
        return RunResult(
            status=Status(reply["status"]), exit_code=reply["exit_code"], signal=reply["signal"],
            cpu_s=reply["cpu_s"], wall_s=reply["wall_s"], peak_memory_mb=reply["peak_memory_mb"],
            stdout=out[0], stderr=out[1], files=dict(zip(reply["collected"], out[2:])),
            reason=reply.get("reason", ""))

    def _on_box(self, fn: Callable[[Box], RunResult]) -> RunResult:
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

    def run_batch(self, executable: Executable, inputs: Sequence[InputLike], limits: Limits = Limits(),
                  stop: StopRule | None = None) -> list[RunResult | None]:
        """Run ``executable`` on every input, using every box. Results are in input order.

        Each box receives inputs in small groups (one request, one reply per run), fewer
        when the batch is small (but two at least for a Python program worth a zygote of
        its own: a box starts one for a request of two or more; see ``_own_zygote``).
        When ``stop(index, result)`` returns True no further group is started: inputs never
        started get ``None``, and every input before a started one was started.
        """
        items = [as_run_input(x) for x in inputs]
        results: list[RunResult | None] = [None] * len(items)
        n_workers = min(self.workers, len(items))
        group = max(1, min(MAX_GROUP, len(items) // (4 * max(n_workers, 1))))
        own_zygote = self._own_zygote(executable, len(items))
        if own_zygote:
            group = max(group, 2)  # a box starts a zygote of the executable for a request of two or more
        next_index = [0]
        stopped = threading.Event()
        lock = threading.Lock()
        errors: list[BaseException] = []

        def worker() -> None:
            box: Box | None = None
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
                        for i, result in enumerate(self._execute_many(box, executable, items[start:end], limits,
                                                                      own_zygote), start):
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

        _in_threads(n_workers, worker, errors)
        return results

    def interact(self, program: Executable, interactor: Executable, inputs: Sequence[InputLike],
                 limits: Limits = Limits(), interactor_limits: Limits = Limits(),
                 stop: InteractionStopRule | None = None) -> list[Interaction | None]:
        """Each input is one interactive run on a pair of boxes (see ``_interact``); pairs
        run in parallel, one per two workers. Always cold: a warm interpreter's streams are
        not pipes."""
        items = [as_run_input(x) for x in inputs]
        results: list[Interaction | None] = [None] * len(items)
        next_index = [0]
        stopped = threading.Event()
        lock = threading.Lock()
        errors: list[BaseException] = []

        def worker() -> None:
            pair: tuple[Box, Box] | None = None
            try:
                while not stopped.is_set():
                    with lock:
                        i = next_index[0]
                        if i >= len(items):
                            return
                        next_index[0] += 1
                    if pair is None:
                        pair = self._acquire_pair()
                    try:
                        result = self._interact(pair, program, interactor, items[i], limits, interactor_limits)
                    except BoxCrashed as exc:
                        for box in pair:
                            self._release(box, broken=True)
                        pair = None
                        failed = RunResult(Status.SE, reason=str(exc))
                        result = Interaction(failed, failed)
                    results[i] = result
                    if stop is not None and stop(i, result):
                        stopped.set()
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
                errors.append(exc)
                stopped.set()
                if pair is not None:
                    for box in pair:
                        self._release(box, broken=True)
                    pair = None
            finally:
                if pair is not None:
                    for box in pair:
                        self._release(box)

        _in_threads(max(1, min(len(items), self.workers // 2)), worker, errors)
        return results

    def _interact(self, pair: tuple[Box, Box], program: Executable, interactor: Executable, item: RunInput,
                  limits: Limits, interactor_limits: Limits) -> Interaction:
        """One interactive run: two pipes, each box given its program's ends with the request
        (over the box socket), the host's copies closed at once, so that when one side ends
        (or never starts) the other reads end-of-file or gets a broken pipe. Each box runs
        its side under its own limits and reports when it ended."""
        ours, theirs = pair
        ours.ensure(program)
        theirs.ensure(interactor)
        to_program, from_interactor = os.pipe()    # the interactor writes, the program reads
        to_interactor, from_program = os.pipe()    # the program writes, the interactor reads
        pipes = [to_program, from_interactor, to_interactor, from_program]
        names = list(item.files)
        sides = (
            (ours, {"op": "run", "pipes": True, "digest": program.digest, "argv": self._argv(program.argv),
                    "limits": _limits_json(limits), "files": [], "dirs": [], "collect": []},
             [b""], (to_program, from_program), limits),
            (theirs, {"op": "run", "pipes": True, "digest": interactor.digest,
                      "argv": self._argv(interactor.argv) + list(item.args), "limits": _limits_json(interactor_limits),
                      "files": names, "dirs": list(item.dirs), "collect": list(item.collect)},
             [b""] + [bytes(item.files[n]) for n in names], (to_interactor, from_interactor), interactor_limits))
        started: list[Box] = []
        t0 = time.perf_counter()
        try:
            for box, header, payloads, fds, lim in sides:
                box.sock.settimeout(lim.wall_limit_s + self.reply_grace_s)
                try:
                    box.send(header, payloads, fds)
                except BoxCrashed:
                    for fd in pipes:
                        os.close(fd)
                    pipes = []
                    for other in started:  # its program sees the pipe close and ends
                        other.receive()
                    raise
                started.append(box)
        finally:
            for fd in pipes:
                os.close(fd)
        replies = [box.receive() for box in started]
        elapsed = time.perf_counter() - t0
        (ours_reply, ours_out), (theirs_reply, theirs_out) = replies
        ran = self._result(ours_reply, ours_out, elapsed)
        # Which side ended first: by the boxes' clocks (one monotonic clock), or for certain
        # when the program died of writing to a pipe the interactor had closed (the clocks
        # cannot order two ends microseconds apart: each box sees its own a wake-up later).
        broken_pipe = ran.signal == signal.SIGPIPE or b"BrokenPipeError" in ran.stderr[-4096:]
        first = broken_pipe or float(theirs_reply.get("ended", math.inf)) < float(ours_reply.get("ended", math.inf))
        return Interaction(ran, self._result(theirs_reply, theirs_out, elapsed), interactor_first=first)

    # ------------------------------------------------------------------ life cycle
    @staticmethod
    def _close_boxes(boxes: list[Box]) -> None:
        for box in list(boxes):
            if box is not None:
                box.close()
        boxes.clear()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        for thread in self._prestarts:  # a box still starting is killed by its thread
            thread.join()
        self._finalizer()



#: The run command of a Python executable (the language table's), which the warm path replaces.
_WARM_ARGV = tuple(get_language("python").run_argv)
#: Inputs in a batch from which a Python executable gets a zygote of its own even when the
#: generic zygote has every module it imports (below, compiling it in each child is cheaper
#: than starting an interpreter for it).
OWN_ZYGOTE_INPUTS = 64
#: Runs of a compiled executable in one batch from which it gets a fork server (:mod:`sandbox.native`).
NATIVE_ZYGOTE_INPUTS = 4
#: The modules a child of a box's generic zygote need not import: those it holds (each with
#: its parent packages), those every interpreter has at start-up, and those built in.
_GENERIC = frozenset(n for name in GENERIC_PRELOAD for n in
                     (".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 2))) | frozenset(
    {"os", "os.path", "io", "abc", "codecs", "stat", "site", "encodings", "posixpath", "genericpath",
     "_collections_abc", *sys.builtin_module_names})
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
    return [name for name in _standard_imports(files.get("prog.py", b"")) if name.split(".")[0] not in own][:64]


@functools.lru_cache(maxsize=256)
def _standard_imports(source: bytes) -> tuple[str, ...]:
    """The standard modules a script imports, in order (a harness's, the same for every
    candidate it runs, is parsed once)."""
    try:
        tree = parse_python(source)
    except (SyntaxError, ValueError):
        return ()
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
            if top in sys.stdlib_module_names and top not in _NO_PRELOAD and name not in names:
                names.append(name)
    return tuple(names)


def _in_threads(n: int, worker: Callable[[], None], errors: list[BaseException]) -> None:
    """Run ``worker`` in ``n`` threads (in this one when ``n`` is 1) and wait for them; then
    raise the first error a worker recorded in ``errors``."""
    if n <= 1:
        worker()
    else:
        threads = [threading.Thread(target=worker, daemon=True) for _ in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if errors:
        raise errors[0]


def _glob_match(name: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(name, pattern)



__all__ = ["BOX_SCRIPT", "MAX_GROUP", "ZYGOTE_SCRIPT", "Box", "BoxSandbox", "RunStats", "preload_modules"]
