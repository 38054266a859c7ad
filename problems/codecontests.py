"""DeepMind CodeContests rows (the upstream field names, as in its JSONL/Parquet exports).

==========================  ===============================================================
upstream field              Problem
==========================  ===============================================================
``name``                    ``id`` (``/`` made ``_``) and ``title`` (a leading Codeforces
                            ``"1548_E. "`` or AtCoder/Aizu ``"p02549 "`` prefix dropped)
``description``             ``statement`` (read on first use)
``public_tests``            ``samples``: ``public-1``, ``public-2``, ... (group ``sample``)
``private_tests``,          ``tests``: ``private-N`` then ``generated-N`` (group ``secret``);
``generated_tests``         each ``{"input": [...], "output": [...]}``, decoded on first use;
                            ``test_count_hint`` counts them without decoding them
``time_limit``              ``limits.time_s`` = seconds + nanos / 1e9; 2 s when null or 0
``memory_limit_bytes``      ``limits.memory_mb`` = bytes / 2**20 rounded up; 256 when 0/null
``source`` (enum)           ``metadata["source"]``: ``codeforces``, ``atcoder``, ...
``difficulty`` (enum)       ``metadata["difficulty"]``: ``easy`` ... ``external``, or the
                            Codeforces letter ``A`` ... ``V``; absent when unknown (0)
``cf_rating``, ``cf_tags``  ``metadata["rating"]`` (when > 0), ``metadata["tags"]``
``cf_contest_id``,          ``metadata["contest_id"]``, ``metadata["index"]``, and
``cf_index``                ``metadata["url"]`` for Codeforces problems
``solutions``,              ``metadata["solutions"]`` / ``metadata["incorrect_solutions"]``:
``incorrect_solutions``     lists of ``{"language", "source"}`` (computed on first access);
                            languages ``python`` (Python 3, as the sandbox names it),
                            ``python2``, ``cpp``, ``java``, ``unknown``
==========================  ===============================================================

Interface stdio, default (Kattis token) checker: CodeContests does not say which problems
accept answers within a float tolerance. ``metadata["dataset"]`` is ``"codecontests"``.
Other fields (``cf_points``, ``untranslated_description``, ...) are not used.
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping

from sandbox import Limits

from ._rows import LazyMap, RowReader, compact, has_fields, nested_length, safe_id, solution, stdio_test
from .judging import Checker
from .model import Interface, Problem, TestCase

#: The fields that identify a CodeContests row.
FIELDS = ("name", "description", "public_tests", "private_tests")

DEFAULT_TIME_S = 2.0
DEFAULT_MEMORY_MB = 256

SOURCES = {0: None, 1: "codechef", 2: "codeforces", 3: "hackerearth", 4: "codejam", 5: "atcoder", 6: "aizu"}
DIFFICULTIES = {0: None, 1: "easy", 2: "medium", 3: "hard", 4: "harder", 5: "hardest", 6: "external",
                **{7 + i: chr(ord("A") + i) for i in range(22)}}
LANGUAGES = {0: "unknown", 1: "python2", 2: "cpp", 3: "python", 4: "java"}

_TITLE_PREFIX = re.compile(r"^(?:\d+_[A-Z]\d*\.|p\d{5})\s+")
_HIDDEN = (("private_tests", "private"), ("generated_tests", "generated"))


def matches(row: Mapping[str, Any]) -> bool:
    return has_fields(row, FIELDS)


def to_problem(row: Mapping[str, Any], index: int, path: str) -> Problem:
    r = RowReader(row, index, path)
    name = r.text("name", required=True)
    source = _enum(r, "source", SOURCES)
    contest, letter = r.integer("cf_contest_id"), r.text("cf_index")
    rating = r.integer("cf_rating")
    metadata = compact({
        "dataset": "codecontests",
        "source": source,
        "difficulty": _enum(r, "difficulty", DIFFICULTIES),
        "rating": rating if rating and rating > 0 else None,
        "tags": r.strings("cf_tags"),
        "contest_id": contest or None,
        "index": letter,
        "url": (f"https://codeforces.com/problemset/problem/{contest}/{letter}"
                if source == "codeforces" and contest and letter else None),
    })
    return Problem(
        id=safe_id(name),
        title=_TITLE_PREFIX.sub("", name).strip() or name,
        statement_ref=lambda: r.text("description"),
        samples_ref=lambda: _tests(r, "public_tests", "public", "sample"),
        tests_ref=lambda: [t for field, prefix in _HIDDEN for t in _tests(r, field, prefix, "secret")],
        limits=Limits(time_s=_time_limit(r), memory_mb=_memory_mb(r)),
        checker=Checker(),
        interface=Interface(),
        metadata=LazyMap(metadata, {"solutions": lambda: _solutions(r, "solutions"),
                                    "incorrect_solutions": lambda: _solutions(r, "incorrect_solutions")}),
        source=path,
        test_count_hint=sum(nested_length(row, field, "input") for field, _ in _HIDDEN),
    )


def _tests(r: RowReader, field: str, prefix: str, group: str) -> list[TestCase]:
    inputs, outputs = _columns(r, field, "input", "output")
    if not all(isinstance(v, str) for v in inputs + outputs):
        raise r.error(field, "expected input and output to be lists of strings")
    return [stdio_test(f"{prefix}-{i + 1}", inp, out, group) for i, (inp, out) in enumerate(zip(inputs, outputs))]


def _solutions(r: RowReader, field: str) -> list[dict[str, str]]:
    languages, sources = _columns(r, field, "language", "solution")
    return [solution(LANGUAGES.get(lang, "unknown") if isinstance(lang, int) else str(lang).lower(), src)
            for lang, src in zip(languages, sources)]


def _columns(r: RowReader, field: str, first: str, second: str) -> tuple[list[Any], list[Any]]:
    """The two parallel lists of a ``{first: [...], second: [...]}`` field (empty when null)."""
    value = r.get(field)
    if value is None:
        return [], []
    if not isinstance(value, Mapping):
        raise r.error(field, f'expected {{"{first}": [...], "{second}": [...]}}, got {type(value).__name__}')
    a, b = value.get(first) or [], value.get(second) or []
    if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
        raise r.error(field, f'expected "{first}" and "{second}" to be lists of the same length')
    return a, b


def _enum(r: RowReader, field: str, names: Mapping[int, str | None]) -> str | None:
    value = r.get(field)
    if isinstance(value, str):  # an export that wrote the enum's name
        return value.lower() if len(value) > 1 else value
    number = r.integer(field)
    return None if number is None else names.get(number, str(number))


def _time_limit(r: RowReader) -> float:
    value = r.get("time_limit")
    if isinstance(value, Mapping):
        seconds = (value.get("seconds") or 0) + (value.get("nanos") or 0) / 1e9
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif value is None:
        seconds = 0.0
    else:
        raise r.error("time_limit", f'expected {{"seconds": S, "nanos": N}} or null, got {type(value).__name__}')
    return seconds if seconds > 0 else DEFAULT_TIME_S


def _memory_mb(r: RowReader) -> int:
    value = r.integer("memory_limit_bytes")
    return math.ceil(value / 2**20) if value and value > 0 else DEFAULT_MEMORY_MB
