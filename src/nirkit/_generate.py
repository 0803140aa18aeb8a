"""Constructed numbers for tests: valid ones of a chosen shape, and invalid ones
that break exactly one rule.

One core builds every number from a :class:`~nirkit._choices.Source` of
choices. ``generate`` feeds it a :class:`random.Random`; ``nirkit.strategies``
feeds it Hypothesis draws, so that both make the same numbers and Hypothesis
can shrink them (every first option and every low integer is the "simplest"
choice). The other identifiers (NNP, MIG, NTT) are built by
``_generate_family``; ``make_any_options`` and ``build_any`` take either.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final, Literal, TypedDict, TypeGuard, Unpack, get_args

from nirkit._checks import OVERSEAS, SPECIMENS, month_ok
from nirkit._choices import RandomSource, Source, Spelling, as_parameter, check, conflict
from nirkit._data.countries import COUNTRIES
from nirkit._data.departments import DEPARTMENTS
from nirkit._generate_family import (
    SIREN_NEEDS_NTT,
    FamilyErrorCode,
    FamilyOptions,
    build_family,
    make_family_options,
)
from nirkit._key import key_of
from nirkit._kinds import Family, FamilyName, Kind, MonthKind, PlaceKind
from nirkit._model import RegisteredSex, place_kind_of
from nirkit._profiles import STANDARD

ErrorCode = Literal[
    "bad_length",
    "bad_character",
    "bad_kind_digit",
    "bad_month",
    "bad_department",
    "bad_commune",
    "bad_country",
    "bad_order",
    "key_out_of_range",
    "key_mismatch",
]
KindName = Literal["definitive", "waiting", "provisional"]
PlaceKindName = Literal["metropolitan", "corsica", "overseas", "abroad", "north_africa"]
MonthKindName = Literal["real", "incomplete_record", "unknown"]

#: Every error code a generated invalid number can carry, in the order of RULES.md.
ERROR_CODES: Final[tuple[ErrorCode, ...]] = get_args(ErrorCode)

# Choices are listed simplest first: Hypothesis shrinks towards the first one.
_KINDS: Final = (Kind.DEFINITIVE, Kind.WAITING, Kind.PROVISIONAL)
_PLACE_KINDS: Final = (
    PlaceKind.METROPOLITAN,
    PlaceKind.CORSICA,
    PlaceKind.OVERSEAS,
    PlaceKind.ABROAD,
    PlaceKind.NORTH_AFRICA,
)
_MONTH_KINDS: Final = (MonthKind.REAL, MonthKind.INCOMPLETE_RECORD, MonthKind.UNKNOWN)
_SEX_DIGITS: Final = {
    Kind.DEFINITIVE: ("1", "2"),
    Kind.WAITING: ("3", "4"),
    Kind.PROVISIONAL: ("7", "8"),
}
_METROPOLITAN: Final = tuple(
    code for code, meanings in DEPARTMENTS.items() if meanings[-1][1] == "metropolitan"
)
_OVERSEAS: Final = tuple(sorted(OVERSEAS))
# 99100 is France itself: a birth "abroad in France" makes poor test data.
_COUNTRIES: Final = tuple(sorted(code for code in COUNTRIES if code != "99100"))
_DEPARTMENTS_OF: Final = {
    PlaceKind.METROPOLITAN: _METROPOLITAN,
    PlaceKind.OVERSEAS: _OVERSEAS,
    PlaceKind.ABROAD: ("99",),
    PlaceKind.NORTH_AFRICA: ("96",),
}
_SPECIMEN_BODIES: Final = frozenset(specimen[:13] for specimen in SPECIMENS)

# 2A/2B with a year 00-25 or 76-99 means a birth from 1976 on under any reference
# year from 2025 to 2075, and 20 with a year 00-75 a birth before 1976: neither
# carries a Corsica warning.
_CORSICA_NEW: Final = ("2A", "2B")
_LAST_SAFE_NEW_YEAR: Final = 25
# 96 is Tunisia before its independence (1956): a year 00-56 fits.
_LAST_NORTH_AFRICA_YEAR: Final = 56

_BAD_KIND_DIGITS: Final = ("0", "5", "6", "9")
_BAD_MONTHS: Final = (0, *range(13, 20), *range(43, 50))
_BAD_DEPARTMENTS: Final = ("00", "970", "979", "980", "981", "982", "983")
_BAD_CHARACTERS: Final = ("O", "X", "/", "_", "I", "?")
_BAD_KEYS: Final = ("00", "98", "99")


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller asked for, checked once (see :func:`make_options`)."""

    kind: Kind | None
    registered_sex: RegisteredSex | None
    year: int | None
    month_code: int | None
    month_kind: MonthKind | None
    place_kind: PlaceKind | None
    department: str | None
    country: str | None
    error: ErrorCode | None


def _check_country(country: str | None, department: str | None, spell: Spelling) -> None:
    if country is None:
        return
    check(
        (
            (
                len(country) != 5 or not country.isdigit() or not country.startswith("99"),
                "{country} is a 5-digit INSEE code starting with 99, such as '99126'",
            ),
            (country == "99000", "{country} 99000 is not a country: use {error=bad_country}"),
            (department not in (None, "99"), "a {country} needs {department=99} (born abroad)"),
        ),
        spell,
    )


def _resolve_place(
    place_kind: PlaceKind | PlaceKindName | None,
    department: str | None,
    country: str | None,
    spell: Spelling,
) -> tuple[PlaceKind | None, str | None]:
    _check_country(country, department, spell)
    resolved = None if place_kind is None else PlaceKind(place_kind)
    if country is not None:
        department = "99"
    if department is None:
        return resolved, None
    department = department.upper()
    if department not in DEPARTMENTS:
        message = "unknown département code: use {error=bad_department} for a broken one"
        raise conflict(message, spell)
    derived = place_kind_of(department)
    if resolved not in (None, derived):
        message = f"département {department} is {derived.value}, not {resolved}"
        raise conflict(message, spell)
    return derived, department


class ShapeOptions(TypedDict, total=False):
    """The options of :func:`generate` that shape a valid number, for functions
    that pass them on (the strategies)."""

    kind: Kind | KindName | None
    registered_sex: RegisteredSex | None
    year: int | None
    month_code: int | None
    month_kind: MonthKind | MonthKindName | None
    place_kind: PlaceKind | PlaceKindName | None
    department: str | None
    country: str | None


def make_options(
    *,
    kind: Kind | KindName | None = None,
    registered_sex: RegisteredSex | None = None,
    year: int | None = None,
    month_code: int | None = None,
    month_kind: MonthKind | MonthKindName | None = None,
    place_kind: PlaceKind | PlaceKindName | None = None,
    department: str | None = None,
    country: str | None = None,
    error: ErrorCode | None = None,
    spell: Spelling = as_parameter,
) -> Options:
    """Check the options of :func:`generate`; raise ``ValueError`` when they conflict.

    The message names the options by ``spell`` (the command line names them its way).
    """
    check(
        (
            (
                error is not None and error not in ERROR_CODES,
                f"unknown {{error}} code {error!r}: use one of {', '.join(ERROR_CODES)}",
            ),
            (
                registered_sex not in (None, "male", "female"),
                "{registered_sex} must be 'male' or 'female'",
            ),
            (year is not None and not 0 <= year <= 99, "{year} is the 2-digit birth year: 0-99"),
            (
                month_code is not None and not month_ok(month_code, STANDARD),
                "{month_code} must be 1-12, 20-42 or 50-99",
            ),
            (
                month_code is not None and month_kind is not None,
                "give {month_code} or {month_kind}, not both",
            ),
        ),
        spell,
    )
    resolved_kind = None if kind is None else Kind(kind)
    resolved_month_kind = None if month_kind is None else MonthKind(month_kind)
    resolved_place, department = _resolve_place(place_kind, department, country, spell)
    check(
        (
            (
                error == "bad_kind_digit" and (kind is not None or registered_sex is not None),
                "{error=bad_kind_digit} replaces the kind digit: give no {kind} nor "
                "{registered_sex}",
            ),
            (
                error == "bad_month" and (month_code is not None or month_kind is not None),
                "{error=bad_month} replaces the month: give no {month_code} nor {month_kind}",
            ),
            (
                error == "bad_department" and resolved_place is not None,
                "{error=bad_department} replaces the place: give no place option",
            ),
            (
                error == "bad_country" and resolved_place not in (None, PlaceKind.ABROAD),
                "{error=bad_country} needs a birth abroad",
            ),
            (
                error == "bad_commune" and resolved_place is PlaceKind.ABROAD,
                "{error=bad_commune} needs a birth in France: abroad has a country",
            ),
        ),
        spell,
    )
    return Options(
        kind=resolved_kind,
        registered_sex=registered_sex,
        year=year,
        month_code=month_code,
        month_kind=resolved_month_kind,
        place_kind=resolved_place,
        department=department,
        country=country,
        error=error,
    )


def _month(source: Source, options: Options) -> int:
    if options.month_code is not None:
        return options.month_code
    kind = options.month_kind or source.choice(_MONTH_KINDS)
    if kind is MonthKind.REAL:
        return source.integer(1, 12)
    if kind is MonthKind.INCOMPLETE_RECORD:
        return source.integer(31, 42)
    index = source.integer(0, 10 + 50)  # 20-30, then 50-99
    return 20 + index if index <= 10 else 50 + index - 11


def _department(source: Source, options: Options, year: int | None) -> str:
    if options.department is not None:
        return options.department
    place_kind = options.place_kind
    if place_kind is None:
        # A broken commune needs a commune; a broken country needs a country.
        if options.error == "bad_commune":
            place_kind = source.choice(_PLACE_KINDS[:3] + _PLACE_KINDS[4:])
        elif options.error == "bad_country":
            place_kind = PlaceKind.ABROAD
        else:
            place_kind = source.choice(_PLACE_KINDS)
    if place_kind is not PlaceKind.CORSICA:
        return source.choice(_DEPARTMENTS_OF[place_kind])
    # Corsica: the code must agree with the year (see _CORSICA_NEW).
    if year is None or year <= _LAST_SAFE_NEW_YEAR:
        return source.choice((*_CORSICA_NEW, "20"))
    return "20" if year < 76 else source.choice(_CORSICA_NEW)


def _year(source: Source, department: str) -> int:
    if department in _CORSICA_NEW:
        index = source.integer(0, 49)  # 00-25, then 76-99
        return index if index <= _LAST_SAFE_NEW_YEAR else index + 50
    if department == "20":
        return source.integer(0, 75)
    if department == "96":
        return source.integer(0, _LAST_NORTH_AFRICA_YEAR)
    return source.integer(0, 99)


def _place_digits(source: Source, options: Options, department: str) -> str:
    if department == "99":
        return options.country or source.choice(_COUNTRIES)
    if len(department) == 3:
        return f"{department}{source.integer(1, 99):02d}"
    return f"{department}{source.integer(1, 999):03d}"


def _valid_body(source: Source, options: Options) -> str:
    kind = options.kind or source.choice(_KINDS)
    female_male = _SEX_DIGITS[kind]
    if options.registered_sex is None:
        sex_digit = source.choice(female_male)
    else:
        sex_digit = female_male[options.registered_sex == "female"]
    # The year is drawn after the département unless it was given, so that the
    # two agree (Corsica, North Africa).
    department = _department(source, options, options.year)
    year = options.year if options.year is not None else _year(source, department)
    month = _month(source, options)
    place = _place_digits(source, options, department)
    order = source.integer(1, 999)
    return f"{sex_digit}{year:02d}{month:02d}{place}{order:03d}"


def _with_key(body: str) -> str:
    return f"{body}{key_of(body):02d}"


def _break_length(source: Source, body: str, key: str) -> str:
    variant = source.integer(0, 2)
    if variant == 0:
        return body  # the key is missing
    if variant == 1:
        return body + key[0]
    return body + key + str(source.integer(0, 9))


def _break_character(source: Source, body: str, key: str) -> str:
    whole = body + key
    position = source.integer(0, 14)
    return whole[:position] + source.choice(_BAD_CHARACTERS) + whole[position + 1 :]


def _break_key(source: Source, body: str, key: str) -> str:
    wrong = source.integer(1, 96)  # any key but the right one
    return f"{body}{wrong if wrong < int(key) else wrong + 1:02d}"


def _break_department(source: Source, body: str) -> str:
    department = source.choice(_BAD_DEPARTMENTS)
    if len(department) == 2:
        rest = f"{source.integer(1, 999):03d}"
    else:
        rest = f"{source.integer(1, 99):02d}"
    return body[:5] + department + rest + body[10:]


def _break_place(body: str) -> str:
    if body[5:7] in ("97", "98"):  # overseas: a 2-digit commune
        return body[:8] + "00" + body[10:]
    return body[:7] + "000" + body[10:]


def _break(source: Source, body: str, error: ErrorCode) -> str:
    """``body`` (valid) broken by exactly ``error``, with the key of the broken body."""
    key = f"{key_of(body):02d}"
    if error == "bad_length":
        return _break_length(source, body, key)
    if error == "bad_character":
        return _break_character(source, body, key)
    if error == "key_out_of_range":
        return body + source.choice(_BAD_KEYS)
    if error == "key_mismatch":
        return _break_key(source, body, key)
    if error == "bad_kind_digit":
        broken = source.choice(_BAD_KIND_DIGITS) + body[1:]
    elif error == "bad_month":
        broken = f"{body[:3]}{source.choice(_BAD_MONTHS):02d}{body[5:]}"
    elif error == "bad_department":
        broken = _break_department(source, body)
    elif error == "bad_order":
        broken = body[:10] + "000"
    else:  # bad_commune, bad_country
        broken = _break_place(body)
    return _with_key(broken)


def build(source: Source, options: Options) -> str:
    """A number made of ``source``'s choices, as ``options`` ask (see :func:`generate`)."""
    body = _valid_body(source, options)
    while body in _SPECIMEN_BODIES:  # a published specimen is nobody's test data
        body = _valid_body(source, options)
    if options.error is None:
        return _with_key(body)
    return _break(source, body, options.error)


def is_nir_error(code: str | None) -> TypeGuard[ErrorCode | None]:
    """Whether ``code`` is ``None`` or one of :data:`ERROR_CODES`."""
    return code is None or code in ERROR_CODES


def make_any_options(
    *,
    family: Family | FamilyName = "nir",
    siren: str | None = None,
    error: ErrorCode | FamilyErrorCode | None = None,
    spell: Spelling = as_parameter,
    **shape: Unpack[ShapeOptions],
) -> Options | FamilyOptions:
    """Check the options of :func:`generate`, of any family; ``ValueError`` when they conflict.

    The message names the options by ``spell``, as :func:`make_options` does.
    """
    resolved = Family(family)
    if resolved is not Family.NIR:
        nir_only = {name for name, value in shape.items() if value is not None} - {"registered_sex"}
        if nir_only:
            named = ", ".join(f"{{{name}}}" for name in sorted(nir_only))
            message = f"{named}: NIR options; give none with {{family={resolved}}}"
            raise conflict(message, spell)
        registered_sex = shape.get("registered_sex")
        return make_family_options(
            resolved, registered_sex=registered_sex, siren=siren, error=error, spell=spell
        )
    if siren is not None:
        raise conflict(SIREN_NEEDS_NTT, spell)
    if not is_nir_error(error):
        message = f"unknown {{error}} code {error!r} for a NIR: use one of {', '.join(ERROR_CODES)}"
        raise conflict(message, spell)
    return make_options(error=error, spell=spell, **shape)


def build_any(source: Source, options: Options | FamilyOptions) -> str:
    """A number or value of any family, as ``options`` ask."""
    if isinstance(options, FamilyOptions):
        return build_family(source, options)
    return build(source, options)


def generate(
    *,
    family: Family | FamilyName = "nir",
    kind: Kind | KindName | None = None,
    registered_sex: RegisteredSex | None = None,
    year: int | None = None,
    month_code: int | None = None,
    month_kind: MonthKind | MonthKindName | None = None,
    place_kind: PlaceKind | PlaceKindName | None = None,
    department: str | None = None,
    country: str | None = None,
    siren: str | None = None,
    error: ErrorCode | FamilyErrorCode | None = None,
    rng: random.Random | None = None,
) -> str:
    """A constructed number for tests, in compact form.

    ``family`` is ``"nir"`` (the default); for ``"nnp"``, ``"mig"`` and
    ``"ntt"``, only ``registered_sex``, ``siren`` (an NTT's employer) and
    ``error`` apply (``docs/hypothesis.md``). What follows is about NIRs.

    Every option left at ``None`` is drawn at random: ``kind`` (definitive,
    waiting, provisional), ``registered_sex``, ``year`` (2 digits, 0-99),
    ``month_code`` or ``month_kind`` (real, incomplete record, unknown),
    ``place_kind`` (metropolitan, Corsica, overseas, abroad, North Africa), or a
    ``department`` code (``"75"``, ``"2A"``, ``"971"``, ``"99"``) or a
    ``country`` (a 5-digit INSEE code, ``"99126"``). Kinds, place kinds and
    month kinds are drawn with equal chances, so the hard cases are common.

    The result is valid under the standard and strict profiles, with no
    warning, unless options given together ask for one (a ``department="2A"``
    with ``year=50`` is a birth before 1976, so it warns). It is never a
    published specimen.

    With ``error``, the result breaks exactly that rule and no other:
    ``nirkit.diagnose(result).errors`` is one issue with that code, and the key
    is the right one for the broken body wherever a key can be computed.

    The same ``rng`` state gives the same number; ``rng=None`` uses a fresh,
    unseeded :class:`random.Random`. Raises ``ValueError`` for options that
    cannot be met together.

    >>> import random, nirkit
    >>> number = generate(kind="provisional", place_kind="overseas", rng=random.Random(1))
    >>> parsed = nirkit.parse(number)
    >>> parsed.kind, parsed.place.kind
    (<Kind.PROVISIONAL: 'provisional'>, <PlaceKind.OVERSEAS: 'overseas'>)
    >>> [issue.code for issue in nirkit.diagnose(generate(error="bad_month")).errors]
    ['bad_month']
    """
    options = make_any_options(
        family=family,
        kind=kind,
        registered_sex=registered_sex,
        year=year,
        month_code=month_code,
        month_kind=month_kind,
        place_kind=place_kind,
        department=department,
        country=country,
        siren=siren,
        error=error,
    )
    return build_any(RandomSource(rng or random.Random()), options)
