"""What a run produced: its status, resources used and (bounded) output."""

from __future__ import annotations

import base64
import enum
from dataclasses import dataclass, field
from typing import Any


class Status(str, enum.Enum):
    """How a run ended.

    ``SE`` is a failure of the sandbox itself (a box died, a limit could not be set),
    never a verdict on the program.
    """

    OK = "OK"
    TLE = "TLE"
    MLE = "MLE"
    RE = "RE"
    OLE = "OLE"
    CE = "CE"
    SE = "SE"


@dataclass(frozen=True)
class RunResult:
    status: Status
    exit_code: int | None = None
    signal: int | None = None
    cpu_s: float = 0.0
    wall_s: float = 0.0
    peak_memory_mb: float = 0.0
    stdout: bytes = b""
    stderr: bytes = b""
    #: Files the caller asked to collect from the work dir after the run (name -> bytes).
    files: dict[str, bytes] = field(default_factory=dict)
    #: Why the sandbox classified the run as it did (e.g. "wall time limit", "cgroup oom kill").
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the ``codesolve run`` contract."""
        out: dict[str, Any] = {
            "status": self.status.value,
            "exit_code": self.exit_code,
            "signal": self.signal,
            "cpu_s": round(self.cpu_s, 4),
            "wall_s": round(self.wall_s, 4),
            "peak_memory_mb": round(self.peak_memory_mb, 2),
        }
        for name in ("stdout", "stderr"):
            data: bytes = getattr(self, name)
            out[name] = data.decode("utf-8", errors="replace")
            if not _is_utf8(data):
                out[name + "_base64"] = base64.b64encode(data).decode("ascii")
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Interaction:
    """One interactive run: a program and an interactor, each in its own box, the program's
    stdout connected to the interactor's stdin and the interactor's stdout to the program's
    stdin. Each side's result is a run of its own under its own limits (their ``stdout`` is
    empty: it went into the pipe). ``interactor_first``: the interactor ended before the
    program did, by the boxes' clocks or because the program died writing to the pipe the
    interactor had closed (what judging needs to give a verdict as problem-package tools do)."""

    program: RunResult
    interactor: RunResult
    interactor_first: bool = False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
