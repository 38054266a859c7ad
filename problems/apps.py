"""APPS rows (``codeparrot/apps``: ``problem_id``, ``question``, ``solutions``, ``input_output``,
``difficulty``, ``url``, ``starter_code``).

=====================  ====================================================================
upstream field         Problem
=====================  ====================================================================
``problem_id``         ``id`` (as a string)
``question``           ``statement``; ``title`` is its first non-empty line, shortened
``input_output``       ``tests`` (``test-1``, ``test-2``, ...), decoded on first use (JSON
                       text ``{"inputs": [...], "outputs": [...], "fn_name"?: ...}``)
``starter_code``       ``interface.starter_code`` (and the signature parsed from it)
``difficulty``         ``metadata["difficulty"]`` (``introductory``/``interview``/``competition``)
``url``                ``metadata["url"]``; ``metadata["source"]`` is the site's name taken
                       from it (``codeforces``, ``codewars``, ``kattis``, ...)
``solutions``          ``metadata["solutions"]``: ``{"language": "python", "source"}`` each,
                       decoded on first access
=====================  ====================================================================

APPS has no samples field, so problems have **no samples** (every test is hidden; the
examples live in the statement text). Limits are the defaults (2 s, 256 MB): APPS gives none.

**Standard input problems** (no ``fn_name``): an input or output given as a list of lines
is joined with ``"\\n"`` (as APPS's own judge does); strings are kept as they are. Default
(Kattis token) checker.

**Call-based problems** (``fn_name`` present): ``interface`` is a function with that entry
point, checker ``json``. Each APPS input is the list of positional arguments and becomes
the JSON array as is (a non-list input is taken as the single argument). APPS often wraps
each expected output in a one-element list, and its judge accepts either the value or the
wrapped value. Here: when *every* output of the problem is a one-element list, each is
unwrapped (the answer is the element); otherwise the outputs are used as they are. (A
problem whose function always returns a one-element list is thus unwrapped too; APPS
cannot tell these apart.) ``fn_name`` is found in the raw JSON text without decoding it,
so listing a set decodes no tests.
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping
from urllib.parse import urlparse

from sandbox import Limits

from ._rows import (
    LazyMap,
    RowReader,
    call_test,
    compact,
    has_fields,
    safe_id,
    signature_from_source,
    solution,
    stdio_test,
    title_from_text,
)
from .judging import Checker
from .model import Interface, Problem, TestCase

#: The fields that identify an APPS row.
FIELDS = ("problem_id", "question", "input_output")

_FN_NAME = re.compile(r'"fn_name"\s*:\s*"([^"\\]*)"')


def matches(row: Mapping[str, Any]) -> bool:
    return has_fields(row, FIELDS)


def to_problem(row: Mapping[str, Any], index: int, path: str) -> Problem:
    r = RowReader(row, index, path)
    pid = r.ident("problem_id")
    question = r.text("question")
    fn_name = fn_name_of(r.text("input_output"))
    if fn_name is not None and not fn_name.isidentifier():
        raise r.error("input_output", f"fn_name: expected a Python identifier, got {fn_name!r}")
    starter = r.text("starter_code")
    if fn_name:
        interface = Interface("function", fn_name, signature_from_source(starter, fn_name) if starter else None,
                              starter or None)
    else:
        interface = Interface(starter_code=starter or None)
    url = r.text("url")
    metadata = compact({"dataset": "apps", "source": _site(url), "difficulty": r.text("difficulty"), "url": url})
    return Problem(
        id=safe_id(pid),
        title=title_from_text(question, f"APPS {pid}"),
        statement_ref=question,
        tests_ref=lambda: _tests(r, fn_name),
        limits=Limits(),
        checker=Checker(kind="json") if fn_name else Checker(),
        interface=interface,
        metadata=LazyMap(metadata, {"solutions": lambda: _solutions(r)}),
        source=path,
    )


def fn_name_of(input_output: str) -> str | None:
    """The ``fn_name`` of an ``input_output`` JSON text, found without decoding the whole text
    (a ``"`` inside a JSON string is escaped, so the pattern only matches a real key)."""
    if '"fn_name"' not in input_output:
        return None
    found = _FN_NAME.search(input_output)
    return found.group(1) if found else None


def _tests(r: RowReader, fn_name: str | None) -> list[TestCase]:
    io = r.json_text("input_output", default={})
    if not isinstance(io, dict):
        raise r.error("input_output", f'expected {{"inputs": [...], "outputs": [...]}}, got {type(io).__name__}')
    inputs, outputs = io.get("inputs", []), io.get("outputs", [])
    if not isinstance(inputs, list) or not isinstance(outputs, list) or len(inputs) != len(outputs):
        raise r.error("input_output", 'expected "inputs" and "outputs" to be lists of the same length')
    if fn_name:
        wrapped = bool(outputs) and all(isinstance(o, list) and len(o) == 1 for o in outputs)
        return [call_test(f"test-{i + 1}", inp if isinstance(inp, list) else [inp], out[0] if wrapped else out,
                          "secret")
                for i, (inp, out) in enumerate(zip(inputs, outputs))]
    return [stdio_test(f"test-{i + 1}", _text(r, inp), _text(r, out), "secret")
            for i, (inp, out) in enumerate(zip(inputs, outputs))]


def _text(r: RowReader, value: Any) -> str:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, str):
        return value
    raise r.error("input_output", f"expected a standard-input test to be a string or a list of lines, "
                                  f"got {json.dumps(value)[:60]}")


def _solutions(r: RowReader) -> list[dict[str, str]]:
    sources = r.json_text("solutions", default=[])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise r.error("solutions", "expected JSON text of a list of strings")
    return [solution("python", s) for s in sources]


def _site(url: str) -> str | None:
    """``https://open.kattis.com/problems/x`` -> ``kattis``."""
    host = urlparse(url).hostname or ""
    labels = host.split(".")
    return labels[-2] if len(labels) >= 2 else None
