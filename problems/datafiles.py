"""Problem sets stored as data files: JSONL, JSON and Parquet exports of public datasets.

:func:`load_data_file` reads the rows, recognises the dataset from the fields of the first
row and maps every row to a :class:`Problem` with that dataset's module:

=================  =========================================  ==============================
format             identifying fields                         module
=================  =========================================  ==============================
``codecontests``   name, description, public_tests, ...       :mod:`problems.codecontests`
``apps``           problem_id, question, input_output         :mod:`problems.apps`
``livecodebench``  question_id, question_content, ...         :mod:`problems.livecodebench`
``humaneval``      task_id, prompt, test, entry_point         :mod:`problems.humaneval`
``mbpp``           task_id, test_list, code, text|prompt      :mod:`problems.humaneval`
=================  =========================================  ==============================

Files: ``.jsonl``/``.ndjson`` (one JSON object per line, blank lines ignored), ``.json`` (a
list of objects, or an object holding that list under ``data``, ``problems`` or ``rows``, or
as its only list value, or a single row object), ``.parquet`` (needs the optional ``pyarrow``:
``pip install 'codesolve[parquet]'``). A ``.gz`` suffix on a JSON/JSONL file is read
through gzip. Another extension is read as JSON, else as JSONL.

Rows are mapped lazily: listing a set reads ids, titles, limits and interfaces; tests,
statements and solutions are decoded when first used. A Parquet file is kept as an Arrow
table and each row is a view of it (:class:`ArrowRow`), so even the Python objects of a
row's tests exist only once the tests are asked for. Duplicate ids get a ``-2``, ``-3``...
suffix (with a warning) so that every problem of a set has its own id.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import logging
import os
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterator, Mapping

from . import apps, codecontests, humaneval, livecodebench
from .errors import ProblemError, UnknownFormat
from .model import Problem, ProblemSet

log = logging.getLogger(__name__)

PARQUET_HINT = "pip install 'codesolve[parquet]'"


@dataclass(frozen=True)
class RowFormat:
    """One dataset's row layout: how to recognise a row and how to map it."""

    name: str
    fields: tuple[str, ...]
    matches: Callable[[Mapping[str, Any]], bool]
    to_problem: Callable[[Mapping[str, Any], int, str], Problem]


FORMATS: tuple[RowFormat, ...] = (
    RowFormat("codecontests", codecontests.FIELDS, codecontests.matches, codecontests.to_problem),
    RowFormat("apps", apps.FIELDS, apps.matches, apps.to_problem),
    RowFormat("livecodebench", livecodebench.FIELDS, livecodebench.matches, livecodebench.to_problem),
    RowFormat("humaneval", humaneval.HUMANEVAL_FIELDS, humaneval.matches_humaneval, humaneval.to_problem_humaneval),
    RowFormat("mbpp", humaneval.MBPP_FIELDS + ("text|prompt",), humaneval.matches_mbpp, humaneval.to_problem_mbpp),
)

#: What each data-file extension is read as.
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet"}


def detect_format(row: Mapping[str, Any]) -> RowFormat | None:
    """The first format whose identifying fields the row has."""
    return next((fmt for fmt in FORMATS if fmt.matches(row)), None)


def load_data_file(path: str) -> ProblemSet:
    """Read a JSONL, JSON or Parquet file of CodeContests, APPS, LiveCodeBench, HumanEval or
    MBPP rows into a problem set named after the file."""
    if not os.path.exists(path):
        raise ProblemError(path, "no such file; expected a .jsonl, .json or .parquet data file")
    if os.path.isdir(path):
        raise ProblemError(path, "is a directory; expected a .jsonl, .json or .parquet data file")
    rows = _read_rows(path)
    if not rows:
        raise ProblemError(path, "holds no rows; expected at least one problem")
    first_where, first = rows[0]
    fmt = detect_format(first)
    if fmt is None:
        known = "; ".join(f"{f.name} ({', '.join(f.fields)})" for f in FORMATS)
        raise UnknownFormat(path, f"{first_where} has fields {', '.join(sorted(map(str, first))) or '(none)'}, "
                                  f"which match no known data-file format; known formats: {known}")
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, (where, row) in enumerate(rows):
        if not fmt.matches(row):
            raise ProblemError(path, f"{where} is not a {fmt.name} row like the first one: expected the fields "
                                     f"{', '.join(fmt.fields)}, got {', '.join(sorted(map(str, row)))}")
        problem = fmt.to_problem(row, index, path)
        count = seen[problem.id] = seen.get(problem.id, 0) + 1
        if count > 1:
            new_id = f"{problem.id}-{count}"
            log.warning("%s: %s: duplicate problem id %r, renamed %r", path, where, problem.id, new_id)
            problem = dataclasses.replace(problem, id=new_id)
        problems.append(problem)
    log.debug("%s: %d %s problems", path, len(problems), fmt.name)
    return ProblemSet(_set_name(path), tuple(problems), source=path)


def _set_name(path: str) -> str:
    name = os.path.basename(path)
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0] or name


def _kind(path: str) -> str | None:
    base = path[:-3] if path.endswith(".gz") else path
    return EXTENSIONS.get(os.path.splitext(base)[1].lower())


# ---------------------------------------------------------------------------- reading rows
Rows = list[tuple[str, Mapping[str, Any]]]  # (where, e.g. "line 3", and the row)


def _read_rows(path: str) -> Rows:
    kind = _kind(path)
    if kind == "parquet":
        return _parquet_rows(path)
    try:
        with _open_text(path) as f:
            if kind == "jsonl":
                return _jsonl_rows(path, f)
            text = f.read()
    except UnicodeDecodeError as exc:
        raise ProblemError(path, f"is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except (OSError, EOFError) as exc:
        raise ProblemError(path, f"cannot be read: {exc}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if kind == "json" and exc.msg != "Extra data":
            raise ProblemError(path, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") \
                from None
        # Several values, or not JSON at all: read it as JSON lines (which names the bad line).
        return _jsonl_rows(path, iter(text.splitlines(keepends=True)))
    return _json_rows(path, document)


def _open_text(path: str) -> IO[str]:
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _jsonl_rows(path: str, lines: Iterator[str] | IO[str]) -> Rows:
    rows: Rows = []
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ProblemError(path, f"line {lineno} is not valid JSON ({exc.msg} at column {exc.colno}); "
                                     "expected one JSON object per line") from None
        if not isinstance(row, dict):
            raise ProblemError(path, f"line {lineno}: expected a JSON object, got {type(row).__name__}")
        rows.append((f"line {lineno}", row))
    return rows


def _json_rows(path: str, document: Any) -> Rows:
    items = document
    if isinstance(document, dict) and detect_format(document) is not None:
        items = [document]  # one problem
    elif isinstance(document, dict):
        lists = {k: v for k, v in document.items() if isinstance(v, list)}
        key = next((k for k in ("data", "problems", "rows") if k in lists), None)
        if key is None and len(lists) == 1:
            key = next(iter(lists))
        if key is None:
            raise ProblemError(path, 'expected a list of objects, or an object holding one under "data", '
                                     f'"problems" or "rows"; got an object with keys {", ".join(list(document)[:10])}')
        items = lists[key]
    if not isinstance(items, list):
        raise ProblemError(path, f"expected a list of objects, got {type(items).__name__}")
    rows: Rows = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ProblemError(path, f"item {i + 1}: expected a JSON object, got {type(item).__name__}")
        rows.append((f"item {i + 1}", item))
    return rows


def _parquet_rows(path: str) -> Rows:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ProblemError(path, f"reading Parquet needs pyarrow, which is not installed: {PARQUET_HINT}") from None
    try:
        table = pq.read_table(path, memory_map=True)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError, ArrowIOError an OSError
        raise ProblemError(path, f"is not a readable Parquet file: {exc}") from None
    columns = _ArrowColumns(table)
    return [(f"row {i + 1}", ArrowRow(columns, i)) for i in range(table.num_rows)]


class _ArrowColumns:
    """The columns of one Arrow table, shared by its rows. A small column (ids, limits, tags:
    under ``SMALL_COLUMN_BYTES``) is converted to Python once, on first use; a large one
    (tests, solutions, statements) one value at a time, when a row's value is asked for."""

    SMALL_COLUMN_BYTES = 1 << 20

    def __init__(self, table: Any) -> None:
        self.table = table
        self.names = tuple(table.schema.names)
        self.index = {name: i for i, name in enumerate(self.names)}
        self._small: dict[str, list[Any]] = {}

    def value(self, key: str, row: int) -> Any:
        converted = self._small.get(key)
        if converted is not None:
            return converted[row]
        column = self.table.column(self.index[key])
        if column.nbytes <= self.SMALL_COLUMN_BYTES:
            converted = self._small[key] = column.to_pylist()
            return converted[row]
        return column[row].as_py()


class ArrowRow(Mapping[str, Any]):
    """One row of an Arrow table, read field by field: only the fields a mapping reads are
    converted to Python objects, when it reads them."""

    __slots__ = ("_columns", "_index")

    def __init__(self, columns: _ArrowColumns, index: int) -> None:
        self._columns = columns
        self._index = index

    def __getitem__(self, key: str) -> Any:
        if key not in self._columns.index:
            raise KeyError(key)
        return self._columns.value(key, self._index)

    def get(self, key: str, default: Any = None) -> Any:
        return self._columns.value(key, self._index) if key in self._columns.index else default

    def __contains__(self, key: object) -> bool:  # (Mapping's default would convert the value)
        return key in self._columns.index

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns.names)

    def __len__(self) -> int:
        return len(self._columns.names)

    def nested_length(self, field: str, sub: str) -> int:
        """``len(row[field][sub])`` for a struct-of-lists field, without converting the lists."""
        if field not in self._columns.index:
            return 0
        scalar = self._columns.table.column(self._columns.index[field])[self._index]
        if not scalar.is_valid:
            return 0
        try:
            items = scalar[sub]
        except (KeyError, IndexError, TypeError):
            return 0
        return len(items) if items.is_valid else 0

    def __repr__(self) -> str:
        return f"ArrowRow(row {self._index + 1} of {self._columns.table.num_rows})"
