"""Programs (source), executables (compiled artefacts) and run inputs."""

from __future__ import annotations

import ast
import hashlib
import threading
from dataclasses import dataclass, field
from typing import Mapping, Union

from .results import RunResult

#: CPython 3.11 can fail with "SystemError: AST constructor recursion depth mismatch" when two
#: threads build AST objects at once (batches run in threads), so every parse in the process
#: (this package's and the solver's) goes through this lock.
AST_LOCK = threading.Lock()


def parse_python(source: str | bytes) -> ast.Module:
    with AST_LOCK:
        return ast.parse(source)


@dataclass(frozen=True)
class Program:
    """Source code in one language, with optional companion files.

    ``source`` is stored under the language's source file name; ``extra_files`` are placed
    beside it (a harness's candidate, a header); ``args`` are appended to every run.
    """

    language: str
    source: str | bytes
    extra_files: tuple[tuple[str, bytes], ...] = ()
    args: tuple[str, ...] = ()

    @property
    def source_bytes(self) -> bytes:
        return self.source.encode() if isinstance(self.source, str) else self.source


@dataclass(frozen=True)
class Executable:
    """What compilation produced: files to place in a read-only dir and how to run them.

    ``argv`` may contain ``{dir}``, replaced by the directory holding ``files`` inside the
    sandbox. Executables travel by content hash: a worker receives the files once.
    """

    language: str
    files: tuple[tuple[str, bytes], ...]
    argv: tuple[str, ...]
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            h = hashlib.sha256()
            for name, data in self.files:
                h.update(name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
            h.update("\0".join(self.argv).encode())
            object.__setattr__(self, "digest", h.hexdigest()[:32])


@dataclass(frozen=True)
class RunInput:
    """One run's input: stdin, files written into the work dir, extra arguments,
    directories to create and files to collect back after the run (globs allowed)."""

    stdin: bytes = b""
    files: Mapping[str, bytes] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    dirs: tuple[str, ...] = ()
    collect: tuple[str, ...] = ()


InputLike = Union[bytes, str, RunInput]


def as_run_input(value: InputLike) -> RunInput:
    if isinstance(value, RunInput):
        return value
    if isinstance(value, str):
        return RunInput(stdin=value.encode())
    return RunInput(stdin=bytes(value))


@dataclass(frozen=True)
class CompileResult:
    """Result of compiling a program: an executable, or the failed run (status CE)."""

    executable: Executable | None
    run: RunResult

    @property
    def ok(self) -> bool:
        return self.executable is not None
