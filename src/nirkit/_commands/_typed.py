"""What the user typed: never printed back, and a number typed without quotes spotted.

Any argument may be a number typed in the wrong place (a forgotten option, a
swapped argument), and argparse, the OS and nirkit's own messages quote
arguments back. So every message goes through :func:`mask_typed`: each run of
two or more digits that the user typed is replaced by bullets, wherever the
message quotes it. nirkit's own numbers (line numbers, limits) stay readable.
A single digit is left: it tells no more than a masked form shows.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Final, NoReturn

from nirkit._issues import Lang

_RUN: Final = re.compile(r"\d{2,}")  # \d: any Unicode digit, full-width ones included
# One display group of a number (2A/2B included), as the shell splits it.
_GROUP: Final = re.compile(r"\d[\dABab]{0,11}")
# A number has 13 or 15 characters; one mistyped by a character still counts.
_NUMBER_LENGTHS: Final = range(12, 17)

_UNQUOTED: Final[dict[Lang, str]] = {
    "en": "nirkit: error: {count} arguments look like the groups of one number typed "
    'without quotes: quote the number, as in nirkit check "N NN NN NN NNN NNN NN"',
    "fr": "nirkit: erreur : {count} arguments semblent être les groupes d'un seul numéro "
    "tapé sans guillemets : mettez le numéro entre guillemets, comme dans nirkit check "
    '"N NN NN NN NNN NNN NN"',
}


def typed_runs(argv: Sequence[str], options: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every run of two or more digits in the arguments, but in the names of
    ``options`` (``--before-2012`` is nirkit's word, not the user's number)."""
    return frozenset(run for argument in argv for run in _RUN.findall(_typed(argument, options)))


def _typed(argument: str, options: frozenset[str]) -> str:
    """What the user chose in ``argument``: all of it, or the value of ``--option=value``."""
    name, _, value = argument.partition("=")
    return value if name in options else argument


def option_names(parser: argparse.ArgumentParser) -> frozenset[str]:
    """Every option string of ``parser`` and of its sub-commands."""
    names = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                names |= option_names(command)
    return frozenset(names)


def mask_typed(text: str, typed: frozenset[str]) -> str:
    """``text`` with each whole run of digits that was typed replaced by bullets."""
    return _RUN.sub(lambda run: "•" * len(run[0]) if run[0] in typed else run[0], text)


def unquoted_number(argv: Sequence[str]) -> int:
    """How many consecutive arguments are the groups of one number, or 0.

    ``nirkit check 2 95 10 99 126 111 93`` would otherwise check seven
    "numbers" and show a digit of each.
    """
    run: list[str] = []
    for argument in [*argv, ""]:
        if _GROUP.fullmatch(argument):
            run.append(argument)
            continue
        if len(run) >= 2 and len("".join(run)) in _NUMBER_LENGTHS:
            return len(run)
        run = []
    return 0


def unquoted_message(argv: Sequence[str], count: int) -> str:
    """The error for :func:`unquoted_number`, in the language asked for, if any."""
    french = any(
        argument == "--lang=fr" or (argument == "fr" and before == "--lang")
        for before, argument in zip(["", *argv], argv, strict=False)
    )
    return _UNQUOTED["fr" if french else "en"].format(count=count)


class ParseError(Exception):
    """An argparse usage error, raised instead of printed so that it can be masked."""

    def __init__(self, usage: str, message: str) -> None:
        super().__init__(message)
        self.usage = usage
        self.message = message


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are returned to :func:`nirkit.cli.main`."""

    def error(self, message: str) -> NoReturn:
        raise ParseError(self.format_usage(), f"{self.prog}: error: {message}")
