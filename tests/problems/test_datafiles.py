"""Data-file loaders: CodeContests (JSONL, Parquet), APPS, LiveCodeBench, HumanEval, MBPP.

The fixtures under ``fixtures/`` are small invented problems written in each dataset's
upstream layout. The end-to-end tests at the bottom run the fixtures' reference solutions
through the real sandbox.
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import sys
import zlib
from pathlib import Path

import pytest

from problems import _rows, apps, datafiles, livecodebench
from problems.datafiles import load_data_file
from problems.errors import ProblemError, UnknownFormat
from problems.humaneval import entry_point_of
from problems.judging import Checker, Verdict, function_call_program, judge, judge_test_program
from problems.model import Problem
from sandbox import Limits, Program

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def io(tests) -> list[tuple[str, bytes, bytes, str]]:
    return [(t.name, t.input, t.answer, t.group) for t in tests]


def assert_not_decoded(problem: Problem) -> None:
    """Neither samples nor tests were loaded while the set was listed."""
    assert "tests" not in problem.__dict__ and "samples" not in problem.__dict__


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def lcb_row(**changes: object) -> dict:
    row = json.loads(Path(fixture("livecodebench.jsonl")).read_text().splitlines()[1])
    row.update(changes)
    return row


# ------------------------------------------------------------------------------ CodeContests
CC_DESCRIPTION_START = "Lanterns hang along a street, the i-th with brightness a_i."


@pytest.mark.parametrize("name", ["codecontests.jsonl", "codecontests.parquet"])
def test_codecontests(name: str) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    ps = load_data_file(fixture(name))
    assert ps.name == "codecontests" and ps.source == fixture(name)
    assert [p.id for p in ps] == ["9901_A. Lantern Sum", "p99001 Shout Back"]
    assert [p.title for p in ps] == ["Lantern Sum", "Shout Back"]
    for p in ps:
        assert_not_decoded(p)
    lantern, shout = ps

    assert lantern.test_count_hint == 3 and shout.test_count_hint == 2
    assert lantern.limits == Limits(time_s=1.5, memory_mb=256)
    assert shout.limits == Limits(time_s=2.0, memory_mb=256)  # null time limit, 0 bytes: defaults
    assert lantern.interface.kind == "stdio" and lantern.checker == Checker()
    assert lantern.test_program is None and lantern.source == fixture(name)
    assert lantern.statement.startswith(CC_DESCRIPTION_START)

    assert io(lantern.samples) == [("public-1", b"3\n1 2 3\n", b"6\n", "sample")]
    assert io(lantern.tests) == [("private-1", b"1\n5\n", b"5\n", "secret"),
                                 ("private-2", b"4\n-1 -2 10 0\n", b"7\n", "secret"),
                                 ("generated-1", b"2\n1000000000 1000000000\n", b"2000000000\n", "secret")]
    assert lantern.test_count == len(lantern.tests) == 3
    assert [t.name for t in shout.all_tests()] == ["public-1", "generated-1", "generated-2"]

    meta = lantern.metadata
    assert {k: meta[k] for k in ("dataset", "source", "difficulty", "rating", "tags", "url")} == {
        "dataset": "codecontests", "source": "codeforces", "difficulty": "A", "rating": 800,
        "tags": ["implementation", "math"], "url": "https://codeforces.com/problemset/problem/9901/A"}
    assert [s["language"] for s in meta["solutions"]] == ["python", "cpp"]
    assert meta["solutions"][0]["source"] == "input()\nprint(sum(map(int, input().split())))\n"
    assert meta["incorrect_solutions"] == [{"language": "python2", "source": "n = input()\nprint n\n"}]
    # unknown difficulty (0), rating 0 and empty tags are left out
    assert dict(shout.metadata) == {
        "dataset": "codecontests", "source": "atcoder",
        "solutions": [{"language": "python", "source": "print(input().upper())\n"}], "incorrect_solutions": []}


def test_codecontests_parquet_reads_only_cheap_columns_when_listing(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    read: list[str] = []
    original = datafiles._ArrowColumns.value  # where every Arrow value becomes a Python object

    def spy(self: datafiles._ArrowColumns, key: str, row: int):
        read.append(key)
        return original(self, key, row)

    monkeypatch.setattr(datafiles._ArrowColumns, "value", spy)
    ps = load_data_file(fixture("codecontests.parquet"))
    heavy = {"description", "public_tests", "private_tests", "generated_tests", "solutions", "incorrect_solutions"}
    assert read and not heavy & set(read)
    assert ps[0].test_count == 3  # the hint, from the Arrow list lengths
    assert not heavy & set(read)
    assert len(ps[0].tests) == 3 and "private_tests" in read


def test_metadata_solutions_are_loaded_on_first_access() -> None:
    p = load_data_file(fixture("codecontests.jsonl"))[0]
    meta = p.metadata
    assert isinstance(meta, _rows.LazyMap) and not meta.is_loaded("solutions")
    assert "solutions" in meta and len(meta) == len(list(meta))
    assert meta["solutions"] and meta.is_loaded("solutions")
    json.dumps(dict(meta))  # materialised, it is plain JSON data


# ------------------------------------------------------------------------------ APPS
def test_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []
    original = _rows.RowReader.json_text

    def spy(self: _rows.RowReader, key: str, default: object = None):
        decoded.append(key)
        return original(self, key, default)

    monkeypatch.setattr(_rows.RowReader, "json_text", spy)
    ps = load_data_file(fixture("apps.jsonl"))
    assert decoded == []  # fn_name is found without decoding input_output
    assert [p.id for p in ps] == ["4321", "4322"]
    stdin, call = ps
    for p in ps:
        assert_not_decoded(p)
        assert p.samples == ()  # APPS has no samples
        assert p.limits == Limits() and p.test_count_hint is None
    assert stdin.title == "Mira has two piles of pebbles, of sizes a and b. Print the…"
    assert stdin.statement.startswith("Mira has two piles of pebbles")
    assert stdin.interface.kind == "stdio" and stdin.checker.kind == "default"
    assert io(stdin.tests) == [("test-1", b"3 5\n", b"5\n", "secret"),  # strings kept
                               ("test-2", b"10 2", b"10", "secret")]    # lists of lines joined
    assert decoded == ["input_output"]

    assert call.interface.kind == "function" and call.interface.entry_point == "count_chars"
    assert call.interface.signature == "def count_chars(s, chars)"
    assert call.interface.starter_code == "def count_chars(s, chars):\n\t"
    assert call.checker.kind == "json"
    # one-element output lists are unwrapped: the answer is the return value
    assert io(call.tests) == [("test-1", b'["Hello", "aeiou"]', b"2", "secret"),
                              ("test-2", b'["xyz", "aeiou"]', b"0", "secret"),
                              ("test-3", b'["banana", "AN"]', b"5", "secret")]
    for t in call.tests:
        assert isinstance(json.loads(t.input), list)
    assert {k: call.metadata[k] for k in ("dataset", "source", "difficulty", "url")} == {
        "dataset": "apps", "source": "codewars", "difficulty": "introductory",
        "url": "https://www.codewars.com/kata/0000000000000000000c0de5"}
    assert stdin.metadata["source"] == "codeforces"
    assert stdin.metadata["solutions"] == [
        {"language": "python", "source": "a, b = map(int, input().split())\nprint(max(a, b))\n"}]


def test_apps_outputs_are_unwrapped_only_when_all_are_one_element_lists() -> None:
    def answers(outputs: list, inputs: list | None = None) -> list[bytes]:
        row = {"problem_id": 1, "question": "q", "solutions": "[]", "difficulty": "interview", "url": "",
               "starter_code": "", "input_output": json.dumps(
                   {"fn_name": "f", "inputs": inputs or [[1]] * len(outputs), "outputs": outputs})}
        return [t.answer for t in apps.to_problem(row, 0, "x.jsonl").tests]

    assert answers([[[1, 2]], [[3]]]) == [b"[1, 2]", b"[3]"]  # every output wrapped: unwrapped
    assert answers([[1, 2], [3]]) == [b"[1, 2]", b"[3]"]      # not all one-element lists: kept
    assert answers([7, True]) == [b"7", b"true"]
    # a non-list input is the single argument
    row_inputs = answers([[1]], inputs=[5])
    assert row_inputs == [b"1"]


def test_apps_empty_input_output_means_no_tests() -> None:
    row = {"problem_id": 2, "question": "q", "solutions": "", "input_output": "", "difficulty": "", "url": "",
           "starter_code": ""}
    p = apps.to_problem(row, 0, "x.jsonl")
    assert p.tests == () and p.interface.kind == "stdio" and p.metadata["solutions"] == []


# ------------------------------------------------------------------------------ LiveCodeBench
def test_livecodebench(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = livecodebench.decode_compressed

    def spy(r, field, text):
        calls.append(field)
        return original(r, field, text)

    monkeypatch.setattr(livecodebench, "decode_compressed", spy)
    ps = load_data_file(fixture("livecodebench.jsonl"))
    assert [p.id for p in ps] == ["abc990_a", "9990"]
    assert [p.title for p in ps] == ["Tile Count", "Count Elements Above Threshold"]
    stdin, func = ps
    for p in ps:
        assert_not_decoded(p)
        assert p.limits == Limits() and p.test_program is None
    assert calls == []

    assert stdin.interface.kind == "stdio" and stdin.checker.kind == "default"
    assert stdin.statement.startswith("A floor is W tiles wide")
    assert io(stdin.samples) == [("public-1", b"3 4\n", b"12\n", "sample")]
    assert io(stdin.tests) == [("private-1", b"1 1\n", b"1\n", "secret"),
                               ("private-2", b"100 100\n", b"10000\n", "secret")]
    assert dict(stdin.metadata) == {"dataset": "livecodebench", "source": "atcoder", "difficulty": "easy",
                                    "date": "2024-03-02T00:00:00", "contest_id": "abc990"}
    assert calls == []  # plain JSON private tests

    assert func.interface.kind == "function" and func.interface.entry_point == "countAbove"
    assert func.interface.signature == "def countAbove(nums: List[int], k: int) -> int"
    assert func.interface.starter_code.startswith("class Solution:\n    def countAbove(self")
    assert func.checker.kind == "json"
    assert io(func.samples) == [("public-1", b"[[3, 1, 8], 2]", b"2", "sample")]
    assert calls == []  # samples are plain JSON; the compressed tests are still untouched
    assert io(func.tests) == [("private-1", b"[[], 0]", b"0", "secret"),
                              ("private-2", b"[[5, 5, 5], 4]", b"3", "secret"),
                              ("private-3", b"[[-1, -2], -2]", b"1", "secret")]
    assert calls == ["private_test_cases"]
    for t in func.all_tests():
        args = json.loads(t.input)
        assert isinstance(args, list) and len(args) == 2 and b"\n" not in t.input
    assert func.metadata["source"] == "leetcode" and func.metadata["date"] == "2024-05-12T00:00:00"


def test_listing_ten_thousand_rows_decodes_no_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(livecodebench, "decode_compressed", lambda *a: calls.append("x") or "[]")
    rows = [lcb_row(question_id=f"q{i}") for i in range(10_000)]
    ps = load_data_file(write_jsonl(tmp_path / "many.jsonl", rows))
    assert len(ps) == 10_000 and ps[9_999].id == "q9999"
    assert [p.interface.entry_point for p in ps][:2] == ["countAbove", "countAbove"]
    assert calls == [] and not any("tests" in p.__dict__ for p in ps)
    assert ps[5].tests == () and calls == ["x"]


class _Exploit:
    """Unpickling this calls os.system: the loader must refuse it, never run it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _compressed(obj: object) -> str:
    return base64.b64encode(zlib.compress(pickle.dumps(obj))).decode()


def test_livecodebench_refuses_a_malicious_pickle(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write_jsonl(tmp_path / "evil.jsonl", [lcb_row(private_test_cases=_compressed(_Exploit(marker)))])
    p = load_data_file(path)[0]  # listing is fine: nothing is decoded yet
    with pytest.raises(ProblemError) as err:
        p.tests
    assert "refusing to load" in str(err.value) and "posix.system" in str(err.value)
    assert err.value.field == "private_test_cases" and path in str(err.value)
    assert not marker.exists()


def test_livecodebench_compressed_data_must_be_a_pickled_string(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "odd.jsonl", [lcb_row(private_test_cases=_compressed([1, 2])),
                                                lcb_row(question_id="x", private_test_cases="not base64 !!")])
    odd, garbage = load_data_file(path)
    with pytest.raises(ProblemError, match="expected the compressed data to be a pickled JSON string, got list"):
        odd.tests
    with pytest.raises(ProblemError, match="row 2: expected JSON text or base64 of zlib-compressed data"):
        garbage.tests


def test_livecodebench_test_type_must_match_the_interface(tmp_path: Path) -> None:
    cases = json.dumps([{"input": "1\n", "output": "1\n", "testtype": "stdin"}])
    path = write_jsonl(tmp_path / "mixed.jsonl", [lcb_row(public_test_cases=cases)])
    with pytest.raises(ProblemError, match=r"public-1: testtype 'stdin', expected functional"):
        load_data_file(path)[0].samples


# ------------------------------------------------------------------------------ HumanEval, MBPP
def test_humaneval() -> None:
    ps = load_data_file(fixture("humaneval.jsonl"))
    assert [p.id for p in ps] == ["HumanEval_0", "HumanEval_1"]
    assert [p.title for p in ps] == ["running_max", "is_mirror_word"]
    p = ps[0]
    prompt = p.interface.starter_code
    assert prompt.startswith("from typing import List\n\n\ndef running_max(")
    assert p.statement == prompt
    assert p.interface.kind == "function" and p.interface.entry_point == "running_max"
    assert p.interface.signature == "def running_max(numbers: List[int]) -> List[int]"
    assert p.test_program.startswith("\n\nMETADATA = {") and "def check(candidate):" in p.test_program
    # The docstring's doctest is an example the judge does not check (group "example").
    assert [(t.name, t.input, t.answer, t.group) for t in p.samples] == [
        ("example-1", b"[[1, 3, 2, 5]]\n", b"[1, 3, 3, 5]", "example")]
    assert p.soft_examples and p.tests == () and "test program" in p.describe()
    assert p.checker.kind == "json" and p.limits == Limits(time_s=3.0)  # HumanEval's own harness timeout
    assert p.metadata["dataset"] == "humaneval"
    assert p.metadata["canonical_solution"].startswith("    result = []\n")
    assert p.metadata["solutions"] == [{"language": "python", "source": prompt + p.metadata["canonical_solution"]}]


def test_mbpp() -> None:
    ps = load_data_file(fixture("mbpp.jsonl"))
    assert [p.id for p in ps] == ["1", "2"]
    digits, common = ps
    assert digits.title == "Write a function to count the decimal digits of a non-negat…"
    assert digits.statement == ("Write a function to count the decimal digits of a non-negative integer.\n\n"
                                "Your code should pass this test:\n\nassert count_digits(0) == 1\n")
    assert digits.interface.kind == "function" and digits.interface.entry_point == "count_digits"
    assert digits.interface.signature == "def count_digits(n)" and digits.interface.starter_code is None
    assert digits.test_program == ("assert count_digits(0) == 1\nassert count_digits(12345) == 5\n"
                                   "assert count_digits(1000) == 4\n")
    assert digits.tests == () and digits.limits == Limits(time_s=3.0) and digits.checker.kind == "json"
    # The statement's assert is a sample (it is one of the judged tests).
    assert [(t.input, t.answer, t.group) for t in digits.samples] == [(b"[0]\n", b"1", "sample")]
    assert not digits.soft_examples
    assert digits.metadata == {"dataset": "mbpp", "code": "def count_digits(n):\r\n  return len(str(n))",
                               "solutions": [{"language": "python",
                                              "source": "def count_digits(n):\r\n  return len(str(n))"}]}
    # the entry point is found inside set(...), the setup code comes first, challenge tests are kept aside
    assert common.interface.entry_point == "common_items"
    assert common.test_program.startswith("import math\nassert set(common_items(")
    assert common.test_program.count("assert") == 3
    assert common.metadata["challenge_tests"][0].startswith("assert sorted(common_items(")


@pytest.mark.parametrize("line, name", [
    ("assert remove_Occ(\"hello\",\"l\") == \"heo\"", "remove_Occ"),
    ("assert set(similar_elements((3, 4), (5, 4))) == set((4,))", "similar_elements"),
    ("assert math.isclose(area(3), 12.5, rel_tol=0.001)", "area"),
    ("assert not is_odd(2)", "is_odd"),
    ("assert (f(1)==2", "f"),  # not Python: the pattern still finds it
    ("assert 1 == 1", None),
])
def test_mbpp_entry_point(line: str, name: str | None) -> None:
    assert entry_point_of(line) == name


def test_mbpp_sanitized_variant(tmp_path: Path) -> None:
    row = {"source_file": "x", "task_id": 7, "prompt": "Write a function to double a number.",
           "code": "def double(x):\n    return 2 * x\n", "test_imports": ["import math"],
           "test_list": ["assert double(2) == 4"]}
    p = load_data_file(write_jsonl(tmp_path / "sanitized.jsonl", [row]))[0]
    assert p.interface.entry_point == "double" and p.test_program == "import math\nassert double(2) == 4\n"


# ------------------------------------------------------------------------------ files and errors
def test_json_layouts_and_duplicate_ids(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in Path(fixture("humaneval.jsonl")).read_text().splitlines()]
    (tmp_path / "list.json").write_text(json.dumps(rows))
    (tmp_path / "wrapped.json").write_text(json.dumps({"version": 1, "data": rows}))
    (tmp_path / "one.json").write_text(json.dumps(rows[0], indent=2))
    (tmp_path / "lines.json").write_text("\n".join(json.dumps(r) for r in rows))  # JSONL named .json
    for name in ("list.json", "wrapped.json", "lines.json"):
        assert [p.id for p in load_data_file(str(tmp_path / name))] == ["HumanEval_0", "HumanEval_1"], name
    assert [p.id for p in load_data_file(str(tmp_path / "one.json"))] == ["HumanEval_0"]
    dup = load_data_file(write_jsonl(tmp_path / "dup.jsonl", [rows[0], rows[0]]))
    assert [p.id for p in dup] == ["HumanEval_0", "HumanEval_0-2"]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    import gzip
    path = tmp_path / "HumanEval.jsonl.gz"
    path.write_bytes(gzip.compress(Path(fixture("humaneval.jsonl")).read_bytes()))
    ps = load_data_file(str(path))
    assert ps.name == "HumanEval" and len(ps) == 2


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    with pytest.raises(ProblemError, match="no such file") as err:
        load_data_file(missing)
    assert err.value.path == missing
    with pytest.raises(ProblemError, match="is a directory"):
        load_data_file(str(tmp_path))


def test_malformed_line_names_file_and_line() -> None:
    with pytest.raises(ProblemError) as err:
        load_data_file(fixture("malformed.jsonl"))
    message = str(err.value)
    assert message.startswith(fixture("malformed.jsonl") + ": line 3 is not valid JSON")  # blank line 2 counted
    assert "expected one JSON object per line" in message


def test_malformed_json_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"task_id": 1,\n  "prompt": }]')
    with pytest.raises(ProblemError, match=r"bad.json: is not valid JSON: Expecting value at line 2, column 13"):
        load_data_file(str(path))
    path.write_text("[1, 2]")
    with pytest.raises(ProblemError, match="item 1: expected a JSON object, got int"):
        load_data_file(str(path))
    (tmp_path / "empty.jsonl").write_text("\n\n")
    with pytest.raises(ProblemError, match="holds no rows"):
        load_data_file(str(tmp_path / "empty.jsonl"))


def test_unknown_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "other.jsonl", [{"id": 1, "question": "?", "answer": 42}])
    with pytest.raises(UnknownFormat) as err:
        load_data_file(path)
    message = str(err.value)
    assert message.startswith(path + ": line 1 has fields answer, id, question")
    for known in ("codecontests (name, description", "apps (problem_id", "livecodebench (question_id",
                  "humaneval (task_id, prompt, test, entry_point)", "mbpp (task_id"):
        assert known in message


def test_rows_of_another_format_after_the_first(tmp_path: Path) -> None:
    he = json.loads(Path(fixture("humaneval.jsonl")).read_text().splitlines()[0])
    path = write_jsonl(tmp_path / "mixed.jsonl", [he, {"task_id": "x", "prompt": "p"}])
    with pytest.raises(ProblemError, match="line 2 is not a humaneval row like the first one"):
        load_data_file(path)


def test_field_errors_name_row_and_field(tmp_path: Path) -> None:
    he = json.loads(Path(fixture("humaneval.jsonl")).read_text().splitlines()[0])
    path = write_jsonl(tmp_path / "bad.jsonl", [he, dict(he, entry_point="not an identifier")])
    with pytest.raises(ProblemError) as err:
        load_data_file(path)
    assert str(err.value) == f"{path}: entry_point: row 2: expected a Python identifier, got 'not an identifier'"
    assert err.value.field == "entry_point"


def test_parquet_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow...` raise ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ProblemError) as err:
        load_data_file(fixture("codecontests.parquet"))
    assert "pip install 'codesolve[parquet]'" in str(err.value)
    assert str(err.value).startswith(fixture("codecontests.parquet"))


def test_not_a_parquet_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "fake.parquet"
    path.write_text("hello")
    with pytest.raises(ProblemError, match="is not a readable Parquet file"):
        load_data_file(str(path))


def test_signature_from_source() -> None:
    assert _rows.signature_from_source("def f(a, b=2, *c) -> int:\n    ", "f") == "def f(a, b=2, *c) -> int"
    assert _rows.signature_from_source("class Solution:\n    def g(self, x: str):\n        ", "g") == "def g(x: str)"
    assert _rows.signature_from_source("def f(:", "f") is None
    assert _rows.signature_from_source("def f(x): pass", "other") is None


# ------------------------------------------------------------------------------ end to end (real sandbox)
def test_humaneval_canonical_solutions_pass_their_test_programs(sandbox) -> None:
    for p in load_data_file(fixture("humaneval.jsonl")):
        candidate = p.metadata["solutions"][0]["source"]
        result = judge_test_program(sandbox, candidate, p.test_program, p.interface.entry_point, p.limits)
        assert result.verdict is Verdict.AC, (p.id, result.tests)
    p = load_data_file(fixture("humaneval.jsonl"))[0]
    wrong = p.interface.starter_code + "    return numbers\n"
    assert judge_test_program(sandbox, wrong, p.test_program, "running_max", p.limits).verdict is Verdict.WA


def test_mbpp_reference_code_passes_its_test_program(sandbox) -> None:
    for p in load_data_file(fixture("mbpp.jsonl")):
        result = judge_test_program(sandbox, p.metadata["code"], p.test_program, p.interface.entry_point, p.limits)
        assert result.verdict is Verdict.AC, (p.id, result.tests)


def test_apps_function_call_solution_passes_through_the_harness(sandbox) -> None:
    stdin, call = load_data_file(fixture("apps.jsonl"))
    program = function_call_program("python", call.metadata["solutions"][0]["source"], call.interface.entry_point)
    result = judge(sandbox, program, [t.to_test() for t in call.all_tests()], call.limits,
                   checker=Checker(kind="json"))
    assert result.verdict is Verdict.AC and len(result.tests) == 3, result.tests
    result = judge(sandbox, Program("python", stdin.metadata["solutions"][0]["source"]),
                   [t.to_test() for t in stdin.all_tests()], stdin.limits, stdin.checker)
    assert result.verdict is Verdict.AC and len(result.tests) == 2, result.tests


LCB_SOLUTION = """
class Solution:
    def countAbove(self, nums: List[int], k: int) -> int:
        return sum(1 for x in nums if x > k)
"""


def test_livecodebench_function_call_solution_passes_through_the_harness(sandbox) -> None:
    p = load_data_file(fixture("livecodebench.jsonl"))[1]
    tests = [t.to_test() for t in p.all_tests()]
    program = function_call_program("python", LCB_SOLUTION, p.interface.entry_point)
    result = judge(sandbox, program, tests, p.limits, checker=p.checker)
    assert result.verdict is Verdict.AC and len(result.tests) == 4, result.tests
    wrong = function_call_program("python", LCB_SOLUTION.replace("x > k", "x >= k"), p.interface.entry_point)
    assert judge(sandbox, wrong, tests, p.limits, checker=p.checker).verdict is Verdict.WA


def test_codecontests_solutions_pass_their_tests(sandbox) -> None:
    for p in load_data_file(fixture("codecontests.jsonl")):
        tests = [t.to_test() for t in p.all_tests()]
        for sol in p.metadata["solutions"]:
            result = judge(sandbox, Program(sol["language"], sol["source"]), tests, p.limits, p.checker)
            assert result.verdict is Verdict.AC, (p.id, sol["language"], result.tests)
