"""``codesolve eval``: grade externally produced samples and report pass@k.

Rows are ``{"task_id", "completion"}`` (evalplus / LiveCodeBench style) or
``{"task_id", "code", "language"}``. A completion may be a Markdown reply or bare code;
the language is the row's, else C++ when the code looks like C++, else Python. For a
HumanEval-style problem whose completion does not define the entry point, the prompt
(starter code) is put in front of it, as HumanEval's completions continue the prompt
(:func:`solver.extract.completed_program`, the rule ``codesolve solve`` uses too).
Each sample is judged on the problem's samples and hidden tests (or its test program).
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from problems import Problem, ProblemSet
from problems._rows import safe_id
from problems.judging import PreparedChecker, judge_problem
from sandbox import Program, Sandbox
from sandbox.languages import ALIASES

from .extract import completed_program
from .metrics import ks_for, mean_pass_at_k, pass_at_k
from .models import read_sample_rows


@dataclass
class ProblemGrade:
    problem: str
    verdicts: list[str] = field(default_factory=list)

    @property
    def samples(self) -> int:
        return len(self.verdicts)

    @property
    def correct(self) -> int:
        return self.verdicts.count("AC")


def read_samples(path: str) -> dict[str, list[dict[str, Any]]]:
    """Rows by task id. Problem ids are file-system safe ("HumanEval/0" -> "HumanEval_0");
    so are the task ids here."""
    by_task: dict[str, list[dict[str, Any]]] = {}
    for row, _ in read_sample_rows(path):
        by_task.setdefault(safe_id(str(row["task_id"])), []).append(row)
    return by_task


def sample_program(problem: Problem, row: dict[str, Any]) -> Program | None:
    text = row.get("code", row.get("completion", ""))
    language = str(row.get("language") or ("cpp" if "#include" in text else "python")).lower()
    language = ALIASES.get(language, language)
    code = completed_program(text, language, problem.interface.starter_code, problem.interface.entry_point)
    if code is None and "```" not in text:
        code = text  # bare code is graded as it is (its compile error is its verdict)
    return Program(language, code) if code is not None else None


def grade(sandbox: Sandbox, problems: ProblemSet, samples: dict[str, list[dict[str, Any]]],
          progress: Callable[[str], None] | None = None, workers: int = 0) -> tuple[list[ProblemGrade], list[str]]:
    """Grade every sample of every problem that has samples, ``workers`` samples at a time
    (default: one per CPU; each sample is one program judged on its problem's tests, so
    samples side by side keep every box busy); returns the grades, in the samples' order,
    and the task ids of the samples file that name no problem of the set.

    Samples of one problem that are the same program (the same language and code, after
    the prompt is put in front where it belongs) are judged once and share the verdict:
    sampled sets repeat programs often (a quarter of CodeT's HumanEval samples repeat one
    of the same task). A program whose verdict depends on chance or on timing gets one draw
    for all its copies instead of one each."""
    ids = {p.id for p in problems}
    unknown = sorted(set(samples) - ids)
    grades = []
    pending: dict[Future[Any], tuple[ProblemGrade, list[int]]] = {}
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        for problem in problems:
            rows = samples.get(problem.id)
            if not rows:
                continue
            checker = PreparedChecker(sandbox, problem.checker) if not problem.test_program else None
            g = ProblemGrade(problem.id, ["CE"] * len(rows))
            copies: dict[Program, list[int]] = {}
            for i, row in enumerate(rows):
                program = sample_program(problem, row)
                if program is None:
                    if progress:
                        progress(problem.id)
                elif program in copies:
                    copies[program].append(i)
                else:
                    copies[program] = [i]
                    future = pool.submit(judge_problem, sandbox, program, problem, checker=checker)
                    pending[future] = (g, copies[program])
            grades.append(g)
        for done in as_completed(pending):
            g, indices = pending.pop(done)
            verdict = done.result().verdict.value
            for i in indices:
                g.verdicts[i] = verdict
                if progress:
                    progress(g.problem)
    return grades, unknown


def report(grades: Iterable[ProblemGrade]) -> dict[str, Any]:
    grades = list(grades)
    ks = ks_for([g.samples for g in grades])
    return {
        "problems": len(grades),
        "pass_at_k": {str(k): mean_pass_at_k([(g.samples, g.correct) for g in grades], k) for k in ks},
        "per_problem": [{"task_id": g.problem, "samples": g.samples, "correct": g.correct,
                         "pass_at_1": pass_at_k(g.samples, g.correct, 1), "verdicts": g.verdicts} for g in grades],
    }
