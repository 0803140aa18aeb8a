"""The command line: ``python -m nirkit`` and the ``nirkit`` script.

Exit codes: 0 success, 1 an invalid number or a finding, 2 usage or I/O error.
Output never shows a full number unless ``--show-numbers`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nirkit._api import parse
from nirkit._explain import explain_lines
from nirkit._issues import NIRError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        choices=("lenient", "standard", "strict"),
        default="standard",
        help="validation profile (default: standard)",
    )
    parser.add_argument(
        "--lang", choices=("en", "fr"), default="en", help="language of messages (default: en)"
    )
    parser.add_argument(
        "--show-numbers", action="store_true", help="show full numbers instead of masked forms"
    )


def _explain(args: argparse.Namespace) -> int:
    try:
        number = parse(args.number, profile=args.profile)
    except NIRError as error:
        print(f"invalid: {error.code}: {error.message(args.lang)}")
        return EXIT_INVALID
    print("\n".join(explain_lines(number, lang=args.lang, show_numbers=args.show_numbers)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nirkit", description="French social-security numbers (NIR): check and explain."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    explain = commands.add_parser("explain", help="decode every field of one number")
    explain.add_argument("number", help="the number, with or without separators")
    _add_common(explain)
    explain.set_defaults(handler=_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    try:
        code: int = args.handler(args)
    except OSError as error:
        print(f"nirkit: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    return code
