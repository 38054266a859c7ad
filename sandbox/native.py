"""Warm compiled programs: the fork server library, and which executables may use it.

A compiled program (C++) run on many inputs can start as a fork of one loaded copy of
itself instead of an exec per input (no exec, no dynamic linking per run): the box starts it
once with the fork server (``_forkserver.c``) preloaded, whose constructor runs before any
other initialiser and serves fork requests; each child returns into the program's own
initialisers and ``main``. See ``_forkserver.c`` for the protocol and the child's set-up.

Nothing of the program may run in the server before the constructor takes its
unprivileged identity: :func:`warm_native_ok` admits only a dynamically linked x86-64
executable with no IFUNC resolver (``R_X86_64_IRELATIVE`` relocations, ``STT_GNU_IFUNC``
symbols) and no preinit array, the only code of its own that could run during loading. Any
other executable starts cold, as does everything when no C compiler is found to build the
library (it is built once per machine into the user's cache directory).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import struct

log = logging.getLogger(__name__)

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_forkserver.c")
#: How the library is built: no C library (raw system calls only), nothing the program could
#: interpose (no undefined symbol), its constructor first of all (``-z initfirst``).
CFLAGS = ("-O2", "-shared", "-fPIC", "-nostdlib", "-ffreestanding", "-fno-builtin", "-fno-stack-protector",
          "-fno-tree-loop-distribute-patterns", "-fvisibility=hidden", "-Wl,-z,initfirst", "-Wl,-z,now")


def cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "codesolve")


@functools.lru_cache(maxsize=1)
def forkserver_library() -> str | None:
    """The fork server library's path, built on first use (``cc`` or ``gcc``) and kept in the
    cache directory under a name that changes with its source and flags; None when it
    cannot be built here (warm compiled programs are then off)."""
    import shutil  # (here: a command that runs one program never needs them)
    import subprocess
    import tempfile

    try:
        with open(SOURCE, "rb") as f:
            source = f.read()
    except OSError:
        return None
    key = hashlib.sha256(source + "\0".join(CFLAGS).encode()).hexdigest()[:16]
    path = os.path.join(cache_dir(), f"forkserver-{key}.so")
    if os.path.exists(path):
        return path
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        log.debug("no C compiler: compiled programs start cold")
        return None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".forkserver-", suffix=".so", dir=os.path.dirname(path))
        os.close(fd)
        proc = subprocess.run([compiler, *CFLAGS, "-o", tmp, SOURCE], capture_output=True, timeout=60)
        if proc.returncode != 0:
            os.unlink(tmp)
            log.debug("the fork server did not build: %s", proc.stderr.decode(errors="replace")[:500])
            return None
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("the fork server did not build: %s", exc)
        return None
    return path


# ELF constants (see elf(5)).
_PT_INTERP, _PT_DYNAMIC = 3, 2
_SHT_RELA, _SHT_SYMTAB, _SHT_DYNSYM = 4, 2, 11
_DT_PREINIT_ARRAY, _DT_PREINIT_ARRAYSZ = 32, 33
_R_X86_64_IRELATIVE = 37
_STT_GNU_IFUNC = 10
_EM_X86_64 = 62


def warm_native_ok(data: bytes) -> bool:
    """Whether an executable may start as forks of a fork server (see the module): a
    dynamically linked x86-64 ELF file with no IFUNC resolver and no preinit array."""
    try:
        return _checked(data)
    except (struct.error, IndexError, ValueError):
        return False


def _checked(data: bytes) -> bool:
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # 64-bit, little-endian
        return False
    (e_type, e_machine, _, _, e_phoff, e_shoff, _, _, e_phentsize, e_phnum, e_shentsize,
     e_shnum, _) = struct.unpack_from("<HHIQQQIHHHHHH", data, 16)
    if e_machine != _EM_X86_64 or e_type not in (2, 3) or not e_shnum:
        return False
    interp = False
    for i in range(e_phnum):
        p_type, _, p_offset, _, _, p_filesz = struct.unpack_from("<IIQQQQ", data, e_phoff + i * e_phentsize)
        if p_type == _PT_INTERP:
            interp = True
        elif p_type == _PT_DYNAMIC:
            for j in range(0, p_filesz - 15, 16):
                tag, _ = struct.unpack_from("<qQ", data, p_offset + j)
                if tag in (_DT_PREINIT_ARRAY, _DT_PREINIT_ARRAYSZ):
                    return False
                if tag == 0:
                    break
    if not interp:  # statically linked: the preloaded library would never load
        return False
    for i in range(e_shnum):
        (_, sh_type, _, _, sh_offset, sh_size, _, _, _, sh_entsize) = struct.unpack_from(
            "<IIQQQQIIQQ", data, e_shoff + i * e_shentsize)
        if sh_type == _SHT_RELA and sh_entsize:
            for j in range(sh_offset, sh_offset + sh_size - sh_entsize + 1, sh_entsize):
                _, info, _ = struct.unpack_from("<QQq", data, j)
                if info & 0xFFFFFFFF == _R_X86_64_IRELATIVE:
                    return False
        elif sh_type in (_SHT_SYMTAB, _SHT_DYNSYM) and sh_entsize:
            for j in range(sh_offset, sh_offset + sh_size - sh_entsize + 1, sh_entsize):
                if data[j + 4] & 0xF == _STT_GNU_IFUNC:
                    return False
    return True


__all__ = ["CFLAGS", "SOURCE", "cache_dir", "forkserver_library", "warm_native_ok"]
