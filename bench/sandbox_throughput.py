"""Sandbox throughput: isolated runs per second against a bare, unisolated subprocess.run.

For a trivial Python program and a trivial C++ program, N inputs (default 1000) are run
  * isolated, with ``run_batch`` of the chosen backend (one box per core), and
  * bare, with ``subprocess.run`` of the very same binary / interpreter and script, from
    as many threads as there are cores, with no isolation at all.
It prints runs per second for both, the ratio (isolated time / bare time) and, per
backend in one invocation (``local`` and ``docker`` by default; one that cannot start here
is reported and skipped), the ratio to ``local`` and where the isolated per-run time goes.
Figures only: nothing here is asserted.

    python bench/sandbox_throughput.py [--inputs 1000] [--backends local,docker]
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

from sandbox import Limits, Program, Status  # noqa: E402
from sandbox.backends import open_sandbox  # noqa: E402

PY = "import sys\nn = int(sys.stdin.readline())\nprint(n * 2)\n"
CPP = "#include <cstdio>\nint main(){ long long n; if (std::scanf(\"%lld\", &n) != 1) return 1; std::printf(\"%lld\\n\", n * 2); }\n"


def bare(argv: list[str], inputs: list[bytes], workers: int) -> tuple[float, list[bytes]]:
    def one(data: bytes) -> bytes:
        return subprocess.run(argv, input=data, capture_output=True, check=True).stdout

    t = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        outs = list(pool.map(one, inputs))
    return time.perf_counter() - t, outs


def isolated(sandbox, lang: str, src: str, inputs: list[bytes], expected: list[bytes], workers: int) -> dict:
    exe = sandbox.compile(Program(lang, src)).executable
    sandbox.run_batch(exe, inputs[:workers * 4], Limits())  # warm up the boxes
    stats = getattr(sandbox, "stats", None)
    if stats:
        stats.reset()
    t = time.perf_counter()
    results = sandbox.run_batch(exe, inputs, Limits())
    seconds = time.perf_counter() - t
    walls = sorted(r.wall_s * 1000 for r in results if r is not None)
    return {"seconds": seconds, "walls": walls, "parts": stats.per_run_ms() if stats else {},
            "wrong": sum(r is None or r.status is not Status.OK or r.stdout != e for r, e in zip(results, expected))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=1000)
    ap.add_argument("--backends", default="local,docker", help="comma-separated (default local,docker)")
    args = ap.parse_args()
    inputs = [f"{i}\n".encode() for i in range(args.inputs)]
    expected = [f"{2 * i}\n".encode() for i in range(args.inputs)]
    workers = os.cpu_count() or 1
    sandboxes = {}
    for name in args.backends.split(","):
        try:
            sandboxes[name] = open_sandbox(name)
        except Exception as exc:  # noqa: BLE001 - a backend that cannot start here is reported, not measured
            print(f"backend {name}: unavailable ({exc})")
    print(f"backends {', '.join(sandboxes)}; {workers} workers, {args.inputs} inputs per program")
    with tempfile.TemporaryDirectory() as tmp:
        cpp_bin = os.path.join(tmp, "prog")
        with open(cpp_bin + ".cpp", "w") as f:
            f.write(CPP)
        subprocess.run(["g++", "-O2", "-std=c++17", "-o", cpp_bin, cpp_bin + ".cpp"], check=True)
        py_file = os.path.join(tmp, "prog.py")
        with open(py_file, "w") as f:
            f.write(PY)
        for lang, src, argv in (("cpp", CPP, [cpp_bin]), ("python", PY, ["/usr/bin/python3", "-B", py_file])):
            bare_s, outs = bare(argv, inputs, workers)
            assert outs == expected
            print(f"\n{lang}: bare subprocess.run {args.inputs / bare_s:8.1f} runs/s")
            local_s = None
            for name, sandbox in sandboxes.items():
                m = isolated(sandbox, lang, src, inputs, expected, workers)
                local_s = m["seconds"] if name == "local" else local_s
                vs_local = f", {m['seconds'] / local_s:.2f}x local" if local_s and name != "local" else ""
                walls = m["walls"]
                print(f"  {name:7s} {args.inputs / m['seconds']:8.1f} runs/s   ratio {m['seconds'] / bare_s:.2f}x bare"
                      f"{vs_local}   (wrong results: {m['wrong']})")
                print(f"          program wall inside the box: median {statistics.median(walls):.2f} ms, "
                      f"p99 {walls[int(len(walls) * 0.99) - 1]:.2f} ms")
                if m["parts"]:
                    print("          per isolated run (ms, one box): "
                          + ", ".join(f"{k} {v:.2f}" for k, v in m["parts"].items())
                          + f"  = {sum(m['parts'].values()):.2f}")
    for sandbox in sandboxes.values():
        sandbox.close()


if __name__ == "__main__":
    main()
