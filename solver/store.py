"""A run directory's database: the source of truth of a batch run.

``run.sqlite`` holds, each written the moment it is complete:

* ``meta``: the run's configuration (its identity fields) and creation time;
* ``completions``: every model sample (the :class:`~solver.models.CompletionCache` table),
  so a resumed run asks no model for a sample it already has;
* ``compiles`` and ``executions``: every compilation and every program run, keyed by what
  determines it (the program's bytes, the input, the limits), with how many times it was
  actually executed, so a resumed run repeats no finished execution;
* ``problems``: one row per finished problem (the solve trace, the verdicts on the hidden
  tests) or per problem that failed (the error).

SQLite in WAL mode with ``synchronous=NORMAL``: a committed row survives the process being
killed at any instant (only a power loss may drop the last transactions).
:class:`RecordingSandbox` wraps any sandbox backend and answers from the database what was
already run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import threading
import time
from typing import Any, Callable, Iterator, Sequence

from sandbox import (
                     COMPILE_LIMITS,
                     CompileResult,
                     Executable,
                     Interaction,
                     Limits,
                     Program,
                     RunInput,
                     RunResult,
                     Sandbox,
                     Status,
)
from sandbox.programs import InputLike, as_run_input

DB_NAME = "run.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS problems (
    id TEXT PRIMARY KEY, position INTEGER, status TEXT NOT NULL, attempt TEXT, judged TEXT, error TEXT,
    seconds REAL, finished REAL);
CREATE TABLE IF NOT EXISTS compiles (key TEXT PRIMARY KEY, result TEXT NOT NULL, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS executions (key TEXT PRIMARY KEY, result TEXT NOT NULL, count INTEGER NOT NULL);
"""


class RunStore:
    """The database of one run directory (thread-safe)."""

    def __init__(self, run_dir: str) -> None:
        os.makedirs(run_dir, exist_ok=True)
        self.dir = run_dir
        self.path = os.path.join(run_dir, DB_NAME)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    @classmethod
    def open_existing(cls, run_dir: str) -> "RunStore":
        if not os.path.isfile(os.path.join(run_dir, DB_NAME)):
            raise FileNotFoundError(f"{run_dir}: not a run directory (no {DB_NAME}; "
                                    "make one with codesolve solve --out DIR)")
        return cls(run_dir)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return row

    def _write(self, sql: str, args: Sequence[Any] = ()) -> None:
        with self._lock:
            self._db.execute(sql, args)

    # ------------------------------------------------------------------ meta
    def get_meta(self, key: str) -> Any:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value: Any) -> None:
        self._write("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)))

    # ------------------------------------------------------------------ problems
    def finished(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT id FROM problems WHERE status = 'done'")}

    def record_problem(self, problem_id: str, position: int, attempt: dict[str, Any] | None,
                       judged: dict[str, Any] | None, error: str | None, seconds: float) -> None:
        status = "error" if error else "done"
        self._write("INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (problem_id, position, status, json.dumps(attempt) if attempt is not None else None,
                     json.dumps(judged) if judged is not None else None, error, seconds, time.time()))

    _PROBLEM_COLUMNS = "id, position, status, attempt, judged, error, seconds"

    @staticmethod
    def _problem_row(r: Sequence[Any]) -> dict[str, Any]:
        return {"id": r[0], "position": r[1], "status": r[2], "attempt": json.loads(r[3]) if r[3] else None,
                "judged": json.loads(r[4]) if r[4] else None, "error": r[5], "seconds": r[6]}

    def problems(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(f"SELECT {self._PROBLEM_COLUMNS} FROM problems ORDER BY position, id").fetchall()
        return [self._problem_row(r) for r in rows]

    def iter_problems(self, batch: int = 200) -> Iterator[dict[str, Any]]:
        """The problems in order, read ``batch`` at a time (a large run is never held whole)."""
        with self._lock:
            ids = [r[0] for r in self._db.execute("SELECT id FROM problems ORDER BY position, id")]
        for start in range(0, len(ids), batch):
            part = ids[start:start + batch]
            with self._lock:
                rows = self._db.execute(f"SELECT {self._PROBLEM_COLUMNS} FROM problems WHERE id IN "
                                        f"({','.join('?' * len(part))}) ORDER BY position, id", part).fetchall()
            yield from (self._problem_row(r) for r in rows)

    def problem(self, problem_id: str) -> dict[str, Any] | None:
        """One problem's row (as in :meth:`problems`), or None."""
        row = self._one(f"SELECT {self._PROBLEM_COLUMNS} FROM problems WHERE id = ?", (problem_id,))
        return self._problem_row(row) if row else None

    def last_finished(self) -> float:
        """When the last problem row was written (0 for none): what derived files must be newer than."""
        row = self._one("SELECT MAX(finished) FROM problems")
        return float(row[0] or 0.0)

    def forget_problems(self) -> None:
        """Drop the per-problem results (samples and executions stay: they are keyed by what
        they depend on and remain valid under any configuration)."""
        self._write("DELETE FROM problems")

    # ------------------------------------------------------------------ executions
    def lookup(self, table: str, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = list(keys[start:start + 500])
                rows = self._db.execute(f"SELECT key, result FROM {table} WHERE key IN ({','.join('?' * len(part))})",
                                        part).fetchall()
                found.update((k, json.loads(v)) for k, v in rows)
        return found

    def save(self, table: str, items: Sequence[tuple[str, Any]]) -> None:
        if not items:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(f"INSERT INTO {table} VALUES (?, ?, 1) ON CONFLICT(key) DO UPDATE SET "
                                 "result = excluded.result, count = count + 1",
                                 [(k, json.dumps(v)) for k, v in items])
            self._db.execute("COMMIT")

    def counts(self, table: str) -> dict[str, int]:
        """Key -> how many times it was really executed (1 unless a run repeated it)."""
        with self._lock:
            return dict(self._db.execute(f"SELECT key, count FROM {table}").fetchall())


# ---------------------------------------------------------------------- encoding

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def encode_run(run: RunResult) -> dict[str, Any]:
    return {"status": run.status.value, "exit_code": run.exit_code, "signal": run.signal, "cpu_s": run.cpu_s,
            "wall_s": run.wall_s, "peak_memory_mb": run.peak_memory_mb, "stdout": _b64(run.stdout),
            "stderr": _b64(run.stderr), "files": {k: _b64(v) for k, v in run.files.items()}, "reason": run.reason}


def decode_run(data: dict[str, Any]) -> RunResult:
    return RunResult(Status(data["status"]), data["exit_code"], data["signal"], data["cpu_s"], data["wall_s"],
                     data["peak_memory_mb"], base64.b64decode(data["stdout"]), base64.b64decode(data["stderr"]),
                     {k: base64.b64decode(v) for k, v in data["files"].items()}, data["reason"])


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _limits_key(limits: Limits) -> str:
    return json.dumps([limits.time_s, limits.wall_limit_s, limits.memory_mb, limits.output_mb, limits.processes,
                       limits.open_files, limits.stderr_kb])


def _input_key(exe: Executable, inp: RunInput, limits: str) -> str:
    parts: list[bytes | str] = [exe.digest, limits, inp.stdin, json.dumps([inp.args, inp.dirs, inp.collect])]
    for name in sorted(inp.files):
        parts += [name, inp.files[name]]
    return _digest(*parts)


class RecordingSandbox(Sandbox):
    """A sandbox that answers from the run database what it already ran, runs the rest on
    ``inner`` and records each result as soon as its batch returns. Sandbox failures (status
    SE) are never recorded: they are not a property of the program. ``on_run(count)`` is
    told how many runs were really executed (for progress bars)."""

    def __init__(self, inner: Sandbox, store: RunStore, on_run: Callable[[int], None] | None = None) -> None:
        self.inner = inner
        self.store = store
        self.on_run = on_run
        #: Executions under way (key -> set when done): a concurrent caller waits for the result
        #: instead of running the same thing again.
        self._running: dict[str, threading.Event] = {}
        self._running_lock = threading.Lock()
        self._compiling: dict[str, threading.Lock] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def isolation(self) -> dict[str, Any]:
        return self.inner.isolation()

    def close(self) -> None:
        self.inner.close()

    def compile(self, program: Program, limits: Limits = COMPILE_LIMITS) -> CompileResult:
        parts: list[bytes | str] = [program.language, program.source_bytes, json.dumps(program.args),
                                    _limits_key(limits)]
        for name, data in program.extra_files:
            parts += [name, data]
        key = _digest(*parts)
        with self._running_lock:
            key_lock = self._compiling.setdefault(key, threading.Lock())
        with key_lock:  # the same program compiled by two callers at once: the second waits
            return self._compile(program, limits, key)

    def _compile(self, program: Program, limits: Limits, key: str) -> CompileResult:
        found = self.store.lookup("compiles", [key]).get(key)
        if found is not None:
            exe = found["executable"]
            executable = (Executable(exe["language"], tuple((n, base64.b64decode(d)) for n, d in exe["files"]),
                                     tuple(exe["argv"])) if exe else None)
            return CompileResult(executable, decode_run(found["run"]))
        result = self.inner.compile(program, limits)
        if result.run.status is not Status.SE:
            exe = result.executable
            self.store.save("compiles", [(key, {
                "executable": {"language": exe.language, "files": [(n, _b64(d)) for n, d in exe.files],
                               "argv": list(exe.argv)} if exe else None,
                "run": encode_run(result.run)})])
        if self.on_run:
            self.on_run(1)
        return result

    def interact(self, program: Executable, interactor: Executable, inputs: Sequence[InputLike],
                 limits: Limits = Limits(), interactor_limits: Limits = Limits(),
                 stop: Callable[[int, Interaction], bool] | None = None) -> list[Interaction | None]:
        """Interactive runs are not recorded (an adaptive interactor need not answer alike
        twice): they run on ``inner`` every time."""
        results = self.inner.interact(program, interactor, inputs, limits, interactor_limits, stop)
        if self.on_run:
            self.on_run(sum(r is not None for r in results))
        return results

    def run_batch(self, executable: Executable, inputs: Sequence[InputLike], limits: Limits = Limits(),
                  stop: Callable[[int, RunResult], bool] | None = None) -> list[RunResult | None]:
        items = [as_run_input(x) for x in inputs]
        lkey = _limits_key(limits)
        keys = [_input_key(executable, inp, lkey) for inp in items]
        found = self.store.lookup("executions", keys)
        results: list[RunResult | None] = [decode_run(found[k]) if k in found else None for k in keys]
        # Recorded results are offered to ``stop`` in order; inputs after the first one that
        # stops the batch need not run (the inner sandbox would not have started them either).
        first_stop = len(items)
        for i, r in enumerate(results):
            if r is not None and stop is not None and stop(i, r):
                first_stop = i
                break
        todo = [i for i in range(first_stop) if results[i] is None]
        if not todo:
            return results
        mine, theirs = [], []
        with self._running_lock:
            for i in todo:
                if keys[i] in self._running:
                    theirs.append(i)
                else:
                    self._running[keys[i]] = threading.Event()
                    mine.append(i)
        try:
            self._execute(executable, items, keys, limits, stop, mine, results)
        finally:
            with self._running_lock:
                for i in mine:
                    self._running.pop(keys[i]).set()
        for i in theirs:
            with self._running_lock:
                event = self._running.get(keys[i])
            if event is not None:
                event.wait()
        if theirs:  # what another caller ran is recorded now (unless it was a sandbox failure)
            found = self.store.lookup("executions", [keys[i] for i in theirs])
            again = []
            for i in theirs:
                if keys[i] in found:
                    results[i] = decode_run(found[keys[i]])
                else:
                    again.append(i)
            self._execute(executable, items, keys, limits, stop, again, results)
        return results

    def _execute(self, executable: Executable, items: list[RunInput], keys: list[str], limits: Limits,
                 stop: Callable[[int, RunResult], bool] | None, todo: list[int],
                 results: list[RunResult | None]) -> None:
        if not todo:
            return
        inner_stop = (lambda j, r: stop(todo[j], r)) if stop is not None else None
        ran = self.inner.run_batch(executable, [items[i] for i in todo], limits, stop=inner_stop)
        new = []
        for i, r in zip(todo, ran):
            results[i] = r
            if r is not None and r.status is not Status.SE:
                new.append((keys[i], encode_run(r)))
        self.store.save("executions", new)
        if self.on_run:
            self.on_run(sum(r is not None for r in ran))


__all__ = ["DB_NAME", "RecordingSandbox", "RunStore", "decode_run", "encode_run"]
