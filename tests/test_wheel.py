"""The wheel carries the bundled problem sets (every file, dotfiles included), the sandbox
image's Dockerfile and the viewer's page, so an installed codesolve has what a checkout has."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Left out of the copy the wheel is built from: the checkout's environment, history, runs
#: and earlier build artefacts (the build itself would add ``build/`` and the egg-info).
TOP_LEVEL_SKIPPED = {".venv", ".git", "runs", "build", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
PROBLEM = "problems/sets/core/dronepass"


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if Path(folder) == ROOT:
        skipped |= TOP_LEVEL_SKIPPED & set(names)
    return skipped


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The file names in a wheel built (no dependencies, no build isolation) from a copy of
    the checkout, so the build leaves nothing in the checkout."""
    if importlib.util.find_spec("setuptools.command.bdist_wheel") is None and importlib.util.find_spec("wheel") is None:
        reason = "no bdist_wheel here: install setuptools>=70.1 (the test extra) to build without isolation"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("wheel")
    src, dist = tmp / "src", tmp / "dist"
    shutil.copytree(ROOT, src, ignore=_ignore, symlinks=True)
    # A byte-compiled leftover of running a set's Python file must not reach the wheel.
    stray = src / PROBLEM / "generators" / "__pycache__" / "gen.cpython-311.pyc"
    stray.parent.mkdir()
    stray.write_bytes(b"stray")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                           "-w", str(dist), str(src)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = dist.glob("codesolve-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return {name for name in zf.namelist() if not name.endswith("/")}


def test_wheel_holds_bundled_set_and_dockerfile(wheel_names: set[str]) -> None:
    for name in (f"{PROBLEM}/problem.yaml", f"{PROBLEM}/.timelimit", f"{PROBLEM}/data/sample/1.in",
                 f"{PROBLEM}/data/sample/1.ans", f"{PROBLEM}/generators/gen.py",
                 f"{PROBLEM}/submissions/accepted/drone.cpp", "sandbox/Dockerfile", "problems/loader.py",
                 "solver/viewer/static/index.html", "solver/viewer/static/viewer.js",
                 "solver/viewer/static/viewer.css"):
        assert name in wheel_names, name
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_holds_every_tracked_file_of_the_sets(wheel_names: set[str]) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot list the files git tracks under problems/sets")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: cannot list the files git tracks under problems/sets")
    proc = subprocess.run(["git", "ls-files", "-z", "problems/sets"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    tracked = {name for name in proc.stdout.split("\0") if name}
    in_wheel = {name for name in wheel_names if name.startswith("problems/sets/")}
    assert tracked, "git tracks nothing under problems/sets"
    assert len(in_wheel) == len(tracked), (sorted(tracked - in_wheel)[:20], sorted(in_wheel - tracked)[:20])
    assert in_wheel == tracked
