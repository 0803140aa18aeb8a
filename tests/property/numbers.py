"""Strategies for the core properties: valid numbers and near-misses.

Built field by field and independent of ``nirkit.strategies``, so that the
library's own generator does not test itself.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.helpers import key_for

KIND_DIGITS = "123478"
SEPARATORS = [" ", ".", "-", "\t", "\u00a0", "\u202f"]


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


def _three(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:03d}")


months = st.one_of(_two(1, 12), _two(20, 42), _two(50, 99))
places = st.one_of(
    st.tuples(
        st.sampled_from([f"{d:02d}" for d in range(1, 97)] + ["2A", "2B"]), _three(1, 999)
    ).map("".join),
    st.tuples(
        st.sampled_from([f"97{d}" for d in range(1, 9)] + [f"98{d}" for d in range(4, 10)]),
        _two(1, 99),
    ).map("".join),
    _three(1, 999).map(lambda country: "99" + country),
)
bodies = st.tuples(st.sampled_from(KIND_DIGITS), _two(0, 99), months, places, _three(1, 999)).map(
    "".join
)
valid_numbers = bodies.map(lambda body: f"{body}{key_for(body):02d}")

# A valid body with one field replaced by any value of its width, so that every
# boundary of every rule is met with the other fields right; the key is right
# most of the time.
_ANY_FIELD = {
    "kind": (0, st.sampled_from("0123456789")),
    "month": (3, _two(0, 99)),
    "department": (5, st.one_of(_two(0, 99), st.sampled_from(["2A", "2B", "2C", "3A"]))),
    "overseas": (5, _three(970, 989)),
    "commune": (7, _three(0, 999)),
    "overseas_commune": (8, _two(0, 99)),
    "order": (10, _three(0, 999)),
}


@st.composite
def _one_field_off(draw: st.DrawFn) -> str:
    body = draw(bodies)
    start, values = _ANY_FIELD[draw(st.sampled_from(sorted(_ANY_FIELD)))]
    value = draw(values)
    body = body[:start] + value + body[start + len(value) :]
    if draw(st.integers(0, 3)) == 0:
        return body + draw(_two(0, 99))
    try:
        return f"{body}{key_for(body):02d}"
    except ValueError:
        return body + "00"  # a bad character: no key can be computed, any will do


near_numbers = _one_field_off()


@st.composite
def decorated(draw: st.DrawFn, number: str) -> str:
    """``number`` with separators inserted anywhere, kept within 64 characters."""
    pieces = []
    budget = 64 - len(number)
    for char in number:
        if budget > 0 and draw(st.booleans()):
            separator = draw(st.sampled_from(SEPARATORS))
            pieces.append(separator)
            budget -= 1
        pieces.append(char)
    return "".join(pieces)
