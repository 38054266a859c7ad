"""``python -m solver.cli``.

Under ``-m``, CPython ends the process with SIGINT instead of the status asked for when a
Ctrl-C once landed inside a string ``exec`` (dataclasses and namedtuple build their methods
that way, on import), even though it was caught and handled. By the time ``main`` returns
130 the run is closed and recorded, so leave with that status directly. (The ``codesolve``
script runs as a file and is not affected.)
"""

from __future__ import annotations

import os
import sys

from . import main


def _module_main() -> None:
    code = main()
    if code == 130:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(130)
    sys.exit(code)


if __name__ == "__main__":
    _module_main()
