"""nirkit.frames at data scale: Polars against the scalar loop, streaming, and Spark.

    python benchmarks/bench_frames.py [--count N] [--rows N] [--jobs ratio,stream,spark]

1. **ratio**: on ``--count`` rows of the corpus of ``bench_validate.py`` (90 %
   valid numbers of every kind, 60 % compact, 40 % spaced), the scalar loop
   that produces the four columns of ``frames.check`` (``nirkit.parse`` per
   row, ``NIRError.code`` for invalid ones, into a Polars frame) against
   ``frames.check`` on a Polars ``DataFrame``, in the same run, best of 3; the
   two results are compared row by row first.
2. **stream**: a ``--rows`` Parquet file (the corpus repeated) checked by
   ``frames.check(pl.scan_parquet(...))`` and written with ``sink_parquet``
   (Polars' streaming engine), in a child process: time and peak memory
   (maximum resident set size, ``os.wait4``).
3. **spark**: the same job on PySpark ``local[2]``: ``spark.read.parquet``,
   ``frames.check``, ``write.parquet``; time in a child process (the JVM's own
   memory is Spark's setting, not measured here).

Results are ratios and orders of magnitude; record them in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
from bench_validate import make_corpus

import nirkit
from nirkit import frames

OUT = Path(__file__).resolve().parent / "out"


def scalar_columns(texts: list[str]) -> pl.DataFrame:
    """The four columns, one ``parse`` per row: what a Python loop over the rows does."""
    valid, kind, error, compact = [], [], [], []
    for text in texts:
        try:
            number = nirkit.parse(text)
        except nirkit.NIRError as problem:
            valid.append(False)
            kind.append(None)
            error.append(problem.code)
            compact.append(None)
        else:
            valid.append(True)
            kind.append(number.kind.value)
            error.append(None)
            compact.append(number.compact)
    return pl.DataFrame(
        {
            "nir": texts,
            "nir_valid": valid,
            "nir_kind": kind,
            "nir_error": error,
            "nir_compact": compact,
        },
        schema_overrides={"nir_kind": pl.String, "nir_error": pl.String, "nir_compact": pl.String},
    )


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of every thread): on a shared machine the
    second tells the work done, whatever the other jobs take."""
    start, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - start, time.process_time() - cpu


def ratio(count: int, repeat: int = 5) -> None:
    texts = make_corpus(count, 2026)
    frame = pl.DataFrame({"nir": texts})
    assert scalar_columns(texts).equals(frames.check(frame, "nir")), "the answers differ"
    # Interleaved, so that a change of load on a shared machine hits both alike.
    loops, engines = [], []
    for _ in range(repeat):
        loops.append(timed(lambda: scalar_columns(texts)))
        engines.append(timed(lambda: frames.check(frame, "nir")))
    (loop, loop_cpu), (engine, engine_cpu) = min(loops), min(engines)
    print(f"ratio on {count:,} rows (best of {repeat}, interleaved; wall clock, CPU time)")
    print(f"  scalar loop (parse per row) {loop:6.2f} s {loop_cpu:6.2f} s")
    print(f"  frames.check on Polars      {engine:6.2f} s {engine_cpu:6.2f} s")
    print(f"  speed-up                    {loop / engine:6.1f}x {loop_cpu / engine_cpu:5.1f}x")


def write_table(rows: int) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"nir-{rows}.parquet"
    if not path.exists():
        base = make_corpus(min(rows, 1_000_000), 2026)
        repeats = -(-rows // len(base))
        column = pl.DataFrame({"nir": base}).select(pl.col("nir").repeat_by(repeats).explode())
        column = column.head(rows).with_row_index("id")
        column.write_parquet(path, row_group_size=1_000_000)
    return path


def child(code: str) -> tuple[float, float]:
    """Run ``code`` in a fresh interpreter: (seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code])
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status:
        msg = f"the child failed ({status})"
        raise RuntimeError(msg)
    return seconds, usage.ru_maxrss / 1024


STREAM = """
import polars as pl
from nirkit import frames
checked = frames.check(pl.scan_parquet({source!r}), "nir")
checked.sink_parquet({target!r})
"""

SPARK = """
from pyspark.sql import SparkSession
from nirkit import frames
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "4g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
checked = frames.check(spark.read.parquet({source!r}), "nir")
checked.write.mode("overwrite").parquet({target!r})
spark.stop()
"""


def summary(target: Path, rows: int) -> None:
    source = f"{target}/*.parquet" if target.is_dir() else target  # Spark writes a folder
    counts = pl.scan_parquet(source).group_by("nir_valid").len().collect().sort("nir_valid")
    print(f"  {rows:,} rows; valid/invalid: {dict(counts.iter_rows())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--jobs", default="ratio,stream,spark", help="which jobs, comma-separated")
    args = parser.parse_args(argv)
    jobs = args.jobs.split(",")
    print(f"python {platform.python_version()}, polars {pl.__version__}, {os.cpu_count()} CPUs")
    print(f"load average before: {os.getloadavg()}")
    if "ratio" in jobs:
        ratio(args.count)
    if "stream" not in jobs and "spark" not in jobs:
        return 0
    source = write_table(args.rows)
    size = source.stat().st_size / 1e6
    if "stream" in jobs:
        print(f"stream: {source.name} ({size:.0f} MB), Polars streaming engine, sink_parquet")
        target = OUT / "checked-polars.parquet"
        seconds, peak = child(STREAM.format(source=str(source), target=str(target)))
        print(f"  {seconds:.1f} s, peak memory {peak:.0f} MB")
        summary(target, args.rows)
    if "spark" in jobs:
        print("spark: the same job on PySpark local[2]")
        target = OUT / "checked-spark.parquet"
        seconds, _ = child(SPARK.format(source=str(source), target=str(target)))
        print(f"  {seconds:.1f} s (JVM start-up included)")
        summary(target, args.rows)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
