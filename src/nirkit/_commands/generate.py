"""``nirkit generate``: constructed numbers for tests.

The numbers are made up on request, so they are printed in full: asking for
them is asking to see them. They are never a published specimen.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from typing import Any

from nirkit._api import diagnose
from nirkit._commands._common import EXIT_OK, complain
from nirkit._format import display
from nirkit._generate import ERROR_CODES, build, make_options
from nirkit._generate import RandomSource as _RandomSource

_MAX_COUNT = 1_000_000


def _whole_number(text: str) -> int:
    """An integer option; argparse's own error would name a Python type."""
    try:
        return int(text)
    except ValueError:
        msg = "must be a whole number"
        raise argparse.ArgumentTypeError(msg) from None


def _count(text: str) -> int:
    value = _whole_number(text)
    if not 1 <= value <= _MAX_COUNT:
        msg = f"must be a whole number from 1 to {_MAX_COUNT}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _option(name: str, value: str | None) -> str:
    """How the command line spells a parameter of :func:`nirkit.generate`."""
    option = "--" + name.replace("_", "-")
    return f"{option} {value}" if value else option


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "generate",
        help="print constructed numbers for tests",
        description="Print constructed numbers for tests: valid ones of the asked shape, "
        "or invalid ones breaking exactly one rule (--error). Options left out are drawn "
        "at random; --seed makes the output repeatable.",
    )
    parser.add_argument("--count", type=_count, default=1, help="how many (default: 1)")
    parser.add_argument("--seed", type=_whole_number, help="seed of the random generator")
    parser.add_argument("--kind", choices=("definitive", "waiting", "provisional"))
    parser.add_argument("--registered-sex", choices=("male", "female"))
    parser.add_argument("--year", type=_whole_number, help="2-digit birth year, 0-99")
    parser.add_argument("--month-code", type=_whole_number, help="1-12, 20-42 or 50-99")
    parser.add_argument("--month-kind", choices=("real", "incomplete_record", "unknown"))
    parser.add_argument(
        "--place-kind",
        choices=("metropolitan", "corsica", "overseas", "abroad", "north_africa"),
    )
    parser.add_argument("--department", help="a département code: 75, 2A, 971, 99, ...")
    parser.add_argument("--country", help="a 5-digit INSEE country code, such as 99126")
    parser.add_argument("--error", choices=ERROR_CODES, help="break exactly this rule")
    parser.add_argument(
        "--display",
        action="store_true",
        help="print valid numbers in the display form (2 95 10 ...)",
    )
    parser.add_argument(
        "--format", choices=("lines", "csv", "json"), default="lines", help="default: lines"
    )
    parser.set_defaults(handler=run)


def _record(number: str, error: str | None) -> dict[str, Any]:
    diagnosis = diagnose(number)
    if diagnosis.nir is None:
        return {"number": number, "kind": None, "place_kind": None, "error": error}
    return {
        "number": number,
        "kind": diagnosis.nir.kind.value,
        "place_kind": diagnosis.nir.place.kind.value,
        "error": None,
    }


def run(args: argparse.Namespace) -> int:
    try:
        options = make_options(
            kind=args.kind,
            registered_sex=args.registered_sex,
            year=args.year,
            month_code=args.month_code,
            month_kind=args.month_kind,
            place_kind=args.place_kind,
            department=args.department,
            country=args.country,
            error=args.error,
            spell=_option,
        )
    except ValueError as error:
        return complain(args, str(error))
    source = _RandomSource(random.Random(args.seed))
    numbers = (build(source, options) for _ in range(args.count))
    if args.display and args.error is None:
        numbers = (display(number) for number in numbers)
    # Written as they are made, in small pieces: one huge write to a pipe that
    # its reader closes is cut short without an error (CPython's BufferedWriter).
    if args.format == "lines":
        sys.stdout.writelines(f"{number}\n" for number in numbers)
    elif args.format == "json":
        json.dump([_record(number, args.error) for number in numbers], sys.stdout, indent=1)
        print()
    else:
        writer = csv.DictWriter(
            sys.stdout, fieldnames=("number", "kind", "place_kind", "error"), lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(_record(number, args.error) for number in numbers)
    return EXIT_OK
