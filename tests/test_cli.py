"""The command-line contract of ``codesolve run`` and ``codesolve judge``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RUN_FIELDS = {"status", "exit_code", "signal", "cpu_s", "wall_s", "peak_memory_mb", "stdout", "stderr"}


def codesolve(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver.cli", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[1])


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "sum.py").write_text("a, b = map(int, input().split())\nprint(a + b)\n")
    (tmp_path / "sum.cpp").write_text("#include <cstdio>\nint main(){ long long a, b; "
                                      "std::scanf(\"%lld %lld\", &a, &b); std::printf(\"%lld\\n\", a + b); }\n")
    (tmp_path / "prog.txt").write_text("print(1)\n")
    (tmp_path / "in.txt").write_text("20 22\n")
    tests = tmp_path / "tests"
    tests.mkdir()
    for name, a, b in (("1", 1, 2), ("2", 10, 20), ("3", -5, 5)):
        (tests / f"{name}.in").write_text(f"{a} {b}\n")
        (tests / f"{name}.ans").write_text(f"{a + b}\n")
    return tmp_path


def test_run_prints_the_json_contract(files):
    for prog in ("sum.py", "sum.cpp"):
        proc = codesolve("run", str(files / prog), "--input", str(files / "in.txt"))
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert RUN_FIELDS <= set(out)
        assert out["status"] == "OK" and out["stdout"] == "42\n" and out["exit_code"] == 0


def test_run_reads_stdin_and_takes_limits(files):
    proc = codesolve("run", str(files / "sum.py"), stdin=b"1 1\n")
    assert json.loads(proc.stdout)["stdout"] == "2\n"
    (files / "spin.py").write_text("while True: pass\n")
    proc = codesolve("run", str(files / "spin.py"), "--time-limit", "0.3")
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["status"] == "TLE" and out["cpu_s"] < 1.5


def test_run_language_flag_and_inference_error(files):
    proc = codesolve("run", str(files / "prog.txt"))
    assert proc.returncode == 2 and "prog.txt" in proc.stderr.decode() and "--language" in proc.stderr.decode()
    proc = codesolve("run", str(files / "prog.txt"), "--language", "python")
    assert json.loads(proc.stdout)["stdout"] == "1\n"


def test_run_compile_error(files):
    (files / "bad.cpp").write_text("int main( {}\n")
    out = json.loads(codesolve("run", str(files / "bad.cpp")).stdout)
    assert out["status"] == "CE" and "error" in out["stderr"]


def test_run_missing_file_is_a_clear_error(files):
    proc = codesolve("run", str(files / "nope.py"))
    assert proc.returncode == 2 and "nope.py" in proc.stderr.decode()


def test_judge_accepts_and_rejects(files):
    proc = codesolve("judge", str(files / "sum.cpp"), "--tests", str(files / "tests"))
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["verdict"] == "AC" and out["passed"] == out["total"] == 3
    (files / "off.py").write_text("a, b = map(int, input().split())\nprint(a + b + (a < 0))\n")
    proc = codesolve("judge", str(files / "off.py"), "--tests", str(files / "tests"))
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["verdict"] == "WA" and out["tests"][-1]["name"] == "3"


def test_judge_checker_flags_and_validator(files):
    tests = files / "floats"
    tests.mkdir()
    (tests / "1.in").write_text("1 3\n")
    (tests / "1.ans").write_text("0.333333333\n")
    (files / "div.py").write_text("a, b = map(int, input().split())\nprint(f'{a / b:.7f}')\n")
    assert json.loads(codesolve("judge", str(files / "div.py"), "--tests", str(tests)).stdout)["verdict"] == "WA"
    proc = codesolve("judge", str(files / "div.py"), "--tests", str(tests), "--checker", "float_tolerance 1e-6")
    assert json.loads(proc.stdout)["verdict"] == "AC"
    vdir = files / "validator"
    vdir.mkdir()
    (vdir / "check.py").write_text("import sys\nsys.exit(42 if sys.stdin.read().strip() == '0.3333333' else 43)\n")
    proc = codesolve("judge", str(files / "div.py"), "--tests", str(tests), "--checker", str(vdir))
    assert json.loads(proc.stdout)["verdict"] == "AC", proc.stderr
    proc = codesolve("judge", str(files / "div.py"), "--tests", str(tests), "--checker", "float_tol 1")
    assert proc.returncode == 2 and "float_tol" in proc.stderr.decode()


def test_judge_bad_tests_folder(files):
    proc = codesolve("judge", str(files / "sum.py"), "--tests", str(files / "missing"))
    assert proc.returncode == 2 and "missing" in proc.stderr.decode()
    lonely = files / "lonely"
    lonely.mkdir()
    (lonely / "a.in").write_text("1 2\n")
    proc = codesolve("judge", str(files / "sum.py"), "--tests", str(lonely))
    assert proc.returncode == 2 and "a.ans" in proc.stderr.decode()


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("codesolve")
    if not exe.exists():
        pytest.skip("not running from the project's virtual environment")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"judge" in proc.stdout
    assert os.access(exe, os.X_OK)


def test_judge_gives_the_same_verdicts_with_the_warm_path_off(files):
    (files / "off.py").write_text("a, b = map(int, input().split())\nprint(a + b + (a < 0))\n")
    outs = []
    for flag in ("--warm-python", "--no-warm-python"):
        proc = codesolve("judge", str(files / "off.py"), "--tests", str(files / "tests"), "--all", flag)
        assert proc.returncode == 1, proc.stderr
        outs.append([(t["name"], t["verdict"], t["status"]) for t in json.loads(proc.stdout)["tests"]])
    assert outs[0] == outs[1] == [("1", "AC", "OK"), ("2", "AC", "OK"), ("3", "WA", "OK")]


def test_solve_takes_the_warm_switch_from_flags_and_environment():
    proc = codesolve("solve", "problems/sets/core", "--model", "m", "--no-warm-python", "--print-config")
    assert proc.returncode == 0 and b"warm_python = false" in proc.stdout
    env = dict(os.environ, CODESOLVE_WARM_PYTHON="false")
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "solve", "problems/sets/core", "--model", "m",
                           "--print-config"], capture_output=True, text=True, timeout=120, env=env,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0 and "warm_python = false" in proc.stdout


def test_docs_cli_md_is_generated_from_the_parser():
    from solver.cli.reference import REGENERATE, markdown

    path = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    written = path.read_text() if path.exists() else ""
    assert written == markdown(), f"docs/cli.md is out of date with the parser; regenerate it: {REGENERATE}"


def test_solve_has_a_flag_per_run_option_with_its_declared_help():
    from dataclasses import fields

    from solver.cli import build_parser
    from solver.config import OPERATIONAL, RunConfig, flag, option_help

    solve = build_parser()._subparsers._group_actions[0].choices["solve"]
    by_flag = {s: a for a in solve._actions for s in a.option_strings}
    for f in fields(RunConfig):
        assert f.metadata["help"], f"{f.name} has no help"
        if f.metadata["flag"]:
            assert by_flag[flag(f.name)].help == option_help(f).replace("%", "%%")
            assert by_flag[flag(f.name)].default is None  # the file and the environment show through
    assert "problems" not in OPERATIONAL and {"jobs", "backend", "price_prompt_per_mtok"} <= OPERATIONAL


#: What ``run`` and ``judge`` never need: the model client, numpy, plotting, the other
#: backends' libraries and the solver's pipeline.
HEAVY = ("numpy", "openai", "matplotlib", "docker", "ray", "solver.pipeline", "solver.batch", "problems.loader")


@pytest.mark.parametrize("command", ["run", "judge"])
def test_run_and_judge_import_only_what_they_need(files, command):
    """The CLI builds the full parser of the command it runs only, and the packages load
    their parts on first use: a one-program command starts without the heavy imports."""
    args = ["run", str(files / "sum.py"), "--input", str(files / "in.txt")] if command == "run" else \
        ["judge", str(files / "sum.cpp"), "--tests", str(files / "tests")]
    script = ("import json, sys\nfrom solver.cli import main\ncode = main(sys.argv[1:])\n"
              f"print(json.dumps([code, [m for m in {HEAVY!r} if m in sys.modules]]), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1], stdin=subprocess.DEVNULL)
    code, loaded = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    assert code == 0 and loaded == [], proc.stderr.decode()
