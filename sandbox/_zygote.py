"""The warm Python interpreter of a box: a fork of it per run instead of an interpreter start.

The box supervisor (``_box.py``) starts this file's source as
``python3 -B -c SOURCE BOX_UID ZYGOTE_UID WORK_DIR`` with fd 3 a SOCK_SEQPACKET socket to
the supervisor, and sends what to load over it (so that no program can read it from the
zygote's command line). It uses the standard library only and keeps everything in the
function below, so that the ``__main__`` namespace a child hands to the program holds
nothing of it.

Two kinds, the same code:

* a zygote *of an executable* (one executable run on many inputs): it compiles the
  candidate's script once and imports the standard modules the candidate imports; each
  child runs that compiled code.
* the *generic* zygote (any program run once): it loads no program, only the interpreter
  and the standard modules most programs and codesolve's harnesses import
  (``GENERIC_PRELOAD``); each child reads and compiles its own program's script, as the box
  uid, exactly as ``python3 -B SCRIPT ARGS`` would, and runs it. The zygote never opens a
  program's files and keeps no path of one: a request is received into one buffer that the
  zygote zeroes once it has forked, so no later child finds an earlier program's path in
  the memory it inherits.

The zygote starts as root (so that glibc's secure mode does not strip the environment),
then takes real and saved uid 0 with an unprivileged effective uid of its own
(``ZYGOTE_UID``, not the box uid): it has no effective capability while it reads and
compiles the candidate and imports standard modules, and the box's programs (box uid)
cannot signal, trace, renice or re-limit it. It is not dumpable.

Protocol, one datagram each: the supervisor sends ``L`` + the script's path (empty for the
generic zygote) and the module names, NUL-separated; the zygote sends ``R`` when ready
(``E message`` when the candidate cannot be loaded). The supervisor sends ``F`` +
NUL-separated fields (the rlimits as ``resource:soft:hard`` separated by spaces, -1 for
unlimited, the script's path, then the program's extra arguments) with three file
descriptors (stdin, stdout, stderr). The zygote forks, answers ``P pid``, reaps the child
and answers ``S wait-status`` + the child's 16 rusage fields.

The child: its own session, the three descriptors on 0/1/2 and no other, its own limits,
the box uid with no capabilities (regained for an instant as effective root, then all
ids set to the box uid), dumpable again, the work dir as cwd, ``sys.argv`` /
``sys.path[0]`` / ``__main__`` as ``python3 -B SCRIPT ARGS`` would have them. Then the
program runs, and the child does the interpreter's shutdown steps itself
(threads joined, atexit handlers, streams flushed, the program's namespace finalised,
streams flushed again) and ``_exit``s: a full finalisation would write to every page
shared with the zygote. Everything it changes dies with it; the next run starts again
from the zygote's state. When a warm child cannot behave as a cold start would (its script
does not read or compile: the interpreter's own message is wanted; its directory holds a
file named like a module the zygote imported, which a cold start would import instead),
it becomes the cold start: it ``exec``s ``python3 -B SCRIPT ARGS`` in place, with the
identity, descriptors, limits and work dir already set.
"""

#: What the generic zygote imports: the standard modules most programs import, and those
#: of codesolve's harnesses (``problems/judging/harness.py``). Nothing whose import does
#: something visible or starts a process; ``random`` reseeds itself in every child. Not
#: ``threading`` (nor ``queue``): once imported, its after-fork hook runs in every child and
#: touches about 130 pages shared with the zygote (about 0.3 ms a fork).
GENERIC_PRELOAD = (
    "typing", "json", "importlib.util", "traceback", "signal", "re", "math", "cmath", "collections",
    "collections.abc", "itertools", "functools", "heapq", "bisect", "string", "random", "time", "copy",
    "operator", "fractions", "decimal", "datetime", "hashlib", "array", "dataclasses", "enum", "ast", "io",
    "struct", "statistics", "textwrap", "numbers", "unicodedata", "contextlib", "abc",
)


def zygote() -> None:
    import os
    import sys

    # Helpers are local: the child empties the module namespace this function lives in.
    def exit_status(code: object) -> int:
        """The exit status ``raise SystemExit(code)`` gives at the top of a program."""
        if code is None:
            return 0
        if isinstance(code, int):
            return code if -(1 << 31) <= code < (1 << 31) else 255
        try:
            sys.stderr.write(str(code) + "\n")
        except BaseException:  # noqa: BLE001 - the program's stderr may be closed or replaced; the exit code stands
            pass
        return 1

    def flush_std() -> bool:
        ok = True
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except BaseException:  # noqa: BLE001 - a program's broken stream must not hide its exit status
                ok = ok and stream is sys.stderr
        return ok

    _, uid_s, zuid_s, work = sys.argv
    uid, zuid = int(uid_s), int(zuid_s)
    del sys.path[0]  # -c put the work dir first: nothing is imported from there, least of all as root
    startup = set(sys.modules)
    import _socket
    import gc
    import resource
    try:  # only for prctl(PR_SET_DUMPABLE): without it children stay non-dumpable
        import ctypes
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except Exception:  # noqa: BLE001 - no libc handle: children just stay non-dumpable
        prctl = None
    for name in set(sys.modules) - startup:  # the zygote's own tools are not the program's modules
        del sys.modules[name]
    main_module = sys.modules["__main__"]
    builtins_module = sys.modules["builtins"]
    loader_class = sys.modules["_frozen_importlib_external"].SourceFileLoader
    python = sys.orig_argv[0]
    depth = 2  # frames of ours under the candidate's module frame: <module> of -c, zygote()

    os.chdir("/")
    os.setresgid(0, zuid, 0)
    os.setresuid(0, zuid, 0)
    sock = _socket.socket(fileno=3)
    script, *preload = os.fsdecode(sock.recv(1 << 16)[1:]).split("\0")
    code = None
    if script:  # the zygote of one executable
        sys.path.insert(0, os.path.dirname(script))  # where a script run has its own directory
        try:
            with open(script, "rb") as f:
                code = compile(f.read(), script, "exec", dont_inherit=True)
        except BaseException as exc:  # noqa: BLE001 - any failure: the supervisor runs it cold
            sock.send(b"E " + f"{type(exc).__name__}: {exc}".encode(errors="replace")[:2000])
            os._exit(1)
    else:  # the generic zygote
        preload = [*GENERIC_PRELOAD, *preload]
    for name in preload:
        if not name:
            continue
        try:
            __import__(name)
        except BaseException:  # noqa: BLE001 - the program meets the same failure itself
            pass
    # Top-level names of what a cold start would import from the program's directory if a
    # file there had that name, but which this zygote has imported already.
    imported = frozenset(name.partition(".")[0] for name in set(sys.modules) - startup)
    gc.collect()
    gc.freeze()  # fewer copy-on-write pages in every child
    sock.send(b"R")

    fd_bytes = _socket.CMSG_SPACE(3 * 4)
    request = bytearray(1 << 16)  # every request is received here, and zeroed after the fork
    while True:
        try:
            size, ancillary, _, _ = sock.recvmsg_into([request], fd_bytes)
        except OSError:
            os._exit(0)
        if not size:
            os._exit(0)
        fds = [int.from_bytes(data[i:i + 4], sys.byteorder)
               for level, kind, data in ancillary
               if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS
               for i in range(0, len(data) - len(data) % 4, 4)]
        pid = os.fork()
        if pid == 0:
            break
        request[:size] = bytes(size)  # no later child inherits this program's path or arguments
        for fd in fds:
            os.close(fd)
        sock.send(b"P %d" % pid)
        _, status, ru = os.wait4(pid, 0)
        sock.send(b"S %d " % status + " ".join(repr(v) for v in ru).encode())

    # ---- the child: become the program
    try:
        os.seteuid(0)
        os.setsid()
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        try:  # a program is the OOM killer's first choice (as a cold one: _box.PROGRAM_OOM_SCORE_ADJ)
            with open("/proc/self/oom_score_adj", "w") as adj:
                adj.write("1000")
        except OSError:
            pass
        fields = bytes(request[1:size]).split(b"\0")
        limits = [tuple(int(v) for v in item.split(b":")) for item in fields[0].split()]
        unlimited = resource.RLIM_INFINITY
        for res, soft, hard in limits:
            ceiling = resource.getrlimit(res)[1]  # a hard limit is never raised (as with a cold start)
            if hard == unlimited:  # keep the current one
                hard = ceiling
            if ceiling != unlimited:
                soft, hard = min(soft, ceiling), min(hard, ceiling)
            resource.setrlimit(res, (soft, hard))
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # every id the box uid: no capability is left
        if prctl is not None:
            prctl(4, 1, 0, 0, 0)  # PR_SET_DUMPABLE: as after an exec
        os.chdir(work)
        if code is None:
            script = os.fsdecode(fields[1])
        args = [os.fsdecode(a) for a in fields[2:]]
    except BaseException as exc:  # noqa: BLE001 - the supervisor reports it as a sandbox failure
        try:
            sock.send(b"X " + f"{type(exc).__name__}: {exc}".encode(errors="replace")[:2000])
        finally:
            os._exit(127)
    del request
    # Load the program as the box uid, as a cold start would; where this child could not
    # behave as one, it becomes one.
    cold = False
    try:
        directory = os.path.dirname(script)
        cold = any(entry.partition(".")[0] in imported for entry in os.listdir(directory or "."))
        if not cold and code is None:
            with open(script, "rb") as f:
                code = compile(f.read(), script, "exec", dont_inherit=True)
            sys.path.insert(0, directory)
    except BaseException:  # noqa: BLE001 - unreadable, invalid: the interpreter says so itself
        cold = True
    if cold or code is None:
        try:
            import signal  # what a cold start gets: the signals Python ignores back to the default
            for signum in (signal.SIGPIPE, signal.SIGXFSZ):
                signal.signal(signum, signal.SIG_DFL)
            os.closerange(4, 1 << 16)  # the supervisor's socket (3) closes at the exec
            os.set_inheritable(3, False)
            os.execv(python, [python, "-B", script, *args])
        except BaseException as exc:  # noqa: BLE001 - reported as a sandbox failure
            try:
                sock.send(b"X " + f"exec: {type(exc).__name__}: {exc}".encode(errors="replace")[:2000])
            finally:
                os._exit(127)
    sock.close()
    os.closerange(3, 1 << 16)
    sys.argv = [script, *args]
    sys.orig_argv = [python, "-B", script, *args]
    sys.setrecursionlimit(sys.getrecursionlimit() + depth)
    namespace = main_module.__dict__
    namespace.clear()
    namespace.update(__name__="__main__", __doc__=None, __package__=None, __spec__=None,
                     __loader__=loader_class("__main__", script), __builtins__=builtins_module,
                     __file__=script, __cached__=None)
    del fds, fields, limits, sock, ancillary, directory
    status, interrupted = 0, False
    try:
        exec(code, namespace)
    except SystemExit as exc:  # what the interpreter does with SystemExit
        status = exit_status(exc.code)
    except BaseException as exc:  # noqa: BLE001 - what the interpreter does with an uncaught exception
        tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
        exc.__traceback__ = tb  # the traceback starts at the candidate's module, as in a cold run
        sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, tb
        try:
            sys.excepthook(type(exc), exc, tb)
        except BaseException:  # noqa: BLE001 - the program's own excepthook may raise; the run still ends
            pass
        status, interrupted = 1, isinstance(exc, KeyboardInterrupt)
        del exc, tb
    # The interpreter's shutdown, without tearing down what the zygote loaded (that would
    # write to every page shared with it: several milliseconds a run): threads joined,
    # atexit handlers, standard streams flushed, the program's objects finalised (a file
    # or stream it left open flushes itself), streams flushed again, exit.
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
    except BaseException:  # noqa: BLE001 - a program's threads may break shutdown; the run still ends
        pass
    atexit = sys.modules.get("atexit")  # nothing registered a handler if it was never imported
    if atexit is not None:
        atexit._run_exitfuncs()
    if not flush_std():
        status = status or 120
    namespace.clear()
    gc.collect()
    if not flush_std():
        status = status or 120
    if interrupted:
        import signal
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(status & 0xFF if isinstance(status, int) else 1)


if __name__ == "__main__":
    zygote()
