"""nirkit against python-stdnum (a test dependency only).

Whenever nirkit's lenient profile accepts a 15-character number, stdnum accepts
it too. stdnum checks only characters, length and key, so every number it
accepts and nirkit refuses must break one of the extra field rules of RULES.md.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from stdnum.fr import nir as stdnum_nir

import nirkit
from tests.helpers import key_for
from tests.property.numbers import near_numbers, valid_numbers

# Rules nirkit checks and stdnum does not, in the lenient profile.
EXTRA_CHECKS = {"bad_kind_digit", "bad_month", "bad_department"}


@given(st.one_of(valid_numbers, near_numbers))
def test_lenient_acceptance_implies_stdnum_acceptance(number: str) -> None:
    assert len(number) == 15
    ours = nirkit.diagnose(number, profile="lenient")
    theirs = stdnum_nir.is_valid(number)
    if ours.valid:
        assert theirs
    elif theirs:
        assert {issue.code for issue in ours.errors} <= EXTRA_CHECKS


def test_the_differential_sees_both_directions() -> None:
    # A constructed number both accept, and one only stdnum accepts (month 13).
    body = "1841375123456"
    refused = f"{body}{key_for(body):02d}"
    assert stdnum_nir.is_valid(refused)
    assert [e.code for e in nirkit.diagnose(refused, profile="lenient").errors] == ["bad_month"]
    assert stdnum_nir.is_valid("295109912611193")
    assert nirkit.is_valid("295109912611193", profile="lenient")
