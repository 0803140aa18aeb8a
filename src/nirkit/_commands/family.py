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
from collections.abc import Callable
from typing import Final

from nirkit._api import Diagnosis
from nirkit._candidates import candidates
from nirkit._commands import check, explain
from nirkit._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    complain,
    lang_of,
)
from nirkit._explain_family import family_explain_lines
from nirkit._family import MIG, NNP, NTT, parse_mig, parse_nnp, parse_ntt
from nirkit._family_rules import expected_siren, read
from nirkit._format import FUND_NUMBER_ENDS, NTT_ENDS, display, masked, masked_ntt
from nirkit._issues import Issue, Lang, NIRError
from nirkit._kinds import Family
from nirkit._normalize import MAX_INPUT_LENGTH, clean
from nirkit._profiles import resolve_profile

_TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "none": "none",
        "ambiguous": "ambiguous",
        "needs": "{option} needs --as {family}",
        "needs_or_candidates": "{option} needs --as {family} or --candidates",
        "column": "--column reads NIRs: give --as and --candidates numbers as arguments or on "
        "standard input",
        "bad_siren": "--siren must be the employer's 9-digit SIREN (spaces, dots and hyphens "
        "allowed)",
    },
    "fr": {
        "none": "aucune",
        "ambiguous": "ambigu",
        "needs": "{option} demande --as {family}",
        "needs_or_candidates": "{option} demande --as {family} ou --candidates",
        "column": "--column lit des NIR : donnez à --as et --candidates des numéros en "
        "arguments ou sur l'entrée standard",
        "bad_siren": "--siren doit être le SIREN à 9 chiffres de l'employeur (espaces, points "
        "et tirets permis)",
    },
}
# check.LineMaker, given the options and the clean --siren as well
FamilyLineMaker = Callable[[str, str, argparse.Namespace, "str | None"], tuple[str, bool]]


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


def _expected_siren(args: argparse.Namespace, *, with_candidates: bool) -> str | None:
    """The clean ``--siren``; :class:`CommandError` for options that would be silently
    ignored, or a SIREN that is not one."""
    wide = with_candidates and args.candidates
    if getattr(args, "column", None) is not None and (args.family is not None or wide):
        raise CommandError("column")  # check --column reads its tables through nirkit.frames
    needs = "needs_or_candidates" if with_candidates else "needs"
    if args.siren is not None and args.family != "ntt" and not wide:
        raise CommandError(needs, option="--siren", family="ntt")
    if args.before_2012 and args.family != "nnp" and not wide:
        raise CommandError(needs, option="--before-2012", family="nnp")
    try:
        return expected_siren(args.siren)
    except ValueError:
        raise CommandError("bad_siren") from None


def shown(family: Family, text: str, show_numbers: bool, lang: Lang = "en") -> str:
    """The masked (or, when asked for, display) form of ``text`` read as ``family``.

    An NTT's mask has one length for all; other text is shown as ``check``
    shows it.
    """
    stripped = text.strip()
    if family is Family.NIR or len(text) > MAX_INPUT_LENGTH or not stripped:
        return check.shown(text, show_numbers, lang)
    if family is Family.NTT:
        return display(stripped, NTT_ENDS) if show_numbers else masked_ntt(stripped)
    compact = clean(stripped)
    if len(compact) != 13:
        return check.shown(text, show_numbers, lang)
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
    shown_as = shown(family, text, args.show_numbers, lang)
    if args.format == "jsonl":
        record = {"input": label, "number": shown_as, "family": family, "valid": not errors}
        record |= {"errors": _records(errors, lang), "warnings": _records(warnings, lang)}
        return json.dumps(record, ensure_ascii=False), not errors
    if errors:  # the same words as for a NIR
        verdict = check.describe(Diagnosis(False, None, tuple(errors), (), None), lang)
    else:
        verdict = f"{check.WORDS[lang]['valid']} ({family.upper()})"
        verdict += "".join(
            f"; {check.WORDS[lang]['warning']} {w.code}: {w.message(lang)}" for w in warnings
        )
    return f"{label}: {shown_as}: {verdict}", not errors


def _candidates_line(
    label: str, text: str, args: argparse.Namespace, siren: str | None
) -> tuple[str, bool]:
    found = candidates(text, profile=args.profile, before_2012=args.before_2012, siren=siren)
    shown_as = shown(found[0] if found else Family.NIR, text, args.show_numbers, args.lang)
    names = [str(family) for family in found]
    if args.format == "jsonl":
        record = {"input": label, "number": shown_as, "candidates": names}
        return json.dumps(record, ensure_ascii=False), bool(found)
    words = _TEXTS[args.lang]
    listed = ", ".join(names) or words["none"]
    if len(names) > 1:
        listed += f" ({words['ambiguous']})"
    return f"{label}: {shown_as}: {listed}", bool(found)


def _run_check(args: argparse.Namespace) -> int:
    try:
        siren = _expected_siren(args, with_candidates=True)
    except CommandError as error:
        return complain(args, error.text(_TEXTS, lang_of(args)))
    if args.family is None and not args.candidates:
        return check.run(args)
    make_line: FamilyLineMaker = _candidates_line if args.candidates else _family_line
    return check.run(args, lambda label, text: make_line(label, text, args, siren))


def _parse(text: str, args: argparse.Namespace, siren: str | None) -> NNP | MIG | NTT:
    if args.family == "nnp":
        return parse_nnp(text, before_2012=args.before_2012, profile=args.profile)
    if args.family == "mig":
        return parse_mig(text, profile=args.profile)
    return parse_ntt(text, siren=siren, profile=args.profile)


def _run_explain(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        siren = _expected_siren(args, with_candidates=False)
    except CommandError as error:
        return complain(args, error.text(_TEXTS, lang))
    if args.family is None:
        return explain.run(args)
    try:
        value = _parse(args.number, args, siren)
    except NIRError as error:
        print(f"{check.WORDS[lang]['invalid']}: {error.code}: {error.message(lang)}")
        return EXIT_INVALID
    print("\n".join(family_explain_lines(value, lang=lang, show_numbers=args.show_numbers)))
    return EXIT_OK
