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
from nirkit._choices import RandomSource
from nirkit._commands._common import EXIT_OK, complain
from nirkit._format import FUND_NUMBER_ENDS, GROUP_ENDS, NTT_ENDS, display
from nirkit._generate import ERROR_CODES, build_any, make_any_options
from nirkit._generate_family import FAMILY_ERROR_CODES

# Every code --error takes: a NIR's, then those of the other families.
_ALL_ERROR_CODES = tuple(dict.fromkeys(ERROR_CODES + sum(FAMILY_ERROR_CODES.values(), ())))

_MAX_COUNT = 1_000_000
_ENDS = {"nnp": FUND_NUMBER_ENDS, "mig": FUND_NUMBER_ENDS, "ntt": NTT_ENDS}


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
    parser.add_argument(
        "--family",
        choices=("nir", "nnp", "mig", "ntt"),
        default="nir",
        help="nir (default), or the other identifiers: nnp, mig, ntt",
    )
    parser.add_argument("--siren", help="with --family ntt: the employer's SIREN")
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
    parser.add_argument("--error", choices=_ALL_ERROR_CODES, help="break exactly this rule")
    parser.add_argument(
        "--display",
        action="store_true",
        help="print valid numbers in the display form (2 95 10 ...)",
    )
    parser.add_argument(
        "--format", choices=("lines", "csv", "json"), default="lines", help="default: lines"
    )
    parser.set_defaults(handler=run)


def _record(number: str, error: str | None, family: str) -> dict[str, Any]:
    if family != "nir":  # kind and place are a NIR's fields
        return {"number": number, "family": family, "error": error}
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
        options = make_any_options(
            family=args.family,
            siren=args.siren,
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
    source = RandomSource(random.Random(args.seed))
    numbers = (build_any(source, options) for _ in range(args.count))
    if args.display and args.error is None:
        numbers = (display(number, _ENDS.get(args.family, GROUP_ENDS)) for number in numbers)
    records = (_record(number, args.error, args.family) for number in numbers)
    # Written as they are made, in small pieces: one huge write to a pipe that
    # its reader closes is cut short without an error (CPython's BufferedWriter).
    if args.format == "lines":
        sys.stdout.writelines(f"{number}\n" for number in numbers)
    elif args.format == "json":
        json.dump(list(records), sys.stdout, indent=1)
        print()
    else:
        fields = ("number", "kind", "place_kind") if args.family == "nir" else ("number", "family")
        writer = csv.DictWriter(sys.stdout, fieldnames=(*fields, "error"), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return EXIT_OK
