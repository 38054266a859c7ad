"""solve() end to end: a scripted model pool on bundled problems, the real sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from openai_server import ScriptedOpenAI  # type: ignore[import-not-found]

from problems import load
from problems.judging import Verdict, judge_problem
from solver.extract import extract_code, fingerprint
from solver.models import ModelConfig, OpenAIModel
from solver.pipeline import SolveConfig, solve
from solver.prompts import solve_messages

CORE = Path(__file__).resolve().parents[2] / "problems" / "sets" / "core"


def fence(code: str, tag: str = "python") -> str:
    return f"Here is my solution.\n\n```{tag}\n{code}```\n"


def sub(problem: str, path: str) -> str:
    return (CORE / problem / "submissions" / path).read_text()


def test_extract_code_and_fingerprints():
    assert extract_code("x\n```python\nprint(1)\n```\n", "python") == "print(1)\n"
    assert extract_code("```\nprint(2)\n```", "python") == "print(2)\n"
    assert extract_code("```cpp\nint main(){}\n```\n```python\nprint(3)\n```", "python") == "print(3)\n"
    assert extract_code("```python\nprint(4)\nprint(5", "python") == "print(4)\nprint(5\n"  # cut off by max_tokens
    assert extract_code("print(6)", "python") == "print(6)\n"
    assert extract_code("I cannot solve this.", "python") is None
    assert extract_code("```cpp\n#include <cstdio>\nint main(){}\n```", "python") is None
    assert fingerprint("a = 1  # one\nprint(a)\n", "python") == fingerprint("a=1\n\nprint( a )", "python")
    assert fingerprint("int main(){/*x*/return 0;}", "cpp") == fingerprint("int main() { return 0; } // y", "cpp")
    assert fingerprint("print(1)", "python") != fingerprint("print(2)", "python")


def test_prompts_cover_both_interfaces_and_languages():
    problems = {p.id: p for p in load(str(CORE))}
    stdio = solve_messages(problems["meteorlog"], "cpp", "edge", with_metadata=True)[1]["content"]
    assert "standard input" in stdio and "```cpp" in stdio and "Tags:" in stdio and "edge cases" in stdio
    func = solve_messages(problems["snackhike"], "python")[1]["content"]
    assert "longest_snack_run" in func and "Do not read input" in func and "Input:\n```\n[" in func
    with pytest.raises(ValueError):
        solve_messages(problems["snackhike"], "python", "nonsense")


def test_solve_picks_the_correct_cluster_first(sandbox):
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    naive = sub("meteorlog", "time_limit_exceeded/sum_each_query.py")
    wrong = sub("meteorlog", "wrong_answer/assumes_ordered.py")
    crash = "import sys\nraise SystemExit(3)\n"
    pool = [fence(wrong), fence(correct), fence("# same program, other comments\n" + correct), fence(naive),
            fence(wrong + "\n# a comment\n"), fence(crash), "Sorry, I cannot do this one.", correct]
    fixed = correct.replace("\n", "\n\n") + "# fixed\n"  # the same program as `correct`, once normalised
    with ScriptedOpenAI({"fails this example": [fence(fixed)], "Meteor Log": pool}) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        attempt = solve(problem, SolveConfig(samples=8, variants=("direct",), k=3, generated_inputs=12,
                                             grown_inputs=0), model, sandbox)
        assert len(server.requests) == 2  # the pool, then one repair (only the crashing candidate fails a sample)
        repair_prompt = server.requests[1]["messages"][-1]["content"]
        assert "Expected output:" in repair_prompt and "verdict: RE" in repair_prompt
    c = attempt.candidates
    assert [x.sample_verdict for x in c] == ["AC", "AC", "AC", "AC", "AC", "RE", "no code", "AC", "AC"]
    assert c[2].duplicate_of == 1 and c[4].duplicate_of == 0 and c[7].duplicate_of == 1
    assert c[8].repaired_from == 5 and c[8].variant == "repair" and c[8].duplicate_of == 1
    assert attempt.input_sources == {"mutation": 12} and len(attempt.inputs) == 12
    # correct and naive agree on small inputs: one cluster of 5 (three duplicates), the wrong one apart.
    assert [sorted(cl.members) for cl in attempt.clusters] == [[1, 2, 3, 7, 8], [0, 4]]
    assert attempt.submissions == [1, 0, 3]
    first = attempt.submission_programs()[0]
    assert judge_problem(sandbox, first, problem).verdict is Verdict.AC
    assert set(attempt.timings) == {"sample", "filter", "repair", "tests", "rank", "distinguish"}
    assert attempt.stage_usage["sample"]["solve"]["samples"] == 8
    assert attempt.stage_usage["repair"]["solve"]["requests"] == 1 and "tests" not in attempt.stage_usage


def test_solve_function_call_problem(sandbox):
    problem = load(str(CORE / "snackhike"))[0]
    correct = next(p for p in (CORE / "snackhike/submissions/accepted").iterdir() if p.suffix == ".py").read_text()
    wrong = next((CORE / "snackhike/submissions/wrong_answer").iterdir()).read_text()
    pool = [fence(wrong), fence(correct), fence(correct.replace("\n", "\n\n"))]
    with ScriptedOpenAI({"Snack Hike": pool}) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        attempt = solve(problem, SolveConfig(samples=3, variants=("direct",), k=2, generated_inputs=10), model,
                        sandbox)
    assert attempt.candidates[2].duplicate_of == 1
    assert attempt.clusters[0].members == (1, 2)
    assert attempt.submissions[0] == 1
    assert judge_problem(sandbox, attempt.submission_programs()[0], problem).verdict is Verdict.AC


def test_tests_model_generator_and_inputs(sandbox):
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    wrong = sub("meteorlog", "wrong_answer/assumes_ordered.py")
    generator = ("import random, sys\nrandom.seed(int(sys.argv[1]))\n"
                 "n = random.randint(1, 6)\nq = random.randint(1, 4)\n"
                 "print(n, q)\nprint(*[random.randint(0, 9) for _ in range(n)])\n"
                 "for _ in range(q):\n    print(random.randint(1, n), random.randint(1, n))\n")
    direct = "```input\n1 1\n5\n1 1\n```\n```input\n2 1\n3 4\n2 1\n```\n```input\nnot valid\n```\n"
    scripts = {"ONE random valid input": [fence(generator)], "distinct valid inputs": [direct],
               "Meteor Log": [fence(correct), fence(wrong)]}
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        config = SolveConfig(samples=2, variants=("direct",), k=2, generated_inputs=0, generator_seeds=15,
                             model_inputs=3, repair_rounds=0)
        attempt = solve(problem, config, model, sandbox, tests_model=tests)
        assert {r["model"] for r in server.requests} == {"scripted", "cheap"}
    assert attempt.input_sources["model"] == 2  # the invalid one was rejected by the problem's validator
    assert 5 <= attempt.input_sources["generator"] <= 15  # distinct seeds, duplicates dropped
    assert b"2 1\n3 4\n2 1\n" in attempt.inputs
    assert [sorted(cl.members) for cl in attempt.clusters] == [[0], [1]]  # split by a reversed query
    # generator, direct inputs, and tests with expected outputs (the reply held none: the pool's code)
    # generator, direct inputs, tests with expected outputs, and the S* round's distinguishing inputs
    assert tests.usage.by_role["tests"].requests == 4 and attempt.expected_tests == []
    # The S* round: the scripted tests model answers the distinguishing request with its direct
    # inputs; on the one where the two clusters differ the solve model is asked to adjudicate.
    assert attempt.usage["tests"]["requests"] == 4 and attempt.usage["solve"]["samples"] == 3
    assert attempt.adjudication["pair"] == [c.signature for c in attempt.clusters[:2]]


def test_codet_agreement_outranks_a_bigger_wrong_cluster(sandbox):
    problem = load(str(CORE / "snackhike"))[0]
    correct = (CORE / "snackhike/submissions/accepted/snacks.py").read_text()
    wrong = (CORE / "snackhike/submissions/wrong_answer/strict_budget.py").read_text()
    pool = [fence(wrong), fence(wrong + "\n# again\n"), fence(wrong + "\n# and again\n"), fence(correct)]
    asserts = ("```python\nassert longest_snack_run([1, 2, 3], 3) == 2\nassert longest_snack_run([4], 4) == 1\n"
               "assert longest_snack_run([2, 2], 4) == 2\nassert longest_snack_run([9], 1) == 0\n"
               "assert other_function(1) == 2\n```\n")
    scripts = {"Write 10 tests": [asserts], "ONE random valid input": ["no generator today"],
               "distinct valid inputs": ["none"], "Snack Hike": pool}
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        config = SolveConfig(samples=4, variants=("direct",), k=2, generated_inputs=8, repair_rounds=0)
        attempt = solve(problem, config, model, sandbox, tests_model=tests)
    # Ten replies (tests_samples), the scripted server giving the same one each time: each of the
    # four tests of the entry point is counted ten times, as CodeT counts duplicates.
    assert len(attempt.expected_tests) == 4 and [t.weight for t in attempt.expected_tests] == [10] * 4
    first = attempt.expected_tests[0]
    assert attempt.inputs[first.input] == b"[[1, 2, 3], 3]\n" and attempt.outputs[first.input][1] == "2"
    assert attempt.input_sources["tests"] == 4
    # By size the wrong cluster (3 samples) would come first; CodeT: sqrt(1) x 4 tests > sqrt(3) x 1 test.
    assert [cl.members for cl in attempt.clusters] == [(3,), (0, 1, 2)]
    assert attempt.submissions == [3, 0]


def test_a_too_slow_cluster_is_penalised_not_dropped(sandbox):
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    naive = sub("meteorlog", "time_limit_exceeded/sum_each_query.py")
    pool = [fence(naive), fence(naive + "\n# 2\n"), fence(naive + "\n# 3\n"), fence(correct)]
    generator = ("import random, sys\nrandom.seed(int(sys.argv[1]))\nn = q = 50000\nprint(n, q)\n"
                 "print(*[random.randint(0, 10**6) for _ in range(n)])\n"
                 "print('\\n'.join(f'1 {n}' for _ in range(q)))\n")
    scripts = {"ONE random valid input": [fence(generator)], "distinct valid inputs": ["none"],
               "Write 10 tests": ["none"], "Meteor Log": pool}
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        config = SolveConfig(samples=4, variants=("direct",), k=2, generated_inputs=3, generator_seeds=1,
                             repair_rounds=0, grown_inputs=0)
        attempt = solve(problem, config, model, sandbox, tests_model=tests)
    assert attempt.input_sources["generator"] == 1
    # The naive cluster is bigger, but it times out on the large generated input.
    assert [(cl.members, cl.failures) for cl in attempt.clusters] == [((3,), 0), ((0, 1, 2), 1)]
    assert attempt.submissions == [3, 0]  # penalised, still a candidate


def test_a_clearly_slower_twin_is_not_submitted_first(sandbox):
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    naive = sub("meteorlog", "time_limit_exceeded/sum_each_query.py")
    generator = ("import random, sys\nrandom.seed(int(sys.argv[1]))\nn = q = 1500\nprint(n, q)\n"
                 "print(*[random.randint(0, 10**6) for _ in range(n)])\n"
                 "print('\\n'.join(f'1 {n}' for _ in range(q)))\n")
    scripts = {"ONE random valid input": [fence(generator)], "distinct valid inputs": ["none"],
               "Write 10 tests": ["none"], "Meteor Log": [fence(naive), fence(correct)]}
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        config = SolveConfig(samples=2, variants=("direct",), k=2, generated_inputs=2, generator_seeds=1,
                             repair_rounds=0, grown_inputs=0)
        attempt = solve(problem, config, model, sandbox, tests_model=tests)
    assert [cl.members for cl in attempt.clusters] == [(1, 0)]  # one behaviour; the naive one is slower
    assert attempt.submissions == [1, 0]


def test_grown_inputs_expose_a_slow_majority_with_no_tests_model(sandbox):
    """No model writes inputs: the samples grown toward the statement's constraints (n, q up
    to 10^5) split the quadratic majority from the right program, which is chosen first."""
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    naive = sub("meteorlog", "time_limit_exceeded/sum_each_query.py")
    pool = [fence(naive), fence(naive + "\n# 2\n"), fence(naive + "\n# 3\n"), fence(correct)]
    with ScriptedOpenAI({"Meteor Log": pool}) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        config = SolveConfig(samples=4, variants=("direct",), k=2, generated_inputs=4, grown_inputs=3,
                             repair_rounds=0)
        attempt = solve(problem, config, model, sandbox)
    assert attempt.input_sources["growth"] == 3 and attempt.inputs_valid  # the package's validator took them
    assert max(len(i) for i in attempt.inputs) > 100 * max(len(t.input) for t in problem.samples)
    assert [(cl.members, cl.failures > 0) for cl in attempt.clusters] == [((3,), False), ((0, 1, 2), True)]
    assert attempt.submissions[0] == 3


def test_several_right_answers_cluster_through_the_output_validator(sandbox):
    problem = load(str(CORE / "giftcardpair"))[0]
    assert problem.checker.kind == "validator"
    py = (CORE / "giftcardpair/submissions/accepted/pair.py").read_text()
    reversed_pair = py.replace("print(j + 1, i + 1)", "print(i + 1, j + 1)")  # also right: any order
    assert reversed_pair != py
    wrong = (CORE / "giftcardpair/submissions/wrong_answer/same_item_twice.py").read_text()
    pool = [fence(py), fence(reversed_pair), fence(wrong)]
    with ScriptedOpenAI({"Gift Card Pair": pool}) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        config = SolveConfig(samples=3, variants=("direct",), k=3, generated_inputs=15, repair_rounds=0)
        attempt = solve(problem, config, model, sandbox)
    assert [c.sample_verdict for c in attempt.candidates] == ["AC", "AC", "AC"]
    # Token by token the two right programs differ on every input with a pair; the validator,
    # given one output as the answer file, accepts the other: one cluster.
    assert attempt.clusters[0].members == (0, 1)
    assert attempt.submissions[:2] == [0, 2]


def test_inside_a_cluster_the_program_written_most_often_is_submitted_first(sandbox):
    """Three samples of the same behaviour, two of them one program (up to a comment): that
    program is the cluster's first submission, though a different program came first."""
    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    other = correct + "\nassert True\n"  # the same behaviour, another program
    pool = [fence(other), fence(correct), fence(correct + "\n# the same again\n")]
    with ScriptedOpenAI({"Meteor Log": pool}) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        config = SolveConfig(samples=3, variants=("direct",), k=2, generated_inputs=4, grown_inputs=0,
                             repair_rounds=0)
        attempt = solve(problem, config, model, sandbox)
    assert [c.duplicate_of for c in attempt.candidates] == [None, None, 1]
    assert [cl.members for cl in attempt.clusters] == [(0, 1, 2)]
    assert attempt.submissions == [1, 0]


def test_distinct_members_order_tiers_then_copies_then_position():
    """Programs equally far apart (``code 0``, ``code 1``, ...): the one written most often leads."""
    from solver.pipeline import Candidate, distinct_members
    from solver.ranker import Cluster

    def cand(i, language="python", dup=None):
        return Candidate(i, language, f"code {i}", "direct", i, duplicate_of=dup)

    # 0 alone; 1 with two copies (2, 3); 4 with one copy (5).
    cands = [cand(0), cand(1), cand(2, dup=1), cand(3, dup=1), cand(4), cand(5, dup=4)]
    cluster = Cluster("s", (0, 1, 2, 3, 4, 5), 0)
    assert distinct_members([cluster], cands)[0].members == (1, 4, 0)
    # Counted among the members given: without 2 and 3, program 1 has no more copies than 0.
    assert distinct_members([Cluster("s", (0, 1, 4, 5), 0)], cands)[0].members == (4, 0, 1)
    # A duplicate stands in for its absent original, with the original's copies.
    assert distinct_members([Cluster("s", (0, 2, 3), 0)], cands)[0].members == (2, 0)
    # Tiers come first: a slow program, however often written, after a fast one; compiled
    # before interpreted. Traces (dicts) without ``slow`` count every member fast.
    cands[1].slow = cands[2].slow = cands[3].slow = True
    assert distinct_members([cluster], cands)[0].members == (4, 0, 1)
    cands[0] = cand(0, "cpp")
    assert distinct_members([cluster], cands)[0].members == (0, 4, 1)
    traces = [{"language": "python", "duplicate_of": c.duplicate_of, "code": c.code} for c in cands]
    assert distinct_members([cluster], traces)[0].members == (1, 4, 0)


def test_inside_a_cluster_the_most_typical_program_comes_first():
    """No program was written twice; the one whose tokens the others share most leads, not
    the first in sample order, whose ``>=`` no other has."""
    from solver.extract import similarity, token_set
    from solver.pipeline import Candidate, distinct_members
    from solver.ranker import Cluster

    bodies = ["return [x for x in l if x >= 0]  # keep zero", "return [x for x in l if x > 0]",
              "return [i for i in l if i > 0]", "return [n for n in l if n > 0]"]
    cands = [Candidate(i, "python", body + "\n", "direct", i) for i, body in enumerate(bodies)]
    assert token_set(cands[0].code, "python") - token_set(cands[1].code, "python") == {"="}  # not the comment
    assert similarity(token_set(cands[1].code, "python"), token_set(cands[2].code, "python")) == 9 / 11
    # Summed similarities: 1 has 1 + 10/11 + 9/11 + 9/11, 0 has 1 + 10/11 + 3/4 + 3/4, 2 and 3
    # 1 + 9/11 + 9/11 + 3/4 each (a tie: sample order).
    assert distinct_members([Cluster("s", (0, 1, 2, 3), 0)], cands)[0].members == (1, 0, 2, 3)
    # ``limit``: only the clusters a selection of that many can reach.
    assert len(distinct_members([Cluster("s", (0,), 0), Cluster("t", (1,), 0)], cands, 1)) == 1


def test_inside_a_cluster_compiled_members_come_before_interpreted_ones():
    from sandbox import RunResult, Status
    from solver.pipeline import Candidate, _fast_first

    cands = [Candidate(0, "python", "p0", "direct", 0), Candidate(1, "cpp", "c1", "direct", 0),
             Candidate(2, "python", "p2", "direct", 1), Candidate(3, "cpp", "c3", "direct", 1)]

    def runs(cpu_s):
        return [RunResult(Status.OK, 0, None, cpu_s, cpu_s, 1.0, b"", b"")] * 5

    # As fast as each other (a warm Python run costs about what a C++ run does): compiled first.
    timing = {0: runs(0.002), 1: runs(0.001), 2: runs(0.002), 3: runs(0.001)}
    assert _fast_first([0, 1, 2, 3], timing, cands) == (1, 3, 0, 2)
    # A clearly slower compiled member still goes after a fast interpreted one.
    timing[3] = runs(0.5)
    assert _fast_first([0, 1, 2, 3], timing, cands) == (1, 0, 2, 3)


def test_s_star_round_adjudicates_the_two_leading_clusters(sandbox, tmp_path):
    """S*: the tests model writes inputs that split the two leading clusters, the solve model
    says which output is right (shown in both orders), and the winner is ranked first; a
    replay of the same replies (purposes distinguish and adjudicate) gives the same choice."""
    import json

    from solver.models import ReplayModel

    problem = load(str(CORE / "meteorlog"))[0]
    correct = sub("meteorlog", "accepted/meteors.py")
    wrong = sub("meteorlog", "wrong_answer/assumes_ordered.py")
    split = "```input\n2 1\n3 4\n2 1\n```\n"
    distinguishing = split + "```input\n3 1\n1 2 3\n3 1\n```\n"
    verdicts = ["Output B sums the range correctly. Answer: B", "Output A sums the range correctly. Answer: A"]
    scripts = {"give different outputs": [distinguishing], "Exactly one of the two outputs is correct": verdicts,
               "ONE random valid input": ["no generator"], "distinct valid inputs": [split],
               "Write 10 tests": ["none"],
               "Meteor Log": [fence(wrong), fence(wrong + "\n# again\n"), fence(correct)]}
    config = SolveConfig(samples=3, variants=("direct",), k=2, generated_inputs=0, repair_rounds=0, tests_samples=1)
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        attempt = solve(problem, config, model, sandbox, tests_model=tests)
        asked = [r for r in server.requests if "Exactly one of the two outputs" in json.dumps(r["messages"])]
    record = attempt.adjudication
    wrong_sig, right_sig = record["pair"]  # by size the wrong cluster (2 samples) led
    assert [len(d["outputs"]) for d in record["differ"]] == [2, 2] and len(record["inputs"]) == 2
    # Shown first as B, then (order swapped) as A: the correct output won both times.
    assert [d["verdict"] for d in record["differ"]] == ["B", "A"] and len(asked) == 2
    assert record["winner"] == right_sig and attempt.clusters[0].signature == right_sig
    assert attempt.submissions[0] == 2 and attempt.scores[0].get("adjudicated") == 1.0
    assert "`Answer: A` or `Answer: B`" in asked[0]["messages"][-1]["content"]
    # The same replies recorded as a replay pool (both roles, with their purposes).
    pool = tmp_path / "pool.jsonl"
    rows = [{"task_id": "meteorlog", "completion": fence(c)} for c in (wrong, wrong + "\n# again\n", correct)]
    rows += [{"task_id": "meteorlog", "purpose": "adjudicate", "completion": v} for v in verdicts]
    rows += [{"task_id": "meteorlog", "role": "tests", "purpose": p, "completion": t}
             for p, t in (("inputs", split), ("tests", "none"), ("distinguish", distinguishing))]
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows))
    replayed = solve(problem, config, ReplayModel(str(pool), "solve"), sandbox,
                     tests_model=ReplayModel(str(pool), "tests"))
    assert replayed.adjudication["winner"] == right_sig and replayed.submissions == attempt.submissions


def _solve_with_model_validator(sandbox, validator: str):
    """Pool_1 (no samples, no validator of its own) solved with a tests model that writes
    ``validator`` and three tests, one of them with negative values."""
    from problems import load as load_set

    problem = load_set(str(Path(__file__).parent / "fixtures" / "pool" / "problems.jsonl"))["Pool_1"]
    assert not problem.samples and not problem.input_validators
    asserts = ("```python\nassert second_largest([5, 5, 3]) == 3\nassert second_largest([1, 2]) == 1\n"
               "assert second_largest([-4, 2]) == -4\n```\n")
    scripts = {"exits with code 42": [fence(validator)], "Write 10 tests": [asserts],
               "ONE random valid input": ["none"], "distinct valid inputs": ["none"],
               "second largest": [fence("def second_largest(numbers):\n    return sorted(set(numbers))[-2]\n")]}
    with ScriptedOpenAI(scripts) as server:
        model = OpenAIModel(ModelConfig("scripted", server.base_url, "k", backoff_s=0.01), "solve")
        tests = OpenAIModel(ModelConfig("cheap", server.base_url, "k", backoff_s=0.01), "tests")
        config = SolveConfig(samples=1, variants=("direct",), k=1, generated_inputs=0, repair_rounds=0,
                             tests_samples=1, distinguish=0)
        return solve(problem, config, model, sandbox, tests_model=tests)


@pytest.mark.parametrize("reject", ["43", "3"], ids=["rejects-43", "crashes-exit-3"])
def test_a_validator_the_tests_model_wrote_checks_its_tests(sandbox, reject):
    """No samples, no validator of the problem's own: the tests model's validator is trusted
    because it accepts most of the tests model's inputs, and then it rejects the test whose
    input breaks the constraints (negative values) before that test can vote. Exiting with
    another code than 42 or 43 rejects too (with the reason), as a crash on a bad input does."""
    validator = ("import json, sys\nargs = json.loads(sys.stdin.read())\n"
                 f"sys.exit(42 if all(x >= 0 for x in args[0]) else {reject})\n")
    attempt = _solve_with_model_validator(sandbox, validator)
    assert attempt.input_sources["tests"] == 2
    assert sorted(attempt.inputs[t.input] for t in attempt.expected_tests) == [b"[[1, 2]]\n", b"[[5, 5, 3]]\n"]
    assert not any("validator" in note for note in attempt.notes)


def test_a_validator_the_tests_model_wrote_that_cannot_run_is_dropped(sandbox):
    """A validator of the tests model's that cannot run (does not compile) is dropped with a
    note: every test is kept, and the inputs are not validated."""
    attempt = _solve_with_model_validator(sandbox, "import json, sys\nargs = json.loads(sys.stdin.read(\n")
    assert attempt.input_sources["tests"] == 3 and not attempt.inputs_valid
    notes = [n for n in attempt.notes if n.startswith("tests model (validator): dropped")]
    assert len(notes) == 1 and "the tests model's input validator" in notes[0] and "does not compile" in notes[0]
