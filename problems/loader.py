"""``problems.load``: one entry point for every format, chosen by what the path holds."""

from __future__ import annotations

import os

from .errors import ProblemError, UnknownFormat
from .kattis import is_package, load_folder, load_package
from .model import ProblemSet

#: Where the bundled problem sets live: ``problems/sets/`` beside this module, in a checkout
#: and in an installed codesolve alike (the wheel carries them as package data).
SETS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sets")


def bundled_sets() -> dict[str, str]:
    """The bundled problem sets: name (``core``) -> absolute path of its folder, by name."""
    try:
        names = sorted(os.listdir(SETS_DIR))
    except OSError:  # an install without the sets
        return {}
    return {name: os.path.join(SETS_DIR, name) for name in names
            if not name.startswith((".", "_")) and os.path.isdir(os.path.join(SETS_DIR, name))}


def _bundled_path(path: str) -> str | None:
    """The bundled folder that ``SET`` or ``SET/PROBLEM`` names (``core``, ``core/dronepass``),
    or None when ``path`` is not such a name."""
    if os.path.isabs(path):
        return None
    parts = path.replace(os.sep, "/").rstrip("/").split("/")
    if not 1 <= len(parts) <= 2 or any(part in ("", ".", "..") for part in parts):
        return None
    folder = bundled_sets().get(parts[0])
    if folder is not None and len(parts) == 2:
        folder = os.path.join(folder, parts[1])
    return folder if folder is not None and os.path.isdir(folder) else None


def load(path: str, skip_broken: bool = False) -> ProblemSet:
    """Load a problem set from a Kattis package, a folder of packages, or a data file
    (CodeContests, APPS, LiveCodeBench, HumanEval, MBPP as JSONL, JSON or Parquet).
    A path that does not exist but names a bundled set (``core``) or one of its problems
    (``core/dronepass``) loads that from the installed ``problems/sets/``; an existing path
    of the same name wins. Never touches the network. With ``skip_broken``, packages of a
    folder that fail to load are listed in the set's ``broken`` instead of failing the whole set."""
    path = os.fspath(path)
    if not os.path.exists(path):
        bundled = _bundled_path(path)
        if bundled is None:
            sets = bundled_sets()
            raise ProblemError(path, "no such file or folder"
                                     + (f" (bundled sets: {', '.join(sets)})" if sets else ""))
        path = bundled
    if os.path.isdir(path):
        if is_package(path):
            problem = load_package(path)
            return ProblemSet(problem.id, (problem,), path)
        return load_folder(path, skip_broken)
    from .datafiles import EXTENSIONS, load_data_file

    base = path[:-3] if path.endswith(".gz") else path
    if os.path.splitext(base)[1].lower() in EXTENSIONS:
        return load_data_file(path)
    raise UnknownFormat(path, "expected a Kattis problem package (a folder with problem.yaml and data/), "
                              f"a folder of packages, or a data file ({', '.join(sorted(EXTENSIONS))}, "
                              "optionally .gz)")
