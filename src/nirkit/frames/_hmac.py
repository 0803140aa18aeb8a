"""Keyed pseudonyms of the compact forms, computed in Python on every engine.

Engines can hash natively, but an HMAC in SQL or in a Spark plan would carry
the secret as a literal, readable in the plan, the query text, logs and the
Spark UI. Here the secret stays in a Python closure: in this process, or, on
Spark, shipped to the executors inside the serialized function.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from narwhals.dependencies import (
    is_duckdb_relation,
    is_pandas_dataframe,
    is_polars_dataframe,
    is_polars_lazyframe,
    is_pyarrow_table,
    is_pyspark_dataframe,
)


class Keyed:
    """``nirkit.pseudonym`` of a compact form already validated; ``None`` stays ``None``.

    Picklable (Spark ships it to its executors) and silent: its ``repr`` never
    shows the secret.
    """

    __name__ = "nirkit_pseudonym"  # the name Spark shows in plans

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._template = hmac.new(secret, digestmod=hashlib.sha256)  # keyed once

    def __call__(self, compact: str | None) -> str | None:
        if compact is None:
            return None
        digest = self._template.copy()
        digest.update(compact.encode("ascii"))
        return digest.hexdigest()

    def __reduce__(self) -> tuple[type[Keyed], tuple[bytes]]:
        return (Keyed, (self._secret,))

    def __repr__(self) -> str:
        return "Keyed(<secret>)"


def add_pseudonyms(native: Any, source: str, target: str, secret: bytes) -> Any:
    """``native`` with ``target`` computed from the compact forms in ``source``, which goes."""
    one = Keyed(secret)
    if is_polars_dataframe(native) or is_polars_lazyframe(native):
        import polars as pl

        expression = pl.col(source).map_batches(
            lambda batch: pl.Series([one(value) for value in batch.to_list()], dtype=pl.String),
            return_dtype=pl.String,
            is_elementwise=True,
        )
        return native.with_columns(expression.alias(target)).drop(source)
    if is_pandas_dataframe(native):
        import pandas as pd

        result = native.drop(columns=[source])
        result[target] = pd.Series(
            _pandas_pseudonyms(native[source], one), index=native.index, dtype=pd.StringDtype()
        )
        return result
    if is_pyarrow_table(native):
        import pyarrow as pa

        values = [one(value) for value in native[source].to_pylist()]
        return native.drop_columns([source]).append_column(target, pa.array(values, pa.string()))
    if is_pyspark_dataframe(native):
        from pyspark.sql import functions as spark

        udf = spark.udf(one, "string", useArrow=False)  # no pandas on the executors
        return native.withColumn(target, udf(spark.col(source))).drop(source)
    if is_duckdb_relation(native):
        return _duckdb(native, source, target, one)
    msg = f"unsupported frame type {type(native).__name__}"  # from_native refused it before
    raise TypeError(msg)


def _duckdb(relation: Any, source: str, target: str, one: Keyed) -> Any:
    """Through ``relation.map``, which runs in the relation's own connection (needs pandas)."""
    try:
        import pandas  # noqa: F401  # DuckDB hands the batches to the function as pandas frames
    except ImportError:
        msg = "pseudonym on a DuckDB relation needs pandas: pip install 'nirkit[duckdb,pandas]'"
        raise ImportError(msg) from None
    schema = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
    schema[target] = "VARCHAR"
    del schema[source]

    def batch(frame: Any) -> Any:
        frame[target] = _pandas_pseudonyms(frame[source], one)
        return frame.drop(columns=[source])

    return relation.map(batch, schema=schema)


def _pandas_pseudonyms(compacts: Any, one: Keyed) -> list[str | None]:
    """``one`` of each value of a pandas series, its nulls (``<NA>``, ``NaN``) as ``None``."""
    return [one(value) for value in compacts.astype(object).where(compacts.notna(), None)]
