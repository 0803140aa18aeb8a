"""Time ``nirkit lint`` against a bare pass that only finds candidate tokens.

    python benchmarks/bench_lint.py [--repeat 3] [--leak]

The fixtures come from ``make_lint_fixture.py`` (written first if missing):
``people`` (1,000,000 rows of a CSV of people with lookalikes) and ``ean``
(500,000 rows: a 13-digit EAN column and a NIR column, a third in display
form). Each contender runs in its own process, interpreter start-up counted
alike; its peak memory is the peak resident set of its own image (``VmHWM``):

- ``bare (lines)``: read the file line by line and run the linter's reference
  token pattern (``TOKEN``) over each line; nothing else. The baseline of the
  target (docs/performance.md).
- ``bare (fast, blocks)``: the linter's own scanner over 1 MiB blocks, and
  nothing else: what the linter adds to its own scanning.
- ``nirkit lint``: the real command, text output to a pipe.

With ``--leak``, also leak mode on the ``leak`` fixture (800,000 valid numbers
in about 100 MB): every number a finding, in JSON lines, peak memory.
The best of ``--repeat`` runs counts. Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from make_lint_fixture import write

_OUT = Path(__file__).parent / "out"

# Run the code of a contender, then print its peak memory (kB) on standard error.
_PEAK = """
import sys
from pathlib import Path
def peak():
    status = Path("/proc/self/status").read_text().splitlines()
    print(next(l for l in status if l.startswith("VmHWM")).split()[1], file=sys.stderr)
"""
_BARE_LINES = """
from nirkit._lint.candidates import TOKEN
count = 0
with open(sys.argv[1], encoding="utf-8") as stream:
    for line in stream:
        for _ in TOKEN.finditer(line):
            count += 1
print(count)
"""
_BARE_BLOCKS = """
from nirkit._lint.candidates import FAST_TOKEN
count = 0
with open(sys.argv[1], encoding="utf-8", newline="") as stream:
    rest = ""
    while block := stream.read(1 << 20):
        block = rest + block
        cut = block.rfind("\\n") + 1
        block, rest = block[:cut], block[cut:]
        for _ in FAST_TOKEN.finditer(block):
            count += 1
    for _ in FAST_TOKEN.finditer(rest):
        count += 1
print(count)
"""
_LINT = """
from nirkit.cli import main
code = main(["lint", "--no-config", *sys.argv[2:], sys.argv[1]])
"""


def _run(code: str, argv: list[str]) -> tuple[float, float, str]:
    """CPU seconds, peak memory in MB, and the last line of standard output of one process.

    CPU time (user and system, from the child's own accounting) rather than
    wall time: on a shared machine another job stretches the wall clock of a
    run, not the work the run does.
    """
    program = _PEAK + code + "\nsys.stdout.flush()\npeak()\n"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, "-c", program, *argv], stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        last = out.read().decode().rstrip("\n").rpartition("\n")[2]
        memory = int(err.read().split()[-1]) / 1024
    return usage.ru_utime + usage.ru_stime, memory, last


def _fixture(kind: str) -> Path:
    path = _OUT / f"{kind}-2026.csv"
    if not path.exists():
        write(path, None, 2026, kind)
    return path


def _bench(kind: str, repeat: int) -> None:
    fixture = _fixture(kind)
    contenders = {
        "bare (lines)": (_BARE_LINES, [str(fixture)]),
        "bare (fast, blocks)": (_BARE_BLOCKS, [str(fixture)]),
        "nirkit lint": (_LINT, [str(fixture)]),
    }
    best: dict[str, tuple[float, float, str]] = {}
    for _ in range(repeat):
        for name, (code, argv) in contenders.items():
            seconds, memory, last = _run(code, argv)
            old = best.get(name)
            best[name] = (min(seconds, old[0]) if old else seconds, memory, last)
    print(f"\nfixture {kind}: {fixture.stat().st_size / 1e6:.1f} MB")
    base = best["bare (lines)"][0]
    fast = best["bare (fast, blocks)"][0]
    for name, (seconds, memory, last) in best.items():
        print(
            f"{name:<20} {seconds:6.2f} s  {seconds / base:4.2f} x lines  "
            f"{seconds / fast:4.2f} x fast  peak {memory:5.1f} MB  | {last}"
        )


def _leak(repeat: int) -> None:
    fixture = _fixture("leak")
    argv = [str(fixture), "--report-valid", "--format", "jsonl"]
    runs = [_run(_LINT, argv) for _ in range(repeat)]
    seconds = min(run[0] for run in runs)
    memory = max(run[1] for run in runs)
    print(f"\nleak mode: {fixture.stat().st_size / 1e6:.1f} MB, 800,000 valid numbers")
    print(f"nirkit lint --report-valid --format jsonl  {seconds:6.2f} s  peak {memory:5.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--leak", action="store_true", help="also leak mode on 100 MB")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs")
    for kind in ("people", "ean"):
        _bench(kind, args.repeat)
    if args.leak:
        _leak(args.repeat)


if __name__ == "__main__":
    main()
