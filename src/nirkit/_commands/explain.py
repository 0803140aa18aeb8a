"""``nirkit explain NUMBER``: every decoded field in words."""

from __future__ import annotations

import argparse

from nirkit._api import parse
from nirkit._commands._common import EXIT_INVALID, EXIT_OK, add_common_options, lang_of
from nirkit._commands.check import WORDS
from nirkit._explain import explain_lines
from nirkit._issues import NIRError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("explain", help="decode every field of one number")
    parser.add_argument("number", help="the number, with or without separators")
    add_common_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        number = parse(args.number, profile=args.profile)
    except NIRError as error:
        lang = lang_of(args)
        print(f"{WORDS[lang]['invalid']}: {error.code}: {error.message(lang)}")
        return EXIT_INVALID
    print("\n".join(explain_lines(number, lang=args.lang, show_numbers=args.show_numbers)))
    return EXIT_OK
