"""Naming a bundled set (``core``) or one of its problems (``core/dronepass``) from anywhere:
``load`` falls back to the installed ``problems/sets/`` when the path does not exist."""

from __future__ import annotations

import compileall
import os
import shutil
from pathlib import Path

import pytest

import problems
from problems import ProblemError, bundled_sets, load

SETS = Path(problems.__file__).resolve().parent / "sets"
FIXTURES = Path(__file__).parent / "fixtures" / "kattis"


def test_bundled_sets_lists_core():
    sets = bundled_sets()
    assert sets["core"] == str(SETS / "core")
    assert all(os.path.isabs(path) and os.path.isdir(path) for path in sets.values())


def test_load_set_by_name_from_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    core = load("core")
    assert len(core) == 30
    assert core.source == str(SETS / "core")
    assert all(Path(p.source).parent == SETS / "core" for p in core)
    assert len(load("core/")) == 30


def test_load_problem_by_name_from_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one = load("core/dronepass")
    assert [p.id for p in one] == ["dronepass"]
    assert one.source == str(SETS / "core" / "dronepass")
    assert len(one.problems[0].tests) >= 10


@pytest.mark.parametrize("name", ["nosuchset", "core/nosuchproblem", "core/dronepass/data", "./core", "../core"])
def test_missing_name_lists_bundled_sets(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProblemError, match=r"no such file or folder \(bundled sets: core\)"):
        load(name)


def test_local_folder_named_core_wins(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "pairsum", tmp_path / "core" / "pairsum")
    monkeypatch.chdir(tmp_path)
    local = load("core")
    assert [p.id for p in local] == ["pairsum"]
    assert Path(local.problems[0].source).resolve() == (tmp_path / "core" / "pairsum").resolve()
    # Beside the local folder, a problem only the bundled set holds still resolves to it.
    assert load("core/dronepass").source == str(SETS / "core" / "dronepass")


def test_installed_package_after_byte_compiling(tmp_path):
    """``pip install`` byte-compiles every .py file of the wheel, the sets' included, so an
    installed package holds ``__pycache__`` folders beside its Python programs."""
    package = tmp_path / "dronepass"
    shutil.copytree(SETS / "core" / "dronepass", package)
    assert compileall.compile_dir(str(package), quiet=2, force=True)
    assert list(package.rglob("__pycache__"))
    (problem,) = load(str(package))
    names = [Path(path).name for paths in problem.submissions.values() for path in paths]
    assert "__pycache__" not in names
    assert sorted(names) == ["drone.cpp", "drone.py", "infinite_line.py"]
