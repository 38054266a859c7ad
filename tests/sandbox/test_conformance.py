"""Behaviour every implementation of the sandbox contract must show: run once per
implementation in IMPLEMENTATIONS (the backends, the Ray executor, the recording sandbox)."""

from __future__ import annotations

import json
from typing import Iterator

import pytest
from conftest import BACKENDS_UNDER_TEST, IMPLEMENTATIONS, Runner, opened  # type: ignore[import-not-found]

from problems.judging import Checker, Test, Verdict, judge
from problems.judging.harness import function_call_program, function_calls_program, judge_test_program, run_calls
from sandbox import Limits, Program, RunInput, Sandbox, Status
from sandbox.backends import open_sandbox

ECHO_SUM_PY = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"
ECHO_SUM_CPP = """#include <cstdio>
int main(){ long long s = 0, x; while (std::scanf("%lld", &x) == 1) s += x; std::printf("%lld\\n", s); }
"""




# These override conftest's ``sandbox`` and ``runner`` in this module: every implementation,
# each opened once per module (the Ray instance is gone before other modules start theirs).
@pytest.fixture(scope="module", params=IMPLEMENTATIONS)
def sandbox(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    yield from opened(request.param, str(tmp_path_factory.mktemp("runs")))


@pytest.fixture(scope="module", params=["cold", "warm"])
def runner(sandbox: Sandbox, request: pytest.FixtureRequest) -> Iterator[Runner]:
    """Python programs started cold, or forked from a warm interpreter (C++ always cold). The
    warm path is a backend's own: through Ray (chunks of one input per worker here) or the
    run store (identical inputs run once) it cannot be observed, so only the backends run it;
    a backend's cold runs are on a sandbox of its with the warm path off."""
    backend = backend_of(sandbox)
    if request.param == "warm":
        if backend is None:
            pytest.skip("warm runs are the backends' own (covered by local and docker)")
        yield Runner(sandbox, warm=True)
    elif backend is None:
        yield Runner(sandbox)
    else:
        with open_sandbox(backend, warm_python=False) as cold:
            yield Runner(sandbox, cold=cold)


#: Tests not run against the Ray executor, and why.
NOT_ON_RAY = {
    # Ray sends a batch of 30 as two chunks of 15 at once: nothing is left for the stop rule to cut.
    "test_run_batch_stop_predicate": "the stop rule acts per chunk on Ray",
    "test_interact_stop_predicate": "the stop rule acts per chunk on Ray",
}


@pytest.fixture(autouse=True)
def _subset_on_ray(request: pytest.FixtureRequest) -> None:
    """Skips the tests of ``NOT_ON_RAY`` for the Ray executor."""
    reason = NOT_ON_RAY.get(request.function.__name__)
    if reason and "sandbox" in request.fixturenames and request.getfixturevalue("sandbox").name == "ray":
        pytest.skip(reason)


def backend_of(sb: Sandbox) -> str | None:
    """The backend ``sb`` is, or None for the Ray executor and the recording sandbox."""
    return sb.name if type(sb).__module__.startswith("sandbox.") and sb.name in BACKENDS_UNDER_TEST else None


def test_every_implementation_is_a_sandbox(sandbox):
    assert isinstance(sandbox, Sandbox)  # sandbox.Sandbox, the public contract


def test_python_and_cpp_read_stdin_and_write_stdout(runner):
    for lang, src in (("python", ECHO_SUM_PY), ("cpp", ECHO_SUM_CPP)):
        r = runner.run(lang, src, b"1 2 3\n4\n")
        assert r.status is Status.OK, r
        assert r.stdout == b"10\n"
        assert r.exit_code == 0 and r.signal is None
        assert 0 <= r.cpu_s < 1 and 0 < r.wall_s < 1
        assert 0 < r.peak_memory_mb < 64


def test_programs_run_at_the_default_cpu_priority_and_cannot_raise_it(runner):
    """A local box's supervisor runs at a higher priority than its programs; they get the
    default back and, without privileges, cannot take more."""
    r = runner.run("python", "import os\nprint(os.getpriority(os.PRIO_PROCESS, 0))\n"
                             "try:\n    os.setpriority(os.PRIO_PROCESS, 0, -5)\n    print('raised')\n"
                             "except OSError as e:\n    print('refused', e.errno)\n")
    assert r.ok and r.stdout.split(b"\n")[:2] == [b"0", b"refused 13"], r


def test_compile_error_is_ce_with_compiler_message(sandbox):
    bad_cpp = sandbox.compile(Program("cpp", "int main( { return 0; }"))
    assert not bad_cpp.ok and bad_cpp.run.status is Status.CE
    assert b"error" in bad_cpp.run.stderr
    bad_py = sandbox.compile(Program("python", "def f(:\n  pass\n"))
    assert not bad_py.ok and bad_py.run.status is Status.CE
    assert b"SyntaxError" in bad_py.run.stderr
    # Errors the parser alone lets through are found too (Python's check is the byte-code compiler's).
    outside = sandbox.compile(Program("python", "x = 1\nreturn x\n"))
    assert outside.run.status is Status.CE and b"prog.py:2" in outside.run.stderr
    helper = sandbox.compile(Program("python", "import helper\n", (("helper.py", b"def f(:\n"),)))
    assert helper.run.status is Status.CE and b"helper.py:1" in helper.run.stderr
    # A file checked before (a harness, a problem's tests) is not compiled again, and keeps its verdict.
    again = sandbox.compile(Program("python", "import helper\nprint(1)\n", (("helper.py", b"def f(:\n"),)))
    assert again.run.status is Status.CE and b"helper.py:1" in again.run.stderr
    fixed = sandbox.compile(Program("python", "import helper\n", (("helper.py", b"def f():\n    pass\n"),)))
    assert fixed.ok


def test_nonzero_exit_and_exception_are_re(runner):
    r = runner.run("python", "import sys\nsys.exit(7)\n")
    assert (r.status, r.exit_code) == (Status.RE, 7)
    r = runner.run("python", "raise ValueError('boom')\n")
    assert r.status is Status.RE and b"ValueError: boom" in r.stderr
    r = runner.run("cpp", "#include <cstdlib>\nint main(){ std::abort(); }\n")
    assert r.status is Status.RE and r.signal == 6 and r.exit_code is None


def test_a_program_is_the_oom_killers_first_choice(runner):
    """Every program runs at the highest OOM score, so an OOM kill in the box takes it and never
    the supervisor, even where the box inherited a high score (a Ray worker runs at 1000)."""
    r = runner.run("python", "print(open('/proc/self/oom_score_adj').read().strip())\n")
    assert r.status is Status.OK and r.stdout == b"1000\n"


def test_the_process_limit_counts_the_program_and_nothing_of_the_box(runner):
    """``processes`` is the run's processes, the program included: exactly that many, whatever
    the box itself holds in its cgroup (supervisor, zygotes, the outer process)."""
    src = ("import os, time\nn = 0\nfor _ in range(40):\n    try:\n        pid = os.fork()\n"
           "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(2)\n        os._exit(0)\n"
           "    n += 1\nprint(n)\n")
    for processes in (2, 6):
        r = runner.run("python", src, limits=Limits(time_s=5, wall_s=10, processes=processes))
        assert r.status is Status.OK and r.stdout == f"{processes - 1}\n".encode(), (processes, r)


def test_cpu_time_limit_is_enforced_promptly(runner):
    r = runner.run("cpp", "int main(){ volatile unsigned long x = 0; for(;;) x++; }\n", limits=Limits(time_s=0.5))
    assert r.status is Status.TLE
    # On an idle machine the CPU limit fires at 0.5 s; on a loaded one the wall limit (2 s) may
    # fire first. Either way the run is stopped promptly.
    assert r.cpu_s < 1.5 and r.wall_s < Limits(time_s=0.5).wall_limit_s + 1.0


def test_wall_time_limit_catches_a_sleeper(runner):
    r = runner.run("python", "import time\ntime.sleep(30)\n", limits=Limits(time_s=0.5, wall_s=1.0))
    assert r.status is Status.TLE and "wall" in r.reason
    assert 1.0 <= r.wall_s < 3.0
    assert r.cpu_s < 0.5


def test_memory_limit_reports_mle_and_peak(runner):
    src = "#include <cstring>\n#include <cstdlib>\nint main(){ for(int i=0;;i++){ char* p=(char*)std::malloc(1<<20); std::memset(p,1,1<<20);} }\n"
    r = runner.run("cpp", src, limits=Limits(time_s=5, memory_mb=64))
    assert r.status is Status.MLE, r
    ok = runner.run("cpp", "#include <vector>\n#include <cstdio>\nint main(){ std::vector<char> v(40<<20, 1); std::printf(\"%d\\n\", v[123]); }\n",
                    limits=Limits(time_s=5, memory_mb=64))
    assert ok.status is Status.OK and 38 <= ok.peak_memory_mb < 64  # 40 MB vector (+ code, - shared pages)


GCC_DIR = "/usr/lib/gcc/x86_64-linux-gnu/12"
#: Reads three large compiler files (about 100 MB) through read(), first dropping their
#: cached pages (POSIX_FADV_DONTNEED, no privilege needed) so the reads are charged to
#: this run's cgroup.
READ_GCC_PY = f"""import os
total = 0
for name in ("cc1plus", "cc1", "lto1"):
    with open(os.path.join({GCC_DIR!r}, name), "rb", buffering=0) as f:
        os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := f.read(1 << 20):
            total += len(chunk)
print(total >> 20)
"""
ALLOC_100MB_CPP = ("#include <vector>\n#include <cstdio>\n"
                   "int main(){ std::vector<char> v(100<<20, 1); std::printf(\"%d\\n\", v[7]); }\n")
#: 40 MB of its own memory plus a 33 MB file it maps and reads over and over: a working set
#: over a 64 MB limit made of file pages, which reclaim can always evict (so the kernel never
#: OOM-kills) and the program at once faults back in.
THRASH_CPP = f"""#include <cstdio>
#include <vector>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
int main() {{
    std::vector<char> own(40 << 20, 1);
    int fd = open("{GCC_DIR}/lto1", O_RDONLY);
    struct stat st;
    fstat(fd, &st);
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    const volatile char* p = (const char*)mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    long sum = 0;
    for (int pass = 0; pass < 100000; pass++)
        for (off_t i = 0; i < st.st_size; i += 4096) sum += p[i];
    std::printf("%ld %d\\n", sum, own[7]);
}}
"""


def test_page_cache_a_box_holds_does_not_raise_the_next_runs_memory_limit(sandbox):
    """A run that reads files leaves their pages cached and charged to the box's cgroup;
    reclaim hands them to the next run, so they must not count in its memory limit (they
    once did: 100 MB were allocated under a 64 MB limit)."""
    if backend_of(sandbox) is None:
        pytest.skip("about a backend's own boxes (covered by local and docker)")
    one = open_sandbox(sandbox.name, workers=1)
    try:
        reader = one.compile(Program("python", READ_GCC_PY))
        alloc = one.compile(Program("cpp", ALLOC_100MB_CPP))
        assert reader.ok and alloc.ok
        read = one.run(reader.executable, b"", Limits(time_s=10, wall_s=20, memory_mb=256))
        assert read.status is Status.OK and int(read.stdout) >= 90, read
        r = one.run(alloc.executable, b"", Limits(time_s=5, memory_mb=64))
        assert r.status is Status.MLE, r
        assert one.run(alloc.executable, b"", Limits(time_s=5, memory_mb=128)).status is Status.OK
    finally:
        one.close()


def test_reading_files_through_the_page_cache_under_a_tight_limit_is_fine(runner):
    """Reads fill the cgroup's page cache up to the limit and reclaim recycles it: no MLE."""
    r = runner.run("python", READ_GCC_PY, limits=Limits(time_s=10, wall_s=20, memory_mb=48))
    assert r.status is Status.OK and int(r.stdout) >= 90, r


def test_thrashing_at_the_memory_limit_is_mle_not_a_crawl_to_tle(sandbox):
    thrash = sandbox.compile(Program("cpp", THRASH_CPP))
    assert thrash.ok
    r = sandbox.run(thrash.executable, b"", Limits(time_s=10, wall_s=20, memory_mb=64))
    assert r.status is Status.MLE and "thrashed" in r.reason, r
    assert r.wall_s < 4, r
    fits = sandbox.compile(Program("cpp", THRASH_CPP.replace("pass < 100000", "pass < 3")))
    r = sandbox.run(fits.executable, b"", Limits(time_s=10, memory_mb=128))
    assert r.status is Status.OK, r


def test_output_limit(runner):
    r = runner.run("python", "import sys\nsys.stdout.write('x' * (3 << 20))\n", limits=Limits(output_mb=2))
    assert r.status is Status.OLE
    r = runner.run("python", "import sys\nsys.stdout.write('x' * (2 << 20))\n", limits=Limits(output_mb=2))
    assert r.status is Status.OK and len(r.stdout) == 2 << 20


def test_run_batch_keeps_order_and_uses_fresh_state(sandbox):
    src = ("import os, sys\n"
           "n = int(sys.stdin.read())\n"
           "seen = sorted(os.listdir('.'))\n"
           "open('mark-%d' % n, 'w').write('x')\n"
           "print(n * n, len(seen))\n")
    exe = sandbox.compile(Program("python", src)).executable
    inputs = [str(i).encode() for i in range(40)]
    results = sandbox.run_batch(exe, inputs, Limits(time_s=2))
    assert [r.stdout for r in results] == [f"{i * i} 0\n".encode() for i in range(40)]


def test_run_batch_stop_predicate(sandbox):
    exe = sandbox.compile(Program("python", "import sys\nn=int(sys.stdin.read())\nsys.exit(1 if n == 5 else 0)\n")).executable
    results = sandbox.run_batch(exe, [str(i).encode() for i in range(30)], Limits(),
                                stop=lambda i, r: r.status is not Status.OK)
    assert results[5].status is Status.RE
    assert all(r is not None and r.ok for r in results[:5])
    assert any(r is None for r in results[8:])


def test_interact_crosses_the_streams_of_a_program_and_an_interactor(sandbox):
    """``interact``: per input, the interactor writes to the program's stdin and reads its
    stdout; both results come back in input order, the interactor's files collected."""
    interactor = sandbox.compile(Program("python", (
        "import sys\nn = int(open(sys.argv[1]).read())\nprint(n, flush=True)\n"
        "ok = sys.stdin.readline().strip() == str(n * n)\n"
        "open(sys.argv[2] + 'verdict.txt', 'w').write('yes' if ok else 'no')\nsys.exit(42 if ok else 43)\n"))).executable
    program = sandbox.compile(Program("cpp", "#include <cstdio>\nint main(){long n; scanf(\"%ld\",&n);"
                                             " printf(\"%ld\\n\", n == 3 ? 0 : n*n); fflush(stdout);}")).executable
    inputs = [RunInput(files={"input": str(n).encode()}, args=("input", "fb/"), dirs=("fb",),
                       collect=("fb/verdict.txt",)) for n in range(1, 7)]
    results = sandbox.interact(program, interactor, inputs, Limits(time_s=2), Limits(time_s=5))
    assert [r.interactor.exit_code for r in results] == [42, 42, 43, 42, 42, 42]
    assert [r.interactor.files["fb/verdict.txt"] for r in results] == [b"yes", b"yes", b"no", b"yes", b"yes", b"yes"]
    assert all(r.program.ok and r.program.stdout == b"" for r in results)


def test_interact_stop_predicate(sandbox):
    interactor = sandbox.compile(Program("python", "import sys\nn = int(open(sys.argv[1]).read())\n"
                                                   "sys.exit(43 if n == 2 else 42)\n")).executable
    program = sandbox.compile(Program("python", "pass\n")).executable
    inputs = [RunInput(files={"input": str(n).encode()}, args=("input",)) for n in range(30)]
    stopped = sandbox.interact(program, interactor, inputs, Limits(time_s=2), Limits(time_s=5),
                               stop=lambda i, r: r.interactor.exit_code != 42)
    assert stopped[2].interactor.exit_code == 43 and any(r is None for r in stopped[8:])


def test_files_in_and_out_of_the_work_dir(sandbox):
    src = "data = open('given.txt').read()\nimport os\nos.makedirs('out', exist_ok=True)\nopen('out/result.txt','w').write(data.upper())\n"
    exe = sandbox.compile(Program("python", src)).executable
    r = sandbox.run(exe, RunInput(files={"given.txt": b"hello"}, collect=("out/*.txt",)))
    assert r.ok and r.files == {"out/result.txt": b"HELLO"}


def test_function_call_harness_python_and_cpp(sandbox):
    tests = [Test("1", b"[[3, 1, 2], 10]", b"[1, 2, 3, 10]"), Test("2", b"[[], -1]", b"[-1]")]
    py = "def f(xs, extra):\n    print('noise')\n    return sorted(xs) + [extra]\n"
    cpp = ("#include <bits/stdc++.h>\nusing namespace std;\n"
           "vector<long long> f(vector<int> xs, int extra){ cout << \"noise\"; sort(xs.begin(), xs.end());"
           " vector<long long> r(xs.begin(), xs.end()); r.push_back(extra); return r; }\n")
    for lang, src in (("python", py), ("cpp", cpp)):
        res = judge(sandbox, function_call_program(lang, src, "f"), tests, checker=Checker(kind="json"))
        assert res.verdict is Verdict.AC, res.to_json()
    wrong = "def f(xs, extra):\n    return xs + [extra]\n"
    res = judge(sandbox, function_call_program("python", wrong, "f"), tests, checker=Checker(kind="json"))
    assert res.verdict is Verdict.WA and res.failed_test.name == "1"
    leetcode = "class Solution:\n    def f(self, xs: List[int], extra: int) -> List[int]:\n        return sorted(xs) + [extra]\n"
    res = judge(sandbox, function_call_program("python", leetcode, "f"), tests, checker=Checker(kind="json"))
    assert res.verdict is Verdict.AC


def test_function_call_strings_and_floats_in_cpp(sandbox):
    cpp = ("#include <bits/stdc++.h>\nusing namespace std;\n"
           "pair<int,int> unused;\n"
           "vector<string> g(const string& s, double x, bool flag){ return {s + \"!\", to_string(x > 1.5), flag ? \"t\" : \"f\"}; }\n")
    tests = [Test("1", json.dumps(["caf\u00e9 \"q\"", 2.5, True]).encode(), json.dumps(["caf\u00e9 \"q\"!", "1", "t"]).encode())]
    res = judge(sandbox, function_call_program("cpp", cpp, "g"), tests, checker=Checker(kind="json"))
    assert res.verdict is Verdict.AC, res.to_json()


CALLS_CANDIDATE = """
calls = 0
def f(x, y=0):
    global calls
    calls += 1
    print("noise")          # not part of the result
    if x == -1:
        while True: pass
    if x == -2:
        raise ValueError("negative")
    if x == -3:
        return {3, 1, 2}
    if x == -4:
        import time; time.sleep(30)
    if x == -5:
        return [0] * 10**12
    if isinstance(x, dict):
        return sorted(x)
    return (x * 2 + y, calls)
"""


def test_function_calls_one_process_per_candidate(sandbox):
    exe = sandbox.compile(function_calls_program(CALLS_CANDIDATE, "f")).executable
    inputs = [b"[1]\n", b"[-2]\n", b"[2, 3]\n", b"[{8: 'a', 2: 'b'}]\n", b"[-3]\n", b"[-5]\n", b"[-1]\n",
              b"[-4]\n", b"[5]\n", b"[-1]\n", b"[6]\n"]
    results = run_calls(sandbox, exe, inputs, Limits(time_s=0.3, wall_s=1.0), max_timeouts=3)
    got = [(r.status.value, r.stdout) if r is not None else None for r in results]
    assert got[:8] == [("OK", b"[2, 1]"), ("RE", b""), ("OK", b"[7, 3]"), ("OK", b"[2, 8]"),  # a literal input
                       ("OK", b"py:{1, 2, 3}"), ("MLE", b""), ("TLE", b""), ("TLE", b"")]  # CPU, then wall
    assert results[1].stderr.startswith(b"ValueError: negative")
    assert got[8] == ("OK", b"[10, 9]")  # globals persist between calls of one run, as on LeetCode
    assert got[9] == ("TLE", b"") and got[10] is None  # the third timeout ends the run: no call after it
    assert results[6].cpu_s >= 0.25 and results[0].cpu_s < 0.1  # the timer and process_time differ a little


def test_function_calls_when_the_candidate_fails_to_load_or_exits(sandbox):
    missing = sandbox.compile(function_calls_program("def g(x):\n    return x\n", "f")).executable
    results = run_calls(sandbox, missing, [b"[1]", b"[2]"], Limits(time_s=1))
    assert [r.status for r in results] == [Status.RE, Status.RE] and b"no function 'f'" in results[0].stderr
    quits = sandbox.compile(function_calls_program("import os\ndef f(x):\n    if x: os._exit(3)\n    return 0\n",
                                                   "f")).executable
    results = run_calls(sandbox, quits, [b"[0]", b"[1]", b"[0]"], Limits(time_s=1))
    assert results[0].stdout == b"0" and results[1].status is Status.RE and results[1].exit_code == 3
    assert results[2] is None
    assert run_calls(sandbox, quits, [], Limits(time_s=1)) == []


def test_test_program_verdicts(sandbox):
    cand = "def double(x):\n    return 2 * x\n"
    assert judge_test_program(sandbox, cand, "def check(c):\n    assert c(2) == 4\n", "double").verdict is Verdict.AC
    assert judge_test_program(sandbox, cand, "assert double(3) == 7\n", "double").verdict is Verdict.WA
    # A failed assertion is reported by where it is and its line; a candidate's own assert too.
    wa = judge_test_program(sandbox, cand, "def check(c):\n    assert c(1) == 2\n    assert c(2) == 5, 'two'\n",
                            "double")
    assert wa.verdict is Verdict.WA
    assert wa.tests[0].run.stderr.decode().splitlines() == [
        "tests.py:3, in check: AssertionError: two", "    assert c(2) == 5, 'two'"]
    own = judge_test_program(sandbox, "def double(x):\n    assert x > 5\n    return 2 * x\n",
                             "assert double(3) == 6\n", "double")
    lines = own.tests[0].run.stderr.decode().splitlines()
    assert own.verdict is Verdict.WA and lines[0].endswith("candidate.py:2, in double: AssertionError")
    assert lines[1:] == ["    assert x > 5"]
    assert judge_test_program(sandbox, "def double(x):\n    return x / 0\n", "assert double(3) == 6\n",
                              "double").verdict is Verdict.RE
    assert judge_test_program(sandbox, "def double(x):\n  while True: pass\n", "assert double(3) == 6\n", "double",
                              Limits(time_s=0.5)).verdict is Verdict.TLE


def test_judge_verdicts_and_first_failure(sandbox):
    tests = [Test(f"t{i}", f"{i} {i}\n".encode(), f"{2 * i}\n".encode()) for i in range(12)]
    good = "a, b = map(int, input().split())\nprint(a + b)\n"
    res = judge(sandbox, Program("python", good), tests)
    assert res.verdict is Verdict.AC and len(res.tests) == 12
    wrong = "a, b = map(int, input().split())\nprint(a + b + (a == 9))\n"
    res = judge(sandbox, Program("python", wrong), tests)
    assert res.verdict is Verdict.WA and res.failed_test.name == "t9" and len(res.tests) == 10
    res = judge(sandbox, Program("python", wrong), tests, stop_on_failure=False)
    assert res.verdict is Verdict.WA and len(res.tests) == 12
    slow = "a, b = map(int, input().split())\nwhile a == 3: pass\nprint(a + b)\n"
    res = judge(sandbox, Program("python", slow), tests, Limits(time_s=0.5))
    assert res.verdict is Verdict.TLE and res.failed_test.name == "t3"
    res = judge(sandbox, Program("cpp", "int main( {}"), tests)
    assert res.verdict is Verdict.CE


def test_more_executables_than_a_box_keeps(sandbox):
    # A box keeps the last 64 executables it received: older ones are dropped as new ones
    # arrive, and one run again after it was dropped is sent again.
    exes = [sandbox.compile(Program("python", f"print({i})\n")).executable for i in range(150)]
    assert [sandbox.run(e).stdout for e in exes] == [f"{i}\n".encode() for i in range(150)]
    assert [sandbox.run(e).stdout for e in exes[:5]] == [f"{i}\n".encode() for i in range(5)]


def test_a_wrong_answer_stops_a_long_judgement_at_once(sandbox):
    # Outputs compared on the host are checked as they arrive: all the tests go in one
    # batch, and the first wrong answer stops it (the groups or chunks in flight finish).
    tests = [Test(f"t{i:03d}", f"{i} {i}\n".encode(), f"{2 * i}\n".encode()) for i in range(300)]
    batches: list[list] = []

    class Counting:
        def __getattr__(self, name):
            return getattr(sandbox, name)

        def run_batch(self, *args, **kwargs):
            batches.append(sandbox.run_batch(*args, **kwargs))
            return batches[-1]

    wrong = "a, b = map(int, input().split())\nprint(a + b + (a == 5))\n"
    res = judge(Counting(), Program("python", wrong), tests)
    assert res.verdict is Verdict.WA and res.failed_test.name == "t005" and len(res.tests) == 6
    assert len(batches) == 1 and sum(r is not None for r in batches[0]) < 300  # the Ray executor's chunks are large
    batches.clear()
    res = judge(Counting(), Program("python", wrong), tests, stop_on_failure=False)
    assert res.verdict is Verdict.WA and res.failed_test.name == "t005" and len(res.tests) == 300
    assert [t.verdict for t in res.tests].count(Verdict.WA) == 1
    assert len(batches) == 1 and all(r is not None for r in batches[0])


def test_custom_output_validator(sandbox):
    # Any pair (x, y) with x + y == n is accepted.
    validator = ("import sys\n"
                 "n = int(open(sys.argv[1]).read())\n"
                 "toks = sys.stdin.read().split()\n"
                 "ok = len(toks) == 2 and all(t.lstrip('-').isdigit() for t in toks) and int(toks[0]) + int(toks[1]) == n\n"
                 "open(sys.argv[3] + 'judgemessage.txt', 'w').write('ok' if ok else 'bad pair %r' % toks)\n"
                 "sys.exit(42 if ok else 43)\n")
    checker = Checker(kind="validator", validator=Program("python", validator))
    tests = [Test("a", b"10\n", b"5 5\n"), Test("b", b"7\n", b"3 4\n")]
    res = judge(sandbox, Program("python", "n = int(input())\nprint(1, n - 1)\n"), tests, checker=checker)
    assert res.verdict is Verdict.AC, res.to_json()
    res = judge(sandbox, Program("python", "n = int(input())\nprint(1, n)\n"), tests, checker=checker)
    assert res.verdict is Verdict.WA and "bad pair" in res.tests[0].message
    crashing = Checker(kind="validator", validator=Program("python", "raise SystemExit(1)\n"))
    res = judge(sandbox, Program("python", "print(1)\n"), tests, checker=crashing)
    assert res.verdict is Verdict.JE
