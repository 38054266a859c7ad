"""The ``codesolve`` command line.

Exit codes, for every command: 2 bad input (a file, an option, a configuration, a model
endpoint that cannot serve) or an error of the sandbox itself, 130 interrupted, 141 a
closed pipe; else 0, except: ``judge`` 1 when the program is rejected; ``problems
validate`` 1 when a check fails; ``solve`` 1 when some problem failed (the rest are done
and reported); ``sandbox doctor`` 1 when no backend works. Results are printed on stdout
(JSON for ``run``, ``judge`` and ``eval``); messages on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import Any, Sequence

from problems.errors import CheckerError, ProblemError
from problems.judging.checkers import Checker
from problems.judging.judge import Test, judge
from sandbox import Limits, Program, SandboxError, get_language, language_for_path
from sandbox.backends import BACKENDS, open_sandbox
from sandbox.programs import RunInput
from solver.batch import RunDirError
from solver.config import ConfigError
from solver.models import ModelError

log = logging.getLogger("codesolve")


class UsageError(Exception):
    """Bad command-line input; the message names the file or option."""


def _read_program(path: str, language: str | None) -> Program:
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the program: {exc.strerror}") from None
    lang = get_language(language) if language else language_for_path(path)
    return Program(lang.name, source)


def _limits(args: argparse.Namespace, base: Limits = Limits()) -> Limits:
    """``base`` with the limits given on the command line."""
    given = {"time_s": args.time_limit, "memory_mb": args.memory_limit, "output_mb": args.output_limit,
             "wall_s": args.wall_limit}
    try:
        return base.with_(**{k: v for k, v in given.items() if v is not None})
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _read_tests(folder: str) -> list[Test]:
    if not os.path.isdir(folder):
        raise UsageError(f"--tests {folder}: not a directory")
    tests: list[Test] = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".in"):
            continue
        stem = name[:-3]
        ans = os.path.join(folder, stem + ".ans")
        if not os.path.exists(ans):
            raise UsageError(f"--tests {folder}: {name} has no matching {stem}.ans")
        with open(os.path.join(folder, name), "rb") as f_in, open(ans, "rb") as f_ans:
            tests.append(Test(stem, f_in.read(), f_ans.read()))
    if not tests:
        raise UsageError(f"--tests {folder}: no NAME.in / NAME.ans pairs found")
    return tests


def _checker(spec: str | None) -> Checker:
    if not spec or spec == "default":
        return Checker()
    if spec == "json":
        return Checker(kind="json")
    if os.path.exists(spec):
        path = spec
        if os.path.isdir(spec):
            sources = sorted(f for f in os.listdir(spec) if os.path.splitext(f)[1] in (".py", ".cpp", ".cc"))
            if len(sources) != 1:
                raise UsageError(f"--checker {spec}: expected exactly one .py or .cpp validator source, "
                                 f"found {sources or 'none'}")
            path = os.path.join(spec, sources[0])
        return Checker(kind="validator", validator=_read_program(path, None))
    return Checker.from_flags(spec)


def cmd_run(args: argparse.Namespace) -> int:
    program = _read_program(args.file, args.language)
    limits = _limits(args)
    if args.input:
        try:
            with open(args.input, "rb") as f:
                stdin = f.read()
        except OSError as exc:
            raise UsageError(f"--input {args.input}: {exc.strerror}") from None
    else:
        stdin = sys.stdin.buffer.read()
    with _open_sandbox(args) as sandbox:
        compiled = sandbox.compile(program)
        if not compiled.ok:
            result = compiled.run
        else:
            result = sandbox.run(compiled.executable, RunInput(stdin=stdin), limits)
    _print_json(result.to_json())
    return 2 if result.status.value == "SE" else 0


def cmd_judge(args: argparse.Namespace) -> int:
    program = _read_program(args.file, args.language)
    if bool(args.tests) == bool(args.problem):
        raise UsageError("give exactly one of --tests DIR or --problem PATH")
    if args.problem:
        return _judge_problem(args, program)
    limits = _limits(args)
    tests = _read_tests(args.tests)
    checker = _checker(args.checker)
    with _open_sandbox(args) as sandbox:
        result = judge(sandbox, program, tests, limits, checker, stop_on_failure=not args.all)
    _print_json(result.to_json())
    if result.verdict.value == "JE":
        return 2
    return 0 if result.accepted else 1


def _judge_problem(args: argparse.Namespace, program: Program) -> int:
    from problems import load
    from problems.judging import judge_problem
    from problems.kattis import needs_derived_time_limit

    if args.checker:
        raise UsageError("--checker goes with --tests; a problem brings its own checker")
    problem_set = load(args.problem)
    if len(problem_set) != 1:
        raise UsageError(f"--problem {args.problem}: holds {len(problem_set)} problems; name one package")
    problem = problem_set[0]
    limits = _limits(args, problem.limits)
    if args.time_limit is None and needs_derived_time_limit(problem):
        log.warning("%s gives no time limit; using %gs (run 'codesolve problems validate' to derive it)",
                    problem.id, problem.limits.time_s)
    with _open_sandbox(args) as sandbox:
        result = judge_problem(sandbox, program, problem, limits, stop_on_failure=not args.all)
    out = {"problem": problem.id, **result.to_json()}
    _print_json(out)
    if result.verdict.value == "JE":
        return 2
    return 0 if result.accepted else 1


def cmd_problems_list(args: argparse.Namespace) -> int:
    from problems import load

    for problem in load(args.path):
        print(problem.describe())
    return 0


def cmd_problems_validate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from problems import load
    from problems.validation import format_table, validate_problem

    problem_set = load(args.path)
    checks = []
    with _open_sandbox(args) as sandbox:
        with tqdm(problem_set, desc="validating", unit="problem", file=sys.stderr) as bar:
            for problem in bar:
                bar.set_postfix_str(problem.id)
                checks += validate_problem(sandbox, problem)
    print(format_table(checks))
    return 0 if all(c.ok for c in checks) else 1


def cmd_eval(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from problems import load

    from .evaluation import grade, read_samples, report

    samples = read_samples(args.samples)
    problem_set = load(args.problems)
    total = sum(len(samples.get(p.id, [])) for p in problem_set)
    with _open_sandbox(args) as sandbox, tqdm(total=total, desc="grading", unit="sample",
                                                       file=sys.stderr) as bar:
        grades, unknown = grade(sandbox, problem_set, samples, lambda _: bar.update(1))
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
    return 0


def _config_flags(p: argparse.ArgumentParser) -> None:
    """One flag per field of the run configuration (see solver.config), default None so that
    the config file and the environment show through."""
    from dataclasses import fields

    from .config import RunConfig

    short = {"samples": ["-n"], "k": ["-k"]}
    helps = {"model": "model name at --base-url, or replay:FILE", "base_url": "OpenAI-compatible endpoint URL",
             "tests_model": "model that writes test inputs (name or replay:FILE)",
             "samples": "samples per problem and language", "k": "submissions per problem",
             "languages": "comma-separated: python,cpp", "out": "run directory (default runs/<problems>-<model>)",
             "jobs": "problems solved at once", "max_concurrency": "model requests in flight per endpoint",
             "judge": "judge the candidates on the hidden tests",
             "executor": "where executions run: local (default) or ray",
             "ray_address": "Ray cluster address, e.g. 10.0.0.5:6379 (default: start a local Ray instance)"}
    for f in fields(RunConfig):
        if f.name == "problems":
            continue
        flag = "--" + f.name.replace("_", "-")
        help_text = helps.get(f.name, "see the README's configuration table")
        if f.name == "backend":
            p.add_argument(flag, choices=sorted(BACKENDS), default=None, help="sandbox backend")
        elif isinstance(f.default, bool):
            p.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help_text)
        else:
            p.add_argument(*short.get(f.name, []), flag, dest=f.name, default=None, metavar=f.name.upper(),
                           help=help_text)


def cmd_solve(args: argparse.Namespace) -> int:
    from dataclasses import fields

    from problems import load

    from .batch import open_run, run_batch
    from .config import RunConfig, resolve, to_toml
    from .executor import open_executor
    from .report import write

    cli = {f.name: getattr(args, f.name, None) for f in fields(RunConfig)}
    cli["problems"] = os.path.normpath(args.problems) if args.problems else None
    config, sources = resolve(cli, args.config)
    if args.problems:
        sources["problems"] = "command line"
    if args.print_config:
        sys.stdout.write(to_toml(config, sources))
        return 0
    if not config.problems:
        raise UsageError("no problems given (codesolve solve PROBLEMS, or problems = \"...\" in the config file)")
    if not config.model:
        raise UsageError("no model given (--model NAME with --base-url URL, or --model replay:FILE)")
    problem_set = load(config.problems, skip_broken=True)
    store = open_run(config, args.force)
    try:
        sandbox = open_executor(config.executor, config.backend, config.ray_address or None,
                                warm_python=config.warm_python)
        try:
            outcome = run_batch(problem_set, config, sandbox, store, progress=not args.quiet)
        except KeyboardInterrupt:
            print(f"codesolve solve: interrupted; what finished is recorded in {store.dir}. Run the same "
                  "command again to resume.", file=sys.stderr)
            return 130
        finally:
            sandbox.close()
        paths = write(store)
    finally:
        store.close()
    judged = len(outcome.solved) + len(outcome.unsolved)
    print(f"{store.dir}: {len(problem_set)} problems; this run finished {judged + len(outcome.errors)}"
          + (f" (earlier runs: {len(outcome.skipped)})" if outcome.skipped else "")
          + f", {outcome.executions} executions")
    with open(paths["json"]) as f:
        report = json.load(f)
    k = report["submissions"]
    print(f"solved {report[f'{k}_at_k'] * report['judged']:.0f}/{report['judged']} judged problems "
          f"({k}@k {100 * report[f'{k}_at_k']:.1f}%, first submission {100 * report['1_at_k']:.1f}%, "
          f"coverage {100 * report['coverage']:.1f}%)")
    for pid, message in report["errors"].items():
        print(f"failed: {pid}: {message}")
    print("report: " + ", ".join(paths.values()))
    return 1 if report["errors"] else 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import write
    from .store import RunStore

    try:
        store = RunStore.open_existing(args.run_dir)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    try:
        paths = write(store, args.draws)
    finally:
        store.close()
    with open(paths["markdown"]) as f:
        sys.stdout.write(f.read())
    print("written: " + ", ".join(paths.values()), file=sys.stderr)
    return 0


def cmd_sandbox_doctor(args: argparse.Namespace) -> int:
    """Which backends work here, and why not."""
    ok_any = False
    for name in sorted(BACKENDS):
        try:
            sandbox = open_sandbox(name)
        except Exception as exc:  # noqa: BLE001 - every reason a backend cannot start is reported
            print(f"{name}: unavailable: {exc}")
            continue
        try:
            info = sandbox.isolation()
            exe = sandbox.compile(Program("python", "print(6 * 7)")).executable
            run = sandbox.run(exe, b"", Limits(time_s=5)) if exe else None
            works = run is not None and run.ok and run.stdout == b"42\n"
            detail = "; ".join(f"{k}: {v}" for k, v in info.items() if k != "backend")
            print(f"{name}: {'works' if works else 'starts but a test run failed'}; {detail}")
            ok_any = ok_any or works
        except Exception as exc:  # noqa: BLE001
            print(f"{name}: starts but fails: {exc}")
        finally:
            sandbox.close()
    return 0 if ok_any else 1


def cmd_sandbox_build_image(args: argparse.Namespace) -> int:
    from sandbox.docker import docker_client
    from sandbox.image import build_image

    client = docker_client()
    if not args.force:
        try:
            image = client.images.get(args.tag)
            print(f"{args.tag} exists ({image.id[:19]}); --force rebuilds it")
            return 0
        except Exception:  # noqa: BLE001 - not there: build it
            pass
    image_id = build_image(client, args.tag, args.suite, args.mirror)
    print(f"built {args.tag} ({image_id[:19]})")
    return 0


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def _add_limits(p: argparse.ArgumentParser, problem_note: str = "") -> None:
    d = Limits()
    p.add_argument("--time-limit", type=float, metavar="S", help=f"CPU seconds (default {d.time_s:g}{problem_note})")
    p.add_argument("--wall-limit", type=float, metavar="S", help="wall seconds (default 2*time+1)")
    p.add_argument("--memory-limit", type=int, metavar="MB", help=f"memory in MB (default {d.memory_mb}{problem_note})")
    p.add_argument("--output-limit", type=int, metavar="MB",
                   help=f"output and file size in MB (default {d.output_mb}{problem_note})")


def _add_sandbox(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", default="local", choices=sorted(BACKENDS))
    p.add_argument("--warm-python", action=argparse.BooleanOptionalAction, default=True,
                   help="run a Python program given several inputs as forks of a warm interpreter "
                        "(default; results are the same either way)")


def _open_sandbox(args: argparse.Namespace) -> Any:
    return open_sandbox(args.backend, warm_python=args.warm_python)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codesolve", description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run one program on one input in the sandbox; print a JSON result")
    p.add_argument("file", help="source file (.py or .cpp)")
    p.add_argument("--language", help="python or cpp (default: from the extension)")
    p.add_argument("--input", help="file to use as stdin (default: this process's stdin)")
    _add_sandbox(p)
    _add_limits(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("judge", help="judge a program on a folder of tests or on a problem's tests")
    p.add_argument("file", help="source file (.py or .cpp)")
    p.add_argument("--tests", metavar="DIR", help="folder of NAME.in and NAME.ans files")
    p.add_argument("--problem", metavar="PATH",
                   help="a problem (package, or a data file holding one problem): its samples and hidden "
                        "tests, limits and checker")
    p.add_argument("--checker", metavar="SPEC",
                   help="'default', 'json', Kattis validator flags such as 'float_tolerance 1e-6', "
                        "or the path of an output validator (file or folder)")
    p.add_argument("--language", help="python or cpp (default: from the extension)")
    p.add_argument("--all", action="store_true", help="run every test instead of stopping at the first failure")
    _add_sandbox(p)
    _add_limits(p, "; with --problem, the problem's")
    p.set_defaults(func=cmd_judge)

    p = sub.add_parser("eval", help="grade external samples ({task_id, completion} JSONL) and report pass@k")
    p.add_argument("samples", help="JSONL of {task_id, completion} or {task_id, code, language}")
    p.add_argument("--problems", required=True, metavar="PATH", help="the problem set the task ids refer to")
    p.add_argument("--out", metavar="FILE", help="also write the report as JSON")
    _add_sandbox(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("solve", help="solve a problem set with a model into a run directory (resumable)")
    p.add_argument("problems", nargs="?", help="a problem package, a folder of packages or a data file")
    p.add_argument("--config", metavar="FILE", help="TOML file of options (also $CODESOLVE_CONFIG)")
    p.add_argument("--print-config", action="store_true", help="print the effective configuration and exit")
    p.add_argument("--force", action="store_true",
                   help="reuse a run directory made with another configuration (its per-problem results are "
                        "dropped; recorded samples and executions are reused)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    _config_flags(p)
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser("report", help="write report.md, report.json and report.png for a run directory")
    p.add_argument("run_dir", metavar="DIR")
    p.add_argument("--draws", type=int, default=100,
                   help="random subsets per sample budget for the solve-rate curve (default 100)")
    p.set_defaults(func=cmd_report)

    sandbox_cmd = sub.add_parser("sandbox", help="sandbox backends: diagnose, build the docker image").add_subparsers(
        dest="sandbox_command", required=True)
    p = sandbox_cmd.add_parser("doctor", help="report which sandbox backends work on this machine and why not")
    p.set_defaults(func=cmd_sandbox_doctor)
    p = sandbox_cmd.add_parser("build-image", help="build the docker backend's image with no registry "
                                                   "(debootstrap + docker import)")
    from sandbox.image import IMAGE, MIRROR, SUITE

    p.add_argument("--tag", default=IMAGE)
    p.add_argument("--suite", default=SUITE, help=f"Debian suite (default {SUITE})")
    p.add_argument("--mirror", default=MIRROR, help="Debian package mirror")
    p.add_argument("--force", action="store_true", help="rebuild even when the image exists")
    p.set_defaults(func=cmd_sandbox_build_image)

    problems = sub.add_parser("problems", help="list and validate problem sets").add_subparsers(
        dest="problems_command", required=True)
    p = problems.add_parser("list", help="one line per problem: id, title, interface, tests, limits")
    p.add_argument("path", help="a problem package, a folder of packages or a data file")
    p.set_defaults(func=cmd_problems_list)
    p = problems.add_parser("validate", help="check packages as problem setters do (validators, submissions)")
    p.add_argument("path", help="a problem package or a folder of packages")
    _add_sandbox(p)
    p.set_defaults(func=cmd_problems_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except (UsageError, SandboxError, ProblemError, CheckerError, ModelError, ConfigError, RunDirError) as exc:
        print(f"codesolve {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("codesolve: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _module_main() -> None:
    """``python -m solver.cli``. Under ``-m``, CPython ends the process with SIGINT instead
    of the status asked for when a Ctrl-C once landed inside a string ``exec`` (dataclasses
    and namedtuple build their methods that way, on import), even though it was caught and
    handled. By the time ``main`` returns 130 the run is closed and recorded, so leave with
    that status directly. (The ``codesolve`` script runs as a file and is not affected.)"""
    code = main()
    if code == 130:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(130)
    sys.exit(code)


if __name__ == "__main__":
    _module_main()
