"""``codesolve sandbox doctor`` and ``codesolve sandbox build-image``."""

from __future__ import annotations

import argparse

from sandbox.doctor import diagnose

from . import HELP
from .common import Subparsers


def add_parser(sub: Subparsers) -> None:
    """Add ``sandbox`` and its subcommands."""
    from sandbox.image import IMAGE, MIRROR, SUITE

    sandbox_cmd = sub.add_parser("sandbox", help=HELP["sandbox"]).add_subparsers(
        dest="sandbox_command", required=True)
    p = sandbox_cmd.add_parser("doctor", help="report which sandbox backends work on this machine and why not")
    p.set_defaults(func=doctor)
    p = sandbox_cmd.add_parser("build-image", help="build the docker backend's image with no registry "
                                                   "(debootstrap + docker import)")
    p.add_argument("--tag", default=IMAGE)
    p.add_argument("--suite", default=SUITE, help=f"Debian suite (default {SUITE})")
    p.add_argument("--mirror", default=MIRROR, help="Debian package mirror")
    p.add_argument("--force", action="store_true", help="rebuild even when the image exists")
    p.set_defaults(func=build_image)


def doctor(args: argparse.Namespace) -> int:
    """A line per backend (see :func:`sandbox.doctor.diagnose`); exit code 1 when none works."""
    found = diagnose()
    for name, found_one in found.items():
        if found_one["state"] == "unavailable":
            print(f"{name}: unavailable: {found_one['error']}")
        elif found_one["state"] == "fails":
            print(f"{name}: starts but fails: {found_one['error']}")
        else:
            detail = "; ".join(f"{k}: {v}" for k, v in found_one["isolation"].items() if k != "backend")
            print(f"{name}: {'works' if found_one['works'] else 'starts but a test run failed'}; {detail}")
            seccomp = str(found_one["isolation"].get("seccomp", "absent: not reported"))
            if not seccomp.startswith("active"):
                print(f"{name}: warning: no syscall filter ({seccomp}); programs can create namespaces, "
                      "mount in them, trace and use io_uring (install libseccomp2)")
    return 0 if any(d["works"] for d in found.values()) else 1


def build_image(args: argparse.Namespace) -> int:
    """Build the image unless it exists (``--force``: rebuild it)."""
    from sandbox.docker import docker_client
    from sandbox.image import build_image

    client = docker_client()
    if not args.force:
        try:
            image = client.images.get(args.tag)
            print(f"{args.tag} exists ({image.id[:19]}); --force rebuilds it")
            return 0
        except Exception:  # noqa: BLE001 - not there: build it
            pass
    image_id = build_image(client, args.tag, args.suite, args.mirror)
    print(f"built {args.tag} ({image_id[:19]})")
    return 0
