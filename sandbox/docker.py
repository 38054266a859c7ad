"""The ``docker`` backend: the same boxes as ``local``, each one a long-lived container.

Each box is a container of the sandbox image (see :mod:`sandbox.image`) started once and
reused for every run: network ``none``, a read-only root, tmpfs work dir, ``/tmp``,
``/dev/shm`` and executable store, memory and pids limits, no privilege escalation, every
capability dropped but the few its supervisor needs to hand each run to an unprivileged
uid and clean up after it. Its pid 1 is the supervisor of the local backend
(``_box.py``, mounted read-only from this package) in container mode: it connects back
over a UNIX socket in a root-only directory mounted into the container and receives open
handles on the container's own cgroup files, so each run gets its own memory, process
and CPU limits and is measured exactly as in the local backend (same statuses, same
verdicts, same bytes). Runs are posix_spawns inside the container; the program has the
box's uid and no capabilities.

Containers are labelled with the owning process; they remove themselves when their
supervisor exits (``auto_remove``), which it does when the owner closes the sandbox or
dies, and a new sandbox removes what a dead owner left behind.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import tempfile
import threading
from dataclasses import dataclass
from typing import Any

from . import _box
from .cgroups import CGROUP_ROOT, V1_FILES, V2_FILES, _alive
from .errors import IsolationUnavailable
from .image import IMAGE
from .native import forkserver_library
from .pool import BOX_SCRIPT, ZYGOTE_SCRIPT, Box, BoxSandbox

log = logging.getLogger(__name__)

LABEL = "org.codesolve.owner"
#: A box's socket folder in the temp folder is named ``codesolve-docker-PID-...`` (its owner's PID).
SOCK_DIR_PREFIX = "codesolve-docker-"
#: Where the warm Python interpreter's source is mounted (read-only) in each container.
CONTAINER_ZYGOTE = "/opt/codesolve/_zygote.py"
CONTAINER_FORKSERVER = "/opt/codesolve/forkserver.so"
#: Capabilities the supervisor keeps (its programs get none): change to the box uid,
#: chown the inputs it writes for the program, wipe what the program left, lock its own
#: memory (so a program thrashing at its memory limit cannot stall it) and run at a higher
#: CPU priority than its programs (it notices a program's end at once: what orders the two
#: ends of an interactive run).
SUPERVISOR_CAPS = ["SETUID", "SETGID", "CHOWN", "DAC_OVERRIDE", "FOWNER", "KILL", "IPC_LOCK", "SYS_NICE"]


@dataclass(frozen=True)
class DockerConfig:
    """Settings of the docker backend: ``image`` (build it with ``codesolve sandbox
    build-image``), ``workers`` (containers; default one per core), ``scratch_mb`` (each
    tmpfs), ``memory_mb`` / ``pids`` (the container's ceiling; each run gets its own lower
    limits), ``base_url`` of the Docker engine (default: the environment's), ``warm_python``
    and ``warm_native`` as for the local backend."""

    image: str = IMAGE
    workers: int = 0
    scratch_mb: int = 256
    memory_mb: int = 4096
    pids: int = 512
    base_url: str | None = None
    warm_python: bool = True
    warm_native: bool = True

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def docker_client(base_url: str | None = None) -> Any:
    try:
        import docker
    except ImportError as exc:
        raise IsolationUnavailable("the docker backend needs the docker SDK: pip install 'codesolve[docker]'") from exc
    try:
        client = docker.DockerClient(base_url=base_url) if base_url else docker.from_env()
        client.ping()
    except Exception as exc:
        raise IsolationUnavailable(f"no Docker engine answers ({exc}); start dockerd "
                                   "(e.g. dockerd --bridge=none --iptables=false)") from exc
    return client


def _cgroup_files(pid: int) -> tuple[int, dict[str, str]]:
    """cgroup version and key -> host path of the cgroup files of process ``pid``."""
    with open(f"/proc/{pid}/cgroup") as f:
        lines = [line.rstrip("\n").split(":", 2) for line in f]
    if len(lines) == 1 and lines[0][1] == "":
        base = CGROUP_ROOT + lines[0][2]
        return 2, {k: os.path.join(base, v) for k, v in V2_FILES.items()
                   if os.path.exists(os.path.join(base, v))}
    paths: dict[str, str] = {}
    for _, controllers, path in lines:
        for ctrl in controllers.split(","):
            if ctrl in V1_FILES:
                for key, name in V1_FILES[ctrl].items():
                    full = os.path.join(CGROUP_ROOT, ctrl + path, name)
                    if os.path.exists(full):
                        paths[key] = full
    return 1, paths


class _ContainerBox(Box):
    """A box that is a container of the sandbox image (same protocol as a local box)."""

    def __init__(self, client: Any, config: DockerConfig, cfg: dict, forkserver: str | None = None) -> None:
        self.container: Any = None
        self.sock_dir = tempfile.mkdtemp(prefix=f"{SOCK_DIR_PREFIX}{os.getpid()}-")
        os.chmod(self.sock_dir, 0o700)  # the programs (box uid) cannot reach the socket
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(os.path.join(self.sock_dir, "box.sock"))
            listener.listen(1)
            listener.settimeout(60)
            uid = cfg["uid"]
            scratch = f"rw,exec,nosuid,nodev,size={config.scratch_mb}m,nr_inodes=4096,mode=0700,uid={uid},gid={uid}"
            box_cfg = dict(cfg, container=True, socket="/run/codesolve/box.sock", owner=os.getpid())
            self.container = client.containers.run(
                config.image, ["python3", "-I", "-S", "/opt/codesolve/_box.py", json.dumps(box_cfg)],
                detach=True, auto_remove=True, network_mode="none", read_only=True, user="0:0",
                cap_drop=["ALL"], cap_add=SUPERVISOR_CAPS, security_opt=["no-new-privileges"],
                mem_limit=f"{config.memory_mb}m", memswap_limit=f"{config.memory_mb}m", pids_limit=config.pids,
                ipc_mode="private", hostname="sandbox", working_dir="/sandbox",
                environment={"PATH": "/usr/bin:/bin"}, labels={LABEL: str(os.getpid())},
                tmpfs={"/sandbox": scratch, "/tmp": scratch, "/dev/shm": scratch,
                       "/box/exe": "rw,exec,nosuid,nodev,size=512m,mode=0711"},
                volumes={BOX_SCRIPT: {"bind": "/opt/codesolve/_box.py", "mode": "ro"},
                         ZYGOTE_SCRIPT: {"bind": CONTAINER_ZYGOTE, "mode": "ro"},
                         **({forkserver: {"bind": CONTAINER_FORKSERVER, "mode": "ro"}} if forkserver else {}),
                         self.sock_dir: {"bind": "/run/codesolve", "mode": "rw"}})
            try:
                conn, _ = listener.accept()
            except OSError as exc:
                raise IsolationUnavailable(f"the container box did not connect: {exc}; "
                                           f"its log: {self._logs()}") from exc
        except BaseException:
            listener.close()
            self.kill()
            raise
        listener.close()
        self.sock = conn
        self.reader = _box.Reader(conn)
        self.container.reload()
        pid = self.container.attrs["State"]["Pid"]
        version, paths = _cgroup_files(pid)
        fds, keys = [], []
        try:
            for key, path in paths.items():
                fds.append(os.open(path, (os.O_RDWR if key in _box.WRITABLE else os.O_RDONLY) | os.O_CLOEXEC))
                keys.append(key)
            socket.send_fds(conn, [json.dumps({"version": version, "keys": keys}).encode()], fds)
        except OSError as exc:
            self.kill()
            raise IsolationUnavailable(f"cannot hand the container its cgroup files: {exc}") from exc
        finally:
            for fd in fds:
                os.close(fd)
        self.cgroup_version = version
        self.cgroup_keys = keys
        self.await_ready(60, lambda: f"it closed the connection; its log: {self._logs()}")

    def _logs(self) -> str:
        try:
            return self.container.logs(tail=20).decode(errors="replace")[-2000:] if self.container else ""
        except Exception:  # noqa: BLE001 - the container may already be gone
            return "(gone)"

    def describe(self) -> str:
        return f"container box {self.container.id[:12] if self.container else '(removed)'}"

    def kill(self) -> None:
        sock = getattr(self, "sock", None)
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass
        if self.container is not None:
            try:
                self.container.remove(force=True)
            except Exception as exc:  # noqa: BLE001 - already removed by auto_remove
                log.debug("container %s: %s", self.container.id[:12], exc)
            self.container = None
        shutil.rmtree(self.sock_dir, ignore_errors=True)


class DockerSandbox(BoxSandbox):
    """Runs programs in long-lived, locked-down containers (needs a Docker engine and root,
    which opens the containers' cgroup files)."""

    name = "docker"

    def __init__(self, config: DockerConfig | None = None) -> None:
        self.config = self.docker_config = config or DockerConfig()
        if os.geteuid() != 0:
            raise IsolationUnavailable("the docker backend needs root to hand each container its cgroup files")
        self.client = docker_client(self.config.base_url)
        try:
            self.client.images.get(self.config.image)
        except Exception as exc:
            raise IsolationUnavailable(f"the sandbox image {self.config.image} is missing ({exc}); build it "
                                       "with: codesolve sandbox build-image") from exc
        remove_stale(self.client)
        self._uid_lock = threading.Lock()
        self.uids: set[int] = set()
        self.forkserver = forkserver_library() if self.config.warm_native else None
        super().__init__(self.config.worker_count, "/usr/bin/python3", self.config.warm_python,
                         {"scratch_mb": self.config.scratch_mb,
                          "zygote": CONTAINER_ZYGOTE if self.config.warm_python else None,
                          "forkserver": CONTAINER_FORKSERVER if self.forkserver else None})

    def _open_box(self, cfg: dict) -> _ContainerBox:
        box = _ContainerBox(self.client, self.config, cfg, self.forkserver)
        with self._uid_lock:
            self.uids.add(cfg["uid"])
        return box

    def _isolation(self, box: Box) -> dict:
        assert isinstance(box, _ContainerBox)
        return {"image": self.config.image,
                "container": "network none, read-only root, tmpfs scratch, no-new-privileges, "
                             f"capabilities {', '.join(SUPERVISOR_CAPS)} for the supervisor only",
                "uid": "unprivileged per-box uid, no capabilities, no_new_privs",
                "cgroup": f"container cgroup v{box.cgroup_version}: " + ", ".join(box.cgroup_keys),
                "seccomp": box.seccomp}


def remove_stale(client: Any) -> int:
    """Remove containers whose owning process is gone (a kill -9 of an earlier owner), and the
    socket folders such an owner left (:func:`remove_stale_dirs`); the containers removed."""
    remove_stale_dirs()
    removed = 0
    try:
        stale = client.containers.list(all=True, filters={"label": LABEL})
    except Exception:  # noqa: BLE001 - the engine is gone: nothing to clean up
        return 0
    for container in stale:
        owner = container.labels.get(LABEL, "")
        if owner.isdigit() and not _alive(int(owner)):
            try:
                container.remove(force=True)
                removed += 1
            except Exception:  # noqa: BLE001 - already removed, or the engine refuses: best-effort clean-up
                pass
    return removed


def remove_stale_dirs(folder: str | None = None) -> int:
    """Remove the boxes' socket folders (``codesolve-docker-PID-*`` in the temp folder) whose
    owner PID is gone: a killed owner cannot remove its own. Returns how many were removed."""
    folder = folder or tempfile.gettempdir()
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        owner = name[len(SOCK_DIR_PREFIX):].split("-", 1)[0] if name.startswith(SOCK_DIR_PREFIX) else ""
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
            removed += 1
    return removed


__all__ = ["DockerConfig", "DockerSandbox", "docker_client", "remove_stale", "remove_stale_dirs"]
