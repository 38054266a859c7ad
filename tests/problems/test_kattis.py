"""Kattis problem packages: loading, errors, validation and judging on a problem."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from problems import ProblemError, UnknownFormat, UnsupportedProblem, load
from problems.judging import Verdict, judge_problem
from problems.kattis import derive_time_limit, load_package, needs_derived_time_limit, program_from_path
from problems.validation import format_table, validate_problem

FIXTURES = Path(__file__).parent / "fixtures" / "kattis"
ROOT = Path(__file__).resolve().parents[2]


def copy(tmp_path: Path, name: str) -> Path:
    dst = tmp_path / name
    shutil.copytree(FIXTURES / name, dst)
    return dst


def test_legacy_package():
    p = load_package(str(FIXTURES / "legacysum"))
    assert (p.id, p.title) == ("legacysum", "Lantern Sums")
    assert p.limits.time_s == 1.5 and p.limits.memory_mb == 128
    assert p.metadata["time_limit_source"] == "domjudge-problem.ini"
    assert p.metadata["tags"] == ["arithmetic", "easy"] and p.metadata["source"] == "codesolve fixtures"
    assert "\\problemname{Lantern Sums}" in p.statement
    assert [t.name for t in p.samples] == ["sample/1"]
    assert [t.name for t in p.tests] == ["secret/group1/01", "secret/group1/02", "secret/group2/01", "secret/group2/02"]
    assert p.tests[2].group == "secret/group2" and p.tests[2].input == b"1500000000 1500000000\n"
    assert p.tests[2].answer == b"3000000000\n"
    assert p.checker.kind == "default" and not p.checker.has_float_tolerance
    assert p.interface.kind == "stdio"
    assert sorted(p.submissions) == ["accepted", "run_time_error", "time_limit_exceeded", "wrong_answer"]
    assert len(p.input_validators) == 1 and p.input_validators[0].language == "python"


def test_versioned_package_with_output_validator():
    p = load_package(str(FIXTURES / "pairsum"))
    assert p.title == "Pair Sum" and p.limits.time_s == 1.0 and p.limits.memory_mb == 512
    assert p.metadata["time_limit_source"] == "problem.yaml limits.time_limit"
    assert p.statement.startswith("# Pair Sum")
    assert p.checker.kind == "validator" and p.checker.validator_args == ("max", "1000")
    assert p.checker.validator.language == "python"


def test_float_flags_and_timelimit_file():
    p = load_package(str(FIXTURES / "circlearea"))
    assert p.limits.time_s == 2.0 and p.metadata["time_limit_source"] == ".timelimit"
    assert p.checker.float_absolute_tolerance == p.checker.float_relative_tolerance == 1e-6


def test_tests_are_read_lazily(tmp_path):
    pkg = copy(tmp_path, "legacysum")
    p = load_package(str(pkg))
    assert p.test_count == 4
    assert "tests" not in p.__dict__  # nothing under data/ was read to count the tests
    os.remove(pkg / "data/secret/group2/02.ans")
    with pytest.raises(ProblemError, match="02.in: has no answer file"):
        _ = p.tests


def test_multi_pass_is_reported_unsupported(tmp_path):
    pkg = copy(tmp_path, "multiplier")
    (pkg / "problem.yaml").write_text("problem_format_version: 2023-07-draft\nname: Twice\ntype: multi-pass\n")
    with pytest.raises(UnsupportedProblem, match="multi-pass problems are not supported"):
        load_package(str(pkg))


@pytest.mark.parametrize("edit, message", [
    (lambda d: (d / "problem.yaml").write_text("name: [unclosed\n"), "problem.yaml: not valid YAML"),
    (lambda d: (d / "problem.yaml").write_text("name: X\nlimits:\n  memory: lots\n"), "limits.memory: expected a positive number"),
    (lambda d: (d / "domjudge-problem.ini").write_text("timelimit='fast'\n"), "timelimit: expected a positive number"),
    (lambda d: (d / "problem.yaml").write_text("name: X\nvalidation: custom\n"), "validation: validation is custom but there is no output validator"),
    (lambda d: (d / "problem.yaml").write_text("name: X\nvalidator_flags: float_tol 1\n"), "validator_flags: unknown validator flag"),
    (lambda d: (d / "problem.yaml").write_text("name: X\ncodesolve:\n  interface: function\n"), "codesolve.entry_point"),
])
def test_errors_name_the_file_and_field(tmp_path, edit, message):
    pkg = copy(tmp_path, "legacysum")
    edit(pkg)
    with pytest.raises(ProblemError, match=message.replace("[", r"\[")):
        load_package(str(pkg))


def test_load_dispatch(tmp_path):
    assert len(load(str(FIXTURES / "pairsum"))) == 1
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("legacysum", "pairsum", "circlearea"):
        shutil.copytree(FIXTURES / name, folder / name)
    assert [p.id for p in load(str(folder))] == ["circlearea", "legacysum", "pairsum"]
    with pytest.raises(ProblemError, match="no such file or folder"):
        load(str(tmp_path / "missing"))
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(UnknownFormat, match="notes.txt: expected a Kattis problem package"):
        load(str(tmp_path / "notes.txt"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProblemError, match="no Kattis problem packages"):
        load(str(tmp_path / "empty"))


def test_time_multiplier_rule():
    p = load_package(str(FIXTURES / "multiplier"))
    assert needs_derived_time_limit(p) and p.metadata["time_multiplier"] == 3
    assert derive_time_limit(p, 0.05) == 1.0
    assert derive_time_limit(p, 0.7) == 3.0  # ceil(2.1)


def test_validate_fixture_packages(sandbox):
    checks = []
    for name in ("legacysum", "pairsum", "circlearea", "multiplier"):
        checks += validate_problem(sandbox, load_package(str(FIXTURES / name)))
    table = format_table(checks)
    assert all(c.ok for c in checks), table
    by_item = {(c.problem, c.item): c for c in checks}
    assert by_item[("legacysum", "run_time_error/divide.py")].got == "RE"
    assert by_item[("legacysum", "time_limit_exceeded/count_up.py")].got == "TLE"
    assert by_item[("legacysum", "input validator 1")].got == "accepts 5 inputs"
    assert by_item[("multiplier", "time limit")].detail.startswith("1s from slowest accepted")


def test_validate_reports_mismatches(sandbox, tmp_path):
    pkg = copy(tmp_path, "legacysum")
    (pkg / "submissions/accepted/add.py").write_text("a, b = map(int, input().split())\nprint(a - b)\n")
    (pkg / "data/secret/group1/03.in").write_text("-1 5\n")
    (pkg / "data/secret/group1/03.ans").write_text("4\n")
    checks = validate_problem(sandbox, load_package(str(pkg)))
    failed = {c.item: c for c in checks if not c.ok}
    assert set(failed) == {"input validator 1", "accepted/add.py"}
    assert "secret/group1/03" in failed["input validator 1"].detail
    assert failed["accepted/add.py"].got == "WA"


def test_judge_on_a_problem(sandbox):
    pairsum = load_package(str(FIXTURES / "pairsum"))
    ok = judge_problem(sandbox, program_from_path(str(FIXTURES / "pairsum/submissions/accepted/halves.cpp")), pairsum)
    assert ok.verdict is Verdict.AC and [t.name for t in ok.tests] == ["sample/1", "secret/1", "secret/2"]
    bad = judge_problem(sandbox, program_from_path(str(FIXTURES / "pairsum/submissions/wrong_answer/off_by_one.py")), pairsum)
    assert bad.verdict is Verdict.WA and "1 + 4 != 4" in bad.tests[0].message


def codesolve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver.cli", *args], capture_output=True, timeout=300, cwd=ROOT)


def test_cli_problems_list_and_judge_problem(tmp_path):
    proc = codesolve("problems", "list", str(FIXTURES / "legacysum"))
    assert proc.returncode == 0
    assert proc.stdout.decode().split("\t") == ["legacysum", "Lantern Sums", "stdio", "4 tests", "1.5s 128MB\n"]
    proc = codesolve("judge", str(FIXTURES / "circlearea/submissions/wrong_answer/rough_pi.py"),
                     "--problem", str(FIXTURES / "circlearea"))
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["problem"] == "circlearea" and out["verdict"] == "WA"
    proc = codesolve("judge", str(FIXTURES / "circlearea/submissions/accepted/area.py"),
                     "--problem", str(FIXTURES / "circlearea"))
    assert proc.returncode == 0 and json.loads(proc.stdout)["verdict"] == "AC"


def test_cli_problems_validate_exit_code(tmp_path):
    pkg = copy(tmp_path, "circlearea")
    proc = codesolve("problems", "validate", str(pkg))
    assert proc.returncode == 0, proc.stdout.decode()
    assert proc.stdout.decode().strip().endswith("2 passed, 0 failed")
    (pkg / "submissions/wrong_answer/rough_pi.py").write_text("import math\nprint(math.pi * int(input()) ** 2)\n")
    proc = codesolve("problems", "validate", str(pkg))
    assert proc.returncode == 1 and "FAIL" in proc.stdout.decode()


def test_listing_many_packages_reads_no_test_file(tmp_path, monkeypatch):
    import builtins

    folder = tmp_path / "many"
    for i in range(400):
        pkg = folder / f"p{i:04d}"
        (pkg / "data" / "secret").mkdir(parents=True)
        (pkg / "data" / "sample").mkdir()
        (pkg / "problem_statement").mkdir()
        (pkg / "problem.yaml").write_text(f"name: Problem {i}\n")
        (pkg / ".timelimit").write_text("1\n")
        (pkg / "problem_statement" / "problem.en.md").write_text("# P\n")
        for j in range(3):
            (pkg / "data" / "secret" / f"{j}.in").write_text("1\n")
            (pkg / "data" / "secret" / f"{j}.ans").write_text("1\n")
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    problem_set = load(str(folder))
    lines = [p.describe() for p in problem_set]
    monkeypatch.undo()
    assert len(lines) == 400 and lines[7].split("\t")[3] == "3 tests"
    assert not [f for f in opened if f.endswith((".in", ".ans", ".md"))]


def test_a_name_from_domjudge_ini_or_the_tex_statement(tmp_path):
    """DOMjudge exports name a problem in domjudge-problem.ini (colour and all), legacy
    packages in the statement's \\problemname; problem.yaml's name comes first."""
    pkg = copy(tmp_path, "legacysum")
    (pkg / "problem.yaml").write_text("limits:\n  memory: 128\n")
    (pkg / "domjudge-problem.ini").write_text("short-name = ls\nname = 'From The Ini'\ntimelimit = 2\ncolor = #F6A32D\n")
    assert load_package(str(pkg)).title == "From The Ini"
    (pkg / "domjudge-problem.ini").write_text("timelimit = 2\n")
    (pkg / "problem_statement" / "problem.en.tex").write_text("\\problemname{From The Statement}\nText.\n")
    problem = load_package(str(pkg))
    assert problem.title == "From The Statement" and problem.limits.time_s == 2
    (pkg / "problem.yaml").write_text("name: From The Yaml\n")
    assert load_package(str(pkg)).title == "From The Yaml"
