"""The core properties of issue 2: normalisation, typos, totality, privacy."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import nirkit
from nirkit._checks import find_errors
from nirkit._normalize import clean
from nirkit._profiles import LENIENT, STANDARD, STRICT
from tests.property.numbers import SEPARATORS, decorated, near_numbers, valid_numbers

PROFILES = ["lenient", "standard", "strict"]
texts = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="0123456789 .-AB", max_size=20),
    near_numbers,
    valid_numbers,
)


def outcome(text: str, profile: str) -> tuple[bool, list[str]]:
    diagnosis = nirkit.diagnose(text, profile=profile)  # type: ignore[arg-type]
    return diagnosis.valid, [issue.code for issue in diagnosis.errors + diagnosis.warnings]


@given(
    st.one_of(near_numbers, valid_numbers).flatmap(lambda n: st.tuples(st.just(n), decorated(n)))
)
def test_separators_never_change_the_outcome(pair: tuple[str, str]) -> None:
    number, spelled = pair
    for profile in PROFILES:
        assert outcome(spelled, profile) == outcome(number, profile)


@given(valid_numbers, st.sampled_from(SEPARATORS))
def test_compact_of_formatted_is_compact(number: str, separator: str) -> None:
    formatted = nirkit.format_nir(number)
    assert nirkit.compact(formatted) == nirkit.compact(number) == number
    assert nirkit.validate(formatted.replace(" ", separator)) == number


@given(valid_numbers, st.integers(0, 12), st.integers(1, 9))
def test_every_single_digit_substitution_in_the_body_is_rejected(
    number: str, index: int, shift: int
) -> None:
    if not number[index].isdigit():
        return  # the A or B of 2A/2B: not a digit to substitute
    typo = number[:index] + str((int(number[index]) + shift) % 10) + number[index + 1 :]
    assert not nirkit.is_valid(typo)
    assert not nirkit.is_valid(typo, profile="lenient")


@given(valid_numbers, st.integers(0, 11))
def test_every_adjacent_transposition_in_the_body_is_rejected(number: str, index: int) -> None:
    first, second = number[index], number[index + 1]
    if first == second:
        return  # swapping equal characters changes nothing
    typo = number[:index] + second + first + number[index + 2 :]
    assert not nirkit.is_valid(typo)
    assert not nirkit.is_valid(typo, profile="lenient")


@given(texts)
def test_diagnose_agrees_with_is_valid(text: str) -> None:
    for profile in PROFILES:
        diagnosis = nirkit.diagnose(text, profile=profile)  # type: ignore[arg-type]
        assert diagnosis.valid == nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]
        assert diagnosis.valid == (not diagnosis.errors)
        assert (diagnosis.nir is not None) == diagnosis.valid


@given(texts)
def test_the_fast_pattern_and_the_rules_agree(text: str) -> None:
    if len(text) > 64:
        return
    for profile in (LENIENT, STANDARD, STRICT):
        accepted = nirkit.is_valid(text, profile=profile)
        rule_errors = find_errors(clean(text), profile)
        if accepted:
            assert rule_errors == []
        elif not rule_errors:
            # Only the strict profile refuses a number the rules accept: for a warning.
            assert profile is STRICT
            assert nirkit.diagnose(text, profile=profile).errors


@given(st.text(max_size=200))
def test_diagnose_never_raises(text: str) -> None:
    for profile in PROFILES:
        nirkit.diagnose(text, profile=profile)  # type: ignore[arg-type]
        nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]


LONG_DIGIT_RUN = re.compile(r"\d{5,}")  # messages hold short numbers (positions, ranges, 1976)


@given(st.one_of(near_numbers, valid_numbers))
def test_no_message_repr_or_str_contains_the_number(number: str) -> None:
    shown: list[str] = []
    for profile in PROFILES:
        diagnosis = nirkit.diagnose(number, profile=profile)  # type: ignore[arg-type]
        shown.append(repr(diagnosis))
        for issue in diagnosis.errors + diagnosis.warnings:
            shown += [issue.message("en"), issue.message("fr"), repr(issue), str(issue)]
        if diagnosis.nir is not None:
            shown += [str(diagnosis.nir), repr(diagnosis.nir), f"{diagnosis.nir}"]
        try:
            nirkit.parse(number, profile=profile)  # type: ignore[arg-type]
        except nirkit.NIRError as error:
            shown += [str(error), repr(error), error.message_fr, str(error.args)]
    for text in shown:
        assert not LONG_DIGIT_RUN.search(text), text
        assert number[1:] not in text
