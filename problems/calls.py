"""The values of function-call problems: arguments in, a result out, as text.

A function-call test's input is one line holding the list of positional arguments and its
answer the returned value (see :class:`problems.Interface`). Both are JSON where JSON
carries the value exactly; arguments JSON cannot carry (a tuple, a set, a dict with
non-string keys, bytes, complex numbers) are written as a Python literal instead, which
the Python harnesses read with ``ast.literal_eval`` when the line is not JSON. Results are
always JSON (tuples become lists, as the harnesses print them); a result JSON cannot hold
makes no test.

Calls are read from Python text (``f(1, [2, 3])``), as they appear in HumanEval
docstrings (``>>> f(1)``), MBPP's and a tests model's ``assert f(...) == value`` lines.
"""

from __future__ import annotations

import ast
import json
import math
from typing import Any, Sequence

from sandbox.programs import AST_LOCK, parse_python

#: What a call reads as: (arguments, expected result) when the text gives one.
Call = tuple[list[Any], Any]


def _json_exact(value: Any) -> bool:
    """True when ``json.loads(json.dumps(value))`` gives back the same types and values."""
    if value is None or isinstance(value, (bool, str)):
        return True
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_json_exact(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_exact(v) for k, v in value.items())
    return False


def _jsonable(value: Any) -> Any:
    """``value`` with tuples made lists (as the harnesses print results); ValueError when
    JSON cannot hold it."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _jsonable(v) for k, v in value.items()}
    raise ValueError(f"JSON cannot hold a {type(value).__name__}")


def encode_args(args: Sequence[Any]) -> bytes | None:
    """One input line for a call with these positional arguments: JSON when it carries
    them exactly, else a Python literal; None when neither does."""
    values = list(args)
    if _json_exact(values):
        return (json.dumps(values) + "\n").encode()
    text = repr(values)
    try:
        with AST_LOCK:
            if ast.literal_eval(text) != values:
                return None
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return (text + "\n").encode()


def encode_result(value: Any) -> bytes | None:
    """The answer text for an expected result (JSON, tuples as lists), or None."""
    try:
        return json.dumps(_jsonable(value)).encode()
    except (ValueError, RecursionError):
        return None


def decode_args(data: bytes | str) -> list[Any]:
    """The arguments of an input line (JSON, else a Python literal); ValueError otherwise."""
    text = data.decode() if isinstance(data, bytes) else data
    try:
        value = json.loads(text)
    except ValueError:
        try:
            with AST_LOCK:
                value = ast.literal_eval(text.strip())
        except (SyntaxError, TypeError, MemoryError, RecursionError) as exc:
            raise ValueError(f"not JSON nor a Python literal: {exc}") from None
    if not isinstance(value, (list, tuple)):
        raise ValueError("expected a list of arguments")
    return list(value)


def read_call(expression: str | ast.expr, entry_point: str) -> list[Any] | None:
    """The literal positional arguments of ``entry_point(...)`` in ``expression``, or None
    when it is another expression, uses keywords or arguments that are not literals."""
    node = expression
    if isinstance(node, str):
        try:
            tree = parse_python(node.strip())
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return None
        if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
            return None
        node = tree.body[0].value
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == entry_point
            and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args)):
        return None
    try:
        with AST_LOCK:
            return [ast.literal_eval(a) for a in node.args]
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def read_literal(text: str | ast.expr) -> tuple[bool, Any]:
    """(True, value) when ``text`` is one Python literal, else (False, None)."""
    try:
        with AST_LOCK:
            return True, ast.literal_eval(text.strip() if isinstance(text, str) else text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def read_assert(line: str, entry_point: str) -> Call | None:
    """An assert that states a call's result, as (args, value): ``assert f(ARGS) == VALUE``
    (either side), ``assert f(ARGS) is True`` (``False``, ``None``), ``assert f(ARGS)`` (True)
    and ``assert not f(ARGS)`` (False), with literal arguments and values; else None."""
    try:
        tree = parse_python(line.strip())
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assert):
        return None
    test = tree.body[0].test
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        args = read_call(test.operand, entry_point)
        return (args, False) if args is not None else None
    if isinstance(test, ast.Call):
        args = read_call(test, entry_point)
        return (args, True) if args is not None else None
    if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is)
            and isinstance(test.comparators[0], ast.Constant)
            and any(test.comparators[0].value is v for v in (True, False, None))):
        args = read_call(test.left, entry_point)
        return (args, test.comparators[0].value) if args is not None else None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return None
    for call, other in ((test.left, test.comparators[0]), (test.comparators[0], test.left)):
        args = read_call(call, entry_point)
        if args is not None:
            ok, value = read_literal(other)
            return (args, value) if ok else None
    return None


__all__ = ["Call", "decode_args", "encode_args", "encode_result", "read_assert", "read_call", "read_literal"]
