"""LiveCodeBench code-generation rows (``livecodebench/code_generation_lite`` JSONL).

======================  ===================================================================
upstream field          Problem
======================  ===================================================================
``question_id``         ``id``
``question_title``      ``title``
``question_content``    ``statement``
``public_test_cases``   ``samples`` (``public-1``, ...), decoded on first use
``private_test_cases``  ``tests`` (``private-1``, ...), decoded on first use; either JSON
                        text or LiveCodeBench's compressed form (base64 of zlib of a pickled
                        JSON string)
``metadata``            JSON text; its ``func_name`` makes a function-call problem
``starter_code``        ``interface.starter_code`` (and the signature parsed from it)
``platform``            ``metadata["source"]`` (``leetcode``, ``atcoder``, ``codeforces``)
``difficulty``          ``metadata["difficulty"]`` (``easy``/``medium``/``hard``)
``contest_date``        ``metadata["date"]`` (ISO-8601 text)
``contest_id``          ``metadata["contest_id"]``
======================  ===================================================================

Each test case is ``{"input", "output", "testtype"}``. A ``stdin`` test keeps its input and
output text (default checker). A ``functional`` test's input holds one JSON value per line,
one per argument: it becomes one line, the JSON array of the arguments; its output, the
JSON of the return value, is re-encoded with ``json.dumps`` (checker ``json``). A problem is
functional when its metadata names a ``func_name``; a test of the other kind is an error.
Limits are the defaults (2 s, 256 MB): LiveCodeBench gives none.

Security: the compressed form is a pickle, and unpickling can run code. It is decoded
with :class:`DataOnlyUnpickler`, which refuses every class or function reference, so only
plain data (the expected ``str``) can come out; anything else is a :class:`ProblemError`.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import pickle
import zlib
from typing import Any, Mapping

from sandbox import Limits

from ._rows import RowReader, call_test, compact, has_fields, iso_date, safe_id, signature_from_source, stdio_test
from .judging import Checker
from .model import Interface, Problem, TestCase

#: The fields that identify a LiveCodeBench row.
FIELDS = ("question_id", "question_content", "public_test_cases", "private_test_cases")


class DataOnlyUnpickler(pickle.Unpickler):
    """An unpickler for data only: any global (class, function) in the stream is refused,
    so a pickle cannot make it import or call anything (``os.system`` included)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}: only plain data may be unpickled")


def matches(row: Mapping[str, Any]) -> bool:
    return has_fields(row, FIELDS)


def to_problem(row: Mapping[str, Any], index: int, path: str) -> Problem:
    r = RowReader(row, index, path)
    qid = r.ident("question_id")
    meta = r.json_text("metadata", default={})
    if not isinstance(meta, dict):
        raise r.error("metadata", f"expected JSON text of an object, got {type(meta).__name__}")
    func = meta.get("func_name") or None
    if func is not None and not (isinstance(func, str) and func.isidentifier()):
        raise r.error("metadata", f"func_name: expected a Python identifier, got {func!r}")
    starter = r.text("starter_code")
    if func:
        interface = Interface("function", func, signature_from_source(starter, func) if starter else None,
                              starter or None)
    else:
        interface = Interface(starter_code=starter or None)
    metadata = compact({
        "dataset": "livecodebench",
        "source": r.text("platform"),
        "difficulty": r.text("difficulty"),
        "date": iso_date(r.get("contest_date")),
        "contest_id": r.get("contest_id"),
    })
    return Problem(
        id=safe_id(qid),
        title=r.text("question_title") or qid,
        statement_ref=lambda: r.text("question_content"),
        samples_ref=lambda: _cases(r, "public_test_cases", "public", "sample", func),
        tests_ref=lambda: _cases(r, "private_test_cases", "private", "secret", func),
        limits=Limits(),
        checker=Checker(kind="json") if func else Checker(),
        interface=interface,
        metadata=metadata,
        source=path,
    )


def decode_compressed(r: RowReader, field: str, text: str) -> str:
    """LiveCodeBench's compressed test cases: base64 -> zlib -> pickle of a JSON string."""
    try:
        pickled = zlib.decompress(base64.b64decode(text.encode("ascii"), validate=False))
    except (binascii.Error, zlib.error, UnicodeEncodeError, ValueError) as exc:
        raise r.error(field, f"expected JSON text or base64 of zlib-compressed data: {exc}") from None
    try:
        value = DataOnlyUnpickler(io.BytesIO(pickled)).load()
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile or broken pickle
        raise r.error(field, f"the compressed test cases are not a pickled string: {exc}") from None
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        raise r.error(field, f"expected the compressed data to be a pickled JSON string, got {type(value).__name__}")
    return value


def _cases(r: RowReader, field: str, prefix: str, group: str, func: str | None) -> list[TestCase]:
    text = r.text(field)
    if text.strip() and not text.lstrip().startswith("["):
        text = decode_compressed(r, field, text)
    try:
        cases = json.loads(text) if text.strip() else []
    except ValueError as exc:
        raise r.error(field, f"expected JSON text of a list of test cases: {exc}") from None
    if not isinstance(cases, list):
        raise r.error(field, f"expected a list of test cases, got {type(cases).__name__}")
    return [_case(r, field, f"{prefix}-{i + 1}", group, case, func) for i, case in enumerate(cases)]


def _case(r: RowReader, field: str, name: str, group: str, case: Any, func: str | None) -> TestCase:
    if not (isinstance(case, dict) and isinstance(case.get("input"), str) and isinstance(case.get("output"), str)):
        raise r.error(field, f'{name}: expected {{"input": str, "output": str, "testtype": ...}}')
    kind = case.get("testtype", "functional" if func else "stdin")
    if kind != ("functional" if func else "stdin"):
        expected = "functional (the metadata names a func_name)" if func else "stdin (the metadata names no func_name)"
        raise r.error(field, f"{name}: testtype {kind!r}, expected {expected}")
    if not func:
        return stdio_test(name, case["input"], case["output"], group)
    try:
        args = [json.loads(line) for line in case["input"].split("\n") if line.strip()]
        result = json.loads(case["output"])
    except ValueError as exc:
        raise r.error(field, f"{name}: expected one JSON value per input line and a JSON output: {exc}") from None
    return call_test(name, args, result, group)
