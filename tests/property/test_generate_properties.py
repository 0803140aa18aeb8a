"""Properties of ``nirkit.generate``: any seed, any consistent options.

The options are drawn by Hypothesis and the number by ``random.Random(seed)``,
so these properties cover the ``random`` side of the generator; the
Hypothesis side (``nirkit.strategies``) has its own tests.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import nirkit
from nirkit import STRICT, Kind, MonthKind, PlaceKind, Profile
from nirkit._checks import SPECIMENS
from nirkit._data.departments import DEPARTMENTS
from nirkit._generate import ERROR_CODES, ErrorCode

seeds = st.integers(0, 2**64)
departments = st.sampled_from(sorted(DEPARTMENTS))


@st.composite
def valid_options(draw: st.DrawFn) -> dict[str, Any]:
    """A consistent set of options: each one given or left to the generator."""
    options: dict[str, Any] = {}
    if draw(st.booleans()):
        options["kind"] = draw(st.sampled_from(list(Kind)))
    if draw(st.booleans()):
        options["registered_sex"] = draw(st.sampled_from(["male", "female"]))
    place = draw(st.sampled_from(["none", "place_kind", "department", "country"]))
    if place == "place_kind":
        options["place_kind"] = draw(st.sampled_from(list(PlaceKind)))
    elif place == "department":
        options["department"] = draw(departments)
    elif place == "country":
        options["country"] = draw(st.sampled_from(["99126", "99352", "99509", "99135"]))
    month = draw(st.sampled_from(["none", "code", "kind"]))
    if month == "code":
        options["month_code"] = draw(
            st.one_of(st.integers(1, 12), st.integers(20, 42), st.integers(50, 99))
        )
    elif month == "kind":
        options["month_kind"] = draw(st.sampled_from(list(MonthKind)))
    if "department" not in options and draw(st.booleans()):
        options["year"] = draw(st.integers(0, 99))  # a given département may not fit any year
    return options


@given(valid_options(), seeds)
def test_valid_as_asked_without_warning(options: dict[str, Any], seed: int) -> None:
    number = nirkit.generate(rng=random.Random(seed), **options)
    parsed = nirkit.parse(number, profile=STRICT)  # strict: a warning raises
    assert parsed.compact == number
    assert number not in SPECIMENS
    assert parsed.kind == options.get("kind", parsed.kind)
    assert parsed.registered_sex == options.get("registered_sex", parsed.registered_sex)
    assert parsed.birth_year_2d == options.get("year", parsed.birth_year_2d)
    assert parsed.month_code == options.get("month_code", parsed.month_code)
    assert parsed.month_kind == options.get("month_kind", parsed.month_kind)
    assert parsed.place.kind == options.get("place_kind", parsed.place.kind)
    assert parsed.place.department_code == options.get("department", parsed.place.department_code)
    assert parsed.place.country_code == options.get("country", parsed.place.country_code)


@given(valid_options(), seeds)
def test_deterministic_for_a_seed(options: dict[str, Any], seed: int) -> None:
    first = nirkit.generate(rng=random.Random(seed), **options)
    assert nirkit.generate(rng=random.Random(seed), **options) == first


@given(valid_options(), seeds, st.integers(2025, 2075))
def test_no_corsica_warning_for_reference_years_to_2075(
    options: dict[str, Any], seed: int, reference_year: int
) -> None:
    options.pop("year", None)  # a given year with 2A/2B may mean a birth before 1976
    options.pop("department", None)
    profile = Profile("strict-ref", warnings_are_errors=True, reference_year=reference_year)
    assert nirkit.is_valid(nirkit.generate(rng=random.Random(seed), **options), profile=profile)


@st.composite
def error_and_options(draw: st.DrawFn) -> tuple[ErrorCode, dict[str, Any]]:
    """An error code and options that do not conflict with it."""
    code = draw(st.sampled_from(ERROR_CODES))
    options: dict[str, Any] = {}
    if code != "bad_kind_digit" and draw(st.booleans()):
        options["kind"] = draw(st.sampled_from(list(Kind)))
    if code != "bad_month" and draw(st.booleans()):
        options["month_kind"] = draw(st.sampled_from(list(MonthKind)))
    if code != "bad_department" and draw(st.booleans()):
        places = list(PlaceKind)
        if code == "bad_commune":
            places.remove(PlaceKind.ABROAD)
        if code == "bad_country":
            places = [PlaceKind.ABROAD]
        options["place_kind"] = draw(st.sampled_from(places))
    return code, options


@given(error_and_options(), seeds)
def test_invalid_variant_breaks_exactly_the_asked_rule(
    code_and_options: tuple[ErrorCode, dict[str, Any]], seed: int
) -> None:
    code, options = code_and_options
    number = nirkit.generate(error=code, rng=random.Random(seed), **options)
    for profile in ("standard", "strict"):
        assert [issue.code for issue in nirkit.diagnose(number, profile=profile).errors] == [code]
    if code not in ("bad_length", "bad_character", "key_out_of_range", "key_mismatch"):
        assert number[13:] == f"{nirkit.compute_key(number[:13]):02d}"  # the key is right
