"""Every value of every field, in turn, on otherwise-correct numbers.

The fast path (one pattern per profile) and the rule-by-rule checker must agree
on each; the expected verdicts restate RULES.md sections 4 and 6.
"""

from __future__ import annotations

import pytest

import nirkit
from nirkit._checks import find_errors
from nirkit._profiles import LENIENT, STANDARD, Profile
from tests.helpers import key_for

# (body, start of the field, width) for each kind of place.
BASES = {
    "metropolitan": "1840275123456",
    "corsica": "184022A123456",
    "overseas": "1840297412456",
    "abroad": "1840299126456",
}
OVERSEAS = {f"97{d}" for d in "12345678"} | {f"98{d}" for d in "456789"}


def _verdict(body: str, profile: Profile) -> bool:
    text = f"{body}{key_for(body):02d}"
    accepted = nirkit.is_valid(text, profile=profile)
    assert accepted == (not find_errors(text, profile))
    assert accepted == nirkit.diagnose(text, profile=profile).valid
    return accepted


@pytest.mark.parametrize("profile", [LENIENT, STANDARD], ids=lambda p: p.name)
@pytest.mark.parametrize("base", sorted(BASES))
def test_every_month(base: str, profile: Profile) -> None:
    for code in range(100):
        body = BASES[base][:3] + f"{code:02d}" + BASES[base][5:]
        expected = 1 <= code <= 12 or 20 <= code <= 42 or code >= 50
        expected |= profile.month_43_49_allowed and 43 <= code <= 49
        assert _verdict(body, profile) == expected, code


@pytest.mark.parametrize("profile", [LENIENT, STANDARD], ids=lambda p: p.name)
def test_every_two_digit_department(profile: Profile) -> None:
    for code in range(100):
        if code in (97, 98):
            continue  # three-digit codes, below
        body = f"18402{code:02d}123456"
        assert _verdict(body, profile) == (code != 0), code


@pytest.mark.parametrize("profile", [LENIENT, STANDARD], ids=lambda p: p.name)
def test_every_overseas_code(profile: Profile) -> None:
    for code in range(970, 990):
        body = f"18402{code}12456"
        assert _verdict(body, profile) == (str(code) in OVERSEAS), code


@pytest.mark.parametrize("profile", [LENIENT, STANDARD], ids=lambda p: p.name)
@pytest.mark.parametrize(
    ("base", "start", "width"),
    [
        ("metropolitan", 7, 3),
        ("corsica", 7, 3),
        ("overseas", 8, 2),
        ("abroad", 7, 3),
        ("metropolitan", 10, 3),
    ],
)
def test_every_commune_country_and_order(
    base: str, start: int, width: int, profile: Profile
) -> None:
    for value in range(10**width):
        body = BASES[base][:start] + f"{value:0{width}d}" + BASES[base][start + width :]
        expected = value != 0 or profile.zero_fields_allowed
        assert _verdict(body, profile) == expected, value


@pytest.mark.parametrize("digit", "0123456789")
def test_every_kind_digit(digit: str) -> None:
    assert _verdict(digit + BASES["metropolitan"][1:], STANDARD) == (digit in "123478")


def test_every_key() -> None:
    body = BASES["corsica"]
    right = key_for(body)
    for key in range(100):
        text = f"{body}{key:02d}"
        codes = [issue.code for issue in nirkit.diagnose(text).errors]
        if key == right:
            assert codes == []
        elif key in (0, 98, 99):
            assert codes == ["key_out_of_range"]
        else:
            assert codes == ["key_mismatch"]
