"""Ranking quality: the ranker's picks against a random pick, on a labelled candidate pool.

The pool of a problem is its own submissions (``submissions/accepted``, ``wrong_answer``,
``time_limit_exceeded``, ``run_time_error``); a submission is correct exactly when it sits
in ``accepted``. Each one is written ``--copies`` times (default 3) into a replay JSONL as
a fenced reply (```` ```python ```` or ```` ```cpp ````), every copy after the first with a
different comment appended (``# copy 2`` / ``// copy 2``), so the pool has the
multiplicities of real sampling and de-duplication must see through comments. The rows
of each problem are shuffled with ``--seed`` (the ranker breaks ties by the earliest
sample, so a pool ordered by folder would favour whichever folder came first).

``solve()`` then runs on that pool with ``samples`` = pool size for both ``python`` and
``cpp`` and the single ``direct`` variant: each language's request receives every row
once (rows 0..n-1, the same for both) and extraction keeps only the code fenced in the
asked language, so every submission copy becomes exactly one candidate. The repair loop
is off (a replay would answer every repair request with the pool's first row). A chosen candidate is
traced back to its source file by its fingerprint (comments and layout ignored), which
gives its label without judging; the first pick is also judged on the hidden tests and
any disagreement with its label is reported.

Figures per problem and overall (the mean over problems):

* ranker top-1: the first submission is correct; ranker top-10: any of the (at most) 10
  submissions is correct;
* which member of a cluster is submitted and which of two equally ranked clusters leads
  depend on the pool order (see ``solver.ranker``), so the rows are shuffled with
  ``--seed``; run several seeds to see the spread;
* random top-1 / top-10: the same for submitting uniformly at random among the
  candidates that pass the samples, computed exactly, not simulated. With ``S``
  survivors of which ``C`` are correct and ``W = S - C`` wrong (duplicates count as
  separate candidates: they are separate samples) and ``m = min(10, S)`` submissions
  drawn without replacement: top-1 = ``C / S`` and top-10 = ``1 - C(W, m) / C(S, m)``
  (both 0 when ``S = 0``);
* candidates (with code), duplicates found by the pipeline, survivors (duplicates
  included) and how many are correct, generated inputs, clusters, and the size of the
  cluster the first pick comes from; when the first pick is wrong, the clusters in rank
  order with the files in each.

Figures only: nothing here is asserted.

    python bench/ranking.py [--problems PATH] [--copies 3] [--inputs 20] [--only ID,ID] [--seed 0]
                            [--json FILE] [--no-warm-python]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from problems import Problem, load
from problems.judging import Verdict, judge_problem
from problems.kattis import program_from_path
from sandbox import Sandbox
from sandbox.backends import open_sandbox
from solver.extract import extract_code, fingerprint
from solver.models import ReplayModel
from solver.pipeline import Attempt, SolveConfig, solve

DEFAULT_PROBLEMS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "problems", "sets", "core")
CATEGORIES = {"accepted": True, "wrong_answer": False, "time_limit_exceeded": False, "run_time_error": False}
COMMENT = {"python": "#", "cpp": "//"}
LANGUAGES = ("python", "cpp")
K = 10


@dataclass(frozen=True)
class Source:
    """One submission file of the pool."""

    name: str          #: ``category/file``
    category: str
    correct: bool
    language: str
    code: str


@dataclass(frozen=True)
class Row:
    """One replay row: a copy of a submission, fenced as a model reply."""

    source: Source
    copy: int
    completion: str


@dataclass
class Figures:
    problem: str
    submissions: int = 0
    candidates: int = 0
    duplicates: int = 0
    unrecognised_copies: int = 0
    survivors: int = 0
    correct_survivors: int = 0
    inputs: int = 0
    clusters: int = 0
    chosen_cluster_size: int = 0
    top1: bool = False
    top10: bool = False
    random_top1: float = 0.0
    random_top10: float = 0.0
    top1_source: str = ""
    top1_verdict: str = ""
    disagreement: bool = False
    picks: list[str] = field(default_factory=list)
    cluster_view: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


# --------------------------------------------------------------------------- the pool

def sources(problem: Problem) -> list[Source]:
    out = []
    for category, correct in CATEGORIES.items():
        for path in problem.submissions.get(category, ()):
            program = program_from_path(path)
            code = program.source_bytes.decode("utf-8")
            out.append(Source(f"{category}/{os.path.basename(path)}", category, correct, program.language, code))
    return out


def fenced(code: str, language: str, copy: int) -> str:
    if not code.endswith("\n"):
        code += "\n"
    if copy > 1:
        code += f"{COMMENT[language]} copy {copy}\n"
    return f"```{language}\n{code}```"


def pool_rows(problem: Problem, copies: int, seed: int) -> list[Row]:
    """The problem's pool, shuffled by a generator of its own (so ``--only`` reproduces the
    rows of a full run)."""
    rows = [Row(s, c, fenced(s.code, s.language, c)) for s in sources(problem) for c in range(1, copies + 1)]
    random.Random(f"{seed}:{problem.id}").shuffle(rows)
    return rows


def write_replay(pools: dict[str, list[Row]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for problem_id, rows in pools.items():
            for row in rows:
                f.write(json.dumps({"task_id": problem_id, "completion": row.completion}) + "\n")


def labels(rows: list[Row]) -> tuple[dict[str, Source], int]:
    """Fingerprint of the extracted code -> its source, and how many fingerprints two
    sources with different labels share (0 unless two files are the same program)."""
    by_fp: dict[str, Source] = {}
    conflicts = 0
    for row in rows:
        code = extract_code(row.completion, row.source.language)
        assert code is not None, row.source.name
        fp = fingerprint(code, row.source.language)
        known = by_fp.setdefault(fp, row.source)
        conflicts += known.correct != row.source.correct
    return by_fp, conflicts


# --------------------------------------------------------------------------- figures

def random_pick(correct: int, total: int, k: int = K) -> tuple[float, float]:
    """Exact chance that a uniformly random pick (1, and ``min(k, total)`` without
    replacement) among ``total`` candidates holds a correct one."""
    if total == 0:
        return 0.0, 0.0
    m = min(k, total)
    return correct / total, 1.0 - math.comb(total - correct, m) / math.comb(total, m)


def source_of(attempt: Attempt, cid: int, by_fp: dict[str, Source]) -> Source:
    cand = attempt.candidates[cid]
    assert cand.code is not None
    return by_fp[fingerprint(cand.code, cand.language)]


def cluster_view(attempt: Attempt, by_fp: dict[str, Source]) -> list[dict[str, Any]]:
    """Each cluster in rank order: size, failures, its files, and per language how many of
    its samples (duplicates included) there are and how many are correct."""
    view = []
    for c in attempt.clusters:
        members = [(attempt.candidates[m].language, source_of(attempt, m, by_fp)) for m in c.members]
        by_language = {lang: [sum(1 for language, _ in members if language == lang),
                              sum(1 for language, s in members if language == lang and s.correct)]
                       for lang in LANGUAGES}
        view.append({"size": c.size, "failures": c.failures, "members": sorted({s.name for _, s in members}),
                     "correct": sum(s.correct for _, s in members), "by_language": by_language})
    return view


def measure(problem: Problem, rows: list[Row], replay: str, sandbox: Sandbox, inputs: int, seed: int) -> Figures:
    t = time.monotonic()
    by_fp, conflicts = labels(rows)
    figs = Figures(problem.id, submissions=len({r.source.name for r in rows}))
    if conflicts:
        print(f"  {problem.id}: {conflicts} rows share a fingerprint with a differently labelled file", file=sys.stderr)
    # No repair: a replay answers a repair request with the pool's first row.
    config = SolveConfig(samples=len(rows), languages=LANGUAGES, variants=("direct",), k=K,
                         generated_inputs=inputs, repair_rounds=0, seed=seed)
    attempt = solve(problem, config, ReplayModel(replay), sandbox)

    with_code = [c for c in attempt.candidates if c.code is not None]
    figs.candidates = len(with_code)
    figs.duplicates = sum(c.duplicate_of is not None for c in with_code)
    figs.unrecognised_copies = figs.candidates - figs.duplicates - figs.submissions
    survivors = [c for c in with_code if c.sample_verdict == Verdict.AC.value]
    figs.survivors = len(survivors)
    figs.correct_survivors = sum(source_of(attempt, c.id, by_fp).correct for c in survivors)
    figs.random_top1, figs.random_top10 = random_pick(figs.correct_survivors, figs.survivors)
    figs.inputs = len(attempt.inputs)
    figs.clusters = len(attempt.clusters)
    figs.cluster_view = cluster_view(attempt, by_fp)

    picks = [source_of(attempt, cid, by_fp) for cid in attempt.submissions]
    figs.picks = [p.name for p in picks]
    figs.top1 = bool(picks) and picks[0].correct
    figs.top10 = any(p.correct for p in picks)
    if picks:
        first = attempt.submissions[0]
        index = attempt.candidates[first].cluster
        figs.chosen_cluster_size = attempt.clusters[index].size if index is not None else 0
        figs.top1_source = picks[0].name
        verdict = judge_problem(sandbox, attempt.submission_programs()[0], problem).verdict
        figs.top1_verdict = verdict.value
        figs.disagreement = (verdict is Verdict.AC) != picks[0].correct
    figs.seconds = time.monotonic() - t
    return figs


# --------------------------------------------------------------------------- report

HEADER = (f"{'problem':<20} {'subs':>4} {'cand':>4} {'dup':>4} {'surv':>4} {'ok':>3} {'inp':>3} {'clus':>4} "
          f"{'chosen':>6} {'top1':>4} {'top10':>5} {'rnd1':>5} {'rnd10':>5} {'judged':>6} {'secs':>6}  "
          "first pick")


def row_line(f: Figures) -> str:
    yes = {True: "yes", False: "no"}
    judged = f.top1_verdict + ("!" if f.disagreement else "")
    return (f"{f.problem:<20} {f.submissions:>4} {f.candidates:>4} {f.duplicates:>4} {f.survivors:>4} "
            f"{f.correct_survivors:>3} {f.inputs:>3} {f.clusters:>4} {f.chosen_cluster_size:>6} {yes[f.top1]:>4} "
            f"{yes[f.top10]:>5} {f.random_top1:>5.2f} {f.random_top10:>5.2f} "
            f"{judged:>6} {f.seconds:>6.1f}  "
            f"{f.top1_source or '-'}")


def overall(figures: list[Figures]) -> dict[str, float]:
    n = max(len(figures), 1)
    return {"problems": len(figures),
            "top1": sum(f.top1 for f in figures) / n,
            "top10": sum(f.top10 for f in figures) / n,
            "random_top1": sum(f.random_top1 for f in figures) / n,
            "random_top10": sum(f.random_top10 for f in figures) / n,
            "candidates": sum(f.candidates for f in figures), "duplicates": sum(f.duplicates for f in figures),
            "unrecognised_copies": sum(f.unrecognised_copies for f in figures),
            "disagreements": sum(f.disagreement for f in figures)}


def explain(f: Figures) -> None:
    print(f"\n{f.problem}: first pick {f.top1_source} is wrong (judged {f.top1_verdict}); clusters in order:")
    for i, c in enumerate(f.cluster_view):
        print(f"  #{i}: size {c['size']}, failures {c['failures']}, correct {c['correct']}: {', '.join(c['members'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--problems", default=DEFAULT_PROBLEMS, help="a problem set with submissions (default: core)")
    ap.add_argument("--copies", type=int, default=3, help="copies of each submission in the pool")
    ap.add_argument("--inputs", type=int, default=20, help="generated inputs for clustering")
    ap.add_argument("--only", default="", help="comma-separated problem ids")
    ap.add_argument("--seed", type=int, default=0, help="pool order and input generation")
    ap.add_argument("--json", default="", help="write the figures to this file")
    ap.add_argument("--no-warm-python", action="store_true", help="start every Python run cold")
    args = ap.parse_args()
    if args.copies < 1:
        ap.error("--copies must be at least 1")

    started = time.monotonic()
    problems = list(load(args.problems))
    if args.only:
        wanted = {p.strip() for p in args.only.split(",") if p.strip()}
        missing = wanted - {p.id for p in problems}
        if missing:
            ap.error(f"--only: no such problems: {', '.join(sorted(missing))}")
        problems = [p for p in problems if p.id in wanted]
    pools = {p.id: pool_rows(p, args.copies, args.seed) for p in problems}
    pools = {pid: rows for pid, rows in pools.items() if rows}
    problems = [p for p in problems if p.id in pools]

    figures: list[Figures] = []
    print(f"{len(problems)} problems from {args.problems}, {args.copies} copies per submission, "
          f"{args.inputs} generated inputs, k={K}, seed {args.seed}\n")
    print(HEADER)
    with tempfile.TemporaryDirectory(prefix="codesolve-ranking-") as tmp, \
            open_sandbox("local", warm_python=not args.no_warm_python) as sandbox:
        replay = os.path.join(tmp, "pool.jsonl")
        write_replay(pools, replay)
        for problem in problems:
            figs = measure(problem, pools[problem.id], replay, sandbox, args.inputs, args.seed)
            figures.append(figs)
            print(row_line(figs), flush=True)

    total = overall(figures)
    wall = time.monotonic() - started
    print(f"\noverall (mean over {total['problems']} problems): ranker top-1 {total['top1']:.3f}, "
          f"top-10 {total['top10']:.3f}; "
          f"random top-1 {total['random_top1']:.3f}, "
          f"top-10 {total['random_top10']:.3f}")
    print(f"duplicates found by the pipeline: {total['duplicates']} of {total['candidates']} candidates "
          f"(copies not recognised as duplicates: {total['unrecognised_copies']}); "
          f"label/judge disagreements on the first pick: {total['disagreements']}")
    for f in figures:
        if f.candidates and not f.top1:
            explain(f)
    print(f"\ntotal wall time {wall:.1f} s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"config": {"problems": args.problems, "copies": args.copies, "inputs": args.inputs,
                                  "seed": args.seed, "k": K},
                       "overall": total, "wall_s": wall, "per_problem": [asdict(f) for f in figures]}, out, indent=1)


if __name__ == "__main__":
    main()
