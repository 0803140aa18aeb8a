"""The rules of the rest of the family: NNP, MIG and NTT (RULES.md section 10).

Each ``read_*`` function reports every error and warning of a text read as one
family, never raising for a ``str``; the values and ``parse_*`` functions are in
``_family``. The checks reuse the normalisation of section 2 and the issues of
the NIR, with message variants where the NIR's message would state the wrong
rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NamedTuple

from nirkit._issues import Issue, NIRError
from nirkit._key import luhn_valid
from nirkit._kinds import Family
from nirkit._normalize import (
    MAX_INPUT_LENGTH,
    check_type_and_size,
    clean,
    first_non_digit,
    require_str,
)
from nirkit._profiles import Profile

_NOT_LETTER_OR_DIGIT: Final = re.compile("[^0-9A-Za-z]")  # ASCII only, as the DSN has it


class Found(NamedTuple):
    """What reading a text as one family found: its compact form, errors, warnings."""

    compact: str
    errors: list[Issue]
    warnings: list[Issue]

    def refusals(self, profile: Profile) -> list[Issue]:
        """The errors, and the warnings too under a profile that makes them errors."""
        if profile.warnings_are_errors:
            return self.errors + [warning.as_error() for warning in self.warnings]
        return self.errors


def _ascii_digits(part: str) -> bool:
    return part.isascii() and part.isdigit()


# -- NNP and MIG: S V CCC NNNNNNNN -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    """The rules that tell an NNP from a MIG number; the layout is the same."""

    sex_digits: str  # male, female
    creation_digits: str
    before_2012_digit: str  # a creation digit accepted only when the caller says so
    fictitious_digit: str  # a creation digit that is valid but no one's number
    kind_variant: str  # the message of bad_kind_digit


_NNP_RULES: Final = _Layout("78", "12", "0", "2", "nnp_kind_digit")
_MIG_RULES: Final = _Layout("56", "12", "", "", "mig_kind_digit")


def _read_fund_number(text: str, rules: _Layout, *, before_2012: bool) -> Found:
    try:  # a non-str is a TypeError; a subclass of str is copied into a str, once
        cleaned = clean(check_type_and_size(text))
    except NIRError as error:
        return Found("", [error.issue], [])  # over 64 characters: no further
    errors: list[Issue] = []
    if len(cleaned) != 13:
        errors.append(Issue("bad_length", "length", variant="nnp_mig_length"))
    bad = first_non_digit(cleaned)
    if bad is not None:
        errors.append(Issue("bad_character", "character", bad + 1, variant="digits_only"))
    if len(cleaned) != 13:
        return Found(cleaned, errors, [])  # the fields cannot be located
    sex, creation = cleaned[0], cleaned[1]
    if _ascii_digits(sex) and sex not in rules.sex_digits:
        errors.append(Issue("bad_kind_digit", "kind", 1, variant=rules.kind_variant))
    allowed = rules.creation_digits + (rules.before_2012_digit if before_2012 else "")
    if _ascii_digits(creation) and creation not in allowed:
        errors.append(Issue("bad_creation_digit", "creation", 2))
    if cleaned[2:5] == "000":
        errors.append(Issue("bad_fund", "fund", 3))
    if cleaned[5:] == "00000000":
        errors.append(Issue("bad_order", "order", 6, variant="nnp_mig_order"))
    warnings = []
    if not errors and creation == rules.fictitious_digit:
        warnings.append(Issue("fictitious", "creation", 2, "warning"))
    return Found(cleaned, errors, warnings)


def read_nnp(text: str, *, before_2012: bool = False) -> Found:
    """Every error and warning of ``text`` read as an NNP. Never raises for a ``str``."""
    return _read_fund_number(text, _NNP_RULES, before_2012=before_2012)


def read_mig(text: str) -> Found:
    """Every error and warning of ``text`` read as a MIG number. Never raises for a ``str``."""
    return _read_fund_number(text, _MIG_RULES, before_2012=False)


# -- NTT: [12] SIREN employee-part --------------------------------------------


def siren_is_plausible(siren: str) -> bool:
    """Whether 9 ASCII digits pass the Luhn check and are not all zeros.

    ``000000000`` passes the Luhn arithmetic, but INSEE gives it to no company.
    """
    return luhn_valid(siren) and siren != "000000000"


def expected_siren(siren: str | None, *, name: str = "siren") -> str | None:
    """The caller's expected SIREN, with separators removed (``801 275 115``).

    Raises ``TypeError`` for a non-``str`` and ``ValueError`` unless 9 digits
    remain: a wrong argument is the caller's error, not the number's. The
    message calls the argument ``name`` (the command line says ``--siren``).
    """
    if siren is None:
        return None
    siren = require_str(siren)
    cleaned = clean(siren) if len(siren) <= MAX_INPUT_LENGTH else siren
    if len(cleaned) != 9 or first_non_digit(cleaned) is not None:
        msg = f"{name} must be the employer's 9-digit SIREN (spaces, dots and hyphens allowed)"
        raise ValueError(msg)
    return cleaned


def _ntt_bad_character(text: str) -> int | None:
    """The 0-based index of the first character that may not be where it is."""
    bad = first_non_digit(text[:10])  # the sex digit and the SIREN
    if bad is None:
        found = _NOT_LETTER_OR_DIGIT.search(text, 10)
        bad = None if found is None else found.start()
    return bad


def read_ntt(text: str, *, siren: str | None = None) -> Found:
    """Every error and warning of ``text`` read as an NTT. Never raises for a ``str``.

    ``siren`` must already be clean (see :func:`expected_siren`). An NTT has no
    separators: only the white space around it goes, and case is kept.
    """
    try:  # as for a fund number; an NTT only loses the white space around it
        stripped = check_type_and_size(text).strip()
    except NIRError as error:
        return Found("", [error.issue], [])  # over 64 characters: no further
    errors: list[Issue] = []
    if not 11 <= len(stripped) <= 40:
        errors.append(Issue("bad_length", "length", variant="ntt_length"))
    bad = _ntt_bad_character(stripped)
    if bad is not None:
        errors.append(Issue("bad_character", "character", bad + 1, variant="ntt_character"))
    if errors and errors[0].code == "bad_length":
        return Found(stripped, errors, [])
    if _ascii_digits(stripped[0]) and stripped[0] not in "12":
        errors.append(Issue("bad_kind_digit", "kind", 1, variant="ntt_kind_digit"))
    part = stripped[1:10]
    if siren is not None and _ascii_digits(part) and part != siren:
        errors.append(Issue("siren_mismatch", "siren", 2))
    warnings = []
    if not errors and not siren_is_plausible(part):
        warnings.append(Issue("siren_not_luhn", "siren", 2, "warning"))
    return Found(stripped, errors, warnings)


def read(
    family: Family, text: str, *, before_2012: bool = False, siren: str | None = None
) -> Found:
    """Read ``text`` as one of the three families (``siren`` already clean)."""
    if family is Family.NNP:
        return read_nnp(text, before_2012=before_2012)
    if family is Family.MIG:
        return read_mig(text)
    if family is Family.NTT:
        return read_ntt(text, siren=siren)
    msg = f"read() reads nnp, mig or ntt, not {family!r}"
    raise ValueError(msg)
