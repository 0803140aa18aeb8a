"""``nirkit check NUMBER... | -``: one line per number, valid or not and why."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from nirkit._api import Diagnosis, diagnose
from nirkit._commands import tables
from nirkit._commands._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_common_options
from nirkit._issues import Issue, Lang
from nirkit._lint.engine import shown_number
from nirkit._lint.rules import kind_word
from nirkit._normalize import MAX_INPUT_LENGTH, clean

_WORDS = {
    "en": {"valid": "valid", "invalid": "invalid", "warning": "warning", "also": "also"},
    "fr": {"valid": "valide", "invalid": "invalide", "warning": "avertissement", "also": "aussi"},
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="say whether numbers are valid, with their kind or what is wrong",
        description="One line per number. Exit 0: all valid; 1: any invalid; 2: usage or "
        "I/O error. Numbers are masked unless --show-numbers is given.",
    )
    parser.add_argument(
        "numbers", nargs="+", metavar="NUMBER", help="numbers to check; - reads one per line"
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


def shown(text: str, show_numbers: bool) -> str:
    """The masked (or, when asked for, display) form of what was typed."""
    if len(text) > MAX_INPUT_LENGTH:
        return f"({len(text)} characters)"
    compact = clean(text.strip())
    if not compact:
        return "(empty)"
    return shown_number(compact, show_numbers)


def describe(diagnosis: Diagnosis, lang: Lang) -> str:
    words = _WORDS[lang]
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
        for line_number, raw in enumerate(sys.stdin.buffer, 1):
            try:
                text = raw.decode("utf-8-sig" if line_number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                msg = f"<stdin>:{line_number}: not valid UTF-8"
                raise ValueError(msg) from None
            if text:
                yield f"<stdin>:{line_number}", text


def _diagnosed(args: argparse.Namespace) -> Iterator[tuple[str, str, Diagnosis]]:
    """(label, text, diagnosis): of the arguments, or of the cells of ``--column``."""
    if args.column is None:
        for label, text in _inputs(args.numbers):
            yield label, text, diagnose(text, profile=args.profile)
        return
    if len(args.delimiter) != 1:
        msg = "--delimiter must be one character"
        raise ValueError(msg)
    for path in args.numbers:
        try:
            yield from tables.diagnosed(path, args.column, args.delimiter, args.profile)
        except tables.TableError as error:
            msg = f"{path}: {error}"
            raise ValueError(msg) from None


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    status = EXIT_OK
    try:
        for label, text, diagnosis in _diagnosed(args):
            shown_as = shown(text, args.show_numbers)
            if args.format == "jsonl":
                print(as_json(label, shown_as, diagnosis, lang))
            else:
                print(f"{label}: {shown_as}: {describe(diagnosis, lang)}")
            if not diagnosis.valid:
                status = EXIT_INVALID
    except ValueError as error:
        print(f"nirkit check: {error}", file=sys.stderr)
        return EXIT_USAGE
    return status
