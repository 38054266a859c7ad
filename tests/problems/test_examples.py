"""Examples read from HumanEval-style docstrings, and MBPP's first assert, as samples.

Every prompt here is invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import problems
from problems.humaneval import assert_sample, docstring_examples, docstrings, example_cases


def prompt(body: str, name: str = "stretch", params: str = "xs") -> str:
    """A HumanEval-like prompt: a function whose docstring is ``body`` (indented)."""
    lines = "\n".join(("    " + line) if line.strip() else "" for line in body.strip("\n").split("\n"))
    return f"\n\ndef {name}({params}):\n    \"\"\" Stretch things.\n{lines}\n    \"\"\"\n"


def examples(body: str, name: str = "stretch", params: str = "xs") -> list[tuple[list[Any], Any]]:
    return docstring_examples(prompt(body, name, params), name)


# ------------------------------------------------------------------------------ doctest form
def test_doctest_values_on_the_next_line() -> None:
    assert examples(">>> stretch([1, 2], 3)\n[1, 1, 1, 2, 2, 2]\n>>> stretch([], 9)\n[]") == [
        ([[1, 2], 3], [1, 1, 1, 2, 2, 2]), ([[], 9], [])]


def test_doctest_value_over_several_lines_and_continued_source() -> None:
    body = (">>> stretch(['ab',\n...          'c'])\n['aabb',\n 'cc']\n"
            ">>> stretch('z')\n'zz'\n\nWords after a blank line.\n>>> stretch('y')\n'yy'\nWords right after.")
    assert examples(body) == [([["ab", "c"]], ["aabb", "cc"]), (["z"], "zz"), (["y"], "yy")]


def test_doctest_nothing_printed_means_none() -> None:
    # a blank line, the next prompt, or the docstring's end right after the call
    body = ">>> stretch([])\n\n>>> stretch([0])\n>>> stretch(0)\n1\n>>> stretch(-1)"
    assert examples(body) == [([[]], None), ([[0]], None), ([0], 1), ([-1], None)]


def test_doctest_expected_text_that_is_not_a_literal_is_skipped() -> None:
    body = (">>> stretch(1)\n<object at 0x7f>\n>>> stretch(2)\nTraceback (most recent call last):\n"
            ">>> stretch(3)\n6")
    assert examples(body) == [([3], 6)]


def test_doctest_written_as_an_inline_comparison() -> None:
    assert examples(">>> stretch('ab') == 'aabb'\n>>> stretch('') == ''") == [(["ab"], "aabb"), ([""], "")]


def test_doctest_of_another_expression_is_skipped() -> None:
    body = ">>> round(stretch([1.5]), 1)\n3.0\n>>> x = stretch(1)\n>>> stretch(x)\n4\n>>> stretch(4)[0]\n8"
    assert examples(body) == []


# ------------------------------------------------------------------------------ inline forms
@pytest.mark.parametrize("line, expected", [
    ("stretch([1, 2]) == [1, 1, 2, 2]", ([[1, 2]], [1, 1, 2, 2])),
    ("stretch('ab') ==> 'aabb'", (["ab"], "aabb")),
    ("stretch(3)==>6", ([3], 6)),
    ("stretch(3) => 6", ([3], 6)),
    ("stretch(3) \u279e 6", ([3], 6)),
    ("stretch(3) -> 6", ([3], 6)),
    ("stretch(3) = 6", ([3], 6)),
    ("stretch(3) returns 6", ([3], 6)),
    ("stretch(3) should return 6.", ([3], 6)),
    ("stretch(3) should return 6,", ([3], 6)),
    ("stretch(3)   # returns 6", ([3], 6)),
    ("stretch(3) # => 6", ([3], 6)),
])
def test_inline_separators(line: str, expected: tuple[list[Any], Any]) -> None:
    assert examples(line) == [expected]


@pytest.mark.parametrize("prefix", ["for ", "Example: ", "e.g. ", "* ", "- ", "\u2022 ", "1. ", "For example "])
def test_inline_after_words_or_bullets(prefix: str) -> None:
    assert examples(f"{prefix}stretch((1, 2), 2) == [1, 1, 2, 2]") == [([(1, 2), 2], [1, 1, 2, 2])]


def test_inline_values_followed_by_prose() -> None:
    body = """
stretch('ab') ==> 'aabb' (every letter twice)
stretch([4]) returns [4, 4] # since there is one item
stretch(7) should return 14 when doubled, and nothing else.
The doubling means stretch(5) should
return 10 and stretch(-5) should return -10.
stretch(2) == 4, stretch(1) == 2
"""
    assert examples(body) == [(["ab"], "aabb"), ([[4]], [4, 4]), ([7], 14), ([5], 10), ([-5], -10),
                              ([2], 4), ([1], 2)]


def test_inline_values_that_are_not_literals_are_skipped() -> None:
    body = """
stretch(1) == 2 + 3 + 4
stretch(1) == True or False
stretch(1) == ""x"
stretch(1) == stretch(0) + 1
stretch(2) == [1, 2
"""
    assert examples(body) == []


def test_inline_arithmetic_chain_gives_its_last_term() -> None:
    assert examples("stretch([3, 4]) -> 3 + 4 - 1 = 6\nstretch([2]) == 2 * 2 = 4.") == [([[3, 4]], 6), ([[2]], 4)]


def test_inline_call_and_value_over_several_lines() -> None:
    body = "stretch([\n  [1, 2],\n  [3]\n], 1) == [\n  [1, 2], [3]]\nstretch([], 1) == []"
    assert examples(body) == [([[[1, 2], [3]], 1], [[1, 2], [3]]), ([[], 1], [])]


def test_inline_json_words_and_none() -> None:
    assert examples("stretch(1) => true\nstretch(0) => null\nstretch(2) => None") == [
        ([1], True), ([0], None), ([2], None)]


def test_only_literal_calls_of_the_entry_point() -> None:
    body = """
shrink(3) == 1
my_stretch(3) == 6
obj.stretch(3) == 6
stretch(n) == 2 * n
stretch(xs=[1]) == [1, 1]
stretch(*[1]) == 2
stretch() that returns nothing
stretch(1) == 2
"""
    assert examples(body) == [([1], 2)]


def test_unparsable_lines_are_skipped_and_the_rest_read() -> None:
    body = "stretch([1, 2) == [1]\nstretch('a) == 'aa'\nstretch([1]) [1, 1]\nstretch(1) ==\nstretch(9) == 18"
    assert examples(body) == [([9], 18)]


def test_doctest_and_inline_examples_in_one_docstring_keep_their_order() -> None:
    body = "stretch(0) -> 0\nstretch(n) -> stretch(n-1) + 2\n>>> stretch(1)\n2\nstretch(2) -> 4"
    assert examples(body) == [([0], 0), ([1], 2), ([2], 4)]


def test_escapes_are_read_as_written_in_the_source() -> None:
    source = '\n\ndef stretch(s):\n    """\n    >>> stretch("a\\nb")\n    \'aa\\n\\nbb\'\n    """\n'
    assert docstring_examples(source, "stretch") == [(["a\nb"], "aa\n\nbb")]


def test_every_docstring_of_the_prompt_is_read() -> None:
    source = ('"""Module notes: stretch(1) == 2"""\n\n\ndef helper(x):\n    """ helper(1) == 5, stretch(2) == 4 """\n'
              '    return x\n\n\ndef stretch(x):\n    """ >>> stretch(3)\n    6\n    """\n')
    assert docstring_examples(source, "stretch") == [([1], 2), ([2], 4), ([3], 6)]


def test_a_prompt_that_does_not_parse_is_searched_for_triple_quoted_text() -> None:
    source = "def stretch(x:\n    '''\n    stretch(4) == 8\n    '''\n"
    assert docstrings(source) == ["\n    stretch(4) == 8\n    "]
    assert docstring_examples(source, "stretch") == [([4], 8)]


# ------------------------------------------------------------------------------ encoding
def test_example_cases_encode_and_deduplicate() -> None:
    body = """
>>> stretch((1, 2), {3: 'c'})
(1, 1, 2, 2)
stretch((1, 2), {3: 'c'}) == (9,)
stretch([1], {'k': 2}) == {'k': [1, 1]}
stretch({1, 2}, 1) == {1, 2}
stretch(1e999, 1) == 0
"""
    cases = example_cases(prompt(body, params="xs, ys"), "stretch")
    # sets cannot be a result, inf is not a literal argument; the second (1, 2) example repeats an input
    assert [(c.name, c.input, c.answer, c.group) for c in cases] == [
        ("example-1", b"[(1, 2), {3: 'c'}]\n", b"[1, 1, 2, 2]", "example"),
        ("example-2", b'[[1], {"k": 2}]\n', b'{"k": [1, 1]}', "example"),
    ]


def test_none_result_is_json_null() -> None:
    cases = example_cases(prompt(">>> stretch([])\n"), "stretch")
    assert [(c.input, c.answer) for c in cases] == [(b"[[]]\n", b"null")]


# ------------------------------------------------------------------------------ loaded rows
def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def humaneval_row(task_id: str, body: str) -> dict[str, Any]:
    return {"task_id": task_id, "prompt": prompt(body), "entry_point": "stretch",
            "canonical_solution": "    return xs * 2\n",
            "test": "def check(candidate):\n    assert candidate(1) == 2\n"}


def test_humaneval_rows_load_with_example_samples(tmp_path: Path) -> None:
    rows = [humaneval_row("Mine/0", ">>> stretch(2)\n4\n>>> stretch('ab')\n'abab'\nstretch(2) == 4\n"),
            humaneval_row("Mine/1", "No examples at all.")]
    ps = problems.load(write_jsonl(tmp_path / "mine.jsonl", rows))
    first, second = ps
    assert "samples" not in first.__dict__  # read on first use, not when the set is listed
    assert [(t.name, t.input, t.answer, t.group) for t in first.samples] == [
        ("example-1", b"[2]\n", b"4", "example"), ("example-2", b'["ab"]\n', b'"abab"', "example")]
    assert first.tests == () and first.test_program.startswith("def check(candidate):")
    assert second.samples == ()


def test_mbpp_first_assert_is_the_sample(tmp_path: Path) -> None:
    rows = [{"task_id": 11, "text": "Write a function to repeat each item of a tuple.",
             "code": "def repeat_items(t, k):\n    return tuple(x for x in t for _ in range(k))",
             "test_setup_code": "", "challenge_test_list": [],
             "test_list": ["assert repeat_items((1, 2), 2) == (1, 1, 2, 2)", "assert repeat_items((), 3) == ()"]},
            {"task_id": 12, "text": "Write a function to list the distinct letters of a word.",
             "code": "def letters(w):\n    return set(w)", "test_setup_code": "", "challenge_test_list": [],
             "test_list": ["assert sorted(letters('aba')) == ['a', 'b']", "assert letters('') == set()"]}]
    ps = problems.load(write_jsonl(tmp_path / "mbpp.jsonl", rows))
    repeat, letters = ps
    assert [(t.name, t.input, t.answer, t.group) for t in repeat.samples] == [
        ("example-1", b"[(1, 2), 2]\n", b"[1, 1, 2, 2]", "sample")]
    assert letters.samples == ()  # the first assert wraps the call: no sample


def test_assert_sample_needs_an_encodable_result() -> None:
    assert assert_sample("assert letters('ab') == {'a', 'b'}", "letters") == []
    assert assert_sample("assert letters('ab') == 2", "other") == []
    assert [t.answer for t in assert_sample("assert 2 == letters('ab')", "letters")] == [b"2"]
