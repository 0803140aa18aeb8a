"""Constructed NNP, MIG and NTT values for tests: valid ones, and ones that break
exactly one rule.

They are built from the same :class:`~nirkit._choices.Source` of choices as
NIRs, so that :func:`nirkit.generate` and the Hypothesis strategies make the same
values and Hypothesis shrinks them (the first option, the lowest integer).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Final, Literal, TypeGuard, get_args

from nirkit._choices import Source, Spelling, as_parameter, check
from nirkit._family_rules import expected_siren, siren_is_plausible
from nirkit._kinds import Family, FamilyName
from nirkit._model import RegisteredSex

FamilyErrorCode = Literal[
    "bad_length",
    "bad_character",
    "bad_kind_digit",
    "bad_creation_digit",
    "bad_fund",
    "bad_order",
    "siren_mismatch",
]
_FUND_NUMBER_CODES: Final[tuple[FamilyErrorCode, ...]] = get_args(FamilyErrorCode)[:-1]
#: The error codes a constructed value of each family can carry, in the order of RULES.md.
FAMILY_ERROR_CODES: Final[dict[Family, tuple[FamilyErrorCode, ...]]] = {
    Family.NNP: _FUND_NUMBER_CODES,
    Family.MIG: _FUND_NUMBER_CODES,
    Family.NTT: ("bad_length", "bad_character", "bad_kind_digit", "siren_mismatch"),
}

# Choices are listed simplest first: Hypothesis shrinks towards the first one.
_SEX_DIGITS: Final = {Family.NNP: "78", Family.MIG: "56", Family.NTT: "12"}
_BAD_SEX_DIGITS: Final = {
    family: "".join(d for d in string.digits if d not in sex) for family, sex in _SEX_DIGITS.items()
}
# Creation digits that make a value without warning (an NNP's 2 is fictitious).
_CREATION_DIGITS: Final = {Family.NNP: "1", Family.MIG: "12"}
# Creation digits refused whatever the caller says (an NNP's 0 is not: before_2012).
_BAD_CREATION_DIGITS: Final = {Family.NNP: "3456789", Family.MIG: "03456789"}
_ZEROED: Final = {"bad_fund": (2, "000"), "bad_order": (5, "00000000")}
_LETTERS_AND_DIGITS: Final = string.digits + string.ascii_uppercase + string.ascii_lowercase
# Never white space, nor what normalisation removes: an NTT loses the white space
# around it, an NNP its dots and hyphens too.
_BAD_IN_DIGITS: Final = ("O", "X", "/", "_", "I", "?")
_BAD_IN_EMPLOYEE_PART: Final = ("/", "_", "?", "-", ".", "é")
_MAX_SIREN_PREFIX: Final = 99_999_999


def is_family_error(code: str) -> TypeGuard[FamilyErrorCode]:
    return code in get_args(FamilyErrorCode)


@dataclass(frozen=True, slots=True)
class FamilyOptions:
    """What the caller asked for, checked once (see :func:`make_family_options`)."""

    family: Family
    registered_sex: RegisteredSex | None
    siren: str | None  # clean
    error: FamilyErrorCode | None


# Said by make_any_options for a NIR too.
SIREN_NEEDS_NTT: Final = "{siren} is an option of an NTT: give {family=ntt}"


def make_family_options(
    family: Family | FamilyName,
    *,
    registered_sex: RegisteredSex | None = None,
    siren: str | None = None,
    error: str | None = None,
    spell: Spelling = as_parameter,
) -> FamilyOptions:
    """Check the options of an NNP, MIG or NTT; raise ``ValueError`` when they conflict.

    The message names the options by ``spell`` (the command line names them its way).
    """
    resolved = Family(family)
    codes = FAMILY_ERROR_CODES.get(resolved, ())
    check(
        (
            (resolved is Family.NIR, "make_family_options makes nnp, mig or ntt values"),
            (
                error is not None and error not in codes,
                f"unknown {{error}} code {error!r} for {{family={resolved}}}: use one of "
                f"{', '.join(codes)}",
            ),
            (
                registered_sex not in (None, "male", "female"),
                "{registered_sex} must be 'male' or 'female'",
            ),
            (siren is not None and resolved is not Family.NTT, SIREN_NEEDS_NTT),
            (
                error == "bad_kind_digit" and registered_sex is not None,
                "{error=bad_kind_digit} replaces the sex digit: give no {registered_sex}",
            ),
            (
                error == "siren_mismatch" and siren is None,
                "{error=siren_mismatch} needs {siren}: the SIREN the value must not carry",
            ),
        ),
        spell,
    )
    return FamilyOptions(
        resolved,
        registered_sex,
        expected_siren(siren, name=spell("siren", None)),
        error if error is not None and is_family_error(error) else None,
    )


def _sex_digit(source: Source, options: FamilyOptions) -> str:
    male_female = _SEX_DIGITS[options.family]
    if options.registered_sex is None:
        return source.choice(male_female)
    return male_female[options.registered_sex == "female"]


def _fund_number(source: Source, options: FamilyOptions) -> str:
    sex = _sex_digit(source, options)
    creation = source.choice(_CREATION_DIGITS[options.family])
    return f"{sex}{creation}{source.integer(1, 999):03d}{source.integer(1, 99_999_999):08d}"


def _siren(source: Source, other_than: str | None) -> str:
    """A SIREN that passes the Luhn check (never all zeros), other than ``other_than``."""
    avoided = None if other_than is None else int(other_than[:8])
    prefix = source.integer(1, _MAX_SIREN_PREFIX - (avoided is not None))
    if avoided is not None and prefix >= avoided:
        prefix += 1  # the Luhn digit follows the prefix: another prefix, another SIREN
    digits = f"{prefix:08d}"
    return next(digits + d for d in string.digits if siren_is_plausible(digits + d))


def _letters_and_digits(source: Source, count: int) -> str:
    return "".join(source.choice(_LETTERS_AND_DIGITS) for _ in range(count))


def _ntt(source: Source, options: FamilyOptions) -> str:
    sex = _sex_digit(source, options)
    if options.siren is None or options.error == "siren_mismatch":
        siren = _siren(source, options.siren)
    else:
        siren = options.siren  # as asked, even one that fails the Luhn check
    return sex + siren + _letters_and_digits(source, source.integer(1, 30))


def _break_length(source: Source, family: Family, value: str) -> str:
    if family is Family.NTT:  # 10 characters (no employee part), or 41
        return value[:10] if source.integer(0, 1) == 0 else value.ljust(41, value[-1])
    variant = source.integer(0, 2)  # 12, 14, or 15 (an NNP or MIG has no key)
    return value[:12] if variant == 0 else value + str(source.integer(0, 9)) * variant


def _break_character(source: Source, family: Family, value: str) -> str:
    position = source.integer(0, len(value) - 1)
    in_employee_part = family is Family.NTT and position >= 10
    bad = source.choice(_BAD_IN_EMPLOYEE_PART if in_employee_part else _BAD_IN_DIGITS)
    return value[:position] + bad + value[position + 1 :]


def _break(source: Source, family: Family, value: str, error: FamilyErrorCode) -> str:
    if error == "bad_length":
        return _break_length(source, family, value)
    if error == "bad_character":
        return _break_character(source, family, value)
    if error == "siren_mismatch":
        return value  # made so by _ntt
    if error == "bad_kind_digit":
        start, part = 0, source.choice(_BAD_SEX_DIGITS[family])
    elif error == "bad_creation_digit":
        start, part = 1, source.choice(_BAD_CREATION_DIGITS[family])
    else:
        start, part = _ZEROED[error]
    return value[:start] + part + value[start + len(part) :]


def build_family(source: Source, options: FamilyOptions) -> str:
    """A value made of ``source``'s choices, as ``options`` ask (see :func:`nirkit.generate`)."""
    make = _ntt if options.family is Family.NTT else _fund_number
    value = make(source, options)
    return value if options.error is None else _break(source, options.family, value, options.error)
