"""The syscall filter (seccomp-bpf) every program of a box runs under, on both backends,
cold and warm: what it refuses, what still works, how it is reported, and the scratch
dirs wiped entry by entry now that the supervisor itself cannot mount.

Every refused call is harmless here even if the filter were missing (it would at worst
act inside the box's namespaces, as an unprivileged uid), and each probe reports what the
call returned instead of crashing: a missing filter is a failed assertion. Most probes are
chosen so that the call fails otherwise, or with another errno (``unshare`` succeeds,
``mount`` with no target gives EFAULT, ``ptrace`` of no process ESRCH, ...): EPERM is the
filter's answer."""

from __future__ import annotations

import errno
import json
import platform

import pytest

from sandbox import Limits, Program, Status
from sandbox.backends import open_sandbox

LIMITS = Limits(time_s=2.0, wall_s=6.0, memory_mb=256)

#: Each check: a system call with arguments that make it harmless (and, unfiltered, mostly
#: fail otherwise than with EPERM, or succeed). It prints [return value, errno name].
PROBE = r"""
import ctypes, errno, json, os, sys
libc = ctypes.CDLL(None, use_errno=True)
L = ctypes.c_long
NOPID = 4194000  # above pid_max's default: no such process

def call(fn, *args):
    ctypes.set_errno(0)
    ret = fn(*args)
    err = ctypes.get_errno()
    return [ret, errno.errorcode.get(err, str(err)) if ret == -1 else None]

def sc(nr, *args):
    return call(libc.syscall, L(nr), *[L(a) for a in args])

def clone_newuser():
    ret = sc(56, 0x10000000 | 17, 0, 0, 0, 0)  # clone(CLONE_NEWUSER | SIGCHLD)
    if ret[0] == 0:  # the child of an unfiltered clone: leave at once
        os._exit(0)
    if ret[0] > 0:
        os.waitpid(ret[0], 0)
    return ret

CHECKS = {
    "unshare_newuser": lambda: call(libc.unshare, 0x10000000),
    "unshare_files": lambda: call(libc.unshare, 0x400),
    "clone_newuser": clone_newuser,
    "setns": lambda: sc(308, -1, 0),
    "mount": lambda: sc(165, 0, 0, 0, 0, 0),
    "umount2": lambda: sc(166, 0, 0),
    "open_tree": lambda: sc(428, -1, 0, 0),
    "ptrace": lambda: sc(101, 2, NOPID, 0, 0),
    "process_vm_readv": lambda: sc(310, os.getpid(), 0, 0, 0, 0, 0),
    "bpf": lambda: sc(321, 9999, 0, 0),
    "perf_event_open": lambda: sc(298, 0, 0, -1, -1, 0),
    "keyctl": lambda: sc(250, 0, -3, 0),
    "add_key": lambda: sc(248, 0, 0, 0, 0, 0),
    "io_uring_setup": lambda: sc(425, 0, 0),
    "personality_no_aslr": lambda: sc(135, 0x0040000),
    "clone3": lambda: sc(435, 0, 0),
    "personality_query": lambda: sc(135, 0xFFFFFFFF),
}
name = sys.stdin.read().strip()
if name == "status":
    with open("/proc/self/status") as f:
        print(json.dumps({k: v.strip() for k, v in (line.split(":", 1) for line in f) if k.startswith("Seccomp")}))
else:
    print(json.dumps(CHECKS[name]()))
"""

REFUSED = ["unshare_newuser", "unshare_files", "clone_newuser", "setns", "mount", "umount2", "open_tree",
           "ptrace", "process_vm_readv", "bpf", "perf_event_open", "keyctl", "add_key", "io_uring_setup",
           "personality_no_aslr"]


def probe(runner, name: str) -> list:
    r = runner.run("python", PROBE, name.encode(), LIMITS)
    assert r.status is Status.OK, (r.status, r.reason, r.stderr[-2000:])
    return json.loads(r.stdout)


def test_the_filter_is_reported_active(sandbox):
    report = sandbox.isolation()["seccomp"]
    assert report.startswith("active: "), report


def test_every_program_runs_under_the_filter(runner):
    status = probe(runner, "status")
    assert status.get("Seccomp") == "2", status  # SECCOMP_MODE_FILTER
    assert int(status.get("Seccomp_filters", "0")) >= 1, status


@pytest.mark.parametrize("name", REFUSED)
def test_python_refused_calls(runner, name):
    ret, err = probe(runner, name)
    assert (ret, err) == (-1, "EPERM"), f"{name} returned {ret} ({err}), not the filter's EPERM"


def test_clone3_is_not_implemented_so_that_glibc_falls_back_to_clone(runner):
    assert probe(runner, "clone3") == [-1, "ENOSYS"]


def test_querying_the_personality_is_allowed(runner):
    ret, err = probe(runner, "personality_query")
    assert ret >= 0 and err is None, (ret, err)


def test_fork_threads_subprocess_and_mmap_still_work(runner):
    src = r"""
import mmap, os, subprocess, threading
kids = []
for i in range(3):
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    kids.append(pid)
codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in kids]
out = []
threads = [threading.Thread(target=out.append, args=(i,)) for i in range(4)]
for t in threads: t.start()
for t in threads: t.join()
echo = subprocess.run(["echo", "hi"], capture_output=True).stdout
m = mmap.mmap(-1, 1 << 20)
m[0:5] = b"mmap!"
print(codes, sorted(out), echo, bytes(m[0:5]))
"""
    r = runner.run("python", src, b"", Limits(time_s=5.0, wall_s=10.0, memory_mb=256, processes=8))
    assert r.ok, (r.status, r.reason, r.stderr[-2000:])
    assert r.stdout == b"[7, 7, 7] [0, 1, 2, 3] b'hi\\n' b'mmap!'\n"


CPP_REFUSED = r"""
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
static void report(const char *name, long ret) { std::printf("%s %ld %d\n", name, ret, ret == -1 ? errno : 0); }
int main() {
    errno = 0; report("unshare", unshare(CLONE_NEWUSER));
    errno = 0; report("mount", syscall(SYS_mount, nullptr, nullptr, nullptr, 0L, nullptr));
    errno = 0; report("ptrace", syscall(SYS_ptrace, 2L, 4194000L, 0L, 0L));
    errno = 0; report("bpf", syscall(SYS_bpf, 9999L, 0L, 0L));
}
"""


def test_cpp_refused_calls(sandbox):
    exe = sandbox.compile(Program("cpp", CPP_REFUSED)).executable
    assert exe is not None, "the C++ probe does not compile"
    r = sandbox.run(exe, b"", LIMITS)
    assert r.ok, (r.status, r.reason, r.stderr[-2000:])
    found = {name: (int(ret), int(err)) for name, ret, err in (line.split() for line in r.stdout.decode().splitlines())}
    assert found == {name: (-1, errno.EPERM) for name in ("unshare", "mount", "ptrace", "bpf")}, found


CPP_INT80 = r"""
#include <cstdio>
#include <unistd.h>
int main() {
    long ret;
    asm volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory", "r8", "r9", "r10", "r11");  // i386 getpid
    std::printf("%ld %ld\n", ret, (long)getpid());
}
"""


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the 32-bit ABI through int 0x80 is x86-64's")
def test_cpp_32_bit_syscall_does_not_succeed(sandbox):
    exe = sandbox.compile(Program("cpp", CPP_INT80)).executable
    assert exe is not None, "the C++ probe does not compile"
    r = sandbox.run(exe, b"", LIMITS)
    if r.status is Status.RE and r.signal is not None:  # a kernel without the 32-bit ABI faults it
        return
    assert r.ok, (r.status, r.reason, r.stderr[-2000:])
    ret, pid = (int(v) for v in r.stdout.split())
    assert ret == -errno.EPERM, f"int 0x80 getpid returned {ret} (the pid is {pid}): the 32-bit ABI is not refused"


CPP_WORKS = r"""
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>
int main() {
    std::vector<std::thread> threads;
    int sum[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++) threads.emplace_back([&sum, i] { sum[i] = i + 1; });
    for (auto &t : threads) t.join();
    pid_t pid = fork();
    if (pid == 0) _exit(5);
    int status = 0;
    waitpid(pid, &status, 0);
    char *m = static_cast<char *>(mmap(nullptr, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (m == MAP_FAILED) return 3;
    std::strcpy(m, "mapped");
    std::printf("%d %d %s\n", sum[0] + sum[1] + sum[2] + sum[3], WEXITSTATUS(status), m);
}
"""


def test_cpp_threads_fork_and_mmap_still_work(sandbox):
    exe = sandbox.compile(Program("cpp", CPP_WORKS)).executable
    assert exe is not None, "the C++ program does not compile"
    r = sandbox.run(exe, b"", Limits(time_s=2.0, wall_s=6.0, memory_mb=256, processes=8))
    assert r.ok, (r.status, r.reason, r.stderr[-2000:])
    assert r.stdout == b"10 5 mapped\n"


# What a program leaves in the scratch dirs, deep and locked, for the wipe to undo.
MESS = r"""
import json, os, sys
def look():
    return {d: sorted(os.listdir(d)) for d in ("/sandbox", "/tmp", "/dev/shm")} | {
        "modes": [oct(os.stat(d).st_mode) for d in ("/sandbox", "/tmp", "/dev/shm")],
        "xattrs": os.listxattr("/tmp")}
if sys.stdin.read().strip() == "look":
    print(json.dumps(look()))
    sys.exit(0)
os.chdir("/tmp")
depth = 0
try:
    for _ in range(2000):  # deeper than Python's recursion limit: until the inodes run out
        os.mkdir("d")
        os.chdir("d")
        open("f", "w").close()
        depth += 1
except OSError:
    pass
os.chmod(".", 0)
os.chdir("/tmp")
os.chmod("d", 0)
for d in ("/sandbox", "/tmp", "/dev/shm"):
    open(d + "/left", "w").close()
    os.symlink("/etc", d + "/link")
    os.chmod(d, 0o777)
try:
    os.setxattr("/tmp", "user.leak", b"1")
except OSError:
    pass
print(depth)
"""


@pytest.fixture(scope="module")
def one_box(sandbox):
    """A one-box sandbox of the backend under test: every run meets the same scratch dirs."""
    sb = open_sandbox(sandbox.name, workers=1)
    yield sb
    sb.close()


def test_scratch_dirs_are_wiped_however_deep_and_locked(one_box):
    exe = one_box.compile(Program("python", MESS)).executable
    assert exe is not None
    before = one_box.run(exe, b"look", LIMITS)
    assert before.ok, before.stderr[-2000:]
    clean = json.loads(before.stdout)
    assert clean["/sandbox"] == [] and clean["/tmp"] == [] and clean["/dev/shm"] == [], clean
    for inputs in ([b"mess"], [b"mess", b"look", b"mess", b"look"]):  # cold, then warm
        results = one_box.run_batch(exe, inputs, Limits(time_s=5.0, wall_s=10.0, memory_mb=256))
        for inp, r in zip(inputs, results):
            assert r is not None and r.ok, (inp, r)
            if inp == b"mess":
                assert int(r.stdout) > 1000, r.stdout  # deeper than a recursive wipe could go
            else:
                assert json.loads(r.stdout) == clean
        after = one_box.run(exe, b"look", LIMITS)
        assert after.ok and json.loads(after.stdout) == clean, after
