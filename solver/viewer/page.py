"""The viewer's one page: ``static/index.html`` with its CSS and JavaScript inlined, served
empty (the script then asks the server for data) or written with every payload embedded.

A static page carries each payload in its own ``<script type="application/json"
id="d:KEY">`` block; the browser parses a block only when the page asks for that key, so
a page of thousands of problems opens as fast as its list.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import IO, Any, Iterable

_MARK_DATA = "<!--DATA-->"


def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def template() -> tuple[str, str]:
    """The page before and after the place where data blocks go."""
    html = _static("index.html").replace("/*CSS*/", _static("viewer.css")).replace("/*JS*/", _static("viewer.js"))
    before, after = html.split(_MARK_DATA)
    return before, after


def data_block(key: str, payload: Any) -> str:
    """One payload as an inert script block: every ``<`` is written ``\\u003c`` (it only occurs
    inside JSON strings), so no text a model wrote can end the block or open a comment."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="d:{key}">{text}</script>\n'


def served_page() -> str:
    """The page the server sends: no data in it."""
    before, after = template()
    return before + after


def write_page(out: IO[str], payloads: Iterable[tuple[str, Any]]) -> None:
    """The static page with every payload embedded, written block by block."""
    before, after = template()
    out.write(before)
    for key, payload in payloads:
        out.write(data_block(key, payload))
    out.write(after)


__all__ = ["data_block", "served_page", "template", "write_page"]
