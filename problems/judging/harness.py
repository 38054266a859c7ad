"""Function-call problems (LeetCode / HumanEval style) through the ordinary execution path.

* :func:`function_call_program` wraps a candidate that defines a function into a program
  that reads one JSON array of arguments on stdin, calls the function and prints the JSON
  result on stdout (whatever the candidate prints goes to stderr). Python candidates may
  define the function at module level or as a method of ``class Solution``. C++ candidates
  define a free function; the harness deduces its parameter types, so ``int``,
  ``long long``, ``double``, ``bool``, ``std::string`` and nested ``std::vector`` all work.
  Compare results with ``Checker(kind="json")``.
* :func:`function_calls_program` is the same for many calls in one process (Python): the
  candidate is loaded once and called once per input, each call under its own CPU and
  wall limit (a timer interrupts it), as LeetCode-style judges and in-process graders run a
  function's tests. :func:`run_calls` runs it and gives one result per call, as if each
  call had been a run of its own: status, the JSON result as stdout, the call's CPU time.
  What a call changes in the module's globals is seen by later calls of the same run (as
  on those judges); arguments are read afresh for every call. After ``max_timeouts``
  calls out of time the rest are not run (``None``), so a program that loops costs a few
  limits, not one per input.
* :func:`test_program` runs a test program (HumanEval's ``check(candidate)``, MBPP's
  ``assert`` lines) against a Python candidate; :func:`judge_test_program` gives AC when
  every assertion holds, WA when one fails, RE when the candidate crashes.

Arguments are one line: a JSON array, or a Python literal list when JSON cannot carry them
(a tuple, a dict with integer keys; see :mod:`problems.calls`); the Python harnesses read
either.
"""

from __future__ import annotations

import json
from typing import Sequence

from sandbox import Executable, Limits, Program, RunResult, Sandbox, Status, UnsupportedLanguage
from sandbox.languages import ALIASES

from .judge import JudgeResult, TestVerdict, Verdict

ASSERTION_EXIT = 3

#: What both function-call harnesses start with: load the candidate (the typing names
#: predefined, as LeetCode does), read one line of arguments (JSON, else a Python literal),
#: find the function (module level or a method of ``class Solution``).
_PY_CALL_PRELUDE = r'''
import importlib.util, json, sys, typing

def _load(path):
    spec = importlib.util.spec_from_file_location("candidate", path)
    mod = importlib.util.module_from_spec(spec)
    for name in getattr(typing, "__all__", []):
        setattr(mod, name, getattr(typing, name))
    sys.modules["candidate"] = mod
    spec.loader.exec_module(mod)
    return mod

def _arguments(text):
    try:
        return json.loads(text)
    except ValueError:
        import ast
        return ast.literal_eval(text.strip())

def _function(mod, entry):
    fn = getattr(mod, entry, None)
    if fn is None and isinstance(getattr(mod, "Solution", None), type):
        fn = getattr(mod.Solution(), entry, None)
    return fn if callable(fn) else None
'''

PY_CALL_HARNESS = _PY_CALL_PRELUDE + r'''
def main():
    path, entry = sys.argv[1], sys.argv[2]
    args = _arguments(sys.stdin.read())
    out = sys.stdout
    sys.stdout = sys.stderr
    fn = _function(_load(path), entry)
    if fn is None:
        print(f"harness: the candidate defines no function {entry!r}", file=sys.stderr)
        sys.exit(2)
    result = fn(**args) if isinstance(args, dict) else fn(*args)
    if isinstance(result, tuple):
        result = list(result)
    out.write(json.dumps(result) + "\n")
    out.flush()

main()
'''

PY_CALLS_HARNESS = _PY_CALL_PRELUDE + r'''
import os, signal, time

class _OutOfTime(BaseException):
    pass

def _out_of_time(signum, frame):
    raise _OutOfTime()

def _plain(value):
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value

def _python_text(value):
    if isinstance(value, (set, frozenset)):
        return "py:{" + ", ".join(sorted(repr(v) for v in value)) + "}"
    return "py:" + repr(value)

def _say(out, record):
    out.write(json.dumps(record) + "\n")
    out.flush()

def main():
    path, entry = sys.argv[1], sys.argv[2]
    job = json.loads(sys.stdin.read())
    out = sys.stdout
    sys.stdout = open(os.devnull, "w")  # what the candidate prints is not its result
    sys.stdin = open(os.devnull)
    limit, wall, patience = job["time_s"], job["wall_s"], job["max_timeouts"]
    signal.signal(signal.SIGPROF, _out_of_time)
    signal.signal(signal.SIGALRM, _out_of_time)
    try:
        fn = _function(_load(path), entry)
        if fn is None:
            raise NameError(f"the candidate defines no function {entry!r}")
    except BaseException as exc:
        _say(out, {"load": type(exc).__name__, "error": str(exc)[:300]})
        return
    _say(out, {"load": "ok"})
    timeouts = 0
    for text in job["inputs"]:
        if timeouts >= patience:
            break
        status, result, error = "OK", None, ""
        t0 = time.process_time()
        try:
            args = _arguments(text)
            signal.setitimer(signal.ITIMER_PROF, limit, 0.01)
            signal.setitimer(signal.ITIMER_REAL, wall, 0.01)
            try:
                value = fn(**args) if isinstance(args, dict) else fn(*args)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.setitimer(signal.ITIMER_REAL, 0)
            try:
                result = json.dumps(_plain(value))
            except (TypeError, ValueError, RecursionError):  # not JSON: Python's text of it
                result = _python_text(value)
        except _OutOfTime:
            status, error = "TLE", "call time limit"
        except MemoryError:
            status, error = "MLE", "MemoryError"
        except BaseException as exc:
            status, error = "RE", type(exc).__name__ + (": " + str(exc)[:200] if str(exc) else "")
        cpu = time.process_time() - t0
        if status == "OK" and cpu > limit:
            status, error = "TLE", "call time limit"
        if status == "TLE":
            timeouts += 1
        record = {"status": status, "cpu_s": round(cpu, 6), "error": error}
        if status == "OK":
            if len(result) <= 65536:
                record["result"] = result
            else:
                import hashlib
                record["digest"] = hashlib.sha256(result.encode()).hexdigest()
        _say(out, record)

main()
'''

PY_TEST_HARNESS = r'''
import sys, importlib.util, typing

def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    for n in getattr(typing, "__all__", []):
        setattr(mod, n, getattr(typing, n))
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod

def main():
    cand_path, test_path, entry = sys.argv[1], sys.argv[2], sys.argv[3]
    sys.stdout = sys.stderr
    cand = _load("candidate", cand_path)
    fn = getattr(cand, entry, None)
    if fn is None and isinstance(getattr(cand, "Solution", None), type):
        fn = getattr(cand.Solution(), entry, None)
    if not callable(fn):
        print(f"harness: the candidate defines no function {entry!r}", file=sys.stderr)
        sys.exit(2)
    source = open(test_path).read()
    namespace = dict(vars(cand))
    namespace[entry] = fn
    try:
        exec(compile(source, "tests.py", "exec"), namespace)
        if callable(namespace.get("check")):
            namespace["check"](fn)
    except AssertionError as exc:
        _report(exc, source)
        sys.exit(%d)

def _report(exc, source):
    # Where the assertion failed and its line, not a whole traceback: formatting one
    # costs more than the rest of a typical run, and most samples fail.
    tb = exc.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    code, line = tb.tb_frame.f_code, tb.tb_lineno
    if code.co_filename == "tests.py":
        lines = source.splitlines()
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    else:
        import linecache
        text = linecache.getline(code.co_filename, line).strip()
    try:
        detail = str(exc)
    except BaseException:
        detail = ""
    print(f"{code.co_filename}:{line}, in {code.co_name}: AssertionError" + (f": {detail}" if detail else ""),
          file=sys.stderr)
    if text:
        print("    " + text, file=sys.stderr)

main()
''' % ASSERTION_EXIT

CPP_CALL_HARNESS = r'''
#include <bits/stdc++.h>
#include <unistd.h>
namespace codesolve_harness {
struct Parser {
    const char* s; const char* e;
    void ws() { while (s < e && std::isspace((unsigned char)*s)) ++s; }
    [[noreturn]] void fail(const char* what) {
        std::fprintf(stderr, "harness: bad JSON argument, expected %s at offset %ld\n", what, (long)(e - s));
        std::exit(2);
    }
    void expect(char c) { ws(); if (s >= e || *s != c) { char b[8] = {'\'', c, '\'', 0}; fail(b); } ++s; }
    bool peek(char c) { ws(); return s < e && *s == c; }
};
inline void read(Parser& p, long long& v) {
    p.ws(); char* end; v = std::strtoll(p.s, &end, 10); if (end == p.s) p.fail("an integer"); p.s = end;
}
inline void read(Parser& p, long& v) { long long x; read(p, x); v = (long)x; }
inline void read(Parser& p, int& v) { long long x; read(p, x); v = (int)x; }
inline void read(Parser& p, unsigned long long& v) {
    p.ws(); char* end; v = std::strtoull(p.s, &end, 10); if (end == p.s) p.fail("an integer"); p.s = end;
}
inline void read(Parser& p, double& v) {
    p.ws(); char* end; v = std::strtod(p.s, &end); if (end == p.s) p.fail("a number"); p.s = end;
}
inline void read(Parser& p, float& v) { double x; read(p, x); v = (float)x; }
inline void read(Parser& p, bool& v) {
    p.ws();
    if (p.e - p.s >= 4 && !std::strncmp(p.s, "true", 4)) { v = true; p.s += 4; }
    else if (p.e - p.s >= 5 && !std::strncmp(p.s, "false", 5)) { v = false; p.s += 5; }
    else p.fail("true or false");
}
inline void put_utf8(std::string& o, unsigned cp) {
    if (cp < 0x80) o += (char)cp;
    else if (cp < 0x800) { o += (char)(0xC0 | (cp >> 6)); o += (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        o += (char)(0xE0 | (cp >> 12)); o += (char)(0x80 | ((cp >> 6) & 0x3F)); o += (char)(0x80 | (cp & 0x3F));
    }
    else {
        o += (char)(0xF0 | (cp >> 18)); o += (char)(0x80 | ((cp >> 12) & 0x3F));
        o += (char)(0x80 | ((cp >> 6) & 0x3F)); o += (char)(0x80 | (cp & 0x3F));
    }
}
inline unsigned hex4(Parser& p) {
    if (p.e - p.s < 4) p.fail("four hex digits");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
        char c = *p.s++;
        v = v * 16 + (std::isdigit((unsigned char)c) ? c - '0' : (std::tolower(c) - 'a' + 10));
    }
    return v;
}
inline void read(Parser& p, std::string& v) {
    p.expect('"'); v.clear();
    while (p.s < p.e && *p.s != '"') {
        char c = *p.s++;
        if (c != '\\') { v += c; continue; }
        if (p.s >= p.e) p.fail("an escape");
        char d = *p.s++;
        switch (d) {
            case 'n': v += '\n'; break; case 't': v += '\t'; break; case 'r': v += '\r'; break;
            case 'b': v += '\b'; break; case 'f': v += '\f'; break;
            case 'u': {
                unsigned cp = hex4(p);
                if (cp >= 0xD800 && cp < 0xDC00 && p.e - p.s >= 6 && p.s[0] == '\\' && p.s[1] == 'u') {
                    p.s += 2; unsigned lo = hex4(p); cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                put_utf8(v, cp); break;
            }
            default: v += d;
        }
    }
    p.expect('"');
}
inline void read(Parser& p, char& v) { std::string s; read(p, s); v = s.empty() ? '\0' : s[0]; }
template <class T> void read(Parser& p, std::vector<T>& v) {
    p.expect('['); v.clear();
    if (p.peek(']')) { ++p.s; return; }
    while (true) {
        T x; read(p, x); v.push_back(std::move(x));
        if (p.peek(',')) { ++p.s; continue; }
        p.expect(']'); return;
    }
}
inline void write(std::string& o, long long v) { o += std::to_string(v); }
inline void write(std::string& o, long v) { o += std::to_string(v); }
inline void write(std::string& o, int v) { o += std::to_string(v); }
inline void write(std::string& o, unsigned long long v) { o += std::to_string(v); }
inline void write(std::string& o, bool v) { o += v ? "true" : "false"; }
inline void write(std::string& o, double v) {
    if (std::isnan(v)) { o += "NaN"; return; }
    if (std::isinf(v)) { o += v > 0 ? "Infinity" : "-Infinity"; return; }
    char b[64]; std::snprintf(b, sizeof b, "%.17g", v); o += b;
    if (!std::strpbrk(b, ".eE")) o += ".0";
}
inline void write(std::string& o, float v) { write(o, (double)v); }
inline void write(std::string& o, char c) { std::string s(1, c); o += '"'; o += s; o += '"'; }
inline void write(std::string& o, const std::string& v) {
    o += '"';
    for (unsigned char c : v) {
        switch (c) {
            case '"': o += "\\\""; break; case '\\': o += "\\\\"; break; case '\n': o += "\\n"; break;
            case '\t': o += "\\t"; break; case '\r': o += "\\r"; break;
            default:
                if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
                else o += (char)c;
        }
    }
    o += '"';
}
template <class T> void write(std::string& o, const std::vector<T>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); ++i) { if (i) o += ", "; write(o, (T)v[i]); }
    o += ']';
}
template <class F> struct traits;
template <class R, class... A> struct traits<R (*)(A...)> { using args = std::tuple<std::decay_t<A>...>; };
template <class Tup, size_t... I> void read_args(Parser& p, Tup& t, std::index_sequence<I...>) {
    size_t k = 0;
    ((k++ ? p.expect(',') : void(), read(p, std::get<I>(t))), ...);
}
}  // namespace codesolve_harness

#include "candidate.cpp"

int main() {
    using namespace codesolve_harness;
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    Parser p{in.data(), in.data() + in.size()};
    using Args = traits<decltype(&ENTRY_POINT)>::args;
    Args args;
    p.expect('[');
    read_args(p, args, std::make_index_sequence<std::tuple_size<Args>::value>{});
    p.expect(']');
    std::fflush(stdout);
    int saved = dup(1);
    dup2(2, 1);  // whatever the candidate prints goes to stderr
    auto result = std::apply(ENTRY_POINT, args);
    std::fflush(stdout);
    dup2(saved, 1);
    std::string o;
    write(o, result);
    o += '\n';
    std::fwrite(o.data(), 1, o.size(), stdout);
    return 0;
}
'''


def _check_identifier(entry_point: str) -> None:
    if not entry_point.isidentifier():
        raise ValueError(f"entry point {entry_point!r} is not an identifier")


def function_call_program(language: str, candidate: str | bytes, entry_point: str) -> Program:
    """A program that calls ``entry_point`` of ``candidate`` with the JSON arguments on stdin."""
    _check_identifier(entry_point)
    cand = candidate.encode() if isinstance(candidate, str) else candidate
    lang = ALIASES.get(language.lower(), language.lower())
    if lang == "python":
        return Program("python", PY_CALL_HARNESS, (("candidate.py", cand),), ("{dir}/candidate.py", entry_point))
    if lang == "cpp":
        source = CPP_CALL_HARNESS.replace("ENTRY_POINT", entry_point)
        return Program("cpp", source, (("candidate.cpp", cand),))
    raise UnsupportedLanguage(f"function-call harness: no harness for language {language!r} (python, cpp)")


def function_calls_program(candidate: str | bytes, entry_point: str) -> Program:
    """A Python program that loads ``candidate`` once and calls ``entry_point`` on every
    input of a job (see :func:`run_calls`)."""
    _check_identifier(entry_point)
    cand = candidate.encode() if isinstance(candidate, str) else candidate
    return Program("python", PY_CALLS_HARNESS, (("candidate.py", cand),), ("{dir}/candidate.py", entry_point))


#: CPU time a calls run may spend loading the candidate, beyond its calls' limits.
CALLS_LOAD_S = 2.0


def run_calls(sandbox: Sandbox, executable: Executable, inputs: Sequence[bytes], limits: Limits,
              max_timeouts: int = 3) -> list[RunResult | None]:
    """Call the function of a :func:`function_calls_program` once per input, in one run.

    ``limits.time_s`` is the CPU limit of one call (its wall limit ``limits.wall_limit_s``),
    ``memory_mb`` and the rest apply to the whole run. One result per input, in order:
    status ``OK`` with the JSON result as ``stdout`` (``py:`` and Python's text for a value
    JSON cannot hold, a set's items sorted; for results over 64 KB, their SHA-256 as
    ``digest:HEX``), ``TLE`` past the call's limit, ``MLE`` on ``MemoryError``,
    ``RE`` on any other exception (named in ``stderr``); ``None`` for calls not made (after
    ``max_timeouts`` timeouts, or after the run itself ended early, whose status the first
    unfinished call takes). A candidate that cannot be loaded gives ``RE`` for every call.
    """
    if not inputs:
        return []
    job = {"time_s": limits.time_s, "wall_s": limits.wall_limit_s, "max_timeouts": max_timeouts,
           "inputs": [i.decode(errors="replace") for i in inputs]}
    whole = limits.with_(time_s=CALLS_LOAD_S + len(inputs) * limits.time_s, wall_s=None)
    run = sandbox.run_batch(executable, [json.dumps(job).encode()], whole)[0]
    return read_calls(run, len(inputs))


def read_calls(run: RunResult | None, n: int) -> list[RunResult | None]:
    """The per-call results of a calls run (see :func:`run_calls`)."""
    results: list[RunResult | None] = [None] * n
    if run is None:
        return results
    lines = run.stdout.decode(errors="replace").splitlines()
    try:
        header = json.loads(lines[0]) if lines else {}
    except ValueError:
        header = {}
    if header.get("load") != "ok":
        failed = RunResult(Status.SE if run.status is Status.SE else
                           Status.RE if run.status is Status.OK else run.status, run.exit_code, run.signal,
                           run.cpu_s, run.wall_s, run.peak_memory_mb,
                           stderr=f"{header.get('load', 'no output')}: {header.get('error', '')}".encode()
                           + b"\n" + run.stderr, reason=run.reason or "the candidate did not load")
        return [failed] * n
    done = 0
    for line in lines[1:n + 1]:
        try:
            rec = json.loads(line)
            status = Status(rec["status"])
        except (ValueError, KeyError, TypeError):
            break
        out = rec.get("result")
        stdout = out.encode() if isinstance(out, str) else f"digest:{rec.get('digest', '')}".encode()
        results[done] = RunResult(status, 0 if status is Status.OK else 1, None, float(rec.get("cpu_s", 0.0)),
                                  float(rec.get("cpu_s", 0.0)), run.peak_memory_mb,
                                  stdout if status is Status.OK else b"", str(rec.get("error", "")).encode(),
                                  reason=str(rec.get("error", "")))
        done += 1
    if done < n and run.status is not Status.OK:  # the run itself ended during this call
        results[done] = RunResult(run.status, run.exit_code, run.signal, run.cpu_s, run.wall_s,
                                  run.peak_memory_mb, b"", run.stderr, reason=run.reason)
    return results


def test_program(candidate: str | bytes, test_source: str | bytes, entry_point: str) -> Program:
    """A program running ``test_source`` (asserts, or a ``check(candidate)`` function) on a Python candidate."""
    _check_identifier(entry_point)
    cand = candidate.encode() if isinstance(candidate, str) else candidate
    tests = test_source.encode() if isinstance(test_source, str) else test_source
    return Program("python", PY_TEST_HARNESS, (("candidate.py", cand), ("tests.py", tests)),
                   ("{dir}/candidate.py", "{dir}/tests.py", entry_point))


def judge_test_program(sandbox: Sandbox, candidate: str | bytes, test_source: str | bytes, entry_point: str,
                       limits: Limits = Limits(time_s=10.0)) -> JudgeResult:
    """AC when every assertion holds, WA when one fails, RE/TLE/MLE/OLE as the run ends."""
    compiled = sandbox.compile(test_program(candidate, test_source, entry_point))
    if not compiled.ok:
        return JudgeResult(Verdict.CE if compiled.run.status is not Status.SE else Verdict.JE, [], compiled.run)
    assert compiled.executable is not None
    run = sandbox.run_batch(compiled.executable, [b""], limits)[0]
    assert run is not None
    if run.status is Status.OK:
        verdict, message = Verdict.AC, ""
    elif run.status is Status.RE and run.exit_code == ASSERTION_EXIT:
        verdict, message = Verdict.WA, "an assertion failed"
    else:
        verdict = {Status.TLE: Verdict.TLE, Status.MLE: Verdict.MLE, Status.OLE: Verdict.OLE,
                   Status.SE: Verdict.JE}.get(run.status, Verdict.RE)
        message = run.reason
    return JudgeResult(verdict, [TestVerdict("tests", verdict, run, message)], compiled.run)
