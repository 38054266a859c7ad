"""What the viewer shows, as JSON-ready payloads, read from run directories only.

Every payload has a key (a path under ``/api/`` when served, an embedded block in a static
page): ``runs`` (the runs shown), ``run/R`` (one run: its configuration and report),
``run/R/problems`` (the problem list: one light row per problem), ``run/R/problem/I`` (one
problem's whole trace; ``I`` is its place in the list) and ``compare`` (when several runs are
shown). The list is built once, reading the run's problems a batch at a time; a problem's
trace is read when it is asked for, so a run of any size opens as fast as its list.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Iterator, Sequence

from ..errors import RunDirError
from ..report import ProblemFigures, attempt_cost, attempt_tokens
from ..report import build as build_report
from ..store import RunStore

log = logging.getLogger(__name__)


class RunData:
    """The payloads of one run directory (the database stays open until :meth:`close`)."""

    def __init__(self, run_dir: str, index: int = 0) -> None:
        try:
            self.store = RunStore.open_existing(run_dir)
        except FileNotFoundError as exc:
            raise RunDirError(str(exc)) from None
        self.dir = run_dir
        self.index = index
        self.config: dict[str, Any] = self.store.get_meta("config") or {}
        self.k = int(self.config.get("k", 10))
        #: Problem ids in list order (a problem's number in the list is its place here).
        self.ids: list[str] = []
        self.rows: list[dict[str, Any]] = []
        #: stage -> role -> amounts, summed over the problems.
        self.stage_usage: dict[str, dict[str, dict[str, float]]] = {}
        for row in self.store.iter_problems():
            self.ids.append(row["id"])
            self.rows.append(self._list_row(len(self.rows), row))
            for stage, roles in ((row["attempt"] or {}).get("stage_usage") or {}).items():
                for role, amounts in roles.items():
                    into = self.stage_usage.setdefault(stage, {}).setdefault(role, {})
                    for name, value in amounts.items():
                        into[name] = into.get(name, 0) + value
        self._report: dict[str, Any] | None = None
        self._source = ""
        self._statements: dict[str, str] | None = None

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ payloads
    def summary(self) -> dict[str, Any]:
        """``runs`` entry of this run."""
        return {"index": self.index, "run_dir": self.dir, "model": self.config.get("model"),
                "tests_model": self.config.get("tests_model"), "problems": len(self.rows)}

    def run(self) -> dict[str, Any]:
        """``run/R``: the configuration, the report's figures (without its per-problem rows,
        which the list carries), model usage per stage."""
        report, source = self.report()
        return {**self.summary(), "config": self.config, "report_source": source,
                "report": {k: v for k, v in report.items() if k != "per_problem"}, "stage_usage": self.stage_usage}

    def report(self) -> tuple[dict[str, Any], str]:
        """The run's report: ``report.json`` when it is newer than the last problem written,
        else computed from the database (nothing is written); and where it came from."""
        if self._report is None:
            path = os.path.join(self.dir, "report.json")
            if os.path.isfile(path) and os.path.getmtime(path) >= self.store.last_finished():
                with open(path) as f:
                    self._report, self._source = json.load(f), "report.json"
            else:
                log.info("%s: report.json is missing or older than the run; computing the report", self.dir)
                self._report, self._source = build_report(self.store), "computed from run.sqlite"
        return self._report, self._source

    def problems(self) -> dict[str, Any]:
        """``run/R/problems``: one light row per problem, in the run's order."""
        return {"run": self.index, "k": self.k, "rows": self.rows}

    def problem(self, number: int) -> dict[str, Any]:
        """``run/R/problem/I``: the whole trace of the problem at place ``number`` of the list,
        with each candidate's hidden-test verdict (a duplicate has its original's) and
        whether it is correct."""
        if not 0 <= number < len(self.ids):
            raise KeyError(f"no problem number {number} in {self.dir} ({len(self.ids)} problems)")
        row = self.store.problem(self.ids[number])
        if row is None:
            raise KeyError(f"problem {self.ids[number]} is no longer in {self.dir}")
        attempt = row["attempt"] or {}
        out: dict[str, Any] = {"run": self.index, "number": number, "id": row["id"], "status": row["status"],
                               "error": row["error"], "seconds": row["seconds"], "k": self.k,
                               "list": self.rows[number], "attempt": attempt, "judged": row["judged"],
                               "title": attempt.get("title") or "", "statement": attempt.get("statement") or ""}
        if not out["statement"]:
            out["statement"] = self._statement(row["id"])
        if row["status"] == "done" and attempt:
            figures = ProblemFigures(row, self.k)
            out["hidden"] = figures.hidden
            out["correct"] = figures.correct if row["judged"] is not None else None
        return out

    def _statement(self, problem_id: str) -> str:
        """A statement the trace did not record (a run made before traces carried it): from
        the problem set the run names, when it can still be loaded here."""
        if self._statements is None:
            self._statements = {}
            source = self.config.get("problems")
            if source:
                try:
                    from problems import load

                    for p in load(str(source), skip_broken=True).problems:
                        self._statements[p.id] = p.statement
                except Exception as exc:  # noqa: BLE001 - the statement is optional here
                    log.info("%s: statements not available from %s: %s", self.dir, source, exc)
        return self._statements.get(problem_id, "")

    # ------------------------------------------------------------------ the list
    def _list_row(self, number: int, row: dict[str, Any]) -> dict[str, Any]:
        attempt = row["attempt"] or {}
        cands = attempt.get("candidates", [])
        out: dict[str, Any] = {
            "i": number, "id": row["id"], "title": attempt.get("title") or "", "status": row["status"],
            "error": row["error"], "seconds": round(row["seconds"] or 0.0, 3),
            "cost": round(attempt_cost(attempt), 6), "tokens": attempt_tokens(attempt),
            "samples": sum(c["variant"] != "repair" for c in cands), "candidates": len(cands),
            "survivors": sum(c["sample_verdict"] == "AC" for c in cands),
            "clusters": len(attempt.get("clusters", [])), "judged": row["judged"] is not None,
            "solved": None, "first": None, "coverage": None, "first_verdict": None}
        if row["status"] == "done" and row["judged"] is not None:
            f = ProblemFigures(row, self.k)
            out.update(solved=f.solved, first=f.first, coverage=f.coverage, first_verdict=f.first_verdict)
        return out


class Views:
    """The runs a viewer shows, and every payload by its key."""

    def __init__(self, run_dirs: Sequence[str]) -> None:
        if not run_dirs:
            raise RunDirError("no run directory given")
        self.runs: list[RunData] = []
        try:
            for i, d in enumerate(run_dirs):
                self.runs.append(RunData(d, i))
        except BaseException:
            self.close()
            raise
        self._compare: dict[str, Any] | None = None

    def close(self) -> None:
        for r in self.runs:
            r.close()

    def get(self, key: str) -> Any:
        """The payload called ``key``; KeyError for an unknown key."""
        parts = key.strip("/").split("/")
        if parts == ["runs"]:
            return {"runs": [r.summary() for r in self.runs], "compare": len(self.runs) > 1}
        if parts == ["compare"]:
            return self.compare()
        if len(parts) >= 2 and parts[0] == "run" and parts[1].isdigit() and int(parts[1]) < len(self.runs):
            run = self.runs[int(parts[1])]
            if len(parts) == 2:
                return run.run()
            if parts[2:] == ["problems"]:
                return run.problems()
            if len(parts) == 4 and parts[2] == "problem" and parts[3].isdigit():
                return run.problem(int(parts[3]))
        raise KeyError(f"nothing called {key!r}")

    def compare(self) -> dict[str, Any]:
        """``compare``: :func:`solver.compare.compare_runs` of the runs (the first is the baseline)."""
        if len(self.runs) < 2:
            raise KeyError("compare needs two runs or more")
        if self._compare is None:
            from ..compare import compare_runs

            self._compare = compare_runs([r.dir for r in self.runs])
        return self._compare

    def every_key(self) -> Iterator[str]:
        """Every payload's key (what a static page embeds)."""
        yield "runs"
        if len(self.runs) > 1:
            yield "compare"
        for r in self.runs:
            yield f"run/{r.index}"
            yield f"run/{r.index}/problems"
            for i in range(len(r.ids)):
                yield f"run/{r.index}/problem/{i}"


__all__ = ["RunData", "Views"]
