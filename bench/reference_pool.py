"""Write a replay pool made of a problem set's own reference submissions (no model at all).

Each problem gets ``--samples`` rows ``{"task_id", "completion"}``; row i is a reply holding
one Python and one C++ submission of the problem (```` ```python ```` and ```` ```cpp ````
fences), drawn round-robin from its ``submissions/`` folders (accepted, wrong_answer,
time_limit_exceeded, run_time_error) after a shuffle with ``--seed``; a submission used a
second time gets a ``copy N`` comment. With ``--languages python,cpp`` each language's
request of ``codesolve solve --model replay:FILE`` extracts its own fence, so the pool
exercises sampling, filtering, clustering, selection and judging end to end.

This is a fixture for trying the pipeline and the reports without a model; the figures of
a run on it describe the reference submissions, never a language model.

    python bench/reference_pool.py [PROBLEMS] --out FILE [--samples 8] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from problems import load
from problems.kattis import program_from_path

DEFAULT_PROBLEMS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "problems", "sets", "core")
CATEGORIES = ("accepted", "wrong_answer", "time_limit_exceeded", "run_time_error")
COMMENT = {"python": "#", "cpp": "//"}


def rows_for(problem, samples: int, rng: random.Random) -> list[str]:
    by_language: dict[str, list[str]] = {"python": [], "cpp": []}
    for category in CATEGORIES:
        for path in problem.submissions.get(category, ()):
            program = program_from_path(path)
            if program.language in by_language:
                by_language[program.language].append(program.source_bytes.decode("utf-8"))
    for codes in by_language.values():
        rng.shuffle(codes)
    replies = []
    for i in range(samples):
        parts = []
        for language, codes in by_language.items():
            if not codes:
                continue
            code = codes[i % len(codes)]
            code = code if code.endswith("\n") else code + "\n"
            if i >= len(codes):
                code += f"{COMMENT[language]} copy {i // len(codes) + 1}\n"
            parts.append(f"```{language}\n{code}```")
        replies.append("Here is a solution.\n\n" + "\n\n".join(parts) + "\n")
    return replies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("problems", nargs="?", default=DEFAULT_PROBLEMS)
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--samples", "-n", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    count = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        for problem in load(args.problems):
            for reply in rows_for(problem, args.samples, rng):
                f.write(json.dumps({"task_id": problem.id, "completion": reply}) + "\n")
                count += 1
    print(f"{args.out}: {count} rows (reference submissions, not model output)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
