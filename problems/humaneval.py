"""HumanEval and MBPP rows: Python function problems whose hidden tests are a test program.

This one module reads both formats, through two pairs of functions:
``matches_humaneval``/``to_problem_humaneval`` and ``matches_mbpp``/``to_problem_mbpp``.

HumanEval (``task_id``, ``prompt``, ``canonical_solution``, ``test``, ``entry_point``):

* ``id`` = ``task_id`` with ``/`` made ``_`` (``HumanEval_0``), ``title`` = ``entry_point``;
* ``statement`` = ``interface.starter_code`` = ``prompt``; ``interface`` a function with
  the entry point and the signature parsed from the prompt;
* ``test_program`` = ``test`` as it is: the harness (:func:`sandbox.judge_test_program`)
  calls ``check(candidate)`` itself when the program defines ``check``;
* ``metadata["canonical_solution"]`` = ``canonical_solution`` (a function body), and
  ``metadata["solutions"]`` = one complete program, ``prompt + canonical_solution``.

MBPP (``task_id``, ``text``, ``code``, ``test_list``, ``test_setup_code``,
``challenge_test_list``; the "sanitized" variant's ``prompt`` and ``test_imports`` are read
in place of ``text`` and ``test_setup_code``):

* ``id`` = ``task_id`` as a string; ``title`` = the first line of ``text``, shortened;
* ``statement`` = ``text``, then the first assert as an example;
* the entry point is the function the first assert calls (``assert NAME(...)``, looking
  through wrappers such as ``set(...)`` or ``math.isclose(...)``), the signature that of
  its definition in ``code``;
* ``test_program`` = ``test_setup_code`` then every line of ``test_list``, joined by
  newlines. ``challenge_test_list`` is not part of it (MBPP's scores use ``test_list``); it
  is kept in ``metadata["challenge_tests"]``;
* ``metadata["code"]`` = ``code``, and ``metadata["solutions"]`` = that one program.

Both have no samples and no test cases (``tests`` is empty); the checker is ``json`` (the
function-call convention) and limits 10 s, 256 MB, the default of ``judge_test_program``,
because the whole test program is one run. ``metadata["dataset"]`` is ``humaneval`` or
``mbpp``.
"""

from __future__ import annotations

import ast
import builtins
import re
from typing import Any, Mapping

from sandbox import Checker, Limits

from ._rows import RowReader, has_fields, safe_id, signature_from_source, solution, title_from_text
from .model import Interface, Problem

#: The fields that identify a HumanEval row.
HUMANEVAL_FIELDS = ("task_id", "prompt", "test", "entry_point")
#: The fields that identify an MBPP row (``text`` or, in the sanitized variant, ``prompt``).
MBPP_FIELDS = ("task_id", "test_list", "code")

#: Limits of a test-program problem: one run executes every assertion.
TEST_PROGRAM_LIMITS = Limits(time_s=10.0)

_ASSERT_CALL = re.compile(r"assert\s+\(?\s*([A-Za-z_]\w*)\s*\(")


def matches_humaneval(row: Mapping[str, Any]) -> bool:
    return has_fields(row, HUMANEVAL_FIELDS)


def matches_mbpp(row: Mapping[str, Any]) -> bool:
    return has_fields(row, MBPP_FIELDS) and ("text" in row or "prompt" in row)


def to_problem_humaneval(row: Mapping[str, Any], index: int, path: str) -> Problem:
    r = RowReader(row, index, path)
    task_id = r.ident("task_id")
    prompt = r.text("prompt", required=True)
    entry = r.text("entry_point", required=True).strip()
    if not entry.isidentifier():
        raise r.error("entry_point", f"expected a Python identifier, got {entry!r}")
    canonical = r.text("canonical_solution")
    return Problem(
        id=safe_id(task_id),
        title=entry,
        statement_ref=prompt,
        limits=TEST_PROGRAM_LIMITS,
        checker=Checker(kind="json"),
        interface=Interface("function", entry, signature_from_source(prompt, entry), prompt),
        test_program=r.text("test", required=True),
        metadata={"dataset": "humaneval", "canonical_solution": canonical,
                  "solutions": [solution("python", prompt + canonical)] if canonical else []},
        source=path,
    )


def to_problem_mbpp(row: Mapping[str, Any], index: int, path: str) -> Problem:
    r = RowReader(row, index, path)
    task_id = r.ident("task_id")
    text = r.text("text") if "text" in row else r.text("prompt")
    asserts = [a for a in r.strings("test_list") if a.strip()]
    if not asserts:
        raise r.error("test_list", "expected a non-empty list of assert lines")
    entry = entry_point_of(asserts[0])
    if entry is None:
        raise r.error("test_list", f"expected the first test to be an assert calling the function, "
                                   f"got {asserts[0][:80]!r}")
    code = r.text("code")
    setup = r.text("test_setup_code") if "test_setup_code" in row else "\n".join(r.strings("test_imports"))
    metadata: dict[str, Any] = {"dataset": "mbpp", "code": code,
                                "solutions": [solution("python", code)] if code.strip() else []}
    if r.strings("challenge_test_list"):
        metadata["challenge_tests"] = r.strings("challenge_test_list")
    return Problem(
        id=safe_id(task_id),
        title=title_from_text(text, f"MBPP {task_id}"),
        statement_ref=f"{text.strip()}\n\nYour code should pass this test:\n\n{asserts[0].strip()}\n",
        limits=TEST_PROGRAM_LIMITS,
        checker=Checker(kind="json"),
        interface=Interface("function", entry, signature_from_source(code, entry) if code else None),
        test_program="\n".join(([setup] if setup.strip() else []) + asserts) + "\n",
        metadata=metadata,
        source=path,
    )


def entry_point_of(assert_line: str) -> str | None:
    """The function an MBPP assert tests: the outermost call of a name that is not a
    builtin (``assert set(f(x)) == ...`` -> ``f``), else ``assert NAME(`` by pattern."""
    try:
        tree = ast.parse(assert_line.strip())
    except SyntaxError:
        tree = None
    if tree is not None:
        for node in ast.walk(tree):  # breadth first: outer calls before inner ones
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and not hasattr(builtins, node.func.id):
                return node.func.id
    found = _ASSERT_CALL.match(assert_line.strip())
    return found.group(1) if found else None
