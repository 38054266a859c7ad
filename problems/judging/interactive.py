"""Interactive problems: the program talks with the package's interactor (its output
validator, Kattis protocol) instead of writing an output to check.

The interactor runs as ``interactor input answer feedback_dir [args]``; its stdout is the
program's stdin and the program's stdout its stdin (the sandbox's ``interact``: each in a
box of its own, under its own limits). It exits 42 to accept and 43 to reject, with its
reason in ``feedback_dir/judgemessage.txt``. The verdict, as problem-package tools give it:

1. the interactor rejected *before* the program ended: WA (a program that then crashes or
   runs on is still WA: it was already wrong);
2. else the program exceeded a limit or crashed: its own verdict (TLE, MLE, RE, OLE);
3. else the interactor's: AC on 42, WA on 43.

An interactor that ends otherwise (another exit code, a crash, a limit) is a judge error
(JE), except when the program had already failed and the interactor only ended after it
(an interactor killed by the broken pipe the failed program left): then the program's own
verdict stands.
"""

from __future__ import annotations

from typing import Sequence

from sandbox import Executable, Interaction, Limits, RunInput, Sandbox, Status

from .judge import _STATUS_VERDICT, JudgeResult, PreparedChecker, Test, TestVerdict, Verdict
from .validators import ACCEPT, REJECT, VALIDATOR_LIMITS

#: Seconds the interactor's wall limit outlasts the program's: it must see the program end.
WALL_MARGIN_S = 10.0


def interactor_limits(limits: Limits) -> Limits:
    """The interactor's own limits: a validator's, its wall time past the program's."""
    return VALIDATOR_LIMITS.with_(wall_s=max(VALIDATOR_LIMITS.wall_limit_s, limits.wall_limit_s + WALL_MARGIN_S))


def interactor_input(test: Test, args: Sequence[str] = ()) -> RunInput:
    """The interactor's run on ``test``: the input and answer files, the feedback folder."""
    return RunInput(files={"input": test.input, "answer": test.answer}, dirs=("feedback",),
                    args=("input", "answer", "feedback/", *args), collect=("feedback/judgemessage.txt",))


def interaction_verdict(name: str, interaction: Interaction) -> TestVerdict:
    """The verdict of one interactive run (the rules above). The test's run is the program's."""
    program, judge = interaction.program, interaction.interactor
    if program.status is Status.SE or judge.status is Status.SE:
        failed = program if program.status is Status.SE else judge
        side = "program" if failed is program else "interactor"
        return TestVerdict(name, Verdict.JE, program, f"the sandbox could not run the {side}: {failed.reason}")
    message = judge.files.get("feedback/judgemessage.txt", b"").decode("utf-8", errors="replace").strip()
    if judge.exit_code not in (ACCEPT, REJECT):
        if program.status is not Status.OK and not interaction.interactor_first:
            return TestVerdict(name, _STATUS_VERDICT[program.status], program, program.reason)
        stderr = judge.stderr.decode(errors="replace").strip()[-500:]
        detail = "; ".join(x for x in (judge.reason, stderr) if x)
        return TestVerdict(name, Verdict.JE, program,
                           f"the interactor failed ({judge.status.value}, exit {judge.exit_code}, "
                           f"signal {judge.signal})" + (f": {detail}" if detail else ""))
    if judge.exit_code == REJECT and interaction.interactor_first:
        return TestVerdict(name, Verdict.WA, program, message or "rejected by the interactor")
    if program.status is not Status.OK:
        return TestVerdict(name, _STATUS_VERDICT[program.status], program, program.reason)
    if judge.exit_code == ACCEPT:
        return TestVerdict(name, Verdict.AC, program, message)
    return TestVerdict(name, Verdict.WA, program, message or "rejected by the interactor")


def judge_interactions(sandbox: Sandbox, program: Executable, tests: Sequence[Test], limits: Limits,
                       checker: PreparedChecker, stop_on_failure: bool = True) -> JudgeResult:
    """Verdicts of ``program`` against the interactor of ``checker`` on ``tests`` (one
    sandbox batch); with ``stop_on_failure`` nothing after the first failing test is reported."""
    assert checker.validator is not None and checker.checker.interactive
    inputs = [interactor_input(t, checker.checker.validator_args) for t in tests]

    def stop(i: int, interaction: Interaction) -> bool:
        return stop_on_failure and interaction_verdict(tests[i].name, interaction).verdict is not Verdict.AC

    runs = sandbox.interact(program, checker.validator, inputs, limits, interactor_limits(limits), stop=stop)
    verdicts: list[TestVerdict] = []
    for test, run in zip(tests, runs):
        if run is None:
            continue
        verdicts.append(interaction_verdict(test.name, run))
        if verdicts[-1].verdict is not Verdict.AC and stop_on_failure:
            break
    first = next((t for t in verdicts if t.verdict is not Verdict.AC), None)
    return JudgeResult(first.verdict if first else Verdict.AC, verdicts)


__all__ = ["interaction_verdict", "interactor_input", "interactor_limits", "judge_interactions"]
