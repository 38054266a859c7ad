"""The viewer's server: loopback only, read only, the page and its payloads by key.

``GET /`` is the page; ``GET /api/KEY`` is the payload called KEY (see
:mod:`solver.viewer.data`) as JSON, 404 with ``{"error": ...}`` for an unknown key. Each
request is served on its own thread; payloads are computed when first asked for.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from .data import Views
from .page import served_page

log = logging.getLogger(__name__)

#: The only address the viewer listens on.
HOST = "127.0.0.1"


class ViewerServer(ThreadingHTTPServer):
    """An HTTP server over ``views`` on ``127.0.0.1:port`` (port 0: any free port)."""

    daemon_threads = True

    def __init__(self, views: Views, port: int = 0) -> None:
        self.views = views
        self.page = served_page().encode("utf-8")
        self._lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def payload(self, key: str) -> Any:
        with self._lock:  # one database connection per run: payloads are made one at a time
            return self.views.get(key)


class _Handler(BaseHTTPRequestHandler):
    server: ViewerServer

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server.page)
        elif path.startswith("/api/"):
            try:
                body = json.dumps(self.server.payload(path[len("/api/"):]), ensure_ascii=False)
                self._send(200, "application/json; charset=utf-8", body.encode("utf-8"))
            except KeyError as exc:
                self._send(404, "application/json", json.dumps({"error": str(exc.args[0])}).encode())
        else:
            self._send(404, "application/json", json.dumps({"error": f"nothing at {path}"}).encode())

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s " + format, self.address_string(), *args)


__all__ = ["HOST", "ViewerServer"]
