"""The warm Python path: a candidate loaded once and a fork per input (the zygote of an
executable), or any program forked from the box's generic zygote and loaded in the child;
nothing shared between runs, and the same results as a cold interpreter start per input."""

from __future__ import annotations

import re

import pytest

import sandbox.pool
import sandbox.pool as sandbox_pool
from sandbox import Limits, Program, RunInput, Status
from sandbox.backends import open_sandbox
from sandbox.local import preload_modules

FAST = Limits(time_s=1.0, wall_s=3.0, memory_mb=128)


@pytest.fixture
def own_zygotes(monkeypatch):
    """Batches of two inputs or more get a zygote of their executable (not the generic one)."""
    monkeypatch.setattr(sandbox.pool, "OWN_ZYGOTE_INPUTS", 2)


def warm_runs(sandbox, exe, inputs, limits=FAST):
    before = sandbox.stats.warm_runs
    results = sandbox.run_batch(exe, inputs, limits)
    return results, sandbox.stats.warm_runs - before


def test_a_batch_of_python_runs_goes_warm(sandbox):
    exe = sandbox.compile(Program("python", "import sys\nprint(int(sys.stdin.read()) * 2)\n")).executable
    results, warm = warm_runs(sandbox, exe, [str(i).encode() for i in range(40)])
    assert [r.stdout for r in results] == [b"%d\n" % (2 * i) for i in range(40)]
    assert warm == 40


def test_a_small_cpp_batch_stays_cold_and_single_python_runs_fork_the_generic_zygote(sandbox):
    # (Bigger C++ batches run as forks of a fork server: tests/sandbox/test_warm_native.py.)
    exe = sandbox.compile(Program("cpp", "#include <cstdio>\nint main(){ std::puts(\"c\"); }\n")).executable
    _, warm = warm_runs(sandbox, exe, [b""] * (sandbox_pool.NATIVE_ZYGOTE_INPUTS - 1))
    assert warm == 0
    py = sandbox.compile(Program("python", "print('single')\n")).executable
    before, generic = sandbox.stats.warm_runs, sandbox.stats.generic_runs
    assert sandbox.run(py, b"").stdout == b"single\n"
    assert sandbox.stats.warm_runs == before + 1 and sandbox.stats.generic_runs == generic + 1


def test_many_distinct_programs_share_one_generic_zygote(one_box):
    one_box.run(one_box.compile(Program("python", "pass\n")).executable, b"", FAST)  # the box and its zygote start
    starts, generic = one_box.stats.zygote_starts, one_box.stats.generic_runs
    for i in range(12):
        src = f"import json, typing, sys\nprint(json.dumps({{'i': {i}, 'argv0': sys.argv[0].endswith('/prog.py')}}))\n"
        r = one_box.run(one_box.compile(Program("python", src)).executable, b"", FAST)
        assert r.ok and r.stdout == b'{"i": %d, "argv0": true}\n' % i, r.stderr
    assert one_box.stats.generic_runs - generic == 12
    assert one_box.stats.zygote_starts == starts  # no zygote of their own, no new generic one


def test_an_executable_goes_ahead_of_its_first_request_and_again_when_the_box_dropped_it(one_box):
    exe = one_box.compile(Program("python", "print('sent ahead')\n")).executable
    one_box.run(one_box.compile(Program("python", "pass\n")).executable, b"", FAST)  # the box starts
    box = one_box._boxes[0]
    assert exe.digest not in box.sent
    assert one_box.run(exe, b"", FAST).stdout == b"sent ahead\n"
    assert box.sent[-1] == exe.digest  # sent with the request, the box answered both
    # The host believes the box holds one it never received (it dropped it): the box says
    # ``missing`` and gets it.
    other = one_box.compile(Program("python", "print('dropped')\n")).executable
    box.sent.append(other.digest)
    assert one_box.run(other, b"", FAST).stdout == b"dropped\n"


def test_a_box_keeps_the_zygotes_of_recent_executables(one_box, own_zygotes):
    exes = [one_box.compile(Program("python", f"print({i} + int(input()))\n")).executable for i in range(6)]
    starts = one_box.stats.zygote_starts
    for exe in exes[:4] + exes[:4]:  # four fit: each is started once
        results, warm = warm_runs(one_box, exe, [b"1", b"2"])
        assert warm == 2 and all(r.ok for r in results)
    assert one_box.stats.zygote_starts - starts == 4
    for exe in exes[4:] + exes[:1]:  # 4 and 5 push out 0 and 1, then 0 pushes out 2
        warm_runs(one_box, exe, [b"1", b"2"])
    assert one_box.stats.zygote_starts - starts == 7
    assert [r.stdout for r in warm_runs(one_box, exes[3], [b"1", b"2"])[0]] == [b"4\n", b"5\n"]
    assert one_box.stats.zygote_starts - starts == 7


# A program that reports the state it starts in, then changes all of it: globals, a module's
# attribute, sys.modules, builtins, sys.path, the recursion limit, the environment, the
# working directory, signal handlers, files in every writable place, a background process.
MUTATOR = r"""
import os, sys, json, math, random, signal, builtins
state = {
    "global": globals().get("counter"),
    "math.pi": math.pi,
    "json.leak": getattr(json, "leak", None),
    "sys.modules": "leakmod" in sys.modules,
    "builtins": hasattr(builtins, "leak"),
    "sys.path": sys.path[-1],
    "recursion": sys.getrecursionlimit(),
    "env": os.environ.get("LEAK"),
    "cwd": os.getcwd(),
    "sigterm": str(signal.getsignal(signal.SIGTERM)),
    "files": sorted(os.listdir(".")) + sorted(os.listdir("/tmp")) + sorted(os.listdir("/dev/shm")),
    "processes": sorted(p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()
                        and os.stat("/proc/" + p).st_uid == os.getuid()),  # programs, not the box's own
    "argv": sys.argv[1:],
    "main": (__name__, __file__ == sys.argv[0], sys.path[0] == os.path.dirname(__file__)),
    "stdin": sys.stdin.read(),
}
print(json.dumps(state, sort_keys=True))
print(random.random(), file=sys.stderr)
counter = 1
math.pi = 3
json.leak = True
sys.modules["leakmod"] = math
builtins.leak = True
sys.path.append("/leak")
sys.setrecursionlimit(77)
os.environ["LEAK"] = "1"
signal.signal(signal.SIGTERM, signal.SIG_IGN)
for place in (".", "/tmp", "/dev/shm"):
    with open(os.path.join(place, "left-behind"), "w") as f:
        f.write("x")
os.chdir("/tmp")
if os.fork() == 0:
    os.setsid()
    import time
    time.sleep(60)
    os._exit(0)
"""


@pytest.mark.parametrize("zygote", ["generic", "own"])
def test_nothing_leaks_from_one_input_to_the_next(one_box, monkeypatch, zygote):
    if zygote == "own":
        monkeypatch.setattr(sandbox.pool, "OWN_ZYGOTE_INPUTS", 2)
    exe = one_box.compile(Program("python", MUTATOR)).executable
    inputs = [b"input %d" % i for i in range(6)]
    generic = one_box.stats.generic_runs
    results, warm = warm_runs(one_box, exe, inputs)
    assert warm == len(inputs)
    assert one_box.stats.generic_runs - generic == (len(inputs) if zygote == "generic" else 0)
    assert all(r.ok for r in results), [r.reason + r.stderr.decode() for r in results]
    first = results[0].stdout.replace(b"input 0", b"INPUT")
    for i, r in enumerate(results):
        assert r.stdout.replace(b"input %d" % i, b"INPUT") == first, f"input {i} saw what input {i - 1} left"
    assert b'"math.pi": 3.14159' in first and b'"global": null' in first and b'"files": []' in first
    assert b'"processes": []' in first and b'"cwd": "/sandbox"' in first and b'"env": null' in first
    randoms = {r.stderr for r in results}
    assert len(randoms) == len(results), "every child must have its own random state"


# Programs whose every observable (status, exit code, signal, stdout, stderr) must be the same
# whether the interpreter starts cold or the run is a fork of a warm one.
SAME = {
    "echo": ("import sys\nfor line in sys.stdin:\n    print(line.strip()[::-1])\n", b"abc\nhello\n"),
    "input": ("n = int(input())\nprint(sum(map(int, input().split())) * n)\n", b"3\n1 2 3\n"),
    "exception": ("def f(x):\n    return 1 // x\nprint('before')\nf(0)\n", b""),
    "exit-code": ("import sys\nprint('out')\nsys.exit(3)\n", b""),
    "exit-message": ("import sys\nsys.exit('bad input')\n", b""),
    "exit-none": ("raise SystemExit\n", b""),
    "os-exit": ("import os, sys\nsys.stdout.write('lost')\nos._exit(5)\n", b""),
    "recursion": ("def f(n):\n    return f(n + 1)\nf(0)\n", b""),
    "keyboard-interrupt": ("print('x', flush=True)\nraise KeyboardInterrupt\n", b""),
    "atexit": ("import atexit\natexit.register(print, 'at exit')\nprint('main')\n", b""),
    "thread": ("import threading, time\n"
               "def late():\n    time.sleep(0.05)\n    print('thread done')\n"
               "threading.Thread(target=late).start()\nprint('main done')\n", b""),
    "unflushed-fdopen": ("import os\nout = os.fdopen(1, 'wb', buffering=1 << 16)\nout.write(b'fast io\\n')\n", b""),
    "replaced-stdout": ("import io, sys\nsys.stdout = io.TextIOWrapper(open(1, 'wb', closefd=False), write_through=False)\n"
                        "print('through a wrapper')\n", b""),
    "finaliser": ("class A:\n    def __del__(self):\n        print('finalised')\na = A()\nprint('alive')\n", b""),
    "excepthook": ("import sys\nsys.excepthook = lambda t, v, tb: print('hook', t.__name__)\nraise ValueError\n", b""),
    "main-module": ("import sys, os\nprint(__name__, __package__, __spec__, type(__loader__).__name__,\n"
                    "      os.path.basename(__file__), sys.argv[1:], sys.flags.dont_write_bytecode,\n"
                    "      sorted(k for k in globals() if not k.startswith('_')))\n", b""),
    "identity": ("import os\nprint(os.getuid() == os.geteuid() == os.getgid(), os.getsid(0) == os.getpid(),\n"
                 "      open('/proc/self/status').read().split('CapEff:')[1].split()[0],\n"
                 "      sorted(os.listdir('/proc/self/fd')), os.getcwd(), sorted(os.environ))\n", b""),
    "limits": ("import resource\nprint([resource.getrlimit(r) for r in (resource.RLIMIT_CPU, resource.RLIMIT_NOFILE,\n"
               "       resource.RLIMIT_STACK, resource.RLIMIT_FSIZE)])\n", b""),
    "signals": ("import signal\nprint([str(signal.getsignal(s)) for s in (signal.SIGINT, signal.SIGPIPE, signal.SIGTERM,\n"
                "       signal.SIGUSR1, signal.SIGHUP, signal.SIGCHLD)])\n", b""),
    "sigusr1": ("import os, signal\nprint('x', flush=True)\nos.kill(os.getpid(), signal.SIGUSR1)\n", b""),
    "tle": ("while True:\n    pass\n", b""),
    "mle": ("blocks = []\nwhile True:\n    blocks.append(bytearray(8 << 20))\n", b""),
    "ole": ("import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n", b""),
    "file-out": ("with open('out.txt', 'w') as f:\n    f.write('written')\nprint(open('out.txt').read())\n", b""),
}


@pytest.mark.parametrize("zygote", ["generic", "own"])
@pytest.mark.parametrize("name", sorted(SAME))
def test_warm_and_cold_runs_are_identical(one_box, cold_sandbox, monkeypatch, name, zygote):
    source, stdin = SAME[name]
    limits = Limits(time_s=1.0, wall_s=3.0, memory_mb=64, output_mb=1)
    exe = one_box.compile(Program("python", source)).executable
    cold = cold_sandbox.run(exe, RunInput(stdin=stdin, args=("a1",)), limits)
    generic = one_box.stats.generic_runs
    if zygote == "own":  # one batch: forks of a zygote of this executable
        monkeypatch.setattr(sandbox.pool, "OWN_ZYGOTE_INPUTS", 2)
        results, warm = warm_runs(one_box, exe, [RunInput(stdin=stdin, args=("a1",))] * 3, limits)
        assert one_box.stats.generic_runs == generic
    else:  # single runs: forks of the generic zygote
        before = one_box.stats.warm_runs
        results = [one_box.run(exe, RunInput(stdin=stdin, args=("a1",)), limits) for _ in range(3)]
        warm = one_box.stats.warm_runs - before
        assert one_box.stats.generic_runs - generic == 3
    assert warm == 3

    def observed(r):
        if r.status in (Status.TLE, Status.MLE, Status.OLE):
            return r.status  # where exactly a killed program stopped writing is not defined
        return r.status, r.exit_code, r.signal, r.stdout, r.stderr

    assert cold.status is not Status.SE, cold.reason
    for r in results:
        assert observed(r) == observed(cold)


def test_the_warm_path_can_be_switched_off(sandbox):
    cold_sandbox = open_sandbox(sandbox.name, workers=1, warm_python=False)
    try:
        exe = cold_sandbox.compile(Program("python", "print(input())\n")).executable
        results, warm = warm_runs(cold_sandbox, exe, [b"a", b"b", b"c", b"d"])
        assert [r.stdout for r in results] == [b"a\n", b"b\n", b"c\n", b"d\n"]
        assert warm == 0 and cold_sandbox.stats.runs >= 4
    finally:
        cold_sandbox.close()


def test_a_candidate_that_cannot_load_warm_runs_cold(one_box, cold_sandbox, own_zygotes):
    # A source the warm interpreter cannot compile (a NUL byte) still runs, cold, with the
    # interpreter's own message: its own zygote does not load, and a child of the generic
    # zygote execs the interpreter in its place.
    exe = one_box.compile(Program("python", "print(1)\n")).executable
    broken = type(exe)(exe.language, (("prog.py", b"print(1)\n\x00\n"),), exe.argv)
    cold = cold_sandbox.run(broken, b"", FAST)
    results, warm = warm_runs(one_box, broken, [b""] * 3)
    assert warm == 0
    results.append(one_box.run(broken, b"", FAST))  # generic
    assert all((r.status, r.stdout, r.stderr) == (cold.status, cold.stdout, cold.stderr) for r in results)


@pytest.mark.parametrize("source", [
    b"import json\nprint(json.X, json.__file__.startswith('/box/exe/'))\n",  # a module of the generic zygote
    b"import re as r\nprint(r.X)\nimport typing\n",
    b"x = \n",  # a syntax error: the interpreter's own message
])
def test_what_a_warm_child_cannot_do_as_a_cold_start_runs_as_one(one_box, cold_sandbox, source):
    # A file of the program's directory named like a module the generic zygote imported: a
    # cold start imports that file; the warm child execs a cold start in its place.
    exe = one_box.compile(Program("python", "pass\n")).executable
    shadowing = type(exe)(exe.language, (("prog.py", source), ("json.py", b"X = 'mine'\n"),
                                         ("re.py", b"X = 'my re'\n")), exe.argv)
    cold = cold_sandbox.run(shadowing, b"", FAST)
    warm = one_box.run(shadowing, b"", FAST)
    assert cold.status is not Status.SE, cold.reason
    assert (warm.status, warm.exit_code, warm.stdout, warm.stderr) == (
        cold.status, cold.exit_code, cold.stdout, cold.stderr)


# Scans its own memory (inherited from the zygote it was forked from) and its view of the
# box for the paths of other executables.
SEEKER = r"""
import os, re, sys
mine = os.path.basename(os.path.dirname(os.path.abspath(sys.argv[0])))
found = set()
pattern = re.compile(rb"/box/exe/([0-9a-f]{32})")
with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", buffering=0) as mem:
    for line in maps:
        fields = line.split()
        if "r" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        try:
            mem.seek(start)
            data = mem.read(end - start)
        except (OSError, OverflowError, ValueError):
            continue
        found |= {m.decode() for m in pattern.findall(data)}
found.discard(mine)
try:
    os.listdir("/box/exe")
    found.add("listable")
except OSError:
    pass
print(sorted(found))
"""


def test_a_generic_child_finds_no_other_program_path(one_box):
    # Other programs run before it from the same generic zygote (with arguments, files and
    # stdin): neither their paths nor their digests are in the memory it inherited.
    generic = one_box.stats.generic_runs
    others = [one_box.compile(Program("python", f"import sys\nprint({i}, sys.argv)\n", args=("arg%d" % i,))).executable
              for i in range(3)]
    for exe in others:
        assert one_box.run(exe, RunInput(stdin=b"x", files={"f.txt": b"y"}), FAST).ok
    seeker = one_box.compile(Program("python", SEEKER)).executable
    r = one_box.run(seeker, b"", Limits(time_s=5.0, wall_s=10.0, memory_mb=256))
    assert one_box.stats.generic_runs - generic == 4
    assert r.ok, r.stderr.decode(errors="replace")
    assert r.stdout == b"[]\n"
    assert not any(re.search(exe.digest.encode(), r.stdout + r.stderr) for exe in others)


def test_only_standard_modules_the_program_imports_are_preloaded():
    source = (b"import os, json\nfrom collections import deque\nimport numpy\nimport helper\nimport this\n"
              b"def f():\n    import decimal\nfrom . import x\n")
    exe = type("Exe", (), {"files": (("prog.py", source), ("helper.py", b""), ("json.py", b""))})()
    assert preload_modules(exe) == ["os", "collections", "decimal"]
