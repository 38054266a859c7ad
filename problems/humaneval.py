"""HumanEval and MBPP rows: Python function problems whose hidden tests are a test program.

This one module reads both formats, through two pairs of functions:
``matches_humaneval``/``to_problem_humaneval`` and ``matches_mbpp``/``to_problem_mbpp``.

HumanEval (``task_id``, ``prompt``, ``canonical_solution``, ``test``, ``entry_point``):

* ``id`` = ``task_id`` with ``/`` made ``_`` (``HumanEval_0``), ``title`` = ``entry_point``;
* ``statement`` = ``interface.starter_code`` = ``prompt``; ``interface`` a function with
  the entry point and the signature parsed from the prompt;
* ``test_program`` = ``test`` as it is: the harness (:func:`sandbox.judge_test_program`)
  calls ``check(candidate)`` itself when the program defines ``check``;
* ``samples`` = the examples written in the prompt's docstrings (:func:`docstring_examples`:
  doctests and inline forms such as ``f(1) == 2``, ``f(1) ➞ 2``, ``f(1) returns 2``), read
  on first use, as tests ``example-1``, ``example-2``, ... of group ``example``: an example
  read from the statement's text that the judge does not check (HumanEval judges with its
  test program only; a few docstring examples are wrong). Examples whose arguments or
  value cannot be encoded (:mod:`problems.calls`) are left out, and so are repeated inputs;
* ``metadata["canonical_solution"]`` = ``canonical_solution`` (a function body), and
  ``metadata["solutions"]`` = one complete program, ``prompt + canonical_solution``.

MBPP (``task_id``, ``text``, ``code``, ``test_list``, ``test_setup_code``,
``challenge_test_list``; the "sanitized" variant's ``prompt`` and ``test_imports`` are read
in place of ``text`` and ``test_setup_code``):

* ``id`` = ``task_id`` as a string; ``title`` = the first line of ``text``, shortened;
* ``statement`` = ``text``, then the first assert as an example;
* ``samples`` = that first assert, when it reads as ``assert f(ARGS) == VALUE`` with
  literals (:func:`problems.calls.read_assert`): one test ``example-1`` of group
  ``sample``, since it is also one of the judged tests; none otherwise (``set(f(x)) == ...``);
* the entry point is the function the first assert calls (``assert NAME(...)``, looking
  through wrappers such as ``set(...)`` or ``math.isclose(...)``), the signature that of
  its definition in ``code``;
* ``test_program`` = ``test_setup_code`` then every line of ``test_list``, joined by
  newlines. ``challenge_test_list`` is not part of it (MBPP's scores use ``test_list``); it
  is kept in ``metadata["challenge_tests"]``;
* ``metadata["code"]`` = ``code``, and ``metadata["solutions"]`` = that one program.

Both have no hidden test cases (``tests`` is empty); the checker is ``json`` (the
function-call convention) and limits 3 s, 256 MB, the timeout of HumanEval's own harness,
for the whole test program, which is one run (one call of the function gets
:data:`problems.judging.TEST_PROGRAM_CALL_LIMITS`). ``metadata["dataset"]`` is ``humaneval`` or
``mbpp``.
"""

from __future__ import annotations

import ast
import builtins
import json
import re
from typing import Any, Mapping

from sandbox import Limits
from sandbox.programs import AST_LOCK, parse_python

from ._rows import RowReader, has_fields, safe_id, signature_from_source, solution, title_from_text
from .calls import encode_args, encode_result, read_assert, read_call, read_literal
from .judging import Checker
from .model import Interface, Problem, TestCase

#: The fields that identify a HumanEval row.
HUMANEVAL_FIELDS = ("task_id", "prompt", "test", "entry_point")
#: The fields that identify an MBPP row (``text`` or, in the sanitized variant, ``prompt``).
MBPP_FIELDS = ("task_id", "test_list", "code")

#: Limits of a test-program problem: one run executes every assertion.
TEST_PROGRAM_LIMITS = Limits(time_s=3.0)

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
        samples_ref=lambda: example_cases(prompt, entry),
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
        samples_ref=lambda: assert_sample(asserts[0], entry),
        limits=TEST_PROGRAM_LIMITS,
        checker=Checker(kind="json"),
        interface=Interface("function", entry, signature_from_source(code, entry) if code else None),
        test_program="\n".join(([setup] if setup.strip() else []) + asserts) + "\n",
        metadata=metadata,
        source=path,
    )


def assert_sample(line: str, entry_point: str) -> list[TestCase]:
    """MBPP's first assert as the problem's one sample (group ``sample``, it is also judged),
    when it reads as ``assert f(ARGS) == VALUE`` with literals that encode; else none."""
    call = read_assert(line, entry_point)
    if call is None:
        return []
    data, answer = encode_args(call[0]), encode_result(call[1])
    if data is None or answer is None:
        return []
    return [TestCase("example-1", data, answer, "sample")]


def entry_point_of(assert_line: str) -> str | None:
    """The function an MBPP assert tests: the outermost call of a name that is not a
    builtin (``assert set(f(x)) == ...`` -> ``f``), else ``assert NAME(`` by pattern."""
    try:
        tree = parse_python(assert_line.strip())
    except (SyntaxError, ValueError):
        tree = None
    if tree is not None:
        for node in ast.walk(tree):  # breadth first: outer calls before inner ones
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and not hasattr(builtins, node.func.id):
                return node.func.id
    found = _ASSERT_CALL.match(assert_line.strip())
    return found.group(1) if found else None


# ------------------------------------------------------------------------------ docstring examples
#: Where a triple-quoted string is, for prompts that do not parse.
_TRIPLE_QUOTED = re.compile(r"(?s)(?<![\w'\"])[rRuU]?(\"\"\"|''')(.*?)\1")
#: The string prefix and quotes around a docstring's source.
_QUOTES = re.compile(r"(?s)^[rRuUbBfF]{0,2}(\"\"\"|'''|\"|')(.*)\1$")
#: What separates an inline example's call from its value (``f(1) == 2``, ``f(1) # => 2``).
_SEPARATOR = re.compile(r"[ \t]*(?:#[ \t]*)?(?:==>|=>|==|->|\u279e|\u2192|=(?!=)|returns\b|"
                        r"should[ \t]*\n?[ \t]*return\b)[ \t]*")
#: What may follow a value on its line: a comment or punctuation (``[1, 5] # why``,
#: ``2, f(3) == 4``), or words (``'No' (the name ...)``, ``15 and f(2) should ...``).
_COMMENT_OR_PUNCTUATION = re.compile(r"[ \t]*#|[.,;:!?]\s")
_WORDS = re.compile(r"[ \t]+\(?[A-Za-z]")
#: A doctest prompt line and its continuation lines.
_PS1 = re.compile(r"^\s*>>>(?: |$)")
_PS2 = re.compile(r"^\s*\.\.\.(?: |$)")
#: How far (characters) a call written over several lines is followed.
_MAX_CALL_CHARS = 4000
#: How many lines an inline example's value written over several lines may take.
_MAX_VALUE_LINES = 30


def docstring_examples(prompt: str, entry_point: str) -> list[tuple[list[Any], Any]]:
    """The examples written in ``prompt``'s docstrings, as (positional arguments, expected
    value), in order: doctests (``>>> f(1)`` then the value on the following lines; nothing
    before a blank line or the docstring's end means None) and inline forms (``f(1) == 2``,
    ``==>``, ``=>``, ``->``, ``➞``, ``=``, ``returns``, ``should return``, also after
    ``>>>``). Only calls of ``entry_point`` with literal arguments and a literal value count
    (JSON's ``true``/``false``/``null`` are read too); other text is skipped."""
    examples: list[tuple[list[Any], Any]] = []
    for doc in docstrings(prompt):
        examples.extend(_examples_in(doc, entry_point))
    return examples


def docstrings(prompt: str) -> list[str]:
    """The source text (escapes as written, quotes removed) of the module's, classes' and
    functions' docstrings in ``prompt``; of every triple-quoted string when it does not parse."""
    try:
        tree = parse_python(prompt)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return [m.group(2) for m in _TRIPLE_QUOTED.finditer(prompt)]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                quoted = _QUOTES.match(ast.get_source_segment(prompt, first.value) or "")
                if quoted:
                    found.append(quoted.group(2))
    return found


def _examples_in(doc: str, entry: str) -> list[tuple[list[Any], Any]]:
    """The examples of one docstring: doctest blocks first claim their lines, inline calls
    are read from the rest."""
    examples: list[tuple[int, tuple[list[Any], Any]]] = []
    lines = doc.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    claimed: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _PS1.match(lines[i]):
            i += 1
            continue
        end, example = _doctest_block(lines, i, entry)
        claimed.append((starts[i], starts[end]))
        if example is not None:
            examples.append((starts[i], example))
        i = end
    pos = 0
    call = re.compile(rf"(?<![\w.]){re.escape(entry)}[ \t]*\(")
    for m in call.finditer(doc):
        if m.start() < pos or any(a <= m.start() < b for a, b in claimed):
            continue
        found = _inline_example(doc, m.start(), entry)
        if found is not None:
            end, example = found
            examples.append((m.start(), example))
            pos = end
    return [e for _, e in sorted(examples, key=lambda item: item[0])]


def _doctest_block(lines: list[str], i: int, entry: str) -> tuple[int, tuple[list[Any], Any] | None]:
    """The doctest starting at line ``i``: the index of the first line it does not use, and
    its example when the source is a call of ``entry`` (value on the following lines, up to
    the next ``>>>`` or a blank line: the most of them that read as one literal, so prose
    right after a value is left to the inline forms) or an inline form."""
    source = [_PS1.sub("", lines[i], count=1)]
    j = i + 1
    while j < len(lines) and _PS2.match(lines[j]):
        source.append(_PS2.sub("", lines[j], count=1))
        j += 1
    stop = j
    while stop < len(lines) and lines[stop].strip() and not _PS1.match(lines[stop]):
        stop += 1
    want = [line.strip() for line in lines[j:stop]]
    text = "\n".join(source).strip()
    args = read_call(text, entry)
    if args is None:
        found = _inline_example(text, 0, entry)
        return j, (found[1] if found is not None else None)
    if not want:
        return j, (args, None)
    for k in range(len(want), 0, -1):
        ok, value = _read_value("\n".join(want[:k]))
        if ok:
            return j + k, (args, value)
    return j, None


def _inline_example(text: str, start: int, entry: str) -> tuple[int, tuple[list[Any], Any]] | None:
    """An inline example whose call starts at ``text[start]``: (the offset after its value,
    (args, value)), or None."""
    call_end = _call_end(text, start)
    if call_end is None:
        return None
    args = read_call(text[start:call_end], entry)
    sep = _SEPARATOR.match(text, call_end)
    if args is None or sep is None:
        return None
    line_end = text.find("\n", sep.end())
    line_end = len(text) if line_end < 0 else line_end
    found = _value_prefix(text[sep.end():line_end]) or _multiline_value(text, sep.end())
    if found is None:
        return None
    length, value = found
    return sep.end() + length, (args, value)


def _multiline_value(text: str, start: int) -> tuple[int, Any] | None:
    """A literal that opens a bracket on ``text[start]``'s line and closes it on a later one
    (never past a blank line): (its length, value), or None."""
    lines = text[start:].split("\n", _MAX_VALUE_LINES)[:_MAX_VALUE_LINES]
    if sum(lines[0].count(c) for c in "([{") <= sum(lines[0].count(c) for c in ")]}"):
        return None
    for k in range(2, len(lines) + 1):
        if not lines[k - 1].strip():
            return None
        chunk = "\n".join(lines[:k]).rstrip().rstrip(".,;").rstrip()
        ok, value = _read_value(chunk)
        if ok:
            return len(chunk), value
    return None


def _call_end(text: str, start: int) -> int | None:
    """The offset after the ``)`` that closes the call starting at ``text[start]`` (which
    may span lines, never a blank one), or None."""
    stop = min(len(text), start + _MAX_CALL_CHARS)
    blank = re.compile(r"\n[ \t]*\n").search(text, start, stop)
    stop = blank.start() if blank else stop
    close = text.find(")", start)
    while 0 <= close < stop:
        if _is_expression(text[start:close + 1]):
            return close + 1
        close = text.find(")", close + 1)
    return None


def _value_prefix(text: str) -> tuple[int, Any] | None:
    """The expected value at the start of ``text`` (the rest of a line): (its length, value).
    The whole text without a trailing ``.``/``,``; else the longest literal followed by a
    comment, punctuation or words (when the whole is not one Python expression, so
    ``True or False`` is no value); else the last term of an arithmetic chain (``1 + 2 = 3``)."""
    whole = text.rstrip().rstrip(".,;").rstrip()
    ok, value = _read_value(whole)
    if ok and whole:
        return len(whole), value
    expression = _is_expression(whole)
    for cut in range(len(whole) - 1, 0, -1):
        if _COMMENT_OR_PUNCTUATION.match(whole, cut) or (not expression and _WORDS.match(whole, cut)):
            ok, value = _read_value(whole[:cut])
            if ok:
                return cut, value
    return _chain_value(whole)


def _chain_value(text: str) -> tuple[int, Any] | None:
    """``EXPR = ... = VALUE`` where every EXPR is arithmetic on numbers: (length, VALUE)."""
    parts = re.split(r"(?<![=!<>])=(?!=)", text)
    if len(parts) < 2 or not all(_is_arithmetic(p) for p in parts[:-1]):
        return None
    last = parts[-1]
    found = _value_prefix(last) if last.strip() else None
    if found is None:
        return None
    length, value = found
    return len(text) - len(last) + length, value


def _read_value(text: str) -> tuple[bool, Any]:
    """A Python literal, else JSON (``true``, ``null``): (True, value), or (False, None)."""
    ok, value = read_literal(text)
    if ok:
        return ok, value
    try:
        return True, json.loads(text)
    except ValueError:
        return False, None


def _is_expression(text: str) -> bool:
    """True when ``text`` parses as one Python expression."""
    try:
        with AST_LOCK:
            ast.parse(text.strip(), mode="eval")
        return True
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False


def _is_arithmetic(text: str) -> bool:
    """True when ``text`` is an expression of number constants and arithmetic operators."""
    try:
        with AST_LOCK:
            tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.operator, ast.unaryop)
    return all(isinstance(n, allowed) or (isinstance(n, ast.Constant) and type(n.value) in (int, float))
               for n in ast.walk(tree))


def example_cases(prompt: str, entry_point: str) -> list[TestCase]:
    """The docstring examples as tests of group ``example`` (named ``example-1``, ...): one per
    distinct input whose arguments and value both encode; the first of equal inputs is kept."""
    cases: list[TestCase] = []
    seen: set[bytes] = set()
    for args, value in docstring_examples(prompt, entry_point):
        data, answer = encode_args(args), encode_result(value)
        if data is None or answer is None or data in seen:
            continue
        seen.add(data)
        cases.append(TestCase(f"example-{len(cases) + 1}", data, answer, "example"))
    return cases
