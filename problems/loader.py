"""``problems.load``: one entry point for every format, chosen by what the path holds."""

from __future__ import annotations

import os

from .errors import ProblemError, UnknownFormat
from .kattis import is_package, load_folder, load_package
from .model import ProblemSet


def load(path: str, skip_broken: bool = False) -> ProblemSet:
    """Load a problem set from a Kattis package, a folder of packages, or a data file
    (CodeContests, APPS, LiveCodeBench, HumanEval, MBPP as JSONL, JSON or Parquet).
    Never touches the network. With ``skip_broken``, packages of a folder that fail to load
    are listed in the set's ``broken`` instead of failing the whole set."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ProblemError(path, "no such file or folder")
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
