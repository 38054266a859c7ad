"""The run viewer: a run directory (or several, compared) in the browser.

:class:`Views` reads the payloads from the run directories (:mod:`.data`); :class:`ViewerServer`
serves them on loopback (:mod:`.server`); :func:`write_html` writes the same page as one
self-contained file with every payload embedded (:mod:`.page`). The page itself is plain
HTML, CSS and JavaScript in ``static/``, with no build step.
"""

from __future__ import annotations

import os

from .data import RunData, Views
from .page import write_page
from .server import HOST, ViewerServer


def write_html(views: Views, path: str) -> None:
    """The static viewer of ``views`` as one HTML file at ``path`` (opens from disk, no network);
    written beside it first and moved into place, so an interrupted write leaves no half page."""
    partial = f"{path}.partial"
    try:
        with open(partial, "w", encoding="utf-8") as f:
            write_page(f, ((key, views.get(key)) for key in views.every_key()))
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


__all__ = ["HOST", "RunData", "ViewerServer", "Views", "write_html"]
