"""``check --as nnp|mig|ntt``, ``check --candidates`` and ``explain --as``.

NNP, MIG and NTT numbers are read only when asked for. This module adds the
options to the parsers that ``check`` and ``explain`` build, and runs the
command itself only when one of them is given, handing back to ``check`` and
``explain`` otherwise: those two modules stay about NIRs. Output is masked as
theirs is, and the exit codes are theirs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Final

from nirkit._api import Diagnosis
from nirkit._candidates import candidates
from nirkit._commands import check, explain
from nirkit._commands._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from nirkit._explain_family import family_explain_lines
from nirkit._family import MIG, NNP, NTT, parse_mig, parse_nnp, parse_ntt
from nirkit._family_rules import expected_siren, read
from nirkit._format import FUND_NUMBER_ENDS, NTT_ENDS, display, masked, masked_ntt
from nirkit._issues import Issue, Lang, NIRError
from nirkit._kinds import Family
from nirkit._normalize import MAX_INPUT_LENGTH, clean
from nirkit._profiles import resolve_profile

_WORDS: Final = {
    "en": {"none": "none", "ambiguous": "ambiguous"},
    "fr": {"none": "aucune", "ambiguous": "ambigu"},
}
LineMaker = Callable[[str, str, argparse.Namespace, "str | None"], tuple[str, bool]]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Extend ``check`` and ``explain``, which must be registered already."""
    for name, handler in (("check", _run_check), ("explain", _run_explain)):
        parser = commands.choices[name]
        group = parser.add_argument_group("other identifiers, read only on request")
        choice = group.add_mutually_exclusive_group()
        choice.add_argument(
            "--as",
            dest="family",
            choices=("nnp", "mig", "ntt"),
            help="read as an NNP, a MIG number or an NTT instead of a NIR",
        )
        if name == "check":
            choice.add_argument(
                "--candidates",
                action="store_true",
                help="print every family (nir, nnp, mig, ntt) each number could be",
            )
        group.add_argument("--siren", help="the employer's SIREN the NTTs must carry")
        group.add_argument(
            "--before-2012",
            action="store_true",
            help="accept the creation digit 0 of NNPs made before 2012",
        )
        parser.set_defaults(handler=handler)


def _usage_problem(args: argparse.Namespace, *, with_candidates: bool) -> str | None:
    """Options that would be silently ignored are a usage error instead."""
    wide = with_candidates and args.candidates
    alternative = " or --candidates" if with_candidates else ""
    if args.siren is not None and args.family != "ntt" and not wide:
        return f"--siren needs --as ntt{alternative}"
    if args.before_2012 and args.family != "nnp" and not wide:
        return f"--before-2012 needs --as nnp{alternative}"
    return None


def shown(family: Family, text: str, show_numbers: bool) -> str:
    """The masked (or, when asked for, display) form of ``text`` read as ``family``.

    An NTT's mask has one length for all; other text is shown as ``check``
    shows it.
    """
    stripped = text.strip()
    if family is Family.NIR or len(text) > MAX_INPUT_LENGTH or not stripped:
        return check.shown(text, show_numbers)
    if family is Family.NTT:
        return display(stripped, NTT_ENDS) if show_numbers else masked_ntt(stripped)
    compact = clean(stripped)
    if len(compact) != 13:
        return check.shown(text, show_numbers)
    return display(compact, FUND_NUMBER_ENDS) if show_numbers else masked(compact, FUND_NUMBER_ENDS)


def _records(issues: list[Issue], lang: Lang) -> list[dict[str, object]]:
    return [
        {"code": i.code, "field": i.field, "position": i.position, "message": i.message(lang)}
        for i in issues
    ]


def _family_line(
    label: str, text: str, args: argparse.Namespace, siren: str | None
) -> tuple[str, bool]:
    family, lang = Family(args.family), args.lang
    found = read(family, text, before_2012=args.before_2012, siren=siren)
    errors = found.refusals(resolve_profile(args.profile))
    warnings = [] if errors else found.warnings
    shown_as = shown(family, text, args.show_numbers)
    if args.format == "jsonl":
        record = {"input": label, "number": shown_as, "family": family, "valid": not errors}
        record |= {"errors": _records(errors, lang), "warnings": _records(warnings, lang)}
        return json.dumps(record, ensure_ascii=False), not errors
    if errors:  # the same words as for a NIR
        verdict = check.describe(Diagnosis(False, None, tuple(errors), (), None), lang)
    else:
        verdict = f"{check._WORDS[lang]['valid']} ({family.upper()})"
        verdict += "".join(
            f"; {check._WORDS[lang]['warning']} {w.code}: {w.message(lang)}" for w in warnings
        )
    return f"{label}: {shown_as}: {verdict}", not errors


def _candidates_line(
    label: str, text: str, args: argparse.Namespace, siren: str | None
) -> tuple[str, bool]:
    found = candidates(text, profile=args.profile, before_2012=args.before_2012, siren=siren)
    shown_as = shown(found[0] if found else Family.NIR, text, args.show_numbers)
    names = [str(family) for family in found]
    if args.format == "jsonl":
        record = {"input": label, "number": shown_as, "candidates": names}
        return json.dumps(record, ensure_ascii=False), bool(found)
    words = _WORDS[args.lang]
    listed = ", ".join(names) or words["none"]
    if len(names) > 1:
        listed += f" ({words['ambiguous']})"
    return f"{label}: {shown_as}: {listed}", bool(found)


def _usage(command: str, problem: str) -> int:
    print(f"nirkit {command}: {problem}", file=sys.stderr)
    return EXIT_USAGE


def _run_check(args: argparse.Namespace) -> int:
    problem = _usage_problem(args, with_candidates=True)
    if problem is not None:
        return _usage("check", problem)
    if args.family is None and not args.candidates:
        return check.run(args)
    status = EXIT_OK
    try:
        siren = expected_siren(args.siren)
        make_line: LineMaker = _candidates_line if args.candidates else _family_line
        for label, text in check._inputs(args.numbers):
            line, valid = make_line(label, text, args, siren)
            print(line)
            status = status if valid else EXIT_INVALID
    except ValueError as error:  # a malformed --siren, or standard input that is not UTF-8
        return _usage("check", str(error))
    return status


def _parse(text: str, args: argparse.Namespace, siren: str | None) -> NNP | MIG | NTT:
    if args.family == "nnp":
        return parse_nnp(text, before_2012=args.before_2012, profile=args.profile)
    if args.family == "mig":
        return parse_mig(text, profile=args.profile)
    return parse_ntt(text, siren=siren, profile=args.profile)


def _run_explain(args: argparse.Namespace) -> int:
    problem = _usage_problem(args, with_candidates=False)
    if problem is not None:
        return _usage("explain", problem)
    if args.family is None:
        return explain.run(args)
    try:
        siren = expected_siren(args.siren)
    except ValueError as error:
        return _usage("explain", str(error))
    try:
        value = _parse(args.number, args, siren)
    except NIRError as error:
        print(f"invalid: {error.code}: {error.message(args.lang)}")
        return EXIT_INVALID
    print("\n".join(family_explain_lines(value, lang=args.lang, show_numbers=args.show_numbers)))
    return EXIT_OK
