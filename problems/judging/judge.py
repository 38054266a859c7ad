"""Judging a program on a list of tests: verdicts AC WA TLE MLE RE OLE CE (and JE)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from sandbox import Executable, Limits, Program, RunInput, RunResult, Sandbox, Status

from ..errors import CheckerError
from .checkers import Checker, CheckResult
from .validators import VALIDATOR_LIMITS, compile_validator, validator_accepts


class Verdict(str, enum.Enum):
    AC = "AC"
    WA = "WA"
    TLE = "TLE"
    MLE = "MLE"
    RE = "RE"
    OLE = "OLE"
    CE = "CE"
    #: Judge error: the sandbox or the output validator failed, not the program.
    JE = "JE"


_STATUS_VERDICT = {Status.TLE: Verdict.TLE, Status.MLE: Verdict.MLE, Status.RE: Verdict.RE,
                   Status.OLE: Verdict.OLE, Status.CE: Verdict.CE, Status.SE: Verdict.JE}


@dataclass(frozen=True)
class Test:
    """One test: its name, the input and the expected answer (never shown to the program)."""

    __test__ = False  # not a pytest test class

    name: str
    input: bytes
    answer: bytes


@dataclass(frozen=True)
class TestVerdict:
    name: str
    verdict: Verdict
    run: RunResult | None
    message: str = ""

    def to_json(self, with_output: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "verdict": self.verdict.value, "message": self.message}
        if self.run is not None:
            run = self.run.to_json()
            out.update({k: run[k] for k in ("status", "exit_code", "signal", "cpu_s", "wall_s", "peak_memory_mb")})
            out["stderr"] = run["stderr"][-2000:]
            if with_output:
                out["stdout"] = run["stdout"]
        return out


@dataclass(frozen=True)
class JudgeResult:
    verdict: Verdict
    tests: list[TestVerdict] = field(default_factory=list)
    compile: RunResult | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.AC

    @property
    def failed_test(self) -> TestVerdict | None:
        return next((t for t in self.tests if t.verdict is not Verdict.AC), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"verdict": self.verdict.value,
                               "passed": sum(t.verdict is Verdict.AC for t in self.tests),
                               "total": len(self.tests),
                               "tests": [t.to_json() for t in self.tests]}
        if self.compile is not None and self.verdict is Verdict.CE:
            out["compile_error"] = self.compile.stderr.decode("utf-8", errors="replace")[-4000:]
        return out


class PreparedChecker:
    """A checker ready to use: a validator (or an interactor) program compiled once."""

    def __init__(self, sandbox: Sandbox, checker: Checker) -> None:
        self.checker = checker
        self.sandbox = sandbox
        self.validator: Executable | None = None
        if checker.validator is not None:
            name = "the interactor" if checker.interactive else "the output validator"
            self.validator = compile_validator(sandbox, checker.validator, name)

    @property
    def in_process(self) -> bool:
        """Whether outputs are checked here, by comparison (no validator, not interactive)."""
        return self.validator is None and not self.checker.interactive

    def check_many(self, items: Sequence[tuple[Test, bytes]]) -> list[CheckResult]:
        """Check (test, output) pairs; a validator checks them as one sandbox batch."""
        if self.checker.interactive:
            raise CheckerError("an interactive problem has no output to check (judge it with its interactor)")
        if self.validator is None:
            return [self.checker.compare(out, test.answer) for test, out in items]
        inputs = [RunInput(stdin=out, files={"input": test.input, "answer": test.answer},
                           dirs=("feedback",), args=("input", "answer", "feedback/", *self.checker.validator_args),
                           collect=("feedback/judgemessage.txt",))
                  for test, out in items]
        runs = self.sandbox.run_batch(self.validator, inputs, VALIDATOR_LIMITS)
        return [_validator_result(run) for run in runs]


def judge_runs(tests: Sequence[Test], runs: Sequence[RunResult | None], checker: PreparedChecker,
               stop_on_failure: bool = True, checked: Mapping[int, CheckResult] | None = None) -> JudgeResult:
    """Verdicts of runs already made (``runs[i]`` on ``tests[i]``; ``None``: not run, not
    reported), checked in one batch (but those ``checked`` holds by index already); with
    ``stop_on_failure`` nothing after the first failing test is reported."""
    known = checked or {}
    ran = [(i, t, r) for i, (t, r) in enumerate(zip(tests, runs)) if r is not None]
    try:
        checks = iter(checker.check_many([(t, r.stdout) for i, t, r in ran
                                          if r.status is Status.OK and i not in known]))
    except CheckerError as exc:
        return JudgeResult(Verdict.JE, [TestVerdict(tests[0].name if tests else "", Verdict.JE, None, str(exc))])
    verdicts: list[TestVerdict] = []
    for i, test, run in ran:
        if run.status is Status.OK:
            res = known[i] if i in known else next(checks)
            verdicts.append(TestVerdict(test.name, Verdict.AC if res.accepted else Verdict.WA, run, res.message))
        else:
            verdicts.append(TestVerdict(test.name, _STATUS_VERDICT[run.status], run, run.reason))
        if verdicts[-1].verdict is not Verdict.AC and stop_on_failure:
            break
    first = next((t for t in verdicts if t.verdict is not Verdict.AC), None)
    return JudgeResult(first.verdict if first else Verdict.AC, verdicts)


def _validator_result(run: RunResult | None) -> CheckResult:
    """An output validator's verdict (exit 42 or 43, with its judge message); any other
    ending raises :class:`~problems.judging.validators.ValidatorError`."""
    accepted = validator_accepts(run, "the output validator")
    assert run is not None
    message = run.files.get("feedback/judgemessage.txt", b"").decode("utf-8", errors="replace").strip()
    return CheckResult(accepted, message or ("" if accepted else "rejected by the output validator"))


#: Tests in the first batch of :func:`judge`; each later batch is twice the one before.
FIRST_CHUNK = 8


def judge(sandbox: Sandbox, program: Program | Executable, tests: Sequence[Test],
          limits: Limits = Limits(), checker: Checker | PreparedChecker = Checker(),
          stop_on_failure: bool = True) -> JudgeResult:
    """Judge a program on tests, in order (against the interactor, for an interactive
    checker). With ``stop_on_failure`` the verdict is that of the first failing test and
    later tests are not reported (some may have run in parallel)."""
    compile_run: RunResult | None = None
    if isinstance(program, Program):
        compiled = sandbox.compile(program)
        compile_run = compiled.run
        if not compiled.ok:
            verdict = Verdict.JE if compiled.run.status is Status.SE else Verdict.CE
            return JudgeResult(verdict, [], compile_run)
        assert compiled.executable is not None
        executable = compiled.executable
    else:
        executable = program
    prepared = checker if isinstance(checker, PreparedChecker) else PreparedChecker(sandbox, checker)
    verdicts: list[TestVerdict] = []

    def stop(i: int, run: RunResult) -> bool:
        return stop_on_failure and run.status is not Status.OK

    if prepared.in_process:
        # Each output is compared as it arrives and the first failure stops the batch, so
        # every test goes in one batch (no round of waiting for the slowest box per part).
        checked: dict[int, CheckResult] = {}

        def stop_checked(i: int, run: RunResult) -> bool:
            if run.status is Status.OK:
                try:
                    checked[i] = prepared.checker.compare(run.stdout, tests[i].answer)
                except CheckerError:  # judge_runs meets it again and reports it
                    return stop_on_failure
            return stop_on_failure and (run.status is not Status.OK or not checked[i].accepted)

        runs = sandbox.run_batch(executable, [t.input for t in tests], limits, stop=stop_checked)
        result = judge_runs(tests, runs, prepared, stop_on_failure, checked)
        return JudgeResult(result.verdict, result.tests, compile_run)

    def judge_part(part: Sequence[Test]) -> JudgeResult:
        if prepared.checker.interactive:
            from .interactive import judge_interactions

            return judge_interactions(sandbox, executable, part, limits, prepared, stop_on_failure)
        runs = sandbox.run_batch(executable, [t.input for t in part], limits, stop=stop)
        return judge_runs(part, runs, prepared, stop_on_failure)

    # Otherwise tests go in batches that double (8, 16, 32, ...): a wrong answer is seen when
    # its batch is checked, so an early one costs a few runs, while a long accepted run pays
    # few rounds.
    start, chunk = 0, FIRST_CHUNK
    while start < len(tests):
        part = tests[start:start + chunk]
        start, chunk = start + len(part), chunk * 2
        result = judge_part(part)
        verdicts += result.tests
        if result.verdict is Verdict.JE or (stop_on_failure and result.verdict is not Verdict.AC):
            break
    first = next((t for t in verdicts if t.verdict is not Verdict.AC), None)
    return JudgeResult(first.verdict if first else Verdict.AC, verdicts, compile_run)
