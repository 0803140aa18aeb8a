"""NNP, MIG and NTT: totality, one rule at a time, masks, and no guessing.

The expected shapes are written here from RULES.md section 10 (regular
expressions over a normalisation done with ``unicodedata``), independent of
nirkit's checks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import nirkit
from nirkit import Family, NIRError
from nirkit._commands.family import shown
from nirkit._generate_family import FAMILY_ERROR_CODES
from nirkit._messages import MESSAGES
from nirkit.strategies import family_strings, invalid_family_strings
from tests.property.numbers import SEPARATORS, decorated

SIREN = "732829320"
PROFILES = ["lenient", "standard", "strict"]
FAMILIES = [Family.NNP, Family.MIG, Family.NTT]
PARSERS: dict[Family, Callable[..., Any]] = {
    Family.NNP: nirkit.parse_nnp,
    Family.MIG: nirkit.parse_mig,
    Family.NTT: nirkit.parse_ntt,
}
SHAPES = {
    Family.NNP: re.compile("[78][12](?!000)[0-9]{3}(?!0{8})[0-9]{8}"),
    Family.MIG: re.compile("[56][12](?!000)[0-9]{3}(?!0{8})[0-9]{8}"),
    Family.NTT: re.compile("[12][0-9]{9}[0-9A-Za-z]{1,30}"),
}
_REMOVED = str.maketrans(dict.fromkeys([*SEPARATORS, "."], None))

# Text near the families: digits, letters, separators, and the valid values.
texts = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="0123456789 .-aZé٣", max_size=45),
    st.sampled_from(FAMILIES).flatmap(family_strings),
    st.sampled_from(FAMILIES).flatmap(invalid_family_strings),
)


def _read(family: Family, text: str, **options: Any) -> Any:
    """The value, or the :class:`NIRError` raised: never anything else."""
    try:
        return PARSERS[family](text, **options)
    except NIRError as error:
        return error


def _accepted(family: Family, text: str, **options: Any) -> bool:
    return not isinstance(_read(family, text, **options), NIRError)


def _expected(family: Family, text: str) -> bool:
    """Whether ``text`` is a ``family`` value, by the rules alone (warnings aside)."""
    if len(text) > 64:
        return False
    if family is Family.NTT:
        form = text.strip()
    else:
        form = unicodedata.normalize("NFKC", text).translate(_REMOVED)
    return SHAPES[family].fullmatch(form) is not None


@given(texts, st.sampled_from(PROFILES), st.booleans(), st.sampled_from([None, SIREN]))
def test_totality(text: str, profile: str, before_2012: bool, siren: str | None) -> None:
    for family in FAMILIES:
        outcome = _read(family, text, profile=profile)
        if isinstance(outcome, NIRError):
            assert outcome.code in MESSAGES and outcome.message_fr
        else:
            assert outcome.compact and str(outcome)
    found = nirkit.candidates(text, profile=profile, before_2012=before_2012, siren=siren)  # type: ignore[arg-type]
    assert set(found) <= set(Family)


@given(texts)
def test_the_rules_agree_with_the_written_shapes(text: str) -> None:
    for family in FAMILIES:
        assert _accepted(family, text) == _expected(family, text), family


@given(texts, st.sampled_from(PROFILES), st.booleans(), st.sampled_from([None, SIREN]))
def test_candidates_are_the_families_whose_function_accepts(
    text: str, profile: str, before_2012: bool, siren: str | None
) -> None:
    expected = [Family.NIR] if nirkit.is_valid(text, profile=profile) else []  # type: ignore[arg-type]
    expected += [
        family
        for family, options in (
            (Family.NNP, {"before_2012": before_2012}),
            (Family.MIG, {}),
            (Family.NTT, {"siren": siren}),
        )
        if _accepted(family, text, profile=profile, **options)
    ]
    found = nirkit.candidates(text, profile=profile, before_2012=before_2012, siren=siren)  # type: ignore[arg-type]
    assert list(found) == expected


@given(
    st.sampled_from([(f, c) for f in FAMILIES for c in FAMILY_ERROR_CODES[f]]).flatmap(
        lambda pair: st.tuples(
            st.just(pair),
            invalid_family_strings(
                pair[0], pair[1], siren=SIREN if pair[0] is Family.NTT else None
            ),
        )
    )
)
def test_a_value_broken_on_purpose_fails_with_that_rule(
    drawn: tuple[tuple[Family, str], str],
) -> None:
    (family, code), text = drawn
    options = {"siren": SIREN} if family is Family.NTT else {}
    for profile in PROFILES:
        outcome = _read(family, text, profile=profile, **options)
        assert isinstance(outcome, NIRError) and outcome.code == code


@given(
    st.sampled_from([Family.NNP, Family.MIG])
    .flatmap(lambda f: st.one_of(family_strings(f), invalid_family_strings(f)))
    .flatmap(lambda text: st.tuples(st.just(text), decorated(text)))
)
def test_separators_never_change_a_fund_number(pair: tuple[str, str]) -> None:
    text, spelled = pair
    for family in (Family.NNP, Family.MIG):
        assert _accepted(family, spelled) == _accepted(family, text)


LONG_DIGIT_RUN = re.compile(r"\d{5,}")


@given(st.sampled_from(FAMILIES).flatmap(family_strings))
def test_masks_never_show_more_than_the_first_digit(text: str) -> None:
    for family in FAMILIES:
        for profile in ("standard", "strict"):
            value = _read(family, text, profile=profile)
            if isinstance(value, NIRError):
                for message in (str(value), repr(value), value.message_fr, str(value.args)):
                    assert not LONG_DIGIT_RUN.search(message) and text[1:] not in message
                continue
            for form in (str(value), f"{value}", value.masked):
                assert form[0] == text[0] and set(form[1:]) <= {" ", "•"}
            assert repr(value) == f"{type(value).__name__}({value.masked!r})"
            if family is Family.NTT:
                assert value.masked == text[0] + " ••••••••• •••"


@given(st.sampled_from([*FAMILIES, Family.NIR]), texts)
def test_the_command_line_shows_no_more_than_the_first_character(family: Family, text: str) -> None:
    form = shown(family, text, show_numbers=False)
    assert re.fullmatch(r"\S[ •]*|\(\d+ characters\)|\(empty\)", form), form


@given(family_strings(Family.MIG))
def test_nir_functions_never_accept_a_mig_number(text: str) -> None:
    for profile in PROFILES:
        assert not nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]
        assert not nirkit.diagnose(text, profile=profile).valid  # type: ignore[arg-type]
        assert not nirkit.AuthPolicy(profile=profile).decide(text).allowed  # type: ignore[arg-type]


@given(family_strings(Family.NNP), st.sampled_from(["standard", "strict"]))
def test_nir_functions_never_accept_an_nnp_where_a_key_is_required(text: str, profile: str) -> None:
    diagnosis = nirkit.diagnose(text, profile=profile)  # type: ignore[arg-type]
    assert not diagnosis.valid and diagnosis.errors[0].code == "bad_length"


@given(family_strings(Family.NTT))
def test_an_ntt_is_a_nir_only_when_it_is_nir_shaped(text: str) -> None:
    if len(text) not in (13, 15) or not text.isdigit():
        for profile in PROFILES:
            assert not nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]
