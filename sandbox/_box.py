"""The in-box supervisor of the local backend.

This file runs as its own process (``python -I -S _box.py CONFIG_JSON``) and uses the
standard library only. It creates fresh namespaces (mount, pid, net, ipc, uts) once,
builds a minimal read-only root, becomes pid 1 of the new pid namespace and serves run
requests from the host over a UNIX socket (its fd number is in the config).

The supervisor joins the box's cgroup and takes the box's unprivileged uid as its real
and saved uid (keeping effective uid 0), so that each run is a single ``posix_spawn``
(vfork + exec, no copy of this process): the child inherits the cgroup, the rlimits
set for the instant of the spawn, and, through RESETIDS, the unprivileged uid with no
capabilities. When the program ends the supervisor kills every process left in the
namespace with ``kill(-1, SIGKILL)``, reaps them and wipes the writable mounts. Its
last step of set-up loads a seccomp-bpf filter onto itself that every process of the box
inherits (see "syscall filter" below); from then on it cannot mount either, so the
writable mounts are emptied entry by entry, never remounted.

The warm path for Python (``_zygote.py``): when a request runs one Python executable on
many inputs, the supervisor starts a zygote that has compiled the candidate and
imported the standard modules it imports, and each run is a fork of it instead of an
interpreter start. Any other run of a Python script (a program run once, a few inputs) is
a fork of the box's *generic* zygote, which holds no program, only the common standard
modules: its child loads the script itself, as the box uid. A zygote has uid 0 and no
effective capability, so the programs (box uid) cannot reach it, and the clean-up signals
as the box uid: every program dies, the zygote stays (see ``Box._kill_all``).

Wire format in both directions: 4-byte big-endian header length, a JSON header
whose ``sizes`` lists the lengths of the binary payloads that follow.
"""

from __future__ import annotations

import array
import ctypes
import errno
import fnmatch
import json
import math
import os
import resource
import select
import shutil
import signal
import socket
import stat
import struct
import sys
import time

# --------------------------------------------------------------------------- libc

try:
    _libc = ctypes.CDLL("libc.so.6", use_errno=True)
except OSError:  # not glibc
    import ctypes.util  # here only: it imports subprocess, tempfile and more (a box starts faster without)

    _libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2

MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT = 1, 2, 4
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38

_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "arm64": 41, "riscv64": 41, "ppc64le": 203,
               "s390x": 217}


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(ctypes.c_int(flags)), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    def enc(s: str | None) -> bytes | None:
        return s.encode() if s is not None else None

    _check(_libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)),
           f"mount {source} -> {target}")


def umount(target: str, flags: int = 0) -> None:
    _check(_libc.umount2(target.encode(), ctypes.c_int(flags)), f"umount {target}")


def pivot_root(new_root: str, put_old: str) -> None:
    number = _PIVOT_ROOT.get(os.uname().machine)
    if number is None:
        raise OSError(errno.ENOSYS, f"pivot_root: unknown syscall number on {os.uname().machine}")
    _check(_libc.syscall(ctypes.c_long(number), new_root.encode(), put_old.encode()), "pivot_root")


def prctl(option: int, arg: int) -> None:
    _check(_libc.prctl(ctypes.c_int(option), ctypes.c_ulong(arg), ctypes.c_ulong(0),
                       ctypes.c_ulong(0), ctypes.c_ulong(0)), "prctl")


# --------------------------------------------------------------------------- wire

def send_msg(sock: socket.socket, header: dict, payloads: list[bytes] = (),  # type: ignore[assignment]
             fds: list[int] | tuple[int, ...] = ()) -> None:
    """Send one message with as few system calls as the socket allows (one, usually); ``fds``
    (open file descriptors, e.g. the ends of an interactive run's pipes) travel with its
    first bytes."""
    header = dict(header, sizes=[len(p) for p in payloads])
    raw = json.dumps(header).encode()
    buffers = [memoryview(struct.pack(">I", len(raw)) + raw)] + [memoryview(p) for p in payloads if p]
    ancillary = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))] if fds else []
    while buffers:
        sent = sock.sendmsg(buffers, ancillary)
        ancillary = []
        while buffers and sent >= len(buffers[0]):
            sent -= len(buffers[0])
            buffers.pop(0)
        if buffers and sent:
            buffers[0] = buffers[0][sent:]


class Reader:
    """Buffered reading of messages from a socket (few large recv calls). With ``with_fds``
    (a box reading requests) descriptors sent with a message are received too."""

    def __init__(self, sock: socket.socket, with_fds: bool = False) -> None:
        self.sock = sock
        self.with_fds = with_fds
        self.buf = bytearray()
        self.pos = 0
        #: File descriptors received with the bytes read so far and not yet taken (not inherited).
        self.fds: list[int] = []

    def read(self, n: int) -> bytes | None:
        while len(self.buf) - self.pos < n:
            if self.pos:
                del self.buf[:self.pos]
                self.pos = 0
            size = max(1 << 16, n - len(self.buf))
            if self.with_fds:
                chunk, fds, _, _ = socket.recv_fds(self.sock, size, 4)
                for fd in fds:
                    os.set_inheritable(fd, False)
                self.fds += fds
            else:
                chunk = self.sock.recv(size)
            if not chunk:
                return None
            self.buf += chunk
        data = bytes(self.buf[self.pos:self.pos + n])
        self.pos += n
        return data

    def recv_msg(self) -> tuple[dict, list[bytes]] | None:
        head = self.read(4)
        if head is None:
            return None
        raw = self.read(struct.unpack(">I", head)[0])
        if raw is None:
            return None
        header = json.loads(raw)
        payloads = []
        for size in header.get("sizes", []):
            data = self.read(size) if size else b""
            if data is None:
                return None
            payloads.append(data)
        return header, payloads

    def close_fds(self) -> None:
        """Close the received descriptors no request took."""
        while self.fds:
            os.close(self.fds.pop())


# --------------------------------------------------------------------------- box set-up

ROOT = "/tmp"          # in the private mount namespace a fresh tmpfs is mounted here and becomes /
WORK = "/sandbox"      # the run's private writable work dir (a scratch dir, wiped after every run)
EXE = "/box/exe"       # executables, root-owned; the dir is not listable, each exe dir is read+exec
SCRATCH = ("/sandbox", "/tmp", "/dev/shm")
#: What collecting every file of the work dir (``**``, a program folder's build) brings back at most.
COLLECT_FILES = 4096
COLLECT_BYTES = 256 << 20


def _mkdirs(path: str, mode: int = 0o755) -> None:
    os.makedirs(path, mode=mode, exist_ok=True)


def _touch(path: str) -> None:
    _mkdirs(os.path.dirname(path))
    with open(path, "a"):
        pass


def build_root(cfg: dict) -> None:
    """Assemble the box's file system view under ROOT, then pivot into it."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", ROOT, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=16m")
    for path, target in cfg["symlinks"].items():
        _mkdirs(os.path.dirname(ROOT + path))
        os.symlink(target, ROOT + path)
    for path in cfg["ro_binds"]:
        dst = ROOT + path
        if os.path.isdir(path):
            _mkdirs(dst)
        else:
            _touch(dst)
        mount(path, dst, None, MS_BIND | MS_REC)
        mount(None, dst, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
    # /etc: only what the dynamic loader and compilers need, plus our own passwd/group.
    _mkdirs(ROOT + "/etc")
    with open(ROOT + "/etc/passwd", "w") as f:
        f.write(f"root:x:0:0:root:/root:/bin/sh\nsandbox:x:{cfg['uid']}:{cfg['gid']}:sandbox:{WORK}:/bin/sh\n")
    with open(ROOT + "/etc/group", "w") as f:
        f.write(f"root:x:0:\nsandbox:x:{cfg['gid']}:\n")
    # /dev: a handful of safe nodes.
    _mkdirs(ROOT + "/dev")
    for node in ("null", "zero", "full", "random", "urandom"):
        _touch(ROOT + "/dev/" + node)
        mount("/dev/" + node, ROOT + "/dev/" + node, None, MS_BIND)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                         ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")):
        os.symlink(target, ROOT + "/dev/" + name)
    for path in SCRATCH:
        _mkdirs(ROOT + path)
    _mkdirs(ROOT + "/proc")
    mount("proc", ROOT + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _mkdirs(ROOT + EXE)
    mount("tmpfs", ROOT + EXE, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0711,size=512m")
    os.chdir(ROOT)
    pivot_root(".", ".")
    umount(".", MNT_DETACH)
    os.chdir("/")
    for path in SCRATCH:
        mount_scratch(cfg, path)
    mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def mount_scratch(cfg: dict, path: str) -> None:
    mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV,
          f"mode=0700,uid={cfg['uid']},gid={cfg['gid']},size={cfg['scratch_mb']}m,nr_inodes=4096")


# --------------------------------------------------------------------------- cgroup handles

#: A run is thrashing at its memory limit when, at ``THRASH_POLLS`` polls in a row
#: ``THRASH_POLL_S`` apart, its cgroup's usage was within ``THRASH_MARGIN`` of the limit and
#: at least ``THRASH_REFAULTS`` pages were refaulted since the poll before: reclaim keeps
#: evicting file pages the program still uses (its own code, files it maps), which are
#: always reclaimable, so the kernel never OOM-kills and the program crawls to its time
#: limit. Reading a file once (the page cache recycled at the limit) refaults nothing; a
#: thrashing program refaults thousands of pages a second.
THRASH_POLL_S = 0.2
THRASH_POLLS = 3
THRASH_REFAULTS = 64
THRASH_MARGIN = 2 << 20
#: memory.stat keys counting refaulted pages (kernels before 5.9 have only the first).
REFAULT_KEYS = ("workingset_refault", "workingset_refault_file", "workingset_refault_anon")
#: ``killed_for`` of a run ended for thrashing at its memory limit (an MLE, not a TLE).
THRASHING = "memory limit (the program thrashed at its memory limit: its working set does not fit)"

#: Cgroup files the supervisor writes (limits, the peak reset); the others it only reads.
WRITABLE = ("memory_limit", "memsw_limit", "pids_max", "memory_peak")


class Cgroup:
    """Open handles on the run cgroup's files (opened before pivot_root)."""

    def __init__(self, spec: dict | None, fds: dict[str, int] | None = None, admitted: list[bool] = ()) -> None:  # type: ignore[assignment]
        self.spec = spec or {}
        #: Per ``spec["procs"]``: the host moved the box's outer process there before it forked
        #: this one (which is then a member already, by inheritance).
        self.admitted = list(admitted)
        #: Processes of the box outside its pid namespace that the pids limit counts: the outer
        #: process, when it was moved into the pids hierarchy.
        self.outside = int(any(a and c in ("pids", "unified")
                               for a, c in zip(self.admitted, self.spec.get("procs_of", []))))
        if fds is not None:  # opened by the host and passed over the socket (docker backend)
            self.procs: list[int] = []
            self.paths: dict[str, str] = {}
            self.fds: dict[str, int] = dict(fds)
            self.version = self.spec.get("version")
            self.last: dict[str, str] = {}
            if self.version == 1 and self.has("memory_limit"):
                self.last["memory_limit"] = self.read("memory_limit").strip()
            return
        self.procs = [os.open(p, os.O_WRONLY | os.O_CLOEXEC) for p in self.spec.get("procs", [])]
        self.paths = {k: v for k, v in self.spec.items() if isinstance(v, str)}
        self.fds = {}
        for key, path in self.paths.items():
            writable = key in WRITABLE
            try:
                self.fds[key] = os.open(path, (os.O_RDWR if writable else os.O_RDONLY) | os.O_CLOEXEC)
            except OSError:
                if key != "memsw_limit":
                    raise
        self.version = self.spec.get("version")
        self.last = {}
        if self.version == 1 and self.has("memory_limit"):
            self.last["memory_limit"] = self.read("memory_limit").strip()

    def has(self, key: str) -> bool:
        return key in self.fds

    def write(self, key: str, value: str) -> None:
        if key in self.fds and self.last.get(key) != value:
            os.pwrite(self.fds[key], value.encode(), 0)
            self.last[key] = value

    def read(self, key: str) -> str:
        return os.pread(self.fds[key], 4096, 0).decode()

    def counter(self, key: str, field: str) -> int:
        """A ``name value`` line from a flat-keyed file (memory.events, oom_control, cpu.stat)."""
        return self.counters(key, (field,))[field]

    def counters(self, key: str, fields: tuple[str, ...]) -> dict[str, int]:
        """Several ``name value`` lines of one flat-keyed file, read once (0 when absent).
        Each is found by its name at a line start: memory.stat has dozens of lines, read
        several times a run."""
        found = dict.fromkeys(fields, 0)
        if key in self.fds:
            text = "\n" + self.read(key)
            for name in fields:
                start = text.find(f"\n{name} ")
                if start >= 0:
                    start += len(name) + 2
                    end = text.find("\n", start)
                    found[name] = int(text[start:end if end >= 0 else len(text)])
        return found

    def set_limits(self, memory_bytes: int, pids: int) -> None:
        if self.has("memory_limit"):
            mem = str(memory_bytes)
            if self.version == 1 and self.has("memsw_limit"):
                # v1 requires memsw >= memory limit at every moment: order the writes.
                old = int(self.last["memory_limit"])
                if memory_bytes >= old:
                    self.write("memsw_limit", mem)
                    self.write("memory_limit", mem)
                else:
                    self.write("memory_limit", mem)
                    self.write("memsw_limit", mem)
            else:
                self.write("memory_limit", mem)
                if self.version == 2 and self.has("memsw_limit"):
                    self.write("memsw_limit", "0")
        if self.has("pids_max"):
            self.write("pids_max", str(pids))

    def join(self) -> None:
        """Move the calling process (the supervisor) into the run cgroup: into each hierarchy the
        host did not already move it into (:meth:`BoxCgroup.admit` on the host)."""
        for i, fd in enumerate(self.procs):
            if not (i < len(self.admitted) and self.admitted[i]):
                os.write(fd, b"0")

    def usage_bytes(self) -> int:
        if not self.has("memory_usage"):
            return 0
        return int(self.read("memory_usage"))

    def pinned_bytes(self, usage: int) -> int:
        """Of ``usage``, what reclaim cannot take back: less the page cache of files (which a
        run's allocations evict, so it must not raise its limit)."""
        if not self.has("memory_stat"):
            return usage
        return max(usage - sum(self.counters("memory_stat", ("active_file", "inactive_file")).values()), 0)

    def thrashing_sample(self) -> tuple[int, bool] | None:
        """(pages refaulted so far: evicted, then needed again soon enough that a little more
        memory would have kept them; whether the usage is within ``THRASH_MARGIN`` of the
        limit), or None when the cgroup does not say."""
        if not (self.has("memory_stat") and self.has("memory_limit")):
            return None
        limit = self.last.get("memory_limit", "")
        if not limit.isdigit():
            return None
        refaults = sum(self.counters("memory_stat", REFAULT_KEYS).values())
        return refaults, self.usage_bytes() >= int(limit) - THRASH_MARGIN

    def cpu_ns(self) -> int | None:
        if not self.has("cpu_usage"):
            return None
        if self.version == 1:
            return int(self.read("cpu_usage"))
        return self.counter("cpu_usage", "usage_usec") * 1000

    def reset_peak(self) -> None:
        if self.has("memory_peak"):
            try:
                os.pwrite(self.fds["memory_peak"], b"0", 0)
            except OSError:
                pass

    def peak_bytes(self) -> int | None:
        if not self.has("memory_peak"):
            return None
        return int(self.read("memory_peak"))

    def oom_kills(self) -> int:
        return self.counter("oom", "oom_kill")


# --------------------------------------------------------------------------- runs

SAFE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": WORK, "TMPDIR": "/tmp",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONHASHSEED": "0"}


#: The key of the generic zygote (in place of an executable's digest).
GENERIC = "<generic>"


class ZygoteGone(Exception):
    """The warm interpreter died or stopped answering."""


class Zygote:
    """The supervisor's handle on a warm Python interpreter (see ``_zygote.py``).

    It is keyed by what its children inherit from it: the executable (``GENERIC`` for the
    generic zygote, which loads no program: ``script`` is empty), the interpreter, the
    environment and the stack limit (which fixes the memory layout at exec)."""

    def __init__(self, source: str, key: tuple, python: str, script: str, preload: list[str], env: dict,
                 stack_bytes: int, uid: int, gid: int) -> None:
        self.key = key
        self.generic = not script
        self._start([python, "-B", "-c", source, str(uid), str(uid + 1), WORK], env, stack_bytes, uid, gid,
                    b"L" + b"\0".join(os.fsencode(a) for a in [script, *preload]), ZYGOTE_START_S)

    def _start(self, argv: list[str], env: dict, stack_bytes: int, uid: int, gid: int, hello: bytes,
               timeout: float) -> None:
        """Spawn it (stdin, stdout, stderr /dev/null, fd 3 its socket, the stack limit that
        fixes its memory layout at exec), send ``hello`` and wait for its ``R``."""
        self.pid = 0
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.sock = ours
        devnull = os.open("/dev/null", os.O_RDWR | os.O_CLOEXEC)
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
                   (os.POSIX_SPAWN_DUP2, devnull, 2), (os.POSIX_SPAWN_DUP2, theirs.fileno(), 3)]
        saved_stack = resource.getrlimit(resource.RLIMIT_STACK)
        hard = saved_stack[1]
        try:
            resource.setrlimit(resource.RLIMIT_STACK,
                               (stack_bytes if hard == resource.RLIM_INFINITY else min(stack_bytes, hard), hard))
            # Started with every id 0 (no secure-exec mode, which would strip the environment, or
            # ignore a preloaded library); it takes its own unprivileged effective uid before it
            # reads anything of a program.
            os.setresgid(0, 0, 0)
            os.setresuid(0, 0, 0)
            self.pid = os.posix_spawn(argv[0], argv, env, file_actions=actions, setsid=True,
                                      setsigmask=(), setsigdef=_RESET_SIGNALS)
        finally:
            os.setresuid(uid, 0, uid)
            os.setresgid(gid, 0, gid)
            resource.setrlimit(resource.RLIMIT_STACK, saved_stack)
            os.close(devnull)
            theirs.close()
        ours.settimeout(timeout)
        try:
            ours.send(hello)
            reply = ours.recv(4096)
        except OSError as exc:
            self.close()
            raise ZygoteGone(f"no answer: {exc}") from exc
        if reply != b"R":
            self.close()
            raise ZygoteGone(reply[2:].decode(errors="replace") if reply else "it exited while loading")

    def fork(self, fds: list[int], fields: list[bytes]) -> int:
        """Start a child on ``fds`` (stdin, stdout, stderr); returns its pid."""
        try:
            self.sock.settimeout(ZYGOTE_REPLY_S)
            socket.send_fds(self.sock, [b"F" + b"\0".join(fields)], fds)
            reply = self.sock.recv(4096)
        except OSError as exc:
            raise ZygoteGone(f"fork request: {exc}") from exc
        if not reply.startswith(b"P "):
            raise ZygoteGone("no child")
        return int(reply[2:])

    def reaped(self, timeout: float) -> tuple[int, resource.struct_rusage, str]:
        """The child's wait status and rusage (the zygote reaps it), and a set-up failure if any."""
        failure = ""
        try:
            self.sock.settimeout(timeout)
            reply = self.sock.recv(4096)
            if reply.startswith(b"X "):
                failure = reply[2:].decode(errors="replace")
                reply = self.sock.recv(4096)
        except OSError as exc:
            raise ZygoteGone(f"no report: {exc}") from exc
        if not reply.startswith(b"S "):
            raise ZygoteGone("no report")
        parts = reply[2:].split()
        usage = [float(v) for v in parts[1:3]] + [int(v) for v in parts[3:]]
        return int(parts[0]), resource.struct_rusage(usage), failure

    def close(self) -> None:
        """Kill it (the caller reaps it: it is the supervisor's child)."""
        try:
            self.sock.close()
        except OSError:
            pass
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class NativeZygote(Zygote):
    """The supervisor's handle on a fork server of a compiled program (``_forkserver.c``):
    the program started once with the server library preloaded, which answers the zygote
    protocol (fork, reaped) with children that go on into the program's ``main``. Started
    with every id 0 (glibc's secure mode would ignore the preload), it takes an unprivileged
    effective uid of its own before anything of the program runs. Keyed like a zygote."""

    def __init__(self, library: str, key: tuple, argv: list[str], env: dict, stack_bytes: int,
                 uid: int, gid: int) -> None:
        self.key = key
        self.generic = False
        self._start(argv, dict(env, LD_PRELOAD=library, CODESOLVE_FORKSERVER="1"), stack_bytes, uid, gid,
                    b"L %d %d" % (uid + 1, uid), NATIVE_START_S)


#: Seconds a zygote may take to load (heavy imports), and to answer a request.
ZYGOTE_START_S = 60.0
ZYGOTE_REPLY_S = 10.0
#: Seconds a fork server may take to load its program and answer (no imports: loading only).
NATIVE_START_S = 5.0
#: Where a box keeps the fork server library (root's, readable by all).
FORKSERVER = EXE + "/forkserver.so"
#: Zygotes a box keeps (the executables most recently run warm there): candidates of several
#: problems interleave on a box; each idle zygote holds about 10 MB (30 with heavy imports).
ZYGOTES_PER_BOX = 4


class Box:
    def __init__(self, cfg: dict, sock: socket.socket, cgroup: Cgroup) -> None:
        self.cfg = cfg
        self.sock = sock
        self.uid = cfg["uid"]
        self.gid = cfg["gid"]
        self.cgroup = cgroup
        self.exes: list[str] = []  # LRU order of stored executables
        #: exit status and rusage of processes reaped while killing (pid -> (status, rusage))
        self.reaped: dict[int, tuple[int, resource.struct_rusage]] = {}
        #: warm Python interpreters by key, least recently used first (at most ZYGOTES_PER_BOX)
        self.zygotes: dict[tuple, Zygote] = {}
        self.zygote_starts = 0
        self.zygote_source: str | None = cfg.get("zygote_source")
        self.cold_only: list[tuple] = []  # keys whose zygote could not load the candidate
        self.children_file = f"/proc/{os.getpid()}/task/{os.getpid()}/children"
        #: stdin and stdout of the next run, when it is one side of an interactive pair
        self.pipes: tuple[int, ...] = ()
        #: When the last run killed for a limit was found over it (before the kill: the other
        #: side of an interactive pair sees the pipe close only after)
        self.killed_at = 0.0
        if self.zygote_source is not None and not os.path.exists(self.children_file):
            self.zygote_source = None  # no way to tell the zygote from leftovers: cold runs only

    # ---- executables
    def put(self, header: dict, payloads: list[bytes]) -> dict:
        digest = header["digest"]
        if digest in self.exes:
            return {"ok": True}
        while len(self.exes) >= 64:
            shutil.rmtree(os.path.join(EXE, self.exes.pop(0)), ignore_errors=True)
        base = os.path.join(EXE, digest)
        tmp = base + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        os.mkdir(tmp, 0o755)
        for name, data in zip(header["names"], payloads):
            path = os.path.join(tmp, name)
            if "/" in name:
                _mkdirs(os.path.dirname(path))
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o555)
            try:
                _write_all(fd, data)
            finally:
                os.close(fd)
        os.rename(tmp, base)
        self.exes.append(digest)
        return {"ok": True}

    # ---- one run
    def run(self, header: dict, payloads: list[bytes], start_zygote: bool = False) -> tuple[dict, list[bytes]]:
        digest = header.get("digest")
        if digest and digest not in self.exes:
            return {"missing": digest}, []
        if digest:  # refresh LRU position
            self.exes.remove(digest)
            self.exes.append(digest)
        t_start = time.monotonic()
        lim = header["limits"]
        exe_dir = os.path.join(EXE, digest) if digest else ""
        argv = [a.replace("{dir}", exe_dir) for a in header["argv"]]
        mem_bytes = int(lim["memory_mb"]) << 20
        env = dict(SAFE_ENV)
        env.update(header.get("env", {}))
        # Before this run's files exist: a starting interpreter reads nothing the run provides.
        starts = self.zygote_starts
        zygote = self._zygote_for(header, argv, env, lim, start_zygote)
        stdin_data, file_data = payloads[0], payloads[1:]
        for name, data in zip(header.get("files", []), file_data):
            self._write_work_file(name, data)
        for name in header.get("dirs", []):
            path = os.path.join(WORK, name)
            os.makedirs(path, exist_ok=True)
            os.chown(path, self.uid, self.gid)

        time_s = float(lim["time_s"])
        wall_s = float(lim["wall_s"])
        out_bytes = int(lim["output_mb"]) << 20
        cg = self.cgroup

        piped = bool(header.get("pipes"))
        if piped:  # an interactive run: stdin and stdout are pipes to the other side's box
            stdin_fd, stdout_fd = self.pipes
            self.pipes = ()
        else:
            stdin_fd = os.memfd_create("stdin", os.MFD_CLOEXEC)
            if stdin_data:
                _write_all(stdin_fd, stdin_data)
                os.lseek(stdin_fd, 0, os.SEEK_SET)
            stdout_fd = os.memfd_create("stdout", os.MFD_CLOEXEC)
        stderr_fd = os.memfd_create("stderr", os.MFD_CLOEXEC)
        # The supervisor itself lives in the run cgroup (children inherit it for free, no
        # per-run migration): what it holds is the baseline, subtracted from the peak; what
        # of it reclaim cannot free (not the page cache) is added to the limit.
        baseline = cg.usage_bytes()
        cg.set_limits(mem_bytes + _round_up_mb(cg.pinned_bytes(baseline)),
                      int(lim["processes"]) + 1 + cg.outside + len(self.zygotes))
        cg.reset_peak()
        oom_before = cg.oom_kills()
        cpu_before = cg.cpu_ns()
        self.reaped.clear()
        t0 = time.monotonic()
        exec_error = b""
        orphaned = False  # the zygote died during the run: its child is ours to reap
        if zygote is not None:
            try:
                if isinstance(zygote, NativeZygote):  # the limits only: argv is the server's own
                    fields = self._fork_fields("", [], lim, mem_bytes, out_bytes)[:1]
                else:
                    fields = self._fork_fields(argv[2], argv[3:], lim, mem_bytes, out_bytes)
                pid = zygote.fork([stdin_fd, stdout_fd, stderr_fd], fields)
            except ZygoteGone:
                self._drop_zygote(zygote)
                zygote = None
        if zygote is None:
            try:
                pid = self._spawn(argv, env, lim, stdin_fd, stdout_fd, stderr_fd, mem_bytes, out_bytes)
            except OSError as exc:
                pid, exec_error = 0, f"{argv[0]}: {exc.strerror or exc}".encode()
        os.close(stdin_fd)
        if piped:  # the program holds its ends now: when it ends, the other side sees EOF
            os.close(stdout_fd)
        if pid:
            killed_for = self._wait(pid, t0, time_s, wall_s, cpu_before, warm=zygote is not None)
            if zygote is not None:
                try:
                    wstatus, rusage, failure = zygote.reaped(wall_s + ZYGOTE_REPLY_S)
                    if failure:
                        exec_error = f"warm interpreter: {failure}".encode()
                except ZygoteGone:
                    self._drop_zygote(zygote)
                    orphaned = True
            elif pid not in self.reaped:
                _, wstatus, rusage = os.wait4(pid, 0)
        else:
            killed_for, wstatus, rusage = None, 127 << 8, resource.getrusage(resource.RUSAGE_CHILDREN)
        t_exit = time.monotonic()
        wall = t_exit - t0
        cpu_ns = cg.cpu_ns()
        self._kill_all()
        if pid in self.reaped:
            wstatus, rusage = self.reaped[pid]
        elif orphaned:
            wstatus, rusage = 127 << 8, resource.getrusage(resource.RUSAGE_CHILDREN)
            exec_error = b"the warm interpreter died during the run"

        if cpu_ns is not None and cpu_before is not None:
            cpu = (cpu_ns - cpu_before) / 1e9
        else:
            cpu = rusage.ru_utime + rusage.ru_stime
        peak = cg.peak_bytes()
        # The cgroup's peak counts every process of the run but charges memory in batches and
        # not pages already charged (shared code); the main process's max RSS is exact for it.
        rss_mb = rusage.ru_maxrss / 1024
        peak_mb = max((peak - baseline) / 2**20, rss_mb) if peak is not None else rss_mb
        oom = cg.oom_kills() > oom_before

        if piped:
            stdout_size, stdout = 0, b""
        else:
            stdout_size = os.fstat(stdout_fd).st_size
            stdout = os.pread(stdout_fd, min(stdout_size, out_bytes), 0)
            os.close(stdout_fd)
        stderr = os.pread(stderr_fd, int(lim["stderr_kb"]) << 10, 0)
        os.close(stderr_fd)

        exit_code = os.WEXITSTATUS(wstatus) if os.WIFEXITED(wstatus) else None
        sig = os.WTERMSIG(wstatus) if os.WIFSIGNALED(wstatus) else None
        status, reason = classify(exec_error, killed_for, stdout_size > out_bytes, sig, exit_code,
                                  oom, stderr, cpu, time_s)
        collected_names, collected = self._collect(header.get("collect", []))
        t_collected = time.monotonic()
        self._clean()
        t_end = time.monotonic()
        # Where the time went, for benchmarks: set-up before the spawn, spawn to exit, kill
        # and reap plus reading results, wiping the scratch mounts.
        phases = {"prepare": t0 - t_start, "run": wall, "reap_collect": t_collected - t_exit,
                  "clean": t_end - t_collected}
        result = {"status": status, "reason": reason, "exit_code": exit_code, "signal": sig,
                  "cpu_s": cpu, "wall_s": wall, "peak_memory_mb": peak_mb,
                  "collected": collected_names, "phases": phases, "warm": zygote is not None,
                  "generic": zygote is not None and zygote.generic, "zygote_started": self.zygote_starts > starts,
                  "ended": self.killed_at if killed_for else t_exit}
        return result, [stdout, stderr, *collected]

    def runs(self, header: dict, payloads: list[bytes]) -> None:
        """Run one executable on several inputs, sending one reply per run as it ends.

        ``items`` lists, per input, its extra ``args``, ``files`` (names), ``dirs`` and
        ``collect``; the payloads are, per input, stdin followed by its files' contents.
        """
        digest = header.get("digest")
        if digest and digest not in self.exes:
            send_msg(self.sock, {"missing": digest})
            return
        pos = 0
        for item in header["items"]:
            n_files = len(item.get("files", []))
            sub = dict(header, op="run", argv=header["argv"] + item.get("args", []), files=item.get("files", []),
                       dirs=item.get("dirs", []), collect=item.get("collect", []))
            sub_payloads = payloads[pos:pos + 1 + n_files]
            pos += 1 + n_files
            try:
                reply, out = self.run(sub, sub_payloads, start_zygote=len(header["items"]) > 1)
            except Exception as exc:  # noqa: BLE001 - report it for this input, go on with the next
                self._recover()
                reply, out = {"error": f"{type(exc).__name__}: {exc}"}, []
            send_msg(self.sock, reply, out)

    def _recover(self) -> None:
        for zygote in list(self.zygotes.values()):
            self._drop_zygote(zygote)
        self._kill_all()
        try:
            self._clean()
        except OSError:
            pass

    # ---- the warm path (Python)
    def _zygote_for(self, header: dict, argv: list[str], env: dict, lim: dict, start: bool) -> Zygote | None:
        """The zygote for this run: a live one of its executable; a new one of its executable
        when the request has several inputs and the host asks for one (``own``; the least
        recently used goes when the box holds ``ZYGOTES_PER_BOX``); else the generic zygote
        (started when the box has none for this interpreter, environment and memory limit);
        None (a cold start) when none can load. Only a run of the form
        ``python -B SCRIPT ARGS`` that the host marked ``warm`` qualifies."""
        warm = header.get("warm")
        if warm is not None and warm.get("native"):
            return self._native_zygote(header, argv, env, lim, start and warm.get("own", True))
        if warm is None or self.zygote_source is None or len(argv) < 3 or argv[1] != "-B":
            return None
        mem_bytes = int(lim["memory_mb"]) << 20
        context = (argv[0], tuple(sorted(env.items())), mem_bytes)
        key: tuple = (header.get("digest"), argv[2], *context)
        zygote = self.zygotes.pop(key, None)
        if zygote is not None:
            self.zygotes[key] = zygote  # most recently used last
            return zygote
        if key in self.cold_only:
            return None
        if start and warm.get("own", True):
            while sum(not z.generic for z in self.zygotes.values()) >= ZYGOTES_PER_BOX:
                self._drop_zygote(next(z for z in self.zygotes.values() if not z.generic))
            return self._start_zygote(key, argv[2], list(warm.get("preload", [])), env, lim)
        key = (GENERIC, *context)
        zygote = self.zygotes.pop(key, None)
        if zygote is not None:
            self.zygotes[key] = zygote
            return zygote
        if key in self.cold_only:
            return None
        for other in [z for z in self.zygotes.values() if z.generic]:  # one generic zygote a box
            self._drop_zygote(other)
        return self._start_zygote(key, "", [], env, lim)

    def _native_zygote(self, header: dict, argv: list[str], env: dict, lim: dict, start: bool) -> Zygote | None:
        """The fork server of this compiled executable (with these arguments, environment and
        memory limit): a live one; a new one when the request has several inputs and the host
        asks for one; else None (a cold start). The box must hold the server library."""
        mem_bytes = int(lim["memory_mb"]) << 20
        key: tuple = ("native", header.get("digest"), tuple(argv), tuple(sorted(env.items())), mem_bytes)
        live = self.zygotes.pop(key, None)
        if live is not None:
            self.zygotes[key] = live  # most recently used last
            return live
        if not start or key in self.cold_only or not self._forkserver_ready():
            return None
        while sum(not z.generic for z in self.zygotes.values()) >= ZYGOTES_PER_BOX:
            self._drop_zygote(next(z for z in self.zygotes.values() if not z.generic))
        self.cgroup.set_limits(mem_bytes + _round_up_mb(self.cgroup.pinned_bytes(self.cgroup.usage_bytes())),
                               int(lim["processes"]) + 2 + self.cgroup.outside + len(self.zygotes))
        try:
            zygote = NativeZygote(FORKSERVER, key, argv, env, mem_bytes, self.uid, self.gid)
        except (ZygoteGone, OSError):
            self.cold_only = (self.cold_only + [key])[-16:]
            self._kill_all()
            return None
        _default_priority(zygote.pid)
        self.zygotes[key] = zygote
        self.zygote_starts += 1
        return zygote

    def _forkserver_ready(self) -> bool:
        """The fork server library in the box (written on first use from what the host gave)."""
        library: bytes | None = self.cfg.get("forkserver_bytes")
        if not library or not os.path.exists(self.children_file):  # (as for zygotes: see __init__)
            return False
        if not os.path.exists(FORKSERVER):
            tmp = FORKSERVER + ".tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o444)
            with os.fdopen(fd, "wb") as f:
                f.write(library)
            os.rename(tmp, FORKSERVER)
        return True

    def _start_zygote(self, key: tuple, script: str, preload: list[str], env: dict, lim: dict) -> Zygote | None:
        mem_bytes = int(lim["memory_mb"]) << 20
        # It loads under this run's limits (plus what the box holds), not the last run's.
        self.cgroup.set_limits(mem_bytes + _round_up_mb(self.cgroup.pinned_bytes(self.cgroup.usage_bytes())),
                               int(lim["processes"]) + 2 + self.cgroup.outside + len(self.zygotes))
        try:
            zygote = Zygote(self.zygote_source or "", key, key[-3], script, preload, env, mem_bytes,
                            self.uid, self.gid)
        except (ZygoteGone, OSError):
            self.cold_only = (self.cold_only + [key])[-16:]
            self._kill_all()
            return None
        _default_priority(zygote.pid)  # its children, the runs, inherit it
        self.zygotes[key] = zygote
        self.zygote_starts += 1
        return zygote

    def _drop_zygote(self, zygote: Zygote) -> None:
        if self.zygotes.get(zygote.key) is zygote:
            del self.zygotes[zygote.key]
        zygote.close()
        try:
            os.waitpid(zygote.pid, 0)
        except ChildProcessError:
            pass

    def _rlimits(self, lim: dict, mem_bytes: int, out_bytes: int) -> list[tuple[int, int, int]]:
        """A run's rlimits as (resource, soft, hard), cold or warm. The stack gets a soft limit
        only (hard RLIM_INFINITY: keep the current one): exec restores the stack limit it
        started with, so a hard limit set on a cold child after its spawn would not hold."""
        cpu_soft = int(float(lim["time_s"])) + 2
        nofile = int(lim["open_files"])
        limits = [(resource.RLIMIT_CPU, cpu_soft, cpu_soft + 1),
                  (resource.RLIMIT_FSIZE, out_bytes + 1, out_bytes + 1),
                  (resource.RLIMIT_NOFILE, nofile, nofile),
                  (resource.RLIMIT_STACK, mem_bytes, resource.RLIM_INFINITY)]
        if not self.cgroup.has("pids_max"):
            procs = int(lim["processes"]) + 1
            limits.append((resource.RLIMIT_NPROC, procs, procs))
        return limits

    def _fork_fields(self, script: str, args: list[str], lim: dict, mem_bytes: int, out_bytes: int) -> list[bytes]:
        """A warm child's request: the rlimits ``_spawn`` gives a cold child (plus the
        address space when no memory cgroup), the script, then the program's arguments."""
        limits = self._rlimits(lim, mem_bytes, out_bytes)
        if not self.cgroup.has("memory_limit"):
            limits.append((resource.RLIMIT_AS, mem_bytes, mem_bytes))
        table = " ".join(f"{res}:{soft}:{hard}" for res, soft, hard in limits)
        return [table.encode(), os.fsencode(script)] + [os.fsencode(a) for a in args]

    def _spawn(self, argv: list[str], env: dict, lim: dict, stdin_fd: int, stdout_fd: int, stderr_fd: int,
               mem_bytes: int, out_bytes: int) -> int:
        """Start the program with posix_spawn (vfork+exec: no copy of this process).

        The child inherits what is set here: the rlimits are applied (as soft limits) to the
        supervisor for the instant of the spawn, then fixed as hard limits on the child with
        prlimit (lowering a hard limit needs no privilege, and the supervisor's real uid is
        the child's); the cgroup, the empty supplementary groups and no_new_privs are the
        supervisor's own; RESETIDS gives the child the supervisor's real ids, the box's
        unprivileged uid, and no capabilities.
        """
        limits = self._rlimits(lim, mem_bytes, out_bytes)
        saved = [(res, resource.getrlimit(res)) for res, _, _ in limits]
        actions = [(os.POSIX_SPAWN_DUP2, stdin_fd, 0), (os.POSIX_SPAWN_DUP2, stdout_fd, 1),
                   (os.POSIX_SPAWN_DUP2, stderr_fd, 2)]
        path = argv[0] if "/" in argv[0] else _which(argv[0], env["PATH"])
        try:
            for (res, soft, _), (_, (_, cur_hard)) in zip(limits, saved):
                resource.setrlimit(res, (min(soft, cur_hard) if cur_hard != resource.RLIM_INFINITY else soft,
                                         cur_hard))
            pid = os.posix_spawn(path, argv, env, file_actions=actions, setsid=True, resetids=True,
                                 setsigmask=(), setsigdef=_RESET_SIGNALS)
        finally:
            for res, value in saved:
                resource.setrlimit(res, value)
        for res, soft, hard in limits:
            if hard != resource.RLIM_INFINITY:  # the stack's: only its soft limit is set (the one
                _prlimit(pid, res, (soft, hard))  # in force at the spawn, which exec keeps)
        if not self.cgroup.has("memory_limit"):
            _prlimit(pid, resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        _default_priority(pid)
        # The child inherited the supervisor's OOM score: a program is the OOM killer's first choice.
        try:
            with open(f"/proc/{pid}/oom_score_adj", "w") as f:
                f.write(PROGRAM_OOM_SCORE_ADJ)
        except OSError:
            pass
        return pid

    def _wait(self, pid: int, t0: float, time_s: float, wall_s: float, cpu_before: int | None,
              warm: bool = False) -> str | None:
        """Wait for the child; kill the box's processes on a limit. Returns why it killed, if it did.

        A warm child is the zygote's to reap: on a limit its processes are only signalled
        here, and reaped once the zygote has reported (``run``)."""
        end = self._signal_programs if warm else self._kill_all
        try:
            pidfd = os.pidfd_open(pid)
        except ProcessLookupError:  # a warm child can be over, and reaped by the zygote, already
            return None
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
        poller.register(self.sock.fileno(), select.POLLHUP | select.POLLERR)
        try:
            wall_deadline = t0 + wall_s
            next_cpu_check = t0 + time_s
            sample = self.cgroup.thrashing_sample()
            next_mem_check = t0 + THRASH_POLL_S if sample is not None else math.inf
            thrash_polls = 0
            while True:
                now = time.monotonic()
                wake = min(wall_deadline, next_cpu_check, next_mem_check)
                events = poller.poll(max(0.0, wake - now) * 1000 + 1)
                for fd, ev in events:
                    if fd == pidfd:
                        return None
                    if fd == self.sock.fileno():  # host went away: end everything
                        self._kill_all()
                        os._exit(0)
                now = time.monotonic()
                if now >= wall_deadline:
                    self.killed_at = now
                    end(pid)
                    return "wall time limit"
                if now >= next_cpu_check:
                    used = self._cpu_used(pid, cpu_before)
                    if used >= time_s:
                        self.killed_at = now
                        end(pid)
                        return "cpu time limit"
                    next_cpu_check = now + max(time_s - used, 0.01)
                if now >= next_mem_check:
                    previous, sample = sample, self.cgroup.thrashing_sample()
                    thrashing = (sample is not None and previous is not None and sample[1]
                                 and sample[0] - previous[0] >= THRASH_REFAULTS)
                    thrash_polls = thrash_polls + 1 if thrashing else 0
                    if thrash_polls >= THRASH_POLLS:
                        self.killed_at = now
                        end(pid)
                        return THRASHING
                    next_mem_check = now + THRASH_POLL_S
        finally:
            os.close(pidfd)

    def _cpu_used(self, pid: int, cpu_before: int | None) -> float:
        now_ns = self.cgroup.cpu_ns()
        if now_ns is not None and cpu_before is not None:
            return (now_ns - cpu_before) / 1e9
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def _kill_all(self, main: int = 0) -> None:
        """Kill every process of the namespace but ourselves and the zygotes, and reap them.

        Without a zygote: ``kill(-1)`` and reap until no child is left. With zygotes (uid 0,
        out of the programs' reach): the signal is sent as the box uid, which reaches every
        program and never a zygote, and the reaping ends when only zygotes are left as our
        children. The run's own process has been reaped by its zygote by then, so each of
        its descendants still alive is our child (orphans come to pid 1)."""
        while True:
            self._signal_programs(main)
            try:
                while True:
                    pid, status, rusage = os.wait4(-1, os.WNOHANG)
                    if pid == 0:
                        break
                    died = [z for z in self.zygotes.values() if z.pid == pid]
                    if died:  # a zygote died (the OOM killer may choose it)
                        del self.zygotes[died[0].key]
                        died[0].sock.close()
                        continue
                    self.reaped[pid] = (status, rusage)
            except ChildProcessError:
                return
            if self.zygotes and self._children() <= {z.pid for z in self.zygotes.values()}:
                return
            time.sleep(0.0005)

    def _signal_programs(self, main: int = 0) -> None:
        """SIGKILL to every process of the box but ourselves and the zygotes (and to ``main``,
        the run's process, directly: a warm child is root for an instant while it sets up)."""
        if main:
            try:
                os.kill(main, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if not self.zygotes:
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return
        os.setresuid(self.uid, self.uid, 0)  # the saved uid 0 is the way back
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:  # nothing of the box uid left to signal
            pass
        finally:
            os.setresuid(self.uid, 0, self.uid)
            if not self.cfg.get("container"):  # a change of effective uid clears the parent-death
                prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # signal: the box must still die with its owner

    def _children(self) -> set[int]:
        fd = os.open(self.children_file, os.O_RDONLY | os.O_CLOEXEC)
        try:
            return {int(p) for p in _read_all(fd).split()}
        finally:
            os.close(fd)

    def _write_work_file(self, name: str, data: bytes) -> None:
        path = os.path.join(WORK, name)
        _mkdirs(os.path.dirname(path))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        try:
            _write_all(fd, data)
            os.fchown(fd, self.uid, self.gid)
        finally:
            os.close(fd)

    def _collect(self, patterns: list[str]) -> tuple[list[str], list[bytes]]:
        names: list[str] = []
        datas: list[bytes] = []
        if not patterns:
            return names, datas
        for pattern in patterns:
            if pattern == "**":
                self._collect_tree("", names, datas)
                continue
            head, _, tail = pattern.rpartition("/")
            try:
                dfd = _open_dir_nofollow(WORK, head)
            except OSError:
                continue
            try:
                for entry in sorted(os.listdir(dfd)):
                    if fnmatch.fnmatchcase(entry, tail):
                        _take_file(dfd, entry, (head + "/" if head else "") + entry, names, datas, 256 << 20)
            finally:
                os.close(dfd)
        return names, datas

    def _collect_tree(self, rel: str, names: list[str], datas: list[bytes]) -> None:
        """Every regular file under ``WORK/rel`` (``**``), symbolic links not followed, at
        most ``COLLECT_FILES`` files and ``COLLECT_BYTES`` in all."""
        try:
            dfd = _open_dir_nofollow(WORK, rel)
        except OSError:
            return
        try:
            for entry in sorted(os.listdir(dfd)):
                name = f"{rel}/{entry}" if rel else entry
                try:
                    st = os.stat(entry, dir_fd=dfd, follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    self._collect_tree(name, names, datas)
                elif len(names) < COLLECT_FILES:
                    _take_file(dfd, entry, name, names, datas, COLLECT_BYTES - sum(map(len, datas)))
        finally:
            os.close(dfd)

    def _clean(self) -> None:
        """Both modes: the supervisor cannot mount (container: no privilege; local: its
        syscall filter), so the scratch dirs are wiped, not remounted."""
        self._wipe()

    def _wipe(self) -> None:
        """Empty the scratch dirs entry by entry, and give each back the mode, owner and (no)
        extended attributes it was mounted with. Every process of the run is dead, so
        nothing can race the deletion; the supervisor may override file permissions
        (CAP_DAC_OVERRIDE, CAP_FOWNER), its programs never can."""
        for path in SCRATCH:
            mode, uid, gid, empty_size = self.cfg["scratch_state"][path]
            st = os.lstat(path)
            # On tmpfs a directory's size counts its entries: at its empty size, with no
            # subdirectory, it holds nothing, and one lstat stands for reading it.
            if empty_size < 0 or st.st_size != empty_size or st.st_nlink != 2:
                _empty_dir(path)
                st = os.lstat(path)
            if stat.S_IMODE(st.st_mode) != mode:
                os.chmod(path, mode)
            if (st.st_uid, st.st_gid) != (uid, gid):
                os.chown(path, uid, gid)
            try:
                for attr in os.listxattr(path):
                    os.removexattr(path, attr)
            except OSError:  # no extended attributes on this file system
                pass

    # ---- main loop
    def serve(self) -> None:
        send_msg(self.sock, {"ready": True, "pid": os.getpid(),
                             "seccomp": self.cfg.get("seccomp", "absent: not loaded")})
        reader = Reader(self.sock, with_fds=True)
        while True:
            msg = reader.recv_msg()
            if msg is None:
                return
            header, payloads = msg
            op = header.get("op")
            if op == "runs":
                reader.close_fds()
                self.runs(header, payloads)
                continue
            try:
                if op == "run" and header.get("pipes"):
                    reply, out = self.run_piped(header, payloads, reader)
                elif op == "run":
                    reader.close_fds()
                    reply, out = self.run(header, payloads)
                elif op == "has":
                    reply, out = {"has": header.get("digest") in self.exes}, []
                elif op == "put":
                    reply, out = self.put(header, payloads), []
                elif op == "quit":
                    send_msg(self.sock, {"ok": True})
                    return
                else:
                    reply, out = {"error": f"unknown op {op!r}"}, []
            except Exception as exc:  # noqa: BLE001 - a failed request must not kill the box
                self._recover()
                reply, out = {"error": f"{type(exc).__name__}: {exc}"}, []
            finally:
                reader.close_fds()
                for fd in self.pipes:
                    os.close(fd)
                self.pipes = ()
            send_msg(self.sock, reply, out)

    def run_piped(self, header: dict, payloads: list[bytes], reader: Reader) -> tuple[dict, list[bytes]]:
        """One run of an interactive pair: the request brought two descriptors, the program's
        stdin and stdout (pipes whose other ends the other box's program holds)."""
        if len(reader.fds) != 2:
            return {"error": f"an interactive run needs 2 descriptors, got {len(reader.fds)}"}, []
        self.pipes = (reader.fds.pop(0), reader.fds.pop(0))
        return self.run(header, payloads)


def classify(exec_error: bytes, killed_for: str | None, output_over: bool, sig: int | None,
             exit_code: int | None, oom: bool, stderr: bytes, cpu: float, time_s: float) -> tuple[str, str]:
    if exec_error:
        return "SE", "could not start the program: " + exec_error.decode(errors="replace")
    if killed_for == THRASHING:
        return "MLE", killed_for
    if killed_for:
        return "TLE", killed_for
    if output_over or sig == signal.SIGXFSZ:
        return "OLE", "output limit"
    if oom:
        return "MLE", "cgroup oom kill"
    failed = sig is not None or exit_code != 0
    if failed and (b"MemoryError" in stderr[-2048:] or b"std::bad_alloc" in stderr[-2048:]):
        return "MLE", "allocation failed"
    if failed and b"[Errno 27] File too large" in stderr[-2048:]:
        return "OLE", "file size limit"
    if sig == signal.SIGXCPU or cpu > time_s:
        return "TLE", "cpu time limit"
    if sig is not None:
        return "RE", f"killed by signal {sig}"
    if exit_code != 0:
        return "RE", f"exit code {exit_code}"
    return "OK", ""


#: What the supervisor ignores, back to the default in every program it starts.
_RESET_SIGNALS = (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGXCPU, signal.SIGINT, signal.SIGTERM, signal.SIGHUP,
                  signal.SIGUSR1, signal.SIGUSR2)


def scratch_state() -> dict[str, tuple[int, int, int, int]]:
    """Mode, owner and group of each scratch dir as set up (each wipe gives them back), and
    its size when empty if it is the root of a tmpfs mount (-1 otherwise): there a
    directory's size grows with every entry, so a wipe finds an untouched dir by its size."""
    fstype = {}
    with open("/proc/self/mountinfo", "rb") as f:
        for line in f:
            fields, _, rest = line.partition(b" - ")
            parts = fields.split()
            if len(parts) > 4 and rest:
                fstype[os.fsdecode(parts[4])] = rest.split()[0]  # the last mount of a point is on top
    state = {}
    for path in SCRATCH:
        st = os.lstat(path)
        empty = fstype.get(path) == b"tmpfs" and st.st_nlink == 2 and not os.listdir(path)
        state[path] = (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid, st.st_size if empty else -1)
    return state


def _empty_dir(path: str) -> None:
    """Remove everything in the directory ``path``, never following a link, however deep
    the program nested its directories: no recursion and two descriptors at most. A
    directory that is not empty is emptied of its files and its subdirectories are moved
    up into ``path``, to be handled in turn; then it is removed."""
    top = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    serial = 0
    try:
        while True:
            names = os.listdir(top)
            if not names:
                return
            for name in names:
                if not _remove_entry(top, name):
                    continue
                sub = _open_subdir(top, name)
                try:
                    for child in os.listdir(sub):
                        if not _remove_entry(sub, child):
                            continue
                        while True:  # a name of ours that nothing in ``path`` has yet
                            serial += 1
                            try:
                                os.rename(child, f".wipe-{serial}", src_dir_fd=sub, dst_dir_fd=top)
                                break
                            except OSError as exc:
                                if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR):
                                    raise
                finally:
                    os.close(sub)
                os.rmdir(name, dir_fd=top)
    finally:
        os.close(top)


def _remove_entry(dir_fd: int, name: str) -> bool:
    """Remove ``name`` of the directory ``dir_fd`` if it is not a directory or an empty
    one; True when it is a directory left to empty."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if not stat.S_ISDIR(st.st_mode):
            os.unlink(name, dir_fd=dir_fd)
            return False
        os.rmdir(name, dir_fd=dir_fd)
        return False
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
            return True
        raise


def _open_subdir(dir_fd: int, name: str) -> int:
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except PermissionError:  # a directory the program made unreadable (no DAC_OVERRIDE here)
        os.chmod(name, 0o700, dir_fd=dir_fd)
        return os.open(name, flags, dir_fd=dir_fd)


#: The supervisor's nice value, where it may set it (see ``become_supervisor``).
SUPERVISOR_NICE = -5


def _default_priority(pid: int) -> None:
    """Give a process the supervisor started the default CPU priority (nice 0)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 0)
    except OSError:
        pass


def _prlimit(pid: int, res: int, value: tuple[int, int]) -> None:
    try:
        resource.prlimit(pid, res, value)
    except ProcessLookupError:  # already gone
        pass
    except ValueError:  # the child already lowered its own hard limit below ours: stricter, keep it
        pass


def _round_up_mb(n: int) -> int:
    return (n + (1 << 20) - 1) >> 20 << 20


def _which(name: str, path: str) -> str:
    for d in path.split(":"):
        candidate = os.path.join(d, name)
        if os.access(candidate, os.X_OK):
            return candidate
    raise OSError(errno.ENOENT, f"{name}: not found on PATH")


def _take_file(dfd: int, entry: str, name: str, names: list[str], datas: list[bytes], max_bytes: int) -> None:
    """Append ``entry`` of directory ``dfd`` as ``name`` to what is collected, when it is a
    regular file (not followed through a link) of at most ``max_bytes`` not collected yet."""
    try:
        fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dfd)
    except OSError:
        return
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode) and st.st_size <= max_bytes and name not in names:
            names.append(name)
            datas.append(_read_all(fd))
    finally:
        os.close(fd)


def _open_dir_nofollow(base: str, rel: str) -> int:
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    for part in [p for p in rel.split("/") if p]:
        if part in (".", ".."):
            os.close(fd)
            raise OSError(errno.EINVAL, "bad path")
        try:
            nfd = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
        finally:
            os.close(fd)
        fd = nfd
    return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


#: A program's OOM score adjustment: the highest, so that an OOM kill in the box's cgroup (its
#: memory limit) or on the machine takes a program before the supervisor, a zygote or the box's
#: outer process.
PROGRAM_OOM_SCORE_ADJ = "1000"


def protect_from_oom() -> None:
    """Make the calling process the OOM killer's last choice: -1000 where it may (that needs
    CAP_SYS_RESOURCE), else the lowest score it may set without it (0, unless a privileged
    process raised its floor). A process may inherit a high score: a Ray worker runs at 1000,
    and a box started there would otherwise be the first thing an OOM kill in its cgroup takes."""
    for value in ("-1000", "0"):
        try:
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write(value)
            return
        except OSError:
            continue


def become_supervisor(cfg: dict, cgroup: Cgroup) -> None:
    """Give pid 1 the identity its children inherit.

    It joins the run cgroup, drops supplementary groups, sets no_new_privs and makes the
    box's uid its real and saved uid while keeping effective uid 0 (so it keeps its
    capabilities to clean up and kill; it mounts only during set-up, before it loads the
    syscall filter). A child spawned with RESETIDS then runs with all
    its ids set to the box uid and no capabilities. (A saved uid of 0 would let a child
    be seen, between its exec and the change of its ids, with that saved uid: ``prlimit``
    on it would fail.) The supervisor is the OOM killer's last choice where it may be
    (:func:`protect_from_oom`) and every program its first (``PROGRAM_OOM_SCORE_ADJ``), and it
    ignores every signal a
    program could send it; as pid 1 of the namespace it cannot be killed from inside.
    Its memory is locked (each page as it is first touched): a program thrashing at its
    memory limit in the same cgroup cannot get the supervisor's code evicted, so the
    supervisor keeps watching the clock and the cgroup and ends it in time. It runs at a
    higher CPU priority than its programs (a container grants it CAP_SYS_NICE for that; nice
    ``SUPERVISOR_NICE``; every program and zygote is set back to the default): it notices
    a program's end at once even on a loaded machine, which is what orders the two ends of
    an interactive run.
    """
    cgroup.join()
    if _libc.mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mlockall: {os.strerror(err)}")
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # never a core dump, in the box or its children
    protect_from_oom()
    for signum in (signal.SIGINT, signal.SIGPIPE, signal.SIGXCPU, signal.SIGXFSZ, signal.SIGHUP,
                   signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    os.setgroups([])
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    try:  # wake before its programs and the host's other work: timing, limits, interactive order
        os.setpriority(os.PRIO_PROCESS, 0, SUPERVISOR_NICE)
    except OSError:  # no CAP_SYS_NICE (a container started without it): it stays at the default
        pass
    os.setresgid(cfg["gid"], 0, cfg["gid"])
    os.setresuid(cfg["uid"], 0, cfg["uid"])
    os.chdir(WORK)


# --------------------------------------------------------------------------- syscall filter
#
# A seccomp-bpf filter, built with libseccomp (through ctypes: this file is standard
# library only) and loaded by the supervisor onto itself at the end of its set-up, right
# before it serves requests. Every process of the box descends from it (cold spawns,
# zygotes, their children) and inherits the filter, which no process can remove. Every
# other system call is allowed; the refused ones fail with EPERM (clone3 with ENOSYS, so
# that glibc falls back to clone, whose flags the filter can see), as does every call
# through another ABI than the native one (``int 0x80`` on x86-64). The supervisor itself
# can then no longer mount: scratch dirs are emptied entry by entry (``Box._wipe``).

SCMP_ACT_ALLOW = 0x7FFF0000
SCMP_FLTATR_ACT_BADARCH = 2
SCMP_FLTATR_CTL_TSYNC = 4
SCMP_FLTATR_CTL_OPTIMIZE = 8
SCMP_CMP_GT = 6
SCMP_CMP_MASKED_EQ = 7


def scmp_act_errno(err: int) -> int:
    return 0x00050000 | (err & 0xFFFF)


#: Refused outright: new namespaces, mounts, tracing other processes, kernel interfaces
#: that are a common first step of an exploit (bpf, perf, keyrings, userfaultfd, io_uring),
#: and what only an administrator does (modules, kexec, reboot, swap, accounting, port I/O).
REFUSED_SYSCALLS = (
    "unshare", "setns",
    "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsmount", "fsconfig", "fspick",
    "mount_setattr",
    "ptrace", "process_vm_readv", "process_vm_writev",
    "bpf", "perf_event_open", "keyctl", "add_key", "request_key", "userfaultfd",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "acct", "iopl", "ioperm",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
)
#: clone flags that create a namespace (CLONE_NEWTIME, 0x80, is left out: in clone's
#: first argument those bits are the exit signal; only unshare and clone3 take it).
CLONE_NEW_FLAGS = (CLONE_NEWNS, 0x02000000, CLONE_NEWUTS, CLONE_NEWIPC, 0x10000000, CLONE_NEWPID, CLONE_NEWNET)
#: personality values allowed (as Docker's profile): the default Linux persona, with
#: UNAME26 and/or FDPIC_FUNCPTRS, and the query 0xffffffff. Any other is refused.
PERSONALITY_ALLOWED = (0x0, 0x8, 0x20000, 0x20008, 0xFFFFFFFF)


def personality_refusals() -> list[tuple[int, int, int]]:
    """Comparisons on personality's argument (op, datum_a, datum_b), one per rule, that
    together match exactly the values outside ``PERSONALITY_ALLOWED``. libseccomp takes a
    single comparison per argument and rule, and no rule can allow what another refuses,
    so the complement is spelled out: above 32 bits; bit 0 clear and a bit other than the
    allowed ones (3, 17) set; bit 0 set and some other bit clear (only 0xffffffff has all
    32 set)."""
    allowed_bits = 0x20008
    cmps = [(SCMP_CMP_GT, 0xFFFFFFFF, 0)]
    cmps += [(SCMP_CMP_MASKED_EQ, (1 << b) | 1, 1 << b) for b in range(1, 32) if not allowed_bits & (1 << b)]
    cmps += [(SCMP_CMP_MASKED_EQ, (1 << b) | 1, 1) for b in range(1, 32)]
    return cmps


class _ScmpArgCmp(ctypes.Structure):
    """``struct scmp_arg_cmp`` of seccomp.h."""
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int), ("datum_a", ctypes.c_uint64),
                ("datum_b", ctypes.c_uint64)]


def filter_rules() -> list[tuple[str, int, list[tuple[int, int, int]]]]:
    """Every rule as (system call, action, comparisons on its first argument)."""
    eperm, enosys = scmp_act_errno(errno.EPERM), scmp_act_errno(errno.ENOSYS)
    rules: list[tuple[str, int, list[tuple[int, int, int]]]] = [(name, eperm, []) for name in REFUSED_SYSCALLS]
    rules += [("clone", eperm, [(SCMP_CMP_MASKED_EQ, flag, flag)]) for flag in CLONE_NEW_FLAGS]
    rules += [("personality", eperm, [cmp]) for cmp in personality_refusals()]
    rules.append(("clone3", enosys, []))
    return rules


def load_syscall_filter() -> str:
    """Load the filter onto this process (and so onto everything it starts from now on).

    Returns ``active: N rules ...``, or ``absent: why`` when libseccomp or the kernel's
    seccomp is missing (the box works without it). A system call this libseccomp does not
    know is skipped and named. Once loaded, the filter cannot be removed."""
    try:
        lib = ctypes.CDLL("libseccomp.so.2")
    except OSError as exc:
        return f"absent: libseccomp.so.2 cannot be loaded ({exc})"
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_attr_set.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_rule_add_array.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint,
                                           ctypes.POINTER(_ScmpArgCmp)]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.restype = None
    ctx = lib.seccomp_init(SCMP_ACT_ALLOW)
    if not ctx:
        return "absent: seccomp_init failed"
    try:
        ret = lib.seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, scmp_act_errno(errno.EPERM))
        if ret < 0:
            return f"absent: cannot refuse other ABIs ({os.strerror(-ret)})"
        lib.seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)  # a binary tree: faster; optional
        lib.seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1)  # every thread (there is one); optional
        added, unknown = 0, []
        calls = set()
        for name, action, cmps in filter_rules():
            number = lib.seccomp_syscall_resolve_name(name.encode())
            if number < 0:
                if name not in unknown:
                    unknown.append(name)
                continue
            array = (_ScmpArgCmp * max(len(cmps), 1))(*[_ScmpArgCmp(0, op, a, b) for op, a, b in cmps])
            ret = lib.seccomp_rule_add_array(ctx, action, number, len(cmps), array)
            if ret < 0:
                return f"absent: rule for {name} refused by libseccomp ({os.strerror(-ret)})"
            added += 1
            calls.add(name)
        ret = lib.seccomp_load(ctx)
        if ret < 0:
            return f"absent: seccomp_load failed ({os.strerror(-ret)})"
    finally:
        lib.seccomp_release(ctx)
    status = f"active: {added} rules on {len(calls)} system calls, other ABIs refused"
    return status + (f" (unknown to this libseccomp: {', '.join(unknown)})" if unknown else "")


# --------------------------------------------------------------------------- entry

def load_zygote(cfg: dict) -> None:
    """Read the warm interpreter's source and the fork server library while the host's files
    are still in view."""
    path = cfg.get("zygote")
    if path:
        try:
            with open(path) as f:
                cfg["zygote_source"] = f.read()
        except OSError:
            pass
    library = cfg.get("forkserver")
    if library:
        try:
            with open(library, "rb") as f:
                cfg["forkserver_bytes"] = f.read()
        except OSError:
            pass


def container_main(cfg: dict) -> None:
    """Docker backend: the container already is the isolation (its own pid, mount, net, ipc and
    uts namespaces, a read-only root, tmpfs scratch dirs) and this process is its pid 1. It
    connects to the host over the UNIX socket in a root-only directory mounted into the
    container and receives open handles on the container's cgroup files, so limits, peak
    memory and CPU are measured exactly as in the local backend."""
    load_zygote(cfg)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(cfg["socket"])
    try:
        raw, fds, _, _ = socket.recv_fds(sock, 65536, 32)
        for fd in fds:  # never inherited by a program: they could change the container's limits
            os.set_inheritable(fd, False)
        handed = json.loads(raw.decode())
        box_cgroup = Cgroup({"version": handed["version"]}, dict(zip(handed["keys"], fds)))
        become_supervisor(cfg, box_cgroup)
    except Exception as exc:  # noqa: BLE001 - any failure to start is reported to the host, then the box exits
        send_msg(sock, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        os._exit(1)
    cfg["scratch_state"] = scratch_state()  # what each wipe restores
    cfg["seccomp"] = load_syscall_filter()  # the end of the set-up: from here on, no mount
    box = Box(cfg, sock, box_cgroup)
    box.serve()
    os._exit(0)


def main() -> None:
    cfg = json.loads(sys.argv[1])
    if cfg.get("container"):
        container_main(cfg)
    load_zygote(cfg)
    sock = socket.socket(fileno=cfg["sock_fd"])
    admitted: list[bool] = []
    if cfg.get("admission"):  # the host moves this process into the run cgroup as it starts
        msg = Reader(sock).recv_msg()
        admitted = [bool(x) for x in (msg[0].get("admitted", []) if msg else [])]
        if any(admitted):  # a member of the run cgroup: not the OOM killer's pick there
            protect_from_oom()
    unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)
    pid = os.fork()
    if pid:
        # The outer process: wait for the box's init and mirror its exit.
        sock.close()
        signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGKILL))
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    # pid 1 of the new pid namespace.
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        box_cgroup = Cgroup(cfg.get("cgroup"), admitted=admitted)
        build_root(cfg)
        _libc.sethostname(b"sandbox", ctypes.c_size_t(7))
    except Exception as exc:  # noqa: BLE001 - any failure to start is reported to the host, then the box exits
        send_msg(sock, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        os._exit(1)
    try:
        become_supervisor(cfg, box_cgroup)
    except Exception as exc:  # noqa: BLE001 - any failure to start is reported to the host, then the box exits
        send_msg(sock, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        os._exit(1)
    os.set_inheritable(sock.fileno(), False)
    cfg["scratch_state"] = scratch_state()  # what each wipe restores
    cfg["seccomp"] = load_syscall_filter()  # the end of the set-up: from here on, no mount
    box = Box(cfg, sock, box_cgroup)
    box.serve()
    os._exit(0)


if __name__ == "__main__":
    main()
