"""How fast the one-program commands are, against plain scripts that isolate nothing.

* ``codesolve run`` of a one-line Python program: wall time of the whole command (the
  interpreter start, the imports, a box start, the run), median of ``--repeats``.
* ``codesolve judge`` of a C++ program on ``--tests`` tests: wall time of the whole command
  (compilation included), against a bare script that compiles with ``g++ -O2`` and runs the
  program once per test in its own subprocess on ``--workers`` workers, comparing outputs.

Each command runs once untimed first, with bytecode writing on (as after ``pip install``,
which compiles the package's ``.pyc`` files): an environment that sets
``PYTHONDONTWRITEBYTECODE`` would otherwise time the compiling of every changed module.
Prints figures; asserts nothing (timings are not tests).

    python bench/cli_speed.py [--tests 1000] [--repeats 10] [--judge-repeats 5] [--backend local]
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODESOLVE = [sys.executable, "-m", "solver.cli"]
SUM = ("#include <cstdio>\n"
       "int main(){ long long a, b; if (std::scanf(\"%lld %lld\", &a, &b) != 2) return 1; "
       "std::printf(\"%lld\\n\", a + b); }\n")


#: The commands' environment: this one, with bytecode caching on.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], stdin: bytes = b"") -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run(argv, input=stdin, capture_output=True, cwd=ROOT, env=ENV)
    return time.perf_counter() - t, proc


def bare_judge(source: str, tests: list[tuple[bytes, bytes]], workers: int, tmp: str) -> float:
    """Compile with g++ -O2 and run each test in its own subprocess; the wall time."""
    t = time.perf_counter()
    exe = os.path.join(tmp, "bare")
    subprocess.run(["g++", "-O2", "-std=c++17", "-o", exe, source], check=True)

    def one(test: tuple[bytes, bytes]) -> bool:
        out = subprocess.run([exe], input=test[0], capture_output=True).stdout
        return out.split() == test[1].split()

    with ThreadPoolExecutor(workers) as pool:
        ok = all(pool.map(one, tests))
    elapsed = time.perf_counter() - t
    assert ok, "the bare script's runs are all right"
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tests", type=int, default=1000, help="tests for the judge comparison (default 1000)")
    ap.add_argument("--repeats", type=int, default=10, help="runs of `codesolve run` (default 10)")
    ap.add_argument("--judge-repeats", type=int, default=5,
                    help="runs of `codesolve judge` and of the bare script, alternating (default 5)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the bare script (default 2)")
    ap.add_argument("--backend", default="local", help="sandbox backend (default local)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="codesolve-cli-speed-") as tmp:
        hello = os.path.join(tmp, "hello.py")
        with open(hello, "w") as f:
            f.write("print(1)\n")
        timed([*CODESOLVE, "run", hello, "--backend", args.backend])  # bytecode written, files cached
        times = []
        for _ in range(args.repeats):
            elapsed, proc = timed([*CODESOLVE, "run", hello, "--backend", args.backend])
            assert proc.returncode == 0, proc.stderr.decode()
            times.append(elapsed)
        bare = [timed([sys.executable, "-c", "print(1)"])[0] for _ in range(args.repeats)]
        print(f"codesolve run (one-line Python, {args.backend}): median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s over {args.repeats}; a bare `python -c` start: "
              f"{statistics.median(bare):.3f} s")

        source = os.path.join(tmp, "sum.cpp")
        with open(source, "w") as f:
            f.write(SUM)
        folder = os.path.join(tmp, "tests")
        os.mkdir(folder)
        tests = []
        for i in range(args.tests):
            data, answer = f"{i} {2 * i + 1}\n".encode(), f"{3 * i + 1}\n".encode()
            tests.append((data, answer))
            with open(os.path.join(folder, f"{i}.in"), "wb") as f:
                f.write(data)
            with open(os.path.join(folder, f"{i}.ans"), "wb") as f:
                f.write(answer)
        judge_argv = [*CODESOLVE, "judge", source, "--tests", folder, "--backend", args.backend]
        timed(judge_argv)  # bytecode written, files cached
        judge_times, bare_times = [], []
        for _ in range(args.judge_repeats):
            judge_s, proc = timed(judge_argv)
            assert proc.returncode == 0, proc.stderr.decode()
            judge_times.append(judge_s)
            bare_times.append(bare_judge(source, tests, args.workers, tmp))
        judge_s, bare_s = statistics.median(judge_times), statistics.median(bare_times)
        print(f"codesolve judge (C++, {args.tests} tests, compile included): median {judge_s:.2f} s "
              f"({min(judge_times):.2f}-{max(judge_times):.2f}); bare script (g++ -O2, one subprocess per test, "
              f"{args.workers} workers): median {bare_s:.2f} s ({min(bare_times):.2f}-{max(bare_times):.2f}); "
              f"ratio of medians {judge_s / bare_s:.2f}x over {args.judge_repeats}")


if __name__ == "__main__":
    main()
