"""Interactive problems and program folders with build/run scripts, on both backends: the
contest fixture (three interactive packages and one whose output validator is a build/run
folder) validates, every jury submission getting its folder's verdict; hostile programs end
with the right verdict and leave nothing running; the command line lists, judges and
validates them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import box_processes

from problems import load
from problems.judging import Checker, Test, Verdict, judge, judge_problem
from problems.kattis import load_package, program_from_path
from problems.validation import format_table, validate_problem
from sandbox import Limits, Program, Sandbox
from solver.prompts import input_format, solve_messages

CONTEST = Path(__file__).parent / "fixtures" / "contest"
INTERACTIVE = ["guessnumber", "adaptiveguess", "multiround"]


def codesolve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver.cli", *args], capture_output=True, timeout=600)


@pytest.mark.parametrize("name", [*INTERACTIVE, "pairproduct"])
def test_every_jury_submission_gets_its_verdict(sandbox: Sandbox, name: str):
    problem = load_package(str(CONTEST / name))
    assert problem.interactive == (name in INTERACTIVE)
    checks = validate_problem(sandbox, problem)
    submissions = [c for c in checks if "/" in c.item]
    assert len(submissions) >= 3, format_table(checks)
    assert all(c.ok for c in checks), format_table(checks)
    assert {c.got for c in submissions} >= {"AC", "WA"}


def test_the_interactors_judgement_decides(sandbox: Sandbox):
    """The adaptive judge: a program right against a fixed secret is wrong against it."""
    problem = load_package(str(CONTEST / "adaptiveguess"))
    early = program_from_path(str(CONTEST / "adaptiveguess/submissions/wrong_answer/earlyguess.py"))
    result = judge_problem(sandbox, early, problem, stop_on_failure=False)
    assert result.verdict is Verdict.WA
    assert any("agree" in t.message or "contradict" in t.message for t in result.tests if t.verdict is Verdict.WA)


GUESS = CONTEST / "guessnumber"
#: A right binary search for guess-the-number.
SEARCH = ("n = int(input())\nlo, hi = 1, n\nwhile lo < hi:\n    mid = (lo + hi) // 2\n    print('?', mid, flush=True)\n"
          "    r = input()\n    if r == '=':\n        lo = hi = mid\n    elif r == '<':\n        hi = mid - 1\n"
          "    else:\n        lo = mid + 1\nprint('!', lo, flush=True)\n")
#: Hostile programs against the guess-the-number interactor, and the verdict each must get.
HOSTILE = {
    # Never reads its input and never writes: out of time (the judge waits, sees EOF, rejects after).
    "never_reads": ("import time\nwhile True:\n    time.sleep(0.05)\n", Verdict.TLE),
    # Writes queries without reading the answers: the judge rejects at the query limit, first.
    "floods": ("import sys\nwhile True:\n    sys.stdout.write('? 1\\n')\n", Verdict.WA),
    # Closes its stdout at once, then runs on: the judge sees EOF and rejects, first.
    "closes_stdout": ("import os, time\nos.close(1)\nwhile True:\n    time.sleep(0.05)\n", Verdict.WA),
    # Answers right, then writes more and exits: the judge reads to EOF and rejects what followed.
    "writes_after_answer": (SEARCH + "for _ in range(1000):\n    print('extra', flush=True)\n", Verdict.WA),
    # Answers right, then writes forever: the judge never sees the end; the program runs out of time.
    "writes_forever_after_answer": (SEARCH + "while True:\n    print('extra', flush=True)\n", Verdict.TLE),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_programs_against_an_interactor(sandbox: Sandbox, name: str):
    source, expected = HOSTILE[name]
    problem = load_package(str(GUESS))
    result = judge_problem(sandbox, Program("python", source), problem, problem.limits.with_(time_s=1.0))
    assert result.verdict is expected, result.to_json()
    assert box_processes() == []


#: An interactor that accepts as soon as it reads the right answer and exits at once.
QUICK = ("import sys\nn = int(open(sys.argv[1]).read())\nprint(n, flush=True)\n"
         "sys.exit(42 if sys.stdin.readline().split() == [str(2 * n)] else 43)\n")


@pytest.mark.parametrize("language, source, expected", [
    ("python", "print(2 * int(input()), flush=True)\n", Verdict.AC),
    ("cpp", "#include <cstdio>\nint main(){long n; scanf(\"%ld\",&n); printf(\"%ld\\n\",2*n); fflush(stdout);}",
     Verdict.AC),
    # Writes on after the interactor accepted and exited: the write fails (a broken pipe), a run-time error.
    ("python", "import time\nprint(2 * int(input()), flush=True)\ntime.sleep(0.3)\n"
               "while True:\n    print('more', flush=True)\n", Verdict.RE),
    ("cpp", "#include <cstdio>\n#include <unistd.h>\nint main(){long n; scanf(\"%ld\",&n); printf(\"%ld\\n\",2*n);"
            " fflush(stdout); usleep(300000); for(;;){ puts(\"more\"); fflush(stdout);} }", Verdict.RE),
    # Crashes after a wrong answer the interactor rejected first: still a wrong answer.
    ("python", "import time\nprint(2 * int(input()) + 1, flush=True)\ntime.sleep(0.3)\nraise SystemExit(3)\n",
     Verdict.WA),
])
def test_verdicts_combine_as_problem_package_tools_do(sandbox: Sandbox, language: str, source: str,
                                                      expected: Verdict):
    checker = Checker(kind="interactor", validator=Program("python", QUICK))
    tests = [Test(str(k), str(k).encode(), b"") for k in (1, 7)]
    result = judge(sandbox, Program(language, source), tests, Limits(time_s=2.0), checker)
    assert result.verdict is expected, result.to_json()
    assert box_processes() == []


def test_build_run_program_folder(sandbox: Sandbox, tmp_path: Path):
    """``build`` runs in the compile box and may make sub-folders; ``run`` is the program and
    finds what ``build`` made beside itself; a folder with only ``run`` needs no build."""
    folder = tmp_path / "prog"
    folder.mkdir()
    (folder / "twice.cpp").write_text("#include <cstdio>\nint main(){int x; scanf(\"%d\",&x); printf(\"%d\\n\",2*x);"
                                      "\n#ifdef ONLINE_JUDGE\nputs(\"judge\");\n#endif\n}\n")
    (folder / "build").write_text("#!/bin/sh\ng++ -O2 -DONLINE_JUDGE -o twice twice.cpp && mkdir -p lib && "
                                  "echo made > lib/note\n")
    (folder / "run").write_text("#!/bin/sh\nd=\"$(dirname \"$0\")\"\ncat \"$d/lib/note\"\nexec \"$d/twice\" \"$@\"\n")
    compiled = sandbox.compile(program_from_path(str(folder)))
    assert compiled.ok, compiled.run.stderr
    assert sandbox.run(compiled.executable, b"21\n").stdout == b"made\n42\njudge\n"
    (folder / "build").unlink()
    (folder / "run").write_text("#!/bin/sh\necho only run \"$@\"\n")
    compiled = sandbox.compile(program_from_path(str(folder)))
    assert compiled.ok and sandbox.run(compiled.executable).stdout == b"only run\n"
    (folder / "run").unlink()
    (folder / "build").write_text("#!/bin/sh\ntrue\n")
    compiled = sandbox.compile(program_from_path(str(folder)))
    assert not compiled.ok and b"no run script" in compiled.run.stderr


def test_cpp_is_compiled_as_judges_compile(sandbox: Sandbox):
    """gnu++17 with ONLINE_JUDGE defined: a solution that reads a local file without it works."""
    source = ("#include <bits/stdc++.h>\nint main(){\n#ifndef ONLINE_JUDGE\nfreopen(\"input.txt\",\"r\",stdin);\n"
              "#endif\n__int128 x = 0; long long n; std::cin >> n; x = n; x *= 3; std::cout << (long long)x << '\\n';}\n")
    compiled = sandbox.compile(Program("cpp", source))
    assert compiled.ok, compiled.run.stderr
    assert sandbox.run(compiled.executable, b"14\n").stdout == b"42\n"


def test_prompts_show_the_sample_interaction():
    problem = load_package(str(GUESS))
    text = solve_messages(problem, "python")[1]["content"]
    assert "## Sample interactions" in text and "<10" in text and ">! 7" in text
    assert "flush" in text and "Input:" not in text
    assert "judge's data file" in input_format(problem)


def test_cli_lists_judges_and_validates_a_contest_folder(tmp_path: Path):
    contest = tmp_path / "contest"
    shutil.copytree(CONTEST, contest)
    # A broken package beside the good ones: every command goes on with the rest and names it.
    (contest / "broken").mkdir()
    (contest / "broken" / "problem.yaml").write_text("name: [unclosed\n")
    (contest / "broken" / "data").mkdir()
    proc = codesolve("problems", "list", str(contest))
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 3, proc.stderr
    assert [line.split("\t")[0] for line in lines] == ["adaptiveguess", "guessnumber", "multiround", "pairproduct"]
    assert [line.split("\t")[2] for line in lines].count("interactive") == 3
    assert b"skipped broken: " in proc.stderr and b"problem.yaml: not valid YAML" in proc.stderr

    guess = str(contest / "guessnumber")
    proc = codesolve("judge", str(GUESS / "submissions/accepted/binary.cpp"), "--problem", guess)
    out = json.loads(proc.stdout)
    assert proc.returncode == 0 and out["verdict"] == "AC" and out["passed"] == out["total"] == 10
    proc = codesolve("judge", str(GUESS / "submissions/wrong_answer/offbyone.cpp"), "--problem", guess)
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["verdict"] == "WA" and out["tests"][-1]["message"]

    shutil.rmtree(contest / "adaptiveguess")
    shutil.rmtree(contest / "multiround")
    proc = codesolve("problems", "validate", str(contest))
    table = proc.stdout.decode()
    assert proc.returncode == 1, table  # the broken package is a failed check; the rest pass
    rows = [line.split()[:5] for line in table.splitlines()[1:-1]]
    assert [r for r in rows if r[4] == "FAIL"] == [["broken", "package", "loads", "error", "FAIL"]], table
    assert ["guessnumber", "time_limit_exceeded/spin.py", "TLE", "TLE", "ok"] in rows, table


def test_a_folder_with_broken_packages_loads_the_rest(tmp_path: Path):
    contest = tmp_path / "contest"
    shutil.copytree(CONTEST / "pairproduct", contest / "pairproduct")
    (contest / "multi").mkdir()
    (contest / "multi" / "problem.yaml").write_text("problem_format_version: 2023-07-draft\ntype: multi-pass\n")
    (contest / "multi" / "data").mkdir()
    problem_set = load(str(contest), skip_broken=True)
    assert [p.id for p in problem_set] == ["pairproduct"]
    assert [name for name, _ in problem_set.broken] == ["multi"]
    assert "multi-pass problems are not supported" in problem_set.broken[0][1]


def test_solve_filters_and_ranks_through_the_interactor(tmp_path: Path, sandbox: Sandbox):
    """``codesolve solve`` on an interactive problem, replaying a pool we wrote: a program that
    runs out of time on the sample is filtered out; two that pass the sample but are wrong
    (too many queries, an off-by-one at S = N) are told apart from the right one by the
    interactor's verdicts on the tests model's inputs, and the right one is chosen."""
    problems = tmp_path / "contest"
    shutil.copytree(GUESS, problems / "guessnumber")
    off_by_one = SEARCH.replace("lo, hi = 1, n", "lo, hi = 1, max(1, n - 1)")
    linear = "n = int(input())\nfor x in range(1, n + 1):\n    print('?', x, flush=True)\n" \
             "    if input() == '=':\n        print('!', x, flush=True)\n        break\n"
    spin = "n = int(input())\nwhile True:\n    pass\n"
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": "guessnumber", "completion": f"```python\n{code}```"}) + "\n"
                               for code in (linear, off_by_one, spin, SEARCH)))
    tests = tmp_path / "tests.jsonl"
    tests.write_text(json.dumps({"task_id": "guessnumber", "purpose": "inputs",
                                 "completion": "```input\n100 100\n```\n```input\n1000000 999999\n```\n"
                                               "```input\n1000 1000\n```"}) + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "solver.cli", "solve", str(problems), "--model", f"replay:{samples}",
         "--tests-model", f"replay:{tests}", "-n", "4", "-k", "1", "--languages", "python", "--out",
         str(tmp_path / "run"), "-q", "--backend", sandbox.name], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads((tmp_path / "run" / "report.json").read_text())
    assert report["judged"] == 1 and report["1_at_k"] == 1.0
    with sqlite3.connect(tmp_path / "run" / "run.sqlite") as db:
        attempt = json.loads(db.execute("SELECT attempt FROM problems").fetchone()[0])
    assert [c["sample_verdict"] for c in attempt["candidates"]] == ["AC", "AC", "TLE", "AC"]
    assert attempt["submissions"] == [3]
    behaviours = {tuple(c["members"]): c["behaviour"] for c in attempt["clusters"]}
    # Mutations of the sample make some inputs invalid (S > N: nobody finds S); on the others
    # the right program is accepted, so it fails on fewest inputs.
    assert behaviours[(3,)][:3] == ["o0", "o0", "o0"]
    assert behaviours[(3,)].count("WA") < behaviours[(1,)].count("WA") < behaviours[(0,)].count("WA")


def test_a_loose_checker_gets_the_headers_beside_it(tmp_path: Path, sandbox: Sandbox):
    """Contest exports put a checker and its header (testlib.h) loose in ``output_validators/``."""
    pkg = tmp_path / "multiplier"
    shutil.copytree(Path(__file__).parent / "fixtures" / "kattis" / "multiplier", pkg)
    (pkg / "problem.yaml").write_text("name: Multiplier\nvalidation: custom\n")
    (pkg / "output_validators").mkdir()
    (pkg / "output_validators" / "verdict.h").write_text(
        "#include <cstdlib>\n#include <fstream>\n"
        "inline void verdict(bool ok, const char* dir) { if (!ok) std::ofstream(std::string(dir) + "
        "\"judgemessage.txt\") << \"differs\"; std::exit(ok ? 42 : 43); }\n")
    (pkg / "output_validators" / "check.cpp").write_text(
        "#include <fstream>\n#include <iostream>\n#include <string>\n#include \"verdict.h\"\n"
        "int main(int argc, char** argv) { std::ifstream ans(argv[2]); std::string a, b; ans >> a; std::cin >> b;\n"
        "  std::string extra; bool more = bool(std::cin >> extra); verdict(a == b && !more, argv[3]); }\n")
    problem = load_package(str(pkg))
    checks = validate_problem(sandbox, problem)
    assert checks and all(c.ok for c in checks), format_table(checks)
    wrong = judge_problem(sandbox, Program("python", "print(-1)\n"), problem)
    assert wrong.verdict is Verdict.WA and wrong.tests[-1].message == "differs"
