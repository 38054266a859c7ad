"""The bundled problem set: its promised shape, and every package validates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from problems import load
from problems.validation import format_table, validate_problem

SET = Path(__file__).resolve().parents[2] / "problems" / "sets" / "core"
PROBLEMS = list(load(str(SET)))


def test_set_size_and_mix():
    assert len(PROBLEMS) >= 30
    kinds = [p.checker.kind for p in PROBLEMS]
    assert kinds.count("validator") >= 3
    assert sum(p.checker.has_float_tolerance for p in PROBLEMS) >= 2
    assert sum(p.interface.kind == "function" for p in PROBLEMS) >= 5
    difficulties = {p.metadata.get("difficulty") for p in PROBLEMS}
    assert {"very-easy", "easy", "medium", "hard"} <= difficulties


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_package_contents(problem):
    root = Path(problem.source)
    assert len(problem.samples) >= 2 and len(problem.tests) >= 10
    assert problem.statement.lstrip().startswith("# ")
    assert (root / "generators" / "gen.py").is_file()
    assert len(problem.input_validators) >= 1
    accepted = {os.path.splitext(p)[1] for p in problem.submissions.get("accepted", ())}
    assert {".py", ".cpp"} <= accepted
    assert problem.submissions.get("wrong_answer")
    assert problem.metadata.get("time_limit_source") == ".timelimit"


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_package_validates(sandbox, problem):
    checks = validate_problem(sandbox, problem)
    assert all(c.ok for c in checks), format_table(checks)
