"""``nirkit impact FILE``: how many numbers a policy refuses, before it is switched on.

The file holds one number per line, or a CSV file with a header row whose
column ``--column`` (any case) holds the numbers. It is read as a stream, in
whatever encoding it comes (UTF-8, UTF-16, cp1252), and only counters are kept;
the output never shows a number.
Empty lines and cells are not numbers: they are skipped and counted apart. A
Parquet file is counted by ``nirkit.frames`` instead (``_commands/tables.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator

from nirkit._commands import tables
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
from nirkit.policy import AuthPolicy, ImpactReport

# impact's own texts, and those of the table reader (tables.TEXTS).
_TEXTS: dict[Lang, dict[str, str]] = {
    "en": tables.TEXTS["en"]
    | {
        "skipped": "empty lines or cells skipped: {count}",
        "all_invalid": "no line is a valid number; if the file is a CSV file, name the column "
        "with --column",
        "context": "--context: {reason}",
        "file": "{file}: {reason}",
        "unit": "numbers",
    },
    "fr": tables.TEXTS["fr"]
    | {
        "skipped": "lignes ou cellules vides ignorées : {count}",
        "all_invalid": "aucune ligne n'est un numéro valide ; si c'est un fichier CSV, nommez "
        "la colonne avec --column",
        "context": "--context : {reason}",
        "file": "{file} : {reason}",
        "unit": "numéros",
    },
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "impact",
        help="count the numbers a policy would refuse, by reason and kind",
        description="Count what an authentication policy would decide for every number of a "
        "file, before switching it on. Prints counts and percentages, never a number.",
    )
    parser.add_argument(
        "file",
        help="one number per line, or a CSV or Parquet file with --column; '-' reads standard "
        "input",
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
        "--column",
        help="read the numbers from this column (any case) of a CSV header row or a Parquet "
        "file (Parquet needs pip install 'nirkit[polars]')",
    )
    parser.add_argument(
        "--delimiter",
        type=tables.delimiter,
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


@contextlib.contextmanager
def _opened(name: str) -> Iterator[Iterable[str]]:
    """The lines of the file (or of standard input for ``-``), in whatever encoding its
    first bytes show (UTF-8, UTF-16, cp1252: ``nirkit._textfile``)."""
    if name == "-" and not hasattr(sys.stdin, "buffer"):  # replaced by a text stream
        with tables.any_cell_size():
            yield sys.stdin
        return
    with contextlib.ExitStack() as stack:
        stream = sys.stdin.buffer if name == "-" else stack.enter_context(open(name, "rb"))
        yield stack.enter_context(tables.text_lines(stream))


def _counted(args: argparse.Namespace, policy: AuthPolicy) -> tuple[ImpactReport, int]:
    """The report of the file, and how many empty lines or cells were skipped.

    A Parquet file is counted by nirkit.frames (the polars extra) and needs ``--column``.
    """
    if tables.is_parquet(args.file):
        if not args.column:
            raise tables.TableError("needs_column")
        return tables.impact(args.file, args.column, args.delimiter, policy, args.context)
    lang: Lang = args.lang
    with (
        _opened(args.file) as stream,
        progress("nirkit impact", _TEXTS[lang]["unit"], lang, quiet=args.quiet) as shown,
    ):
        source = tables.Source(stream)
        numbers = source.column(args.column, args.delimiter) if args.column else source.lines()
        return policy.impact(shown.counted(numbers), context=args.context), source.skipped


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
        report, skipped = _counted(args, policy)
    except CommandError as error:
        reason = error.text(_TEXTS, lang)
    except OSError as error:
        reason = os_error_text(error, lang)
    else:
        reason = ""
    if reason:
        return complain(args, texts["file"].format(file=args.file, reason=reason))
    if args.format == "json":
        print(json.dumps(report.as_dict() | {"skipped_empty": skipped}, indent=2))
    else:
        print(report.render(lang))
        if skipped:
            print(texts["skipped"].format(count=skipped))
    if report.total and report.invalid == report.total and not args.column and not args.quiet:
        tell(args, f"nirkit impact: {texts['all_invalid']}")
    return EXIT_OK
