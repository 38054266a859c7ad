"""Which sandbox backends work on this machine, and why not (``codesolve sandbox doctor``)."""

from __future__ import annotations

from typing import Any, Iterable

from .backends import BACKENDS, open_sandbox
from .limits import Limits
from .programs import Program

#: What every backend is asked to compile and run, and what the run must print.
PROBE = Program("python", "print(6 * 7)")
PROBE_OUTPUT = b"42\n"


def diagnose(backends: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """For each backend (every one by default), by name: ``works`` (the probe printed what it
    should), ``state`` (``works``; ``test run failed``: it started but the probe did not print
    that; ``fails``: it started, then raised; ``unavailable``: it does not start), ``error``
    (the reason, for the last two) and ``isolation`` (what it enforces, once started; its
    ``seccomp`` says whether the boxes' syscall filter is ``active: ...`` or ``absent: why``)."""
    found: dict[str, dict[str, Any]] = {}
    for name in sorted(BACKENDS) if backends is None else backends:
        entry: dict[str, Any] = {"works": False, "state": "unavailable", "error": None, "isolation": {}}
        found[name] = entry
        try:
            sandbox = open_sandbox(name)
        except Exception as exc:  # noqa: BLE001 - every reason a backend cannot start is reported
            entry["error"] = str(exc)
            continue
        try:
            entry["isolation"] = sandbox.isolation()
            exe = sandbox.compile(PROBE).executable
            run = sandbox.run(exe, b"", Limits(time_s=5)) if exe else None
            entry["works"] = run is not None and run.ok and run.stdout == PROBE_OUTPUT
            entry["state"] = "works" if entry["works"] else "test run failed"
        except Exception as exc:  # noqa: BLE001 - the doctor reports whatever stops a backend
            entry["works"], entry["state"], entry["error"] = False, "fails", str(exc)
        finally:
            sandbox.close()
    return found


__all__ = ["PROBE", "PROBE_OUTPUT", "diagnose"]
