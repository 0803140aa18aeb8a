"""Tables for ``check --column`` and ``impact``: CSV read by the standard library,
Parquet and CSV read by Polars and decided by ``nirkit.frames``.

Polars scans the file (streaming: a file larger than memory is fine) and
``nirkit.frames`` decides the rows. Without the ``polars`` extra a Parquet file
is a usage error, and a CSV file is read row by row by the standard library
(:class:`Source`, which ``impact`` also reads text files with), as is a CSV
file that is not UTF-8 (cp1252, UTF-16: Polars reads UTF-8 only), through the
linter's text reader. Blank cells
(null, or white space as ``str.strip`` sees it) are not numbers: they are
skipped, as the ``impact`` reader of text files skips them. A column is found
by its name in any case, whichever reader reads it.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, BinaryIO, Final

from nirkit._api import Diagnosis, diagnose
from nirkit._commands._common import CommandError
from nirkit._context import Context
from nirkit._issues import Lang
from nirkit._kinds import Kind
from nirkit._profiles import ProfileName, resolve_profile
from nirkit._textfile import SNIFF_BYTES, BinaryFile, TextReader, sniff
from nirkit.policy import AuthPolicy, ImpactReport

PARQUET: Final = (".parquet", ".parq", ".pq")
_INSTALL: Final = "pip install 'nirkit[polars]'"
_DELIMITERS: Final = {"\\t": "\t", "tab": "\t"}  # what a shell passes for a tab

TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "needs_polars": f"reading Parquet needs Polars: {_INSTALL}",
        "needs_column": "a Parquet file needs --column",
        "unreadable": "cannot read it as a {kind} file ({reason})",
        "binary": "not a text file",
        "decode": "not valid {encoding} (line {line})",
        "bad_header": "the CSV header row is malformed",
        "no_header": "the file is empty: a CSV file needs a header row",
        "no_column": "no column {column!r} in the header row ({count} columns)",
        "no_column_1": "no column {column!r} in the header row (1 column: check --delimiter)",
        "no_parquet_column": "no column {column!r} ({count} columns)",
        "two_columns": "{count} columns are named {column!r} (whatever the case): rename one",
        "not_text": "column {column!r} holds {dtype}, not text",
        "bad_row": "malformed CSV row near line {line}",
    },
    "fr": {
        "needs_polars": f"lire du Parquet demande Polars : {_INSTALL}",
        "needs_column": "un fichier Parquet demande --column",
        "unreadable": "impossible de le lire comme un fichier {kind} ({reason})",
        "binary": "ce n'est pas un fichier texte",
        "decode": "ce n'est pas du {encoding} valide (ligne {line})",
        "bad_header": "la ligne d'en-tête CSV est mal formée",
        "no_header": "le fichier est vide : un fichier CSV a besoin d'une ligne d'en-tête",
        "no_column": "pas de colonne {column!r} dans la ligne d'en-tête ({count} colonnes)",
        "no_column_1": "pas de colonne {column!r} dans la ligne d'en-tête (1 colonne : "
        "vérifiez --delimiter)",
        "no_parquet_column": "pas de colonne {column!r} ({count} colonnes)",
        "two_columns": "{count} colonnes s'appellent {column!r} (à la casse près) : "
        "renommez-en une",
        "not_text": "la colonne {column!r} contient des {dtype}, pas du texte",
        "bad_row": "ligne CSV mal formée vers la ligne {line}",
    },
}


class TableError(CommandError):
    """A problem with a table, reported in one line (exit 2); its text is in :data:`TEXTS`."""


def delimiter(text: str) -> str:
    """``--delimiter``: one character; ``\\t`` or ``tab`` for a tab."""
    found = _DELIMITERS.get(text.lower(), text)
    if len(found) != 1:
        msg = "must be one character, or \\t for a tab"
        raise argparse.ArgumentTypeError(msg)
    return found


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET)


def polars_available() -> bool:
    try:
        import narwhals  # noqa: F401
        import polars  # noqa: F401
    except ImportError:
        return False
    return True


def column_index(names: list[str], name: str, *, header_row: bool = True) -> int:
    """Where the column ``name`` is: the same name, or the only one that differs in case."""
    if name in names:
        return names.index(name)
    same = [index for index, each in enumerate(names) if each.casefold() == name.casefold()]
    if len(same) > 1:
        raise TableError("two_columns", count=len(same), column=name)
    if not same:
        # Never list the header: in a file without one, it is a row of data.
        key = "no_column" if len(names) > 1 else "no_column_1"
        raise TableError(key if header_row else "no_parquet_column", column=name, count=len(names))
    return same[0]


@contextlib.contextmanager
def any_cell_size() -> Iterator[None]:
    """Let the CSV reader read a cell of any size (counted as not a number), never stop."""
    limit = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


class Source:
    """The numbers of a text stream, one per line or from one CSV column."""

    def __init__(self, stream: Iterable[str]) -> None:
        self.stream = stream
        self.skipped = 0
        self.rows = 0  # data rows read so far, the one last yielded included

    def lines(self) -> Iterator[str]:
        for line in self.stream:
            text = line.rstrip("\r\n")
            if text.strip():
                yield text
            else:
                self.skipped += 1

    def column(self, name: str, delimiter: str) -> Iterator[str]:
        """Read the header row now (so that a bad column fails early), then stream cells."""
        reader = csv.reader(self.stream, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error:
            raise TableError("bad_header") from None
        if header is None:
            raise TableError("no_header")
        return self._cells(reader, column_index([cell.strip() for cell in header], name))

    def _cells(self, reader: Iterator[list[str]], index: int) -> Iterator[str]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise TableError("bad_row", line=getattr(reader, "line_num", 0)) from None
            self.rows += 1
            cell = row[index] if index < len(row) else ""
            if cell.strip():
                yield cell
            else:
                self.skipped += 1


def _scan(path: str, column: str, delimiter: str) -> Any:
    """The column of the table, named ``column``, as a Polars LazyFrame of text
    (every CSV cell is text)."""
    if not polars_available():
        raise TableError("needs_polars")
    import polars as pl

    try:
        if is_parquet(path):
            frame = pl.scan_parquet(path)
        else:
            frame = pl.scan_csv(path, separator=delimiter, infer_schema=False)
        schema = frame.collect_schema()
    except pl.exceptions.PolarsError as error:
        raise _unreadable(path, error) from None
    names = list(schema)
    found = names[column_index([n.strip() for n in names], column, header_row=not is_parquet(path))]
    if schema[found] != pl.String:
        raise TableError("not_text", column=column, dtype=str(schema[found]))
    return frame.select(pl.col(found).alias(column))


def _unreadable(path: str, error: Exception) -> TableError:
    kind = "Parquet" if is_parquet(path) else "CSV"
    return TableError("unreadable", kind=kind, reason=type(error).__name__)


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
    frame = _scan(path, column, delimiter)
    import polars as pl

    from nirkit import frames

    blank = _blank(column)
    try:
        skipped = frame.select(blank.sum()).collect(engine="streaming").item()
        report = frames.impact(frame.filter(~blank), column, policy, context=context)
    except pl.exceptions.PolarsError as error:
        raise _unreadable(path, error) from None
    return report, int(skipped)


def diagnosed(
    path: str, column: str, delimiter: str, profile: ProfileName
) -> Iterator[tuple[str, str, Diagnosis]]:
    """(label, text, diagnosis) per non-blank cell; the label is ``PATH:ROW`` (data rows from 1).

    With Polars, the engine decides every row, and ``diagnose`` runs only for the
    rows whose report needs more than the kind: invalid ones and warnings.
    """
    if not is_parquet(path) and not (polars_available() and _utf8(path)):
        yield from _diagnosed_by_csv_module(path, column, delimiter, profile)
        return
    scanned = _scan(path, column, delimiter)
    import polars as pl

    from nirkit.frames import _checked
    from nirkit.frames._rules import PREFIX

    frame = scanned.with_row_index(PREFIX + "row", offset=1)
    frame = frame.filter(~_blank(column))
    answers = ("valid", "kind", "warning")
    checked = _checked(
        frame, column, resolve_profile(profile), waiting=False, answers=answers, prefix=PREFIX
    )
    names = [PREFIX + "row", column, *(f"{PREFIX}{column}_{answer}" for answer in answers)]
    try:
        for batch in checked.select(names).collect_batches(engine="streaming"):
            for row, text, valid, kind, warning in batch.iter_rows():
                label = f"{path}:{row}"
                if valid and warning is None:  # the common row: its report is its kind
                    yield label, text, Diagnosis(True, Kind(kind), (), (), None)
                else:
                    yield label, text, diagnose(text, profile=profile)
    except pl.exceptions.PolarsError as error:  # a malformed row, met as the scan reaches it
        raise _unreadable(path, error) from None


def _diagnosed_by_csv_module(
    path: str, column: str, delimiter: str, profile: ProfileName
) -> Iterator[tuple[str, str, Diagnosis]]:
    """The standard library's CSV reader, a row at a time, over the shared text reader."""
    with open(path, "rb") as stream, text_lines(stream) as lines:
        source = Source(lines)
        for cell in source.column(column, delimiter):
            yield f"{path}:{source.rows}", cell, diagnose(cell, profile=profile)


@contextlib.contextmanager
def text_lines(stream: BinaryIO) -> Iterator[Iterator[str]]:
    """The lines of a file in whatever encoding its first bytes show (UTF-8, UTF-16,
    cp1252: ``nirkit._textfile``), for the CSV reader, cells of any size allowed."""
    reader = TextReader(stream)
    try:
        with any_cell_size():
            yield reader.lines()
    except BinaryFile:
        raise TableError("binary") from None
    if reader.error is not None:
        raise TableError("decode", encoding=reader.error.encoding, line=reader.error.line)


def _utf8(path: str) -> bool:
    """Whether a CSV file is UTF-8 (Polars reads UTF-8 only; the rest goes by the text reader)."""
    with open(path, "rb") as stream:
        head = stream.read(SNIFF_BYTES)
    try:
        return sniff(head)[0] == "utf-8" and not head.startswith(codecs.BOM_UTF8)
    except BinaryFile:
        return False


def add_table_options(parser: argparse.ArgumentParser) -> None:
    """``--column`` and ``--delimiter`` of ``check``: the arguments become Parquet or CSV files."""
    parser.add_argument(
        "--column",
        help="check this column (any case) of Parquet or CSV files given as arguments (CSV: "
        f"with a header row; Parquet needs {_INSTALL})",
    )
    parser.add_argument(
        "--delimiter",
        type=delimiter,
        default=",",
        help="the CSV delimiter, one character; \\t for a tab (default: ,)",
    )
