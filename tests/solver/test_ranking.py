"""The selection policy's pieces: calibrated limits, early stop, output classes, the order."""

from __future__ import annotations

import pytest

from problems.judging import Checker
from sandbox import Limits, RunResult, Status
from solver.execution import FLOOR_S, LIMIT_FACTOR, MAX_TIMEOUTS, PILOT, calibrated_limit, execute, timeouts_stop
from solver.prompts import read_verdict
from solver.ranker import (
    Cluster,
    ExpectedTest,
    RankWeights,
    canonical_output,
    cluster,
    codet_scores,
    output_classes,
    rank,
    runnable_inputs,
    select,
)


def ok(out: str, cpu: float = 0.001) -> RunResult:
    return RunResult(Status.OK, 0, None, cpu, cpu, 1.0, out.encode(), b"")


def failed(status: Status, cpu: float = 0.0) -> RunResult:
    return RunResult(status, 1, None, cpu, cpu, 1.0, b"", b"")


# --------------------------------------------------------------------------- calibrated limits

def test_calibrated_limit_is_a_multiple_of_the_fastest_within_floor_and_cap():
    floor = FLOOR_S["process"]
    assert calibrated_limit([0.001, 0.002], cap_s=2.0, floor_s=floor) == floor  # fast: the floor
    # 10 x 0.04 = 0.4 s, rounded up to the floor times a power of two (0.5 s)
    assert calibrated_limit([0.01, 0.04], cap_s=2.0, floor_s=floor) == 0.5
    assert calibrated_limit([0.3], cap_s=2.0, floor_s=floor) == 2.0  # never above the problem's limit
    assert calibrated_limit([], cap_s=2.0, floor_s=floor) == floor
    assert calibrated_limit([0.001], cap_s=0.1, floor_s=floor) == 0.1  # a cap below the floor wins
    assert LIMIT_FACTOR * 0.04 <= calibrated_limit([0.04], 10.0, floor)


class FakeRunner:
    """Per candidate, per input: seconds of CPU (None: crashes). Honours limits and early stop."""

    def __init__(self, times: dict[int, list[float | None]]) -> None:
        self.times = times
        self.calls: list[tuple[int, int, float]] = []

    def __call__(self, cid: int, inputs, limits: Limits, max_timeouts: int):
        self.calls.append((cid, len(inputs), limits.time_s))
        out, timeouts = [], 0
        index = {data: i for i, data in enumerate(self.all)}
        for data in inputs:
            if timeouts >= max_timeouts:
                out.append(None)
                continue
            t = self.times[cid][index[data]]
            if t is None:
                out.append(failed(Status.RE))
            elif t > limits.time_s:
                timeouts += 1
                out.append(failed(Status.TLE, limits.time_s))
            else:
                out.append(ok("x", t))
        return out


def test_execute_pilot_then_calibrated_limit_early_stop_and_dropped_inputs():
    inputs = [b"small", b"big", b"huge"]
    fast = [0.001, 0.02, 5.0]            # nobody finishes "huge" within the 1 s cap
    slow = [0.001, 0.9, 5.0]             # 45x slower than the fastest on "big"
    loops = [5.0, 5.0, 5.0]
    times = {0: fast, 1: slow, 2: fast, 3: loops, 4: slow, 5: loops, 6: fast}
    runner = FakeRunner(times)
    runner.all = inputs
    out = execute(list(times), inputs, runner, Limits(time_s=1.0), floor_s=0.05, workers=1)
    assert out.pilot == list(range(PILOT))
    assert out.kept == [0, 1]  # "huge": every pilot run timed out
    assert out.limit_s == 0.2  # 10 x 0.02 = 0.2 = 0.05 x 2**2
    # pilot runs under the problem's limit; the rest under the calibrated one, on the kept inputs
    assert {(cid, n, t) for cid, n, t in runner.calls} == {
        (0, 3, 1.0), (1, 3, 1.0), (2, 3, 1.0), (3, 3, 1.0), (4, 2, 0.2), (5, 2, 0.2), (6, 2, 0.2)}
    status = {cid: [r.status.value if r else None for r in runs] for cid, runs in out.runs.items()}
    assert status[1] == ["OK", "TLE"]  # a pilot run over the calibrated limit is a timeout
    assert status[4] == ["OK", "TLE"] and status[6] == ["OK", "OK"]
    assert status[3] == ["TLE", "TLE"] and status[5] == ["TLE", "TLE"]


def test_timeouts_stop_rule():
    stop = timeouts_stop(MAX_TIMEOUTS)
    results = [ok("1"), failed(Status.TLE), failed(Status.RE), failed(Status.TLE), failed(Status.TLE)]
    assert [stop(i, r) for i, r in enumerate(results)] == [False, False, False, False, True]


# --------------------------------------------------------------------------- behaviour and order

def test_output_classes_compare_as_the_checker_does():
    runs = {0: [ok("[1.0, 2]"), ok('"YES"')], 1: [ok("[1.0000000001, 2]"), ok('"yes"')], 2: [ok("[1, 3]"), None]}
    labels, outputs = output_classes(runs, Checker(kind="json"))
    assert labels == {0: ["o0", "o0"], 1: ["o0", "o1"], 2: ["o1", "not-run"]}  # json: case matters
    labels, _ = output_classes({0: [ok("YES")], 1: [ok("yes")]}, Checker())  # Kattis default: it does not
    assert labels == {0: ["o0"], 1: ["o0"]}
    assert outputs[0] == [b"[1.0, 2]", b"[1, 3]"]
    assert canonical_output(b"[0.30000000000000004]", Checker(kind="json")) == canonical_output(b"[0.3]", Checker(kind="json"))
    clusters = cluster({0: ["o0", "RE"], 1: ["o0", "RE"], 2: ["o1", "o0"]})
    assert [(c.members, c.failures) for c in clusters] == [((0, 1), 1), ((2,), 0)]


def c(sig: str, members: tuple[int, ...], behaviour: tuple[str, ...]) -> Cluster:
    return Cluster(sig, members, sum(b in ("TLE", "RE", "MLE", "OLE", "not-run") for b in behaviour), behaviour)


def test_codet_dual_agreement_counts_tests_as_often_as_written():
    big = c("big", (0, 1, 2, 3), ("o0", "o0"))
    small = c("small", (4,), ("o1", "o1"))
    tests = [ExpectedTest(0, "o1", 3), ExpectedTest(1, "o1", 2), ExpectedTest(1, "o0", 1)]
    scores = codet_scores([big, small], tests)
    assert scores == {"big": 2.0 * 1, "small": 1.0 * 5}  # sqrt(4) x 1 test; sqrt(1) x 5 tests
    assert [r.cluster.signature for r in rank([big, small], tests)] == ["small", "big"]
    assert [r.cluster.signature for r in rank([big, small])] == ["big", "small"]  # no tests: size


def test_ranking_weights_are_the_exponents_of_size_and_test_weight():
    big = c("big", (0, 1, 2, 3), ("o0", "o0"))
    small = c("small", (4,), ("o1", "o1"))
    tests = [ExpectedTest(0, "o1", 3), ExpectedTest(1, "o1", 2), ExpectedTest(1, "o0", 1)]
    assert RankWeights() == RankWeights(0.5, 1.0) == RankWeights.from_json(None) == RankWeights.from_json({})
    assert RankWeights.from_json(RankWeights(0.25, 0.0).to_json()) == RankWeights(0.25, 0.0)
    # CodeT's product: 4 x 1 against 1 x 5.
    assert codet_scores([big, small], tests, RankWeights(1.0, 1.0)) == {"big": 4.0, "small": 5.0}
    # Distinct tests once: 2 x 1 against 1 x 2, a tie broken by size.
    assert codet_scores([big, small], tests, RankWeights(0.5, 0.0)) == {"big": 2.0, "small": 2.0}
    assert [r.cluster.signature for r in rank([big, small], tests, weights=RankWeights(0.5, 0.0))] == ["big", "small"]
    # Tests alone: 1 x 1 against 1 x 5; a square root of each weight: 2 x 1 against sqrt(3) + sqrt(2).
    assert codet_scores([big, small], tests, RankWeights(0.0, 1.0)) == {"big": 1.0, "small": 5.0}
    assert codet_scores([big, small], tests, RankWeights(0.5, 0.5))["small"] == pytest.approx(3 ** 0.5 + 2 ** 0.5)


def test_failures_count_where_most_candidates_run_fine_unless_inputs_are_validated():
    # Input 1 is one most candidates crash on (outside the constraints?): no evidence there.
    a = c("a", (0, 1, 2), ("o0", "RE", "o0"))
    b = c("b", (3,), ("o0", "o1", "o1"))
    d = c("d", (4, 5), ("o0", "RE", "TLE"))
    assert runnable_inputs([a, b, d]) == {0, 2}
    order = [r.cluster.signature for r in rank([a, b, d])]
    assert order == ["a", "b", "d"]  # d fails on input 2, where most run fine
    # With the problem's own validators every input is valid: a failure anywhere counts.
    assert [r.cluster.signature for r in rank([a, b, d], inputs_valid=True)] == ["b", "a", "d"]


def test_ties_break_by_size_then_earliest_member_and_round_robin_selection():
    x = c("x", (5, 6), ("o0",))
    y = c("y", (1, 7), ("o1",))
    z = c("z", (2,), ("o2",))
    ordered = [r.cluster for r in rank([x, y, z])]
    assert [o.signature for o in ordered] == ["y", "x", "z"]
    assert select(ordered, 4) == [1, 5, 2, 7]


def test_adjudication_moves_the_winner_above_the_loser():
    x = c("x", (0, 1, 2), ("o0",))
    y = c("y", (3,), ("o1",))
    ranked = rank([x, y], preferences=[("y", "x")])
    assert [r.cluster.signature for r in ranked] == ["y", "x"] and ranked[0].components["adjudicated"] == 1.0
    assert [r.cluster.signature for r in rank([x, y], preferences=[("x", "y")])] == ["x", "y"]  # already so


def test_read_verdict_takes_the_last_answer_line():
    assert read_verdict("A looks plausible, but...\nAnswer: B") == "B"
    assert read_verdict("Answer: A\nOn reflection:\nAnswer: **B**") == "B"
    assert read_verdict("I cannot tell.") is None
