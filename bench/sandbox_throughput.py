"""Sandbox throughput and latency: isolated runs against a bare, unisolated subprocess.run.

Programs: a trivial C++ program, a trivial Python program, and a Python program that
imports heavy standard modules (asyncio, decimal, email, json, statistics) before doing
the same trivial work. For each, batches of N inputs (``--counts``, default 1,100,1000)
are run
  * bare: ``subprocess.run`` of the very same binary / interpreter and script, from as
    many threads as there are cores, with no isolation at all;
  * isolated: ``run_batch`` of each backend (``--backends``, default local,docker; one
    that cannot start here is reported and skipped), one box per core, once as
    configured by default (Python batches forked from a warm interpreter) and once as
    ``NAME-cold`` with the warm paths switched off (an interpreter start, an exec, per
    input), in the same invocation (``--no-cold`` skips those).
It prints runs per second, throughput as a multiple of bare's, time against the local
backend's, per-run latency (bare: each subprocess.run; isolated: the program's wall time
inside the box) as median and p99, how many runs went warm and zygotes were started, and where an isolated run's
time goes (host/box transport, preparation, spawn or fork to exit of the program, reaping
and collecting, wiping scratch dirs), next to the fixed costs measured apart: starting a
box (namespaces or container, once per box), a bare fork+exec of a program that does
nothing, a bare ``python3 -c pass`` (interpreter start), and ``fork()`` of a bare Python
process that has imported the heavy modules. Figures only: nothing here is asserted.

    python bench/sandbox_throughput.py [--counts 1,100,1000] [--backends local,docker]
                                       [--programs cpp,python,python-heavy] [--no-cold]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sandbox import Limits, Program, Status
from sandbox.backends import open_sandbox
from sandbox.pool import BoxSandbox

PY = "import sys\nn = int(sys.stdin.readline())\nprint(n * 2)\n"
HEAVY = "import asyncio, decimal, email.parser, json, statistics\n" + PY
CPP = ("#include <cstdio>\n"
       "int main(){ long long n; if (std::scanf(\"%lld\", &n) != 1) return 1; std::printf(\"%lld\\n\", n * 2); }\n")
PROGRAMS = {"cpp": ("cpp", CPP), "python": ("python", PY), "python-heavy": ("python", HEAVY)}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered))) - 1))]


def bare(argv: list[str], inputs: list[bytes], workers: int) -> tuple[float, list[bytes], list[float]]:
    def one(data: bytes) -> tuple[bytes, float]:
        t = time.perf_counter()
        out = subprocess.run(argv, input=data, capture_output=True, check=True).stdout
        return out, (time.perf_counter() - t) * 1000

    t = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        done = list(pool.map(one, inputs))
    return time.perf_counter() - t, [o for o, _ in done], [ms for _, ms in done]


def fixed_costs(python: str, cpp_true: str, repeat: int = 50) -> dict[str, float]:
    """Bare costs in ms: fork+exec of a do-nothing binary, python3 -c pass, and fork() of a
    warm interpreter that imported the heavy modules (child exits at once)."""
    def timed(argv: list[str]) -> float:
        t = time.perf_counter()
        for _ in range(repeat):
            subprocess.run(argv, check=True)
        return (time.perf_counter() - t) * 1000 / repeat

    probe = ("import asyncio, decimal, email.parser, json, statistics, os, time\n"
             f"t = time.perf_counter()\nfor _ in range({repeat}):\n    pid = os.fork()\n"
             "    if pid == 0:\n        os._exit(0)\n    os.waitpid(pid, 0)\n"
             f"print((time.perf_counter() - t) * 1000 / {repeat})\n")
    fork_ms = float(subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout)
    return {"fork+exec of a do-nothing C++ binary": timed([cpp_true]),
            "python3 -c pass (interpreter start)": timed([python, "-c", "pass"]),
            "fork() of a warm Python that imported the heavy modules": fork_ms}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--counts", default="1,100,1000", help="inputs per batch (default 1,100,1000)")
    ap.add_argument("--backends", default="local,docker", help="comma-separated (default local,docker)")
    ap.add_argument("--programs", default=",".join(PROGRAMS), help="comma-separated: " + ", ".join(PROGRAMS))
    ap.add_argument("--inputs", type=int, help="one batch size (same as --counts N)")
    ap.add_argument("--no-cold", action="store_true",
                    help="skip the backends with the warm paths switched off (NAME-cold)")
    args = ap.parse_args()
    counts = [args.inputs] if args.inputs else [int(c) for c in args.counts.split(",")]
    workers = os.cpu_count() or 1
    sandboxes, box_start = {}, {}
    variants = [(name, True) for name in args.backends.split(",")]
    if not args.no_cold:
        variants += [(name, False) for name in args.backends.split(",")]
    for backend, warm in variants:
        name = backend if warm else backend + "-cold"
        try:
            opened = open_sandbox(backend, warm_python=warm, warm_native=warm)
            assert isinstance(opened, BoxSandbox)  # the backends keep a pool of boxes, timed here
            sandboxes[name] = opened
            t = time.perf_counter()
            box = opened._acquire()
            box_start[name] = (time.perf_counter() - t) * 1000
            opened._release(box)
        except Exception as exc:  # noqa: BLE001 - a backend that cannot start here is reported, not measured
            print(f"backend {name}: unavailable ({exc})")
    python = "/usr/bin/python3"
    print(f"backends {', '.join(sandboxes)}; {workers} workers; batches of {', '.join(map(str, counts))} inputs")
    with tempfile.TemporaryDirectory() as tmp:
        binaries = {}
        for name, source in (("prog", CPP), ("true", "int main(){}\n")):
            path = os.path.join(tmp, name)
            with open(path + ".cpp", "w") as f:
                f.write(source)
            subprocess.run(["g++", "-O2", "-std=c++17", "-o", path, path + ".cpp"], check=True)
            binaries[name] = path
        print("\nfixed costs (ms): " + ", ".join(f"starting a {n} box {ms:.0f}" for n, ms in box_start.items()))
        for what, ms in fixed_costs(python, binaries["true"]).items():
            print(f"  {what}: {ms:.2f} ms")
        for program in args.programs.split(","):
            lang, src = PROGRAMS[program]
            script = os.path.join(tmp, program + ".py")
            with open(script, "w") as f:
                f.write(src)
            argv = [binaries["prog"]] if lang == "cpp" else [python, "-B", script]
            exes = {}
            for name, sb in sandboxes.items():
                exe = sb.compile(Program(lang, src)).executable
                assert exe is not None, "the benchmark's programs compile"
                exes[name] = exe
            for name, sb in sandboxes.items():
                sb.run_batch(exes[name], [b"1\n"] * (workers * 4), Limits())  # warm up the boxes
            for n in counts:
                inputs = [f"{i}\n".encode() for i in range(n)]
                expected = [f"{2 * i}\n".encode() for i in range(n)]
                bare_s, outs, bare_ms = bare(argv, inputs, workers)
                assert outs == expected
                print(f"\n{program}, {n} inputs: bare {n / bare_s:8.1f} runs/s   per run median "
                      f"{statistics.median(bare_ms):.2f} ms, p99 {pct(bare_ms, 0.99):.2f} ms")
                print("  (throughput as a multiple of bare's; x local = time against the local backend's; "
                      "latency = the program's wall time in the box; NAME-cold: warm paths off)")
                local_s = None
                for name, sb in sandboxes.items():
                    stats = getattr(sb, "stats", None)
                    if stats:
                        stats.reset()
                    t = time.perf_counter()
                    results = sb.run_batch(exes[name], inputs, Limits())
                    iso = time.perf_counter() - t
                    local_s = iso if name == "local" else local_s
                    wrong = sum(r is None or r.status is not Status.OK or r.stdout != e
                                for r, e in zip(results, expected))
                    walls = [r.wall_s * 1000 for r in results if r is not None]
                    vs_local = f", {iso / local_s:.2f}x local's time" if local_s and name != "local" else ""
                    warm_runs = f", warm runs {stats.warm_runs}, zygotes started {stats.zygote_starts}" if stats else ""
                    print(f"  {name:12s} {n / iso:8.1f} runs/s = {bare_s / iso:5.2f}x bare{vs_local}   "
                          f"latency median {statistics.median(walls):.2f} ms, p99 {pct(walls, 0.99):.2f} ms"
                          f"   (wrong results: {wrong}{warm_runs})")
                    if stats and stats.runs:
                        parts = stats.per_run_ms()
                        print("               per isolated run (ms, one box): "
                              + ", ".join(f"{k} {v:.2f}" for k, v in parts.items())
                              + f"  = {sum(parts.values()):.2f}")
    for sb in sandboxes.values():
        sb.close()


if __name__ == "__main__":
    main()
