"""The Docker backend's image, built with no registry at all.

``build_image()`` bootstraps a minimal Debian root with ``debootstrap`` (python3, g++ and
libseccomp, for the boxes' syscall filter, from
Debian's package archive), keeps only what a run needs — ``/usr`` with the top-level
symlinks of a merged-/usr system and the loader's files of ``/etc`` — the same view the
local backend builds from the host, and imports it with ``docker import``. Users with a
registry can build the equivalent image from ``sandbox/Dockerfile`` instead.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import tarfile
import tempfile
from typing import Any

from .errors import SandboxError

log = logging.getLogger(__name__)

IMAGE = "codesolve-sandbox:1"
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
#: What the image keeps of the bootstrapped root (besides /usr).
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives")
_TOP_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
#: Empty directories the container mounts over.
_MOUNT_POINTS = ("dev", "proc", "sys", "sandbox", "tmp", "box", "box/exe", "opt", "opt/codesolve", "run",
                 "run/codesolve", "etc")


def bootstrap(root: str, suite: str = SUITE, mirror: str = MIRROR) -> None:
    if shutil.which("debootstrap") is None:
        raise SandboxError("debootstrap is not installed (apt-get install debootstrap)")
    cmd = ["debootstrap", "--variant=minbase", "--include=python3,g++,libseccomp2", suite, root, mirror]
    log.info("running %s", " ".join(cmd))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SandboxError(f"debootstrap failed ({proc.returncode}): {proc.stderr[-2000:] or proc.stdout[-2000:]}")


def root_tar(root: str) -> bytes:
    """The image's file system as an uncompressed tar: /usr, the top-level links, the
    loader's /etc files, a passwd/group with root only, and empty mount points."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        def add_dir(name: str, mode: int = 0o755) -> None:
            info = tarfile.TarInfo(name)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)

        def add_file(name: str, data: bytes, mode: int = 0o644) -> None:
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))

        for name in _MOUNT_POINTS:
            add_dir(name, 0o711 if name == "box/exe" else 0o755)
        tar.add(os.path.join(root, "usr"), "usr")
        for name in _TOP_LINKS:
            path = os.path.join(root, name)
            if os.path.islink(path):
                info = tarfile.TarInfo(name)
                info.type, info.linkname = tarfile.SYMTYPE, os.readlink(path)
                tar.addfile(info)
        for name in _ETC:
            path = os.path.join(root, "etc", name)
            if os.path.exists(path):
                tar.add(path, f"etc/{name}")
        add_file("etc/passwd", b"root:x:0:0:root:/sandbox:/bin/sh\n")
        add_file("etc/group", b"root:x:0:\n")
    return buf.getvalue()


def build_image(client: Any = None, tag: str = IMAGE, suite: str = SUITE, mirror: str = MIRROR,
                workdir: str | None = None) -> str:
    """Bootstrap, trim and import the image; returns its id."""
    if client is None:
        import docker

        client = docker.from_env()
    tmp = tempfile.mkdtemp(prefix="codesolve-rootfs-", dir=workdir or "/var/tmp")
    try:
        root = os.path.join(tmp, "root")
        bootstrap(root, suite, mirror)
        data = root_tar(root)
        repository, _, version = tag.partition(":")
        client.api.import_image_from_data(data, repository=repository, tag=version or "latest",
                                          changes=['LABEL org.codesolve.sandbox="1"', "WORKDIR /sandbox"])
        return client.images.get(tag).id
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


__all__ = ["IMAGE", "bootstrap", "build_image", "root_tar"]
