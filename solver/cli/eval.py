"""``codesolve eval``: grade external samples ({task_id, completion} JSONL) and report pass@k."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from . import HELP
from .common import SKIPPED_EXIT, Subparsers, UsageError, add_sandbox, load_problems, sandbox_from

log = logging.getLogger("codesolve")


def add_parser(sub: Subparsers) -> None:
    """Add ``eval`` to the subcommands."""
    p = sub.add_parser("eval", help=HELP["eval"])
    p.add_argument("samples", help="JSONL of {task_id, completion} or {task_id, code, language}")
    p.add_argument("--problems", required=True, metavar="PATH", help="the problem set the task ids refer to")
    p.add_argument("--out", metavar="FILE", help="also write the report as JSON")
    add_sandbox(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """A line per problem and one of pass@k on stdout (``--out``: the whole report as JSON)."""
    from tqdm import tqdm

    from ..evaluation import grade, read_samples, report

    samples = read_samples(args.samples)
    problem_set = load_problems(args.problems)
    total = sum(len(samples.get(p.id, [])) for p in problem_set)
    with sandbox_from(args) as sandbox, tqdm(total=total, desc="grading", unit="sample", file=sys.stderr) as bar:
        def graded(_task_id: str) -> None:
            bar.update(1)

        grades, unknown = grade(sandbox, problem_set, samples, graded)
    if unknown:
        log.warning("%d task ids of %s are not in %s (first: %s)", len(unknown), args.samples, args.problems,
                    ", ".join(unknown[:5]))
    if not grades:
        raise UsageError(f"{args.samples}: no sample names a problem of {args.problems}")
    out = report(grades)
    for row in out["per_problem"]:
        print(f"{row['task_id']}\t{row['correct']}/{row['samples']} correct\tpass@1 {row['pass_at_1']:.3f}")
    print(f"{out['problems']} problems: " + ", ".join(f"pass@{k} {v:.4f}" for k, v in out["pass_at_k"].items()))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(out, f, indent=2)
    return SKIPPED_EXIT if problem_set.broken else 0
