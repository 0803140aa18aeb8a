"""The command line: ``python -m nirkit`` and the ``nirkit`` script.

Exit codes: 0 success, 1 an invalid number or a finding, 2 usage or I/O error.
Output never shows a full number unless ``--show-numbers`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nirkit._commands import check, explain, family, generate, impact, lint
from nirkit._commands._common import EXIT_USAGE

# Each module adds one sub-command to the parser; ``family`` adds --as and
# --candidates to check and explain, so it comes after them.
COMMANDS = (check, explain, lint, generate, impact, family)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nirkit", description="French social-security numbers (NIR): check and explain."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
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
