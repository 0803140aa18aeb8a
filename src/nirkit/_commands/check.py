"""``nirkit check NUMBER... | -``: one line per number, valid or not and why."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator

from nirkit._api import Diagnosis, diagnose
from nirkit._commands import tables
from nirkit._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_common_options,
    complain,
    os_error_text,
    stdin_closed,
    tell,
)
from nirkit._issues import Issue, Lang
from nirkit._lint.engine import shown_number
from nirkit._lint.rules import kind_word
from nirkit._normalize import MAX_INPUT_LENGTH, clean
from nirkit._textfile import BinaryFile, TextReader

WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "valid": "valid",
        "invalid": "invalid",
        "warning": "warning",
        "also": "also",
        "empty": "(empty)",
        "long": "({count} characters)",
        "binary": "<stdin>: not text (NUL bytes)",
        "table": "{path}: {reason}",
        "table_stdin": "--column reads Parquet or CSV files: give their paths, not -",
        "nothing_read": "no number was read from standard input",
    },
    "fr": {
        "valid": "valide",
        "invalid": "invalide",
        "warning": "avertissement",
        "also": "aussi",
        "empty": "(vide)",
        "long": "({count} caractères)",
        "binary": "<stdin> : ce n'est pas du texte (octets nuls)",
        "table": "{path} : {reason}",
        "table_stdin": "--column lit des fichiers Parquet ou CSV : donnez leurs chemins, pas -",
        "nothing_read": "aucun numéro n'a été lu sur l'entrée standard",
    },
}

# (label, text) -> (the line to print, whether the input is valid)
LineMaker = Callable[[str, str], tuple[str, bool]]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="say whether numbers are valid, with their kind or what is wrong",
        description="One line per number. Exit 0: all valid; 1: any invalid; 2: usage or "
        "I/O error. Numbers are masked unless --show-numbers is given.",
    )
    parser.add_argument(
        "numbers",
        nargs="+",
        metavar="NUMBER",
        help="numbers to check; - reads one per line; with --column, Parquet or CSV files",
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text (default), or jsonl: one JSON object per number, for other programs",
    )
    add_common_options(parser)
    tables.add_table_options(parser)
    parser.set_defaults(handler=run)


def shown(text: str, show_numbers: bool, lang: Lang = "en") -> str:
    """The masked (or, when asked for, display) form of what was typed.

    Text of another length than a number shows no character at all: it may be
    a piece of one (a group typed without quotes), not its kind digit.
    """
    if len(text) > MAX_INPUT_LENGTH:
        return WORDS[lang]["long"].format(count=len(text))
    compact = clean(text.strip())
    if not compact:
        return WORDS[lang]["empty"]
    if len(compact) not in (13, 15) and not show_numbers:
        return "•" * len(compact)
    return shown_number(compact, show_numbers)


def describe(diagnosis: Diagnosis, lang: Lang) -> str:
    words = WORDS[lang]
    if diagnosis.valid and diagnosis.kind is not None:
        line = f"{words['valid']} ({kind_word(diagnosis.kind, lang)})"
        for warning in diagnosis.warnings:
            line += f"; {words['warning']} {warning.code}: {warning.message(lang)}"
        return line
    first, *others = diagnosis.errors
    line = f"{words['invalid']}: {_code(first)}: {first.message(lang)}"
    if others:
        line += f" ({words['also']}: {', '.join(_code(issue) for issue in others)})"
    return line


def as_json(label: str, shown_as: str, diagnosis: Diagnosis, lang: Lang) -> str:
    """One JSON object: the same facts as :func:`describe`, for other programs."""

    def issues(found: tuple[Issue, ...]) -> list[dict[str, object]]:
        return [
            {
                "code": _code(issue),
                "field": issue.field,
                "position": issue.position,
                "message": issue.message(lang),
            }
            for issue in found
        ]

    return json.dumps(
        {
            "input": label,
            "number": shown_as,
            "valid": diagnosis.valid,
            "kind": diagnosis.kind,
            "errors": issues(diagnosis.errors),
            "warnings": issues(diagnosis.warnings),
        },
        ensure_ascii=False,
    )


def _code(issue: Issue) -> str:
    return issue.variant if issue.variant == "key_missing" else issue.code


def _inputs(numbers: list[str]) -> Iterator[tuple[str, str]]:
    """(label, text) pairs: the argument's rank, or ``<stdin>:LINE``."""
    for rank, number in enumerate(numbers, 1):
        if number != "-":
            yield str(rank), number
            continue
        try:
            lines = TextReader(sys.stdin.buffer).lines()
            for line_number, line in enumerate(lines, 1):
                if text := line.strip():
                    yield f"<stdin>:{line_number}", text
        except BinaryFile:
            raise CommandError("binary") from None


def _line(
    label: str, text: str, args: argparse.Namespace, diagnosis: Diagnosis | None = None
) -> tuple[str, bool]:
    """The line of one number read as a NIR, and whether it is valid."""
    lang: Lang = args.lang
    if diagnosis is None:
        diagnosis = diagnose(text, profile=args.profile)
    shown_as = shown(text, args.show_numbers, lang)
    if args.format == "jsonl":
        return as_json(label, shown_as, diagnosis, lang), diagnosis.valid
    return f"{label}: {shown_as}: {describe(diagnosis, lang)}", diagnosis.valid


def _table_lines(args: argparse.Namespace) -> Iterator[tuple[str, tuple[str, bool]]]:
    """The lines of the cells of ``--column``, in the files given as arguments."""
    if "-" in args.numbers:
        raise CommandError("table_stdin")
    for path in args.numbers:
        try:
            for label, text, diagnosis in tables.diagnosed(
                path, args.column, args.delimiter, args.profile
            ):
                yield label, _line(label, text, args, diagnosis)
        except tables.TableError as error:
            reason = error.text(tables.TEXTS, args.lang)
        except OSError as error:
            reason = os_error_text(error, args.lang)
        else:
            continue
        raise CommandError("table", path=path, reason=reason)


def _lines(
    args: argparse.Namespace, make_line: LineMaker | None
) -> Iterator[tuple[str, tuple[str, bool]]]:
    """(label, (line, valid)) per input: the arguments, standard input, or table cells."""
    if args.column is not None:
        yield from _table_lines(args)
        return
    for label, text in _inputs(args.numbers):
        yield label, _line(label, text, args) if make_line is None else make_line(label, text)


def run(args: argparse.Namespace, make_line: LineMaker | None = None) -> int:
    """Print a line per input; ``make_line(label, text)`` reads another family
    (``_commands/family.py``), the NIR line otherwise."""
    lang: Lang = args.lang
    from_stdin_asked = "-" in args.numbers and args.column is None
    if from_stdin_asked and stdin_closed(args):
        return EXIT_USAGE
    status = EXIT_OK
    from_stdin = 0
    try:
        for label, (line, valid) in _lines(args, make_line):
            print(line)
            if not valid:
                status = EXIT_INVALID
            from_stdin += label.startswith("<")
    except CommandError as error:
        return complain(args, error.text(WORDS, lang))
    if from_stdin_asked and not from_stdin:
        # Like ruff with no file to check: say so, and leave the exit code alone.
        tell(args, f"nirkit check: {WORDS[lang]['nothing_read']}")
    return status
