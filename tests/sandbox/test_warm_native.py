"""Warm compiled programs (:mod:`sandbox.native`): a C++ program given several inputs runs as
forks of one loaded copy of itself, with the fork server preloaded, on both backends. Each
run must be what a cold start (an exec per input) gives: statuses, exit codes, signals,
output, limits, identity, descriptors, environment; nothing of one run in the next; the
server out of the programs' reach; executables that could run code of their own before the
server's constructor start cold."""

from __future__ import annotations

import pytest

import sandbox.pool
from sandbox import Limits, Program, RunInput, Status
from sandbox.native import forkserver_library, warm_native_ok

LIMITS = Limits(time_s=1.0, wall_s=3.0, memory_mb=256, output_mb=1)

pytestmark = pytest.mark.skipif(forkserver_library() is None, reason="no C compiler to build the fork server")


def batch(sb, exe, inputs, limits=LIMITS):
    """Results of one batch, and how many of its runs went warm."""
    before = sb.stats.warm_runs
    results = sb.run_batch(exe, inputs, limits)
    return results, sb.stats.warm_runs - before


PRELUDE = "#include <bits/stdc++.h>\n#include <unistd.h>\n#include <signal.h>\n#include <sys/prctl.h>\n" \
          "#include <sys/resource.h>\n#include <dirent.h>\nusing namespace std;\n"

SAME = {
    "echo": "int main(){ string s; while (cin >> s) { reverse(s.begin(), s.end()); cout << s << '\\n'; } }",
    "exit-code": "int main(){ puts(\"out\"); return 3; }",
    "abort": "int main(){ puts(\"before\"); fflush(stdout); abort(); }",
    "segfault": "int main(){ volatile int *p = nullptr; return *p; }",
    "deep-recursion": "int f(int n){ volatile char b[256]; b[0] = (char)n; return n ? f(n - 1) + b[0] % 2 : 0; }\n"
                      "int main(){ printf(\"%d\\n\", f(150000)); }",
    # (After a pause: a cold start's hard limits are set on it just after its exec.)
    "limits": "int main(){ usleep(100000); for (int r : {RLIMIT_CPU, RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_FSIZE, RLIMIT_AS, RLIMIT_NPROC})"
              " { rlimit l; getrlimit(r, &l); printf(\"%d %llu %llu\\n\", r, (unsigned long long)l.rlim_cur,"
              " (unsigned long long)l.rlim_max); } }",
    "identity": "#include <sys/stat.h>\nint main(int argc, char** argv){ struct stat w; stat(\".\", &w);"
                " printf(\"%d %d %d %d %d\\n\", getuid() == geteuid(), getgid() == getegid(), getuid() == w.st_uid,"
                " getsid(0) == getpid(), prctl(PR_GET_DUMPABLE));\n"
                " ifstream st(\"/proc/self/status\"); string line; while (getline(st, line))"
                " { for (string k : {\"Uid:\", \"Gid:\"}) if (line.rfind(k, 0) == 0) { istringstream f(line.substr(4));"
                " long a, b, c, d; f >> a >> b >> c >> d; cout << k << (a == b && b == c && c == d) << '\\n'; }"
                " for (string k : {\"Groups:\", \"CapEff:\", \"CapPrm:\", \"NoNewPrivs:\", \"Seccomp:\","
                " \"SigBlk:\", \"SigIgn:\"}) if (line.rfind(k, 0) == 0) cout << line << '\\n'; }\n"
                " DIR* d = opendir(\"/proc/self/fd\"); vector<string> fds; while (auto e = readdir(d)) fds.push_back(e->d_name);"
                " sort(fds.begin(), fds.end()); for (auto& f : fds) cout << f << ' '; cout << '\\n';\n"
                " char cwd[512]; cout << getcwd(cwd, sizeof cwd) << ' ' << argc << ' ' << argv[0] << '\\n';\n"
                " ifstream cmd(\"/proc/self/cmdline\"); getline(cmd, line, '\\0'); cout << line << '\\n';\n"
                " vector<string> env; for (char** e = environ; *e; e++) env.push_back(*e); sort(env.begin(), env.end());"
                " for (auto& e : env) cout << e << '\\n'; }",
    "signals": "int main(){ for (int s = 1; s < 32; s++) { if (s == SIGKILL || s == SIGSTOP) continue; struct sigaction a;"
               " sigaction(s, nullptr, &a); printf(\"%d:%d \", s, a.sa_handler == SIG_DFL); } puts(\"\"); }",
    "static-init": "static int counter = 0; struct Init { Init(){ counter += 10; } } init;\n"
                   "int main(){ static int calls = 0; calls++; counter++; FILE* f = fopen(\"mark\", \"r\");"
                   " printf(\"%d %d %d\\n\", counter, calls, f != nullptr); fopen(\"mark\", \"w\"); }",
    "tle": "int main(){ volatile unsigned long x = 0; for (;;) x++; }",
    "mle": "int main(){ vector<char*> v; for (;;) { char* p = (char*)malloc(8 << 20); memset(p, 1, 8 << 20);"
           " v.push_back(p); } }",
    "ole": "int main(){ string s(65536, 'x'); for (;;) fwrite(s.data(), 1, s.size(), stdout); }",
}


#: Signals its parent (a cold run's is the box's init, which ignores it; a warm run's is the
#: fork server, out of its reach) and everything else it may signal (kill(-1): it returns 0
#: when any other process exists, as a warm run's server does, a difference a program can see).
KILL_PARENT = ("int main(){ int r = kill(getppid(), SIGKILL); printf(\"%d %d\\n\", r, r ? errno : 0);"
               " kill(-1, SIGKILL); }")


def observed(r):
    if r.status in (Status.TLE, Status.MLE, Status.OLE):
        return r.status  # where exactly a killed program stopped writing is not defined
    return r.status, r.exit_code, r.signal, r.stdout, r.stderr


@pytest.mark.parametrize("name", sorted(SAME))
def test_warm_and_cold_runs_are_identical(one_box, cold_sandbox, name):
    exe = one_box.compile(Program("cpp", PRELUDE + SAME[name])).executable
    assert exe is not None and warm_native_ok(dict(exe.files)["prog"])
    inputs = [RunInput(stdin=b"abc hello\n")] * 4
    cold, cold_warm = batch(cold_sandbox, exe, inputs)
    warm, warm_count = batch(one_box, exe, inputs)
    assert cold_warm == 0 and warm_count == 4
    assert cold[0].status is not Status.SE, cold[0].reason
    for r in cold + warm:
        assert observed(r) == observed(cold[0]), (name, r.reason, r.stdout[:300], cold[0].stdout[:300])


def test_a_fork_server_serves_many_runs_and_survives_its_programs(one_box):
    hostile = one_box.compile(Program("cpp", PRELUDE + KILL_PARENT)).executable
    exe = one_box.compile(Program("cpp", PRELUDE + "int main(){ long a, b; cin >> a >> b; cout << a + b << '\\n'; }"))
    results, warm = batch(one_box, exe.executable, [f"{i} {i}\n".encode() for i in range(200)])
    assert [r.stdout for r in results] == [b"%d\n" % (2 * i) for i in range(200)] and warm == 200
    starts = one_box.stats.zygote_starts
    hits, _ = batch(one_box, hostile, [b""] * 4)
    assert [r.stdout for r in hits] == [b"-1 1\n"] * 4  # EPERM: out of the program's reach
    results, warm = batch(one_box, exe.executable, [b"1 2\n"] * 8)
    assert [r.stdout for r in results] == [b"3\n"] * 8 and warm == 8
    assert one_box.stats.zygote_starts == starts + 1  # the hostile program's own; the other one lived on


def test_a_fork_server_names_no_program_to_the_others(one_box):
    # Its command line would be the program's path (/box/exe/DIGEST/prog), which any process
    # may read: the server blanks it (each child puts its own back, as the identity case shows).
    exe = one_box.compile(Program("cpp", PRELUDE + "int main(){ puts(\"x\"); }")).executable
    _, warm = batch(one_box, exe, [b""] * 4)
    assert warm == 4
    seeker = one_box.compile(Program("python", "import os\nseen = []\nfor p in os.listdir('/proc'):\n"
                                                "    if p.isdigit():\n        try:\n"
                                                "            seen.append(open(f'/proc/{p}/cmdline', 'rb').read())\n"
                                                "        except OSError:\n            pass\n"
                                                "print(sum(b'/box/exe/' in c for c in seen), len(seen))\n")).executable
    r = one_box.run(seeker, b"")
    assert r.ok and r.stdout.split()[0] == b"0", r.stdout  # (a warm child shows its interpreter's)
    assert int(r.stdout.split()[1]) >= 3  # the supervisor, the fork server, itself (and its zygote)


IFUNC = PRELUDE + """extern "C" int impl(){ return 7; }
extern "C" { static void* resolve(){ return (void*)impl; } }
int f() __attribute__((ifunc("resolve")));
int main(){ printf("%d\\n", f()); }"""
PREINIT = PRELUDE + """static void early(){ }
__attribute__((section(".preinit_array"), used)) static void (*early_p)() = early;
int main(){ puts("main"); }"""


@pytest.mark.parametrize("source,out", [(IFUNC, b"7\n"), (PREINIT, b"main\n")], ids=["ifunc", "preinit"])
def test_a_program_with_code_that_runs_before_the_server_starts_cold(one_box, source, out):
    exe = one_box.compile(Program("cpp", source)).executable
    assert not warm_native_ok(dict(exe.files)["prog"])
    results, warm = batch(one_box, exe, [b""] * 6)
    assert [r.stdout for r in results] == [out] * 6 and warm == 0


def test_small_batches_and_single_runs_start_cold(one_box):
    exe = one_box.compile(Program("cpp", PRELUDE + "int main(){ puts(\"c\"); }")).executable
    _, warm = batch(one_box, exe, [b""] * (sandbox.pool.NATIVE_ZYGOTE_INPUTS - 1))
    assert warm == 0
    before = one_box.stats.warm_runs
    assert one_box.run(exe, b"").stdout == b"c\n" and one_box.stats.warm_runs == before


def test_the_doctor_says_whether_the_fork_server_is_on(one_box, cold_sandbox):
    assert one_box.isolation()["fork_server"].startswith("on: ")
    assert cold_sandbox.isolation()["fork_server"].startswith("off: ")
