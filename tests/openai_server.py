"""A local OpenAI-compatible chat-completions server for the tests (loopback only).

It serves scripted completions: each script is a list of texts chosen when a marker
string occurs in the request's messages; the k-th choice handed out for a script is
``texts[k % len(texts)]``, so a pool of samples comes back in a known order. Faults are
queued and consumed one per request, in order:

* ``("429", retry_after_s)``: rate limited, with a ``Retry-After`` header;
* ``("500",)``: a server error; ``("401",)``: the key is refused;
* ``("hang", seconds)``: answer only after ``seconds`` (past the client's timeout);
* ``("truncated",)``: a 200 whose JSON body is cut in half;
* ``("malformed",)``: a 200 whose body is not JSON;
* ``("fewer", k)``: honour the request but return at most ``k`` choices;
* ``("ignore_n",)``: return one choice whatever ``n`` was asked (like servers that ignore n).

Every request is counted (``server.requests``, ``server.choices_served``) so tests can
prove that no sample is asked for twice; ``server.completed`` lists the requests whose
answer was written out whole.

With ``per_request=True`` every request is answered ``texts[0..n-1]`` whatever came before
(the answer depends only on the request, so runs with different timing get the same
samples). ``hold()`` makes new requests wait (unanswered) until ``release()``. With
``by_model``, requests naming one of its models get that model's scripts (a cascade of
models on one server).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ScriptedOpenAI:
    def __init__(self, scripts: dict[str, list[str]] | None = None, default: str = "print(0)\n",
                 per_request: bool = False, by_model: dict[str, dict[str, list[str]]] | None = None) -> None:
        self.scripts: dict[str, list[str]] = dict(scripts or {})
        #: Scripts of the requests naming a given model (the others use ``scripts``).
        self.by_model = dict(by_model or {})
        self.per_request = per_request
        self.completed: list[dict[str, Any]] = []
        self._open = threading.Event()
        self._open.set()
        self.default = default
        self.faults: list[tuple[Any, ...]] = []
        self.requests: list[dict[str, Any]] = []
        self.choices_served = 0
        #: Seconds every request waits before answering, and the most requests seen in flight.
        self.delay_s = 0.0
        self.in_flight = 0
        self.max_in_flight = 0
        self._next: dict[str, int] = {}
        self._lock = threading.Lock()
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> "ScriptedOpenAI":
        self.thread.start()
        return self

    def hold(self) -> None:
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def __exit__(self, *exc: object) -> None:
        self._open.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # ------------------------------------------------------------------ behaviour
    def _texts_for(self, body: dict[str, Any]) -> tuple[str, list[str]]:
        blob = json.dumps(body.get("messages", []))
        model = str(body.get("model", ""))
        scripts = self.by_model.get(model, self.scripts)
        for marker, texts in scripts.items():
            if marker in blob:
                return f"{model}:{marker}" if model in self.by_model else marker, texts
        return "", [self.default]

    def _complete(self, body: dict[str, Any], limit: int | None) -> dict[str, Any]:
        n = int(body.get("n") or 1)
        if limit is not None:
            n = min(n, limit)
        marker, texts = self._texts_for(body)
        with self._lock:
            start = 0 if self.per_request else self._next.get(marker, 0)
            self._next[marker] = start + n
            self.choices_served += n
        choices = [{"index": i, "finish_reason": "stop",
                    "message": {"role": "assistant", "content": texts[(start + i) % len(texts)]}}
                   for i in range(n)]
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        completion_tokens = sum(len(c["message"]["content"].split()) for c in choices)
        return {"id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "scripted"), "choices": choices,
                "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                          "total_tokens": prompt_tokens + completion_tokens}}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                server._open.wait()
                with server._lock:
                    server.requests.append(body)
                    fault = server.faults.pop(0) if server.faults else None
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay_s)
                    self._answer(body, fault)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, body: dict[str, Any], fault: tuple[Any, ...] | None) -> None:
                kind = fault[0] if fault else None
                if kind == "429":
                    self._send(429, b'{"error": {"message": "slow down", "type": "rate_limit"}}',
                               {"Retry-After": str(fault[1])})
                elif kind == "401":
                    self._send(401, b'{"error": {"message": "bad key", "type": "invalid_request_error"}}')
                elif kind == "500":
                    self._send(500, b'{"error": {"message": "boom", "type": "server_error"}}')
                elif kind == "hang":
                    time.sleep(fault[1])
                    self._send(200, json.dumps(server._complete(body, None)).encode())
                elif kind == "truncated":
                    raw = json.dumps(server._complete(body, None)).encode()
                    self._send(200, raw[: len(raw) // 2])
                elif kind == "malformed":
                    self._send(200, b"<html>gateway says hello</html>")
                elif kind == "fewer":
                    self._send(200, json.dumps(server._complete(body, fault[1])).encode())
                elif kind == "ignore_n":
                    self._send(200, json.dumps(server._complete(body, 1)).encode())
                else:
                    self._send(200, json.dumps(server._complete(body, None)).encode())
                    with server._lock:
                        server.completed.append(body)

        return Handler
