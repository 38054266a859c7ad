"""Executor overhead: executions per second of the same workload on the local executor and
on a local Ray instance with the same cores.

The workload is ``run_batch`` of a trivial C++ program on ``--inputs`` inputs (default
2000) and of a Python program that sleeps 5 ms per input on ``--inputs // 4`` inputs, run
from ``--callers`` threads at once (default 4, as a batch run's problems do). Ray gets
one worker per core, each with a one-box sandbox, so both executors have the same number
of boxes. Figures only: nothing here is asserted.

    python bench/executor.py [--inputs 2000] [--callers 4] [--backend local] [--ray-address ADDR]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

from sandbox import Limits, Program, Status
from solver.executor import open_executor

CPP = ("#include <cstdio>\n"
       "int main(){ long long n; if (std::scanf(\"%lld\", &n) != 1) return 1; std::printf(\"%lld\\n\", n * 2); }\n")
PY = "import time\nn = int(input())\ntime.sleep(0.005)\nprint(n * 2)\n"


def measure(executor, language: str, source: str, count: int, callers: int) -> tuple[float, int]:
    exe = executor.compile(Program(language, source)).executable
    executor.run_batch(exe, [b"1\n"] * 8, Limits())  # warm-up: workers, executable transfer
    per_caller = [[f"{i}\n".encode() for i in range(c, count, callers)] for c in range(callers)]
    t = time.perf_counter()
    with ThreadPoolExecutor(callers) as pool:
        outs = list(pool.map(lambda items: (items, executor.run_batch(exe, items, Limits())), per_caller))
    seconds = time.perf_counter() - t
    wrong = sum(r is None or r.status is not Status.OK or r.stdout != f"{2 * int(i)}\n".encode()
                for items, results in outs for i, r in zip(items, results))
    return seconds, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=2000)
    ap.add_argument("--callers", type=int, default=4)
    ap.add_argument("--backend", default="local")
    ap.add_argument("--ray-address", default=None)
    args = ap.parse_args()
    workloads = (("cpp", CPP, args.inputs), ("python", PY, max(1, args.inputs // 4)))
    figures: dict[str, dict[str, tuple[float, int]]] = {}
    for name in ("local", "ray"):
        t = time.perf_counter()
        executor = open_executor(name, args.backend, args.ray_address)
        started = time.perf_counter() - t
        try:
            figures[name] = {lang: measure(executor, lang, src, n, args.callers) for lang, src, n in workloads}
        finally:
            executor.close()
        print(f"{name}: ready in {started:.1f} s")
    print(f"\n{os.cpu_count()} cores, backend {args.backend}, {args.callers} callers at once")
    for lang, _, n in workloads:
        local_s, local_bad = figures["local"][lang]
        ray_s, ray_bad = figures["ray"][lang]
        print(f"{lang:7s} {n:6d} runs: local {n / local_s:8.1f} runs/s   ray {n / ray_s:8.1f} runs/s   "
              f"overhead {ray_s / local_s:.2f}x   (wrong results: local {local_bad}, ray {ray_bad})")


if __name__ == "__main__":
    main()
