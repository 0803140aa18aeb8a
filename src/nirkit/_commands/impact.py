"""``nirkit impact FILE``: how many numbers a policy refuses, before it is switched on.

The file holds one number per line, or a CSV file with a header row whose
column ``--column`` (any case) holds the numbers. It is read as a stream (UTF-8,
a BOM is allowed) and only counters are kept; the output never shows a number.
Empty lines and cells are not numbers: they are skipped and counted apart.
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

from nirkit._commands._common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_common_options,
    complain,
    os_error_text,
    stdin_closed,
    tell,
)
from nirkit._commands._progress import progress
from nirkit._context import says_waiting
from nirkit._issues import Lang, NIRError
from nirkit._kinds import Kind
from nirkit.policy import AuthPolicy

_TEXTS: dict[Lang, dict[str, str]] = {
    "en": {
        "skipped": "empty lines or cells skipped: {count}",
        "all_invalid": "no line is a valid number; if the file is a CSV file, name the column "
        "with --column",
        "context": "--context: {reason}",
        "file": "{file}: {reason}",
        "not_utf8": "not UTF-8 text; save it as UTF-8",
        "bad_header": "the CSV header row is malformed",
        "no_header": "the file is empty: a CSV file needs a header row",
        "no_column": "no column {column!r} in the header row ({count} columns)",
        "no_column_1": "no column {column!r} in the header row (1 column: check --delimiter)",
        "two_columns": "{count} columns are named {column!r} (whatever the case): rename one",
        "bad_row": "malformed CSV row near line {line}",
        "unit": "numbers",
    },
    "fr": {
        "skipped": "lignes ou cellules vides ignorées : {count}",
        "all_invalid": "aucune ligne n'est un numéro valide ; si c'est un fichier CSV, nommez "
        "la colonne avec --column",
        "context": "--context : {reason}",
        "file": "{file} : {reason}",
        "not_utf8": "ce n'est pas du texte UTF-8 ; enregistrez-le en UTF-8",
        "bad_header": "la ligne d'en-tête CSV est mal formée",
        "no_header": "le fichier est vide : un fichier CSV a besoin d'une ligne d'en-tête",
        "no_column": "pas de colonne {column!r} dans la ligne d'en-tête ({count} colonnes)",
        "no_column_1": "pas de colonne {column!r} dans la ligne d'en-tête (1 colonne : "
        "vérifiez --delimiter)",
        "two_columns": "{count} colonnes s'appellent {column!r} (à la casse près) : "
        "renommez-en une",
        "bad_row": "ligne CSV mal formée vers la ligne {line}",
        "unit": "numéros",
    },
}
_DELIMITERS = {"\\t": "\t", "tab": "\t"}  # what a shell passes for a tab


def _delimiter(text: str) -> str:
    """``--delimiter``: one character; ``\\t`` or ``tab`` for a tab."""
    delimiter = _DELIMITERS.get(text.lower(), text)
    if len(delimiter) != 1:
        msg = "must be one character, or \\t for a tab"
        raise argparse.ArgumentTypeError(msg)
    return delimiter


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
    parser.add_argument(
        "--column", help="read the numbers from this column of a CSV header row (any case)"
    )
    parser.add_argument(
        "--delimiter",
        type=_delimiter,
        default=",",
        help="the CSV delimiter, one character; \\t for a tab (default: ,)",
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
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the report only: no progress, no hint"
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
            raise CommandError("bad_header") from None
        if header is None:
            raise CommandError("no_header")
        return self._cells(reader, _column_index([cell.strip() for cell in header], name))

    def _cells(self, reader: Iterator[list[str]], index: int) -> Iterator[str]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise CommandError("bad_row", line=getattr(reader, "line_num", 0)) from None
            cell = row[index] if index < len(row) else ""
            if cell.strip():
                yield cell
            else:
                self.skipped += 1


def _column_index(names: list[str], name: str) -> int:
    """Where the column ``name`` is: the same name, or the only one that differs in case."""
    if name in names:
        return names.index(name)
    same = [index for index, each in enumerate(names) if each.casefold() == name.casefold()]
    if len(same) > 1:
        raise CommandError("two_columns", count=len(same), column=name)
    if not same:
        # Never list the header: in a file without one, it is a row of data.
        key = "no_column" if len(names) > 1 else "no_column_1"
        raise CommandError(key, column=name, count=len(names))
    return same[0]


@contextlib.contextmanager
def _opened(name: str) -> Iterator[TextIO]:
    """The file (or standard input for ``-``) as UTF-8 text; a BOM is dropped."""
    # A cell of any size is read (and counted as not a number), never a stop.
    limit = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        if name != "-":
            with open(name, encoding="utf-8-sig", newline="") as stream:
                yield stream
        elif not hasattr(sys.stdin, "buffer"):  # standard input replaced by a text stream
            yield sys.stdin
        else:
            stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
            try:
                yield stream
            finally:
                stream.detach()  # leave sys.stdin usable
    finally:
        csv.field_size_limit(limit)


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    texts = _TEXTS[lang]
    if args.file == "-" and stdin_closed(args):
        return EXIT_USAGE
    try:
        says_waiting(args.context)
    except NIRError as error:
        return complain(args, texts["context"].format(reason=error.message(lang)))
    policy = AuthPolicy(
        accept=args.accept or frozenset(Kind),
        profile=args.profile,
        key_required=not args.key_optional,
    )
    try:
        with (
            _opened(args.file) as stream,
            progress("nirkit impact", texts["unit"], lang, quiet=args.quiet) as shown,
        ):
            source = _Source(stream)
            numbers = source.column(args.column, args.delimiter) if args.column else source.lines()
            report = policy.impact(shown.counted(numbers), context=args.context)
    except CommandError as error:
        reason = error.text(_TEXTS, lang)
    except UnicodeDecodeError:
        reason = texts["not_utf8"]
    except OSError as error:
        reason = os_error_text(error, lang)
    else:
        reason = ""
    if reason:
        return complain(args, texts["file"].format(file=args.file, reason=reason))
    if args.format == "json":
        print(json.dumps(report.as_dict() | {"skipped_empty": source.skipped}, indent=2))
    else:
        print(report.render(lang))
        if source.skipped:
            print(texts["skipped"].format(count=source.skipped))
    if report.total and report.invalid == report.total and not args.column and not args.quiet:
        tell(args, f"nirkit impact: {texts['all_invalid']}")
    return EXIT_OK
