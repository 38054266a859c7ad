"""Kattis problem packages, codesolve's native format.

What is read (legacy format and the versioned format with ``problem_format_version``):

* ``problem.yaml``: ``name`` (a string, or a map of languages; else ``name`` in
  ``domjudge-problem.ini``, else the TeX statement's ``\\problemname``), ``source``, ``author``,
  ``license``, ``rights_owner``, ``keywords``; ``limits.time_limit`` (versioned format),
  ``limits.time_multiplier`` (legacy, default 5), ``limits.memory`` and
  ``limits.output`` (MB); ``validation`` (``default``, ``custom``, ``custom interactive``)
  and ``validator_flags``; ``type`` (versioned format; ``multi-pass`` is unsupported).
  An interactive problem (``validation: custom interactive``, or ``type: interactive``)
  is judged against its output validator as the interactor; its samples' ``.interaction``
  files (``<`` lines the program reads, ``>`` lines it writes) are shown in prompts.
  codesolve's own block ``codesolve:`` may give ``difficulty``, ``interface`` (``stdio``
  or ``function``), ``entry_point`` and ``signature``.
* the time limit, first found of: ``limits.time_limit``; a ``.timelimit`` file
  (DOMjudge/BAPCtools); ``timelimit`` in ``domjudge-problem.ini``; else Kattis's rule,
  the slowest accepted submission's time times ``time_multiplier``, rounded up to whole
  seconds (derived with :func:`derive_time_limit`, which needs a sandbox).
* the statement from ``problem_statement/`` or ``statement/``: ``problem.<lang>.md``,
  ``.tex`` or ``.html`` (English first), read on first use.
* ``data/sample`` and ``data/secret`` with nested test groups, ``NAME.in`` + ``NAME.ans``,
  in name order; files are read on first use, listing only counts them.
* ``testdata.yaml`` in ``data/`` or ``data/secret/``: ``output_validator_flags``
  (legacy) / ``output_validator_args`` and ``input_validator_flags`` /
  ``input_validator_args``; applied to the whole problem.
* output validators from ``output_validators/`` (legacy) or ``output_validator/``; input
  validators from ``input_validators/`` or ``input_validator/``: each a single ``.py`` or
  ``.cpp`` file, or a folder whose main source is the one ``.py``/``.cpp`` file (or the
  ``.cpp`` file defining ``main``), other files being placed beside it (loose sources in
  the legacy folders get the folder's loose non-source files, e.g. ``testlib.h``); or a program
  folder with ``build``/``run`` scripts (problemtools' convention: ``build``, if present,
  runs in the compile box; ``run`` is the program). They are compiled and run in the
  sandbox (checktestdata ``.ctd`` and VIVA input validators are not run: they are skipped).
* ``submissions/<category>/`` source files and program folders (either kind above), for
  ``codesolve problems validate``.
"""

from __future__ import annotations

import configparser
import dataclasses
import math
import os
import re
from typing import Any

import yaml

from sandbox import Limits, Program
from sandbox.languages import BUILD_RUN, LANGUAGES

from .errors import CheckerError, ProblemError, UnsupportedProblem
from .judging import Checker
from .model import Interface, Problem, ProblemSet, TestCase

DEFAULT_MEMORY_MB = 1024
DEFAULT_OUTPUT_MB = 8
DEFAULT_TIME_MULTIPLIER = 5.0
#: Time limit used until :func:`derive_time_limit` has run, for packages with no explicit one.
PROVISIONAL_TIME_S = 10.0
STATEMENT_DIRS = ("problem_statement", "statement")
SUBMISSION_CATEGORIES = ("accepted", "wrong_answer", "time_limit_exceeded", "run_time_error")
_SOURCE_EXT = {ext: lang.name for lang in LANGUAGES.values() for ext in lang.extensions}


def is_package(path: str) -> bool:
    return os.path.isdir(path) and (
        os.path.isfile(os.path.join(path, "problem.yaml"))
        or (os.path.isdir(os.path.join(path, "data"))
            and any(os.path.isdir(os.path.join(path, d)) for d in STATEMENT_DIRS)))


def load_folder(path: str, skip_broken: bool = False) -> ProblemSet:
    """A folder of packages (one level down), in name order. With ``skip_broken`` a package
    that fails to load is left out and listed in the set's ``broken`` (its error message)
    instead of failing the whole set."""
    names = sorted(n for n in os.listdir(path) if is_package(os.path.join(path, n)))
    if not names:
        raise ProblemError(path, "no Kattis problem packages in this folder (expected sub-folders "
                                 "with problem.yaml and data/)")
    loaded, broken = [], []
    for name in names:
        try:
            loaded.append(load_package(os.path.join(path, name)))
        except ProblemError as exc:
            if not skip_broken:
                raise
            broken.append((name, str(exc)))
    return ProblemSet(os.path.basename(os.path.abspath(path)), tuple(loaded), path, tuple(broken))


def _yaml(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except FileNotFoundError:
        return {}
    except yaml.YAMLError as exc:
        raise ProblemError(path, f"not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProblemError(path, f"expected a mapping at the top level, got {type(data).__name__}")
    return data


def _number(cfg: dict, key: str, path: str, field: str, default: float | None) -> float | None:
    value = cfg.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ProblemError(path, f"expected a positive number, got {value!r}", field)
    return float(value)


def load_package(path: str) -> Problem:
    path = os.path.normpath(path)
    yaml_path = os.path.join(path, "problem.yaml")
    if not os.path.isdir(path):
        raise ProblemError(path, "no such problem package (expected a folder)")
    cfg = _yaml(yaml_path)
    short = os.path.basename(os.path.abspath(path))
    versioned = "problem_format_version" in cfg and str(cfg["problem_format_version"]) != "legacy"

    _reject_unsupported(cfg, yaml_path)
    name = cfg.get("name") or _name_elsewhere(path) or short
    if isinstance(name, dict):
        name = name.get("en") or next(iter(name.values()), short)
    if not isinstance(name, str):
        raise ProblemError(yaml_path, f"expected a string or a map of languages, got {name!r}", "name")

    limits_cfg = cfg.get("limits") or {}
    if not isinstance(limits_cfg, dict):
        raise ProblemError(yaml_path, f"expected a mapping, got {limits_cfg!r}", "limits")
    memory = _number(limits_cfg, "memory", yaml_path, "limits.memory", DEFAULT_MEMORY_MB)
    output = _number(limits_cfg, "output", yaml_path, "limits.output", DEFAULT_OUTPUT_MB)
    multiplier = _number(limits_cfg, "time_multiplier", yaml_path, "limits.time_multiplier",
                         DEFAULT_TIME_MULTIPLIER)
    time_s, time_source = _time_limit(path, limits_cfg, yaml_path)
    limits = Limits(time_s=time_s or PROVISIONAL_TIME_S, memory_mb=int(memory or DEFAULT_MEMORY_MB),
                    output_mb=max(1, math.ceil(output or DEFAULT_OUTPUT_MB)))

    testdata = {**_yaml(os.path.join(path, "data", "testdata.yaml")),
                **_yaml(os.path.join(path, "data", "secret", "testdata.yaml"))}
    cs = cfg.get("codesolve") or {}
    if not isinstance(cs, dict):
        raise ProblemError(yaml_path, f"expected a mapping, got {cs!r}", "codesolve")
    interface = _interface(cs, yaml_path)
    checker = _checker(path, cfg, testdata, yaml_path, versioned, interface)

    metadata: dict[str, Any] = {
        "format": "kattis", "time_limit_source": time_source, "time_multiplier": multiplier,
        "source": cfg.get("source"), "author": cfg.get("author"), "license": cfg.get("license"),
        "rights_owner": cfg.get("rights_owner"), "difficulty": cs.get("difficulty"),
        "tags": _keywords(cfg.get("keywords")), "package": path,
    }
    metadata = {k: v for k, v in metadata.items() if v not in (None, [])}
    input_flags = testdata.get("input_validator_args", testdata.get("input_validator_flags", ""))
    metadata["input_validator_args"] = tuple(str(input_flags).split()) if input_flags else ()
    secret_dir = os.path.join(path, "data", "secret")
    return Problem(
        id=short, title=name,
        statement_ref=lambda: _statement(path),
        samples_ref=lambda: _tests(path, "sample"),
        tests_ref=lambda: _tests(path, "secret"),
        limits=limits, checker=checker, interface=interface,
        metadata=metadata,
        source=path,
        submissions=_submissions(path),
        input_validators=tuple(_programs(path, ("input_validators", "input_validator"))),
        test_count_hint=_count_inputs(secret_dir),
    )


def _is_interactive(cfg: dict) -> bool:
    kinds = cfg.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    return "interactive" in str(cfg.get("validation", "default")).split() or "interactive" in kinds


def _reject_unsupported(cfg: dict, yaml_path: str) -> None:
    validation = str(cfg.get("validation", "default"))
    kinds = cfg.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if "multi-pass" in kinds:
        raise UnsupportedProblem(yaml_path, "multi-pass problems are not supported by codesolve yet", "type")
    if "scoring" in validation.split() or "scoring" in kinds:
        raise UnsupportedProblem(yaml_path, "scoring problems are not supported (pass-fail only)",
                                 "type" if "scoring" in kinds else "validation")


def _ini(path: str) -> configparser.SectionProxy | None:
    """The keys of ``domjudge-problem.ini`` (DOMjudge exports), when there is one."""
    ini = os.path.join(path, "domjudge-problem.ini")
    if not os.path.isfile(ini):
        return None
    parser = configparser.ConfigParser(interpolation=None)
    with open(ini) as f:
        try:
            parser.read_string("[problem]\n" + f.read())
        except configparser.Error as exc:
            raise ProblemError(ini, f"not a valid ini file: {exc}") from None
    return parser["problem"]


def _name_elsewhere(path: str) -> str | None:
    """A package's name when ``problem.yaml`` gives none: ``name`` in ``domjudge-problem.ini``,
    else the legacy statement's ``\\problemname{...}``."""
    ini = _ini(path)
    if ini is not None and ini.get("name"):
        return ini["name"].strip().strip("'\"")
    for d in STATEMENT_DIRS:
        folder = os.path.join(path, d)
        if os.path.isdir(folder):
            for f in sorted(os.listdir(folder)):
                if f.startswith("problem") and f.endswith(".tex"):
                    with open(os.path.join(folder, f), encoding="utf-8", errors="replace") as fh:
                        found = re.search(r"\\problemname\{([^}]*)\}", fh.read())
                    if found and found.group(1).strip():
                        return found.group(1).strip()
    return None


def _time_limit(path: str, limits_cfg: dict, yaml_path: str) -> tuple[float | None, str]:
    explicit = _number(limits_cfg, "time_limit", yaml_path, "limits.time_limit", None)
    if explicit:
        return explicit, "problem.yaml limits.time_limit"
    dotfile = os.path.join(path, ".timelimit")
    if os.path.isfile(dotfile):
        with open(dotfile) as f:
            text = f.read().strip()
        try:
            value = float(text)
            if value <= 0:
                raise ValueError
        except ValueError:
            raise ProblemError(dotfile, f"expected a positive number of seconds, got {text!r}") from None
        return value, ".timelimit"
    section = _ini(path)
    ini = os.path.join(path, "domjudge-problem.ini")
    if section is not None:
        raw = section.get("timelimit")
        if raw is not None:
            raw = raw.strip().strip("'\"")
            try:
                value = float(raw)
                if value <= 0:
                    raise ValueError
            except ValueError:
                raise ProblemError(ini, f"expected a positive number of seconds, got {raw!r}", "timelimit") from None
            return value, "domjudge-problem.ini"
    return None, "time_multiplier (not derived yet)"


def _interface(cs: dict, yaml_path: str) -> Interface:
    kind = cs.get("interface", "stdio")
    if kind not in ("stdio", "function"):
        raise ProblemError(yaml_path, f"expected stdio or function, got {kind!r}", "codesolve.interface")
    if kind == "stdio":
        return Interface()
    entry = cs.get("entry_point")
    if not isinstance(entry, str) or not entry.isidentifier():
        raise ProblemError(yaml_path, f"a function-call problem needs an identifier, got {entry!r}",
                           "codesolve.entry_point")
    return Interface("function", entry, cs.get("signature"), cs.get("starter_code"))


def _checker(path: str, cfg: dict, testdata: dict, yaml_path: str, versioned: bool,
             interface: Interface) -> Checker:
    flags = str(cfg.get("validator_flags", "") or "")
    args = testdata.get("output_validator_args", testdata.get("output_validator_flags"))
    if args:
        flags = f"{flags} {args}".strip()
    validators = _programs(path, ("output_validators", "output_validator"))
    interactive = _is_interactive(cfg)
    custom = str(cfg.get("validation", "default")).split()[:1] == ["custom"] or (versioned and validators)
    if custom or interactive:
        what = "an interactive problem needs its interactor" if interactive else "validation is custom"
        if not validators:
            raise ProblemError(yaml_path, f"{what} but there is no output validator "
                                          "(expected output_validators/ or output_validator/)", "validation")
        if len(validators) > 1:
            raise ProblemError(os.path.join(path, "output_validators"),
                               f"expected one output validator, found {len(validators)}")
        return Checker(kind="interactor" if interactive else "validator", validator=validators[0],
                       validator_args=tuple(flags.split()))
    kind = "json" if interface.kind == "function" else "default"
    try:
        return Checker.from_flags(flags, kind=kind)
    except CheckerError as exc:  # name the file and the field
        raise ProblemError(yaml_path, str(exc), "validator_flags") from None


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [w for w in re.split(r"[,\s]+", value) if w]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _statement(path: str) -> str:
    for d in STATEMENT_DIRS:
        folder = os.path.join(path, d)
        if not os.path.isdir(folder):
            continue
        files = sorted(os.listdir(folder))
        for ext in ("md", "tex", "html"):
            ranked = [f for f in files if f == f"problem.en.{ext}"] + \
                     [f for f in files if f == f"problem.{ext}"] + \
                     [f for f in files if f.startswith("problem.") and f.endswith("." + ext)]
            if ranked:
                with open(os.path.join(folder, ranked[0]), encoding="utf-8") as f:
                    return f.read()
    raise ProblemError(path, "no statement (expected problem_statement/problem.en.md, .tex or .html)")


def _walk_inputs(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith(".in")]
    return found


def _count_inputs(folder: str) -> int:
    return sum(1 for _ in _walk_inputs(folder)) if os.path.isdir(folder) else 0


def _tests(path: str, group: str) -> tuple[TestCase, ...]:
    folder = os.path.join(path, "data", group)
    if not os.path.isdir(folder):
        if group == "secret":
            raise ProblemError(path, "no hidden tests (expected data/secret/*.in and .ans)")
        return ()
    tests = []
    for inp in _walk_inputs(folder):
        ans = inp[:-3] + ".ans"
        if not os.path.isfile(ans):
            raise ProblemError(inp, f"has no answer file (expected {os.path.basename(ans)} beside it)")
        rel = os.path.relpath(inp[:-3], os.path.join(path, "data"))
        interaction = inp[:-3] + ".interaction"
        tests.append(TestCase(rel, inp, ans, os.path.dirname(rel),
                              interaction if os.path.isfile(interaction) else None))
    return tuple(tests)


def _submissions(path: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    root = os.path.join(path, "submissions")
    if not os.path.isdir(root):
        return out
    for category in sorted(os.listdir(root)):
        folder = os.path.join(root, category)
        if os.path.isdir(folder):
            files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if not _ignored(f)
                           and (os.path.splitext(f)[1] in _SOURCE_EXT or os.path.isdir(os.path.join(folder, f))))
            if files:
                out[category] = tuple(files)
    return out


def _ignored(name: str) -> bool:
    """Not part of a package's programs: byte code an installer wrote (``__pycache__``),
    hidden files and folders."""
    return name == "__pycache__" or name.startswith(".")


def is_build_run(path: str) -> bool:
    """A program folder with ``build`` and/or ``run`` scripts (problemtools' convention)."""
    return os.path.isdir(path) and any(os.path.isfile(os.path.join(path, f)) for f in ("build", "run"))


def _folder_files(path: str) -> list[tuple[str, bytes]]:
    """Every file under ``path`` (relative names, sorted), symbolic links to files included."""
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not _ignored(d))
        for name in sorted(files):
            full = os.path.join(root, name)
            if os.path.isfile(full):
                with open(full, "rb") as f:
                    out.append((os.path.relpath(full, path), f.read()))
    return out


def program_from_path(path: str) -> Program:
    """A program from one source file, a folder holding one main source, or a program folder
    with ``build``/``run`` scripts (see :data:`sandbox.languages.BUILD_RUN`)."""
    if is_build_run(path):
        folder = dict(_folder_files(path))
        build = folder.pop("build", b"")
        return Program(BUILD_RUN.name, build, tuple(sorted(folder.items())))
    if os.path.isfile(path):
        lang = _SOURCE_EXT.get(os.path.splitext(path)[1])
        if lang is None:
            raise ProblemError(path, "not a source file codesolve can build (expected .py or .cpp)")
        with open(path, "rb") as f:
            return Program(lang, f.read())
    files = sorted(f for f in os.listdir(path) if os.path.isfile(os.path.join(path, f)))
    sources = [f for f in files if os.path.splitext(f)[1] in _SOURCE_EXT]
    main = _main_source(path, sources)
    extras = []
    for name in files:
        if name != main:
            with open(os.path.join(path, name), "rb") as fh:
                extras.append((name, fh.read()))
    with open(os.path.join(path, main), "rb") as fh:
        return Program(_SOURCE_EXT[os.path.splitext(main)[1]], fh.read(), tuple(extras))


def _main_source(path: str, sources: list[str]) -> str:
    if len(sources) == 1:
        return sources[0]
    with_main = []
    for s in sources:
        with open(os.path.join(path, s), "rb") as f:
            text = f.read()
        if re.search(rb"\bint\s+main\s*\(", text) or b"__main__" in text:
            with_main.append(s)
    if len(with_main) == 1:
        return with_main[0]
    raise ProblemError(path, f"cannot tell the main source among {sources or 'no sources'} "
                             "(expected one .py/.cpp file, or one defining main)")


def _programs(path: str, dirnames: tuple[str, ...]) -> list[Program]:
    programs = []
    for d in dirnames:
        folder = os.path.join(path, d)
        if not os.path.isdir(folder):
            continue
        entries = sorted(e for e in os.listdir(folder) if not _ignored(e))
        subdirs = [e for e in entries if os.path.isdir(os.path.join(folder, e))]
        loose = [e for e in entries if os.path.splitext(e)[1] in _SOURCE_EXT]
        if is_build_run(folder) or (d.endswith("validator") and not subdirs):  # the folder is one program
            if loose or is_build_run(folder):
                programs.append(program_from_path(folder))
            continue
        programs += [program_from_path(os.path.join(folder, e)) for e in subdirs]
        # Loose sources, each a program, with the loose non-source files (headers such as
        # testlib.h, which contest exports put beside their checkers) placed beside each.
        shared = []
        for e in entries:
            full = os.path.join(folder, e)
            if e not in loose and os.path.isfile(full):
                with open(full, "rb") as f:
                    shared.append((e, f.read()))
        for e in loose:
            program = program_from_path(os.path.join(folder, e))
            programs.append(dataclasses.replace(program, extra_files=program.extra_files + tuple(shared)))
    return programs


def derive_time_limit(problem: Problem, slowest_accepted_s: float) -> float:
    """Kattis's rule for packages without an explicit limit: the slowest accepted
    submission's time times ``time_multiplier``, rounded up to whole seconds (at least 1)."""
    multiplier = float(problem.metadata.get("time_multiplier", DEFAULT_TIME_MULTIPLIER))
    return float(max(1, math.ceil(slowest_accepted_s * multiplier)))


def needs_derived_time_limit(problem: Problem) -> bool:
    return problem.metadata.get("format") == "kattis" and \
        str(problem.metadata.get("time_limit_source", "")).startswith("time_multiplier")

