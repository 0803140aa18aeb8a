"""Which dataframe engines the tests can run, and one local Spark session for all of them.

The per-version CI environments install no engine, so engine tests skip there;
CI's engine environment sets NIRKIT_REQUIRE_ENGINES=1, which turns a missing
engine into a failure, so that no engine test is skipped silently where it must run.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from functools import cache
from types import ModuleType
from typing import Any

import pytest

# engine name -> the modules it needs, its own first
ENGINES = {
    "polars": ("polars", "narwhals"),
    "pandas": ("pandas", "pyarrow", "narwhals"),
    "pyarrow": ("pyarrow", "narwhals"),
    "duckdb": ("duckdb", "narwhals"),
    "spark": ("pyspark", "narwhals"),
}


def required() -> bool:
    return os.environ.get("NIRKIT_REQUIRE_ENGINES") == "1"


def engine_missing(name: str) -> bool:
    """Whether ``name`` is absent (a reason to skip); absent where required is an error."""
    absent = [module for module in ENGINES[name] if importlib.util.find_spec(module) is None]
    if absent and required():
        msg = f"NIRKIT_REQUIRE_ENGINES=1 but {', '.join(absent)} is not installed"
        raise RuntimeError(msg)
    return bool(absent)


def require(name: str) -> ModuleType:
    """The engine's main module, or skip the test (fail where engines are required)."""
    try:
        missing = engine_missing(name)
    except RuntimeError as error:
        pytest.fail(str(error))
    if missing:
        pytest.skip(f"{name} is not installed (pip install -e '.[{name}]')")
    return importlib.import_module(ENGINES[name][0])


@cache
def spark_session() -> Any:
    """A local Spark on 2 cores, started once per test session, tuned for small data."""
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("nirkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.extraJavaOptions", "-Dlog4j2.level=ERROR")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session
