"""Time ``nirkit lint`` against a bare pass that only finds candidate tokens.

    python benchmarks/bench_lint.py [--rows 1000000] [--seed 2026] [--repeat 3]

The fixture comes from ``make_lint_fixture.py`` (written first if missing).
Each contender runs in its own subprocess, so that its peak memory (maximum
resident set size, from ``os.wait4``) is its own and interpreter start-up is
counted alike:

- ``bare (lines)``: read the file line by line and run the linter's token
  pattern over each line; nothing else. This is the baseline of the target.
- ``bare (blocks)``: the same pattern over 1 MiB blocks, for reference.
- ``nirkit lint``: the real command, text output to /dev/null.

The best of ``--repeat`` runs counts. Target: lint <= 1.5 x bare (lines), peak
memory < 100 MB. Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from make_lint_fixture import write

_OUT = Path(__file__).parent / "out"

_BARE_LINES = """
import sys
from nirkit._lint.candidates import TOKEN
count = 0
with open(sys.argv[1], encoding="utf-8") as stream:
    for line in stream:
        for _ in TOKEN.finditer(line):
            count += 1
print(count)
"""
_BARE_BLOCKS = """
import sys
from nirkit._lint.candidates import TOKEN
count = 0
with open(sys.argv[1], encoding="utf-8", newline="") as stream:
    rest = ""
    while block := stream.read(1 << 20):
        block = rest + block
        cut = block.rfind("\\n") + 1
        block, rest = block[:cut], block[cut:]
        for _ in TOKEN.finditer(block):
            count += 1
    for _ in TOKEN.finditer(rest):
        count += 1
print(count)
"""


def _run(argv: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB, and stdout's first line of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = output.decode().splitlines()
    return seconds, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fixture = _OUT / f"people-{args.rows}-{args.seed}.csv"
    if not fixture.exists():
        write(fixture, args.rows, args.seed)
    python = sys.executable
    contenders = {
        "bare (lines)": [python, "-c", _BARE_LINES, str(fixture)],
        "bare (blocks)": [python, "-c", _BARE_BLOCKS, str(fixture)],
        "nirkit lint": [python, "-m", "nirkit", "lint", "--no-config", str(fixture)],
    }
    best: dict[str, tuple[float, float, str]] = {}
    for _ in range(args.repeat):
        for name, argv in contenders.items():
            seconds, memory, last = _run(argv)
            old = best.get(name)
            peak = max(memory, old[1]) if old else memory
            best[name] = (min(seconds, old[0]) if old else seconds, peak, last)
    size = fixture.stat().st_size / 1e6
    print(f"fixture: {fixture.name}, {size:.1f} MB, {args.rows} rows")
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs")
    base = best["bare (lines)"][0]
    for name, (seconds, memory, last) in best.items():
        ratio = seconds / base
        print(f"{name:<14} {seconds:6.2f} s  {ratio:4.2f} x  peak {memory:5.1f} MB  | {last}")


if __name__ == "__main__":
    main()
