"""Options and exit codes shared by the sub-commands."""

from __future__ import annotations

import argparse
from typing import Final

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1  # an invalid number, a finding, a refused number
EXIT_USAGE: Final = 2  # usage or I/O error


def add_common_options(
    parser: argparse.ArgumentParser,
    *,
    defaults: bool = True,
    show_numbers: bool = True,
) -> None:
    """``--profile``, ``--lang`` and ``--show-numbers``.

    ``defaults=False`` leaves unset options at ``None``, for a command whose
    configuration file fills them in; ``show_numbers=False`` is for a command
    that never shows a number.
    """
    parser.add_argument(
        "--profile",
        choices=("lenient", "standard", "strict"),
        default="standard" if defaults else None,
        help="validation profile (default: standard)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en" if defaults else None,
        help="language of messages (default: en)",
    )
    if show_numbers:
        parser.add_argument(
            "--show-numbers",
            action="store_true",
            help="show full numbers instead of masked forms",
        )
