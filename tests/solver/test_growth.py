"""Grown inputs: the constraint reader, structure inference, generation, and the bundled set."""

from __future__ import annotations

import os

import pytest

import problems
from problems import Interface, Problem, TestCase
from solver import growth
from solver.growth import grown_inputs, infer_structure, read_constraints
from solver.testgen import MAX_INPUT_BYTES, validate_inputs

CORE = os.path.join(os.path.dirname(__file__), "..", "..", "problems", "sets", "core")


def rng_of(statement: str, name: str, env: dict[str, float] | None = None) -> tuple[float | None, float | None]:
    return read_constraints(statement).range(name, env or {})


def problem(statement: str, *samples: str, kind: str = "stdio") -> Problem:
    iface = Interface("function", entry_point="f") if kind == "function" else Interface()
    return Problem(id="p", title="p", statement_ref=statement, interface=iface,
                   samples_ref=[TestCase(f"s{i}", s.encode(), b"", "sample") for i, s in enumerate(samples)])


# --------------------------------------------------------------------------- constraints

@pytest.mark.parametrize("text, name, expected", [
    ("1 ≤ n ≤ 2·10^5", "n", (1, 200000)),
    ("1 <= N <= 100000", "N", (1, 100000)),
    ("$1 \\le n \\le 10^5$", "n", (1, 100000)),
    ("$1 \\leq n \\leq 10^{5}$", "n", (1, 100000)),
    ("$1 \\le q \\le 2 \\cdot 10^5$", "q", (1, 200000)),
    ("$1 \\le q \\le 2\\times 10^5$", "q", (1, 200000)),
    ("$0 \\le x < 10^9+7$", "x", (0, 10 ** 9 + 6)),
    ("$1 \\le n \\le 50\\,000$", "n", (1, 50000)),
    ("1 ≤ n ≤ 100 000", "n", (1, 100000)),
    ("$0 \\le a_i \\le 10^9$", "a", (0, 10 ** 9)),
    ("$1 \\le a_1, a_2, \\ldots, a_n \\le 10^9$", "a", (1, 10 ** 9)),
    ("1 ≤ a_1, a_2, …, a_n ≤ 10^9", "a", (1, 10 ** 9)),
    ("$-10^6 \\le c_{i,j} \\le 10^6$, $c_{i,j} = c_{j,i}$, $c_{i,i} = 0$", "c", (-10 ** 6, 10 ** 6)),
    ("$1 \\le T \\le 10^{18}$", "T", (1, 10 ** 18)),
    ("$2 \\le V \\le 2 \\cdot 10^9$", "V", (2, 2 * 10 ** 9)),
    ("- $t_j = 1$ if it is a charter route or $t_j = 0$ if not\n- $0 \\le t_j \\le 1$", "t", (0, 1)),
])
def test_reads_a_range(text: str, name: str, expected: tuple[int, int]) -> None:
    assert rng_of(text, name) == expected


def test_reads_several_names_at_once() -> None:
    cons = read_constraints("$1 \\le n, m \\le 1000$ and 1 ≤ R, C ≤ 500")
    for name, hi in (("n", 1000), ("m", 1000), ("R", 500), ("C", 500)):
        assert cons.constant_range(name) == (1, hi)


def test_reads_string_lengths_and_aliases() -> None:
    cons = read_constraints("- $|s| \\le 1000$\n- $1 \\le m = |P| \\le 100\\,000$")
    assert cons.constant_range("|s|") == (None, 1000)
    assert cons.constant_range("|P|") == (1, 100000)
    assert cons.constant_range("m") == (1, 100000)


def test_bounds_that_name_other_variables() -> None:
    cons = read_constraints("$1 \\le l \\le r \\le n$, $1 \\le d \\le n - 1$, $0 \\le s_i < e_i \\le 10^9$")
    assert cons.range("r", {"l": 3, "n": 10}) == (3, 10)
    assert cons.range("l", {"n": 10}) == (1, 10)
    assert cons.range("d", {"n": 10}) == (1, 9)
    assert cons.range("e", {"s": 5}) == (6, 10 ** 9)
    assert cons.range("s", {}) == (0, 10 ** 9 - 1)


def test_spans_do_not_run_into_each_other() -> None:
    cons = read_constraints("two integers $n$ and $k$ ($1 \\le n \\le 10^5$, $1 \\le k \\le n$)")
    assert cons.constant_range("n") == (1, 100000)
    assert cons.range("k", {"n": 7}) == (1, 7)


def test_plain_text_lists_and_inequality() -> None:
    cons = read_constraints("(2 <= N <= 100000, 1 <= A, B <= N, A != B, 1 <= C <= 10^9)")
    assert cons.range("A", {"N": 50}) == (1, 50)
    assert cons.range("B", {"N": 50}) == (1, 50)
    assert ("A", "B") in cons.distinct
    assert cons.constant_range("C") == (1, 10 ** 9)


def test_sums_sets_between_and_absolute_values() -> None:
    cons = read_constraints(
        "It is guaranteed that the sum of $n$ over all test cases does not exceed $2 \\cdot 10^5$.\n"
        "- $t \\in \\{0, 1\\}$\n- all coordinates are integers between $-10^6$ and $10^6$, inclusive\n"
        "- $|a_i| \\le 10^9$")
    assert cons.sums == {"n": 200000}
    assert cons.bounds["t"].values == [0, 1]
    assert cons.default == (-10 ** 6, 10 ** 6)
    assert cons.constant_range("|a|") == (None, 10 ** 9)
    assert read_constraints("∑ n ≤ 3·10^5").sums == {"n": 300000}


def test_sorted_arrays_are_noted() -> None:
    assert read_constraints("$1 \\le a_1 < a_2 < \\ldots < a_n \\le 10^9$").sorted_names == {"a": True}


@pytest.mark.parametrize("text, value", [("2·10^5", 200000), ("10^{9}+7", 10 ** 9 + 7), ("n - 1", None),
                                         ("2^{31}-1", 2 ** 31 - 1), ("1e5", 100000)])
def test_parse_expr(text: str, value: int | None) -> None:
    expr = growth.parse_expr(text)
    assert expr is not None
    assert expr.value({}) == value


# --------------------------------------------------------------------------- input format

STATEMENT = """A story.

## Input

The first line contains two integers $n$ and $m$: the number of towns and roads.

The second line contains $n$ integers $h_1, h_2, \\ldots, h_n$, the heights.

Each of the next $m$ lines contains three integers $u_j$, $v_j$ and $w_j$.

## Output

The answer.

## Constraints

- $1 \\le n \\le 10^5$
- $0 \\le m \\le 2 \\cdot 10^5$
- $0 \\le h_i \\le 10^9$
- $1 \\le u_j, v_j \\le n$, $u_j \\ne v_j$
- $1 \\le w_j \\le 10^9$
"""


def test_input_clauses_name_values_and_counts() -> None:
    clauses = growth.input_clauses(STATEMENT)
    assert [c.names for c in clauses] == [["n", "m"], ["h"], ["u", "v", "w"]]
    assert clauses[1].array == "h" and clauses[1].counts == ["n"]
    assert clauses[2].counts == ["m"] and clauses[2].declared == 3 and clauses[2].repeated


def test_line_templates() -> None:
    tpl = growth.line_templates("Requests are `1 i a b` or `2 l r x`; type $3$ $k$ too; `C` asks.")
    assert tpl == {"1": ["i", "a", "b"], "2": ["l", "r", "x"], "3": ["k"], "C": []}


def kinds(nodes: list[growth.Node]) -> list[str]:
    return [type(n).__name__ for n in nodes]


def test_structure_header_and_array() -> None:
    g = infer_structure(["3\n1 2 3\n", "2\n5 6\n"])
    assert g is not None and kinds(g) == ["Line", "Array"]
    assert isinstance(g[1], growth.Array) and g[1].count == growth.Ref(g[0].toks[0].slot)  # type: ignore[union-attr]


def test_structure_blocks_of_lines() -> None:
    g = infer_structure(["4 2 5\n1 2\n3 4\n", "3 3 1\n1 2\n2 3\n3 1\n"])
    assert g is not None and kinds(g) == ["Line", "Repeat"]
    header, block = g
    assert isinstance(header, growth.Line) and isinstance(block, growth.Repeat)
    assert block.count.slot == header.toks[1].slot and kinds(block.body) == ["Line"]


def test_structure_n_minus_one_lines() -> None:
    g = infer_structure(["4\n1 2\n2 3\n2 4\n", "2\n1 2\n"])
    assert g is not None and isinstance(g[1], growth.Repeat) and g[1].count.offset == -1


def test_structure_test_cases() -> None:
    g = infer_structure(["3\n3\n1 2 3\n1\n5\n2\n7 7\n", "1\n4\n4 3 2 1\n"])
    assert g is not None and kinds(g) == ["Line", "Repeat"]
    assert kinds(g[1].body) == ["Line", "Array"]  # type: ignore[union-attr]


def test_structure_tagged_lines() -> None:
    g = infer_structure(["5 4\nC\nB 1 2\nQ 1 2\nS 3\n", "2 2\nQ 1 1\nC\n"])
    assert g is not None and kinds(g) == ["Line", "Repeat"]
    (choice,) = g[1].body  # type: ignore[union-attr]
    assert isinstance(choice, growth.Choice) and set(choice.variants) == {"B", "C", "Q", "S"}


def test_structure_grid_and_counted_lines() -> None:
    g = infer_structure(["2 3\n.#.\n...\n", "3 1\n#\n.\n.\n"])
    assert g is not None and kinds(g) == ["Line", "Repeat"]
    g = infer_structure(["3\n2 2 3\n0\n1 1\n"])
    assert g is not None and kinds(g[1].body) == ["Array"]  # type: ignore[union-attr]
    assert g[1].body[0].head is not None  # type: ignore[union-attr]


def test_structure_fails_when_samples_disagree() -> None:
    assert infer_structure(["1 2\n", "1 2 3\n4\n"]) is None
    assert grown_inputs(problem(STATEMENT, "1 2\n", "1 2 3\n4\n"), 3) == []


def test_plan_names_tokens_by_position() -> None:
    plan = growth.make_plan(problem(STATEMENT, "3 2\n5 1 4\n1 2 7\n2 3 1\n", "2 1\n0 0\n2 1 5\n"))
    assert plan is not None
    named = sorted(info.name for info in plan.slots.values() if info.name)
    assert named == ["h", "m", "n", "u", "v", "w"]


# --------------------------------------------------------------------------- generation

def lines(data: bytes) -> list[list[int]]:
    return [[int(x) for x in line.split()] for line in data.decode().splitlines()]


def test_grown_inputs_follow_the_constraints() -> None:
    p = problem(STATEMENT, "3 2\n5 1 4\n1 2 7\n2 3 1\n", "2 1\n0 0\n2 1 5\n")
    inputs = grown_inputs(p, 4, seed=3, max_bytes=50_000)
    assert len(inputs) == 4 and len(set(inputs)) == 4
    for data in inputs:
        assert len(data) <= 50_000 and data.endswith(b"\n")
        rows = lines(data)
        n, m = rows[0]
        assert 1 <= n <= 10 ** 5 and 0 <= m <= 2 * 10 ** 5
        assert len(rows) == 2 + m and len(rows[1]) == n
        assert all(0 <= h <= 10 ** 9 for h in rows[1])
        assert all(len(r) == 3 and 1 <= r[0] <= n and 1 <= r[1] <= n and r[0] != r[1] and 1 <= r[2] <= 10 ** 9
                   for r in rows[2:])
    assert max(len(d) for d in inputs) > 20_000
    assert any(10 ** 9 in lines(d)[1] for d in inputs)  # extremes, to expose overflow


def test_deterministic_per_seed() -> None:
    p = problem(STATEMENT, "3 2\n5 1 4\n1 2 7\n2 3 1\n", "2 1\n0 0\n2 1 5\n")
    a = grown_inputs(p, 3, seed=1, max_bytes=20_000)
    assert a == grown_inputs(p, 3, seed=1, max_bytes=20_000)
    assert a != grown_inputs(p, 3, seed=2, max_bytes=20_000)


def test_size_bound_defaults_to_max_input_bytes() -> None:
    stmt = "## Input\n\nThe only line contains a string $s$.\n\n## Constraints\n\n- $1 \\le |s| \\le 10^7$\n"
    inputs = grown_inputs(problem(stmt, "abc\n", "ba\n"), 2)
    assert inputs and all(len(d) <= MAX_INPUT_BYTES for d in inputs)
    assert max(len(d) for d in inputs) > MAX_INPUT_BYTES // 2
    assert set(inputs[0].decode().strip()) <= set("abc")


def test_test_cases_respect_the_sum() -> None:
    stmt = ("Input\n\nThe first line contains a single integer $t$ ($1 \\le t \\le 10^4$). "
            "The first line of each test case contains $n$ ($1 \\le n \\le 2 \\cdot 10^5$). "
            "The second line of each test case contains $n$ integers $a_1, \\ldots, a_n$ ($1 \\le a_i \\le 10^9$).\n\n"
            "It is guaranteed that the sum of $n$ over all test cases does not exceed $2000$.\n\nOutput\n\nAnswers.")
    for data in grown_inputs(problem(stmt, "2\n3\n1 2 3\n1\n5\n", "1\n2\n7 7\n"), 6, max_bytes=100_000):
        rows = lines(data)
        t, pos, total = rows[0][0], 1, 0
        for _ in range(t):
            (n,), values = rows[pos], rows[pos + 1]
            assert len(values) == n and all(1 <= v <= 10 ** 9 for v in values)
            total += n
            pos += 2
        assert pos == len(rows) and 1 <= t <= 10 ** 4 and total <= 2000


def test_tree_and_grid_properties() -> None:
    tree = ("Input\n\nThe first line contains $n$ ($2 \\le n \\le 10^5$). Each of the next $n - 1$ lines contains "
            "$u$ and $v$ ($1 \\le u, v \\le n$): an edge of the tree.\n\nOutput\n\nX.")
    for data in grown_inputs(problem(tree, "3\n1 2\n2 3\n", "4\n4 1\n1 2\n3 1\n"), 2, max_bytes=30_000):
        rows = lines(data)
        n, parent = rows[0][0], list(range(rows[0][0] + 1))

        def find(x: int) -> int:
            while parent[x] != x:
                x = parent[x]
            return x
        assert len(rows) == n
        for u, v in rows[1:]:
            assert find(u) != find(v)
            parent[find(u)] = find(v)
    grid = ("Input\n\nThe first line contains $R$ and $C$ ($1 \\le R, C \\le 300$). Each of the next $R$ lines "
            "contains $C$ characters.\n\nOutput\n\nX.")
    for data in grown_inputs(problem(grid, "2 3\nS.#\n.G.\n", "1 4\n.GS#\n"), 2, max_bytes=30_000):
        rows = data.decode().splitlines()
        r, c = map(int, rows[0].split())
        assert len(rows) == r + 1 and all(len(row) == c and set(row) <= set(".#SG") for row in rows[1:])
        body = "".join(rows[1:])
        assert body.count("S") == 1 and body.count("G") == 1


def test_arrays_keep_what_statement_and_samples_agree_on() -> None:
    perm = ("\\InputFile\nThe first line contains $n$ ($1 \\le n \\le 10^5$). The second line contains a permutation "
            "$p_1, \\ldots, p_n$ of the integers from $1$ to $n$.\n\\OutputFile\nX.")
    for data in grown_inputs(problem(perm, "5\n2 3 1 5 4\n", "3\n1 2 3\n"), 2, max_bytes=20_000):
        (n,), p = lines(data)
        assert sorted(p) == list(range(1, n + 1)) and n > 100
    increasing = ("## Input\n\nThe first line contains $n$. The second line contains $a_1, \\ldots, a_n$.\n\n"
                  "## Constraints\n\n- $1 \\le n \\le 10^4$\n- $1 \\le a_1 < a_2 < \\ldots < a_n \\le 10^9$\n")
    for data in grown_inputs(problem(increasing, "4\n1 5 7 20\n", "5\n2 3 4 8 9\n"), 2, max_bytes=20_000):
        (n,), a = lines(data)
        assert len(a) == n and all(x < y for x, y in zip(a, a[1:]))
    toy = "## Input\n\nThe first line contains $n$, the second $n$ integers $a_i$ ($1 \\le a_i \\le 10^9$)."
    for data in grown_inputs(problem(toy + "\n- $1 \\le n \\le 10^4$", "3\n1 2 3\n", "4\n1 2 3 4\n"), 2,
                             max_bytes=20_000):
        assert max(lines(data)[1]) > 10 ** 4  # toy samples (1 2 3) do not make a permutation


def test_digit_strings_and_distinct_words() -> None:
    binary = ("Input\n\nThe first line contains $n$ ($1 \\le n \\le 10^5$), the second a binary string $s$ of "
              "length $n$.\n\nOutput\n\nX.")
    for data in grown_inputs(problem(binary, "3\n010\n", "5\n11111\n"), 2, max_bytes=20_000):
        (n,), (s,) = [line.split() for line in data.decode().splitlines()]
        assert len(s) == int(n) and set(s) <= {"0", "1"}
    names = ("## Input\n\nThe first line contains $n$ ($1 \\le n \\le 10^4$). Each of the next $n$ lines contains "
             "a name $s$ and a score $k$ ($0 \\le k \\le 100$). All names are distinct.\n")
    for data in grown_inputs(problem(names, "3\nana 5\nbo 7\ncyril 0\n", "2\nal 4\nalba 9\n"), 2, max_bytes=20_000):
        rows = [line.split() for line in data.decode().splitlines()[1:]]
        assert len({r[0] for r in rows}) == len(rows) > 100
        assert all(0 <= int(r[1]) <= 100 for r in rows)


def test_nothing_for_function_problems_or_without_samples() -> None:
    assert grown_inputs(problem(STATEMENT, '[[1, 2], 3]\n', kind="function"), 3) == []
    assert grown_inputs(problem(STATEMENT), 3) == []
    assert grown_inputs(problem(STATEMENT, "3 2\n5 1 4\n1 2 7\n2 3 1\n"), 0) == []


# --------------------------------------------------------------------------- the bundled set

#: Problems of problems/sets/core (24 of its 30 are stdin/stdout) that must get a grown input
#: their own validator accepts and at least ten times their largest sample. All 24 do today.
MIN_GROWN = 22


def test_bundled_problems_get_valid_grown_inputs() -> None:
    from sandbox import open_sandbox

    grown = []
    with open_sandbox("local") as sb:
        for p in problems.load(CORE):
            inputs = grown_inputs(p, 2, max_bytes=120_000)
            if not inputs:
                continue
            largest_sample = max(len(t.input) for t in p.samples)
            ok = validate_inputs(p, sb, inputs)
            if any(good and len(data) >= 10 * largest_sample for data, good in zip(inputs, ok)):
                grown.append(p.id)
    assert len(grown) >= MIN_GROWN, grown
