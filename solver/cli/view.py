"""``codesolve view``: browse run directories in the browser."""

from __future__ import annotations

import argparse
import sys

from . import HELP
from .common import Subparsers, UsageError


def add_parser(sub: Subparsers) -> None:
    """Add ``view`` to the subcommands."""
    p = sub.add_parser("view", help=HELP["view"], description=(
        "Serve a viewer of the run directories on 127.0.0.1 until interrupted, or with --html write it as one "
        "self-contained HTML file. With several directories the viewer has a compare page (the first run is "
        "the baseline)."))
    p.add_argument("run_dirs", nargs="+", metavar="DIR")
    p.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765; 0: any free port)")
    p.add_argument("--open", action="store_true", help="open the viewer in the default browser")
    p.add_argument("--html", metavar="FILE", help="write a static viewer to FILE instead of serving")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the static page, or serve until interrupted (exit 0)."""
    from ..viewer import ViewerServer, Views, write_html

    if args.port < 0 or args.port > 65535:
        raise UsageError(f"--port {args.port}: expected 0 to 65535")
    views = Views(args.run_dirs)
    try:
        if args.html:
            try:
                write_html(views, args.html)
            except OSError as exc:
                raise UsageError(f"{args.html}: cannot write the viewer: {exc.strerror}") from None
            print(f"written: {args.html}", file=sys.stderr)
            return 0
        try:
            server = ViewerServer(views, args.port)
        except OSError as exc:
            raise UsageError(f"--port {args.port}: cannot listen on 127.0.0.1: {exc.strerror}") from None
        print(f"codesolve view: serving {len(views.runs)} run(s) at {server.url} (Ctrl-C stops)", file=sys.stderr,
              flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("codesolve view: stopped", file=sys.stderr)
        finally:
            server.server_close()
        return 0
    finally:
        views.close()
