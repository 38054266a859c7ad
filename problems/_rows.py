"""Helpers shared by the data-file row mappings (CodeContests, APPS, LiveCodeBench, HumanEval/MBPP).

A *row* is one record of a data file: a ``Mapping`` from field names to JSON-like values
(a ``dict`` from JSON/JSONL, or a lazy view of a Parquet row, see :mod:`problems.datafiles`).
Mappings read only cheap fields eagerly and hand test decoding to loaders, so keep heavy
fields (tests, solutions, statements) behind ``lambda`` closures over the row.
"""

from __future__ import annotations

import ast
import datetime
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import ProblemError
from .model import TestCase


def has_fields(row: Mapping[str, Any], fields: Iterable[str]) -> bool:
    """True when every one of ``fields`` is a key of ``row``."""
    return all(name in row for name in fields)


def type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


@dataclass(frozen=True)
class RowReader:
    """Typed access to one row's fields; errors name the file, the row (1-based) and the field."""

    row: Mapping[str, Any]
    index: int
    path: str

    def error(self, field: str | None, message: str) -> ProblemError:
        return ProblemError(self.path, f"row {self.index + 1}: {message}", field)

    def get(self, key: str) -> Any:
        """The value, or None when the field is missing or null."""
        return self.row.get(key)

    def text(self, key: str, *, required: bool = False) -> str:
        """A string field; missing or null gives "" unless ``required``."""
        value = self.row.get(key)
        if value is None:
            if required:
                raise self.error(key, "expected a non-empty string, the field is missing or null")
            return ""
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, got {type_name(value)}")
        if required and not value.strip():
            raise self.error(key, "expected a non-empty string")
        return value

    def ident(self, key: str) -> str:
        """A required identifier field (string or integer), as a string."""
        value = self.row.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value).strip() == "":
            raise self.error(key, f"expected a string or integer id, got {type_name(value)} {value!r}")
        return str(value)

    def integer(self, key: str) -> int | None:
        """An integer field (floats with an integral value accepted); None when missing."""
        value = self.row.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise self.error(key, f"expected an integer, got {type_name(value)} {value!r}")
        return int(value)

    def strings(self, key: str) -> list[str]:
        """A list-of-strings field; missing or null gives []."""
        value = self.row.get(key)
        if value is None:
            return []
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"expected a list of strings, got {type_name(value)}")
        return list(value)

    def json_text(self, key: str, default: Any = None) -> Any:
        """Decode a field holding JSON text; an empty or missing field gives ``default``."""
        raw = self.text(key)
        if not raw.strip():
            return default
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise self.error(key, f"expected JSON text: {exc}") from None


def safe_id(value: str) -> str:
    """A problem id usable as a file name: path separators and NUL become ``_``."""
    return value.strip().replace("/", "_").replace("\\", "_").replace("\0", "_")


def title_from_text(text: str, fallback: str, limit: int = 60) -> str:
    """The first non-empty line of ``text`` (markdown heading marks removed), shortened."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
    return fallback


def to_bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def stdio_test(name: str, input: str | bytes, answer: str | bytes, group: str) -> TestCase:
    """A stdin/stdout test from text."""
    return TestCase(name, to_bytes(input), to_bytes(answer), group)


def call_test(name: str, args: Sequence[Any], result: Any, group: str) -> TestCase:
    """A function-call test: input is one line, the JSON array of arguments; answer the JSON result."""
    return TestCase(name, json.dumps(list(args)).encode(), json.dumps(result).encode(), group)


def signature_from_source(source: str, entry_point: str) -> str | None:
    """``def NAME(params) -> ret`` of ``entry_point`` as defined in ``source`` (module level
    or in a class, ``self`` dropped), or None. ``source`` may end in an empty body, as
    starter code does (``def f(x):`` followed by indentation only)."""
    tree = None
    for text in (source, source.rstrip() + " pass"):
        try:
            tree = ast.parse(text)
            break
        except (SyntaxError, ValueError):
            continue
    if tree is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.args.args \
                        and item.args.args[0].arg in ("self", "cls"):
                    item.args.args = item.args.args[1:]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == entry_point:
            # (class bodies are walked before their methods, so ``self`` is already gone)
            returns = f" -> {ast.unparse(node.returns)}" if node.returns is not None else ""
            return f"def {entry_point}({ast.unparse(node.args)}){returns}"
    return None


def iso_date(value: Any) -> str | None:
    """A date field as ISO-8601 text (strings are kept as they are)."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def solution(language: str, source: str) -> dict[str, str]:
    """One entry of ``metadata["solutions"]``: a language name as the sandbox knows it and the source."""
    return {"language": language, "source": source}


def nested_length(row: Mapping[str, Any], field: str, sub: str) -> int:
    """``len(row[field][sub])`` without decoding the list where the row can tell cheaply
    (a Parquet row); 0 when the field is missing or null."""
    cheap = getattr(row, "nested_length", None)
    if cheap is not None:
        return cheap(field, sub)
    value = row.get(field)
    items = value.get(sub) if isinstance(value, Mapping) else None
    return len(items) if isinstance(items, (list, tuple)) else 0


class LazyMap(Mapping[str, Any]):
    """Metadata whose costly entries (a row's solutions) are computed on first access.

    It is a read-only ``Mapping``, not a ``dict``: ``dict(metadata)`` materialises every
    entry (e.g. before ``json.dumps``).
    """

    def __init__(self, values: Mapping[str, Any], lazy: Mapping[str, Callable[[], Any]] = {}) -> None:
        self._values: dict[str, Any] = dict(values)
        self._lazy: dict[str, Callable[[], Any]] = {k: v for k, v in lazy.items() if k not in self._values}
        self._keys = list(self._values) + list(self._lazy)

    def __getitem__(self, key: str) -> Any:
        if key in self._lazy:
            self._values[key] = self._lazy.pop(key)()
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_loaded(self, key: str) -> bool:
        return key not in self._lazy

    def __repr__(self) -> str:
        shown = ", ".join(f"{k!r}: {'<not loaded>' if k in self._lazy else repr(self._values[k])[:60]}"
                          for k in self._keys)
        return f"LazyMap({{{shown}}})"


def compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` without the entries that are None, "" or empty lists."""
    return {k: v for k, v in values.items() if v is not None and v != "" and v != [] and v != ()}
