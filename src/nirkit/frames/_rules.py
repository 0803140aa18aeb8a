"""RULES.md as column expressions, written once with narwhals for every engine.

The expressions decide a row as ``nirkit.diagnose`` does, for every row an
engine can decide natively: text that is ASCII once the separators (NBSP and
narrow NBSP included) are gone. Other rows need Unicode normalisation (NFKC),
which engines do not do alike: the ``rare`` column marks them, and
``nirkit.frames`` hands them to the scalar core. Every cast is guarded, so that
no engine ever casts a non-digit.

The work is split in stages of named columns, each stage using the previous
ones: SQL engines (Spark above all) would otherwise receive one expression tree
with every intermediate value repeated many times over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import reduce
from typing import Any, Final

import narwhals as nw

from nirkit._checks import OVERSEAS, SPECIMENS
from nirkit._data.countries import COUNTRIES
from nirkit._format import masked
from nirkit._kinds import KIND_OF_DIGIT, Kind
from nirkit._normalize import _CLEAN, MAX_INPUT_LENGTH
from nirkit._profiles import Profile

# What `clean` removes, with the two spaces that NFKC turns into a removed space,
# in a character class that every engine's regular expressions read alike.
_SEPARATORS: Final = "[ \t.\u00a0\u202f-]"
NOT_ASCII: Final = r"[^\x00-\x7F]"
# Only digits, but 2A or 2B at positions 6-7 (`first_bad_character`). \A and \z
# anchor alike in Rust, RE2 and Java, where `$` may stop before a final newline.
_DIGITS: Final = r"\A[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]*\z"
PREFIX: Final = "__nirkit_"  # temporary columns, dropped before the frame is returned

Stage = dict[str, nw.Expr]


def tmp(name: str) -> nw.Expr:
    return nw.col(PREFIX + name)


def null_text() -> nw.Expr:
    return nw.lit(None, nw.String)


def first_of(cases: Sequence[tuple[nw.Expr, nw.Expr]], otherwise: nw.Expr) -> nw.Expr:
    """``CASE WHEN ... THEN ... END``: the first true condition wins (nested, for every engine)."""
    return reduce(
        lambda rest, case: nw.when(case[0]).then(case[1]).otherwise(rest),
        reversed(cases),
        otherwise,
    )


# `_normalize.clean`'s own table, as pairs for Polars' multi-pattern replacement.
CLEAN_FROM: Final = tuple(chr(code) for code in _CLEAN)
CLEAN_TO: Final = tuple(to or "" for to in _CLEAN.values())


def lookup(key: nw.Expr, values: Mapping[Any, str | None]) -> nw.Expr:
    """``values[key]`` (null when absent), as conditions: Polars' ``replace_strict``
    is not a streaming operation, and holds the whole column in memory."""
    return first_of([(key == k, nw.lit(v, nw.String())) for k, v in values.items()], null_text())


def cleaning(column: str) -> list[Stage]:
    """``c``: ``_normalize.clean`` for text needing no NFKC; ``long``; ``size``; ``rare``."""
    text = nw.col(column)
    without = text.str.replace_all(_SEPARATORS, "", literal=False)
    c = without.str.replace_all("a", "A", literal=True).str.replace_all("b", "B", literal=True)
    return [
        {PREFIX + "c": c, PREFIX + "long": text.str.len_chars() > MAX_INPUT_LENGTH},
        {
            PREFIX + "size": tmp("c").str.len_chars(),
            PREFIX + "rare": ~tmp("long") & tmp("c").str.contains(NOT_ASCII, literal=False),
        },
    ]


def _corsica_years(profile: Profile) -> list[int]:
    """The years for which 2A/2B gets ``corsica_before_1976`` (as in ``_checks``)."""
    reference = profile.year()
    return [y for y in range(100) if reference - (reference - y) % 100 < 1976]


def checking(column: str, profile: Profile, *, waiting: bool, warning: bool) -> list[Stage]:
    """Stages giving ``valid``, ``kind``, ``error``, ``compact``, ``key_given`` (and ``warning``).

    ``error`` is the first error of ``diagnose``; ``warning`` the first warning
    of a valid number (an error under a profile that turns warnings into errors).
    The fields are read from the body as one 13-digit integer (2A and 2B as 19
    and 18, as the key wants them): integer arithmetic is cheaper than a string
    slice per field on every engine.
    """
    text, c, size = nw.col(column), tmp("c"), tmp("size")
    kinds = {
        int(digit): (Kind.WAITING if waiting and kind is Kind.DEFINITIVE else kind).value
        for digit, kind in KIND_OF_DIGIT.items()
    }
    pair, body = tmp("pair"), tmp("body")  # pair: positions 6-7, where 2A/2B hold a letter
    length_ok = size == 15
    if not profile.key_required:
        length_ok = length_ok | (size == 13)

    def field(start: int, width: int) -> nw.Expr:
        """Positions ``start + 1`` to ``start + width`` of the body, as a number."""
        divisor: int = 10 ** (13 - start - width)
        modulus: int = 10**width
        return (body // divisor) % modulus

    def is_zero(start: int, width: int) -> nw.Expr:
        return nw.lit(value=False) if profile.zero_fields_allowed else field(start, width) == 0

    month = field(3, 2)
    month_ok = month.is_between(1, 12) | month.is_between(20, 42) | (month >= 50)
    if profile.month_43_49_allowed:
        month_ok = month_ok | month.is_between(43, 49)
    corsica = pair.is_in(["2A", "2B"])
    department = field(5, 2)  # 19 and 18 for 2A and 2B: `corsica` tells them apart
    overseas = department.is_in([97, 98])
    keyless, key, given = size == 13, tmp("key"), tmp("given")
    errors = [
        (tmp("long") | ~length_ok, "bad_length"),
        (tmp("bad_character"), "bad_character"),
        (~field(0, 1).is_in(sorted(kinds)), "bad_kind_digit"),
        (~month_ok, "bad_month"),
        (
            (department == 0) | (overseas & ~field(5, 3).is_in(sorted(map(int, OVERSEAS)))),
            "bad_department",
        ),
        (overseas & is_zero(8, 2), "bad_commune"),
        (~overseas & is_zero(7, 3) & (department == 99), "bad_country"),
        (~overseas & is_zero(7, 3), "bad_commune"),
        (is_zero(10, 3), "bad_order"),
        (~keyless & ((given < 1) | (given > 97)), "key_out_of_range"),
        (~keyless & (given != key), "key_mismatch"),
    ]
    year, compact = field(1, 2), tmp("full")
    abroad = ~corsica & (department == 99)
    countries = sorted(int(code) - 99000 for code in COUNTRIES)
    warnings = [
        (corsica & year.is_in(_corsica_years(profile)), "corsica_before_1976"),
        (~corsica & (department == 20) & (year >= 76), "corsica_20_after_1975"),
        (abroad & ~field(7, 3).is_in(countries), "unknown_country"),
        (compact.is_in(sorted(SPECIMENS)), "specimen"),
    ]
    if profile.warnings_are_errors:
        errors += warnings
    # The first broken rule as its rank (0: none), turned into its code once:
    # a chain of integers costs less than a chain of texts.
    codes = [code for _, code in errors]
    rank = first_of([(when, nw.lit(i)) for i, (when, _) in enumerate(errors, 1)], nw.lit(0))
    valid, digit = tmp("valid"), field(0, 1)
    digits = c.str.slice(0, 13).str.replace_all("2A", "19", literal=True)
    digits = digits.str.replace_all("2B", "18", literal=True)
    shaped = tmp("shaped")
    stages: list[Stage] = [
        {
            PREFIX + "pair": c.str.slice(5, 2),
            PREFIX + "bad_character": ~c.str.contains(_DIGITS, literal=False),
        },
        {PREFIX + "shaped": ~tmp("long") & length_ok & ~tmp("bad_character")},
        {
            # Guarded: no engine ever casts a text that is not digits.
            PREFIX + "body": nw.when(shaped).then(digits).otherwise(nw.lit("0")).cast(nw.Int64),
            PREFIX + "given": nw.when(shaped & ~keyless)
            .then(c.str.slice(13, 2))
            .otherwise(nw.lit("0"))
            .cast(nw.Int64),
        },
        {PREFIX + "key": nw.lit(97) - body % 97},
        {
            # Where the key is required, a valid number is its cleaned text.
            PREFIX + "full": c
            if profile.key_required
            else nw.when(keyless)
            .then(nw.concat_str(c, key.cast(nw.String).str.zfill(2)))
            .otherwise(c),
        },
        {PREFIX + "rank": nw.when(~text.is_null()).then(rank)},
        {
            PREFIX + "valid": tmp("rank") == 0,
            PREFIX + "error": lookup(tmp("rank"), dict(enumerate(codes, 1))),
        },
        {
            PREFIX + "kind": nw.when(valid).then(lookup(digit, kinds)),
            PREFIX + "compact": nw.when(valid).then(compact),
            PREFIX + "key_given": nw.when(valid).then(~keyless),
        },
    ]
    if warning:
        first_warning = first_of(
            [(~valid | text.is_null(), null_text())]
            + [(when, nw.lit(code)) for when, code in warnings],
            null_text(),
        )
        stages.append({PREFIX + "warning": first_warning})
    return stages


def masking() -> list[Stage]:
    """``nirkit.mask``: the first character, dots for the rest; null where ``mask`` raises."""
    first, size = tmp("c").str.slice(0, 1), tmp("size")
    # After the first character, the core's masked form of each length that has one.
    cases = [(size == n, nw.concat_str(first, nw.lit(masked("0" * n)[1:]))) for n in (15, 13)]
    return [{PREFIX + "masked": first_of([(tmp("long"), null_text()), *cases], null_text())}]
