"""Run the stages of ``_rules`` on any engine narwhals reads, and patch the rare rows.

The rare rows (text needing NFKC) are found first: their distinct values are
read once, decided by the scalar core, and written back into the plan as a
lookup (``replace_strict``), so that the engine never calls Python per row and
a lazy plan stays one plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import narwhals as nw
from narwhals.dependencies import is_pandas_dataframe

from nirkit.frames._rules import PREFIX, Stage, cleaning, tmp

Frame = nw.DataFrame[Any] | nw.LazyFrame[Any]
# For each distinct rare text, the value of each output column (by temporary name).
Decide = Callable[[str], dict[str, object]]


def from_native(frame: object, column: str) -> Frame:
    """The frame in narwhals, after checking that ``column`` holds text."""
    wrapped: Frame = nw.from_native(frame)
    schema = wrapped.collect_schema()
    if column not in schema:
        msg = f"no column {column!r} in the frame ({len(schema)} columns)"
        raise KeyError(msg)
    dtype = schema[column]
    if dtype != nw.String:
        msg = (
            f"column {column!r} holds {dtype}, not text: read it as text (numbers read as "
            "integers lose their spaces, their leading zeros and the letters of 2A and 2B)"
        )
        raise TypeError(msg)
    return wrapped


def rare_values(frame: Frame, column: str) -> list[str]:
    """The distinct texts that the scalar core must decide (one read of the column)."""
    found = frame.filter(tmp("rare")).select(nw.col(column)).unique()
    if isinstance(found, nw.LazyFrame):
        # Polars reads a file larger than memory only with its streaming engine.
        streaming = found.implementation.is_polars()
        found = found.collect(engine="streaming") if streaming else found.collect()
    return [value for value in found.get_column(column).to_list() if value is not None]


def add_columns(
    native: object,
    column: str,
    stages: Sequence[Stage],
    outputs: Mapping[str, tuple[str, nw.dtypes.DType]],
    decide: Decide,
) -> Any:
    """``native`` with ``outputs`` added: stage column -> (output name, dtype).

    A pandas frame goes through Arrow (its object columns mix ``None`` and
    ``NaN``), and comes back as a pandas frame with nullable columns.
    """
    if is_pandas_dataframe(native):
        return _through_arrow(native, column, stages, outputs, decide)
    frame = from_native(native, column)
    original = frame.columns
    for stage in [*cleaning(column), *stages]:
        frame = frame.with_columns(**stage)
    patch = _patch(frame, column, outputs, decide)
    if patch:
        frame = frame.with_columns(**patch)
    names = [name for name, _ in outputs.values()]
    frame = frame.with_columns(**{name: tmp(key) for key, (name, _) in outputs.items()})
    return frame.select(*(n for n in original if n not in names), *names).to_native()


def _patch(
    frame: Frame, column: str, outputs: Mapping[str, tuple[str, nw.dtypes.DType]], decide: Decide
) -> dict[str, nw.Expr]:
    texts = rare_values(frame, column)
    if not texts:
        return {}
    answers = [decide(text) for text in texts]
    return {
        PREFIX + key: nw.when(tmp("rare"))
        .then(
            nw.col(column).replace_strict(
                texts, [answer[key] for answer in answers], default=None, return_dtype=dtype
            )
        )
        .otherwise(tmp(key))
        for key, (_, dtype) in outputs.items()
    }


def _through_arrow(
    native: Any,
    column: str,
    stages: Sequence[Stage],
    outputs: Mapping[str, tuple[str, nw.dtypes.DType]],
    decide: Decide,
) -> Any:
    import pandas as pd
    import pyarrow as pa

    values = native[column]
    if not (pd.api.types.is_string_dtype(values) or values.isna().all()):
        from_native(pa.table({column: pa.array(values)}), column)  # raises the TypeError
    table = pa.table({column: pa.array(values, type=pa.string(), from_pandas=True)})
    result = add_columns(table, column, stages, outputs, decide)
    types = {pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype()}
    copy = native.copy()
    for name, _ in outputs.values():
        array = result[name]
        copy[name] = pd.Series(
            array.to_pandas(types_mapper=types.get), index=native.index, name=name
        )
    return copy
