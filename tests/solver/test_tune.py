"""``codesolve tune`` on a recorded run made by the test: the split, the search (never trading
dev solve rate for cost), the held-out figures beside the defaults', and the config file it
writes, which ``solve --config`` reads."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from solver.budget import StopRule
from solver.config import resolve
from solver.ranker import RankWeights
from solver.report import ProblemFigures, ranked_subset
from solver.store import RunStore
from solver.tune import DEFAULT, FIRST_ROUNDS, RULES, WEIGHTS, Setting, evaluate, model_units, split, tune

ROOT = Path(__file__).resolve().parents[2]


def attempt(pattern: str) -> tuple[dict, dict]:
    """A recorded problem of 16 samples: ``pattern[i]`` is sample i's behaviour class (``a`` the
    right one); every sample survives; a cluster per class, in the order the ranker gives."""
    cands = [{"id": i, "variant": "direct", "duplicate_of": None, "repaired_from": None, "sample_verdict": "AC",
              "code": f"print({i})", "cluster": None} for i in range(len(pattern))]
    classes = sorted(set(pattern), key=lambda c: -pattern.count(c))
    clusters = [{"signature": c, "members": [i for i, x in enumerate(pattern) if x == c], "failures": 0,
                 "behaviour": [c]} for c in classes]
    for k, c in enumerate(clusters):
        for m in c["members"]:
            cands[m]["cluster"] = k
    first = clusters[0]["members"][0]
    verdicts = {str(i): "AC" if x == "a" else "WA" for i, x in enumerate(pattern)}
    return ({"candidates": cands, "clusters": clusters, "expected_tests": [], "inputs_valid": False,
             "submissions": [first], "usage": {"solve": {"samples": len(pattern)}}},
            {"verdicts": verdicts})


#: Easy problems settle at once on the right cluster; hard ones change their mind late.
EASY = "a" * 16
LATE = "bbcdaaaaaaaaaaaa"
WRONG = "bbbbbbbbbbbbbbbb"


def make_run(path: Path) -> None:
    store = RunStore(str(path))
    for i in range(40):
        pattern = (EASY, LATE, WRONG, EASY)[i % 4]
        a, judged = attempt(pattern)
        store.record_problem(f"p{i:02d}", i, a, judged, None, 1.0)
    store.close()


def figures_of(run: Path) -> list[ProblemFigures]:
    store = RunStore.open_existing(str(run))
    figures = [ProblemFigures(r, 1) for r in store.problems()]
    store.close()
    return figures


def test_tune_never_trades_dev_solve_rate_and_reports_held_out_figures(tmp_path: Path):
    make_run(tmp_path / "run")
    figures = figures_of(tmp_path / "run")
    dev, held = split((f.id for f in figures), 0.5, 0)
    assert dev and held and not dev & held and len(dev | held) == 40
    result = tune(figures, 0.5, 0)
    chosen: Setting = result["chosen"]
    dev_default, dev_chosen = result["figures"]["default"]["dev"], result["figures"]["chosen"]["dev"]
    assert dev_chosen.solved >= dev_default.solved and dev_chosen.cost <= dev_default.cost
    assert chosen != DEFAULT and dev_chosen.cost < dev_default.cost  # here a cheaper setting exists
    # The figures are those of an independent evaluation of the chosen setting on the held-out problems.
    held_figures = [f for f in figures if f.id in held]
    assert result["figures"]["chosen"]["held_out"] == evaluate(held_figures, chosen)
    assert result["figures"]["default"]["held_out"] == evaluate(held_figures, DEFAULT)
    assert result["figures"]["fixed"]["held_out"].samples == 16.0

    out = tmp_path / "tuned.toml"
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", str(tmp_path / "run"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"split: {len(dev)} dev problems, {len(held)} held out" in proc.stdout
    assert "chosen     held_out" in proc.stdout and "default    held_out" in proc.stdout
    config, sources = resolve({"problems": "x", "model": "m"}, str(out))
    assert (config.first_round, config.stop_min_size) == (chosen.first_round, chosen.rule.min_size)
    assert sources["first_round"] == str(out)


def test_tune_says_what_is_wrong(tmp_path: Path):
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", str(tmp_path / "none")],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2 and "not a run directory" in proc.stderr
    make_run(tmp_path / "run")
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", str(tmp_path / "run"), "--dev", "1.5"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2 and "--dev 1.5: expected a fraction" in proc.stderr


def weighted_attempt(pattern: str) -> tuple[dict, dict]:
    """A recorded problem whose tests model wrote one wrong test four times (on input 0, the
    answer of the wrong programs ``b``) and two right tests once each (inputs 1 and 2): with
    as many ``a`` as ``b``, CodeT with every copy counted picks ``b``; counting distinct tests
    once picks ``a`` (the right one)."""
    a, judged = attempt(pattern)
    label = {"a": "o0", "b": "o1"}
    for c in a["clusters"]:
        c["behaviour"] = [label[c["signature"]]] * 3
    a["expected_tests"] = [{"input": 0, "expected": "o1", "weight": 4}, {"input": 1, "expected": "o0", "weight": 1},
                           {"input": 2, "expected": "o0", "weight": 1}]
    return a, judged


def test_tune_searches_the_ranking_weights_and_writes_them(tmp_path: Path):
    store = RunStore(str(tmp_path / "run"))
    for i in range(40):
        pattern = EASY if i % 2 else "ab" * 8
        a, judged = weighted_attempt(pattern) if i % 2 == 0 else attempt(pattern)
        store.record_problem(f"p{i:02d}", i, a, judged, None, 1.0)
    store.close()
    figures = figures_of(tmp_path / "run")
    result = tune(figures, 0.5, 0)
    chosen: Setting = result["chosen"]
    assert chosen.weights.test_weight_exponent == 0.0  # the only weight that picks the right cluster
    # Each weight under the default budget, then each budget under the chosen weights (one of
    # them the default budget again).
    assert result["settings_searched"] == len(WEIGHTS) + len(FIRST_ROUNDS) * len(RULES) - 1
    held = {name: result["figures"][name]["held_out"] for name in ("chosen", "default")}
    assert held["chosen"].first_submission == 1.0 > held["default"].first_submission
    assert held["chosen"].cost / held["chosen"].solved < held["default"].cost / held["default"].solved
    held_figures = [f for f in figures if f.id in set(result["held_out"])]
    assert held["chosen"] == evaluate(held_figures, chosen)
    assert evaluate(held_figures, replace(chosen, weights=RankWeights())).first_submission < 1.0

    out = tmp_path / "tuned.toml"
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", str(tmp_path / "run"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "test weight ** 0" in proc.stdout
    config, sources = resolve({"problems": "x", "model": "m"}, str(out))
    assert (config.rank_size_exponent, config.rank_test_weight_exponent) == (chosen.weights.size_exponent, 0.0)
    assert config.solve_config().rank_weights == chosen.weights and sources["rank_test_weight_exponent"] == str(out)


def test_the_replay_ranks_with_the_weights_the_run_recorded():
    # A trace made with distinct tests counted once chose a; re-selected on its whole pool it still does.
    a, judged = weighted_attempt("ab" * 8)
    a["ranking"] = RankWeights(0.5, 0.0).to_json()
    figure = ProblemFigures({"id": "p", "attempt": a, "judged": judged, "seconds": 1.0}, 1)
    keep = set(range(16))
    assert ranked_subset(a, keep)[0].cluster.signature == "a"
    assert ranked_subset(a, keep, RankWeights())[0].cluster.signature == "b"
    assert evaluate([figure], Setting(16, StopRule(), weights=RankWeights(0.5, 0.0))).first_submission == 1.0


def cascade_attempt(cheap: str, strong: str, drawn: tuple[int, int] = (8, 8)) -> tuple[dict, dict]:
    """A recorded problem of a two-model cascade (budgets 8 and 8) that drew ``drawn`` samples of
    each model; ``cheap[i]`` / ``strong[i]`` is the behaviour class of that model's sample i."""
    pattern = cheap[:drawn[0]] + strong[:drawn[1]]
    a, judged = attempt(pattern)
    for c in a["candidates"]:
        c["model"] = "cheap" if c["id"] < drawn[0] else "strong"
    a["budget"] = {"models": [{"model": "cheap", "samples": drawn[0], "of": 8},
                              {"model": "strong", "samples": drawn[1], "of": 8}]}
    a["usage"] = {"solve:cheap": {"samples": drawn[0], "cost": 0.001 * drawn[0]},
                  "solve:strong": {"samples": drawn[1], "cost": 0.01 * drawn[1]}}
    return a, judged


def test_tune_searches_a_cascades_budgets_per_model(tmp_path: Path):
    # Recorded with every model's whole budget drawn: easy problems are right on cheap samples,
    # hard ones only on strong samples (the cheap ones never agree), some are never right.
    store = RunStore(str(tmp_path / "run"))
    kinds = [("aaaaaaaa", "aaaaaaaa"), ("bcdefghi", "aaaaaaaa"), ("bbbbbbbb", "bbbbbbbb"), ("aaaaaaaa", "aaaaaaaa")]
    for i in range(40):
        a, judged = cascade_attempt(*kinds[i % 4])
        store.record_problem(f"p{i:02d}", i, a, judged, None, 1.0)
    store.close()
    figures = figures_of(tmp_path / "run")
    result = tune(figures, 0.5, 0)
    assert result["cascade"] and result["cost_unit"] == "cost"
    chosen: Setting = result["chosen"]
    dev_default, dev_chosen = result["figures"]["default"]["dev"], result["figures"]["chosen"]["dev"]
    assert dev_chosen.solved >= dev_default.solved and dev_chosen.cost < dev_default.cost
    # The budgets were searched too (the grid is 4 x 5 settings under the best first round and rule).
    assert result["settings_searched"] > 81 and chosen.budgets and chosen.budgets[1] > 0
    # Each model's samples are priced at its own cost per sample.
    held = [f for f in figures if f.id in set(result["held_out"])]
    assert result["figures"]["chosen"]["held_out"] == evaluate(held, chosen, model_units(figures))
    units = model_units(figures)
    assert {m: (round(c, 9), u) for m, (c, u) in units.items()} == {"cheap": (0.001, "cost"), "strong": (0.01, "cost")}
    out = tmp_path / "tuned.toml"
    proc = subprocess.run([sys.executable, "-m", "solver.cli", "tune", str(tmp_path / "run"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "samples per model" in proc.stdout and "recorded   held_out" in proc.stdout
    config, _ = resolve({"problems": "x", "model": "cheap,strong"}, str(out))
    assert config.budgets() == chosen.budgets and config.first_round == chosen.first_round


def test_a_cascade_setting_that_needs_samples_never_drawn_is_left_out():
    # The run stopped after 4 cheap samples: a setting that draws 8 of them cannot be judged.
    a, judged = cascade_attempt("aaaaaaaa", "aaaaaaaa", drawn=(4, 0))
    figure = ProblemFigures({"id": "p", "attempt": a, "judged": judged, "seconds": 1.0}, 1)
    assert evaluate([figure], Setting(8, StopRule(), (8, 8))) is None
    replayed = evaluate([figure], Setting(2, StopRule(), (8, 8)))  # settles after 4, as recorded
    assert replayed is not None and replayed.samples == 4 and replayed.first_submission == 1.0
