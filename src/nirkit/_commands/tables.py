"""Parquet and CSV tables for ``check --column`` and ``impact``, read by ``nirkit.frames``.

Polars scans the file (streaming: a file larger than memory is fine) and
``nirkit.frames`` decides the rows. Without the ``polars`` extra a Parquet file
is a usage error, and a CSV file is read row by row by the standard library.
Blank cells (null, or white space as ``str.strip`` sees it) are not numbers:
they are skipped, as the ``impact`` reader of text files skips them.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

from nirkit._api import Diagnosis, diagnose
from nirkit._context import Context
from nirkit._kinds import Kind
from nirkit._profiles import ProfileName, resolve_profile
from nirkit.policy import AuthPolicy, ImpactReport

PARQUET: Final = (".parquet", ".parq", ".pq")
_INSTALL: Final = "pip install 'nirkit[polars]'"


class TableError(Exception):
    """A problem with the table or the options, reported in one line (exit 2)."""


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET)


def polars_available() -> bool:
    try:
        import narwhals  # noqa: F401
        import polars  # noqa: F401
    except ImportError:
        return False
    return True


def _scan(path: str, column: str, delimiter: str) -> Any:
    """The column of the table, as a Polars LazyFrame of text (every CSV cell is text)."""
    if not polars_available():
        msg = f"reading Parquet needs Polars: {_INSTALL}"
        raise TableError(msg)
    import polars as pl

    try:
        if is_parquet(path):
            frame = pl.scan_parquet(path)
        else:
            frame = pl.scan_csv(path, separator=delimiter, infer_schema=False)
        schema = frame.collect_schema()
    except pl.exceptions.PolarsError as error:
        kind = "Parquet" if is_parquet(path) else "CSV"
        msg = f"cannot read it as a {kind} file ({type(error).__name__})"
        raise TableError(msg) from None
    if column not in schema:
        msg = f"no column {column!r} ({len(schema)} columns)"
        raise TableError(msg)
    if schema[column] != pl.String:
        msg = f"column {column!r} holds {schema[column]}, not text"
        raise TableError(msg)
    return frame.select(column)


@cache
def _whitespace() -> str:
    """What ``str.strip()`` removes, so that "blank" means what it means to the text reader."""
    return "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace())


def _blank(column: str) -> Any:
    import polars as pl

    text = pl.col(column)
    return text.is_null() | (text.str.strip_chars(_whitespace()) == "")


def impact(
    path: str, column: str, delimiter: str, policy: AuthPolicy, context: Context
) -> tuple[ImpactReport, int]:
    """The report of the non-blank cells, and the number of blank cells skipped."""
    from nirkit import frames

    frame = _scan(path, column, delimiter)
    blank = _blank(column)
    skipped = frame.select(blank.sum()).collect(engine="streaming").item()
    return frames.impact(frame.filter(~blank), column, policy, context=context), int(skipped)


def diagnosed(
    path: str, column: str, delimiter: str, profile: ProfileName
) -> Iterator[tuple[str, str, Diagnosis]]:
    """(label, text, diagnosis) per non-blank cell; the label is ``PATH:ROW`` (data rows from 1).

    With Polars, the engine decides every row, and ``diagnose`` runs only for the
    rows whose report needs more than the kind: invalid ones and warnings.
    """
    if not polars_available() and not is_parquet(path):
        yield from _diagnosed_by_csv_module(path, column, delimiter, profile)
        return
    from nirkit.frames import _checked
    from nirkit.frames._rules import PREFIX

    frame = _scan(path, column, delimiter).with_row_index(PREFIX + "row", offset=1)
    frame = frame.filter(~_blank(column))
    answers = ("valid", "kind", "warning")
    checked = _checked(
        frame, column, resolve_profile(profile), waiting=False, answers=answers, prefix=PREFIX
    )
    names = [PREFIX + "row", column, *(f"{PREFIX}{column}_{answer}" for answer in answers)]
    for batch in checked.select(names).collect_batches(engine="streaming"):
        for row, text, valid, kind, warning in batch.iter_rows():
            label = f"{path}:{row}"
            if valid and warning is None:  # the common row: its report is its kind
                yield label, text, Diagnosis(True, Kind(kind), (), (), None)
            else:
                yield label, text, diagnose(text, profile=profile)


def _diagnosed_by_csv_module(
    path: str, column: str, delimiter: str, profile: ProfileName
) -> Iterator[tuple[str, str, Diagnosis]]:
    """Without Polars: the standard library's CSV reader, a row at a time."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream, delimiter=delimiter)
            names = [cell.strip() for cell in next(reader, [])]
            if column not in names:
                msg = f"no column {column!r} ({len(names)} columns)"
                raise TableError(msg)
            index = names.index(column)
            for row_number, row in enumerate(reader, 1):
                cell = row[index] if index < len(row) else ""
                if cell.strip():
                    yield f"{path}:{row_number}", cell, diagnose(cell, profile=profile)
    except csv.Error:
        msg = "cannot read it as a CSV file (malformed row)"
        raise TableError(msg) from None
    except UnicodeDecodeError:
        msg = "not UTF-8 text; save it as UTF-8"
        raise TableError(msg) from None


def add_table_options(parser: argparse.ArgumentParser) -> None:
    """``--column`` and ``--delimiter`` of ``check``: the arguments become Parquet or CSV files."""
    parser.add_argument(
        "--column",
        help="check this column of Parquet or CSV files given as arguments (CSV: with a header "
        f"row; Parquet needs {_INSTALL})",
    )
    parser.add_argument(
        "--delimiter", default=",", help="the CSV delimiter, one character (default: ,)"
    )
