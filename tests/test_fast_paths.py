"""The fast paths agree with the rules they shortcut.

``is_valid`` and ``parse`` accept the usual spellings with one pattern and an
inlined key check; ``compact_if_valid`` gives scanners (the linter) the same
verdict without the per-call checks. Each must say what ``validate`` says.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nirkit
from nirkit import NIRError, Profile
from nirkit._api import compact_if_valid
from tests.helpers import with_key
from tests.property.numbers import decorated, near_numbers, valid_numbers

PROFILES = ["lenient", "standard", "strict", Profile("fixtures", warnings_are_errors=True)]
TEXTS = [
    with_key("1 84 02 75 123 456"),
    with_key("1 80 02 20 123 456"),  # a warning: refused where warnings are errors
    "269054958815780",  # a specimen: the same
    with_key("1 84 02 75 123 000"),  # lenient only
    with_key("1 84 02 75 123 456")[:-3],  # keyless: lenient only
    with_key("1 84 02 2A 123 456"),
    with_key("1 84 02 2b 123 456"),
    with_key("1 84 02 974 12 456").replace(" ", "."),
    "1 84 02 75 123 456 00",
    "",
]


def _validated(text: str, profile: str | Profile) -> str | None:
    try:
        return nirkit.validate(text, profile=profile)  # type: ignore[arg-type]
    except NIRError:
        return None


def _scanned(text: str, profile: str | Profile) -> str | None:
    """What ``compact_if_valid`` must give: a keyless number keeps its 13 characters
    (a scanner needs the verdict, not the key)."""
    valid = _validated(text, profile)
    return valid if valid is None else valid[: len(nirkit.compact(text))]


@pytest.mark.parametrize("profile", PROFILES, ids=str)
@pytest.mark.parametrize("text", TEXTS)
def test_compact_if_valid_says_what_validate_says(text: str, profile: str | Profile) -> None:
    assert compact_if_valid(profile)(text) == _scanned(text, profile)  # type: ignore[arg-type]


@given(st.one_of(valid_numbers, near_numbers).flatmap(decorated), st.sampled_from(PROFILES))
def test_every_fast_path_agrees(text: str, profile: str | Profile) -> None:
    expected = _scanned(text, profile)
    assert compact_if_valid(profile)(text) == expected  # type: ignore[arg-type]
    assert nirkit.is_valid(text, profile=profile) is (expected is not None)  # type: ignore[arg-type]
    assert nirkit.diagnose(text, profile=profile).valid is (expected is not None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "profile", "kind"),
    [
        (with_key("7 84 02 75 123 000"), "lenient", nirkit.Kind.PROVISIONAL),
        (with_key("3 84 02 75 123 456")[:-3], "lenient", nirkit.Kind.WAITING),
        (with_key("1 84 45 75 123 456"), "lenient", nirkit.Kind.DEFINITIVE),
    ],
)
def test_classify_follows_the_profile(text: str, profile: str, kind: nirkit.Kind) -> None:
    assert nirkit.classify(text, profile=profile) is kind  # type: ignore[arg-type]
    with pytest.raises(NIRError):
        nirkit.classify(text)


def test_a_diagnosis_shows_its_codes_not_the_number() -> None:
    text = with_key("1 80 02 20 123 456")
    assert repr(nirkit.diagnose(text)) == (
        "Diagnosis(valid=True, kind=<Kind.DEFINITIVE: 'definitive'>, "
        "codes=['corsica_20_after_1975'])"
    )
    assert repr(nirkit.diagnose("0 95 13 99 126 111 00")) == (
        "Diagnosis(valid=False, kind=None, codes=['bad_kind_digit', 'bad_month', "
        "'key_out_of_range'])"
    )
