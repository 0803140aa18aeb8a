"""``nirkit impact FILE``: how many numbers a policy refuses, before it is switched on.

The file holds one number per line, or a CSV file with a header row whose
column ``--column`` holds the numbers. It is read as a stream (UTF-8, a BOM is
allowed) and only counters are kept; the output never shows a number. Empty
lines and cells are not numbers: they are skipped and counted apart.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from nirkit._commands import tables
from nirkit._commands._common import EXIT_OK, EXIT_USAGE, add_common_options
from nirkit._context import says_waiting
from nirkit._issues import NIRError
from nirkit._kinds import Kind
from nirkit.policy import AuthPolicy, ImpactReport

_SKIPPED = {
    "en": "empty lines or cells skipped: {count}",
    "fr": "lignes ou cellules vides ignorées : {count}",
}
_ALL_INVALID = (
    "nirkit impact: no line is a valid number; if the file is a CSV file, name the column "
    "with --column"
)


class UsageError(Exception):
    """A problem with the command line or the file, reported in one line (exit 2)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "impact",
        help="count the numbers a policy would refuse, by reason and kind",
        description="Count what an authentication policy would decide for every number of a "
        "file, before switching it on. Prints counts and percentages, never a number.",
    )
    parser.add_argument(
        "file", help="one number per line, or a CSV file with --column; '-' reads standard input"
    )
    parser.add_argument(
        "--accept",
        action="append",
        choices=[kind.value for kind in Kind],
        metavar="KIND",
        help="an accepted kind: definitive, waiting or provisional; repeat the option for "
        "several (default: all three)",
    )
    parser.add_argument("--column", help="read the numbers from this column of a CSV header row")
    parser.add_argument(
        "--delimiter", default=",", help="the CSV delimiter, one character (default: ,)"
    )
    parser.add_argument(
        "--key-optional",
        action="store_true",
        help="accept 13-character numbers without their key (default: the key is required)",
    )
    parser.add_argument(
        "--context",
        metavar="OID",
        help="the INS identifier-system OID the numbers come from (1.2.250.1.213.1.4.9: "
        "waiting numbers, NIA)",
    )
    add_common_options(parser, show_numbers=False)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default: text)"
    )
    parser.set_defaults(handler=run)


class _Source:
    """The numbers of a text stream, one per line or from one CSV column."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.skipped = 0

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
            msg = "the CSV header row is malformed"
            raise UsageError(msg) from None
        if header is None:
            msg = "the file is empty: a CSV file needs a header row"
            raise UsageError(msg)
        names = [cell.strip() for cell in header]
        if name not in names:
            # Never list the header: in a file without one, it is a row of data.
            found = f"{len(names)} columns" if len(names) > 1 else "1 column: check --delimiter"
            msg = f"no column {name!r} in the header row ({found})"
            raise UsageError(msg)
        return self._cells(reader, names.index(name))

    def _cells(self, reader: Iterator[list[str]], index: int) -> Iterator[str]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                msg = f"malformed CSV row near line {getattr(reader, 'line_num', '?')}"
                raise UsageError(msg) from None
            cell = row[index] if index < len(row) else ""
            if cell.strip():
                yield cell
            else:
                self.skipped += 1


@contextlib.contextmanager
def _opened(name: str) -> Iterator[TextIO]:
    """The file (or standard input for ``-``) as UTF-8 text; a BOM is dropped."""
    if name != "-":
        with open(name, encoding="utf-8-sig", newline="") as stream:
            yield stream
        return
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # standard input replaced by a text stream
        yield sys.stdin
        return
    stream = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    try:
        yield stream
    finally:
        stream.detach()  # leave sys.stdin usable


def _parquet(args: argparse.Namespace, policy: AuthPolicy) -> tuple[ImpactReport, int]:
    """A Parquet file, counted by nirkit.frames (the polars extra); ``--column`` is required."""
    if not args.column:
        msg = "a Parquet file needs --column"
        raise UsageError(msg)
    return tables.impact(args.file, args.column, args.delimiter, policy, args.context)


def run(args: argparse.Namespace) -> int:
    if len(args.delimiter) != 1:
        print("nirkit impact: --delimiter must be one character", file=sys.stderr)
        return EXIT_USAGE
    try:
        says_waiting(args.context)
    except NIRError as error:
        print(f"nirkit impact: --context: {error.message('en')}", file=sys.stderr)
        return EXIT_USAGE
    policy = AuthPolicy(
        accept=args.accept or frozenset(Kind),
        profile=args.profile,
        key_required=not args.key_optional,
    )
    try:
        if tables.is_parquet(args.file):
            report, skipped = _parquet(args, policy)
        else:
            with _opened(args.file) as stream:
                source = _Source(stream)
                numbers = (
                    source.column(args.column, args.delimiter) if args.column else source.lines()
                )
                report = policy.impact(numbers, context=args.context)
                skipped = source.skipped
    except (UsageError, tables.TableError) as error:
        print(f"nirkit impact: {args.file}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except UnicodeDecodeError:
        print(f"nirkit impact: {args.file}: not UTF-8 text; save it as UTF-8", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"nirkit impact: {args.file}: {error.strerror or 'cannot read'}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(report.as_dict() | {"skipped_empty": skipped}, indent=2))
    else:
        print(report.render(args.lang))
        if skipped:
            print(_SKIPPED[args.lang].format(count=skipped))
    if report.total and report.invalid == report.total and not args.column:
        print(_ALL_INVALID, file=sys.stderr)
    return EXIT_OK
