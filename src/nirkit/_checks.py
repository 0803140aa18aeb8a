"""The rules of RULES.md sections 4 and 5, one by one.

The fast path in ``_api`` accepts valid numbers with one regular expression;
this module explains why a number is not valid (every broken rule, in the
documented order) and finds the warnings of a valid one.
"""

from __future__ import annotations

from typing import Final

from nirkit._data.countries import COUNTRIES
from nirkit._issues import Issue
from nirkit._key import key_of
from nirkit._normalize import first_bad_character
from nirkit._profiles import Profile

_DOUBTFUL_DEPARTMENTS: Final = frozenset({"2A", "2B", "20", "99"})  # may carry a warning
OVERSEAS: Final = frozenset([f"97{d}" for d in "12345678"] + [f"98{d}" for d in "456789"])
# Published specimens and worked examples (compact form). Matching them is a
# warning: they are not anyone's number, so they must not be used as data.
SPECIMENS: Final = frozenset(
    {
        "269054958815780",  # the Carte Vitale specimen
        "185057800608491",  # the ameli.fr illustration (printed with a wrong key, 36)
        "137047624348415",  # the worked key example of French Wikipedia
    }
)


def _digits(part: str) -> bool:
    return part.isascii() and part.isdigit()  # isdigit() alone admits other scripts


def month_ok(code: int, profile: Profile) -> bool:
    if 1 <= code <= 12 or 20 <= code <= 42 or code >= 50:
        return True
    return profile.month_43_49_allowed and 43 <= code <= 49


def find_errors(cleaned: str, profile: Profile) -> list[Issue]:
    """Every rule a clean string breaks, first error first; empty when valid."""
    errors: list[Issue] = []
    if len(cleaned) != 15 and (profile.key_required or len(cleaned) != 13):
        variant = "key_missing" if len(cleaned) == 13 else None
        errors.append(Issue("bad_length", "length", variant=variant))
    bad = first_bad_character(cleaned)
    if bad is not None:
        errors.append(Issue("bad_character", "character", bad + 1))
    if errors and errors[0].code == "bad_length":
        return errors  # the fields cannot be located
    errors.extend(_field_errors(cleaned, profile, body_clean=bad is None or bad >= 13))
    return errors


def _zero(part: str, profile: Profile) -> bool:
    return not profile.zero_fields_allowed and _digits(part) and int(part) == 0


def _field_errors(c: str, profile: Profile, *, body_clean: bool) -> list[Issue]:
    errors: list[Issue] = []
    if _digits(c[0]) and c[0] not in "123478":
        errors.append(Issue("bad_kind_digit", "kind", 1))
    if _digits(c[3:5]) and not month_ok(int(c[3:5]), profile):
        errors.append(Issue("bad_month", "month", 4))
    department = c[5:7]
    overseas = department in ("97", "98") and _digits(c[7])
    if department == "00" or (overseas and c[5:8] not in OVERSEAS):
        errors.append(Issue("bad_department", "department", 6))
    elif overseas:
        if _zero(c[8:10], profile):
            errors.append(Issue("bad_commune", "commune", 9))
    elif department not in ("97", "98") and _zero(c[7:10], profile):
        field = "country" if department == "99" else "commune"
        errors.append(Issue(f"bad_{field}", field, 8))
    if _zero(c[10:13], profile):
        errors.append(Issue("bad_order", "order", 11))
    if len(c) == 15 and _digits(c[13:]):
        key = int(c[13:])
        if not 1 <= key <= 97:
            errors.append(Issue("key_out_of_range", "key", 14))
        elif body_clean and key_of(c[:13]) != key:
            errors.append(Issue("key_mismatch", "key", 14))
    return errors


def find_warnings(compact_form: str, profile: Profile) -> tuple[Issue, ...]:
    """The warnings of a valid number in compact form (15 characters)."""
    department = compact_form[5:7]
    if department not in _DOUBTFUL_DEPARTMENTS and compact_form not in SPECIMENS:
        return ()  # the common case, decided without building anything
    warnings: list[Issue] = []
    year = int(compact_form[1:3])
    if department in ("2A", "2B"):
        reference = profile.year()
        latest = reference - (reference - year) % 100  # latest year ending in `year`
        if latest < 1976:
            warnings.append(Issue("corsica_before_1976", "department", 6, "warning"))
    elif department == "20" and year >= 76:
        warnings.append(Issue("corsica_20_after_1975", "department", 6, "warning"))
    elif department == "99" and "99" + compact_form[7:10] not in COUNTRIES:
        warnings.append(Issue("unknown_country", "country", 8, "warning"))
    if compact_form in SPECIMENS:
        warnings.append(Issue("specimen", "number", None, "warning"))
    return tuple(warnings)
