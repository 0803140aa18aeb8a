"""The command line: ``python -m nirkit`` and the ``nirkit`` script.

Exit codes: 0 success, 1 an invalid number or a finding, 2 usage or I/O error,
130 Ctrl-C, 141 a closed pipe (docs/cli.md). Output never shows a full number
unless ``--show-numbers`` is given, and no message prints back the digits the
user typed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nirkit import __version__
from nirkit._commands import check, explain, family, generate, impact, lint
from nirkit._commands._common import (
    EXIT_USAGE,
    complain,
    lang_of,
    os_error_text,
    stdout_closed,
)
from nirkit._commands._console import (
    EXIT_INTERRUPTED,
    EXIT_PIPE,
    finish_output,
    prepare_streams,
    stop_output,
)
from nirkit._commands._typed import (
    ParseError,
    Parser,
    mask_typed,
    option_names,
    typed_runs,
    unquoted_message,
    unquoted_number,
)

# Each module adds one sub-command to the parser; ``family`` adds --as and
# --candidates to check and explain, so it comes after them.
COMMANDS = (check, explain, lint, generate, impact, family)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="nirkit", description="French social-security numbers (NIR): check and explain."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    prepare_streams()
    try:
        code = _run(arguments)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here when the output was short
    except KeyboardInterrupt:
        finish_output()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        stop_output()
        return EXIT_PIPE
    except OSError as error:  # the last write failed (a full disk): drop what is left
        stop_output()
        print(f"nirkit: {os_error_text(error, 'en')}", file=sys.stderr)
        return EXIT_USAGE
    return code


def _run(argv: list[str]) -> int:
    parser = build_parser()
    typed = typed_runs(argv, option_names(parser))
    groups = unquoted_number(argv)
    if groups:
        print(unquoted_message(argv, groups), file=sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except ParseError as error:
        print(error.usage + mask_typed(error.message, typed), file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version exit 0
        return int(exit_.code or 0)
    args.typed = typed
    if stdout_closed(args):
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except BrokenPipeError:
        raise
    except OSError as error:
        return complain(args, os_error_text(error, lang_of(args)))
    return code
