"""Hostile programs: each must end with the right status, leave nothing running and leave
the host untouched. These tests skip themselves unless the isolation probes pass."""

from __future__ import annotations

import os
import socket
import threading

import pytest

from sandbox import Limits, Program, RunInput, Status

pytestmark = [pytest.mark.hostile, pytest.mark.usefixtures("isolated", "host_untouched")]

FAST = Limits(time_s=1.0, wall_s=2.0, memory_mb=128)


def still_works(runner) -> None:
    r = runner.run("python", "print(6 * 7)\n")
    assert r.ok and r.stdout == b"42\n"


# ----------------------------------------------------------------- processes

def test_python_fork_bomb(runner):
    src = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    r = runner.run("python", src, limits=FAST.with_(processes=32))
    assert r.status is Status.TLE
    still_works(runner)


def test_cpp_fork_bomb(runner):
    r = runner.run("cpp", "#include <unistd.h>\nint main(){ for(;;) fork(); }\n", limits=FAST.with_(processes=32))
    assert r.status is Status.TLE
    still_works(runner)


def test_cpp_thread_bomb(runner):
    src = ("#include <thread>\n#include <vector>\n#include <chrono>\n"
           "int main(){ std::vector<std::thread> ts; for(;;) ts.emplace_back([]{ std::this_thread::sleep_for(std::chrono::hours(1)); }); }\n")
    r = runner.run("cpp", src, limits=FAST.with_(processes=32))
    assert r.status is Status.RE  # std::system_error once the pids limit refuses a thread
    assert b"system_error" in r.stderr or r.signal == 6


def test_setsid_double_fork_is_cleaned_up(runner):
    src = ("import os, time\n"
           "if os.fork() == 0:\n"
           "    os.setsid()\n"
           "    if os.fork() == 0:\n"
           "        time.sleep(1000)\n"
           "    os._exit(0)\n"
           "print('parent done')\n")
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout == b"parent done\n"
    # host_untouched asserts that no box process survives the run


def test_ignoring_sigterm_and_sleeping(runner):
    src = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(100)\n"
    r = runner.run("python", src, limits=FAST)
    assert r.status is Status.TLE


def test_kill_parent(runner):
    # A cold program's parent is the box's supervisor, pid 1 of the box's pid namespace: the
    # kernel drops every signal sent to it from inside, whether or not the send is permitted.
    # A warm program's parent is the zygote (uid 0): every signal is refused.
    src = ("import os, signal\n"
           "refused = []\n"
           "for s in (signal.SIGSTOP, signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1, signal.SIGSEGV,\n"
           "          signal.SIGKILL):\n"
           "    try:\n        os.kill(os.getppid(), s)\n    except PermissionError:\n        refused.append(s)\n"
           "print('parent', os.getppid(), len(refused))\n")
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout.startswith(b"parent ")
    parent, refused = r.stdout.split()[1:]
    assert parent == b"1" or refused == b"7"
    still_works(runner)


def test_parent_is_out_of_reach(runner):
    # Neither the supervisor nor a zygote can be re-limited, traced or read through /proc.
    src = ("import os, resource\n"
           "ppid = os.getppid()\n"
           "done = []\n"
           "for name, act in (('prlimit', lambda: resource.prlimit(ppid, resource.RLIMIT_NOFILE, (3, 3))),\n"
           "                  ('mem', lambda: open(f'/proc/{ppid}/mem', 'rb').read(1)),\n"
           "                  ('environ', lambda: open(f'/proc/{ppid}/environ', 'rb').read()),\n"
           "                  ('fd', lambda: os.listdir(f'/proc/{ppid}/fd'))):\n"
           "    try:\n        act()\n        done.append(name)\n    except OSError:\n        pass\n"
           "print('reached', done)\n")
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout == b"reached []\n"
    still_works(runner)


def test_no_other_program_is_found_through_proc(runner):
    # The box's other processes (supervisor, idle warm interpreters of other programs) name
    # no executable on their command lines: /box/exe is not listable, so a program cannot
    # find another program's files.
    src = ("import os, sys\n"
           "mine = os.path.dirname(os.path.abspath(sys.argv[0]))\n"
           "seen = set()\n"
           "for p in os.listdir('/proc'):\n"
           "    if p.isdigit():\n"
           "        try:\n            cmd = open(f'/proc/{p}/cmdline', 'rb').read().decode(errors='replace')\n"
           "        except OSError:\n            continue\n"
           "        seen |= {w[:60] for w in cmd.replace('\\0', ' ').split() if '/box/exe/' in w and mine not in w}\n"
           "try:\n    os.listdir('/box/exe')\n    seen.add('listable')\nexcept OSError:\n    pass\n"
           "print(sorted(seen))\n")
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout == b"[]\n", r.stdout


def test_no_descriptor_is_inherited(runner):
    # Only stdin, stdout and stderr: no handle of the supervisor (sockets, cgroup files).
    for lang, src in (("python", "import os\nprint(sorted(int(f) for f in os.listdir('/proc/self/fd'))[:3], "
                                 "len(os.listdir('/proc/self/fd')))\n"),
                      ("cpp", "#include <dirent.h>\n#include <cstdio>\nint main(){ int n = 0; DIR *d = opendir(\"/proc/self/fd\");"
                              " while (readdir(d)) n++; std::printf(\"%d\\n\", n - 2); }\n")):
        r = runner.run(lang, src, limits=FAST)
        assert r.ok, r.stderr
        assert r.stdout in (b"[0, 1, 2] 4\n", b"4\n"), (lang, r.stdout)  # the listing's own descriptor is the 4th


def test_kill_own_process_group(runner):
    r = runner.run("python", "import os, signal\nos.killpg(0, signal.SIGKILL)\n", limits=FAST)
    assert r.status is Status.RE and r.signal == 9
    still_works(runner)


def test_kill_minus_one(runner):
    # kill(-1) signals everything the caller may signal except itself and init: inside the
    # box that is nothing of the host's, and the supervisor (another uid) is out of reach.
    src = "#include <csignal>\n#include <cstdio>\nint main(){ int r = kill(-1, SIGKILL); std::printf(\"%d\\n\", r); }\n"
    r = runner.run("cpp", src, limits=FAST)
    assert r.ok and r.stdout in (b"0\n", b"-1\n")
    still_works(runner)


# ----------------------------------------------------------------- memory and time

def test_python_memory_bomb(runner):
    src = "blocks = []\nwhile True:\n    blocks.append(bytearray(16 << 20))\n"
    r = runner.run("python", src, limits=FAST.with_(time_s=5, wall_s=10, memory_mb=96))
    assert r.status is Status.MLE


def test_python_single_huge_allocation(runner):
    r = runner.run("python", "x = [0] * (10 ** 11)\n", limits=FAST)
    assert r.status is Status.MLE


def test_cpp_huge_static_array(runner):
    src = "#include <cstring>\nstatic char a[1u << 30];\nint main(){ std::memset(a, 1, sizeof a); return a[12345]; }\n"
    r = runner.run("cpp", src, limits=FAST.with_(time_s=5, wall_s=10, memory_mb=128))
    assert r.status is Status.MLE


def test_cpp_deep_recursion_within_memory_is_fine(runner):
    src = ("#include <cstdio>\nint depth(int n){ volatile char pad[64]; pad[0] = n; return n == 0 ? 0 : 1 + depth(n - 1) + pad[0] * 0; }\n"
           "int main(){ std::printf(\"%d\\n\", depth(1000000)); }\n")
    r = runner.run("cpp", src, limits=FAST.with_(time_s=2, memory_mb=256))
    assert r.ok and r.stdout == b"1000000\n"


def test_cpp_infinite_recursion(runner):
    src = "int f(int n){ volatile char pad[256]; pad[0] = n; return f(n + 1) + pad[0]; }\nint main(){ return f(0); }\n"
    r = runner.run("cpp", src, limits=FAST.with_(time_s=5, wall_s=10, memory_mb=64))
    assert r.status in (Status.RE, Status.MLE)  # stack rlimit (SIGSEGV) or the cgroup, whichever first


def test_python_infinite_recursion(runner):
    r = runner.run("python", "import sys\nsys.setrecursionlimit(10**8)\ndef f(n): return f(n + 1)\nf(0)\n",
                   limits=FAST.with_(time_s=5, wall_s=10, memory_mb=64))
    assert r.status in (Status.RE, Status.MLE)


def test_busy_loop(runner):
    r = runner.run("python", "while True:\n    pass\n", limits=FAST)
    assert r.status is Status.TLE and r.wall_s < FAST.wall_limit_s + 1.0


def test_reading_stdin_forever(runner):
    src = "#include <cstdio>\nint main(){ long n = 0; for(;;) if (std::getchar() == EOF) n++; }\n"
    r = runner.run("cpp", src, b"some input", limits=FAST)
    assert r.status is Status.TLE


# ----------------------------------------------------------------- output and files

def test_infinite_output_python(runner):
    r = runner.run("python", "while True:\n    print('spam' * 100)\n", limits=FAST.with_(output_mb=8, time_s=5, wall_s=10))
    assert r.status is Status.OLE and r.wall_s < 10
    assert len(r.stdout) <= 8 << 20


def test_infinite_output_cpp(runner):
    r = runner.run("cpp", "#include <cstdio>\nint main(){ for(;;) std::fputs(\"spamspamspam\\n\", stdout); }\n",
                   limits=FAST.with_(output_mb=8, time_s=5, wall_s=10))
    assert r.status is Status.OLE and r.signal == 25  # SIGXFSZ


@pytest.mark.parametrize("size", [200 * 1000, 10 * 1000 * 1000])
def test_exact_large_output(runner, size):
    src = f"#include <cstdio>\n#include <string>\nint main(){{ std::string s({size}, 'a'); for (size_t i = 0; i < s.size(); i += 97) s[i] = '0' + i % 10; std::fwrite(s.data(), 1, s.size(), stdout); }}\n"
    r = runner.run("cpp", src, limits=FAST.with_(output_mb=16))
    expected = bytearray(b"a" * size)
    for i in range(0, size, 97):
        expected[i] = ord("0") + i % 10
    assert r.ok and r.stdout == bytes(expected)


def test_writing_a_huge_file(runner):
    py = "f = open('big.bin', 'wb')\nwhile True:\n    f.write(b'x' * (1 << 20))\n"
    r = runner.run("python", py, limits=FAST.with_(output_mb=8, time_s=5, wall_s=10))
    assert r.status is Status.OLE
    cpp = "#include <cstdio>\nint main(){ FILE* f = std::fopen(\"big.bin\", \"wb\"); static char b[1<<20]; for(;;) std::fwrite(b, 1, sizeof b, f); }\n"
    r = runner.run("cpp", cpp, limits=FAST.with_(output_mb=8, time_s=5, wall_s=10))
    assert r.status is Status.OLE


@pytest.mark.parametrize("where", ["/tmp", "/dev/shm"])
def test_filling_tmp_and_shm(runner, where):
    src = (f"import os\nn = 0\ntry:\n    while True:\n        with open('{where}/fill%d' % n, 'wb') as f:\n"
           "            f.write(b'x' * (4 << 20))\n        n += 1\nexcept OSError as e:\n    print('stopped', e.errno)\n")
    r = runner.run("python", src, limits=FAST.with_(time_s=5, wall_s=10, memory_mb=512, output_mb=8))
    assert r.status in (Status.OK, Status.MLE)
    if r.ok:
        assert r.stdout.startswith(b"stopped")
    after = runner.run("python", f"import os\nprint(len(os.listdir('{where}')))\n")
    assert after.stdout == b"0\n"  # the next run starts clean


def test_invalid_utf8_and_nul_bytes(runner):
    r = runner.run("python", "import sys\nsys.stdout.buffer.write(b'a\\x00b\\xff\\xfe\\n')\n", limits=FAST)
    assert r.ok and r.stdout == b"a\x00b\xff\xfe\n"
    as_json = r.to_json()
    assert "stdout_base64" in as_json and as_json["stdout"].startswith("a\x00b")


def test_open_files_limit(runner):
    src = "fs = []\ntry:\n    while True:\n        fs.append(open('/dev/null'))\nexcept OSError:\n    print(len(fs))\n"
    r = runner.run("python", src, limits=FAST.with_(open_files=32))
    assert r.ok and int(r.stdout) < 32


# ----------------------------------------------------------------- file system, env, network

def test_reading_etc_shadow(runner):
    src = "try:\n    print(open('/etc/shadow').read())\nexcept OSError as e:\n    print('denied', e.errno)\n"
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout.startswith(b"denied")


def test_reading_the_callers_files(runner, host_untouched):
    targets = [host_untouched["sentinel"], os.path.abspath(__file__), "/root/.bashrc", "/proc/1/root/etc/hostname",
               "/proc/1/environ"]
    src = ("import sys\nfor p in sys.argv[1:] or sys.stdin.read().split():\n"
           "    try:\n        print('READ', p, open(p).read()[:20])\n    except OSError as e:\n        print('denied', p, e.errno)\n")
    r = runner.run("python", src, "\n".join(targets).encode(), limits=FAST)
    assert r.ok and b"READ" not in r.stdout, r.stdout
    assert r.stdout.count(b"denied") == len(targets)


def test_environment_is_not_inherited(runner, monkeypatch):
    # The box was started before this variable existed and its children get a fixed env anyway.
    monkeypatch.setenv("CODESOLVE_TEST_SECRET", "hunter2")
    src = "import os\nprint(sorted(os.environ))\nprint(any('hunter2' in v for v in os.environ.values()))\n"
    r = runner.run("python", src, limits=FAST)
    assert r.ok and r.stdout.endswith(b"False\n") and b"CODESOLVE_TEST_SECRET" not in r.stdout


def test_network_is_unreachable(runner):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted: list[object] = []
    server.settimeout(3)
    t = threading.Thread(target=lambda: accepted.append(_try_accept(server)), daemon=True)
    t.start()
    src = ("import socket\ntry:\n    socket.create_connection(('127.0.0.1', %d), timeout=1)\n    print('connected')\n"
           "except OSError as e:\n    print('blocked', e.errno)\n" % port)
    r = runner.run("python", src, limits=FAST)
    t.join()
    server.close()
    assert r.ok and r.stdout.startswith(b"blocked")
    assert accepted == [None]


def _try_accept(server: socket.socket) -> object:
    try:
        conn, _ = server.accept()
        conn.close()
        return "accepted"
    except OSError:
        return None


def test_root_and_system_dirs_are_read_only(runner):
    src = ("import os\nfor p in ('/x', '/usr/x', '/etc/x', '/proc/x', '/box/x', '/box/exe/x'):\n"
           "    try:\n        open(p, 'w'); print('WROTE', p)\n    except OSError as e:\n        print('denied', e.errno)\n"
           "print(os.listdir('/box/exe') if os.access('/box/exe', os.R_OK) else 'unlistable')\n")
    r = runner.run("python", src, limits=FAST)
    assert r.ok and b"WROTE" not in r.stdout and r.stdout.endswith(b"unlistable\n")


def test_symlink_tricks_in_the_work_dir(sandbox, host_untouched):
    src = ("import os\n"
           "os.symlink('/etc/passwd', 'leak')\n"
           "os.symlink(%r, 'caller')\n"
           "os.symlink('/proc/1/root', 'rootlink')\n"
           "os.mkdir('d')\nos.symlink('/', 'd/up')\n"
           "try:\n    print(open('rootlink/etc/hostname').read())\nexcept OSError as e:\n    print('denied', e.errno)\n"
           % host_untouched["sentinel"])
    exe = sandbox.compile(Program("python", src)).executable
    r = sandbox.run(exe, RunInput(collect=("leak", "caller", "rootlink", "d/up", "d/*")), FAST)
    assert r.ok and r.stdout.startswith(b"denied")
    assert r.files == {}  # symlinks are never followed when collecting


# ----------------------------------------------------------------- compilation

def test_compile_time_include_of_dev_urandom(sandbox):
    compiled = sandbox.compile(Program("cpp", '#include "/dev/urandom"\nint main(){}\n'),
                               Limits(time_s=3, wall_s=6, memory_mb=512, processes=16))
    assert compiled.run.status is Status.CE


def test_compile_error_flood(sandbox):
    src = ("#define A x x x x x x x x x x\n#define B A A A A A A A A A A\n#define C B B B B B B B B B B\n"
           "#define D C C C C C C C C C C\n#define E D D D D D D D D D D\n"
           + "int main(){ E E E E E E E E E E }\n" * 200)
    compiled = sandbox.compile(Program("cpp", src), Limits(time_s=10, wall_s=20, memory_mb=1024, processes=16,
                                                           output_mb=4))
    assert compiled.run.status is Status.CE
    assert len(compiled.run.stderr) <= 64 << 10


def test_compile_template_bomb(sandbox):
    src = ("template<int N> struct F { static const long v = F<N-1>::v + F<N-2>::v; };\n"
           "template<> struct F<0> { static const long v = 0; };\ntemplate<> struct F<1> { static const long v = 1; };\n"
           "int main(){ return F<100000>::v; }\n")
    compiled = sandbox.compile(Program("cpp", src), Limits(time_s=5, wall_s=10, memory_mb=512, processes=16))
    assert compiled.run.status is Status.CE
